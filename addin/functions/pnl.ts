/* Partner P&L: PARTNER.PNL, PARTNER.PNL.SUMMARY, PARTNER.SENSITIVITY, PARTNER.SIMULATE, PARTNER.RAMP. */
import { isEngineError } from "../../engine/error";
import {
  DEFAULT_TRIALS,
  LINE,
  MAX_TRIALS,
  MAX_YEARS,
  METRICS,
  PARTNER_LINES,
  VENDOR_LINES,
  VIEWS,
  type PnlSummary,
  discountRate,
  evaluate,
  pnl as pnlModel,
  pnlSummary as pnlSummaryModel,
  ramp as rampModel,
  readInOnePass,
  scratchLines,
  sensitivity as sensitivityModel,
  simulate as simulateModel,
  summarise,
  tornado,
} from "../../engine/pnl";
import { type ExcelScalar, type NumberArg, blankIfNull, excelFunction, plain, read } from "./excel";

// Each function has a quick path for a plainly valid call (the common case, once per partner row of
// a sheet): its arguments and its assumptions read in one pass, the P&L computed into a buffer
// reused from call to call, and the spill written cell by cell. Anything else — and any error,
// overflow included — takes the careful path, which reads each argument in turn and names the
// first problem. Both give the same spill.

const modelArgs = { assumptions: read.cells(), view: read.option(VIEWS, "partner"), overrides: read.cells({ optional: true }) };

/** The evaluated P&L of a plainly valid assumptions range (and overrides), or undefined. */
function quickLines(assumptions: unknown, overrides: unknown) {
  const cells = plain.cells(assumptions);
  const over = plain.cells(overrides, true);
  if (!cells || over === undefined) return undefined;
  const model = readInOnePass(cells, over, true);
  if (!model) return undefined;
  const lines = scratchLines(model.years);
  return evaluate(model, lines) ? { model, lines } : undefined;
}

/** "Year 1" … "Year 20", made once. */
const YEAR_LABELS = Array.from({ length: MAX_YEARS }, (_, t) => `Year ${t + 1}`);

const PNL = excelFunction(modelArgs, (a) => {
  const table = pnlModel(a.assumptions!, a.view, a.overrides);
  if (isEngineError(table)) return table;
  const header: ExcelScalar[] = ["Line"];
  for (let t = 1; t <= table.years; t++) header.push(`Year ${t}`);
  return [header, ...table.lines.map((l): ExcelScalar[] => [l.label, ...l.values])];
});

function quickPnl(assumptions: unknown, view: unknown, overrides: unknown): ExcelScalar[][] | undefined {
  const v = plain.option(view, VIEWS, "partner");
  const p = v && quickLines(assumptions, overrides);
  if (!p) return undefined;
  const { years: Y, buffer } = p.lines;
  const labels: readonly string[] = v === "partner" ? PARTNER_LINES : VENDOR_LINES;
  const first = v === "partner" ? LINE.licence : LINE.vendorNet;
  const spill: ExcelScalar[][] = new Array(labels.length + 1);
  const header: ExcelScalar[] = new Array(Y + 1);
  header[0] = "Line";
  for (let t = 0; t < Y; t++) header[t + 1] = YEAR_LABELS[t];
  spill[0] = header;
  for (let k = 0; k < labels.length; k++) {
    const row: ExcelScalar[] = new Array(Y + 1);
    row[0] = labels[k];
    const offset = (first + k) * Y;
    for (let t = 0; t < Y; t++) row[t + 1] = buffer[offset + t];
    spill[k + 1] = row;
  }
  return spill;
}

const summaryRows = (s: PnlSummary, view: string): ExcelScalar[][] => [
  ["NPV", s.npv],
  ["IRR", blankIfNull(s.irr)],
  ["Payback (years)", blankIfNull(s.payback)],
  ["First profitable year", blankIfNull(s.firstProfitableYear)],
  ["ROI", blankIfNull(s.roi)],
  [view === "vendor" ? "Total contribution" : "Total profit", s.total],
];

const PNL_SUMMARY = excelFunction(modelArgs, (a) => {
  const summary = pnlSummaryModel(a.assumptions!, a.view, a.overrides);
  return isEngineError(summary) ? summary : summaryRows(summary, a.view);
});

function quickSummary(assumptions: unknown, view: unknown, overrides: unknown): ExcelScalar[][] | undefined {
  const v = plain.option(view, VIEWS, "partner");
  const p = v && quickLines(assumptions, overrides);
  if (!p) return undefined;
  const summary = summarise(p.lines, discountRate(p.model), v);
  return Number.isFinite(summary.npv) ? summaryRows(summary, v) : undefined;
}

const percent = (x: number) => `${Number((x * 100).toPrecision(12))}%`;

const DELTA: NumberArg = { default: 0.1, above: 0, max: 1, zeroMeansDefault: true };

function tornadoHeader(metric: string, delta: number): ExcelScalar[] {
  const change = percent(delta);
  return ["Driver", `${metric} at -${change}`, `${metric} at +${change}`, "Swing"];
}

const SENSITIVITY = excelFunction({ assumptions: read.cells(), metric: read.option(METRICS, "NPV"), delta: read.number(DELTA) }, (a) => {
  const result = sensitivityModel(a.assumptions!, a.metric, a.delta);
  if (isEngineError(result)) return result;
  return [tornadoHeader(a.metric, a.delta), ...result.rows.map((r): ExcelScalar[] => [r.driver, blankIfNull(r.low), blankIfNull(r.high), blankIfNull(r.swing)])];
});

