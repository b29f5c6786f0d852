/**
 * The "PartnerFit" sheet: the PartnerScores table the add-in keeps, one row per partner, each cell
 * exactly the formula the task pane writes (scoreFormulas) with the value the engine computes for
 * it (scoreValues) cached, so the sheet shows its numbers before the add-in recalculates.
 */
import { STAGES } from "../../engine/scorecard";
import { latestPlan } from "../../addin/taskpane/model/summary";
import { toSerial } from "../../addin/workbook/cells";
import { PartnerData } from "../../addin/workbook/records";
import { DATE_FORMAT, tableSchema } from "../../addin/workbook/schema";
import { scoreFormulas, scoreValues } from "../../addin/workbook/scores";
import type { SheetSpec } from "../../addin/workbook/sheet";
import { type RawTable, snapshotOf } from "../../addin/workbook/snapshot";
import { type SampleData, sampleTables } from "../generate";
import { tableSheet } from "./tables";

export const SCORES_SHEET = "PartnerFit";

/** The sample's tables as the workbook layer reads them from a file (dates as Excel serials). */
export function sampleRecords(data: SampleData): PartnerData {
  const raws: RawTable[] = sampleTables(data).map((t) => ({
    name: t.name,
    sheet: t.name,
    origin: { row: 1, column: 1 },
    headers: t.columns.map((c) => c.name),
    rows: t.rows.map((row) => row.map((v) => (v instanceof Date ? toSerial(v) : (v ?? null)))),
  }));
  return new PartnerData(snapshotOf(raws));
}

/** Number formats: the audit date as a date, ratings whole, scores with one decimal, attainment in percent. */
function formatOf(column: string): string | undefined {
  // A partner never audited has 0 (MAXIFS over nothing): shown blank rather than as a day in 1900.
  if (column === "LastAudit") return `${DATE_FORMAT};;`;
  if (column === "Attainment") return "0%";
  if (/ \d+$/.test(column)) return "0";
  if (["Ability", "SweetSpot", "Territory", "Revenue", "Audit", ...STAGES].includes(column)) return "0.0";
  return undefined;
}

export function partnerScoresSheet(data: SampleData): SheetSpec {
  const records = sampleRecords(data);
  const columns = tableSchema("PartnerScores").columns;
  const rows = records.partners.map((partner) => {
    const period = latestPlan(records.plansOf(partner.id))?.period ?? null;
    const formulas = scoreFormulas(period, { weights: true });
    const values = scoreValues(records, partner.id, period);
    return [
      partner.id,
      ...columns.slice(1).map((c) => {
        const name = c.name as keyof typeof formulas;
        const formula = formulas[name];
        const value = values[name];
        if (formula && typeof formula === "object") return { formula: formula.formula, result: value ?? "" };
        return value;
      }),
    ];
  });
  return tableSheet(
    "PartnerScores",
    columns.map((c) => ({ name: c.name, width: c.width, numFmt: formatOf(c.name) })),
    rows,
    { sheet: SCORES_SHEET, style: "TableStyleLight9", defaultWidth: (name) => Math.max(10, name.length + 3), freeze: { rows: 1, columns: 1 } },
  );
}
