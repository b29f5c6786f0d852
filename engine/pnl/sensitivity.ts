/**
 * The tornado table: each driver flexed down and up by a relative delta, one at a time, and the
 * resulting swing of a metric. The model is re-evaluated in place on one buffer.
 */
import { irrOf, npvOf, paybackOf } from "../excel/financial";
import type { PnlModel } from "./assumptions";
import { DRIVERS, DRIVER_COUNT, clampToLimits } from "./drivers";
import { LINE, type PnlLines, allocateLines, discountRate, evaluate, line } from "./model";

export const METRICS = ["NPV", "IRR", "Payback", "ROI", "Total profit", "Vendor NPV", "Total contribution"] as const;
export type Metric = (typeof METRICS)[number];

/** A metric of an evaluated P&L; null where the summary cell would be blank. */
export function metricOf(metric: Metric, lines: PnlLines, rate: number): number | null {
  const Y = lines.years;
  const last = (k: number) => lines.buffer[k * Y + Y - 1];
  switch (metric) {
    case "NPV":
      return npvOf(rate, line(lines, LINE.profit));
    case "IRR": {
      const irr = irrOf(line(lines, LINE.profit));
      return Number.isNaN(irr) ? null : irr;
    }
    case "Payback": {
      const payback = paybackOf(0, line(lines, LINE.profit));
      return Number.isFinite(payback) ? payback : null;
    }
    case "ROI": {
      let cost = 0;
      for (let t = 0; t < Y; t++) cost += lines.buffer[LINE.costs * Y + t];
      return cost === 0 ? null : last(LINE.cumulative) / cost;
    }
    case "Total profit":
      return last(LINE.cumulative);
    case "Vendor NPV":
      return npvOf(rate, line(lines, LINE.contribution));
    case "Total contribution":
      return last(LINE.cumulativeContribution);
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
  const values = model.values.slice();
  const flexed: PnlModel = { years: Y, values, series: model.series };
  const lines = allocateLines(Y);
  const rows: TornadoRow[] = [];
  for (let d = 0; d < DRIVER_COUNT; d++) {
    const driver = DRIVERS[d];
    if ("notFlexed" in driver && driver.notFlexed) continue;
    const base = d * Y;
    let nonZero = false;
    for (let t = 0; t < Y; t++) if (values[base + t] !== 0) nonZero = true;
    if (!nonZero) continue;
    const original = model.values.subarray(base, base + Y);
    const at = (factor: number): number | null | undefined => {
      for (let t = 0; t < Y; t++) values[base + t] = clampToLimits(d, original[t] * factor);
      if (!evaluate(flexed, lines)) return undefined;
      const value = metricOf(metric, lines, discountRate(flexed));
      return value === null || Number.isFinite(value) ? value : undefined;
    };
    const low = at(1 - delta);
    const high = at(1 + delta);
    values.set(original, base);
    if (low === undefined || high === undefined) return null;
    rows.push({ driver: driver.name, low, high, swing: low === null || high === null ? null : Math.abs(high - low) });
  }
  // A stable sort keeps the drivers' order among equal swings.
  return rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
}
