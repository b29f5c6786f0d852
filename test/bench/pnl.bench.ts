// Partner P&L figures: the engine against LibreOffice Calc recalculating the same model written as
// plain formulas, NPV and IRR against formulajs, and the Monte Carlo.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as formulajs from "@formulajs/formulajs";
import { irr, npv } from "../../engine/excel";
import { isEngineError } from "../../engine/error";
import { discountRate, evaluate, readAssumptions, scratchLines, sensitivity, simulate, summarise } from "../../engine/pnl";
import { createRandom } from "../../engine/random";
import {
  pnl as pnlFunction,
  pnlSummary as pnlSummaryFunction,
  sensitivity as sensitivityFunction,
  simulate as simulateFunction,
} from "../../addin/functions/pnl";
import { randomCase, writeParityFile } from "../parity/pnl-sheet";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { type Row, type Timing, measure, report } from "./measure";

const here = path.dirname(fileURLToPath(import.meta.url));
const PARTNERS = 10_000;
const YEARS = 10;
/** =PARTNER.PNL and =PARTNER.PNL.SUMMARY for each of the 10,000 partners. */
const PAIR_TARGET_MS = 40;

/** Rows padded to one width, as Excel passes a range. */
const rectangle = (rows: unknown[][]) => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
};
/** Looks at each cell of a range once (what any reading of it costs at least). */
function lookAtEveryCell(grid: readonly (readonly unknown[])[]): number {
  let seen = 0;
  for (const row of grid) for (const cell of row) if (cell !== null && cell !== "") seen++;
  return seen;
}
const perCall = (timing: Timing, calls: number) => `${((timing.median * 1000) / calls).toFixed(1)} µs a call`;

async function timeOnce(fn: () => unknown): Promise<Timing> {
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  return { median: ms, min: ms, runs: 1 };
}

