/** Scored 1–100 metrics of the sample partners for potential segmentation and clustering. */
import type { Random } from "../../engine/random";
import type { Partner } from "./partners";
import { score100, strength } from "./shape";

/** The metric columns of the Metrics table after PartnerId. */
export const METRIC_COLUMNS = [
  "Potential",
  "Performance",
  "VerticalCoverage",
  "Certification",
  "CustomerSatisfaction",
  "PipelineGrowth",
  "MarketingReach",
  "TechnicalDepth",
] as const;

export interface MetricsRow {
  partnerId: string;
  /** In METRIC_COLUMNS order; `null` where a prospect has no track record yet. */
  values: (number | null)[];
}

export function sampleMetrics(random: Random, partners: readonly Partner[]): MetricsRow[] {
  return partners.map((partner) => {
    const s = strength(partner);
    // Market potential owes little to how well the partner works with us today.
    const market = random.normal();
    const potential = score100(55 + 16 * market + 5 * partner.quality + 6 * random.normal());
    if (partner.status === "Prospect") {
      const coverage = score100(50 + 12 * market + 10 * random.normal());
      return { partnerId: partner.id, values: [potential, null, coverage, null, null, null, null, null] };
    }
    const metric = (fromStrength: number, fromMarket: number) => score100(50 + fromStrength * s + fromMarket * market + 9 * random.normal());
    return {
      partnerId: partner.id,
      values: [potential, metric(18, 0), metric(6, 12), metric(16, 0), metric(10, 2), metric(12, 6), metric(9, 8), metric(15, 3)],
    };
  });
}
