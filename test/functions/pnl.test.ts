// The partner P&L functions called through the built bundle, the way Excel calls them.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined; // a blank cell, replaced by each of Excel's blank forms in turn

const assumptions = [
  ["years", 4, _, _],
  ["license_revenue", 100000, _, _],
  ["ramp", 0.5, 1, _],
  ["onboarding_cost", 30000, _, _],
  ["marketing_cost", 5000, _, _],
  ["mdf", 2000, 1000, _],
];

describe("PARTNER.PNL", () => {
  it("spills a header row and the partner view's lines, whatever form blank cells take", () => {
    const expected = [
      ["Line", "Year 1", "Year 2", "Year 3", "Year 4"],
      ["Licence revenue", 50000, 100000, 100000, 100000],
      ["Services revenue", 0, 0, 0, 0],
      ["Maintenance revenue", 0, 0, 0, 0],
      ["Gross profit", 10000, 20000, 20000, 20000],
      ["Vendor income", 2000, 1000, 1000, 1000],
      ["Costs", 35000, 5000, 5000, 5000],
      ["Profit", -23000, 16000, 16000, 16000],
      ["Cumulative profit", -23000, -7000, 9000, 25000],
    ];
    for (const blank of BLANKS) expect(excel.value("PNL", ...withBlanks([assumptions], blank))).toEqual(expected);
  });

  it("spills the vendor view", () => {
    const spill = excel.value("PNL", assumptions, "Vendor") as unknown[][];
    expect(spill.map((r) => r[0])).toEqual(["Line", "Vendor net revenue", "Vendor contribution", "Cumulative contribution"]);
    expect(spill[1].slice(1)).toEqual([40000, 80000, 80000, 80000]);
    expect(spill[2].slice(1)).toEqual([40000 * 0.8 - 2000, 63000, 63000, 63000]);
  });

  it("applies overrides as the what-if lever", () => {
    const whatIf = excel.value("PNL", assumptions, null, [["ramp", 1], ["years", 2]]) as unknown[][];
    expect(whatIf[0]).toEqual(["Line", "Year 1", "Year 2"]);
    expect(whatIf[1]).toEqual(["Licence revenue", 100000, 100000]);
    // An omitted, empty or 0 overrides argument changes nothing.
    for (const none of [null, [[null]], [[0]], [[""]], 0]) expect(excel.value("PNL", assumptions, null, none)).toEqual(excel.value("PNL", assumptions));
  });

  it("answers #VALUE! naming the argument, row and cell", () => {
    const cases: [unknown[], string][] = [
      [[[["licence_revnue", 5]]], 'assumptions (row 1): unknown name "licence_revnue" (did you mean license_revenue?); see the README for the list of drivers.'],
      [[[["mdf", 5]]], "assumptions: license_revenue is required; add a row license_revenue | annual amount."],
      [[[["license_revenue", "a lot"]]], 'assumptions (row 1, column 2): expected a number, got "a lot".'],
      [[assumptions, "board"], 'view: expected one of "partner", "vendor", got "board".'],
      [[assumptions, null, [["years", 30]]], "overrides (row 1, column 2): years must be at most 20, got 30."],
      [[null], "assumptions: license_revenue is required; add a row license_revenue | annual amount."],
    ];
    for (const [args, message] of cases) expect(excel.error("PNL", ...args)).toEqual({ code: "#VALUE!", message });
  });
});

describe("PARTNER.PNL.SUMMARY", () => {
  it("spills NPV, IRR, payback, first profitable year, ROI and total profit", () => {
    const summary = excel.value("PNL.SUMMARY", assumptions) as [string, number][];
    expect(summary.map((r) => r[0])).toEqual(["NPV", "IRR", "Payback (years)", "First profitable year", "ROI", "Total profit"]);
    const profits = [-23000, 16000, 16000, 16000];
    expect(summary[0][1]).toBeCloseTo(profits.reduce((s, p, t) => s + p / 1.1 ** (t + 1), 0), 6);
    expect(summary[1][1]).toBe(excel.value("IRR", [profits]));
    expect(summary[2][1]).toBeCloseTo(2 + 7000 / 16000, 12);
    expect(summary[3][1]).toBe(2);
    expect(summary[4][1]).toBeCloseTo(25000 / 50000, 12);
    expect(summary[5][1]).toBe(25000);
  });

  it("shows blank cells where a figure does not exist (never #NUM! or #DIV/0! inside the spill)", () => {
    const summary = excel.value("PNL.SUMMARY", [["license_revenue", 1000]]) as unknown[][];
    expect(summary[1][1]).toBe(""); // IRR: every year profitable, Excel's IRR would give #NUM!
    expect(summary[4][1]).toBe(""); // ROI: no cost
    expect(summary[2][1]).toBe(0);
  });

  it("summarises the vendor view with a total contribution", () => {
    const summary = excel.value("PNL.SUMMARY", assumptions, "vendor") as unknown[][];
    expect(summary[5]).toEqual(["Total contribution", 40000 * 0.8 - 2000 + 3 * 63000]);
  });
});

