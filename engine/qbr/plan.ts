/**
 * The joint business plan in a quarterly business review: the plan's activities with their status
 * and spend, the MDF of the plan period (allocated, approved, paid, available, utilisation) and
 * the realism of the next quarter's KPI targets against what the network reached. Pure: the sheet,
 * the deck and the task pane only lay it out.
 */
import { isEngineError } from "../error";
import { type FundBalances, type FundState, fundBalances, fundStateOf, requestLedger } from "../funds";
import { type RealismLevel, targetRealism } from "../plan/realism";
import { reviewPeriod, samePeriod } from "./quarter";

/** A PlanActivities row, with its Library names (blank when the library lacks the activity). */
export interface QbrActivityRow {
  period: string;
  goalId: string;
  activityId: string;
  /** The activity's name in the Library; `null` when the Library has no such activity. */
  activity: string | null;
  goal: string | null;
  owner: string | null;
  start: number | null;
  end: number | null;
  budget: number | null;
  status: string | null;
  requestId: string | null;
}

export interface QbrFundRequestRow {
  requestId: string;
  period: string;
  activityId: string | null;
  /** Blank: MDF. */
  fundType: string | null;
  amount: number | null;
  claimAmount: number | null;
  state: string | null;
}

export interface QbrFundRow {
  period: string;
  fundType: string | null;
  allocated: number | null;
}

/** What other partners reached on a KPI (their latest actuals) and who they are ("MGP partners"). */
export interface QbrKpiNetwork {
  kpi: string;
  reached: readonly number[];
  who: string;
}

export interface QbrPlanInput {
  /** The quarter under review, "yyyy-Qn". */
  quarter: string;
  activities: readonly QbrActivityRow[];
  funds: readonly QbrFundRow[];
  fundRequests: readonly QbrFundRequestRow[];
  plans: readonly { period: string; kpi: string; target: number | null }[];
  networks: readonly QbrKpiNetwork[];
}

/** Where an activity's spend comes from: the claim of its fund request, or its budget once it is done. */
export type SpendBasis = "claim" | "budget";

export interface ActivityLine {
  goalId: string;
  activityId: string;
  /** The Library's name of the activity, or its id when the Library lacks it. */
  activity: string;
  goal: string | null;
  owner: string | null;
  start: number | null;
  end: number | null;
  status: string | null;
  budget: number | null;
  /** The activity's fund request (by its RequestId, else the period's request for the same activity). */
  request: { requestId: string; state: FundState | null; amount: number | null; claimed: number | null } | null;
  /** See `spendOf`; 0 when nothing is spent yet. */
  spend: number;
  basis: SpendBasis | null;
}

export interface PlanFunds {
  /** The MDF ledger of the plan period; `null` with nothing allocated and no request. */
  balances: FundBalances | null;
  /** The ledger's message when its rows break a rule (e.g. more approved than allocated). */
  error: string | null;
}

export interface QbrPlanActivities {
  /** The plan period the activities and funds are of: the quarter's own, else the shortest covering it. */
  period: string | null;
  lines: ActivityLine[];
  /** How many activities have each status, statuses in the order Planned, In progress, Done, Cancelled, then others. */
  statuses: { status: string; count: number }[];
  budget: number;
  spend: number;
  mdf: PlanFunds;
}

export interface TargetLine {
  kpi: string;
  target: number;
  /** PERCENTRANK.INC among what the network reached (the Plan builder's figure); `null` with no history. */
  percentile: number | null;
  level: RealismLevel | null;
  /** As the Plan builder shows it: "Stretch — P85", "No history". */
  label: string;
  /** How many partners the target is measured against, and who they are. */
  peers: number;
  who: string;
}

export interface NextTargets {
  quarter: string;
  /** The plan period whose targets cover the next quarter; `null` when no plan does yet. */
  period: string | null;
  lines: TargetLine[];
}

const STATUS_ORDER = ["planned", "in progress", "done", "cancelled"];
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
const isMdf = (fundType: string | null) => !fundType?.trim() || same(fundType, "MDF");
const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);

