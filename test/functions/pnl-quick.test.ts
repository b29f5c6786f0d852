// PARTNER.PNL, PNL.SUMMARY, SENSITIVITY and SIMULATE answer a plainly valid call on a quick path
// (one pass over the range, buffers reused between calls, the spill written cell by cell) and
// anything else on their careful path. Whichever path answers, a call must give exactly what a
// straightforward implementation gives — each argument read in turn by the shared readers, the
// assumptions read cell by cell, the P&L in fresh memory, spills built with spreads — value for
// value (-0 included), and the same error with the same message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fail, guard } from "../../engine/error";
import { irrOf, npvOf, paybackOf } from "../../engine/excel/financial";
import { messages } from "../../engine/messages";
import {
  DEFAULT_TRIALS,
  DRIVERS,
  LINE,
  MAX_TRIALS,
  MAX_YEARS,
  METRICS,
  type Metric,
  MonteCarlo,
  PARTNER_LINES,
  type PnlLines,
  type PnlModel,
  VENDOR_LINES,
  VIEWS,
  allocateLines,
  discountRate,
  evaluate,
  evaluateModel,
  line,
  readCarefully,
  readUncertainty,
  summarise,
} from "../../engine/pnl";
import { clampToLimits } from "../../engine/pnl/drivers";
import { outcome, stubCustomFunctions } from "./custom-functions-stub";

stubCustomFunctions();
// Imported after the stub: the module reads CustomFunctions only when a call fails.
const functions = import("../../addin/functions/pnl");
const excel = import("../../addin/functions/excel");

// ---- The straightforward implementations -------------------------------------------------------

const blank = (x: number | null) => (x === null ? "" : x);

async function references() {
  const { excelFunction, read } = await excel;
  const modelArgs = { assumptions: read.cells(), view: read.option(VIEWS, "partner"), overrides: read.cells({ optional: true }) };
  const linesOf = (model: PnlModel): PnlLines => evaluateModel(model, allocateLines(model.years));

  const pnl = excelFunction(modelArgs, (a) =>
    guard(() => {
      const lines = linesOf(readCarefully(a.assumptions!, a.overrides));
      const labels: readonly string[] = a.view === "partner" ? PARTNER_LINES : VENDOR_LINES;
      const first = a.view === "partner" ? LINE.licence : LINE.vendorNet;
      const header = ["Line", ...Array.from({ length: lines.years }, (_, t) => `Year ${t + 1}`)];
      return [header, ...labels.map((label, k) => [label, ...line(lines, first + k)])];
    })(),
  );

  const pnlSummary = excelFunction(modelArgs, (a) =>
    guard(() => {
      const model = readCarefully(a.assumptions!, a.overrides);
      const s = summarise(linesOf(model), discountRate(model), a.view);
      if (!Number.isFinite(s.npv)) fail("#NUM!", messages.overflow("assumptions"));
      const total = a.view === "vendor" ? "Total contribution" : "Total profit";
      return [["NPV", s.npv], ["IRR", blank(s.irr)], ["Payback (years)", blank(s.payback)], ["First profitable year", blank(s.firstProfitableYear)], ["ROI", blank(s.roi)], [total, s.total]];
    })(),
  );

  /** The metric of a P&L read off its lines (as views), as SPEC 2.5 states it. */
  const metricOf = (metric: Metric, lines: PnlLines, rate: number): number | null => {
    const profit = line(lines, LINE.profit);
    const lastOf = (k: number) => line(lines, k)[lines.years - 1];
    switch (metric) {
      case "NPV":
        return npvOf(rate, profit);
      case "IRR":
        return Number.isNaN(irrOf(profit)) ? null : irrOf(profit);
      case "Payback":
        return Number.isFinite(paybackOf(0, profit)) ? paybackOf(0, profit) : null;
      case "ROI": {
        const cost = line(lines, LINE.costs).reduce((s, c) => s + c, 0);
        return cost === 0 ? null : lastOf(LINE.cumulative) / cost;
      }
      case "Total profit":
        return lastOf(LINE.cumulative);
      case "Vendor NPV":
        return npvOf(rate, line(lines, LINE.contribution));
      case "Total contribution":
        return lastOf(LINE.cumulativeContribution);
    }
  };
  const percent = (x: number) => `${Number((x * 100).toPrecision(12))}%`;
  const sensitivity = excelFunction(
    { assumptions: read.cells(), metric: read.option(METRICS, "NPV"), delta: read.number({ default: 0.1, above: 0, max: 1, zeroMeansDefault: true }) },
    (a) =>
      guard(() => {
        const model = readCarefully(a.assumptions!);
        linesOf(model);
        const Y = model.years;
        const rows: { driver: string; low: number | null; high: number | null; swing: number | null }[] = [];
        DRIVERS.forEach((driver, d) => {
          if (driver.name === "years" || model.values.subarray(d * Y, (d + 1) * Y).every((v) => v === 0)) return;
          const at = (factor: number) => {
            const values = model.values.slice();
            for (let t = 0; t < Y; t++) values[d * Y + t] = clampToLimits(d, model.values[d * Y + t] * factor);
            const flexed = { years: Y, values, series: model.series };
            const lines = allocateLines(Y);
            if (!evaluate(flexed, lines)) return fail("#NUM!", messages.overflow("assumptions"));
            const value = metricOf(a.metric, lines, discountRate(flexed));
            return value === null || Number.isFinite(value) ? value : fail("#NUM!", messages.overflow("assumptions"));
          };
          const low = at(1 - a.delta);
          const high = at(1 + a.delta);
          rows.push({ driver: driver.name, low, high, swing: low === null || high === null ? null : Math.abs(high - low) });
        });
        rows.sort((x, y) => (y.swing ?? -1) - (x.swing ?? -1));
        const header = ["Driver", `${a.metric} at -${percent(a.delta)}`, `${a.metric} at +${percent(a.delta)}`, "Swing"];
        return [header, ...rows.map((r) => [r.driver, blank(r.low), blank(r.high), blank(r.swing)])];
      })(),
  );

  const simulate = excelFunction(
    {
      assumptions: read.cells(),
      uncertainty: read.cells(),
      trials: read.number({ default: DEFAULT_TRIALS, integer: true, min: 1, max: MAX_TRIALS, zeroMeansDefault: true }),
      seed: read.number({ default: 1, zeroMeansDefault: true }),
    },
    (a) =>
      guard(() => {
        const model = readCarefully(a.assumptions!);
        const uncertain = readUncertainty(a.uncertainty!, "uncertainty");
        linesOf(model);
        const run = new MonteCarlo(model, uncertain, a.trials, a.seed);
        run.run();
        const r = run.result() ?? fail("#NUM!", messages.overflow("uncertainty"));
        return [
          ["Mean NPV", r.meanNpv],
          ["P10 NPV", r.p10Npv],
          ["P50 NPV", r.p50Npv],
          ["P90 NPV", r.p90Npv],
          ["Probability NPV > 0", r.probabilityPositive],
          ["P50 payback (years)", blank(r.p50Payback)],
        ];
      })(),
  );
  return { pnl, pnlSummary, sensitivity, simulate };
}

