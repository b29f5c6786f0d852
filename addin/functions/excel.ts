/**
 * Where Excel meets the engine. Each custom function declares its arguments with the readers
 * below and hands them, normalised, to a pure engine function; this module is the only place that
 * knows how Excel passes values (2-D ranges, blanks as 0, null or "", booleans typed as words)
 * and the only place that turns an EngineError into an Excel error.
 */
import { EngineError, fail } from "../../engine/error";
import {
  MAX_INPUT_CELLS,
  type Grid,
  type NumberRule,
  type NumberTable,
  booleanAt,
  cellAt,
  isBlank,
  gridShape,
  nestedCell,
  numberAt,
  optionAt,
  readScalar,
  toBoolean,
  toDateSerial,
  toNumber,
} from "../../engine/input";
import { messages } from "../../engine/messages";

/** The largest spill a function may return (kept far below Excel's 5 MB payload limit). */
export const MAX_SPILL_CELLS = 100_000;

export type ExcelScalar = number | string | boolean;
/** A cell of a spill: a value, or that cell's own error (Excel shows it in the cell; the rest spill on). */
export type ExcelCell = ExcelScalar | CustomFunctions.Error;
export type ExcelValue = ExcelScalar | ExcelCell[][];

export interface ReadContext {
  /** The grid of any argument of the call, read once. */
  grid(name: string): Grid;
}

/** Reads one raw Excel argument called `name`, failing with a message that names it. */
export type Reader<T> = (raw: unknown, name: string, context: ReadContext) => T;

type ReadValues<S> = { [K in keyof S]: S[K] extends Reader<infer T> ? T : never };

/**
 * Declares a custom function: `spec` maps each Excel parameter name to its reader, `compute`
 * receives the read values. Returns the implementation the JSDoc-annotated wrapper calls.
 */
export function excelFunction<S extends Record<string, Reader<unknown>>, R extends ExcelValue>(
  spec: S,
  compute: (args: ReadValues<S>, context: ReadContext) => R | EngineError,
): (raw: { [K in keyof S]: unknown }) => R {
  const names = Object.keys(spec) as (keyof S & string)[];
  return (raw) => {
    try {
      const grids = new Map<string, Grid>();
      const context: ReadContext = {
        grid(name) {
          let grid = grids.get(name);
          if (!grid) {
            grid = gridShape(raw[name], name);
            grids.set(name, grid);
          }
          return grid;
        },
      };
      const args = {} as ReadValues<S>;
      for (const name of names) args[name] = spec[name](raw[name], name, context) as ReadValues<S>[typeof name];
      const result = compute(args, context);
      if (result instanceof EngineError) throw result;
      if (Array.isArray(result)) checkSpill(result);
      return result;
    } catch (error) {
      if (error instanceof EngineError) throw toExcelError(error);
      throw error;
    }
  };
}

function checkSpill(rows: readonly (readonly unknown[])[]): void {
  const columns = rows.length ? rows[0].length : 0;
  if (rows.length * columns > MAX_SPILL_CELLS) fail("#VALUE!", messages.spillTooLarge(rows.length, columns, MAX_SPILL_CELLS));
}

function toExcelError(error: EngineError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (error.code) {
    case "#VALUE!":
      return new CustomFunctions.Error(codes.invalidValue, error.message);
    case "#N/A":
      return new CustomFunctions.Error(codes.notAvailable, error.message);
    case "#NUM!":
      return new CustomFunctions.Error(codes.invalidNumber);
    case "#DIV/0!":
      return new CustomFunctions.Error(codes.divisionByZero);
  }
}

/**
 * Figures to look up one by one (the values of RANK.PCT and BENCHMARK), one per cell of a range:
 * blank cells `null`, and a cell that holds no number its own #VALUE! naming it, so that one bad
 * cell leaves the others' results standing.
 */
export interface Figures {
  readonly grid: Grid;
  readonly values: (number | null)[];
  readonly errors: Map<number, EngineError>;
  /** Names cell `index` of the range, as messages do. */
  at(index: number): string;
}

