/**
 * Reads an assumptions range (`name | value | year 2 value | …`) once into a compact typed model:
 * one Float64Array holding every driver's value for every year. The P&L, the tornado table and
 * the Monte Carlo all compute from that model without looking at cells again.
 *
 * Blank cells: Excel clients pass an empty cell as null, "" or 0, so a row `mdf | 5000 | 0 | 0`
 * must mean what `mdf | 5000 | (empty) | (empty)` means. A series therefore ends at its last
 * non-zero value; a blank inside a series is 0; later years keep the series' last value, and a
 * single value applies to every year.
 */
import { fail } from "../error";
import { isBlank, toNumber } from "../input";
import { messages, where } from "../messages";
import { doubles } from "./slab";
import { D, DRIVERS, DRIVER_COUNT, LIMITS, MAX_YEARS, closestDriver, driverIndex, withinDriverLimits } from "./drivers";

/** A block of raw cells, row-major, as the spreadsheet passes it. */
export type Cells = readonly (readonly unknown[])[];

export interface PnlModel {
  /** The horizon Y. */
  readonly years: number;
  /** Value of driver d in year t (0-based) at `d * years + t`, before growth is applied. */
  readonly values: Float64Array;
  /** Bit d is set where driver d was given as a per-year series (growth does not apply to it). */
  readonly series: number;
}

export const ARGS = { assumptions: "assumptions", overrides: "overrides" } as const;

/** A cell that counts as empty: null, "", whitespace or 0 (Excel desktop's empty cell). */
export const isEmptyCell = (cell: unknown): boolean => cell === 0 || isBlank(cell);

/** A one-column range with something in it: names without values (an empty cell is just empty). */
export const isSingleColumn = (cells: Cells): boolean => cells.length > 0 && cells[0].length < 2 && cells.some((row) => !isEmptyCell(row[0]));

/** The position after the last non-empty cell of a row, looking from column `from` (0-based) on. */
function lastFilled(row: readonly unknown[], from: number): number {
  for (let c = row.length - 1; c >= from; c--) {
    const cell = row[c];
    if (typeof cell === "number") {
      if (cell !== 0) return c + 1;
      continue;
    }
    if (cell === null || cell === undefined || cell === "") continue;
    if (typeof cell === "string" && (cell.trim() === "" || toNumber(cell) === 0)) continue;
    return c + 1;
  }
  return from;
}

/** A first row made of words only (`Name | Value | Year 2`) is a header, not a driver. */
export function isHeaderRow(row: readonly unknown[], from: number): boolean {
  let words = 0;
  for (let c = from; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    if (typeof cell !== "string" || toNumber(cell) !== undefined) return false;
    words++;
  }
  return words > 0;
}

/** The driver named in the first cell of row `r`, or -1 for a blank row or a header row. */
export function driverOfRow(row: readonly unknown[], arg: string, r: number, from: number): number {
  const name = row[0];
  if (typeof name === "string") {
    const d = driverIndex(name);
    if (d >= 0) return d;
  }
  if (isEmptyCell(name)) {
    if (lastFilled(row, 1) > 1) fail("#VALUE!", messages.noDriverName(where(arg, { row: r + 1 })));
    return -1;
  }
  if (typeof name !== "string") return fail("#VALUE!", messages.notDriverName(where(arg, { row: r + 1 }), name));
  if (r === 0 && isHeaderRow(row, from)) return -1;
  return fail("#VALUE!", messages.unknownDriver(where(arg, { row: r + 1 }), name.trim(), closestDriver(name)));
}

// Where each driver's row is found: which range (0 assumptions, 1 overrides), which row, how many
// values. Reused between calls (reading is synchronous), so that reading allocates only the model.
const rowOf = new Int32Array(DRIVER_COUNT);
const sourceOf = new Uint8Array(DRIVER_COUNT);
const lengthOf = new Int16Array(DRIVER_COUNT);

function scan(cells: Cells, arg: string, source: number): void {
  if (isSingleColumn(cells)) fail("#VALUE!", messages.needsColumns(arg, "name | value | year 2 value | …"));
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const d = driverOfRow(row, arg, r, 1);
    if (d < 0) continue;
    if (rowOf[d] >= 0 && sourceOf[d] === source) {
      fail("#VALUE!", messages.duplicateDriver(where(arg, { row: r + 1 }), DRIVERS[d].name, rowOf[d] + 1));
    }
    const length = lastFilled(row, 1) - 1;
    if (length > MAX_YEARS) fail("#VALUE!", messages.tooManyYears(where(arg, { row: r + 1 }), length, MAX_YEARS));
    if (length > 1 && LIMITS.scalarOnly[d] === 1) fail("#VALUE!", messages.scalarOnlyDriver(where(arg, { row: r + 1 }), DRIVERS[d].name));
    rowOf[d] = r;
    sourceOf[d] = source;
    lengthOf[d] = length;
  }
}

