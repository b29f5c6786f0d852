/** A partner's QBR input gathered from the workbook's records. */
import { winRate } from "../../engine/funnel";
import { valueOrNull } from "../../engine/error";
import { quarterOf } from "../../engine/plan";
import { type QbrInput, quarterBounds } from "../../engine/qbr";
import { assumptionLines, mergedAssumptions } from "../taskpane/model/assumptions";
import type { PartnerData } from "../workbook/records";

/** Each partner's win rate in the quarter (partners with decided deals only). */
export function networkWinRates(data: PartnerData, quarter: string): Map<string, number> {
  const { start, end } = quarterBounds(quarter);
  const counts = new Map<string, { won: number; lost: number }>();
  for (const d of data.deals) {
    if (d.closed === null || d.closed < start || d.closed > end) continue;
    const outcome = d.outcome?.toLowerCase();
    if (outcome !== "won" && outcome !== "lost") continue;
    const key = d.partnerId.toLowerCase();
    const c = counts.get(key) ?? { won: 0, lost: 0 };
    c[outcome]++;
    counts.set(key, c);
  }
  const rates = new Map<string, number>();
  for (const [id, c] of counts) {
    const rate = valueOrNull(winRate(c.won, c.lost));
    if (rate !== null) rates.set(id, rate);
  }
  return rates;
}

export function qbrInput(data: PartnerData, partnerId: string, quarter: string): QbrInput {
  const partner = data.partner(partnerId);
  if (!partner) throw new Error(`no partner ${partnerId}`);
  const q = quarterOf(quarter) ?? quarter;
  const assumptions = mergedAssumptions(assumptionLines(data, partner.id)).rows;
  const rates = networkWinRates(data, q);
  rates.delete(partner.id.toLowerCase());
  const metrics = data.metricsOf(partner.id)[0];
  return {
    partner,
    quarter: q,
    audits: data.auditsOf(partner.id),
    scorecards: data.scorecardsOf(partner.id),
    engagement: data.engagementOf(partner.id),
    metrics: metrics ? { potential: metrics.potential, performance: metrics.performance } : null,
    plans: data.plansOf(partner.id),
    tasks: data.tasksOf(partner.id),
    deals: data.dealsOf(partner.id),
    networkWinRates: [...rates.values()],
    approvals: data.approvalsOf(partner.id),
    assumptions: assumptions.length ? assumptions : null,
  };
}