/** Results per cell of `figures`, in its shape: `null` blank, an EngineError that cell's error. */
export function perCell<T extends ExcelScalar>(figures: Figures, results: readonly (T | EngineError | null)[]): ExcelCell[][] {
  const { rows, columns } = figures.grid;
  const out: ExcelCell[][] = [];
  for (let r = 0, i = 0; r < rows; r++) {
    const row: ExcelCell[] = [];
    for (let c = 0; c < columns; c++, i++) {
      const result = figures.errors.get(i) ?? results[i];
      row.push(result === null ? "" : result instanceof EngineError ? toExcelError(result) : result);
    }
    out.push(row);
  }
  return out;
}

/** Is the argument one cell (a single figure), rather than a range of them? */
export const isOneValue = (figures: Figures): boolean => figures.grid.rows * figures.grid.columns === 1;

/** The one figure of a one-cell argument: blank is 0; text that is no number is its #VALUE!. */
export function oneValue(figures: Figures): number {
  const error = figures.errors.get(0);
  if (error) throw error;
  return figures.values[0] ?? 0;
}

/** Was the optional argument left out? Excel passes `null` (or, from some clients, a blank). */
const omitted = (raw: unknown) => raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

export interface NumberArg extends NumberRule {
  /** Value when the argument is omitted or blank; no default makes it required. */
  default?: number;
  /** Read 0 as "omitted" too: for arguments where 0 is never valid and a blank cell arrives as 0. */
  zeroMeansDefault?: boolean;
}

/** The reused arrays of `read.amounts` and `read.table`, one per argument name. */
const scratch = new Map<string, Float64Array>();

/** `n` numbers of the argument's reused array (left as the last call wrote them: a reader writes every one). */
function reused(name: string, n: number): Float64Array {
  let buffer = scratch.get(name);
  if (!buffer || buffer.length < n) scratch.set(name, (buffer = new Float64Array(Math.max(n, 1024))));
  return buffer.subarray(0, n);
}