export function nextQuarterOf(quarter: string): string {
  const [year, q] = quarter.split("-Q").map(Number);
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/**
 * What an activity has spent, as the review counts it: the amount claimed on its fund request once
 * the request is Claimed or Paid (spent, with proof of performance); else, for an activity marked
 * Done, its whole budget; else nothing yet.
 */
export function spendOf(status: string | null, budget: number | null, request: ActivityLine["request"]): { spend: number; basis: SpendBasis | null } {
  if (request && (request.state === "Claimed" || request.state === "Paid") && finite(request.claimed)) return { spend: request.claimed, basis: "claim" };
  if (same(status, "Done") && finite(budget)) return { spend: budget, basis: "budget" };
  return { spend: 0, basis: null };
}

/** The plan's activities and MDF of the period that covers `quarter`. */
export function planActivities(input: Pick<QbrPlanInput, "quarter" | "activities" | "funds" | "fundRequests">): QbrPlanActivities {
  const mdfFunds = input.funds.filter((f) => isMdf(f.fundType));
  const mdfRequests = input.fundRequests.filter((r) => isMdf(r.fundType));
  const period = reviewPeriod([...input.activities, ...mdfFunds, ...mdfRequests].map((r) => r.period), input.quarter);
  const inPeriod = <T extends { period: string }>(rows: readonly T[]) => (period === null ? [] : rows.filter((r) => samePeriod(r.period, period)));
  const requests = inPeriod(input.fundRequests);

  const lines: ActivityLine[] = inPeriod(input.activities).map((a) => {
    const found = (a.requestId ? requests.find((r) => same(r.requestId, a.requestId)) : undefined) ?? requests.find((r) => same(r.activityId, a.activityId));
    const request = found ? { requestId: found.requestId, state: fundStateOf(found.state), amount: found.amount, claimed: found.claimAmount } : null;
    return {
      goalId: a.goalId,
      activityId: a.activityId,
      activity: a.activity?.trim() || a.activityId,
      goal: a.goal,
      owner: a.owner,
      start: a.start,
      end: a.end,
      status: a.status,
      budget: a.budget,
      request,
      ...spendOf(a.status, a.budget, request),
    };
  });
  // In the order they run; undated ones last.
  lines.sort((x, y) => (x.start ?? Infinity) - (y.start ?? Infinity) || x.activity.localeCompare(y.activity));

  const counts = new Map<string, { status: string; count: number }>();
  for (const l of lines) {
    const status = l.status?.trim() || "No status";
    const entry = counts.get(status.toLowerCase()) ?? { status, count: 0 };
    entry.count++;
    counts.set(status.toLowerCase(), entry);
  }
  const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  const statuses = [...counts.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([, v]) => v);

  const allocations = inPeriod(mdfFunds).map((f) => f.allocated);
  const ledgerRows = inPeriod(mdfRequests);
  let mdf: PlanFunds = { balances: null, error: null };
  if (allocations.length || ledgerRows.length) {
    const balances = fundBalances(allocations, ledgerRows.map(requestLedger), (arg, i) =>
      arg === "allocated"
        ? `Funds, MDF row ${i + 1} of ${period}, Allocated`
        : `FundRequests, request ${ledgerRows[i].requestId}, ${arg === "requested" || arg === "approved" ? "Amount" : "ClaimAmount"}`,
    );
    mdf = isEngineError(balances) ? { balances: null, error: balances.message } : { balances, error: null };
  }

  return {
    period,
    lines,
    statuses,
    budget: lines.reduce((n, l) => n + (finite(l.budget) ? l.budget : 0), 0),
    spend: lines.reduce((n, l) => n + l.spend, 0),
    mdf,
  };
}

/**
 * The KPI targets of the plan that covers the quarter after `quarter`, each with its realism as the
 * Plan builder shows it: its percentile among what the network reached, and the label.
 */
export function nextTargets(input: Pick<QbrPlanInput, "quarter" | "plans" | "networks">): NextTargets {
  const quarter = nextQuarterOf(input.quarter);
  const period = reviewPeriod(
    input.plans.filter((p) => finite(p.target) && p.target > 0).map((p) => p.period),
    quarter,
  );
  const lines: TargetLine[] = [];
  if (period !== null) {
    for (const p of input.plans) {
      if (!samePeriod(p.period, period) || !finite(p.target) || p.target <= 0) continue;
      const network = input.networks.find((n) => same(n.kpi, p.kpi));
      const reached = (network?.reached ?? []).filter(Number.isFinite);
      const realism = targetRealism(p.target, reached);
      lines.push({ kpi: p.kpi, target: p.target, percentile: realism.percentile, level: realism.level, label: realism.label, peers: reached.length, who: network?.who ?? "partners" });
    }
  }
  return { quarter, period, lines };
}