// ---- Arguments as Excel passes them ----------------------------------------------------------------

const names: readonly string[] = DRIVERS.map((d) => d.name);
const empty = fc.constantFrom<unknown>(null, "", 0, "  ", "0", -0);
const goodValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) },
  { weight: 3, arbitrary: empty },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("0.25", "15%", 0.999999, 1e-9) },
);
const noise = fc.constantFrom<unknown>("lots", true, Number.NaN, Infinity, [[5]], 25, 1.5, -2, "colour", 1e308, -0, "1e400");
/** A rectangle of assumption rows that mostly reads, with one odd cell now and then. */
const assumptionsRange = fc
  .record({
    drivers: fc.shuffledSubarray(names.filter((n) => n !== "license_revenue"), { maxLength: 12 }),
    // Now and then a revenue so large that the P&L overflows (#NUM!).
    revenue: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 2_000_000 }) }, { weight: 1, arbitrary: fc.constantFrom(1e300, 1e308) }),
    years: fc.integer({ min: 1, max: MAX_YEARS }),
    width: fc.integer({ min: 2, max: 12 }),
    values: fc.array(fc.array(goodValue, { minLength: 11, maxLength: 11 }), { minLength: 13, maxLength: 13 }),
    header: fc.boolean(),
    odd: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat(), noise) }),
  })
  .map(({ drivers, revenue, years, width, values, header, odd }) => {
    const rows: unknown[][] = ["license_revenue", ...drivers].map((name, i) => {
      const d = names.indexOf(name);
      const one = "scalarOnly" in DRIVERS[d] && DRIVERS[d].scalarOnly;
      const cells = name === "years" ? [years] : name === "license_revenue" ? [revenue, ...values[i].slice(0, 2)] : values[i].slice(0, one ? 1 : 1 + (i % 11));
      const row = [name, ...cells].slice(0, width);
      while (row.length < width) row.push(null);
      return row;
    });
    if (header) rows.unshift(["Name", "Value", ...Array(width - 2).fill("")]);
    if (odd) rows[odd[0] % rows.length][odd[1] % width] = odd[2];
    return rows;
  });
