/**
 * The quarterly business review of one partner, assembled from its workbook data with the other
 * models: plan against actual per KPI, audit and scorecard with their change since the previous
 * quarter, tier, segment, pipeline and win rate against the network, tasks, the plan's approval,
 * the P&L summary with break-even, and the account plan (top accounts, deals registered and won with
 * the partner's credit). Pure: the task pane and the deck only lay it out.
 */
import { AREA_ORDER, AUDIT_AREAS, type AreaId, auditAreas } from "../audit";
import { EngineError, fail, guard, valueOrNull } from "../error";
import { type QuartileLabel, benchmark, winRate } from "../funnel";
import { messages } from "../messages";
import { type PlanStatus, type TaskState, attainment, planAttainment, planStatus, quarterOf, status, taskStatus } from "../plan";
import { type PnlSummary, pnl, pnlSummary } from "../pnl";
import { ESTABLISHED, type GapRow, STAGES, type Stage, gaps, stage } from "../scorecard";
import { type Quadrant, segment } from "../segment";
import { type Tier, type TierCondition, nextTier, tier } from "../tier";
import { type QbrAccountPlanRow, type QbrAccountRow, type QbrAccounts, accountPlan } from "./accounts";
import { type NextTargets, type QbrActivityRow, type QbrFundRequestRow, type QbrFundRow, type QbrKpiNetwork, type QbrPlanActivities, nextTargets, planActivities } from "./plan";
import { previousQuarterOf, quarterBounds, ratingAsOf, reviewPeriod, samePeriod } from "./quarter";

/** The plain rows a QBR reads (the workbook's tables, already typed). */
export interface QbrInput {
  partner: { id: string; name: string; region?: string | null; territory?: string | null; channelManager?: string | null; type?: string | null };
  /** The quarter under review, e.g. "2026-Q3" (any form `quarterOf` reads). */
  quarter: string;
  audits: readonly { area: string; criterion: string; rating: number | null; date: number | null }[];
  scorecards: readonly { category: string; topic: string; score: number | null; target: number | null; weight: number | null; date: number | null }[];
  engagement: readonly { answers: readonly boolean[]; opportunities: number | null; period: string | null; prospect: boolean }[];
  metrics: { potential: number | null; performance: number | null } | null;
  plans: readonly { period: string; kpi: string; target: number | null; actual: number | null; weight?: number | null }[];
  tasks: readonly { task: string; due: number | null; owner: string | null; done: number | null }[];
  /**
   * The day the review is made (a date serial). Tasks are judged as of the quarter's last day, or
   * of this day when the review is made before the quarter ends; without it, the quarter's last day.
   */
  asOf?: number | null;
  deals: readonly {
    dealId: string;
    stage: string | null;
    amount: number | null;
    outcome: string | null;
    opened: number | null;
    closed: number | null;
    accountId?: string | null;
    registered?: number | null;
    source?: string | null;
  }[];
  /** Win rates of the other partners of the network in the quarter (for the quartile). */
  networkWinRates: readonly number[];
  approvals: readonly { period: string; state: string | null; acceptedBy: string | null; acceptedOn: number | null; approvedBy: string | null; approvedOn: number | null; comment: string | null }[];
  /** The partner's P&L assumptions (defaults with its own rows), in the form PARTNER.PNL reads; null when none. */
  assumptions: readonly (readonly unknown[])[] | null;
  /** The partner's PlanActivities rows with their Library names (none: blank). */
  planActivities?: readonly QbrActivityRow[];
  /** The partner's Funds and FundRequests rows. */
  funds?: readonly QbrFundRow[];
  fundRequests?: readonly QbrFundRequestRow[];
  /** Per KPI, what comparable partners reached: the realism of the next quarter's targets is measured against it. */
  networks?: readonly QbrKpiNetwork[];
  /** The end-customer accounts the partner's deals and account plans name. */
  accounts?: readonly QbrAccountRow[];
  /** The partner's AccountPlans rows. */
  accountPlans?: readonly QbrAccountPlanRow[];
}

export interface AuditSnapshot {
  date: number;
  areas: Record<AreaId, number | null>;
  overall: number;
}

export interface KpiLine {
  kpi: string;
  /** The plan period the KPI belongs to ("2026-Q3", "FY2026"). */
  period?: string;
  target: number | null;
  actual: number | null;
  /** The KPI's weight in the plan's overall attainment (blank: 1). */
  weight?: number | null;
  attainment: number | null;
  status: PlanStatus | null;
}

