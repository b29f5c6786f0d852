// PARTNER.SCORE, PARTNER.AUDIT and PARTNER.AUDIT.AREAS called through the built bundle, the way
// Excel calls them.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined; // a blank cell, replaced by each of Excel's blank forms in turn

describe("PARTNER.SCORE", () => {
  it("scores a row of ratings", () => {
    expect(excel.value("SCORE", [[1, 3, 5]])).toBe(50);
    expect(excel.value("SCORE", [[4], [5], [4]])).toBeCloseTo(83.333333333333, 10);
    expect(excel.value("SCORE", [[3, 4], [5, 2]])).toBe(62.5);
    expect(excel.value("SCORE", 5)).toBe(100);
  });

  it("gives the same result whether blanks arrive as null, 0 or an empty string", () => {
    for (const blank of BLANKS) {
      expect(excel.value("SCORE", ...withBlanks([[[5, _, 1, _]]], blank))).toBe(50);
      expect(excel.value("SCORE", ...withBlanks([[[5, 3, 1]], [[1, _, 1]]], blank))).toBe(50);
      expect(excel.value("SCORE", [[4, 1]], null, blank)).toBe(37.5);
    }
  });

  it("accepts weights and a scale", () => {
    expect(excel.value("SCORE", [[5, 1]], [[3, 1]])).toBe(75);
    expect(excel.value("SCORE", [[10, 1]], null, 10)).toBe(50);
    expect(excel.value("SCORE", [["4", "2"]], [["50%", "50%"]])).toBe(50);
  });

  it("answers #N/A when nothing is rated", () => {
    for (const blank of BLANKS) {
      const error = excel.error("SCORE", [[blank, blank]]);
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/^ratings: there are no ratings/);
    }
  });

  it("answers #VALUE! with a message naming the argument for bad input", () => {
    const cases: [unknown[], RegExp][] = [
      [[[[3, 6]]], /^ratings \(item 2\): a rating must be from 1 to 5/],
      [[[[3, "good"]]], /^ratings \(column 2\): expected a number, got "good"/],
      [[[[3, true]]], /^ratings \(column 2\): expected a number, got TRUE/],
      [[[[3, 4]], [[1, 2, 3]]], /^weights: must be the same shape as ratings \(1×2\), got 1×3/],
      [[[[3, 4]], [[1, -2]]], /^weights \(item 2\): must not be negative/],
      [[[[3, 4]], [[0, 0]]], /^weights: at least one weight must be greater than 0/],
      [[[[3]], null, "five"], /^scale_max: expected a number, got "five"/],
      [[[[3]], null, [[5, 7]]], /^scale_max: expected a single value, got a 1×2 range/],
      [[[[3]], null, 1], /^scale_max: must be greater than 1/],
      [[[[1, 2], [3]]], /^ratings: row 2 has 1 cell but row 1 has 2/],
    ];
    for (const [args, message] of cases) {
      const error = excel.error("SCORE", ...args);
      expect(error.code, JSON.stringify(args)).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    }
  });
});

const ability = [[5], [4], [4], [5], [3]];
const sweetspot = [[3], [3], [2]];
const territory = [[4], [4], [4]];
const revenue = [[2], [3], [_]];

describe("PARTNER.AUDIT and PARTNER.AUDIT.AREAS", () => {
  const expected = {
    ability: ((4 + 3 + 3 + 4 + 2) / 5 / 4) * 100,
    sweetspot: ((2 + 2 + 1) / 3 / 4) * 100,
    territory: 75,
    revenue: ((1 + 2) / 2 / 4) * 100,
  };
  const overall = (expected.ability + expected.sweetspot + expected.territory + expected.revenue) / 4;

  it("scores the four areas and the overall, with any form of blank", () => {
    for (const blank of BLANKS) {
      const args = withBlanks([ability, sweetspot, territory, revenue], blank);
      expect(excel.value("AUDIT", ...args)).toBeCloseTo(overall, 12);
      const [row] = excel.value("AUDIT.AREAS", ...args) as number[][];
      expect(row).toHaveLength(5);
      [expected.ability, expected.sweetspot, expected.territory, expected.revenue, overall].forEach((v, i) =>
        expect(row[i]).toBeCloseTo(v, 12),
      );
    }
  });

  it("leaves an unanswered area blank and out of the overall", () => {
    for (const blank of BLANKS) {
      const args = withBlanks([ability, [[_], [_], [_]], territory, [[_, _, _]]], blank);
      const [row] = excel.value("AUDIT.AREAS", ...args) as unknown[][];
      expect(row[1]).toBe("");
      expect(row[3]).toBe("");
      expect(row[4]).toBeCloseTo((expected.ability + expected.territory) / 2, 12);
    }
  });

  it("weights the areas", () => {
    const weighted = excel.value("AUDIT", ability, sweetspot, territory, revenue, [[2, 1, 1, 0]]) as number;
    expect(weighted).toBeCloseTo((2 * expected.ability + expected.sweetspot + expected.territory) / 4, 12);
  });

  it("answers #N/A when every area is blank and #VALUE! naming the area otherwise", () => {
    for (const blank of BLANKS) {
      expect(excel.error("AUDIT", [[blank]], [[blank]], [[blank]], [[blank]]).code).toBe("#N/A");
      expect(excel.error("AUDIT.AREAS", [[blank]], [[blank]], [[blank]], [[blank]]).code).toBe("#N/A");
    }
    const error = excel.error("AUDIT", ability, sweetspot, [[4], [7]], revenue);
    expect(error).toEqual({ code: "#VALUE!", message: "territory (item 2): a rating must be from 1 to 5 (or blank), got 7." });
    expect(excel.error("AUDIT", ability, sweetspot, territory, revenue, [[1, 1]]).message).toMatch(
      /^area_weights: expected 4 weights, got 2/,
    );
  });
});

describe("the README's examples", () => {
  it("give the numbers the README shows", () => {
    expect(excel.value("SCORE", [[4, 5, 3, null]])).toBe(75);
    expect(excel.value("SCORE", [[4, 5, 3, null]], [[1, 2, 1, 1]])).toBe(81.25);
    expect(excel.value("SCORE", [[7, 10, 4]], null, 10)).toBeCloseTo(66.67, 2);
    const args = [[[5, 4, 4, 5, 3]], [[3, 3, 2]], [[4, 4, 4]], [[2, 3, null]]];
    const [row] = excel.value("AUDIT.AREAS", ...args) as number[][];
    expect(row.map((x) => Number(x.toFixed(1)))).toEqual([80, 41.7, 75, 37.5, 58.5]);
    expect(Number((excel.value("AUDIT", ...args) as number).toFixed(1))).toBe(58.5);
  });
});
