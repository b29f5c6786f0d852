// How the task pane reads typed numbers and writes figures, drivers and dates for people rather
// than for the engine: typed text is read only when it is a number (1,5 is refused, not read as
// 15), each P&L driver has words and a kind that decides how it is written and typed, and every
// date is YYYY-MM-DD.
import { describe, expect, it } from "vitest";
import { DRIVERS, readAssumptions, readUncertainty } from "../../engine/pnl";
import { dateSerial } from "../../engine/excel/date";
import { DRIVER_WORDS, driverTextProblem, driverWords, formatDriverValue, inWords, inputText, readDriverText } from "../../addin/taskpane/model/drivers";
import { describeProblem } from "../../addin/taskpane/components/ProblemList";
import { formatDate } from "../../addin/taskpane/model/format";
import { numberProblem, rangeText, readNumber, readPercent } from "../../addin/taskpane/model/numbers";
import { hasProblems, uncertaintyProblems } from "../../addin/taskpane/model/uncertainty";

describe("reading a typed number", () => {
  it("takes plain numbers and thousands grouped by commas or spaces (any space people paste)", () => {
    expect(["300000", "300,000", "300 000", "300\u00a0000", "1,234,567.5", "-2.5", "\u22122.5", " 42 ", "1e3", ".5"].map(readNumber)).toEqual([
      300000, 300000, 300000, 300000, 1234567.5, -2.5, -2.5, 42, 1000, 0.5,
    ]);
  });

  it("refuses text that is not a number, or whose grouping is not of thousands, rather than reading another figure", () => {
    for (const text of ["abc", "1,5", "12,34", "1,2345", "300 00", "12abc", "1.2.3", "5%", "--1", "Infinity", "1e999"]) expect(readNumber(text), text).toBeUndefined();
    expect(readNumber("")).toBeNull();
    expect(readNumber("   ")).toBeNull();
  });

  it("reads a percentage with or without its sign as the fraction its decimal text stands for", () => {
    expect(["27", "27%", "27 %", "27.5", "0.5", "-5", "1,000", "100"].map(readPercent)).toEqual([0.27, 0.27, 0.27, 0.275, 0.005, -0.05, 10, 1]);
    // Exactly the double that typing the fraction gives (dividing by 100 can be off in the last bit).
    const fraction = (text: string) => {
      const [whole, decimals = ""] = text.split(".");
      const digits = whole.padStart(3, "0");
      return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}${decimals}`);
    };
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const text = (tenths / 10).toFixed(1);
      expect(readPercent(text), text).toBe(fraction(text));
    }
    expect([readPercent("abc"), readPercent("%"), readPercent("27%%"), readPercent("")]).toEqual([undefined, undefined, undefined, null]);
  });

  it("says what to type: a number where text is not one, the range where a value is outside it", () => {
    const score = { min: 0, max: 100, example: "75" };
    expect(numberProblem(Number.NaN, score)).toBe("Enter a number from 0 to 100, e.g. 75.");
    expect(numberProblem(150, score)).toBe("Enter a number from 0 to 100: 150 is above 100.");
    expect(numberProblem(-1, score)).toBe("Enter a number from 0 to 100: −1 is below 0.");
    expect(numberProblem(100, score)).toBeUndefined();
    expect(numberProblem(null, score)).toBeUndefined();
    expect(numberProblem(null, { required: "Enter a target." })).toBe("Enter a target.");
    expect(numberProblem(2.5, { min: 1, integer: true })).toBe("Enter a whole number of 1 or more.");
    expect(numberProblem(Number.NaN)).toBe("Enter a number, e.g. 1,250.");
    expect(rangeText({ max: 1, unit: "%" })).toBe("of 1% or less");
  });
});

describe("the P&L drivers in words", () => {
  it("has words for every driver of the engine, each label its own, with British spelling of the noun licence", () => {
    expect(Object.keys(DRIVER_WORDS).sort()).toEqual(DRIVERS.map((d) => d.name).sort());
    const labels = Object.values(DRIVER_WORDS).map((w) => w.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const words of Object.values(DRIVER_WORDS)) {
      expect(words.label).not.toMatch(/_|\blicense\b/i);
      expect(words.short).not.toMatch(/_|\blicense\b/i);
      // The tornado chart's labels have room for about 20 characters.
      expect(words.short.length).toBeLessThanOrEqual(20);
    }
    expect(driverWords("License Revenue")).toBe(DRIVER_WORDS.license_revenue);
    expect(driverWords(" made_up ")).toEqual({ label: "made_up", short: "made_up", kind: "number" });
  });

  it("calls a rate every driver the engine holds to a share (at most 1) or names as a rate, growth or margin", () => {
    for (const d of DRIVERS) {
      const kind = DRIVER_WORDS[d.name].kind;
      if ("max" in d && d.max === 1) expect(kind, d.name).toBe("rate");
      if (/_(rate|growth|margin)$/.test(d.name)) expect(kind, d.name).toBe("rate");
      if (/_cost$|revenue$/.test(d.name)) expect(kind, d.name).toBe("amount");
    }
    expect(DRIVER_WORDS.years.kind).toBe("years");
  });

  it("writes amounts with thousands separators, rates as percentages and the horizon as whole years", () => {
    expect(formatDriverValue("amount", 625000)).toBe("625,000");
    expect(formatDriverValue("amount", -1500.5)).toBe("−1,500.5");
    expect(formatDriverValue("rate", 0.27)).toBe("27%");
    expect(formatDriverValue("rate", 0.075)).toBe("7.5%");
    expect(formatDriverValue("years", 5)).toBe("5 years");
    expect(formatDriverValue("years", 1)).toBe("1 year");
    expect(formatDriverValue("count", 1.5)).toBe("1.5");
    expect(formatDriverValue("rate", null)).toBe("—");
    expect([inputText("rate", 0.27), inputText("rate", 0.1 + 0.2), inputText("amount", 625000), inputText("years", 5), inputText("rate", null)]).toEqual([
      "27",
      "30",
      "625,000",
      "5",
      "",
    ]);
  });

  it("reads back what it writes in a box, so that a value not edited is saved unchanged", () => {
    const values = [0, 0.27, 0.123456789, 0.9, -0.05, 1, 0.35, 0.15, 2 / 3];
    for (const v of values) expect(readDriverText("rate", inputText("rate", v)), String(v)).toBeCloseTo(v, 12);
    for (const v of [0.27, 0.9, -0.05, 0.35, 0.15, 0.035]) expect(readDriverText("rate", inputText("rate", v))).toBe(v);
    for (const v of [0, 625000, 1234567.89, 90000, -300]) expect(readDriverText("amount", inputText("amount", v))).toBe(v);
  });

  it("refuses a value the engine would refuse, in the box's units, and nothing the engine accepts", () => {
    for (const d of DRIVERS) {
      const kind = DRIVER_WORDS[d.name].kind;
      for (const v of [-2, -1, -0.5, 0, 0.5, 1, 1.5, 7, 25, 100000]) {
        const rows = d.name === "license_revenue" ? [[d.name, v]] : [["license_revenue", 1], [d.name, v]];
        let engineOk = true;
        try {
          readAssumptions(rows);
        } catch {
          engineOk = false;
        }
        const problem = driverTextProblem(d.name, inputText(kind, v));
        expect(problem === undefined, `${d.name} = ${v}: ${problem}`).toBe(engineOk);
      }
    }
  });
});

describe("the Monte Carlo's uncertain drivers", () => {
  it("says of each figure that cannot be used why, in the driver's units, and of a driver chosen twice which row has it", () => {
    const problems = uncertaintyProblems([
      { driver: "license_revenue", distribution: "normal", parameters: ["625,000", "-5"] },
      { driver: "product_margin", distribution: "triangular", parameters: ["20", "15", "10"] },
      { driver: "License_Revenue", distribution: "uniform", parameters: ["", "abc"] },
      { driver: "retention", distribution: "uniform", parameters: ["80", "95"] },
    ]);
    expect(problems).toEqual([
      { driver: undefined, parameters: [undefined, "Enter an SD of 0 or more."] },
      { driver: undefined, parameters: [undefined, "Enter a mode of at least the low, 20%.", "Enter a high of at least the mode, 15%."] },
      { driver: "Licence revenue per year is uncertain in row 1 already: choose another driver.", parameters: ["Enter the low.", "Enter a number, e.g. 300,000."] },
      { driver: undefined, parameters: [undefined, undefined] },
    ]);
    expect(hasProblems(problems)).toBe(true);
    expect(hasProblems(problems.slice(3))).toBe(false);
  });

  it("lets through exactly the rows the engine accepts", () => {
    const cases: [string, "normal" | "uniform" | "triangular", string[]][] = [
      ["mdf", "normal", ["20,000", "0"]],
      ["mdf", "normal", ["20,000", "-1"]],
      ["rebate_rate", "uniform", ["3", "3"]],
      ["rebate_rate", "uniform", ["4", "3"]],
      ["cost_growth", "triangular", ["-2", "0", "5"]],
      ["cost_growth", "triangular", ["-2", "6", "5"]],
      ["cost_growth", "triangular", ["1", "0", "5"]],
    ];
    for (const [driver, distribution, parameters] of cases) {
      const pane = !hasProblems(uncertaintyProblems([{ driver, distribution, parameters }]));
      const kind = driverWords(driver).kind;
      let engine = true;
      try {
        readUncertainty([[driver, distribution, ...parameters.map((p) => readDriverText(kind, p) ?? null)]], "uncertainty");
      } catch {
        engine = false;
      }
      expect(pane, `${driver} ${distribution} ${parameters.join(" ")}`).toBe(engine);
    }
  });

  it("tells an engine message's driver names in words and leaves other words alone", () => {
    expect(inWords("uncertainty (row 2): license_revenue is given twice (first in row 1); keep one row.")).toBe(
      "uncertainty (row 2): Licence revenue per year is given twice (first in row 1); keep one row.",
    );
    expect(inWords("years must be a whole number; made_up is not a driver")).toBe("years must be a whole number; made_up is not a driver");
  });
});

describe("dates", () => {
  it("writes every date as YYYY-MM-DD", () => {
    expect(formatDate(dateSerial(2026, 10, 15))).toBe("2026-10-15");
    expect(formatDate(dateSerial(2027, 1, 5))).toBe("2027-01-05");
    expect(formatDate(null)).toBe("—");
  });
});

describe("a problem in one line", () => {
  it("says where (table, row, cell) and what, and does not name the table twice when the message starts with it", () => {
    expect(describeProblem({ table: "Plan", row: 4, cell: "D5", message: "Target: not a number" })).toBe("Plan row 4 (D5): Target: not a number");
    expect(describeProblem({ table: "Deals", message: "the table has no Stage column" })).toBe("Deals: the table has no Stage column");
    expect(describeProblem({ table: "FundRequests", message: "FundRequests, Amount: 20,000 is more than the 4,700 of MDF still available for FY2026." })).toBe(
      "FundRequests, Amount: 20,000 is more than the 4,700 of MDF still available for FY2026.",
    );
    // With a row, the row says where: the table stays in front.
    expect(describeProblem({ table: "FundRequests", row: 3, message: "FundRequests rows must …" })).toBe("FundRequests row 3: FundRequests rows must …");
    expect(describeProblem({ table: "", message: "no table" })).toBe("no table");
    // A message that merely starts with the same letters (a KPI "Planned deals" refused under Plan) keeps the table.
    expect(describeProblem({ table: "Plan", message: "Planned deals: enter a target." })).toBe("Plan: Planned deals: enter a target.");
  });
});
