/**
 * Partner P&L (SPEC 2.5): the multi-year P&L of a partner selling the vendor's product, in the
 * partner's and the vendor's view, with its summary, a tornado table, a Monte Carlo and a ramp
 * built from other partners' history. Every function reads its assumptions once into a typed model
 * and returns its result or an EngineError.
 */
import { type EngineError, fail, guard, isEngineError } from "../error";
import { checkNumber } from "../input";
import { messages } from "../messages";
import { type Cells, type PnlModel, readCarefully, readInOnePass } from "./assumptions";
import {
  LINE,
  PARTNER_LINES,
  type PnlLines,
  type PnlSummary,
  VENDOR_LINES,
  type View,
  allocateLines,
  discountRate,
  evaluate,
  line,
  scratchLines,
  summarise,
} from "./model";
import { rampFromHistory } from "./ramp";
import { type Metric, type TornadoRow, tornado } from "./sensitivity";
import { DEFAULT_TRIALS, MAX_TRIALS, MonteCarlo, type SimulationResult, readUncertainty } from "./simulate";

export { type Cells, type PnlModel, readAssumptions, readCarefully, readInOnePass, isEmptyCell } from "./assumptions";
export { DRIVERS, MAX_YEARS, type DriverName, driverIndex } from "./drivers";
export { LINE, PARTNER_LINES, VENDOR_LINES, type PnlLines, type PnlSummary, type View, allocateLines, discountRate, evaluate, line, scratchLines, summarise } from "./model";
export { METRICS, type Metric, type TornadoRow, metricOf, tornado } from "./sensitivity";
export { DEFAULT_TRIALS, DISTRIBUTIONS, MAX_TRIALS, MonteCarlo, type SimulationResult, type Uncertainty, readUncertainty } from "./simulate";
export { percentileSorted } from "./percentile";

export const VIEWS = ["partner", "vendor"] as const;

/**
 * The model of `readAssumptions` for a computation that keeps nothing of it past the call (its
 * values may be in a buffer the next read reuses).
 */
const readForCall = (assumptions: Cells, overrides?: Cells | null): PnlModel => readInOnePass(assumptions, overrides, true) ?? readCarefully(assumptions, overrides);

/** The P&L of a read model, all lines of both views; #NUM! when a value overflows. */
export function evaluateModel(model: PnlModel, lines: PnlLines = allocateLines(model.years)): PnlLines {
  if (!evaluate(model, lines)) fail("#NUM!", messages.overflow("assumptions"));
  return lines;
}

export interface PnlTable {
  readonly years: number;
  readonly lines: readonly { readonly label: string; readonly values: Float64Array }[];
}

/** `PARTNER.PNL`: the yearly lines of the partner view (default) or the vendor view. */
export const pnl = guard((assumptions: Cells, view: View = "partner", overrides?: Cells | null): PnlTable => {
  const lines = evaluateModel(readForCall(assumptions, overrides));
  const first = view === "partner" ? LINE.licence : LINE.vendorNet;
  const labels: readonly string[] = view === "partner" ? PARTNER_LINES : VENDOR_LINES;
  return { years: lines.years, lines: labels.map((label, i) => ({ label, values: line(lines, first + i) })) };
});

/** `PARTNER.PNL.SUMMARY`: NPV, IRR, payback, first profitable year, ROI and total of a view. */
export const pnlSummary = guard((assumptions: Cells, view: View = "partner", overrides?: Cells | null): PnlSummary => {
  const model = readForCall(assumptions, overrides);
  const summary = summarise(evaluateModel(model, scratchLines(model.years)), discountRate(model), view);
  if (!Number.isFinite(summary.npv)) fail("#NUM!", messages.overflow("assumptions"));
  return summary;
});

export interface Tornado {
  readonly metric: Metric;
  readonly delta: number;
  readonly rows: readonly TornadoRow[];
}

/** `PARTNER.SENSITIVITY`: the tornado table of `metric` for ±`delta` (relative) on each driver. */
export const sensitivity = guard((assumptions: Cells, metric: Metric = "NPV", delta: number = 0.1): Tornado => {
  checkNumber(delta, "delta", { above: 0, max: 1 });
  const model = readForCall(assumptions);
  evaluateModel(model, scratchLines(model.years));
  const rows = tornado(model, metric, delta);
  if (!rows) fail("#NUM!", messages.overflow("assumptions"));
  return { metric, delta, rows };
});

/**
 * The Monte Carlo of `PARTNER.SIMULATE`, checked and ready to run a slice of trials at a time
 * (`run(n)`, then `result()`): the same trials and figures as `simulate` with the same arguments.
 */
export const simulation = guard((assumptions: Cells, uncertainty: Cells, trials: number = DEFAULT_TRIALS, seed: number = 1): MonteCarlo => prepare(assumptions, uncertainty, trials, seed, false));

/** The checks of `simulation`, then its run; `reuse`: see MonteCarlo's constructor. */
function prepare(assumptions: Cells, uncertainty: Cells, trials: number, seed: number, reuse: boolean): MonteCarlo {
  checkNumber(trials, "trials", { integer: true, min: 1, max: MAX_TRIALS });
  if (!Number.isFinite(seed)) fail("#VALUE!", messages.notNumber("seed", seed));
  const model = readForCall(assumptions); // the run copies the values it flexes
  const uncertain = readUncertainty(uncertainty, "uncertainty");
  evaluateModel(model, scratchLines(model.years));
  return new MonteCarlo(model, uncertain, trials, seed, reuse);
}

/** `simulation` for a run made in one go, on arrays reused from run to run. */
const runInOneGo = guard((assumptions: Cells, uncertainty: Cells, trials: number, seed: number): MonteCarlo => prepare(assumptions, uncertainty, trials, seed, true));

/** The result of a finished run; #NUM! when a trial overflowed. */
export const simulationResult = guard((run: MonteCarlo): SimulationResult => {
  if (run.done < run.trials && !run.overflowed) throw new Error("simulationResult before the run finished");
  return run.result() ?? fail("#NUM!", messages.overflow("uncertainty"));
});

/** `PARTNER.SIMULATE`: Monte Carlo of the partner NPV and payback under `uncertainty`. */
export const simulate = (assumptions: Cells, uncertainty: Cells, trials: number = DEFAULT_TRIALS, seed: number = 1): SimulationResult | EngineError => {
  const run = runInOneGo(assumptions, uncertainty, trials, seed);
  if (isEngineError(run)) return run;
  run.run();
  return simulationResult(run);
};

/** `PARTNER.RAMP`: the per-year percentile of past partners' revenue as a share of their best year. */
export const ramp = guard((history: Cells, percentile: number = 0.5): number[] => {
  checkNumber(percentile, "percentile", { min: 0, max: 1 });
  return rampFromHistory(history, percentile, "history");
});