/** The number in a value cell; a blank reads as 0. NaN when the cell holds no number. */
function numberIn(cell: unknown): number {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : NaN;
  if (isBlank(cell)) return 0;
  return toNumber(cell) ?? NaN;
}

/** #VALUE! for a value outside the limits of driver `d`, naming the cell. */
export function limitError(d: number, value: number, at: string): never {
  const { name } = DRIVERS[d];
  if (LIMITS.integer[d] === 1 && !Number.isInteger(value)) fail("#VALUE!", messages.driverNotInteger(at, name, value));
  if (value < LIMITS.min[d]) fail("#VALUE!", messages.driverBelow(at, name, value, LIMITS.min[d]));
  if (value <= LIMITS.above[d]) fail("#VALUE!", messages.driverNotAbove(at, name, value, LIMITS.above[d]));
  return fail("#VALUE!", messages.driverAbove(at, name, value, LIMITS.max[d]));
}

/** Driver `d`'s value in column `c` (0-based) of its row, checked; fails naming the cell. */
function valueAt(d: number, c: number, assumptions: Cells, overrides: Cells | null | undefined): number {
  const cells = sourceOf[d] === 0 ? assumptions : overrides!;
  const cell = c < cells[rowOf[d]].length ? cells[rowOf[d]][c] : null;
  const value = numberIn(cell);
  if (withinDriverLimits(d, value)) return value;
  const at = where(sourceOf[d] === 0 ? ARGS.assumptions : ARGS.overrides, { row: rowOf[d] + 1, column: c + 1 });
  if (Number.isNaN(value)) fail("#VALUE!", messages.notNumber(at, cell));
  return limitError(d, value, at);
}

/**
 * The model of an assumptions range, with the rows of `overrides` (same form) replacing the rows
 * of the same drivers. Fails with #VALUE! naming the argument and row for anything it cannot read.
 */
export function readAssumptions(assumptions: Cells, overrides?: Cells | null): PnlModel {
  return readInOnePass(assumptions, overrides) ?? readCarefully(assumptions, overrides);
}

/**
 * `readAssumptions` cell by cell: a pass for the rows, then each driver's values in the drivers'
 * order, so that the first problem it meets is the one it names. Only a range that is not plainly
 * valid comes here.
 */
export function readCarefully(assumptions: Cells, overrides?: Cells | null): PnlModel {
  rowOf.fill(-1);
  scan(assumptions, ARGS.assumptions, 0);
  if (overrides) scan(overrides, ARGS.overrides, 1);
  if (rowOf[D.license_revenue] < 0) fail("#VALUE!", messages.licenseRequired(ARGS.assumptions));

  const years = rowOf[D.years] < 0 ? LIMITS.defaults[D.years] : valueAt(D.years, 1, assumptions, overrides);
  const values = doubles(DRIVER_COUNT * years);
  let series = 0;
  for (let d = 0; d < DRIVER_COUNT; d++) {
    const base = d * years;
    const length = rowOf[d] < 0 ? -1 : lengthOf[d];
    if (length <= 1) {
      // Not given (the default), a row without values (0), or a single value: the same every year.
      const value = length < 0 ? LIMITS.defaults[d] : valueAt(d, 1, assumptions, overrides);
      for (let t = 0; t < years; t++) values[base + t] = value;
      continue;
    }
    series |= 1 << d;
    let value = 0;
    for (let t = 0; t < length; t++) {
      value = valueAt(d, t + 1, assumptions, overrides);
      if (t < years) values[base + t] = value;
    }
    for (let t = length; t < years; t++) values[base + t] = value;
  }
  return { years, values, series };
}

// ---- One pass --------------------------------------------------------------------------------

// Each driver's values as typed, up to MAX_YEARS, before the horizon is known: `d * MAX_YEARS + t`.
// Reused between calls, as the row tables above.
const staged = new Float64Array(DRIVER_COUNT * MAX_YEARS);
/**
 * The buffer per horizon of the reads made with `scratch`, and the drivers the last of them wrote
 * there (every other driver holds its default), so that a read writes only the drivers given.
 */
const scratchValues: Float64Array[] = [];
const scratchGiven = new Int32Array(MAX_YEARS + 1);
/** Every driver at its default in every year, per horizon: what a model starts from. */
const defaultValues: Float64Array[] = [];

function defaultsFor(years: number): Float64Array {
  let image = defaultValues[years];
  if (!image) {
    image = new Float64Array(DRIVER_COUNT * years);
    for (let d = 0; d < DRIVER_COUNT; d++) image.fill(LIMITS.defaults[d], d * years, (d + 1) * years);
    defaultValues[years] = image;
  }
  return image;
}

