/**
 * The Plan tab's offer of actuals from the deals: for each KPI a plan measures that the Deals
 * table can count (revenue, pipeline, new customers, deals won, deals registered), the figure
 * PARTNER.ACTUALS gives for the partner and period.
 */
import { isEngineError } from "../../../engine/error";
import { type ActualMeasure, actualsPeriod, dealActuals, measureOf } from "../../../engine/plan/actuals";
import type { PartnerData } from "../../workbook/records";

export interface DealActual {
  measure: ActualMeasure;
  /** The figure from the deals; `null` when the Deals table cannot give it (see `why`). */
  value: number | null;
  why?: string;
}

/** Of each KPI that names a measure, its figure from the partner's deals in `period`. */
export function dealActualsOf(data: PartnerData, partnerId: string, period: string, kpis: readonly string[]): Map<string, DealActual> {
  const out = new Map<string, DealActual>();
  const deals = data.dealsOf(partnerId);
  const known = actualsPeriod(period) !== undefined;
  const rows = deals.map((d) => ({ partner: partnerId, amount: d.amount, outcome: d.outcome, opened: d.opened, closed: d.closed, account: d.accountId, registered: d.registered }));
  for (const kpi of kpis) {
    const measure = measureOf(kpi);
    if (!measure) continue;
    if (!known) {
      out.set(kpi, { measure, value: null, why: `the period ${period} is not a quarter, year or month the deals can be counted in` });
      continue;
    }
    if (measure === "New customers" && !deals.some((d) => d.accountId)) {
      out.set(kpi, { measure, value: null, why: "no deal of this partner names its account (the Deals table's AccountId column)" });
      continue;
    }
    const result = dealActuals(rows, [partnerId], [period], measure, (arg, i) => `the Deals table's ${arg === "amounts" ? "Amount" : "Outcome"} of ${deals[i]?.dealId ?? "a deal"}`);
    out.set(kpi, isEngineError(result) ? { measure, value: null, why: result.message } : { measure, value: result[0][0] });
  }
  return out;
}
