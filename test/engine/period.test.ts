import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { periodDates } from "../../engine/plan";

const day = (y: number, m: number, d: number) => dateSerial(y, m, d);

describe("plan period dates", () => {
  it("reads quarters in the spellings quarterOf accepts", () => {
    for (const q3 of ["2026-Q3", "2026 q3", "Q3 2026", "Q3-2026", "FY2026-Q3"]) expect(periodDates(q3)).toEqual({ start: day(2026, 7, 1), end: day(2026, 9, 30) });
    expect(periodDates("2026-Q4")).toEqual({ start: day(2026, 10, 1), end: day(2026, 12, 31) });
    expect(periodDates("2024-Q1")).toEqual({ start: day(2024, 1, 1), end: day(2024, 3, 31) });
    // A date inside a quarter stands for the quarter, as in the approvals roll-up.
    expect(periodDates(day(2026, 5, 17))).toEqual({ start: day(2026, 4, 1), end: day(2026, 6, 30) });
  });

  it("reads years (fiscal years as calendar years) and months", () => {
    for (const year of ["2026", "FY2026", "fy 2026", "CY2026"]) expect(periodDates(year)).toEqual({ start: day(2026, 1, 1), end: day(2026, 12, 31) });
    expect(periodDates("2024-02")).toEqual({ start: day(2024, 2, 1), end: day(2024, 2, 29) });
    expect(periodDates("2026-12")).toEqual({ start: day(2026, 12, 1), end: day(2026, 12, 31) });
  });

  it("gives nothing for a period it cannot date", () => {
    for (const text of ["", "H1 2026", "2026-13", "next year", "1899", "2026-Q5"]) expect(periodDates(text)).toBeUndefined();
  });
});
