/**
 * The tornado table: each driver flexed down and up by a relative delta, one at a time, and the
 * resulting swing of a metric. The model is re-evaluated in place on one buffer.
 */
import { IRR_DEFAULT_GUESS, irrOf, npvOf, paybackOf } from "../excel/financial";
import type { PnlModel } from "./assumptions";
import { DRIVERS, DRIVER_COUNT, type Driver, clampToLimits } from "./drivers";
import { LINE, type PnlLines, discountRate, evaluate, scratchLines } from "./model";

export const METRICS = ["NPV", "IRR", "Payback", "ROI", "Total profit", "Vendor NPV", "Total contribution"] as const;
export type Metric = (typeof METRICS)[number];

/** A metric of an evaluated P&L; null where the summary cell would be blank. */
export function metricOf(metric: Metric, lines: PnlLines, rate: number): number | null {
  const Y = lines.years;
  const buffer = lines.buffer;
  // Offsets into the buffer rather than views of it: the tornado table asks twice per driver.
  const profit = LINE.profit * Y;
  switch (metric) {
    case "NPV":
      return npvOf(rate, buffer, Y, profit);
    case "IRR": {
      const irr = irrOf(buffer, IRR_DEFAULT_GUESS, Y, profit);
      return Number.isNaN(irr) ? null : irr;
    }
    case "Payback": {
      const payback = paybackOf(0, buffer, Y, profit);
      return Number.isFinite(payback) ? payback : null;
    }
    case "ROI": {
      let cost = 0;
      for (let t = 0; t < Y; t++) cost += buffer[LINE.costs * Y + t];
      return cost === 0 ? null : buffer[LINE.cumulative * Y + Y - 1] / cost;
    }
    case "Total profit":
      return buffer[LINE.cumulative * Y + Y - 1];
    case "Vendor NPV":
      return npvOf(rate, buffer, Y, LINE.contribution * Y);
    case "Total contribution":
      return buffer[LINE.cumulativeContribution * Y + Y - 1];
  }
}

export interface TornadoRow {
  readonly driver: string;
  /** The metric with the driver lowered by delta (null where the metric is blank). */
  readonly low: number | null;
  readonly high: number | null;
  /** |high − low|; null when either is blank. */
  readonly swing: number | null;
}

/**
 * Every driver except the horizon whose value is not 0 in every year, flexed by ±delta (a
 * fraction: 0.1 is ±10 %), each value held within the driver's limits; sorted by swing, largest
 * first, blanks last, ties in the order of the drivers' list. Null when a flexed model overflows.
 */
export function tornado(model: PnlModel, metric: Metric, delta: number): TornadoRow[] | null {
  const Y = model.years;
  const original = model.values;
  // The flexed copy and the P&L it gives live only during the call: buffers reused between calls.
  const values = (flexedValues[Y] ??= new Float64Array(original.length));
  values.set(original);
  const flexed: PnlModel = { years: Y, values, series: model.series };
  const lines = scratchLines(Y);
  const rows: TornadoRow[] = [];
  for (let d = 0; d < DRIVER_COUNT; d++) {
    if (NOT_FLEXED[d] === 1) continue;
    const base = d * Y;
    let nonZero = false;
    for (let t = 0; t < Y; t++) if (original[base + t] !== 0) nonZero = true;
    if (!nonZero) continue;
    const low = flexedMetric(flexed, lines, d, 1 - delta, original, metric);
    const high = flexedMetric(flexed, lines, d, 1 + delta, original, metric);
    for (let t = 0; t < Y; t++) values[base + t] = original[base + t];
    if (low === undefined || high === undefined) return null;
    rows.push({ driver: DRIVERS[d].name, low, high, swing: low === null || high === null ? null : Math.abs(high - low) });
  }
  // A stable sort keeps the drivers' order among equal swings.
  return rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
}

const flexedValues: Float64Array[] = [];
const NOT_FLEXED = Uint8Array.from(DRIVERS, (d: Driver) => (d.notFlexed ? 1 : 0));

/**
 * The metric with driver `d` at `factor` times its original values (held within its limits);
 * undefined when the P&L or the metric overflows. The discount rate is flexed like any driver, so
 * it is read from the flexed values each time.
 */
function flexedMetric(flexed: PnlModel, lines: PnlLines, d: number, factor: number, original: Float64Array, metric: Metric): number | null | undefined {
  const Y = flexed.years;
  const values = flexed.values;
  for (let t = d * Y; t < (d + 1) * Y; t++) values[t] = clampToLimits(d, original[t] * factor);
  if (!evaluate(flexed, lines)) return undefined;
  const value = metricOf(metric, lines, discountRate(flexed));
  return value === null || Number.isFinite(value) ? value : undefined;
}
