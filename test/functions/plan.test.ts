// PARTNER.ATTAINMENT, PACE, STATUS, ROLLUP, TASKSTATUS and APPROVALS through the built bundle.
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { BLANKS, ExcelHost, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined;
const JUL_1 = dateSerial(2026, 7, 1);
const AUG_15 = dateSerial(2026, 8, 15);
const SEP_30 = dateSerial(2026, 9, 30);
/** The bundle with its clock at noon (UTC) on 15 August 2026. */
const onAug15 = new ExcelHost(undefined, { now: Date.UTC(2026, 7, 15, 12) });

describe("PARTNER.ATTAINMENT and PARTNER.STATUS", () => {
  it("measure performance to plan", () => {
    expect(excel.value("ATTAINMENT", 45000, 60000)).toBe(0.75);
    expect(excel.value("STATUS", 45000, 60000)).toBe("At risk");
    expect(excel.value("STATUS", 54000, 60000)).toBe("On track");
    expect(excel.value("STATUS", 40000, 60000)).toBe("Off track");
    expect(excel.value("STATUS", 85, 100, "15%", 0.3)).toBe("On track");
  });

  it("read a blank actual as 0, a blank threshold as the default, and a blank target as no target", () => {
    for (const blank of BLANKS) {
      expect(excel.value("ATTAINMENT", blank, 100)).toBe(0);
      expect(excel.value("STATUS", 88, 100, blank, blank)).toBe("At risk");
      expect(excel.error("ATTAINMENT", 5, blank).code).toBe("#DIV/0!");
    }
    expect(excel.error("STATUS", 1, 1, 0.5, 0.2).message).toBe("off_track: must be at least at_risk (0.5), got 0.2.");
  });
});

describe("PARTNER.PLAN.ATTAINMENT", () => {
  it("weighs each KPI's own attainment, each up to its target, as Excel passes ranges", () => {
    const actuals = [[2_190_000], [30], [1]];
    const targets = [[2_400_000], [20], [4]];
    expect(excel.value("PLAN.ATTAINMENT", actuals, targets, [[3], [1], [1]], null)).toBeCloseTo((3 * 0.9125 + 1 + 0.25) / 5, 12);
    expect(excel.value("PLAN.ATTAINMENT", actuals, targets, null, null)).toBeCloseTo((0.9125 + 1 + 0.25) / 3, 12);
    expect(excel.value("PLAN.ATTAINMENT", actuals, targets, null, 1.5)).toBeCloseTo((0.9125 + 1.5 + 0.25) / 3, 12);
    // A row of actuals against a column of targets: the same KPIs in reading order.
    expect(excel.value("PLAN.ATTAINMENT", [[2_190_000, 30, 1]], targets, null, null)).toBeCloseTo((0.9125 + 1 + 0.25) / 3, 12);
  });

  it("weighs KPIs the same when no weight is given, reads blank actuals as 0, and leaves out KPIs with a blank target", () => {
    for (const blank of BLANKS) {
      expect(excel.value("PLAN.ATTAINMENT", [[5], [blank]], [[10], [10]], [[blank], [blank]], blank)).toBeCloseTo(0.25, 12);
      expect(excel.value("PLAN.ATTAINMENT", [[5], [7]], [[10], [blank]], null, null)).toBe(0.5);
      // With weights given, a blank weight (0 in Excel desktop) leaves its KPI out.
      expect(excel.value("PLAN.ATTAINMENT", [[5], [10]], [[10], [10]], [[2], [blank]], null)).toBe(0.5);
    }
    expect(excel.error("PLAN.ATTAINMENT", [[5]], [[0]], null, null).code).toBe("#N/A");
    expect(excel.error("PLAN.ATTAINMENT", [[5], [6]], [[10]], null, null).message).toBe("actuals: expected as many cells as targets (1), got 2.");
  });
});

describe("PARTNER.PACE", () => {
  it("divides attainment by the elapsed share of the period", () => {
    expect(excel.value("PACE", 60, 100, JUL_1, SEP_30, AUG_15)).toBeCloseTo(1.2, 12);
    expect(excel.value("PACE", 60, 100, "2026-07-01", "2026-09-30", "2026-08-15")).toBeCloseTo(1.2, 12);
  });

  it("measures on today when as_of is omitted or blank", () => {
    for (const blank of BLANKS) expect(onAug15.value("PACE", 60, 100, JUL_1, SEP_30, blank)).toBeCloseTo(1.2, 12);
    expect(onAug15.value("PACE", 60, 100, JUL_1, SEP_30)).toBeCloseTo(1.2, 12);
  });

  it("names the argument at fault", () => {
    expect(excel.error("PACE", 60, 100, null, SEP_30, AUG_15).message).toBe("period_start: a value is required.");
    expect(excel.error("PACE", 60, 100, JUL_1, "30/09/2026", AUG_15).message).toMatch(/^period_end: expected a date/);
    expect(excel.error("PACE", 60, 100, JUL_1, SEP_30, JUL_1 - 10)).toEqual({
      code: "#N/A",
      message: "as_of: on 2026-06-21 the period (from 2026-07-01) has not started; there is no pace yet.",
    });
  });
});

describe("PARTNER.ROLLUP", () => {
  it("spills a header and one row per key, first-seen order", () => {
    const keys = [["EMEA"], ["APAC"], ["emea"], ["Americas"]];
    expect(excel.value("ROLLUP", keys, [[10], [5], [20], [8]], [[20], [10], [20], [0]])).toEqual([
      ["Key", "Actual", "Target", "Attainment"],
      ["EMEA", 30, 40, 0.75],
      ["APAC", 5, 10, 0.5],
      ["Americas", 8, 0, ""],
    ]);
  });

  it("skips empty rows in every blank form and keeps figures without a key under (blank)", () => {
    for (const blank of BLANKS) {
      const args = withBlanks([[["EMEA"], [_], [_], ["EMEA"]], [[10], [_], [4], [_]], [[20], [_], [5], [10]]], blank);
      expect(excel.value("ROLLUP", ...args)).toEqual([
        ["Key", "Actual", "Target", "Attainment"],
        ["EMEA", 10, 30, 1 / 3],
        ["(blank)", 4, 5, 0.8],
      ]);
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("ROLLUP", [["A"], ["B"]], [[1]], [[1], [2]]).message).toBe("actuals: expected as many cells as keys (2), got 1.");
    expect(excel.error("ROLLUP", [["A"]], [["lots"]], [[1]]).message).toBe('actuals: expected a number, got "lots".');
  });
});

describe("PARTNER.TASKSTATUS", () => {
  it("is Done, Past due, Due soon or Pending", () => {
    expect(excel.value("TASKSTATUS", AUG_15, AUG_15 + 2, SEP_30)).toBe("Done");
    expect(excel.value("TASKSTATUS", AUG_15, "yes", SEP_30)).toBe("Done");
    expect(excel.value("TASKSTATUS", AUG_15, null, SEP_30)).toBe("Past due");
    expect(excel.value("TASKSTATUS", SEP_30 + 14, null, SEP_30)).toBe("Due soon");
    expect(excel.value("TASKSTATUS", "2026-10-15", null, "2026-09-30")).toBe("Pending");
  });

  it("reads a blank done as not done, a blank due as no deadline and a blank as_of as today", () => {
    for (const blank of BLANKS) {
      expect(excel.value("TASKSTATUS", AUG_15, blank, SEP_30)).toBe("Past due");
      expect(excel.value("TASKSTATUS", blank, blank, SEP_30)).toBe("Pending");
      expect(onAug15.value("TASKSTATUS", AUG_15 - 1, blank, blank)).toBe("Past due");
      expect(onAug15.value("TASKSTATUS", AUG_15, blank, blank)).toBe("Due soon");
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("TASKSTATUS", "soon", null).message).toBe('due: expected a date (a serial from 1 to 2958465 or yyyy-mm-dd text), got "soon".');
    expect(excel.error("TASKSTATUS", AUG_15, "finished").message).toMatch(/^done: expected a date/);
  });
});

describe("PARTNER.APPROVALS", () => {
  it("rolls plan acceptance and approval up by quarter", () => {
    const periods = [["2026-Q3"], ["2026-Q3"], ["Q3 2026"], ["2026-Q4"], [null]];
    const states = [["Approved"], ["approved"], ["Accepted"], ["Draft"], [null]];
    const accepted = [[dateSerial(2026, 7, 3)], [null], ["2026-07-09"], [null], [null]];
    expect(excel.value("APPROVALS", periods, states, accepted)).toEqual([
      ["Quarter", "Plans", "Accepted", "Approved", "Approved without acceptance", "Open"],
      ["2026-Q3", 3, 2, 2, 1, 0],
      ["2026-Q4", 1, 0, 0, 0, 1],
    ]);
    expect(excel.error("APPROVALS", periods, [["Signed"]], accepted).message).toBe("states: expected as many cells as periods (5), got 1.");
  });
});

describe("PARTNER.PLAN.CHECK", () => {
  // Comparable partners' results: revenue and new customers, a row per partner (one has no customer count).
  const history = [
    [800_000, 25],
    [1_500_000, 60],
    [950_000, 30],
    [1_100_000, _],
    [600_000, 20],
  ];
  const HEADER = ["Target", "Percentile", "Realism", "Probability"];

  it("places each target in the network and gives the revenue target its probability", () => {
    // Empty cells of the history are left out; a 0 is a result (see below).
    for (const blank of [null, ""]) {
      const [h] = withBlanks([history], blank);
      // A sure 900,000 deal on top of 400,000 booked reaches 1.2M; the other deal cannot be won.
      const result = excel.value("PLAN.CHECK", [[1_200_000], [40]], h, [[900_000], [500_000]], [[1], [blank]], 400_000) as unknown[][];
      expect(result).toEqual([
        HEADER,
        [1_200_000, 0.81, "Stretch — P81", 1],
        // 40 lies a third of the way from 30 (2/3) to 60 (3/3) among the four partners with a figure.
        [40, 0.77, "Stretch — P77", ""],
      ]);
    }
    // A partner that reached 0 counts, as in PERCENTRANK.INC: 40 is then a third of the way from 30 (3/4) to 60 (4/4).
    const [zero] = withBlanks([history], 0);
    expect((excel.value("PLAN.CHECK", [[1_200_000], [40]], zero) as unknown[][])[2]).toEqual([40, 0.83, "Stretch — P83", ""]);
  });

  it("gives 0 without a pipeline, and the same probability for the same seed", () => {
    expect(excel.value("PLAN.CHECK", [[1_200_000]], history.map((r) => [r[0]]))).toEqual([HEADER, [1_200_000, 0.81, "Stretch — P81", 0]]);
    const deals = [[300_000], [450_000], [200_000], [500_000]];
    const rates = [[0.5], ["30%"], [0.8], [0.25]];
    const once = excel.value("PLAN.CHECK", [[1_200_000]], history.map((r) => [r[0]]), deals, rates, 400_000, null, 2000, 7) as unknown[][];
    const again = excel.value("PLAN.CHECK", [[1_200_000]], history.map((r) => [r[0]]), deals, rates, 400_000, null, 2000, 7) as unknown[][];
    expect(again).toEqual(once);
    // The exact chance is 0.2525 (A+D, B+D, A+B+C, A+B+D, A+C+D, B+C+D or all four win): within five standard errors.
    expect(Math.abs((once[1][3] as number) - 0.2525)).toBeLessThan(5 * Math.sqrt((0.2525 * 0.7475) / 2000));
  });

  it("counts the pipeline towards the KPI named by pipeline_kpi, and labels targets the network never reached", () => {
    // Customers first this time: 50 lies two thirds of the way from 30 (2/3) to 60 (3/3), 8/9.
    const swapped = history.map(([revenue, customers]) => [customers, revenue]);
    const result = excel.value("PLAN.CHECK", [[50, 2_000_000]], swapped, [[2_500_000]], 1, 0, 2) as unknown[][];
    expect(result).toEqual([HEADER, [50, 0.88, "Stretch — P88", ""], [2_000_000, 1, "Beyond the network — P100+", 1]]);
  });

  it("names what is wrong", () => {
    expect(excel.error("PLAN.CHECK", [[1], [2], [3]], history).message).toBe("history: expected one column per target (3 columns), got 2.");
    expect(excel.error("PLAN.CHECK", [[1]], history, [[100]]).message).toBe("win_rates: a value is required.");
    expect(excel.error("PLAN.CHECK", [[1]], history, [[100], [200]], [[0.5], [0.2], [0.1]]).message).toBe(
      "win_rates: expected one value or as many cells as pipeline (2), got 3.",
    );
    expect(excel.error("PLAN.CHECK", [[1]], history, [[100], [200]], [[0.5], [2]]).message).toBe("win_rates (row 2): must be from 0 to 1 (0% to 100%), got 2.");
    expect(excel.error("PLAN.CHECK", [[1], [2]], history, null, null, null, 3).message).toBe("pipeline_kpi: expected the number of a target from 1 to 2, got 3.");
  });
});

describe("PARTNER.JVP.CHECK", () => {
  it("says what a joint value proposition lacks, or spills each test", () => {
    expect(excel.cell("JVP.CHECK", "Close the books in 2 days instead of 10 with our joint finance service.")).toBe("OK: 14 words, about 3.5 s to read");
    expect(excel.cell("JVP.CHECK", "World-class synergy for every B2B leader.", false)).toBe(
      'Lacks a quantified benefit, a differentiator and plain words (drop "world-class", "synergy")',
    );
    expect(excel.value("JVP.CHECK", [["Save $2M a year"]], "yes")).toEqual([
      ["Test", "Passes", "Detail"],
      ["Quantified benefit", true, 'figure: "$2M"'],
      ["Differentiator", false, "no comparison: say why this beats the alternatives (than, unlike, only, faster…)"],
      ["Five-second read", true, "4 words, about 1 s"],
      ["Plain words", true, "no hype or jargon found"],
    ]);
    for (const blank of BLANKS) expect(excel.error("JVP.CHECK", blank).code).toBe("#N/A");
    expect(excel.error("JVP.CHECK", [["a"], ["b"]]).message).toBe("statement: expected a single value, got a 2×1 range.");
  });
});