export interface Qbr {
  partner: QbrInput["partner"];
  quarter: string;
  previousQuarter: string;
  /** First and last day of the quarter (Excel serials). */
  start: number;
  end: number;
  /**
   * The plan the review follows: the quarter's own, or else the shortest plan period covering it
   * (its year's, to date); `null` when the partner has no plan covering the quarter. The KPIs, the
   * total and the approval are all of this one period.
   */
  planPeriod: string | null;
  kpis: KpiLine[];
  /**
   * All KPIs together: the weighted mean of each KPI's attainment, each counted up to its target
   * (PARTNER.PLAN.ATTAINMENT), and its status. No target or actual: KPIs in different units do not add up.
   */
  total: KpiLine | null;
  audit: { current: AuditSnapshot | null; previous: AuditSnapshot | null; change: number | null };
  scorecard: {
    stages: { stage: Stage; score: number | null; previous: number | null }[];
    current: Stage | typeof ESTABLISHED | null;
    previous: Stage | typeof ESTABLISHED | null;
    gaps: GapRow[];
  };
  /**
   * The tier that holds in the quarter (the latest Engagement rating up to its end), the quarter
   * that rating is of (`rated`, earlier than the review's when the partner was not rated in it), and
   * the tier that held in the quarter before; `next` is the tier one step up and `missing` what the
   * partner does not meet of it yet (nothing for an MVP or an unrated partner).
   */
  tier: { current: Tier | null; rated: string | null; previous: Tier | null; next: Tier | null; missing: TierCondition[] };
  segment: Quadrant | null;
  pipeline: {
    openCount: number;
    openAmount: number;
    won: number;
    lost: number;
    wonAmount: number;
    winRate: number | null;
    networkQuartile: QuartileLabel | null;
  };
  /** The tasks' states as of `asOf`: the quarter's last day, or the day of the review when that is earlier. */
  tasks: { asOf: number; total: number; counts: Record<TaskState, number>; overdue: { task: string; due: number; owner: string | null }[] };
  /**
   * The approval of the plan the review follows, or (a year's plan without one) the quarter's
   * sign-off of it; `period` says which row it is.
   */
  approval: { period: string; state: string | null; acceptedBy: string | null; acceptedOn: number | null; approvedBy: string | null; approvedOn: number | null; withoutAcceptance: boolean } | null;
  pnl: { summary: PnlSummary; years: number; profit: number[]; cumulative: number[] } | null;
  /** The plan's activities with their status and spend, and the MDF of their period (see `planActivities`). */
  activities: QbrPlanActivities;
  /** The realism of the next quarter's KPI targets (see `nextTargets`). */
  next: NextTargets;
  /** The account plan: top accounts, next steps, deals registered and won with the partner's credit (see `accountPlan`). */
  accounts: QbrAccounts;
}

const inQuarter = (serial: number | null, bounds: { start: number; end: number }) => serial !== null && serial >= bounds.start && serial <= bounds.end;

/** The latest audit on or before `end`: its date and scores. */
function auditAsOf(audits: QbrInput["audits"], end: number): AuditSnapshot | null {
  const dates = audits.map((a) => a.date).filter((d): d is number => d !== null && d <= end);
  if (!dates.length) return null;
  const date = Math.max(...dates);
  const ratings = Object.fromEntries(
    AUDIT_AREAS.map((area) => [
      area.id,
      area.criteria.map((c) => {
        const row = audits.find((a) => a.date === date && a.area.toLowerCase() === area.name.toLowerCase() && a.criterion.toLowerCase() === c.label.toLowerCase());
        return row?.rating ?? null;
      }),
    ]),
  ) as Record<AreaId, (number | null)[]>;
  const result = valueOrNull(auditAreas(ratings));
  if (!result) return null;
  return { date, areas: Object.fromEntries(AREA_ORDER.map((id, i) => [id, result.areas[i]])) as Record<AreaId, number | null>, overall: result.overall };
}

