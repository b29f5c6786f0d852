// Excel-compatible primitives: PERCENTRANK.INC, PERCENTILE.INC, QUARTILE.INC, MEDIAN and date
// serials, checked on published examples and on properties that tie them together.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateSerial, parseDateText, serialParts, serialText, todaySerial } from "../../engine/excel/date";
import { toDateSerial } from "../../engine/input";
import { numbers, readFixture } from "../fixtures/read";
import {
  median,
  percentRankInc,
  percentRankIncSorted,
  percentileIncSorted,
  quartileIncSorted,
  sortAscending,
  tercileCutsSorted,
  truncateDigits,
} from "../../engine/excel/statistical";

describe("PERCENTRANK.INC", () => {
  // Microsoft's example for PERCENTRANK.INC: a ten-value column, ranks truncated to 3 digits.
  const published = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];

  it("gives the published example's results", () => {
    expect(percentRankInc(published, 2)).toBe(0.333);
    expect(percentRankInc(published, 4)).toBe(0.555);
    expect(percentRankInc(published, 8)).toBe(0.666);
    expect(percentRankInc(published, 5)).toBe(0.583);
  });

  it("ranks repeated values by the values below them (Microsoft's note on PERCENTRANK and ties)", () => {
    const once = [1, 0.75, 0.5, 0.25];
    expect(once.map((x) => percentRankInc(once, x))).toEqual([1, 0.666, 0.333, 0]);
    const twice = [...once, ...once];
    expect(twice.map((x) => percentRankInc(twice, x))).toEqual([0.857, 0.571, 0.285, 0, 0.857, 0.571, 0.285, 0]);
  });

  it("keeps the requested number of digits", () => {
    const data = [10, 12, 13, 14, 14, 14.5, 16, 17.5, 17.75, 20, 22];
    // 18 lies a ninth of the way from 17.75 to 20: (8 + 1/9) / 10.
    expect(percentRankInc(data, 18, 4)).toBe(0.8111);
    expect(percentRankInc(data, 18, 1)).toBe(0.8);
    expect(percentRankInc(data, 18, 2.9)).toBe(0.81);
  });

  it("interpolates from the last copy of the value below to the first copy of the value above", () => {
    // 1.5 is halfway between the third 1 (position 2) and the 2 (position 3): 2.5 / 9.
    expect(percentRankInc(published, 1.5, 6)).toBe(0.277777);
  });

  it("has no rank outside the population's range or in an empty population", () => {
    expect(percentRankInc(published, 0.5)).toBeNull();
    expect(percentRankInc(published, 13.01)).toBeNull();
    expect(percentRankInc([], 1)).toBeNull();
    expect(percentRankInc([5], 5)).toBe(1);
  });

  it("stays within [0, 1] and never falls as the value rises", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, u, v) => {
        const sorted = sortAscending(values);
        const [lo, hi] = [sorted[0], sorted[sorted.length - 1]];
        const [a, b] = [lo + Math.min(u, v) * (hi - lo), lo + Math.max(u, v) * (hi - lo)];
        const ra = percentRankIncSorted(sorted, a, 15)!;
        const rb = percentRankIncSorted(sorted, b, 15)!;
        return ra >= 0 && rb <= 1 && ra <= rb;
      }),
    );
  });

  it("inverts PERCENTILE.INC on distinct values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const sorted = sortAscending(values);
        const x = percentileIncSorted(sorted, p)!;
        return Math.abs(percentRankIncSorted(sorted, x, 15)! - p) < 1e-9;
      }),
    );
  });
});

describe("truncation to digits", () => {
  it("truncates instead of rounding, without falling for binary representation", () => {
    expect(truncateDigits(0.5555555555555556, 3)).toBe(0.555);
    expect(truncateDigits(0.9999, 3)).toBe(0.999);
    // 0.57 × 100 is 56.99999999999999 in binary floating point; a spreadsheet reads it as 57.
    expect(truncateDigits(0.57, 2)).toBe(0.57);
    expect(truncateDigits(57 / 100, 2)).toBe(0.57);
    expect(truncateDigits(1, 3)).toBe(1);
    expect(truncateDigits(0, 3)).toBe(0);
    expect(truncateDigits(0.123456789, 20)).toBe(0.123456789);
  });
});

