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
