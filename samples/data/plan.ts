/** The sample partners' annual business plans: KPI targets for 2026 and actuals to the end of September. */
import type { Random } from "../../engine/random";
import type { Partner } from "./partners";
import { clamp, strength } from "./shape";

export interface PlanRow {
  partnerId: string;
  period: string;
  kpi: string;
  target: number;
  actual: number;
  weight: number;
}

export const PLAN_PERIOD = "FY2026";
export const PLAN_START = new Date(Date.UTC(2026, 0, 1));
export const PLAN_END = new Date(Date.UTC(2026, 11, 31));
/** Share of the plan year gone by on the sample's reference date, 30 September 2026 (273 of 365 days). */
export const YEAR_ELAPSED = 273 / 365;

const SCALE: Record<string, number> = {
  Distributor: 6,
  "System integrator": 3,
  "Managed service provider": 2.5,
  Reseller: 2,
  "ISV alliance": 1.5,
  "Referral partner": 0.6,
};

/** KPI, how it scales with the partner's size, rounding step and weight in the plan. */
const KPIS: readonly { kpi: string; base: number; step: number; weight: number }[] = [
  { kpi: "Revenue", base: 250_000, step: 5_000, weight: 3 },
  { kpi: "Pipeline", base: 750_000, step: 10_000, weight: 1 },
  { kpi: "New customers", base: 12, step: 1, weight: 1 },
  { kpi: "Certified staff", base: 4, step: 1, weight: 1 },
];

export function samplePlans(random: Random, partners: readonly Partner[]): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const s = strength(partner);
    const size = (SCALE[partner.type] ?? 1) * (1 + 0.35 * partner.quality) * (partner.status === "Onboarding" ? 0.4 : 1);
    // How the partner is doing against plan this year: better partners deliver more of it.
    const delivery = clamp(0.9 + 0.2 * s + 0.15 * random.normal(), 0.3, 1.6);
    for (const { kpi, base, step, weight } of KPIS) {
      const target = Math.max(step, Math.round((base * Math.max(0.2, size)) / step) * step);
      const actual = Math.max(0, Math.round((target * YEAR_ELAPSED * delivery * (1 + 0.12 * random.normal())) / step) * step);
      rows.push({ partnerId: partner.id, period: PLAN_PERIOD, kpi, target, actual, weight });
    }
  }
  return rows;
}
