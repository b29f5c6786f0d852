// PARTNER.NPV, PARTNER.IRR and PARTNER.PAYBACK called through the built bundle, the way Excel calls them.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined; // a blank cell, replaced by each of Excel's blank forms in turn

describe("PARTNER.NPV", () => {
  it("gives Excel's results on Microsoft's examples, from a row, a column or a block", () => {
    expect(excel.value("NPV", 0.1, [[-10000, 3000, 4200, 6800]])).toBeCloseTo(1188.44, 2);
    expect(excel.value("NPV", 0.1, [[-10000], [3000], [4200], [6800]])).toBeCloseTo(1188.44, 2);
    expect(excel.value("NPV", 0.1, [[-10000, 3000], [4200, 6800]])).toBeCloseTo(1188.44, 2);
    expect((excel.value("NPV", 0.08, [[8000], [9200], [10000], [12000], [14500]]) as number) - 40000).toBeCloseTo(1922.06, 2);
    expect((excel.value("NPV", "8%", [[8000, 9200, 10000, 12000, 14500, -9000]]) as number) - 40000).toBeCloseTo(-3749.47, 2);
  });

  it("skips text, booleans and blank cells inside the range, as Excel does", () => {
    const plain = excel.value("NPV", 0.1, [[-10000, 3000, 4200, 6800]]);
    for (const blank of [null, ""]) {
      expect(excel.value("NPV", 0.1, [[-10000, blank, "note", 3000, true, 4200, 6800]])).toBe(plain);
    }
    // Trailing empty cells change nothing, whichever way they arrive (0 on Excel desktop).
    for (const blank of BLANKS) expect(excel.value("NPV", 0.1, ...withBlanks([[[-10000, 3000, 4200, 6800, _, _]]], blank))).toBeCloseTo(plain as number, 9);
  });

  it("answers errors as Excel does, with messages naming the argument", () => {
    expect(excel.error("NPV", -1, [[1, 2]]).code).toBe("#DIV/0!");
    expect(excel.error("NPV", 0.1, [[null, "x"]])).toEqual({ code: "#N/A", message: "values: there are no cash flows (no cell holds a number)." });
    expect(excel.error("NPV", "ten", [[1]])).toEqual({ code: "#VALUE!", message: 'rate: expected a number, got "ten".' });
    expect(excel.error("NPV", null, [[1]]).message).toBe("rate: a value is required.");
    expect(excel.error("NPV", [[0.1, 0.2]], [[1]]).message).toBe("rate: expected a single value, got a 1×2 range.");
  });
});

describe("PARTNER.IRR", () => {
  const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
  it("gives Excel's results on Microsoft's examples", () => {
    expect(excel.value("IRR", [flows.slice(0, 5)])).toBeCloseTo(-0.0212, 4);
    expect(excel.value("IRR", flows.map((f) => [f]))).toBeCloseTo(0.0866, 4);
    expect(excel.value("IRR", [flows.slice(0, 3)], -0.1)).toBeCloseTo(-0.4435, 4);
  });

  it("uses the default guess when it is omitted", () => {
    expect(excel.value("IRR", [flows], null)).toBe(excel.value("IRR", [flows], 0.1));
  });

  it("answers #NUM! where Excel does", () => {
    expect(excel.error("IRR", [[1, 2, 3]]).code).toBe("#NUM!");
    expect(excel.error("IRR", [[-1, "text", true]]).code).toBe("#NUM!");
    expect(excel.error("IRR", [[-100, 1]]).code).toBe("#NUM!");
    expect(excel.error("IRR", [flows], "x")).toEqual({ code: "#VALUE!", message: 'guess: expected a number, got "x".' });
  });
});

describe("PARTNER.PAYBACK", () => {
  it("gives the textbook payback period", () => {
    expect(excel.value("PAYBACK", [[-10000, 4000, 4000, 3000]])).toBeCloseTo(2.67, 2);
    expect(excel.value("PAYBACK", [[0, 10, 20]])).toBe(0);
    for (const blank of BLANKS) expect(excel.value("PAYBACK", ...withBlanks([[[-100], [60], [60], [_]]], blank))).toBeCloseTo(1 + 40 / 60, 12);
  });

  it("answers #N/A when it never pays back", () => {
    expect(excel.error("PAYBACK", [[-100, 10, 10]])).toEqual({
      code: "#N/A",
      message: "cashflows: the running total is still negative after the last period; it never pays back.",
    });
    expect(excel.error("PAYBACK", null).code).toBe("#N/A");
  });
});
