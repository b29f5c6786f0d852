/**
 * Normalisation of spreadsheet-shaped input, shared by the custom functions, the workbook
 * adapters and the task pane. Excel clients disagree on how an empty cell arrives (`0`, `null` or
 * `""`), on how a boolean is typed, and a range can be any rectangle: these helpers give every
 * model the same plain values and every user the same messages.
 */
import { fail } from "./error";
import { parseDateText } from "./excel/date";
import { type Around, around } from "./excel/statistical";
import { messages, where } from "./messages";

/** The largest input range a function accepts (Excel's payload limit is far beyond any model's need). */
export const MAX_INPUT_CELLS = 1_000_000;

/**
 * A block of numbers, one row per item (such as partners × metrics), row-major in a typed array:
 * `data[row * columns + column]`, `NaN` for a blank cell.
 */
export interface NumberTable {
  readonly data: Float64Array;
  readonly rows: number;
  readonly columns: number;
}

/** A rectangular block of raw cell values, row-major. */
export interface Grid {
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly (readonly unknown[])[];
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * The number a cell holds, or `undefined` when it holds none. Numbers stored as text ("12",
 * "2.5e3", "15%") count as numbers; booleans and other text do not.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const text = value.trim();
    if (!NUMBER_TEXT.test(text)) return undefined;
    const percent = text.endsWith("%");
    const parsed = Number(percent ? text.slice(0, -1) : text);
    if (!Number.isFinite(parsed)) return undefined;
    return percent ? parsed / 100 : parsed;
  }
  return undefined;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/** TRUE/FALSE, 1/0, "yes"/"no", "y"/"n" (any case); `null` for a blank; `undefined` for anything else. */
export function toBoolean(value: unknown): boolean | null | undefined {
  if (typeof value === "boolean") return value;
  if (isBlank(value)) return null;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return undefined;
}

/**
 * Reads any argument as a rectangle of cells: a scalar is 1×1, a flat list is one row, `[]` is
 * empty. One pass over the rows for the shape; the cells are left for the reader that converts
 * them (see `gridShape`), but for a nested range in a cell, which is refused here.
 */
export function readGrid(value: unknown, arg: string): Grid {
  const grid = gridShape(value, arg);
  for (let r = 0; r < grid.rows; r++) {
    const row = grid.cells[r];
    for (let c = 0; c < grid.columns; c++) if (Array.isArray(row[c])) nestedCell(arg, r * grid.columns + c, grid.columns);
  }
  return grid;
}

/**
 * The shape of an argument, checked in one pass over its rows (never its cells): rows are arrays of
 * one length, within the input cap. The readers that convert the cells refuse a nested range in one
 * (`nestedCell`) on their slow path, so a range of numbers is read once.
 */
export function gridShape(value: unknown, arg: string): Grid {
  if (!Array.isArray(value)) return { rows: 1, columns: 1, cells: [[value]] };
  if (value.length === 0) return { rows: 0, columns: 0, cells: [] };
  // A flat list is one row; a list of rows must be rows throughout.
  if (!Array.isArray(value[0])) return value.length > MAX_INPUT_CELLS ? fail("#VALUE!", messages.tooManyCells(arg, value.length, MAX_INPUT_CELLS)) : { rows: 1, columns: value.length, cells: [value] };
  const rowsIn = value as readonly unknown[][];
  const columns = rowsIn[0].length;
  const rows = rowsIn.length;
  for (let r = 0; r < rows; r++) {
    const row = rowsIn[r];
    // A list whose first item is a row but not every item: the list is one row holding a range.
    if (!Array.isArray(row)) nestedCell(arg, 0, rows);
    if (row.length !== columns) fail("#VALUE!", messages.ragged(arg, r + 1, row.length, columns));
  }
  if (rows * columns > MAX_INPUT_CELLS) fail("#VALUE!", messages.tooManyCells(arg, rows * columns, MAX_INPUT_CELLS));
  if (columns === 0) return { rows: 0, columns: 0, cells: [] };
  return { rows, columns, cells: rowsIn };
}

/** Fails on cell `index` (reading order) of a range `columns` wide, which holds a nested range. */
export function nestedCell(arg: string, index: number, columns: number): never {
  const width = Math.max(columns, 1);
  return fail("#VALUE!", messages.nested(where(arg, { row: Math.floor(index / width) + 1, column: (index % width) + 1 })));
}

