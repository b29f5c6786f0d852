/**
 * Monte Carlo of the partner P&L: each trial draws one value per uncertain driver (the same value
 * in every year), re-evaluates the model in place and records its NPV and payback in typed arrays.
 * Draws come from the project's one seeded generator, so a seed gives the same figures everywhere.
 */
import { fail } from "../error";
import { isBlank, optionAt, toNumber } from "../input";
import { messages, where } from "../messages";
import { type Random, createRandom } from "../random";
import { npvOf, paybackOf } from "../excel/financial";
import { type Cells, type PnlModel, driverOfRow, isEmptyCell, isSingleColumn } from "./assumptions";
import { D, DRIVERS, type Driver, clampToLimits } from "./drivers";
import { LINE, type PnlLines, allocateLines, discountRate, evaluate, scratchLines } from "./model";
import { percentileSorted } from "./percentile";

export const DISTRIBUTIONS = ["normal", "uniform", "triangular"] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export const DEFAULT_TRIALS = 10_000;
/** More trials than this would keep Excel busy for no visible gain in precision. */
export const MAX_TRIALS = 100_000;

const NORMAL = 0;
const UNIFORM = 1;

export interface Uncertainty {
  readonly driver: number;
  readonly distribution: Distribution;
  /** normal: mean, sd; uniform: low, high; triangular: low, mode, high. */
  readonly parameters: readonly number[];
}

const PARAMETERS: Record<Distribution, readonly string[]> = {
  normal: ["mean", "sd"],
  uniform: ["low", "high"],
  triangular: ["low", "mode", "high"],
};

/** Reads `name | normal | mean | sd`, `name | uniform | low | high`, `name | triangular | low | mode | high` rows. */
export function readUncertainty(cells: Cells, arg: string): Uncertainty[] {
  if (isSingleColumn(cells)) fail("#VALUE!", messages.needsColumns(arg, "name | distribution | parameters"));
  const rows: Uncertainty[] = [];
  const seen = new Map<number, number>();
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const at = (column?: number) => where(arg, { row: r + 1, column });
    const d = driverOfRow(row, arg, r, 1);
    if (d < 0) continue;
    const driver: Driver = DRIVERS[d];
    if (d === D.years) fail("#VALUE!", messages.notUncertain(at(), driver.name));
    if (seen.has(d)) fail("#VALUE!", messages.duplicateDriver(at(), driver.name, seen.get(d)! + 1));
    seen.set(d, r);
    if (isEmptyCell(row[1])) fail("#VALUE!", messages.unknownOption(at(2), row[1], DISTRIBUTIONS));
    const distribution = optionAt(row[1], at(2), DISTRIBUTIONS, "normal");
    const names = PARAMETERS[distribution];
    const parameters = names.map((_, i) => {
      const cell = row[2 + i];
      if (isBlank(cell)) return 0;
      const value = typeof cell === "number" ? (Number.isFinite(cell) ? cell : undefined) : toNumber(cell);
      if (value === undefined) return fail("#VALUE!", messages.notNumber(at(3 + i), cell));
      return value;
    });
    for (let c = 2 + names.length; c < row.length; c++) {
      if (!isEmptyCell(row[c])) fail("#VALUE!", messages.extraParameter(at(c + 1), distribution, names.join(", ")));
    }
    if (distribution === "normal" && parameters[1] < 0) fail("#VALUE!", messages.negative(at(4), parameters[1]));
    if (distribution === "uniform" && parameters[0] > parameters[1]) {
      fail("#VALUE!", messages.distributionOrder(at(), distribution, "low ≤ high"));
    }
    if (distribution === "triangular" && !(parameters[0] <= parameters[1] && parameters[1] <= parameters[2])) {
      fail("#VALUE!", messages.distributionOrder(at(), distribution, "low ≤ mode ≤ high"));
    }
    rows.push({ driver: d, distribution, parameters });
  }
  if (!rows.length) fail("#VALUE!", messages.noUncertainty(arg));
  return rows;
}

export interface SimulationResult {
  readonly trials: number;
  readonly meanNpv: number;
  readonly p10Npv: number;
  readonly p50Npv: number;
  readonly p90Npv: number;
  /** Share of trials with NPV > 0. */
  readonly probabilityPositive: number;
  /** Median payback in years; null when the median trial does not pay back within the horizon. */
  readonly p50Payback: number | null;
}

/**
 * A Monte Carlo run that can be advanced a slice of trials at a time (a task pane shows progress
 * and can stop it); the trials, draws and result are those of one uninterrupted run.
 */
export class MonteCarlo {
  readonly trials: number;
  /** Trials run so far. */
  done = 0;
  /** A trial overflowed the range of numbers: there is no result. */
  overflowed = false;
  private readonly Y: number;
  private readonly values: Float64Array;
  private readonly trial: PnlModel;
  private readonly lines: PnlLines;
  private readonly profit: Float64Array;
  private readonly npvs: Float64Array;
  private readonly paybacks: Float64Array;
  private readonly random: Random;
  private readonly count: number;
  private readonly kinds: Uint8Array;
  private readonly bases: Int32Array;
  private readonly parameters: Float64Array;
  private readonly drivers: Int32Array;
  private sum = 0;
  private compensation = 0;
  private positive = 0;

