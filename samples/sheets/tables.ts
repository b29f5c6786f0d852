/** Shared helpers for writing the sample workbook's tables and formula sheets. */
import type ExcelJS from "exceljs";

export const DATE_FORMAT = "yyyy-mm-dd";

/** exceljs writes array (CSE) formulas from this shape, which its typings do not declare. */
export type ArrayFormulaValue = ExcelJS.CellFormulaValue & { shareType: "array"; ref: string };

export interface TableColumn {
  name: string;
  width?: number;
  numFmt?: string;
}

/** Adds an Excel table (ListObject) with a header row at A1 of a new sheet. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: TableColumn[],
  rows: unknown[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c.name, filterButton: true })),
    rows,
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? Math.max(10, c.name.length + 4);
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return sheet;
}

export const columnLetter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

