/** Shared helpers for building the sample workbook's sheets (SheetSpecs for the workbook writer). */
import { EngineError } from "../../engine/error";
import { type CellValue, type Formula, toSerial } from "../../addin/workbook/cells";
import { DATE_FORMAT } from "../../addin/workbook/schema";
import type { CachedResult as FileResult, SheetCell, SheetSpec, TableSpec } from "../../addin/workbook/sheet";

/** A sample's engine result, which must not be an error (the sample data is built to be valid). */
export function unwrap<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw value;
  return value;
}

export { DATE_FORMAT };

export interface TableColumn {
  name: string;
  width?: number;
  numFmt?: string;
}

export const columnLetter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** A constant as the sample computes it (dates as JavaScript dates). */
export type SampleValue = CellValue | Date;
/** A formula's result as the engine computes it. */
export type CachedResult = number | string | boolean | Date | EngineError;

/** The Excel date serial of a sample date (whole days). */
export const serialOf = (date: Date): number => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

const cached = (result: CachedResult | null): FileResult => (result instanceof EngineError ? { error: result.code } : result instanceof Date ? toSerial(result) : result);

type Look = Pick<SheetCell, "numberFormat" | "bold" | "size" | "wrap">;

/**
 * A sheet built cell by cell, as a spreadsheet is: writing a cell again replaces its value and
 * keeps its look. Dates are written as serial numbers shown as dates.
 */
export class SheetBuilder {
  private readonly cells = new Map<string, SheetCell>();
  /** Cells holding a date, shown as one unless given another format. */
  private readonly dates = new Set<SheetCell>();
  readonly widths: Record<number, number> = {};
  readonly columnFormats: Record<number, string> = {};

  constructor(readonly name: string) {}

  /** The cell at `row`, `column` (1-based), made empty when the sheet has none there. */
  cell(row: number, column: number): SheetCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { row, column, value: null }));
    return cell;
  }

  /** A constant (a date becomes its serial, shown as a date unless the cell or its column has a format). */
  set(row: number, column: number, value: SampleValue | Formula, look: Look = {}): SheetCell {
    const cell = Object.assign(this.cell(row, column), look);
    delete cell.result;
    delete cell.spill;
    this.dates.delete(cell);
    if (value instanceof Date) {
      cell.value = toSerial(value);
      this.dates.add(cell);
    } else cell.value = value;
    return cell;
  }

  /** A formula (as Excel shows it, with its `=`) and the result the engine computed for it. */
  formula(row: number, column: number, formula: string, result: CachedResult | null, look: Look = {}): SheetCell {
    if (!formula.startsWith("=")) throw new Error(`${this.name}: a formula starts with =, as Excel shows it: ${formula}`);
    const cell = this.set(row, column, { formula }, look);
    if (result instanceof Date) this.dates.add(cell);
    cell.result = cached(result);
    return cell;
  }

  /** A formula that spills `values` (its own result first), the other cells of the block holding their values. */
  spill(row: number, column: number, formula: string, values: (CachedResult | null)[][]): void {
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (r === 0 && c === 0) return;
        if (value instanceof EngineError) throw new Error(`${this.name}: a spill cell cannot cache ${value.code}`);
        this.set(row + r, column + c, value);
      }),
    );
    const anchor = this.formula(row, column, formula, values[0][0]);
    anchor.spill = { rows: values.length, columns: values[0].length };
  }

  /** `look` for every cell the row has (a row's format, as the writer gives formats to cells only). */
  row(row: number, look: Look): void {
    for (const cell of this.cells.values()) if (cell.row === row) Object.assign(cell, look);
  }

  /** The last row with a cell. */
  get rowCount(): number {
    let last = 0;
    for (const cell of this.cells.values()) last = Math.max(last, cell.row);
    return last;
  }

  spec(extra: Pick<SheetSpec, "freeze" | "validations"> & { tables?: TableSpec[] } = {}): SheetSpec {
    for (const cell of this.dates) if (!cell.numberFormat && !this.columnFormats[cell.column]) cell.numberFormat = DATE_FORMAT;
    return { name: this.name, cells: [...this.cells.values()], widths: this.widths, columnFormats: this.columnFormats, charts: [], ...extra };
  }
}

interface TableSheetOptions {
  /** The sheet's name (the table's by default). */
  sheet?: string;
  style?: string;
  /** A column's width when it gives none. */
  defaultWidth?: (name: string) => number;
  freeze?: SheetSpec["freeze"];
}

/**
 * An Excel table with its header row at A1 of a new sheet, its columns sized and formatted, the
 * header row frozen.
 */
export function tableSheet(name: string, columns: readonly TableColumn[], rows: readonly (readonly unknown[])[], options: TableSheetOptions = {}): SheetSpec {
  const { sheet: sheetName = name, style = "TableStyleMedium2", defaultWidth = (n: string) => Math.max(10, n.length + 4), freeze = { rows: 1 } } = options;
  const sheet = new SheetBuilder(sheetName);
  columns.forEach((c, i) => {
    sheet.set(1, i + 1, c.name);
    sheet.widths[i + 1] = c.width ?? defaultWidth(c.name);
    if (c.numFmt) sheet.columnFormats[i + 1] = c.numFmt;
  });
  rows.forEach((row, r) => row.forEach((value, c) => writeValue(sheet, r + 2, c + 1, value)));
  return sheet.spec({ tables: [{ name, top: 1, left: 1, columns: columns.map((c) => c.name), rows: rows.length, style }], freeze });
}

/** A table cell: a constant, or a formula with its cached result (`{ formula, result }`). */
function writeValue(sheet: SheetBuilder, row: number, column: number, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === "object" && !(value instanceof Date) && "formula" in value) {
    const { formula, result } = value as { formula: string; result: CachedResult | { error: string } | null };
    const cell = sheet.formula(row, column, formula, null);
    cell.result = result !== null && typeof result === "object" && "error" in result ? result : cached(result);
    return;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date) sheet.set(row, column, value);
  else throw new Error(`${sheet.name}: cannot write ${JSON.stringify(value)}`);
}
