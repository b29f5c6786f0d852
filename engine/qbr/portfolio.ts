/**
 * The portfolio side of the quarterly reviews: plan acceptance and approval by quarter, the
 * partners off track in the quarter, and the partners whose tier moved since the quarter before.
 */
import { guard, valueOrNull } from "../error";
import { type PlanState, type QuarterApprovals, approvalsByQuarter, parsePlanState, planAttainment, planStatus, quarterOf } from "../plan";
import { TIERS, type Tier, tier } from "../tier";
import { previousQuarterOf, quarterBounds, ratingAsOf, reviewPeriod, samePeriod } from "./quarter";

export interface PortfolioReviewInput {
  quarter: string;
  partners: readonly { id: string; name: string }[];
  engagement: readonly { partnerId: string; answers: readonly boolean[]; opportunities: number | null; period: string | null; prospect: boolean }[];
  plans: readonly { partnerId: string; period: string; target: number | null; actual: number | null; weight?: number | null }[];
  approvals: readonly { partnerId: string; period: string; state: string | null; acceptedOn: number | null; acceptedBy: string | null }[];
}

export interface TierMove {
  id: string;
  name: string;
  from: Tier;
  to: Tier;
  /** The move is up the rating (towards MVP). */
  up: boolean;
}

export interface PortfolioReview {
  quarter: string;
  previousQuarter: string;
  /** Acceptance and approval of plans, by quarter (oldest first). */
  approvals: QuarterApprovals[];
  /** Partners whose plan for the quarter (all KPIs weighted, each up to its target) is off track, weakest first. */
  offTrack: { id: string; name: string; attainment: number }[];
  /** Partners whose tier changed between the end of the quarter before and the end of this one (each quarter's latest rating up to then). */
  tierMoves: TierMove[];
  /** Partners rated (an Engagement row) in the quarter itself. */
  rated: number;
}

const RANK = new Map(TIERS.map((t, i) => [t.id, i]));

export const portfolioReview = guard((input: PortfolioReviewInput): PortfolioReview => {
  const quarter = quarterOf(input.quarter) ?? input.quarter;
  quarterBounds(quarter); // fails with a clear message for a period that is not a quarter
  const previousQuarter = previousQuarterOf(quarter);
  const names = new Map(input.partners.map((p) => [p.id.toLowerCase(), p]));

  const plans = input.approvals.flatMap((a) => {
    const state: PlanState | undefined = a.state ? parsePlanState(a.state) : undefined;
    if (!state || !quarterOf(a.period)) return [];
    return [{ period: a.period, state, accepted: a.acceptedOn !== null || !!a.acceptedBy }];
  });
  const approvals = plans.length ? (valueOrNull(approvalsByQuarter(plans)) ?? []) : [];

  // Each partner's plan for the quarter, as its QBR follows it: the quarter's own, or the shortest
  // plan period covering it; all its KPIs weighted, each up to its target.
  const byPartner = new Map<string, PortfolioReviewInput["plans"][number][]>();
  for (const p of input.plans) {
    const key = p.partnerId.toLowerCase();
    byPartner.set(key, [...(byPartner.get(key) ?? []), p]);
  }
  const offTrack: PortfolioReview["offTrack"] = [];
  for (const [key, rows] of byPartner) {
    const partner = names.get(key);
    const period = reviewPeriod(rows.map((r) => r.period), quarter);
    if (!partner || period === null) continue;
    const kpis = rows.filter((r) => samePeriod(r.period, period));
    const attained = valueOrNull(planAttainment(kpis));
    if (attained === null || valueOrNull(planStatus(kpis)) !== "Off track") continue;
    offTrack.push({ id: partner.id, name: partner.name, attainment: attained });
  }
  offTrack.sort((a, b) => a.attainment - b.attainment || a.id.localeCompare(b.id));

  // The tier that holds at the end of each quarter: the latest rating up to then (as the partner's
  // header and its QBR show it).
  const engagement = new Map<string, PortfolioReviewInput["engagement"][number][]>();
  for (const e of input.engagement) {
    const key = e.partnerId.toLowerCase();
    engagement.set(key, [...(engagement.get(key) ?? []), e]);
  }
  const tierIn = (rows: PortfolioReviewInput["engagement"], q: string): Tier | null => {
    const found = ratingAsOf(rows, q);
    return found ? valueOrNull(tier([...found.row.answers], found.row.opportunities ?? 0, {}, found.row.prospect)) : null;
  };
  const tierMoves: TierMove[] = [];
  let rated = 0;
  for (const [key, partner] of names) {
    const rows = engagement.get(key) ?? [];
    if (rows.some((e) => e.period !== null && quarterOf(e.period) === quarter)) rated++;
    const [from, to] = [tierIn(rows, previousQuarter), tierIn(rows, quarter)];
    if (from && to && from !== to) tierMoves.push({ id: partner.id, name: partner.name, from, to, up: RANK.get(to)! < RANK.get(from)! });
  }
  tierMoves.sort((a, b) => Number(b.up) - Number(a.up) || a.id.localeCompare(b.id));
  return { quarter, previousQuarter, approvals, offTrack, tierMoves, rated };
});
