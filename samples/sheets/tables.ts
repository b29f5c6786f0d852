/** Shared helpers for writing the sample workbook's tables and formula sheets. */
import type ExcelJS from "exceljs";
import { EngineError } from "../../engine/error";

/** A sample's engine result, which must not be an error (the sample data is built to be valid). */
export function unwrap<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw value;
  return value;
}

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


/** A cell's cached result as exceljs writes it: a value, or an Excel error for an EngineError. */
export type CachedResult = number | string | boolean | Date | EngineError;

const cached = (result: CachedResult): ExcelJS.CellFormulaValue["result"] =>
  result instanceof EngineError ? { error: result.code as ExcelJS.CellErrorValue["error"] } : result;

/** A formula with the result the engine computed for it. */
export function writeFormula(sheet: ExcelJS.Worksheet, row: number, column: number, formula: string, result: CachedResult): void {
  sheet.getCell(row, column).value = { formula, result: cached(result) } as ExcelJS.CellFormulaValue;
}

/**
 * A spilling formula (written as an array formula over the spill's block, which every Excel
 * version understands) with the engine's values in every cell of the block.
 */
export function writeSpill(sheet: ExcelJS.Worksheet, row: number, column: number, formula: string, values: CachedResult[][]): void {
  const rows = values.length;
  const columns = values[0].length;
  const ref = `${columnLetter(column)}${row}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (r === 0 && c === 0) sheet.getCell(row, column).value = { formula, result: cached(value), shareType: "array", ref } as ArrayFormulaValue;
      else sheet.getCell(row + r, column + c).value = value instanceof EngineError ? { error: value.code as ExcelJS.CellErrorValue["error"] } : value;
    }),
  );
}

/** The Excel date serial of a sample date (whole days). */
export const serialOf = (date: Date): number => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
