// Numbers and dates of an export, typed per column from the evidence in the column.
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { parseDateValue, parseNumberText, readingOf, typedValue } from "../../addin/import/values";

describe("numbers", () => {
  it("reads the US and European forms, with currency, percent and negative signs", () => {
    expect(parseNumberText("1,234.56", "us")).toBe(1234.56);
    expect(parseNumberText("1.234,56", "eu")).toBe(1234.56);
    expect(parseNumberText("1 234,56", "eu")).toBe(1234.56);
    expect(parseNumberText("1\u00a0234,56", "eu")).toBe(1234.56);
    expect(parseNumberText("12,5", "eu")).toBe(12.5);
    expect(parseNumberText("12,5", "us")).toBeUndefined();
    expect(parseNumberText("$1,200", "us")).toBe(1200);
    expect(parseNumberText("1.200 EUR", "eu")).toBe(1200);
    expect(parseNumberText("€ 45", "eu")).toBe(45);
    expect(parseNumberText("(45.50)", "us")).toBe(-45.5);
    expect(parseNumberText("100-", "us")).toBe(-100);
    expect(parseNumberText("12.5%", "us")).toBe(0.125);
    expect(parseNumberText("1,23,4", "us")).toBeUndefined();
    expect(parseNumberText("12.34x", "eu")).toBeUndefined();
  });

  it("decides a column's form from the values only one form reads", () => {
    expect(readingOf(["1,234", "12,5"], "number")).toMatchObject({ numberForm: "eu", evidence: { eu: 1, us: 0 } });
    expect(readingOf(["1,234", "1,234.50"], "number")).toMatchObject({ numberForm: "us", evidence: { us: 1, eu: 0 } });
    expect(readingOf(["1,234", "2,500"], "number").question).toBe("numberForm");
    // Plain whole numbers read the same either way: nothing to ask.
    expect(readingOf(["12", "7", 3000], "number").question).toBeUndefined();
  });

  it("asks rather than guesses, and rejects a value that is not in the column's form", () => {
    const reading = readingOf(["1,234", "2,500"], "number");
    expect(typedValue("1,234", reading)).toEqual({ problem: '"1,234" reads as 1234 (US form) or 1.234 (European form): choose the column\'s number form' });
    expect(typedValue("1,234", readingOf(["1,234", "2,500"], "number", { numberForm: "eu" }))).toBe(1.234);
    const us = readingOf(["1,234.50", "12,5"], "number");
    expect(us.question).toBe("numberForm");
    expect(typedValue("12,5", readingOf(["1,234.50", "12,5"], "number", { numberForm: "us" }))).toEqual({ problem: '"12,5" is not a number in the column\'s US form' });
    expect(typedValue("n/a", readingOf(["1"], "number"))).toEqual({ problem: '"n/a" is not a number' });
    expect(typedValue("  ", readingOf([], "number"))).toBeNull();
  });
});

describe("dates", () => {
  it("reads ISO dates with or without a time, dotted dates and Excel serials", () => {
    expect(parseDateValue("2026-03-31", "mdy")).toBe(dateSerial(2026, 3, 31));
    expect(parseDateValue("2026-03-31T18:00:00Z", "mdy")).toBe(dateSerial(2026, 3, 31) + 0.75);
    expect(parseDateValue("2026-03-31 06:00", "mdy")).toBe(dateSerial(2026, 3, 31) + 0.25);
    expect(parseDateValue("31.03.2026", "mdy")).toBe(dateSerial(2026, 3, 31));
    expect(parseDateValue("03/31/2026 2:30 PM", "mdy")).toBeCloseTo(dateSerial(2026, 3, 31) + 14.5 / 24, 9);
    expect(parseDateValue(46112, "dmy")).toBe(46112);
    expect(parseDateValue("46112", "dmy")).toBe(46112);
    expect(parseDateValue("31.02.2026", "dmy")).toBeUndefined();
    expect(parseDateValue("2026-13-01", "dmy")).toBeUndefined();
  });

  it("takes the order a column's values decide, and asks when none does", () => {
    expect(readingOf(["03/04/2026", "13/06/2026"], "date")).toMatchObject({ dateOrder: "dmy", evidence: { dmy: 1, mdy: 0 } });
    expect(readingOf(["03/04/2026", "06/13/2026"], "date")).toMatchObject({ dateOrder: "mdy", evidence: { mdy: 1, dmy: 0 } });
    const ambiguous = readingOf(["03/04/2026", "05/06/2026"], "date");
    expect(ambiguous.question).toBe("dateOrder");
    expect(typedValue("03/04/2026", ambiguous)).toEqual({ problem: '"03/04/2026" could be day/month or month/day: choose the column\'s date order' });
    expect(typedValue("03/04/2026", readingOf(["03/04/2026"], "date", { dateOrder: "mdy" }))).toBe(dateSerial(2026, 3, 4));
    // A day equal to its month reads the same either way.
    expect(readingOf(["04/04/2026"], "date").question).toBeUndefined();
    // Both orders in one column: the user says which.
    expect(readingOf(["13/01/2026", "01/13/2026"], "date").question).toBe("dateOrder");
  });
});