/** Names cell `index` (reading order) of a grid the way a user sees it. */
export function cellAt(arg: string, grid: Grid, index: number): string {
  const row = Math.floor(index / Math.max(grid.columns, 1)) + 1;
  const column = (index % Math.max(grid.columns, 1)) + 1;
  if (grid.rows === 1 && grid.columns === 1) return arg;
  if (grid.rows === 1) return where(arg, { column });
  if (grid.columns === 1) return where(arg, { row });
  return where(arg, { row, column });
}

/** A single value from an argument typed as a scalar (a 1×1 range is accepted). */
export function readScalar(value: unknown, arg: string): unknown {
  if (!Array.isArray(value)) return value;
  const grid = readGrid(value, arg);
  if (grid.rows === 0) return null;
  if (grid.rows !== 1 || grid.columns !== 1) fail("#VALUE!", messages.singleValue(arg, grid.rows, grid.columns));
  return grid.cells[0][0];
}

export interface NumberRule {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Smallest allowed value, exclusive. */
  above?: number;
  integer?: boolean;
}

/** Checks a number against a rule, failing with a message that names `at`. */
export function checkNumber(value: number, at: string, rule: NumberRule): number {
  if (rule.integer && !Number.isInteger(value)) fail("#VALUE!", messages.notInteger(at, value));
  if (rule.min !== undefined && value < rule.min) fail("#VALUE!", messages.belowMin(at, value, rule.min));
  if (rule.above !== undefined && value <= rule.above) fail("#VALUE!", messages.notAbove(at, value, rule.above));
  if (rule.max !== undefined && value > rule.max) fail("#VALUE!", messages.aboveMax(at, value, rule.max));
  return value;
}

/** A required number from one cell. */
export function numberAt(value: unknown, at: string, rule: NumberRule = {}): number {
  const number = toNumber(value);
  if (number === undefined) fail("#VALUE!", isBlank(value) ? messages.required(at) : messages.notNumber(at, value));
  return checkNumber(number, at, rule);
}

/** An optional number from one cell: blank gives the default. */
export function optionalNumberAt(value: unknown, at: string, fallback: number, rule: NumberRule = {}): number {
  return isBlank(value) ? fallback : numberAt(value, at, rule);
}

/** A boolean from one cell; a blank reads as `fallback`. */
export function booleanAt(value: unknown, at: string, fallback = false): boolean {
  const flag = toBoolean(value);
  if (flag === undefined) fail("#VALUE!", messages.notBoolean(at, value));
  return flag ?? fallback;
}

/** One of a fixed list of words (case-insensitive); a blank gives the default. */
export function optionAt<T extends string>(value: unknown, at: string, options: readonly T[], fallback: T): T {
  if (isBlank(value)) return fallback;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    const found = options.find((o) => o.toLowerCase() === word);
    if (found) return found;
  }
  return fail("#VALUE!", messages.unknownOption(at, value, options));
}

/**
 * An Excel date serial from a cell: a number (whole days since 1900, fractions are times of day),
 * a number stored as text, or a yyyy-mm-dd text date. `null` for a blank or 0 (no date);
 * `undefined` for anything else.
 */
export function toDateSerial(value: unknown): number | null | undefined {
  if (isBlank(value) || value === 0) return null;
  const number = toNumber(value);
  if (number !== undefined) return number === 0 ? null : number;
  return typeof value === "string" ? parseDateText(value) : undefined;
}

/**
 * A population seen from one value `x` in one pass (blanks, `null`, left out), for PERCENTRANK.INC
 * and the quartile cuts without sorting; a non-number names its item, and an empty population is
 * `#N/A`, as `sortedPopulation`.
 */
export function populationAround(population: readonly (number | null)[], x: number, arg = "population"): Around {
  const seen = around(population, x, (i, v) => fail("#VALUE!", messages.notNumber(where(arg, { item: i + 1 }), v)));
  if (seen.n === 0) fail("#N/A", messages.noPopulation(arg));
  return seen;
}

/**
 * The numbers of a population (blanks, `null`, left out), sorted ascending for the `*Sorted`
 * statistics; a non-number names its item, and an empty population is `#N/A`.
 */
export function sortedPopulation(population: readonly (number | null)[], arg = "population"): Float64Array {
  const numbers: number[] = [];
  population.forEach((v, i) => {
    if (v === null) return;
    if (!Number.isFinite(v)) fail("#VALUE!", messages.notNumber(where(arg, { item: i + 1 }), v));
    numbers.push(v);
  });
  if (numbers.length === 0) fail("#N/A", messages.noPopulation(arg));
  return Float64Array.from(numbers).sort();
}
