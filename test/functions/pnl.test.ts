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