/** Each topic's latest score on or before `end`. */
function scorecardAsOf(cards: QbrInput["scorecards"], end: number) {
  const latest = new Map<string, QbrInput["scorecards"][number]>();
  for (const c of cards) {
    if (c.date !== null && c.date > end) continue;
    const key = `${c.category.toLowerCase()}|${c.topic.toLowerCase()}`;
    const seen = latest.get(key);
    if (!seen || (c.date ?? -1) >= (seen.date ?? -1)) latest.set(key, c);
  }
  return [...latest.values()];
}

function stageScores(cards: ReturnType<typeof scorecardAsOf>): (number | null)[] {
  return STAGES.map((s) => {
    const scores = cards.filter((c) => c.category.toLowerCase() === s.toLowerCase() && c.score !== null).map((c) => c.score!);
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  });
}

/** The tier that holds in a quarter (its latest rating up to then), the quarter it was rated in, and the step up from it. */
function tierIn(rows: QbrInput["engagement"], quarter: string): { tier: Tier | null; rated: string | null; next: Tier | null; missing: TierCondition[] } {
  const found = ratingAsOf(rows, quarter);
  if (!found) return { tier: null, rated: null, next: null, missing: [] };
  const { row } = found;
  const step = valueOrNull(nextTier([...row.answers], row.opportunities ?? 0, {}, row.prospect));
  return {
    tier: valueOrNull(tier([...row.answers], row.opportunities ?? 0, {}, row.prospect)),
    rated: found.quarter,
    next: step?.next ?? null,
    missing: step ? [...step.missing] : [],
  };
}