export const read = {
  /** A range of ratings: blank cells and zeros are unanswered (`null`). */
  ratings: (): Reader<(number | null)[]> => (_raw, name, context) => numbersOf(context.grid(name), name, true),

  /** Optional weights with the same shape as the argument `like`; blanks count as 0. */
  weights:
    (like: string): Reader<(number | null)[] | null> =>
    (raw, name, context) => {
      if (omitted(raw)) return null;
      const grid = context.grid(name);
      const target = context.grid(like);
      if (grid.rows !== target.rows || grid.columns !== target.columns) {
        fail("#VALUE!", messages.sameShape(name, like, shape(target), shape(grid)));
      }
      return numbersOf(grid, name, false);
    },

  /** Optional weights, one per item, for a fixed number of items (such as the four audit areas). */
  weightRow:
    (count: number): Reader<(number | null)[] | null> =>
    (raw, name, context) => {
      if (omitted(raw)) return null;
      const grid = context.grid(name);
      if (grid.rows * grid.columns !== count) fail("#VALUE!", messages.wrongCount(name, count, grid.rows * grid.columns, "weight"));
      return numbersOf(grid, name, false);
    },

  /** A range of figures to look up one by one (see `Figures`). */
  figures: (): Reader<Figures> => (_raw, name, context) => {
    const grid = context.grid(name);
    if (grid.rows * grid.columns === 0) fail("#VALUE!", messages.required(name));
    const values: (number | null)[] = new Array(grid.rows * grid.columns);
    const errors = new Map<number, EngineError>();
    let i = 0;
    for (let ri = 0; ri < grid.rows; ri++) {
      const row = grid.cells[ri];
      for (let ci = 0; ci < grid.columns; ci++) {
        const cell = row[ci];
        if (typeof cell === "number" && Number.isFinite(cell)) values[i] = cell;
        else if (isBlank(cell)) values[i] = null;
        else {
          if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
          const number = toNumber(cell);
          if (number === undefined) {
            values[i] = null;
            errors.set(i, new EngineError("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell)));
          } else values[i] = number;
        }
        i++;
      }
    }
    return { grid, values, errors, at: (index) => cellAt(name, grid, index) };
  },

  /** A single number, with an optional default and bounds. */
  number:
    (arg: NumberArg = {}): Reader<number> =>
    (raw, name) => {
      const value = readScalar(raw, name);
      if (arg.default !== undefined && (isBlank(value) || (arg.zeroMeansDefault && value === 0))) return arg.default;
      return numberAt(value, name, arg);
    },

  /**
   * A single number, or `null` when omitted or blank — and when 0 with `zeroMeansOmitted`, for
   * arguments where 0 is never valid — so that the engine applies its default.
   */
  optionalNumber:
    (arg: NumberRule & { zeroMeansOmitted?: boolean } = {}): Reader<number | null> =>
    (raw, name) => {
      const value = readScalar(raw, name);
      if (isBlank(value) || (arg.zeroMeansOmitted && value === 0)) return null;
      return numberAt(value, name, arg);
    },

  /** TRUE/FALSE, 1/0, yes/no, y/n; blank or omitted gives the default. */
  flag:
    (fallback = false): Reader<boolean> =>
    (raw, name) =>
      booleanAt(readScalar(raw, name), name, fallback),

  /**
   * A block of raw cells for a model that reads its own rows (assumptions, uncertainty, history):
   * rectangular, within the input cap, cells untouched. An omitted optional block is `null`.
   */
  cells:
    (options: { optional?: boolean } = {}): Reader<readonly (readonly unknown[])[] | null> =>
    (raw, name, context) => {
      if (options.optional && (omitted(raw) || raw === 0 || (isOneCell(raw) && isEmptyValue(raw[0][0])))) return null;
      const grid = context.grid(name);
      for (let r = 0; r < grid.rows; r++) {
        const row = grid.cells[r];
        for (let c = 0; c < grid.columns; c++) if (Array.isArray(row[c])) nestedCell(name, r * grid.columns + c, grid.columns);
      }
      return grid.cells;
    },

  /**
   * Cash flows as Excel's NPV and IRR read a range: only the cells holding numbers count, in
   * reading order; text, booleans and blank cells are skipped.
   */
  cashflows: (): Reader<number[]> => (_raw, name, context) => {
    const values: number[] = [];
    const grid = context.grid(name);
    let i = 0;
    for (let ri = 0; ri < grid.rows; ri++) {
      const row = grid.cells[ri];
      for (let ci = 0; ci < grid.columns; ci++) {
        const cell = row[ci];
        if (typeof cell === "number" && Number.isFinite(cell)) values.push(cell);
        else if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
        i++;
      }
    }
    return values;
  },

  /**
   * A range of numbers in reading order; blank cells are `null`, and so are zeros with
   * `zeroIsBlank` (for scales that start above 0).
   */
  numbers:
    (options: { zeroIsBlank?: boolean } = {}): Reader<(number | null)[]> =>
    (_raw, name, context) =>
      numbersOf(context.grid(name), name, options.zeroIsBlank ?? false),

  /**
   * A range of amounts in reading order, in a typed array reused from call to call (reading is
   * synchronous): a blank cell is 0, for figures that add up; anything else that is not a number
   * fails naming its cell. The array is valid during the call only: for engine functions that
   * read it and keep nothing of it (ROLLUP). Fresh memory for a million numbers costs more than
   * reading them.
   */
  amounts: (): Reader<Float64Array> => (_raw, name, context) => {
    const grid = context.grid(name);
    const out = reused(name, grid.rows * grid.columns);
    let i = 0;
    for (let ri = 0; ri < grid.rows; ri++) {
      const row = grid.cells[ri];
      for (let ci = 0; ci < grid.columns; ci++) {
        const cell = row[ci];
        if (typeof cell === "number" && Number.isFinite(cell)) out[i] = cell;
        else if (isBlank(cell)) out[i] = 0;
        else {
          if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
          const number = toNumber(cell);
          if (number === undefined) fail("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell));
          out[i] = number;
        }
        i++;
      }
    }
    return out;
  },

  /**
   * A range reader made optional: an omitted argument, and one blank cell (null, "" or 0, as
   * clients pass an empty cell), read as `null`.
   */
  optionalRange:
    <T>(reader: Reader<T>): Reader<T | null> =>
    (raw, name, context) =>
      omitted(raw) || isBlank(raw) || raw === 0 || (isOneCell(raw) && isEmptyValue(raw[0][0])) ? null : reader(raw, name, context),

  /** Any reader made optional: an omitted argument (or a blank one) reads as `null`. */
  optional:
    <T>(reader: Reader<T>): Reader<T | null> =>
    (raw, name, context) =>
      omitted(raw) ? null : reader(raw, name, context),

  /** Exactly `count` TRUE/FALSE cells in a range of any shape; a blank cell is FALSE. */
  flags:
    (count: number): Reader<boolean[]> =>
    (_raw, name, context) => {
      const grid = context.grid(name);
      const cells = grid.rows * grid.columns;
      if (cells !== count) fail("#VALUE!", messages.wrongCount(name, count, cells, "TRUE/FALSE value"));
      const out: boolean[] = new Array(cells);
      let i = 0;
      for (let ri = 0; ri < grid.rows; ri++) {
        const row = grid.cells[ri];
        for (let ci = 0; ci < grid.columns; ci++) {
          const cell = row[ci];
          if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
          out[i] = booleanAt(cell, cellAt(name, grid, i), false);
          i++;
        }
      }
      return out;
    },

  /**
   * A range of labels (names, keys, categories) in reading order: text trimmed, numbers and
   * booleans as their text; blank cells, "" and 0 are `null`.
   */
  labels: (): Reader<(string | null)[]> => (_raw, name, context) => {
    const grid = context.grid(name);
    const out: (string | null)[] = new Array(grid.rows * grid.columns);
    let i = 0;
    for (let ri = 0; ri < grid.rows; ri++) {
      const row = grid.cells[ri];
      for (let ci = 0; ci < grid.columns; ci++) {
        const cell = row[ci];
        if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
        out[i++] = labelOf(cell);
      }
    }
    return out;
  },

  /**
   * A range of dates in reading order (Excel serials or yyyy-mm-dd text): blank cells and 0 are
   * `null`; anything else that is no date fails naming its cell.
   */
  dates: (): Reader<(number | null)[]> => (_raw, name, context) => {
    const grid = context.grid(name);
    const out: (number | null)[] = new Array(grid.rows * grid.columns);
    let i = 0;
    for (let ri = 0; ri < grid.rows; ri++) {
      const row = grid.cells[ri];
      for (let ci = 0; ci < grid.columns; ci++) {
        const cell = row[ci];
        if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
        const serial = typeof cell === "number" && Number.isFinite(cell) ? (cell === 0 ? null : cell) : toDateSerial(cell);
        if (serial === undefined) fail("#VALUE!", messages.notDate(cellAt(name, grid, i), cell));
        out[i++] = serial;
      }
    }
    return out;
  },

  /**
   * A block of labels exactly `columns` wide, one array per row (as `labels` reads a cell);
   * `message` says what a block of another width should be.
   */
  labelRows:
    (columns: number, message: (name: string, got: number) => string): Reader<(string | null)[][]> =>
    (_raw, name, context) => {
      const grid = context.grid(name);
      if (grid.rows > 0 && grid.columns !== columns) fail("#VALUE!", message(name, grid.columns));
      const out: (string | null)[][] = new Array(grid.rows);
      for (let ri = 0; ri < grid.rows; ri++) {
        const row = grid.cells[ri];
        const labels: (string | null)[] = new Array(columns);
        for (let ci = 0; ci < columns; ci++) {
          const cell = row[ci];
          if (Array.isArray(cell)) nestedCell(name, ri * columns + ci, columns);
          labels[ci] = labelOf(cell);
        }
        out[ri] = labels;
      }
      return out;
    },

  /**
   * A block of numbers, one row per item (such as partners × metrics), as a typed array with `NaN`
   * for blank cells (and zeros with `zeroIsBlank`).
   */
  table:
    (options: { zeroIsBlank?: boolean } = {}): Reader<NumberTable> =>
    (_raw, name, context) => {
      const grid = context.grid(name);
      // Valid during the call only, as `amounts`: CLUSTER reads it and keeps nothing of it.
      const data = reused(name, grid.rows * grid.columns);
      let i = 0;
      for (let ri = 0; ri < grid.rows; ri++) {
        const row = grid.cells[ri];
        for (let ci = 0; ci < grid.columns; ci++) {
          const cell = row[ci];
          const value = typeof cell === "number" && Number.isFinite(cell) ? cell : isBlank(cell) ? NaN : toNumber(cell);
          if (value === undefined) fail("#VALUE!", Array.isArray(cell) ? nestedCell(name, i, grid.columns) : messages.notNumber(cellAt(name, grid, i), cell));
          data[i++] = options.zeroIsBlank && value === 0 ? NaN : value;
        }
      }
      return { data, rows: grid.rows, columns: grid.columns };
    },

  /**
   * An Excel date (a serial number or yyyy-mm-dd text); blank, omitted or 0 is `null`, which
   * fails unless `optional`.
   */
  date:
    (options: { optional?: boolean } = {}): Reader<number | null> =>
    (raw, name) => {
      const value = readScalar(raw, name);
      const serial = toDateSerial(value);
      if (serial === undefined) fail("#VALUE!", messages.notDate(name, value));
      if (serial === null && !options.optional) fail("#VALUE!", messages.required(name));
      return serial;
    },

  /** A date, or TRUE/FALSE (yes/no…) for "happened, date unknown"; blank or 0 is `null`. */
  dateOrFlag: (): Reader<number | boolean | null> => (raw, name) => {
    const value = readScalar(raw, name);
    const serial = toDateSerial(value);
    if (serial !== undefined) return serial;
    const flag = toBoolean(value);
    if (flag === undefined) fail("#VALUE!", messages.notDate(name, value));
    return flag;
  },

  /** One cell's text, trimmed: a number or TRUE/FALSE as its text; blank, omitted or 0 (a blank cell on some clients) is "". */
  text: (): Reader<string> => (raw, name) => {
    const value = readScalar(raw, name);
    if (isBlank(value) || value === 0) return "";
    if (typeof value === "string") return value.trim();
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : fail("#VALUE!", messages.notText(name, value));
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    return fail("#VALUE!", messages.notText(name, value));
  },

  /** One word of a fixed list, case-insensitive; blank (or 0, a blank cell on some clients) gives the default. */
  option:
    <T extends string>(options: readonly T[], fallback: T): Reader<T> =>
    (raw, name) => {
      const value = readScalar(raw, name);
      return optionAt(value === 0 ? null : value, name, options, fallback);
    },
};

/** A cell as a label: text trimmed, numbers and booleans as their text; blank, "" and 0 are `null`. */
export function labelOf(cell: unknown): string | null {
  if (typeof cell === "string") return cell.trim() || null;
  if (typeof cell === "number") return cell === 0 ? null : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return null;
}

/** Cells as numbers in reading order: blank → `null` (zero too with `zeroIsBlank`); anything else that is not a number fails. */
function numbersOf(grid: Grid, name: string, zeroIsBlank: boolean): (number | null)[] {
  const out: (number | null)[] = new Array(grid.rows * grid.columns);
  let i = 0;
  for (let ri = 0; ri < grid.rows; ri++) {
    const row = grid.cells[ri];
    for (let ci = 0; ci < grid.columns; ci++) {
      const cell = row[ci];
      let value: number | null;
      if (typeof cell === "number" && Number.isFinite(cell)) value = cell;
      else if (isBlank(cell)) value = null;
      else {
        if (Array.isArray(cell)) nestedCell(name, i, grid.columns);
        const number = toNumber(cell);
        if (number === undefined) fail("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell));
        value = number;
      }
      out[i++] = zeroIsBlank && value === 0 ? null : value;
    }
  }
  return out;
}

const shape = (grid: Grid) => `${grid.rows}×${grid.columns}`;
const isOneCell = (raw: unknown): raw is unknown[][] => Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1;
const isEmptyValue = (value: unknown) => value === 0 || isBlank(value);

/**
 * Values to spill in the orientation of the range they come from: a row when `like` is a single
 * row of several cells, otherwise a column.
 */
export function spillLike(values: readonly ExcelScalar[], like: Grid): ExcelScalar[][] {
  return like.rows === 1 && like.columns > 1 ? [[...values]] : values.map((v) => [v]);
}

/** `null` (an unanswered or empty result) as the blank-looking cell Excel should show. */
export const blankIfNull = (value: number | null): number | string => (value === null ? "" : value);

/** A table of results with `null` cells shown blank. */
export const blankCells = (table: readonly (readonly (string | number | null)[])[]): ExcelScalar[][] =>
  table.map((row) => row.map((v) => (v === null ? "" : v)));

/**
 * The readers' fast lane, for functions called once per partner row (PARTNER.PNL, PNL.SUMMARY):
 * what the reader above gives for a plainly valid argument, or `undefined` where the reader must
 * look closer (and name what is wrong). They never fail; a function tries them all, then its engine
 * reading, and takes its careful path on the first `undefined`, so every error is the one that path
 * gives, in its order.
 */
export const plain = {
  /**
   * `read.cells`' block when the argument is a non-empty rectangle of rows within the input cap;
   * `null` for an omitted optional block. Its cells are not looked at: the caller must refuse a
   * nested range in any cell (as `readInOnePass` does).
   */
  cells(raw: unknown, optional = false): readonly (readonly unknown[])[] | null | undefined {
    if (optional && (omitted(raw) || raw === 0 || (isOneCell(raw) && isEmptyValue(raw[0][0])))) return null;
    if (!Array.isArray(raw) || raw.length === 0 || !Array.isArray(raw[0])) return undefined;
    const columns = (raw[0] as unknown[]).length;
    if (columns === 0 || raw.length * columns > MAX_INPUT_CELLS) return undefined;
    for (let r = 1; r < raw.length; r++) {
      const row: unknown = raw[r];
      if (!Array.isArray(row) || row.length !== columns) return undefined;
    }
    return raw as unknown[][];
  },

  /** `read.option`'s word: blank, 0 or omitted is the default; a word of the list in any case. */
  option<T extends string>(raw: unknown, options: readonly T[], fallback: T): T | undefined {
    if (raw === 0 || raw === null || raw === undefined) return fallback;
    if (typeof raw !== "string") return undefined;
    const word = raw.trim().toLowerCase();
    if (word === "") return fallback;
    for (const option of options) if (option.toLowerCase() === word) return option;
    return undefined;
  },

  /** `read.number`'s number, for a number typed as one (or blank, for the default) that keeps the rule. */
  number(raw: unknown, arg: NumberArg): number | undefined {
    if (arg.default !== undefined && (raw === null || raw === undefined || raw === "" || (arg.zeroMeansDefault && raw === 0))) return arg.default;
    if (typeof raw !== "number" || !Number.isFinite(raw)) return undefined;
    if (arg.integer && !Number.isInteger(raw)) return undefined;
    if ((arg.min !== undefined && raw < arg.min) || (arg.above !== undefined && raw <= arg.above) || (arg.max !== undefined && raw > arg.max)) return undefined;
    return raw;
  },
};