/** Now and then not a plain rectangle: a scalar, an empty range, a flat list, ragged rows. */
const assumptionsArg = fc.oneof(
  { weight: 12, arbitrary: assumptionsRange },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 0, "license_revenue", [], [[]], ["license_revenue", 5], [["license_revenue", 5], ["mdf"]]) },
);
const overridesArg = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, "", [[null]], [[0]], [[""]]) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>([["ramp", 1]], [["years", 2, null], ["mdf", 100, 200]], [["mdf", "x"]], [["years", 30]], "mdf", [["mdf", 1], ["mdf", 2]]) },
);
const viewArg = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, "", " ", "partner", "Vendor", " VENDOR ") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("board", 1, true, [["vendor"]], [[null]]) },
);
const metricArg = fc.constantFrom<unknown>(null, undefined, 0, "", ...METRICS, "npv", " irr ", "total PROFIT", "EBITDA", 3, [["ROI"]]);
const deltaArg = fc.constantFrom<unknown>(null, undefined, 0, "", 0.1, 0.25, 1, 0.5, 1e-9, 1.5, -0.1, "0.2", " ", true, Number.NaN, [[0.3]]);
const uncertaintyArg = fc.constantFrom<unknown>(
  [["license_revenue", "normal", 100000, 20000, null], ["marketing_cost", "triangular", 3000, 5000, 9000]],
  [["product_margin", "uniform", 0.1, 0.3]],
  [["retention", "Normal", 0.8, 0.1]],
  [["license_revenue", "gaussian", 1, 1]],
  [["years", "normal", 5, 1]],
  [["license_revenue", "normal", 1e308, 1e308]],
  null,
);
const trialsArg = fc.constantFrom<unknown>(null, 0, 1, 7, 200, 2.5, -1);
const seedArg = fc.constantFrom<unknown>(null, 0, 1, 42, "x");

// ---- The comparisons ----------------------------------------------------------------------------

describe("the P&L functions' quick path gives what a straightforward implementation gives", () => {
  it("PARTNER.PNL and PARTNER.PNL.SUMMARY: the same spill, or the same error", async () => {
    const { pnl, pnlSummary } = await functions;
    const reference = await references();
    let spills = 0;
    let runs = 0;
    fc.assert(
      fc.property(assumptionsArg, viewArg, overridesArg, (assumptions, view, overrides) => {
        runs++;
        const expected = outcome(() => reference.pnl({ assumptions, view, overrides }));
        if ("value" in expected) spills++;
        expect(outcome(() => pnl(assumptions as never, view, overrides as never))).toEqual(expected);
        expect(outcome(() => pnlSummary(assumptions as never, view, overrides as never))).toEqual(outcome(() => reference.pnlSummary({ assumptions, view, overrides })));
      }),
      { numRuns: 3000 },
    );
    // Enough calls that spill, or the comparison would prove little.
    expect(spills / runs).toBeGreaterThan(0.4);
  });

  it("PARTNER.SENSITIVITY: the same tornado table, or the same error", async () => {
    const { sensitivity } = await functions;
    const reference = await references();
    fc.assert(
      fc.property(assumptionsArg, metricArg, deltaArg, (assumptions, metric, delta) => {
        expect(outcome(() => sensitivity(assumptions as never, metric, delta))).toEqual(outcome(() => reference.sensitivity({ assumptions, metric, delta })));
      }),
      { numRuns: 800 },
    );
  });

  it("PARTNER.SIMULATE: the same figures, or the same error, whatever ran before on the reused arrays", async () => {
    const { simulate } = await functions;
    const reference = await references();
    fc.assert(
      fc.property(assumptionsArg, uncertaintyArg, trialsArg, seedArg, (assumptions, uncertainty, trials, seed) => {
        expect(outcome(() => simulate(assumptions as never, uncertainty as never, trials, seed))).toEqual(
          outcome(() => reference.simulate({ assumptions, uncertainty, trials, seed })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("returns a fresh spill on every call (Excel keeps what it is given)", async () => {
    const { pnl, pnlSummary, sensitivity } = await functions;
    const assumptions = [["license_revenue", 1000, null], ["ramp", 0.5, 1], ["years", 3, null]];
    for (const f of [pnl, pnlSummary, sensitivity] as ((a: unknown[][]) => unknown[][])[]) {
      const first = f(assumptions);
      const copy = structuredClone(first);
      const second = f([["license_revenue", 5, null], ["years", 3, null], ["mdf", 7, null]]);
      expect(second).not.toBe(first);
      second.forEach((row, i) => expect(row).not.toBe(first[i]));
      expect(first).toEqual(copy);
    }
  });
});
