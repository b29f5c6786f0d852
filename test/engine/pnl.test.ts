import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../engine/error";
import { irr as excelIrr, npv as excelNpv, payback as excelPayback } from "../../engine/excel";
import { DRIVERS, type PnlSummary, pnl, pnlSummary, ramp, readAssumptions, sensitivity, simulate, simulation, simulationResult } from "../../engine/pnl";

function ok<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value;
}
function error(value: unknown): EngineError {
  if (!(value instanceof EngineError)) throw new Error(`expected an EngineError, got ${JSON.stringify(value)}`);
  return value;
}
const close = (a: number, b: number, scale = 1) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), scale);

/** The lines of a P&L as plain arrays, keyed by label. */
function linesOf(assumptions: unknown[][], view: "partner" | "vendor" = "partner", overrides?: unknown[][]) {
  const table = ok(pnl(assumptions, view, overrides));
  return Object.fromEntries(table.lines.map((l) => [l.label, [...l.values]]));
}

// ---- A reference implementation written straight from SPEC 2.5 (objects, pow, no typed arrays) ---

type Inputs = Record<string, number | number[]>;
const DEFAULTS: Record<string, number> = Object.fromEntries(DRIVERS.map((d) => [d.name, d.default]));

function reference(inputs: Inputs) {
  const Y = (inputs.years as number) ?? 5;
  // A series ends at its last non-zero value (the README's rule for empty cells); one value is a scalar.
  const given = (name: string): number | number[] => {
    const raw = inputs[name] ?? DEFAULTS[name];
    if (!Array.isArray(raw)) return raw;
    let n = raw.length;
    while (n > 0 && raw[n - 1] === 0) n--;
    return n <= 1 ? (raw[0] ?? 0) : raw.slice(0, n);
  };
  const value = (name: string, t: number): number => {
    const g = given(name);
    return Array.isArray(g) ? g[Math.min(t, g.length) - 1] : g;
  };
  const isSeries = (name: string) => Array.isArray(given(name));
  const grown = (name: string, t: number) => (isSeries(name) ? value(name, t) : value(name, t) * (1 + value("cost_growth", 1)) ** (t - 1));
  const rows = { L: [] as number[], S: [] as number[], M: [] as number[], GP: [] as number[], I: [] as number[], C: [] as number[], P: [] as number[], K: [] as number[], V: [] as number[], contribution: [] as number[] };
  let B = 0;
  let K = 0;
  for (let t = 1; t <= Y; t++) {
    const L = isSeries("license_revenue")
      ? value("license_revenue", t)
      : value("license_revenue", t) * (1 + value("license_growth", 1)) ** (t - 1) * value("ramp", t);
    const M = value("maintenance_rate", t) * B * value("retention", t);
    B = B * value("retention", t) + L;
    const S = value("services_attach", t) * L;
    const GP = L * value("product_margin", t) + S * value("services_margin", t) + M * value("maintenance_margin", t);
    const I = value("rebate_rate", t) * L + value("mdf", t);
    const C =
      (t === 1 ? value("onboarding_cost", 1) : 0) +
      grown("enablement_cost", t) +
      grown("certification_cost", t) +
      grown("marketing_cost", t) +
      value("headcount", t) * grown("cost_per_head", t);
    const P = GP + I - C;
    K += P;
    const V = L * (1 - value("product_margin", t)) + M * (1 - value("maintenance_margin", t));
    Object.entries({ L, S, M, GP, I, C, P, K, V, contribution: V * value("vendor_margin", t) - I - value("vendor_program_cost", t) }).forEach(
      ([k, x]) => rows[k as keyof typeof rows].push(x),
    );
  }
  return rows;
}

const toRows = (inputs: Inputs): unknown[][] =>
  Object.entries(inputs).map(([name, v]) => [name, ...(Array.isArray(v) ? v : [v])]);

