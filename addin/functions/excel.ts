/**
 * Where Excel meets the engine. Each custom function declares its arguments with the readers
 * below and hands them, normalised, to a pure engine function; this module is the only place that
 * knows how Excel passes values (2-D ranges, blanks as 0, null or "", booleans typed as words)
 * and the only place that turns an EngineError into an Excel error.
 */
import { EngineError, fail } from "../../engine/error";
import {
  type Grid,
  type NumberRule,
  booleanAt,
  cellAt,
  flatten,
  isBlank,
  numberAt,
  optionAt,
  readGrid,
  readScalar,
  toNumber,
} from "../../engine/input";
import { messages } from "../../engine/messages";

/** The largest spill a function may return (kept far below Excel's 5 MB payload limit). */
export const MAX_SPILL_CELLS = 100_000;

export type ExcelScalar = number | string | boolean;
export type ExcelValue = ExcelScalar | ExcelScalar[][];

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
  compute: (args: ReadValues<S>) => R | EngineError,
): (raw: { [K in keyof S]: unknown }) => R {
  const names = Object.keys(spec) as (keyof S & string)[];
  return (raw) => {
    try {
      const grids = new Map<string, Grid>();
      const context: ReadContext = {
        grid(name) {
          let grid = grids.get(name);
          if (!grid) {
            grid = readGrid(raw[name], name);
            grids.set(name, grid);
          }
          return grid;
        },
      };
      const args = {} as ReadValues<S>;
      for (const name of names) args[name] = spec[name](raw[name], name, context) as ReadValues<S>[typeof name];
      const result = compute(args);
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

/** Was the optional argument left out? Excel passes `null` (or, from some clients, a blank). */
const omitted = (raw: unknown) => raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

/** A `null` for blank cells and zeros, for ratings scales that start at 1. */
function ratingsOf(grid: Grid, name: string): (number | null)[] {
  return flatten(grid).map((cell, i) => {
    if (isBlank(cell)) return null;
    const value = toNumber(cell);
    if (value === undefined) return fail("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell));
    return value === 0 ? null : value;
  });
}

export interface NumberArg extends NumberRule {
  /** Value when the argument is omitted or blank; no default makes it required. */
  default?: number;
  /** Read 0 as "omitted" too: for arguments where 0 is never valid and a blank cell arrives as 0. */
  zeroMeansDefault?: boolean;
}

export const read = {
  /** A range of ratings: blank cells and zeros are unanswered (`null`). */
  ratings: (): Reader<(number | null)[]> => (_raw, name, context) => ratingsOf(context.grid(name), name),

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
      return flatten(grid).map((cell, i) => {
        if (isBlank(cell)) return null;
        const value = toNumber(cell);
        if (value === undefined) return fail("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell));
        return value;
      });
    },

  /** Optional weights, one per item, for a fixed number of items (such as the four audit areas). */
  weightRow:
    (count: number): Reader<(number | null)[] | null> =>
    (raw, name, context) => {
      if (omitted(raw)) return null;
      const grid = context.grid(name);
      if (grid.rows * grid.columns !== count) fail("#VALUE!", messages.wrongCount(name, count, grid.rows * grid.columns, "weight"));
      return flatten(grid).map((cell, i) => {
        if (isBlank(cell)) return null;
        const value = toNumber(cell);
        if (value === undefined) return fail("#VALUE!", messages.notNumber(cellAt(name, grid, i), cell));
        return value;
      });
    },

  /** A single number, with an optional default and bounds. */
  number:
    (arg: NumberArg = {}): Reader<number> =>
    (raw, name) => {
      const value = readScalar(raw, name);
      if (arg.default !== undefined && (isBlank(value) || (arg.zeroMeansDefault && value === 0))) return arg.default;
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
      return context.grid(name).cells;
    },

  /**
   * Cash flows as Excel's NPV and IRR read a range: only the cells holding numbers count, in
   * reading order; text, booleans and blank cells are skipped.
   */
  cashflows: (): Reader<number[]> => (_raw, name, context) => {
    const values: number[] = [];
    for (const row of context.grid(name).cells) {
      for (const cell of row) if (typeof cell === "number" && Number.isFinite(cell)) values.push(cell);
    }
    return values;
  },

  /** One word of a fixed list, case-insensitive. */
  option:
    <T extends string>(options: readonly T[], fallback: T): Reader<T> =>
    (raw, name) => {
      // A word is never 0: a 0 is an empty cell as Excel desktop passes it, so it gives the default.
      const value = readScalar(raw, name);
      return optionAt(value === 0 ? null : value, name, options, fallback);
    },
};

const shape = (grid: Grid) => `${grid.rows}×${grid.columns}`;
const isOneCell = (raw: unknown): raw is unknown[][] => Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1;
const isEmptyValue = (value: unknown) => value === 0 || isBlank(value);

/** `null` (an unanswered or empty result) as the blank-looking cell Excel should show. */
export const blankIfNull = (value: number | null): number | string => (value === null ? "" : value);