describe("PERCENTILE.INC, QUARTILE.INC and MEDIAN", () => {
  it("gives Microsoft's QUARTILE example and the textbook cases", () => {
    const sorted = sortAscending([1, 2, 4, 7, 8, 9, 10, 12]);
    expect(quartileIncSorted(sorted, 1)).toBe(3.5);
    expect(quartileIncSorted(sorted, 0)).toBe(1);
    expect(quartileIncSorted(sorted, 4)).toBe(12);
    expect(quartileIncSorted(sorted, 2)).toBe(7.5);
    expect(percentileIncSorted(sortAscending([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(percentileIncSorted(sortAscending([15, 20, 35, 40, 50]), 0.4)).toBe(29);
    expect(percentileIncSorted([], 0.5)).toBeNull();
    expect(percentileIncSorted(sortAscending([3]), 0.9)).toBe(3);
  });

  it("finds medians of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("agrees with MEDIAN at the 50th percentile", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 50 }), (values) =>
        Math.abs(median(values)! - percentileIncSorted(sortAscending(values), 0.5)!) < 1e-12,
      ),
    );
  });

  it("cuts terciles at PERCENTILE.INC of 1/3 and 2/3", () => {
    expect(tercileCutsSorted(sortAscending([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual([4, 7]);
    const [low, high] = tercileCutsSorted(sortAscending([1, 2, 3, 4, 5, 6, 7, 8, 9]))!;
    expect(low).toBeCloseTo(1 + 8 / 3, 12);
    expect(high).toBeCloseTo(1 + 16 / 3, 12);
    expect(tercileCutsSorted([])).toBeNull();
  });
});

describe("PERCENTILE.INC, QUARTILE.INC and MEDIAN against LibreOffice", () => {
  // test/fixtures/percentile-inc.tsv: seeded populations recalculated by LibreOffice Calc.
  const rows = readFixture("percentile-inc.tsv");

  it("agree on every population of the fixture", () => {
    expect(rows.length).toBeGreaterThan(50);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-13 * Math.max(1, Math.abs(b));
    for (const [population, p33, p67, q1, q2, q3, med] of rows) {
      const values = numbers(population);
      const sorted = sortAscending(values);
      const ours = [
        ...tercileCutsSorted(sorted)!,
        quartileIncSorted(sorted, 1)!,
        quartileIncSorted(sorted, 2)!,
        quartileIncSorted(sorted, 3)!,
        median(values)!,
      ];
      const theirs = [p33, p67, q1, q2, q3, med].map(Number);
      ours.forEach((v, i) => expect(close(v, theirs[i]), `${population} column ${i + 1}: ${v} vs ${theirs[i]}`).toBe(true));
    }
  });
});

describe("Excel date serials", () => {
  it("numbers days as Excel does", () => {
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(2025, 1, 1)).toBe(45658);
    expect(dateSerial(2026, 9, 30)).toBe(46295);
    expect(serialText(46295)).toBe("2026-09-30");
    expect(serialParts(46295.75)).toEqual({ year: 2026, month: 9, day: 30 });
  });

  it("reads yyyy-mm-dd text and rejects dates that do not exist", () => {
    expect(parseDateText(" 2026-09-30 ")).toBe(46295);
    expect(parseDateText("2024-02-29")).toBe(dateSerial(2024, 2, 29));
    for (const bad of ["2026-02-30", "2026-13-01", "30/09/2026", "1899-12-31", "yesterday"]) expect(parseDateText(bad)).toBeUndefined();
  });

  it("reads a cell as a date: serials, numbers as text, yyyy-mm-dd; blank and 0 as no date", () => {
    expect(toDateSerial(46295)).toBe(46295);
    expect(toDateSerial(46295.5)).toBe(46295.5);
    expect(toDateSerial("46295")).toBe(46295);
    expect(toDateSerial("2026-09-30")).toBe(46295);
    for (const blank of [null, undefined, "", " ", 0, "0"]) expect(toDateSerial(blank)).toBeNull();
    for (const bad of ["30/09/2026", "soon", true, "2026-02-30"]) expect(toDateSerial(bad)).toBeUndefined();
  });

  it("takes today from an injectable clock", () => {
    expect(todaySerial(() => Date.UTC(2026, 8, 30, 12))).toBe(46295);
    expect(todaySerial(() => Date.UTC(2025, 0, 1, 12))).toBe(45658);
  });

  it("round-trips every day from 1900-03-01 to 9999-12-31", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const { year, month, day } = serialParts(serial);
        return dateSerial(year, month, day) === serial && parseDateText(serialText(serial)) === serial;
      }),
    );
  });
});

describe("values near the largest double", () => {
  it("rank, cut and take medians without overflowing", () => {
    const huge = [-1.7e308, 1.7e308];
    expect(percentRankInc(huge, 0)).toBe(0.5);
    expect(percentRankInc(huge, 8.5e307)).toBe(0.75);
    expect(percentileIncSorted(sortAscending(huge), 0.75)).toBeCloseTo(8.5e307, -300);
    expect(median(huge)).toBe(0);
    expect(median([1.7e308, 1.7e308])).toBe(1.7e308);
  });
});