/** Random assumptions within the drivers' limits; some drivers as per-year series. */
const amount = (max: number) => fc.integer({ min: 0, max }).map((x) => x * 100);
const share = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
const seriesOf = (value: fc.Arbitrary<number>) => fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 8 }));
const inputs: fc.Arbitrary<Inputs> = fc.record(
  {
    years: fc.integer({ min: 1, max: 20 }),
    license_revenue: seriesOf(amount(5000)),
    license_growth: fc.integer({ min: -20, max: 40 }).map((x) => x / 100),
    ramp: seriesOf(share),
    product_margin: share,
    services_attach: seriesOf(share),
    maintenance_rate: share,
    retention: seriesOf(share),
    rebate_rate: share,
    mdf: seriesOf(amount(500)),
    onboarding_cost: amount(1000),
    enablement_cost: seriesOf(amount(300)),
    marketing_cost: amount(300),
    headcount: seriesOf(fc.integer({ min: 0, max: 3 })),
    cost_per_head: amount(1000),
    cost_growth: fc.integer({ min: 0, max: 10 }).map((x) => x / 100),
    discount_rate: fc.integer({ min: 0, max: 20 }).map((x) => x / 100),
    vendor_program_cost: amount(100),
  },
  { requiredKeys: ["license_revenue"] },
);

describe("reading assumptions", () => {
  it("applies the defaults of SPEC 2.5 to drivers not given", () => {
    const model = readAssumptions([["license_revenue", 1000]]);
    expect(model.years).toBe(5);
    const at = (name: string) => model.values[DRIVERS.findIndex((d) => d.name === name) * model.years];
    expect([at("product_margin"), at("services_margin"), at("retention"), at("maintenance_margin"), at("discount_rate"), at("vendor_margin"), at("ramp")]).toEqual(
      [0.2, 0.35, 0.9, 0.15, 0.1, 0.8, 1],
    );
    expect([at("license_growth"), at("mdf"), at("headcount"), at("onboarding_cost")]).toEqual([0, 0, 0, 0]);
  });

  it("reads names in any case, with spaces or hyphens for underscores", () => {
    const a = linesOf([["License Revenue", 1000], ["  PRODUCT-margin ", 0.3], ["Years", 2]]);
    expect(a["Gross profit"]).toEqual([300, 300]);
  });

  it("treats trailing blanks and zeros alike, whichever way Excel passes an empty cell", () => {
    const expected = linesOf([["license_revenue", 1000], ["mdf", 500, 200], ["years", 4]]);
    for (const blank of [null, "", 0, "  "]) {
      expect(linesOf([["license_revenue", 1000, blank, blank], ["mdf", 500, 200, blank], ["years", 4, blank, blank]])).toEqual(expected);
    }
    // A single value followed by empty cells is a single value, not a one-year series.
    expect(linesOf([["license_revenue", 1000, 0, 0], ["years", 3, 0, 0]])["Licence revenue"]).toEqual([1000, 1000, 1000]);
  });

  it("carries a series' last value into later years and reads a blank inside it as 0", () => {
    const a = linesOf([["license_revenue", 100], ["ramp", 0.2, null, 0.8], ["years", 5]]);
    expect(a["Licence revenue"]).toEqual([20, 0, 80, 80, 80]);
  });

  it("skips blank rows and a header row", () => {
    const plain = linesOf([["license_revenue", 1000], ["years", 3]]);
    expect(linesOf([["Name", "Value", "Year 2"], ["license_revenue", 1000, null], [null, null, null], [0, 0, 0], ["years", 3, ""]])).toEqual(plain);
  });

  it("uses only the first `years` values of a longer series", () => {
    expect(linesOf([["license_revenue", 1, 2, 3, 4], ["years", 2]])["Licence revenue"]).toEqual([1, 2]);
  });

  const message = (assumptions: unknown[][], overrides?: unknown[][]) => error(pnl(assumptions, "partner", overrides)).message;

  it("answers #VALUE! naming the argument, the row and the column", () => {
    const base = [["license_revenue", 1000, null]];
    expect(message([...base, ["licence_revnue", 5, null]])).toBe(
      'assumptions (row 2): unknown name "licence_revnue" (did you mean license_revenue?); see the README for the list of drivers.',
    );
    expect(message([...base, ["colour", 5, null]])).toMatch(/^assumptions \(row 2\): unknown name "colour"; see the README/);
    expect(message([...base, ["mdf", 5, null], ["MDF", 6, null]])).toBe("assumptions (row 3): mdf is given twice (first in row 2); keep one row.");
    expect(message([...base, ["mdf", "lots", null]])).toBe('assumptions (row 2, column 2): expected a number, got "lots".');
    expect(message([...base, ["mdf", 5, true]])).toBe("assumptions (row 2, column 3): expected a number, got TRUE.");
    expect(message([...base, ["years", 0, null]])).toBe("assumptions (row 2, column 2): years must be at least 1, got 0.");
    expect(message([...base, ["years", 21, null]])).toBe("assumptions (row 2, column 2): years must be at most 20, got 21.");
    expect(message([...base, ["years", 2.5, null]])).toBe("assumptions (row 2, column 2): years must be a whole number, got 2.5.");
    expect(message([...base, ["years", 3, 4]])).toBe("assumptions (row 2): years takes a single value, not a per-year series.");
    expect(message([...base, ["retention", 1.2, null]])).toBe("assumptions (row 2, column 2): retention must be at most 1, got 1.2.");
    expect(message([...base, ["discount_rate", -1, null]])).toBe("assumptions (row 2, column 2): discount_rate must be greater than -1, got -1.");
    expect(message([...base, ["mdf", -5, null]])).toBe("assumptions (row 2, column 2): mdf must be at least 0, got -5.");
    expect(message([...base, [null, 5, null]])).toMatch(/^assumptions \(row 2\): values without a name/);
    expect(message([...base, [42, 5, null]])).toBe("assumptions (row 2): expected a driver name such as license_revenue, got 42.");
    expect(message([["mdf", 5]])).toBe("assumptions: license_revenue is required; add a row license_revenue | annual amount.");
    expect(message([["license_revenue"], ["mdf"]])).toMatch(/^assumptions: expected rows of name \| value/);
    expect(message([["license_revenue", ...Array(21).fill(1)]])).toBe("assumptions (row 1): 21 yearly values is more than the 20 years a P&L covers.");
    expect(message(base, [["mdf", "x"]])).toBe('overrides (row 1, column 2): expected a number, got "x".');
    expect(message(base, [["mdf", 1], ["mdf", 2]])).toBe("overrides (row 2): mdf is given twice (first in row 1); keep one row.");
  });
});

