/**
 * The "PartnerFit" sheet: the PartnerScores table the add-in keeps, one row per partner, each cell
 * exactly the formula the task pane writes (scoreFormulas) with the value the engine computes for
 * it (scoreValues) cached, so the sheet shows its numbers before the add-in recalculates.
 */
import type ExcelJS from "exceljs";
import { STAGES } from "../../engine/scorecard";
import { latestPlan } from "../../addin/taskpane/model/summary";
import { toSerial } from "../../addin/workbook/cells";
import { fileFormula } from "../../addin/workbook/formulas";
import { PartnerData } from "../../addin/workbook/records";
import { DATE_FORMAT, tableSchema } from "../../addin/workbook/schema";
import { scoreFormulas, scoreValues } from "../../addin/workbook/scores";
import { type RawTable, snapshotOf } from "../../addin/workbook/snapshot";
import { type SampleData, sampleTables } from "../generate";

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

export function addPartnerScoresSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const records = sampleRecords(data);
  const columns = tableSchema("PartnerScores").columns;
  const rows = records.partners.map((partner) => {
    const period = latestPlan(records.plansOf(partner.id))?.period ?? null;
    const formulas = scoreFormulas(period);
    const values = scoreValues(records, partner.id, period);
    return [
      partner.id,
      ...columns.slice(1).map((c) => {
        const name = c.name as keyof typeof formulas;
        const formula = formulas[name];
        const value = values[name];
        // A date is cached as a date, as a file read back gives it (LastAudit).
        const result = name === "LastAudit" && typeof value === "number" ? new Date(Date.UTC(1899, 11, 30) + value * 86_400_000) : (value ?? "");
        if (formula && typeof formula === "object") return { formula: fileFormula(formula.formula), result };
        return value;
      }),
    ];
  });
  const sheet = workbook.addWorksheet(SCORES_SHEET);
  sheet.addTable({
    name: "PartnerScores",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: columns.map((c) => ({ name: c.name, filterButton: true })),
    rows,
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? Math.max(10, c.name.length + 3);
    const format = formatOf(c.name);
    if (format) column.numFmt = format;
  });
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
}