describe("PARTNER.SENSITIVITY", () => {
  it("spills a tornado table sorted by swing", () => {
    const table = excel.value("SENSITIVITY", assumptions) as unknown[][];
    expect(table[0]).toEqual(["Driver", "NPV at -10%", "NPV at +10%", "Swing"]);
    const swings = table.slice(1).map((r) => r[3] as number);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(table.slice(1).map((r) => r[0])).not.toContain("years");
    const irr = excel.value("SENSITIVITY", assumptions, "irr", 0.25) as unknown[][];
    expect(irr[0]).toEqual(["Driver", "IRR at -25%", "IRR at +25%", "Swing"]);
  });

  it("takes blank or 0 metric and delta as their defaults", () => {
    const plain = excel.value("SENSITIVITY", assumptions);
    for (const blank of BLANKS) expect(excel.value("SENSITIVITY", assumptions, blank, blank)).toEqual(plain);
  });

  it("answers #VALUE! for a bad metric or delta", () => {
    expect(excel.error("SENSITIVITY", assumptions, "EBITDA").message).toMatch(/^metric: expected one of "NPV", "IRR"/);
    expect(excel.error("SENSITIVITY", assumptions, null, -0.1).message).toBe("delta: must be greater than 0, got -0.1.");
  });
});

describe("PARTNER.SIMULATE", () => {
  const uncertainty = [["license_revenue", "normal", 100000, 20000, _], ["marketing_cost", "triangular", 3000, 5000, 9000]];

  it("spills the Monte Carlo figures, the same for the same seed", () => {
    const result = excel.value("SIMULATE", assumptions, uncertainty, 2000, 5) as [string, unknown][];
    expect(result.map((r) => r[0])).toEqual(["Mean NPV", "P10 NPV", "P50 NPV", "P90 NPV", "Probability NPV > 0", "P50 payback (years)"]);
    expect(excel.value("SIMULATE", assumptions, uncertainty, 2000, 5)).toEqual(result);
    expect(excel.value("SIMULATE", assumptions, uncertainty, 2000, 6)).not.toEqual(result);
  });

  it("runs 10,000 trials with seed 1 when trials and seed are omitted or blank", () => {
    const full = excel.value("SIMULATE", assumptions, uncertainty, 10000, 1);
    for (const blank of BLANKS) expect(excel.value("SIMULATE", ...withBlanks([assumptions, uncertainty], blank), blank, blank)).toEqual(full);
  });

  it("answers #VALUE! naming the argument", () => {
    expect(excel.error("SIMULATE", assumptions, [["license_revenue", "gaussian", 1, 1]]).message).toMatch(/^uncertainty \(row 1, column 2\)/);
    expect(excel.error("SIMULATE", assumptions, uncertainty, 2.5).message).toBe("trials: expected a whole number, got 2.5.");
    expect(excel.error("SIMULATE", assumptions, uncertainty, 1e6).message).toBe("trials: must be at most 100000, got 1000000.");
    expect(excel.error("SIMULATE", assumptions, null).message).toMatch(/^uncertainty: no driver is uncertain/);
  });
});

describe("PARTNER.RAMP", () => {
  it("spills one row of per-year percentiles", () => {
    for (const blank of BLANKS) {
      const history = withBlanks([[[20, 60, 100, _], [10, 50, 80, 100], [30, 90, _, _]]], blank)[0];
      const [row] = excel.value("RAMP", history) as number[][];
      expect(row.map((x) => Number(x.toFixed(6)))).toEqual([0.2, 0.6, 0.9, 1]);
    }
  });

  it("answers #N/A without revenue and #VALUE! for a bad percentile", () => {
    expect(excel.error("RAMP", [[null, 0]]).code).toBe("#N/A");
    expect(excel.error("RAMP", [[1, 2]], 1.5).message).toBe("percentile: must be at most 1, got 1.5.");
  });
});