describe("the P&L (SPEC 2.5)", () => {
  it("computes a worked example line by line", () => {
    // 100,000 run-rate reached 50% then 100%, growing 10% a year; 20% maintenance on the installed
    // base with 90% retention; services 0.5 per licence; costs 20,000 onboarding, 10,000 marketing
    // growing 5%; rebate 2% and MDF 1,000 from the vendor.
    const assumptions = [
      ["years", 3],
      ["license_revenue", 100000],
      ["license_growth", 0.1],
      ["ramp", 0.5, 1],
      ["maintenance_rate", 0.2],
      ["services_attach", 0.5],
      ["onboarding_cost", 20000],
      ["marketing_cost", 10000],
      ["cost_growth", 0.05],
      ["rebate_rate", 0.02],
      ["mdf", 1000],
    ];
    const p = linesOf(assumptions);
    const L = [50000, 110000, 121000];
    const B1 = 50000;
    const B2 = B1 * 0.9 + 110000;
    const M = [0, 0.2 * B1 * 0.9, 0.2 * B2 * 0.9];
    const S = L.map((l) => 0.5 * l);
    const GP = L.map((l, t) => l * 0.2 + S[t] * 0.35 + M[t] * 0.15);
    const I = L.map((l) => 0.02 * l + 1000);
    const C = [20000 + 10000, 10000 * 1.05, 10000 * 1.05 ** 2];
    const P = GP.map((g, t) => g + I[t] - C[t]);
    const expectClose = (got: number[], want: number[]) => got.forEach((x, t) => expect(close(x, want[t]), `${x} vs ${want[t]}`).toBe(true));
    expectClose(p["Licence revenue"], L);
    expectClose(p["Maintenance revenue"], M);
    expectClose(p["Services revenue"], S);
    expectClose(p["Gross profit"], GP);
    expectClose(p["Vendor income"], I);
    expectClose(p.Costs, C);
    expectClose(p.Profit, P);
    expectClose(p["Cumulative profit"], [P[0], P[0] + P[1], P[0] + P[1] + P[2]]);
    const v = linesOf(assumptions, "vendor");
    const V = L.map((l, t) => l * 0.8 + M[t] * 0.85);
    expectClose(v["Vendor net revenue"], V);
    expectClose(v["Vendor contribution"], V.map((x, t) => x * 0.8 - I[t]));
    expect(Object.keys(p)).toEqual(["Licence revenue", "Services revenue", "Maintenance revenue", "Gross profit", "Vendor income", "Costs", "Profit", "Cumulative profit"]);
    expect(Object.keys(v)).toEqual(["Vendor net revenue", "Vendor contribution", "Cumulative contribution"]);
  });

  it("equals the SPEC formulas on random assumptions", () => {
    fc.assert(
      fc.property(inputs, (given) => {
        const want = reference(given);
        const p = linesOf(toRows(given));
        const v = linesOf(toRows(given), "vendor");
        const scale = Math.max(1, ...want.L, ...want.C);
        const same = (got: number[], expected: number[]) => got.length === expected.length && got.every((x, t) => close(x, expected[t], scale));
        return (
          same(p["Licence revenue"], want.L) &&
          same(p["Services revenue"], want.S) &&
          same(p["Maintenance revenue"], want.M) &&
          same(p["Gross profit"], want.GP) &&
          same(p["Vendor income"], want.I) &&
          same(p.Costs, want.C) &&
          same(p.Profit, want.P) &&
          same(p["Cumulative profit"], want.K) &&
          same(v["Vendor net revenue"], want.V) &&
          same(v["Vendor contribution"], want.contribution)
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps its identities: cumulative lines are running sums, profit is gross profit + income - costs", () => {
    fc.assert(
      fc.property(inputs, (given) => {
        const p = linesOf(toRows(given));
        const v = linesOf(toRows(given), "vendor");
        let k = 0;
        let c = 0;
        return p.Profit.every((x, t) => {
          k += x;
          c += v["Vendor contribution"][t];
          const scale = Math.max(1, Math.abs(p["Gross profit"][t]), Math.abs(p.Costs[t]), Math.abs(p["Vendor income"][t]));
          return (
            close(p["Cumulative profit"][t], k, scale * (t + 1)) &&
            close(v["Cumulative contribution"][t], c, scale * (t + 1)) &&
            close(x, p["Gross profit"][t] + p["Vendor income"][t] - p.Costs[t], scale)
          );
        });
      }),
      { numRuns: 200 },
    );
  });

  it("takes a licence series as given (no ramp, no growth) and grows only single-value costs", () => {
    const p = linesOf([["license_revenue", 10, 20], ["ramp", 0.5], ["license_growth", 1], ["marketing_cost", 100], ["enablement_cost", 10, 10], ["cost_growth", 0.5], ["years", 3]]);
    expect(p["Licence revenue"]).toEqual([10, 20, 20]);
    expect(p.Costs).toEqual([110, 160, 235]);
  });

  it("treats overrides exactly as editing those rows of the assumptions", () => {
    const override = fc.record({ product_margin: share, mdf: seriesOf(amount(500)), years: fc.integer({ min: 1, max: 20 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(inputs, override, (given, changes) => {
        const edited = linesOf(toRows({ ...given, ...changes }));
        return JSON.stringify(linesOf(toRows(given), "partner", toRows(changes))) === JSON.stringify(edited);
      }),
      { numRuns: 100 },
    );
  });
});

describe("the summary", () => {
  const assumptions = [
    ["years", 5],
    ["license_revenue", 400000],
    ["ramp", 0.3, 0.7, 1],
    ["onboarding_cost", 60000],
    ["headcount", 1],
    ["cost_per_head", 30000],
    ["maintenance_rate", 0.15],
    ["mdf", 5000],
  ];

  it("matches NPV, IRR and PAYBACK of the yearly profits", () => {
    const profits = linesOf(assumptions).Profit;
    const s = ok(pnlSummary(assumptions));
    expect(s.npv).toBe(ok(excelNpv(0.1, profits)));
    expect(s.irr).toBe(ok(excelIrr(profits)));
    expect(s.payback).toBe(ok(excelPayback([0, ...profits])));
    expect(s.firstProfitableYear).toBe(profits.findIndex((p) => p > 0) + 1);
    const costs = linesOf(assumptions).Costs.reduce((a, b) => a + b, 0);
    expect(close(s.roi!, profits.reduce((a, b) => a + b, 0) / costs)).toBe(true);
    expect(close(s.total, profits.reduce((a, b) => a + b, 0))).toBe(true);
  });

  it("summarises the vendor's contribution in the vendor view", () => {
    const v = linesOf(assumptions, "vendor");
    const contributions = v["Vendor contribution"];
    const s = ok(pnlSummary(assumptions, "vendor"));
    expect(s.npv).toBe(ok(excelNpv(0.1, contributions)));
    expect(s.total).toBe(v["Cumulative contribution"].at(-1));
    const spend = linesOf(assumptions)["Vendor income"].reduce((a, b) => a + b, 0);
    expect(close(s.roi!, s.total / spend)).toBe(true);
  });

  it("leaves IRR, payback, first profitable year and ROI blank when they do not exist", () => {
    const never: PnlSummary = ok(pnlSummary([["license_revenue", 1000], ["onboarding_cost", 100000]]));
    expect([never.irr, never.payback, never.firstProfitableYear]).toEqual([null, null, 2]);
    const free = ok(pnlSummary([["license_revenue", 1000]]));
    expect(free.roi).toBeNull(); // no cost at all: no division by zero
    expect(free.irr).toBeNull(); // all profits positive: Excel's IRR gives #NUM!
    expect(free.payback).toBe(0);
    const nothing = ok(pnlSummary([["license_revenue", 0]]));
    expect([nothing.npv, nothing.firstProfitableYear, nothing.total]).toEqual([0, null, 0]);
  });
});

describe("sensitivity", () => {
  const assumptions = [["license_revenue", 100000], ["onboarding_cost", 50000], ["headcount", 1], ["cost_per_head", 20000], ["years", 4]];

  it("flexes each non-zero driver by ±delta and sorts by swing", () => {
    const t = ok(sensitivity(assumptions, "NPV", 0.1));
    const names = t.rows.map((r) => r.driver);
    expect(names).not.toContain("years");
    expect(names).not.toContain("mdf"); // 0: flexing it changes nothing
    expect(names).toContain("product_margin"); // a default counts
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i - 1].swing!).toBeGreaterThanOrEqual(t.rows[i].swing!);
    for (const r of t.rows) expect(r.swing).toBe(Math.abs(r.high! - r.low!));
  });

  it("gives the metric the edited assumptions give", () => {
    const t = ok(sensitivity(assumptions, "Total profit", 0.2));
    const row = t.rows.find((r) => r.driver === "onboarding_cost")!;
    expect(close(row.low!, ok(pnlSummary(assumptions, "partner", [["onboarding_cost", 40000]])).total)).toBe(true);
    expect(close(row.high!, ok(pnlSummary(assumptions, "partner", [["onboarding_cost", 60000]])).total)).toBe(true);
    const margin = t.rows.find((r) => r.driver === "product_margin")!;
    expect(close(margin.high!, ok(pnlSummary(assumptions, "partner", [["product_margin", 0.24]])).total)).toBe(true);
  });

  it("holds a flexed value within the driver's limits", () => {
    const t = ok(sensitivity([["license_revenue", 1000], ["maintenance_rate", 0.5], ["retention", 0.95]], "NPV", 0.1));
    const row = t.rows.find((r) => r.driver === "retention")!;
    expect(close(row.high!, ok(pnlSummary([["license_revenue", 1000], ["maintenance_rate", 0.5], ["retention", 1]])).npv)).toBe(true);
  });

  it("rejects a bad delta", () => {
    expect(error(sensitivity(assumptions, "NPV", 0)).message).toMatch(/^delta: must be greater than 0/);
    expect(error(sensitivity(assumptions, "NPV", 1.5)).message).toMatch(/^delta: must be at most 1/);
  });
});

describe("simulation", () => {
  const assumptions = [["license_revenue", 100000], ["ramp", 0.4, 0.8, 1], ["onboarding_cost", 50000], ["headcount", 0.5], ["cost_per_head", 60000], ["years", 6]];
  const uncertainty = [["license_revenue", "normal", 100000, 25000], ["product_margin", "triangular", 0.15, 0.2, 0.3], ["cost_per_head", "uniform", 50000, 70000]];

  it("gives the same figures for the same seed and different ones for another", () => {
    const a = ok(simulate(assumptions, uncertainty, 2000, 42));
    expect(ok(simulate(assumptions, uncertainty, 2000, 42))).toEqual(a);
    expect(ok(simulate(assumptions, uncertainty, 2000, 43)).meanNpv).not.toBe(a.meanNpv);
    expect(a.p10Npv).toBeLessThanOrEqual(a.p50Npv);
    expect(a.p50Npv).toBeLessThanOrEqual(a.p90Npv);
    expect(a.probabilityPositive).toBeGreaterThanOrEqual(0);
    expect(a.probabilityPositive).toBeLessThanOrEqual(1);
  });

  it("gives this exact result for seed 1 on every machine (frozen reference)", () => {
    // Recorded once from this implementation; basic arithmetic only, so it must never change.
    const r = ok(simulate(assumptions, uncertainty, 1000, 1));
    expect([r.meanNpv, r.p50Npv, r.probabilityPositive].map((x) => x.toPrecision(15))).toMatchInlineSnapshot(`
      [
        "-95695.6617104806",
        "-97209.9352045546",
        "0.00000000000000",
      ]
    `);
  });

  it("collapses to the deterministic P&L when nothing varies", () => {
    const deterministic = ok(pnlSummary(assumptions));
    const fixed = ok(simulate(assumptions, [["license_revenue", "normal", 100000, 0], ["mdf", "uniform", 0, 0]], 300));
    expect(close(fixed.meanNpv, deterministic.npv)).toBe(true);
    expect(fixed.p10Npv).toBe(fixed.p90Npv);
    expect(fixed.p50Payback).toBe(deterministic.payback);
  });

  it("has a mean NPV close to the deterministic NPV for a small, symmetric spread (NPV is linear in licence revenue)", () => {
    const deterministic = ok(pnlSummary(assumptions)).npv;
    const r = ok(simulate(assumptions, [["license_revenue", "normal", 100000, 100]], 10000, 3));
    expect(Math.abs(r.meanNpv - deterministic)).toBeLessThan(0.01 * Math.abs(deterministic));
  });

  it("gives the same figures run in slices of any size as in one go (a task pane runs it in slices)", () => {
    const whole = ok(simulate(assumptions, uncertainty, 5000, 7));
    for (const slice of [1, 333, 1000, 4999, 5000, 20000]) {
      const run = ok(simulation(assumptions, uncertainty, 5000, 7));
      let slices = 0;
      while (run.run(slice)) slices++;
      expect(run.done).toBe(5000);
      expect(slices).toBe(Math.ceil(5000 / slice) - 1);
      expect(ok(simulationResult(run))).toEqual(whole);
    }
  });

  it("stops at the trial that overflows, in one go or in slices (#NUM!)", () => {
    const huge = [["license_revenue", 1], ["services_attach", 1e10]];
    const draws = [["license_revenue", "normal", 1e305, 1e304]];
    expect(error(simulate(huge, draws, 100)).code).toBe("#NUM!");
    const run = ok(simulation(huge, draws, 100));
    expect(run.run(10)).toBe(false);
    expect(run.overflowed).toBe(true);
    expect(run.done).toBeLessThan(10);
    expect(error(simulationResult(run)).message).toBe("uncertainty: the result is too large to compute.");
  });

  it("answers #VALUE! naming the uncertainty row for bad input", () => {
    const message = (rows: unknown[][], trials?: number) => error(simulate(assumptions, rows, trials)).message;
    expect(message([["license_revenue", "lognormal", 1, 2]])).toMatch(/^uncertainty \(row 1, column 2\): expected one of "normal", "uniform", "triangular"/);
    expect(message([["years", "normal", 1, 2]])).toMatch(/^uncertainty \(row 1\): years cannot be uncertain/);
    expect(message([["mdf", "normal", 1, 2], ["mdf", "uniform", 1, 2]])).toMatch(/^uncertainty \(row 2\): mdf is given twice/);
    expect(message([["mdf", "normal", 1, -2]])).toMatch(/^uncertainty \(row 1, column 4\): must not be negative/);
    expect(message([["mdf", "uniform", 3, 2]])).toMatch(/^uncertainty \(row 1\): a uniform distribution needs low ≤ high/);
    expect(message([["mdf", "triangular", 1, 5, 2]])).toMatch(/^uncertainty \(row 1\): a triangular distribution needs low ≤ mode ≤ high/);
    expect(message([["mdf", "normal", 1, 2, 3]])).toMatch(/^uncertainty \(row 1, column 5\): a normal distribution takes mean, sd/);
    expect(message([["mdf", "normal", "x", 2]])).toMatch(/^uncertainty \(row 1, column 3\): expected a number/);
    expect(message([[null, null, null]])).toMatch(/^uncertainty: no driver is uncertain/);
    expect(message([["mdf", "normal", 1, 2]], 100001)).toMatch(/^trials: must be at most 100000/);
  });
});

describe("ramp from history", () => {
  it("takes each year's median share of the best year, across the partners that reached it", () => {
    const history = [
      [20, 60, 100, null],
      [10, 50, 80, 100],
      [30, 90, null, null],
    ];
    // Shares: [0.2, 0.6, 1], [0.1, 0.5, 0.8, 1], [1/3, 1]; year 4 only the second partner.
    const r = ok(ramp(history));
    expect(r).toHaveLength(4);
    expect(r[0]).toBeCloseTo(0.2, 12);
    expect(r[1]).toBeCloseTo(0.6, 12);
    expect(r[2]).toBeCloseTo(0.9, 12);
    expect(r[3]).toBe(1);
  });

  it("interpolates percentiles as PERCENTILE.INC does", () => {
    const history = [[10, 100], [20, 100], [30, 100], [40, 100]];
    expect(ok(ramp(history, 0))[0]).toBeCloseTo(0.1, 12);
    expect(ok(ramp(history, 1))[0]).toBeCloseTo(0.4, 12);
    expect(ok(ramp(history, 0.25))[0]).toBeCloseTo(0.175, 12);
  });

  it("reads trailing blanks and zeros as years not reached, and a blank inside as no revenue", () => {
    for (const blank of [null, "", 0]) expect(ok(ramp([[50, blank, 100, blank, blank]]))).toEqual([0.5, 0, 1]);
  });

  it("answers #N/A without any revenue and #VALUE! for text or negative revenue", () => {
    expect(error(ramp([[null, 0]])).code).toBe("#N/A");
    expect(error(ramp([[1, "x"]])).message).toBe('history (row 1, column 2): expected a number, got "x".');
    expect(error(ramp([[1, -2]])).message).toBe("history (row 1, column 2): must not be negative, got -2.");
    expect(error(ramp([[1, 2]], 2)).message).toMatch(/^percentile: must be at most 1/);
  });
});
