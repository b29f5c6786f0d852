import { quarterOf } from "../../../engine/plan/approval";
import type { PlanRecord } from "../../workbook/records";

/** The latest plan period's KPIs (periods compared as quarters when they read as quarters). */
export function latestPlan(plans: readonly PlanRecord[]): { period: string; rows: PlanRecord[] } | null {
  if (!plans.length) return null;
  const key = (p: string) => quarterOf(p) ?? p;
  const period = plans.map((p) => p.period).reduce((a, b) => (key(b) > key(a) ? b : a));
  return { period, rows: plans.filter((p) => key(p.period) === key(period)) };
}