/**
 * The model `readAssumptions` gives, read in one pass over the rows (each row's name, values and
 * limits together), or null for anything that is not plainly valid — a bad cell, an unknown or repeated
 * name, a series too long, a nested range in any cell — which `readCarefully` then reads and names.
 * Never fails, so a caller may hand it ranges whose cells it has not looked at.
 *
 * `scratch`: the values go into a buffer reused from call to call (one per horizon), for a caller
 * that only reads the model and is done with it before the next read; otherwise into memory of
 * the model's own.
 */
export function readInOnePass(assumptions: Cells, overrides?: Cells | null, scratch = false): PnlModel | null {
  rowOf.fill(-1);
  if (!stageRows(assumptions, 0)) return null;
  if (overrides && !stageRows(overrides, 1)) return null;
  if (rowOf[D.license_revenue] < 0) return null;
  // A staged horizon was checked (a whole number from 1 to MAX_YEARS) with the rest of its row;
  // `| 0` makes it a small integer, which indexes the loops below faster than a double.
  const years = (rowOf[D.years] < 0 ? LIMITS.defaults[D.years] : staged[D.years * MAX_YEARS]) | 0;
  let values: Float64Array;
  let stale: number; // drivers whose values in `values` are not their defaults
  if (scratch) {
    values = scratchValues[years] ??= defaultsFor(years).slice();
    stale = scratchGiven[years];
  } else {
    values = doubles(DRIVER_COUNT * years);
    values.set(defaultsFor(years));
    stale = 0;
  }
  let given = 0;
  let series = 0;
  for (let d = 0; d < DRIVER_COUNT; d++) {
    const base = d * years;
    if (rowOf[d] < 0) {
      if ((stale & (1 << d)) !== 0) {
        const value = LIMITS.defaults[d];
        for (let t = 0; t < years; t++) values[base + t] = value;
      }
      continue;
    }
    given |= 1 << d;
    const from = d * MAX_YEARS;
    const length = lengthOf[d];
    if (length <= 1) {
      // A row without values (0) or a single value: the same every year.
      const value = staged[from];
      for (let t = 0; t < years; t++) values[base + t] = value;
      continue;
    }
    series |= 1 << d;
    const shown = length < years ? length : years;
    for (let t = 0; t < shown; t++) values[base + t] = staged[from + t];
    const last = staged[from + length - 1];
    for (let t = length; t < years; t++) values[base + t] = last;
  }
  if (scratch) scratchGiven[years] = given;
  return { years, values, series };
}

/** `scan` that stages each driver row's values as it goes; false where `scan` or a value would fail. */
function stageRows(cells: Cells, source: number): boolean {
  if (isSingleColumn(cells)) return false;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const name = row[0];
    const d = typeof name === "string" ? driverIndex(name) : -1;
    if (d < 0) {
      // The rows `driverOfRow` skips: blank ones, and a header row on top.
      const skipped = isEmptyCell(name) ? lastFilled(row, 1) <= 1 : r === 0 && typeof name === "string" && isHeaderRow(row, 1);
      if (!skipped) return false;
      continue;
    }
    if (rowOf[d] >= 0 && sourceOf[d] === source) return false;
    const length = stageRow(row, d);
    if (length < 0 || (length > 1 && LIMITS.scalarOnly[d] === 1)) return false;
    rowOf[d] = r;
    sourceOf[d] = source;
    lengthOf[d] = length;
  }
  return true;
}

/**
 * Stages the values of driver `d`'s row and returns how many it holds (up to its last non-empty
 * cell), or -1 where `readCarefully` would fail: more values than MAX_YEARS, a value cell that
 * holds no number, or a value outside the driver's limits. As there, the cells up to the last
 * non-empty one are read, and the first in any case.
 */
function stageRow(row: readonly unknown[], d: number): number {
  const length = lastFilled(row, 1) - 1;
  if (length > MAX_YEARS) return -1;
  const end = length > 1 ? length : 1;
  const base = d * MAX_YEARS - 1;
  const min = LIMITS.min[d];
  const above = LIMITS.above[d];
  const max = LIMITS.max[d];
  const integer = LIMITS.integer[d] === 1;
  for (let c = 1; c <= end; c++) {
    const cell = c < row.length ? row[c] : null;
    let value: number;
    // As `numberIn`: a blank reads as 0; a cell that holds no number fails.
    if (typeof cell === "number") {
      if (cell - cell !== 0) return -1; // NaN or ±Infinity
      value = cell;
    } else if (cell === null || cell === undefined || cell === "") {
      value = 0;
    } else if (typeof cell === "string") {
      const number = toNumber(cell);
      if (number === undefined) {
        if (cell.trim() !== "") return -1;
        value = 0;
      } else value = number;
    } else return -1;
    if (!(value >= min && value > above && value <= max) || (integer && !Number.isInteger(value))) return -1;
    staged[base + c] = value;
  }
  return length;
}