/** `PARTNER.QBR`-style model of one partner's quarter. */
export const buildQbr = guard((input: QbrInput): Qbr => {
  const quarter = quarterOf(input.quarter);
  if (!quarter) fail("#VALUE!", messages.notQuarter("quarter", input.quarter));
  const bounds = quarterBounds(quarter);
  const previousQuarter = previousQuarterOf(quarter);
  const previousBounds = quarterBounds(previousQuarter);

  // Plan against actual, of one plan period.
  const planPeriod = reviewPeriod(
    input.plans.map((p) => p.period),
    quarter,
  );
  const planRows = input.plans.filter((p) => planPeriod !== null && samePeriod(p.period, planPeriod));
  const kpis: KpiLine[] = planRows.map((p) => {
      const can = p.target !== null && p.actual !== null && p.target > 0;
      return {
        kpi: p.kpi,
        period: p.period,
        target: p.target,
        actual: p.actual,
        weight: p.weight ?? null,
        attainment: can ? valueOrNull(attainment(p.actual!, p.target!)) : null,
        status: can ? valueOrNull(status(p.actual!, p.target!)) : null,
      };
  });
  const overall = valueOrNull(planAttainment(planRows));
  const total: KpiLine | null =
    overall === null ? null : { kpi: "All KPIs", period: planPeriod ?? undefined, target: null, actual: null, attainment: overall, status: valueOrNull(planStatus(planRows)) };

  // Audit and scorecard, now and at the end of the previous quarter.
  const current = auditAsOf(input.audits, bounds.end);
  const previous = auditAsOf(input.audits, previousBounds.end);
  const cardsNow = scorecardAsOf(input.scorecards, bounds.end);
  const cardsBefore = scorecardAsOf(input.scorecards, previousBounds.end);
  const scoresNow = stageScores(cardsNow);
  const scoresBefore = stageScores(cardsBefore);
  // The improvement plan as the Scorecard tab ranks it (PARTNER.GAPS over the assessment): a topic
  // not scored yet counts 0, weights only where the table gives some (a blank one then counts 0),
  // and only topics short of their target.
  const weighted = cardsNow.some((c) => c.weight !== null);
  const topGaps = cardsNow.length
    ? (valueOrNull(
        gaps(
          cardsNow.map((c) => c.topic),
          cardsNow.map((c) => c.score),
          cardsNow.map((c) => c.target),
          weighted ? cardsNow.map((c) => c.weight) : null,
        ),
      ) ?? []).filter((g) => g.gap > 0)
    : [];

  // Pipeline and win rate in the quarter, against the network.
  const open = input.deals.filter((d) => (d.outcome ?? "Open").toLowerCase() === "open");
  const decided = input.deals.filter((d) => inQuarter(d.closed, bounds));
  const won = decided.filter((d) => d.outcome?.toLowerCase() === "won");
  const lost = decided.filter((d) => d.outcome?.toLowerCase() === "lost");
  const rate = won.length + lost.length ? valueOrNull(winRate(won.length, lost.length)) : null;

  // Tasks as of the quarter's end, or of the day of the review while the quarter runs (a task due
  // next week is not overdue yet).
  const judged = input.asOf === null || input.asOf === undefined || !Number.isFinite(input.asOf) ? bounds.end : Math.min(Math.floor(input.asOf), bounds.end);
  const counts: Record<TaskState, number> = { Done: 0, "Past due": 0, "Due soon": 0, Pending: 0 };
  const overdue: Qbr["tasks"]["overdue"] = [];
  for (const t of input.tasks) {
    if (t.due === null) continue;
    const state = valueOrNull(taskStatus(t.due, t.done, judged));
    if (!state) continue;
    counts[state]++;
    if (state === "Past due") overdue.push({ task: t.task, due: t.due, owner: t.owner });
  }

  // The approval of the plan the review follows; a plan of a longer period (the year's) without an
  // approval of its own may be signed off quarter by quarter: then the quarter's row.
  const latest = (match: (period: string) => boolean) => [...input.approvals].reverse().find((a) => match(a.period)) ?? null;
  const approvalRow = (planPeriod ? latest((p) => samePeriod(p, planPeriod)) : null) ?? latest((p) => quarterOf(p) === quarter);

  let pnlPart: Qbr["pnl"] = null;
  if (input.assumptions) {
    const table = pnl(input.assumptions);
    const summary = pnlSummary(input.assumptions);
    if (!(table instanceof EngineError) && !(summary instanceof EngineError)) {
      const profit = table.lines.find((l) => l.label === "Profit")!.values;
      const cumulative = table.lines.find((l) => l.label === "Cumulative profit")!.values;
      pnlPart = { summary, years: table.years, profit: [...profit], cumulative: [...cumulative] };
    }
  }

  return {
    partner: input.partner,
    quarter,
    previousQuarter,
    ...bounds,
    planPeriod,
    kpis,
    total,
    audit: { current, previous, change: current && previous && current.date !== previous.date ? current.overall - previous.overall : null },
    scorecard: {
      stages: STAGES.map((s, i) => ({ stage: s, score: scoresNow[i], previous: scoresBefore[i] })),
      current: cardsNow.length ? valueOrNull(stage(scoresNow)) : null,
      previous: cardsBefore.length ? valueOrNull(stage(scoresBefore)) : null,
      gaps: topGaps,
    },
    tier: (() => {
      const now = tierIn(input.engagement, quarter);
      return { current: now.tier, rated: now.rated, previous: tierIn(input.engagement, previousQuarter).tier, next: now.next, missing: now.missing };
    })(),
    segment: input.metrics ? valueOrNull(segment(input.metrics.potential, input.metrics.performance)) : null,
    pipeline: {
      openCount: open.length,
      openAmount: open.reduce((n, d) => n + (d.amount ?? 0), 0),
      won: won.length,
      lost: lost.length,
      wonAmount: won.reduce((n, d) => n + (d.amount ?? 0), 0),
      winRate: rate,
      networkQuartile: rate !== null && input.networkWinRates.length ? valueOrNull(benchmark(rate, [...input.networkWinRates])) : null,
    },
    tasks: { asOf: judged, total: input.tasks.filter((t) => t.due !== null).length, counts, overdue },
    approval: approvalRow && {
      period: approvalRow.period,
      state: approvalRow.state,
      acceptedBy: approvalRow.acceptedBy,
      acceptedOn: approvalRow.acceptedOn,
      approvedBy: approvalRow.approvedBy,
      approvedOn: approvalRow.approvedOn,
      withoutAcceptance: approvalRow.state?.toLowerCase() === "approved" && approvalRow.acceptedOn === null && !approvalRow.acceptedBy,
    },
    pnl: pnlPart,
    activities: planActivities({ quarter, activities: input.planActivities ?? [], funds: input.funds ?? [], fundRequests: input.fundRequests ?? [] }),
    next: nextTargets({ quarter, plans: input.plans, networks: input.networks ?? [] }),
    accounts: accountPlan({ quarter, ...bounds, deals: input.deals, accounts: input.accounts ?? [], accountPlans: input.accountPlans ?? [] }),
  };
});

export * from "./accounts";
export * from "./plan";
export * from "./portfolio";
export * from "./quarter";
