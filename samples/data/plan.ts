/**
 * The sample partners' annual business plans: KPI targets for 2026 and actuals to the end of
 * September. The actuals a Deals table can give (revenue won, pipeline created, new customers)
 * are the partner's deals counted as PARTNER.ACTUALS counts them, so that the plan and the deals
 * tell one story; one active partner in six typed them at the end of August and has not caught up
 * with September's deals (the Plan tab offers the figures from the deals).
 */
import { isEngineError } from "../../engine/error";
import { type ActualMeasure, dealActuals } from "../../engine/plan/actuals";
import type { Random } from "../../engine/random";
import type { DealRow } from "./deals";
import { AS_OF, type Partner } from "./partners";
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

/** A date as Excel's serial day number. */
const serial = (date: Date) => Math.round(date.getTime() / 86_400_000) + 25_569;
/** The last day the lagging partners' typed actuals count. */
const TYPED_UNTIL = serial(new Date(Date.UTC(2026, 7, 31)));

/** The partner's figure for a KPI the deals measure, as PARTNER.ACTUALS gives it (deals after `until` left out). */
function fromDeals(deals: readonly DealRow[], partnerId: string, measure: ActualMeasure, until: number): number {
  const rows = deals
    .filter((d) => serial(d.opened) <= until)
    .map((d) => {
      const closed = d.closed === null || serial(d.closed) > until ? null : serial(d.closed);
      return { partner: d.partnerId, amount: d.amount, outcome: closed === null ? "Open" : d.outcome, opened: serial(d.opened), closed, account: d.accountId, registered: d.registered && serial(d.registered) };
    });
  const result = dealActuals(rows, [partnerId], [PLAN_PERIOD], measure);
  if (isEngineError(result)) throw new Error(`the sample's deals of ${partnerId} do not count: ${result.message}`);
  return result[0][0];
}

const MEASURED: Readonly<Record<string, ActualMeasure>> = { Revenue: "Revenue", Pipeline: "Pipeline", "New customers": "New customers" };

export function samplePlans(random: Random, partners: readonly Partner[], deals: readonly DealRow[]): PlanRow[] {
  const rows: PlanRow[] = [];
  const byPartner = new Map<string, DealRow[]>();
  for (const d of deals) {
    const list = byPartner.get(d.partnerId);
    if (list) list.push(d);
    else byPartner.set(d.partnerId, [d]);
  }
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const s = strength(partner);
    const size = (SCALE[partner.type] ?? 1) * (1 + 0.35 * partner.quality) * (partner.status === "Onboarding" ? 0.4 : 1);
    // How the partner is doing against plan this year: better partners deliver more of it.
    const delivery = clamp(0.9 + 0.2 * s + 0.15 * random.normal(), 0.3, 1.6);
    const mine = byPartner.get(partner.id) ?? [];
    const lagging = mine.length > 0 && random.next() < 1 / 6;
    for (const { kpi, base, step, weight } of KPIS) {
      const noise = 1 + 0.12 * random.normal();
      const measure = MEASURED[kpi];
      let target = Math.max(step, Math.round((base * Math.max(0.2, size)) / step) * step);
      let actual: number;
      if (measure) {
        // What the deals say (nothing for a partner that has registered none yet); the target is
        // what that much by the end of September stands for, at the partner's delivery.
        const counted = fromDeals(mine, partner.id, measure, serial(AS_OF));
        if (counted > 0) target = Math.max(step, Math.round(counted / (YEAR_ELAPSED * delivery * noise) / step) * step);
        actual = lagging ? fromDeals(mine, partner.id, measure, TYPED_UNTIL) : counted;
      } else actual = Math.max(0, Math.round((target * YEAR_ELAPSED * delivery * noise) / step) * step);
      rows.push({ partnerId: partner.id, period: PLAN_PERIOD, kpi, target, actual, weight });
    }
  }
  return rows;
}
