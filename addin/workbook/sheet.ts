/**
 * A worksheet the add-in writes whole (a QBR, a table made by Set up workbook, the sample's
 * sheets): cells with their formats, column widths, tables, data validation, frozen panes and
 * native charts over ranges of the sheet. Both adapters write the same spec.
 */
import type { CellInput } from "./cells";
import type { ValidationRule } from "./schema";

/** A formula's cached result in a file: a value, or an Excel error (`{ error: "#N/A" }`). */
export type CachedResult = number | string | boolean | null | { error: string };

export interface SheetCell {
  /** 1-based row and column. */
  row: number;
  column: number;
  value: CellInput;
  /** The formula's value, for the .xlsx file's cached result (Excel recalculates it). */
  result?: CachedResult;
  /**
   * A formula that spills (a dynamic array): the size of its result. The other cells of the
   * spill are given as cells of their own holding the cached values.
   */
  spill?: { rows: number; columns: number };
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Heading band: white text on the brand colour. */
  band?: boolean;
  wrap?: boolean;
}

export interface ChartSpec {
  kind: "column" | "line";
  title: string;
  /** Categories: one column of the sheet, rows `first`..`last` (1-based). */
  categories: { column: number; first: number; last: number };
  /** Series: a column each, same rows; `name` is the series' label. */
  series: { name: string; column: number }[];
  /** Where the chart sits: top-left cell (1-based) and size in cells. */
  at: { row: number; column: number; rows: number; columns: number };
}

/** An Excel table on the sheet: its header row is row `top` (the header cells are cells of the spec). */
export interface TableSpec {
  name: string;
  top: number;
  left: number;
  columns: readonly string[];
  /** Data rows below the header (at least 1: a new table's one blank row). */
  rows: number;
  style?: string;
}

/** Data validation on a range: a schema rule, or a list read from a range (`Partners!$A$2:$A$241`). */
export interface ValidationSpec {
  ref: string;
  rule: ValidationRule | { type: "list"; source: string; message?: string };
}

export interface SheetSpec {
  name: string;
  cells: SheetCell[];
  /** Column widths, in characters, by 1-based column. */
  widths: Record<number, number>;
  /** Number formats of whole columns, by 1-based column. */
  columnFormats?: Record<number, string>;
  charts: ChartSpec[];
  tables?: TableSpec[];
  validations?: ValidationSpec[];
  /** Rows and columns kept in view (frozen panes). */
  freeze?: { rows?: number; columns?: number };
}

export const BRAND_COLOUR = "0F6CBD";

/** A1 reference of a 1-based cell. */
export function a1(row: number, column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return `${s}${row}`;
}

/** `'Sheet name'!$A$1:$A$5` for a column range of a sheet. */
export function columnRange(sheet: string, column: number, first: number, last: number): string {
  const abs = (row: number) => a1(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replaceAll("'", "''")}'!${abs(first)}:${abs(last)}`;
}