  /**
   * `reuse`: the run's arrays (the trial's values and P&L, every trial's NPV and payback) are
   * shared with the next run that reuses them, for a run that finishes, and gives its result,
   * before another starts (a custom function's call). A run a task pane advances slice by slice
   * keeps arrays of its own.
   */
  constructor(model: PnlModel, uncertain: readonly Uncertainty[], trials: number, seed: number, reuse = false) {
    const Y = model.years;
    this.trials = trials;
    this.Y = Y;
    this.values = reuse ? reused.values(model.values.length) : new Float64Array(model.values.length);
    this.values.set(model.values);
    let series = model.series;
    for (const u of uncertain) series &= ~(1 << u.driver); // a drawn value applies to every year, like a single value
    this.trial = { years: Y, values: this.values, series };
    this.lines = reuse ? scratchLines(Y) : allocateLines(Y);
    this.profit = this.lines.buffer.subarray(LINE.profit * Y, (LINE.profit + 1) * Y);
    this.npvs = reuse ? reused.npvs(trials) : new Float64Array(trials);
    this.paybacks = reuse ? reused.paybacks(trials) : new Float64Array(trials);
    this.random = createRandom(seed);
    // Flat typed copies of the draws' definitions for the hot loop.
    const count = uncertain.length;
    this.count = count;
    this.kinds = new Uint8Array(count);
    this.bases = new Int32Array(count);
    this.parameters = new Float64Array(3 * count);
    this.drivers = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const u = uncertain[i];
      this.kinds[i] = DISTRIBUTIONS.indexOf(u.distribution);
      this.bases[i] = u.driver * Y;
      this.parameters[3 * i] = u.parameters[0];
      this.parameters[3 * i + 1] = u.parameters[1];
      this.parameters[3 * i + 2] = u.parameters[2] ?? 0;
      this.drivers[i] = u.driver;
    }
  }

  /** Runs up to `limit` more trials; false once every trial has run (or one overflowed). */
  run(limit: number = this.trials): boolean {
    const { Y, values, trial, lines, profit, npvs, paybacks, random, count, kinds, bases, parameters, drivers } = this;
    const end = Math.min(this.trials, this.done + limit);
    let { sum, compensation, positive } = this;
    let n = this.done;
    for (; n < end; n++) {
      for (let i = 0; i < count; i++) {
        const a = parameters[3 * i];
        const b = parameters[3 * i + 1];
        const kind = kinds[i];
        const x =
          kind === NORMAL ? a + b * random.normal() : kind === UNIFORM ? a + (b - a) * random.next() : triangular(a, b, parameters[3 * i + 2], random.next());
        values.fill(clampToLimits(drivers[i], x), bases[i], bases[i] + Y);
      }
      if (!evaluate(trial, lines)) break;
      const npv = npvOf(discountRate(trial), profit, Y);
      if (!Number.isFinite(npv)) break;
      npvs[n] = npv;
      paybacks[n] = paybackOf(0, profit, Y);
      const next = sum + npv;
      compensation += Math.abs(sum) >= Math.abs(npv) ? sum - next + npv : npv - next + sum;
      sum = next;
      if (npv > 0) positive++;
    }
    if (n < end) this.overflowed = true;
    this.done = n;
    this.sum = sum;
    this.compensation = compensation;
    this.positive = positive;
    return !this.overflowed && this.done < this.trials;
  }

  /** The figures once every trial has run; null before, or when a trial overflowed. */
  result(): SimulationResult | null {
    if (this.overflowed || this.done < this.trials) return null;
    const { trials, npvs, paybacks } = this;
    npvs.sort();
    paybacks.sort(); // Infinity (never pays back) sorts last
    const p50Payback = percentileSorted(paybacks, trials, 0.5);
    const result = {
      trials,
      meanNpv: (this.sum + this.compensation) / trials,
      p10Npv: percentileSorted(npvs, trials, 0.1),
      p50Npv: percentileSorted(npvs, trials, 0.5),
      p90Npv: percentileSorted(npvs, trials, 0.9),
      probabilityPositive: this.positive / trials,
      p50Payback: Number.isFinite(p50Payback) ? p50Payback : null,
    };
    // NPVs near the largest double can still overflow in their mean or between two percentiles.
    const finite = [result.meanNpv, result.p10Npv, result.p50Npv, result.p90Npv].every(Number.isFinite);
    return finite ? result : null;
  }
}

/** The arrays of runs made with `reuse`, grown to the largest asked for; views of their first `n` numbers. */
const reused = (() => {
  let values = new Float64Array(0);
  let npvs = new Float64Array(0);
  let paybacks = new Float64Array(0);
  return {
    values: (n: number) => (values.length >= n ? values : (values = new Float64Array(n))).subarray(0, n),
    npvs: (n: number) => (npvs.length >= n ? npvs : (npvs = new Float64Array(n))).subarray(0, n),
    paybacks: (n: number) => (paybacks.length >= n ? paybacks : (paybacks = new Float64Array(n))).subarray(0, n),
  };
})();

/** Inverse CDF of the triangular distribution; square roots are exact in IEEE arithmetic. */
function triangular(low: number, mode: number, high: number, u: number): number {
  const width = high - low;
  if (width === 0) return low;
  const split = (mode - low) / width;
  return u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}