function quickSensitivity(assumptions: unknown, metric: unknown, delta: unknown): ExcelScalar[][] | undefined {
  const m = plain.option(metric, METRICS, "NPV");
  const d = plain.number(delta, DELTA);
  const p = m && d !== undefined ? quickLines(assumptions, null) : undefined;
  const rows = p && tornado(p.model, m!, d!);
  if (!rows) return undefined;
  const spill: ExcelScalar[][] = new Array(rows.length + 1);
  spill[0] = tornadoHeader(m!, d!);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    spill[i + 1] = [r.driver, blankIfNull(r.low), blankIfNull(r.high), blankIfNull(r.swing)];
  }
  return spill;
}

const SIMULATE = excelFunction(
  {
    assumptions: read.cells(),
    uncertainty: read.cells(),
    trials: read.number({ default: DEFAULT_TRIALS, integer: true, min: 1, max: MAX_TRIALS, zeroMeansDefault: true }),
    seed: read.number({ default: 1, zeroMeansDefault: true }),
  },
  (a) => {
    const r = simulateModel(a.assumptions!, a.uncertainty!, a.trials, a.seed);
    if (isEngineError(r)) return r;
    return [
      ["Mean NPV", r.meanNpv],
      ["P10 NPV", r.p10Npv],
      ["P50 NPV", r.p50Npv],
      ["P90 NPV", r.p90Npv],
      ["Probability NPV > 0", r.probabilityPositive],
      ["P50 payback (years)", blankIfNull(r.p50Payback)],
    ];
  },
);

const RAMP = excelFunction({ history: read.cells(), percentile: read.number({ default: 0.5, min: 0, max: 1 }) }, (a) => {
  const ramp = rampModel(a.history!, a.percentile);
  return isEngineError(ramp) ? ramp : [ramp];
});

/**
 * Multi-year partner P&L: spills a header row (Line, Year 1, Year 2, …) and one row per line. Partner view: licence, services and maintenance revenue, gross profit, vendor income, costs, profit, cumulative profit. Vendor view: vendor net revenue, contribution, cumulative contribution.
 * @customfunction PNL
 * @param assumptions Rows of name | value | year 2 value | … (e.g. license_revenue | 250000). A single value applies to every year; several values make a per-year series.
 * @param [view] "partner" (default) or "vendor".
 * @param [overrides] What-if rows in the same form; each replaces the row of the same name in assumptions.
 * @returns The P&L, one row per line and one column per year.
 */
export function pnl(assumptions: any[][], view?: any, overrides?: any[][]): any[][] {
  return quickPnl(assumptions, view, overrides) ?? PNL({ assumptions, view, overrides });
}

/**
 * Summary of a partner P&L as two columns: NPV, IRR (blank where Excel's IRR gives #NUM!), payback in years, first profitable year, ROI and total profit (or contribution in the vendor view).
 * @customfunction PNL.SUMMARY
 * @param assumptions Rows of name | value | year 2 value | … (e.g. license_revenue | 250000), as for PARTNER.PNL.
 * @param [view] "partner" (default) or "vendor".
 * @param [overrides] What-if rows in the same form; each replaces the row of the same name in assumptions.
 * @returns Six rows of label | value.
 */
export function pnlSummary(assumptions: any[][], view?: any, overrides?: any[][]): any[][] {
  return quickSummary(assumptions, view, overrides) ?? PNL_SUMMARY({ assumptions, view, overrides });
}

/**
 * Tornado table of a partner P&L: each driver lowered and raised by delta (relative, one at a time), the metric at both ends and the swing, largest swing first.
 * @customfunction SENSITIVITY
 * @param assumptions Rows of name | value | year 2 value | …, as for PARTNER.PNL.
 * @param [metric] "NPV" (default), "IRR", "Payback", "ROI", "Total profit", "Vendor NPV" or "Total contribution".
 * @param [delta] Relative change, e.g. 0.1 (default) for -10% and +10%.
 * @returns A header row, then driver | metric at -delta | metric at +delta | swing.
 */
export function sensitivity(assumptions: any[][], metric?: any, delta?: any): any[][] {
  return quickSensitivity(assumptions, metric, delta) ?? SENSITIVITY({ assumptions, metric, delta });
}

/**
 * Monte Carlo of a partner P&L: each trial draws every uncertain driver once (the same value in every year). Returns mean, P10, P50 and P90 of the NPV, the probability that the NPV is positive and the median payback.
 * @customfunction SIMULATE
 * @param assumptions Rows of name | value | year 2 value | …, as for PARTNER.PNL.
 * @param uncertainty Rows of name | normal | mean | sd, name | uniform | low | high, or name | triangular | low | mode | high.
 * @param [trials] Number of trials, 1 to 100,000. Default 10,000.
 * @param [seed] Seed of the random draws: the same seed gives the same figures. Default 1.
 * @returns Six rows of label | value.
 */
export function simulate(assumptions: any[][], uncertainty: any[][], trials?: any, seed?: any): any[][] {
  return SIMULATE({ assumptions, uncertainty, trials, seed });
}

/**
 * Ramp from other partners' history: each partner's yearly revenue divided by its best year, then the chosen percentile across partners for each year since signing. Ready to use as the ramp assumption.
 * @customfunction RAMP
 * @param history One row per past partner, one column per year since signing (year 1, 2, …); leave the years a partner has not reached empty.
 * @param [percentile] Which percentile across partners, 0 to 1. Default 0.5 (the median).
 * @returns One row: the share of the run-rate reached in each year.
 */
export function ramp(history: any[][], percentile?: any): any[][] {
  return RAMP({ history, percentile });
}