async function pnlAgainstLibreOffice() {
  const random = createRandom(11);
  const partners = Array.from({ length: PARTNERS }, (_, i) => randomCase(random, i + 1, YEARS));
  const grids = partners.map((p) => p.assumptions);

  // What the plain-formula workbook computes: every line of both views and both summaries.
  const engine = measure(() => {
    for (const grid of grids) {
      const model = readAssumptions(grid);
      const lines = scratchLines(model.years);
      evaluate(model, lines);
      const rate = discountRate(model);
      summarise(lines, rate, "partner");
      summarise(lines, rate, "vendor");
    }
  });
  const rows: Row[] = [{ name: "engine: read, evaluate, summarise both views", timing: engine, note: `${(engine.median * 1000 / PARTNERS).toFixed(2)} µs a partner` }];

  // The same partners through the custom functions' code, as Excel's runtime calls it: a cell with
  // =PARTNER.PNL and one with =PARTNER.PNL.SUMMARY per partner, each reading its arguments and
  // building its spill. (Not through test/excel-host.ts: node:vm routes every global lookup of the
  // bundle through an interceptor, which a browser does not do, and that would dominate.)
  const functions = measure(() => {
    for (const grid of grids) {
      pnlFunction(grid);
      pnlSummaryFunction(grid);
    }
  });
  // What the figure above is made of: the same calls on ranges already in the processor's cache (as
  // a range Excel has just passed is), and merely looking at each cell of 10,000 ranges once.
  const inCache = grids.slice(0, 100);
  const hot = measure(() => {
    for (let i = 0; i < 100; i++) {
      for (const grid of inCache) {
        pnlFunction(grid);
        pnlSummaryFunction(grid);
      }
    }
  });
  const look = measure(() => {
    for (const grid of grids) lookAtEveryCell(grid);
  });
  rows.push({
    name: "custom functions: =PARTNER.PNL + =PARTNER.PNL.SUMMARY",
    timing: functions,
    note: `two calls a partner, each reads its assumptions; target ≤ ${PAIR_TARGET_MS} ms: ${functions.median <= PAIR_TARGET_MS ? "met" : "NOT met"}`,
  });
  rows.push(
    { name: "  the same calls, 100 partners' ranges in cache × 100", timing: hot, note: `${((hot.median * 1000) / PARTNERS / 2).toFixed(2)} µs a call` },
    { name: "  looking once at each cell of the 10,000 ranges", timing: look, note: "no reading, no P&L: memory alone" },
  );

  if (!libreOfficeAvailable()) {
    report(`Partner P&L, ${PARTNERS.toLocaleString("en-US")} partners × ${YEARS} years (LibreOffice not installed)`, rows);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-pnl-bench-"));
  try {
    const formulas = path.join(dir, "pnl-formulas.xlsx");
    const values = path.join(dir, "pnl-values.xlsx");
    const empty = path.join(dir, "empty.xlsx");
    await writeParityFile(formulas, partners);
    await writeParityFile(values, partners, { valuesOnly: true });
    await writeParityFile(empty, []);
    const startup = await timeOnce(() => convert(empty, path.join(dir, "out-empty")));
    const full = await timeOnce(() => convert(formulas, path.join(dir, "out-formulas")));
    const loadSave = await timeOnce(() => convert(values, path.join(dir, "out-values")));
    const recalc: Timing = { median: full.median - loadSave.median, min: full.median - loadSave.median, runs: 1 };
    const size = (f: string) => `${(fs.statSync(f).size / 1e6).toFixed(1)} MB`;
    rows.push(
      { name: "LibreOffice: load + recalculate + save", timing: full, note: `${size(formulas)} of formulas; one run` },
      { name: "LibreOffice: recalculation alone (estimate)", timing: recalc, note: "the line above minus the same cells as values" },
      { name: "LibreOffice: load + save of the values only", timing: loadSave, note: size(values) },
      { name: "LibreOffice: start-up (empty workbook)", timing: startup },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report(`Partner P&L + summary, ${PARTNERS.toLocaleString("en-US")} partners × ${YEARS} years: engine vs LibreOffice Calc on the same plain-formula model`, rows, rows[0].name);
}

const FORMULAJS_VERSION: string = JSON.parse(
  fs.readFileSync(path.resolve(here, "../../node_modules/@formulajs/formulajs/package.json"), "utf8"),
).version;

function financeAgainstFormulajs() {
  const ROWS = 100_000;
  const random = createRandom(13);
  // Conventional investments, an outlay then ten years of returns, so that each has one IRR and
  // both libraries must find the same one.
  const flows = Array.from({ length: ROWS }, () => {
    const outlay = 10_000 + random.int(990_000);
    return [-outlay, ...Array.from({ length: 10 }, () => Math.round(outlay * random.next() * 0.35))];
  });
  const rates = flows.map(() => random.int(25) / 100);

  let engineNpv: number[] = [];
  let formulaNpv: number[] = [];
  const npvEngine = measure(() => (engineNpv = flows.map((f, i) => npv(rates[i], f) as number)), { runs: 7 });
  const npvFormulajs = measure(() => (formulaNpv = flows.map((f, i) => formulajs.NPV(rates[i], ...f) as number)), { runs: 7 });
  let npvWorst = 0;
  engineNpv.forEach((x, i) => {
    const scale = flows[i].reduce((s, v) => s + Math.abs(v), 0);
    const gap = Math.abs(x - formulaNpv[i]) / scale;
    if (!(gap <= 1e-12)) throw new Error(`NPV of row ${i}: engine ${x}, formulajs ${formulaNpv[i]}`);
    npvWorst = Math.max(npvWorst, gap);
  });

  let engineIrr: unknown[] = [];
  let formulaIrr: unknown[] = [];
  const irrEngine = measure(() => (engineIrr = flows.map((f) => irr(f))), { runs: 5 });
  const irrFormulajs = measure(() => (formulaIrr = flows.map((f) => formulajs.IRR(f))), { runs: 5 });
  let compared = 0;
  let irrWorst = 0;
  let engineOnly = 0;
  let formulajsOnly = 0;
  engineIrr.forEach((x, i) => {
    const y = formulaIrr[i];
    const mine = typeof x === "number";
    const theirs = typeof y === "number" && Number.isFinite(y);
    if (mine && theirs) {
      compared++;
      const gap = Math.abs((x as number) - (y as number));
      if (!(gap <= 1e-7 * Math.max(1, Math.abs(y as number)))) throw new Error(`IRR of row ${i}: engine ${x}, formulajs ${y}`);
      irrWorst = Math.max(irrWorst, gap);
    } else if (mine) engineOnly++;
    else if (theirs) formulajsOnly++;
    else if (!isEngineError(x)) throw new Error(`IRR of row ${i}: engine ${String(x)}`);
  });
  report(
    `NPV and IRR of ${ROWS.toLocaleString("en-US")} cash-flow rows (11 values each): engine vs formulajs ${FORMULAJS_VERSION}`,
    [
      { name: "NPV engine", timing: npvEngine, note: `same results: worst gap ${npvWorst.toExponential(1)} of the flows' size` },
      { name: "NPV formulajs", timing: npvFormulajs },
      {
        name: "IRR engine",
        timing: irrEngine,
        note: `same rates on ${compared.toLocaleString("en-US")} rows (worst gap ${irrWorst.toExponential(1)}); #NUM! where only formulajs finds one: ${formulajsOnly}, the reverse: ${engineOnly}`,
      },
      { name: "IRR formulajs", timing: irrFormulajs },
    ],
  );
  console.log(`  ratios: NPV formulajs/engine ${(npvFormulajs.median / npvEngine.median).toFixed(1)}×, IRR formulajs/engine ${(irrFormulajs.median / irrEngine.median).toFixed(1)}×`);
}

function monteCarlo() {
  const assumptions = [
    ["years", YEARS],
    ["license_revenue", 400000],
    ["license_growth", 0.05],
    ["ramp", 0.3, 0.6, 0.9, 1],
    ["services_attach", 0.5],
    ["maintenance_rate", 0.18],
    ["onboarding_cost", 80000],
    ["headcount", 1.5],
    ["cost_per_head", 90000],
    ["marketing_cost", 20000],
    ["rebate_rate", 0.03],
    ["mdf", 15000],
  ];
  const uncertainty = [
    ["license_revenue", "normal", 400000, 80000],
    ["product_margin", "triangular", 0.15, 0.2, 0.28],
    ["cost_per_head", "uniform", 80000, 110000],
  ];
  const timing = measure(() => simulate(assumptions, uncertainty, 10_000, 1), { runs: 9, warmup: 3 });
  const [cells, uncertain] = [rectangle(assumptions), rectangle(uncertainty)];
  const call = measure(() => simulateFunction(cells, uncertain, 10_000, 1), { runs: 9, warmup: 3 });
  // A cell per partner with few trials: what a call costs besides its trials.
  const CALLS = 1000;
  const small = measure(() => {
    for (let i = 0; i < CALLS; i++) simulateFunction(cells, uncertain, 100, i + 1);
  });
  report(`PARTNER.SIMULATE: 10,000 trials × ${YEARS} years, 3 uncertain drivers`, [
    { name: "engine", timing, note: `target < 30 ms: ${timing.median < 30 ? "met" : "NOT met"}` },
    { name: "custom function =PARTNER.SIMULATE", timing: call, note: "reading its ranges and building its spill" },
    { name: `custom function, 100 trials, ${CALLS.toLocaleString("en-US")} calls`, timing: small, note: perCall(small, CALLS) },
  ]);
}

function tornadoTable() {
  const random = createRandom(17);
  const CALLS = 1000;
  const grids = Array.from({ length: CALLS }, (_, i) => randomCase(random, i + 1, YEARS).assumptions);
  const engine = measure(() => {
    for (const grid of grids) sensitivity(grid);
  });
  const functions = measure(() => {
    for (const grid of grids) sensitivityFunction(grid);
  });
  report(`PARTNER.SENSITIVITY: tornado tables of ${CALLS.toLocaleString("en-US")} partners × ${YEARS} years (two P&Ls per driver given)`, [
    { name: "engine", timing: engine, note: perCall(engine, CALLS) },
    { name: "custom function =PARTNER.SENSITIVITY", timing: functions, note: perCall(functions, CALLS) },
  ]);
}

export default async function pnlBench() {
  monteCarlo();
  tornadoTable();
  financeAgainstFormulajs();
  await pnlAgainstLibreOffice();
}
