/**
 * The batches of workbook changes the task pane saves. Each batch also keeps the partner's row of
 * the PartnerScores table (live formulas) current when the workbook has that table.
 */
import { AUDIT_AREAS } from "../../../engine/audit";
import type { Upsert } from "../../workbook/plan";
import type { PartnerData } from "../../workbook/records";
import { scoreFormulas } from "../../workbook/scores";
import { latestPlan } from "./latest-plan";

/**
 * The partner's PartnerScores row: a partner without one gets the row of formulas; a partner with
 * one gets only the period its plan status follows (unchanged, that writes nothing: the formulas
 * are the same for every row, and rewriting them would only drop their cached results).
 */
export function scoresRow(data: PartnerData, partnerId: string): Upsert[] {
  const table = data.snapshot.tables.get("PartnerScores");
  if (!table) return [];
  const period = latestPlan(data.plansOf(partnerId))?.period ?? null;
  const id = table.columns.get("partnerid");
  const wanted = partnerId.trim().toLowerCase();
  const has = id !== undefined && table.rows.some((row) => String(row[id] ?? "").trim().toLowerCase() === wanted);
  const weights = data.snapshot.tables.get("Plan")?.columns.has("weight") ?? false;
  return [{ table: "PartnerScores", key: { PartnerId: partnerId }, set: has ? { PlanPeriod: period } : scoreFormulas(period, { weights }) }];
}

/**
 * An audit of `partnerId` on `date` (an Excel serial): one Audit row per criterion that is rated,
 * or that already had a row that day (cleared to blank). `ratings` are by area, in form order.
 */
export function auditChanges(data: PartnerData, partnerId: string, date: number, ratings: readonly (readonly (number | null)[])[]): Upsert[] {
  const existing = data.auditsOf(partnerId).filter((a) => a.date === date);
  const changes: Upsert[] = [];
  AUDIT_AREAS.forEach((area, a) =>
    area.criteria.forEach((criterion, c) => {
      const rating = ratings[a]?.[c] ?? null;
      const had = existing.some((e) => e.area.toLowerCase() === area.name.toLowerCase() && e.criterion.toLowerCase() === criterion.label.toLowerCase());
      if (rating === null && !had) return;
      changes.push({
        table: "Audit",
        key: { PartnerId: partnerId, Area: area.name, Criterion: criterion.label, Date: date },
        set: { Rating: rating },
      });
    }),
  );
  return [...changes, ...scoresRow(data, partnerId)];
}
