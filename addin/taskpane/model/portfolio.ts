/**
 * The network at a glance, from the partners' summaries and records: the tier mix (engine
 * TIER.MIX), the potential × performance placement (engine SEGMENT, cuts at 50) and roll-ups of
 * each partner's latest plan period by territory, region and channel manager (engine ROLLUP).
 * This module only gathers each partner's rows for the engine.
 */
import { isEngineError } from "../../../engine/error";
import { type RollupRow, rollup } from "../../../engine/plan";
import { type TierMix, tierMix } from "../../../engine/tier";
import type { PartnerData, PartnerRecord } from "../../workbook/records";
import { type PartnerSummary, latestPlan } from "./summary";

export function networkTierMix(summaries: readonly PartnerSummary[]): { mix: TierMix | null; unrated: number } {
  const mix = tierMix(summaries.map((s) => s.tier));
  return { mix: isEngineError(mix) ? null : mix, unrated: summaries.filter((s) => s.tier === null).length };
}

export interface PlacedPartner {
  readonly id: string;
  readonly name: string;
  readonly potential: number;
  readonly performance: number;
  /** The engine's quadrant. */
  readonly segment: string;
}

/** Partners with both metrics and a segment, in the Partners table's order. */
export function placedPartners(data: PartnerData, summaries: readonly PartnerSummary[]): { placed: PlacedPartner[]; unplaced: number } {
  const placed: PlacedPartner[] = [];
  for (const s of summaries) {
    const metrics = data.metricsOf(s.partner.id)[0];
    if (!metrics || metrics.potential === null || metrics.performance === null || s.segment === null) continue;
    placed.push({ id: s.partner.id, name: s.partner.name, potential: metrics.potential, performance: metrics.performance, segment: s.segment });
  }
  return { placed, unplaced: summaries.length - placed.length };
}

export const ROLLUP_KEYS = [
  { id: "territory", label: "Territory" },
  { id: "region", label: "Region" },
  { id: "channelManager", label: "Channel manager" },
] as const;
export type RollupKey = (typeof ROLLUP_KEYS)[number]["id"];

/** Each partner's KPI rows of its latest plan period. */
export function latestPlans(data: PartnerData): { partner: PartnerRecord; period: string; rows: { kpi: string; actual: number | null; target: number | null }[] }[] {
  const out = [];
  for (const partner of data.partners) {
    const plan = latestPlan(data.plansOf(partner.id));
    if (plan) out.push({ partner, period: plan.period, rows: plan.rows });
  }
  return out;
}

/** The KPIs of the latest plans, most common first (Revenue, where plans have it, is the natural default). */
export function planKpis(plans: ReturnType<typeof latestPlans>): string[] {
  const counts = new Map<string, number>();
  for (const p of plans) for (const r of p.rows) counts.set(r.kpi, (counts.get(r.kpi) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([kpi]) => kpi);
}

/**
 * One KPI of the latest plans rolled up by a partner field, keys in alphabetical order; `null`
 * when no partner has that KPI. Plans hold targets for the whole period and actuals to date, so
 * the attainment is to date, not a forecast.
 */
export function planRollup(plans: ReturnType<typeof latestPlans>, kpi: string, key: RollupKey): RollupRow[] | null {
  const keys: (string | null)[] = [];
  const actuals: (number | null)[] = [];
  const targets: (number | null)[] = [];
  for (const p of plans) {
    for (const r of p.rows) {
      if (r.kpi.toLowerCase() !== kpi.toLowerCase()) continue;
      keys.push(p.partner[key]);
      actuals.push(r.actual);
      targets.push(r.target);
    }
  }
  const rows = rollup(keys, actuals, targets);
  return isEngineError(rows) ? null : [...rows].sort((a, b) => a.key.localeCompare(b.key));
}
