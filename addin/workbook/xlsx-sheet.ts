/** Writes an owned sheet's spec into an exceljs workbook (the charts are added to the saved file). */
import type ExcelJS from "exceljs";
import { isFormula } from "./cells";
import { fileFormula } from "./formulas";
import { BRAND_COLOUR, type SheetSpec } from "./sheet";

export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const existing = workbook.getWorksheet(spec.name);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(spec.name);
  for (const [column, width] of Object.entries(spec.widths)) sheet.getColumn(Number(column)).width = width;
  for (const c of spec.cells) {
    const cell = sheet.getCell(c.row, c.column);
    cell.value = isFormula(c.value) ? { formula: fileFormula(c.value.formula), result: c.result ?? undefined } : c.value;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.bold || c.size || c.band) cell.font = { bold: c.bold || c.band, size: c.size, color: c.band ? { argb: "FFFFFFFF" } : undefined };
    if (c.band) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${BRAND_COLOUR}` } };
  }
}