describe("the README's P&L and finance examples", () => {
  const pad = (rows: unknown[][], width: number) => rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  const worked = pad(
    [
      ["years", 5],
      ["license_revenue", 300000],
      ["ramp", 0.4, 0.8, 1],
      ["services_attach", 0.5],
      ["maintenance_rate", 0.2],
      ["onboarding_cost", 120000],
      ["marketing_cost", 20000],
      ["headcount", 0.5],
      ["cost_per_head", 80000],
      ["mdf", 10000, 5000],
    ],
    4,
  );
  const rounded = (rows: unknown[][], digits = 0) => rows.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toFixed(digits)) : v)));

  it("give the finance functions' numbers", () => {
    expect(Number((excel.value("NPV", 0.1, [[-10000, 3000, 4200, 6800]]) as number).toFixed(2))).toBe(1188.44);
    const returns = [[8000], [9200], [10000], [12000], [14500]];
    expect(Number(((excel.value("NPV", 0.08, returns) as number) - 40000).toFixed(2))).toBe(1922.06);
    expect(Number(((excel.value("NPV", 0.08, [...returns, [-9000]]) as number) - 40000).toFixed(2))).toBe(-3749.47);
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(Number(((excel.value("IRR", [flows]) as number) * 100).toFixed(2))).toBe(8.66);
    expect(Number(((excel.value("IRR", [flows.slice(0, 5)]) as number) * 100).toFixed(2))).toBe(-2.12);
    expect(Number(((excel.value("IRR", [flows.slice(0, 3)], -0.1) as number) * 100).toFixed(2))).toBe(-44.35);
    expect(Number((excel.value("PAYBACK", [[-10000, 4000, 4000, 3000]]) as number).toFixed(2))).toBe(2.67);
  });

  it("give the worked example's P&L, summary, what-if and vendor total", () => {
    expect(rounded(excel.value("PNL", worked) as unknown[][])).toEqual([
      ["Line", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5"],
      ["Licence revenue", 120000, 240000, 300000, 300000, 300000],
      ["Services revenue", 60000, 120000, 150000, 150000, 150000],
      ["Maintenance revenue", 0, 21600, 62640, 110376, 153338],
      ["Gross profit", 45000, 93240, 121896, 129056, 135501],
      ["Vendor income", 10000, 5000, 5000, 5000, 5000],
      ["Costs", 180000, 60000, 60000, 60000, 60000],
      ["Profit", -125000, 38240, 66896, 74056, 80501],
      ["Cumulative profit", -125000, -86760, -19864, 54192, 134693],
    ]);
    const summary = excel.value("PNL.SUMMARY", worked) as [string, number][];
    expect(summary.map(([label, v], i) => [label, Number(v.toFixed([0, 3, 2, 0, 2, 0][i]))])).toEqual([
      ["NPV", 68793],
      ["IRR", 0.325],
      ["Payback (years)", 3.27],
      ["First profitable year", 2],
      ["ROI", 0.32],
      ["Total profit", 134693],
    ]);
    expect(summary[2][1]).toBeCloseTo(3 + 19864 / 74056.4, 9);
    const whatIf = excel.value("PNL.SUMMARY", worked, null, [["product_margin", 0.25]]) as [string, number][];
    expect([Math.round(whatIf[0][1]), Number(whatIf[2][1].toFixed(2))]).toEqual([114994, 2.84]);
    const vendor = excel.value("PNL.SUMMARY", worked, "vendor") as [string, number][];
    expect(vendor[5][0]).toBe("Total contribution");
    expect(Math.round(vendor[5][1])).toBe(1013009);
  });

  it("give the tornado, the Monte Carlo and the ramp shown", () => {
    const tornado = rounded(excel.value("SENSITIVITY", worked) as unknown[][]);
    expect(tornado.slice(0, 4)).toEqual([
      ["Driver", "NPV at -10%", "NPV at +10%", "Swing"],
      ["ramp", 30610, 106976, 76366],
      ["license_revenue", 30610, 106976, 76366],
      ["product_margin", 50313, 87273, 36961],
    ]);
    const uncertainty = [
      ["license_revenue", "normal", 300000, 60000, null],
      ["product_margin", "triangular", 0.15, 0.2, 0.25],
    ];
    const simulation = excel.value("SIMULATE", worked, uncertainty) as [string, number][];
    expect(simulation.map(([label, v], i) => [label, Number(v.toFixed(i === 4 ? 3 : i === 5 ? 2 : 0))])).toEqual([
      ["Mean NPV", 71228],
      ["P10 NPV", -27486],
      ["P50 NPV", 70266],
      ["P90 NPV", 171670],
      ["Probability NPV > 0", 0.822],
      ["P50 payback (years)", 3.25],
    ]);
    const history = [[40, 90, 100, null], [20, 60, 90, 100], [50, 100, null, null]];
    expect(rounded(excel.value("RAMP", history) as unknown[][], 6)).toEqual([[0.4, 0.9, 0.95, 1]]);
  });
});
