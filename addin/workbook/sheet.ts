/**
 * A worksheet the add-in owns and writes whole (such as a QBR): cells with their formats, column
 * widths, and native charts over ranges of the sheet. Both adapters write the same spec.
 */
import type { CellInput } from "./cells";

export interface SheetCell {
  /** 1-based row and column. */
  row: number;
  column: number;
  value: CellInput;
  /** The formula's value, for the .xlsx file's cached result (Excel recalculates it). */
  result?: number | string | boolean | null;
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Heading band: white text on the brand colour. */
  band?: boolean;
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

export interface SheetSpec {
  name: string;
  cells: SheetCell[];
  /** Column widths, in characters, by 1-based column. */
  widths: Record<number, number>;
  charts: ChartSpec[];
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
