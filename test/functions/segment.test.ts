// PARTNER.SEGMENT, PARTNER.SEGMENTS, PARTNER.CLUSTER and PARTNER.RANK.PCT through the built bundle.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../engine/random";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined;

describe("PARTNER.SEGMENT", () => {
  it("places a partner in its quadrant", () => {
    expect(excel.value("SEGMENT", 72, 35)).toBe("Develop");
    expect(excel.value("SEGMENT", 50, 50)).toBe("Star");
    expect(excel.value("SEGMENT", "40", 90)).toBe("Sustain");
    expect(excel.value("SEGMENT", 72, 35, 80, 30)).toBe("Sustain");
  });

  it("answers #N/A for a blank score and uses the default cut for a blank one, in every blank form", () => {
    for (const blank of BLANKS) {
      expect(excel.error("SEGMENT", blank, 50)).toEqual({ code: "#N/A", message: "potential: there is no score (blank)." });
      expect(excel.value("SEGMENT", 72, 35, blank, blank)).toBe("Develop");
    }
    expect(excel.error("SEGMENT", 150, 50).message).toBe("potential: a scored metric must be from 1 to 100 (or blank), got 150.");
  });
});

describe("PARTNER.SEGMENTS", () => {
  const potentials = [[72], [30], [55], [90], [12]];
  const performances = [[35], [80], [55], [95], [20]];

  it("labels a population with fixed, median or nine-box cuts", () => {
    expect(excel.value("SEGMENTS", potentials, performances)).toEqual([["Develop"], ["Sustain"], ["Star"], ["Star"], ["Review"]]);
    // Medians: potential 55, performance 55.
    expect(excel.value("SEGMENTS", potentials, performances, "Median")).toEqual([["Develop"], ["Sustain"], ["Star"], ["Star"], ["Review"]]);
    // Terciles (PERCENTILE.INC at 1/3 and 2/3): potential 43.3 and 64.3, performance 41.7 and 71.7.
    expect(excel.value("SEGMENTS", potentials, performances, "nine")).toEqual([
      ["High/Low"], ["Low/High"], ["Medium/Medium"], ["High/High"], ["Low/Low"],
    ]);
  });

  it("spills a row for a row, and a blank for rows missing a score, in every blank form", () => {
    expect(excel.value("SEGMENTS", [[72, 30]], [[35, 80]])).toEqual([["Develop", "Sustain"]]);
    for (const blank of BLANKS) {
      expect(excel.value("SEGMENTS", ...withBlanks([[[72], [_], [55]], [[35], [80], [_]], blank], blank))).toEqual([["Develop"], [""], [""]]);
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("SEGMENTS", potentials, [[1]]).message).toBe("performances: expected as many cells as potentials (5), got 1.");
    expect(excel.error("SEGMENTS", potentials, performances, "quartile").message).toBe(
      'method: expected one of "fixed", "median", "nine", got "quartile".',
    );
  });
});

describe("PARTNER.CLUSTER", () => {
  const metrics = [[10, 12], [90, 91], [11, 10], [88, 90], [50, 52], [49, 50]];

  it("numbers clusters from the strongest, the same on every call", () => {
    expect(excel.value("CLUSTER", metrics, 3)).toEqual([[3], [1], [3], [1], [2], [2]]);
    expect(excel.value("CLUSTER", metrics, 3, 7)).toEqual([[3], [1], [3], [1], [2], [2]]);
  });

  it("gives a blank to rows with a blank metric and uses seed 1 for a blank seed, in every blank form", () => {
    const random = createRandom(11);
    const rows = Array.from({ length: 40 }, () => [1 + random.int(100), 1 + random.int(100), 1 + random.int(100)]);
    const reference = excel.value("CLUSTER", rows, 4, 1);
    for (const blank of BLANKS) {
      expect(excel.value("CLUSTER", rows, 4, blank)).toEqual(reference);
      const gap = rows.map((r, i) => (i === 3 ? [r[0], blank, r[2]] : r));
      expect((excel.value("CLUSTER", gap, 4) as unknown[][])[3]).toEqual([""]);
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("CLUSTER", metrics, 7).message).toBe("k: cannot make 7 clusters from 6 complete rows of metrics.");
    expect(excel.error("CLUSTER", metrics, null).message).toBe("k: a value is required.");
    expect(excel.error("CLUSTER", [[10, "x"]], 1).message).toBe('metrics (column 2): expected a number, got "x".');
    expect(excel.error("CLUSTER", [[10, 0]], 1).code).toBe("#N/A");
  });
});

describe("PARTNER.RANK.PCT", () => {
  const published = [[13], [12], [11], [8], [4], [3], [2], [1], [1], [1]];

  it("equals Microsoft's published PERCENTRANK.INC example", () => {
    expect([2, 4, 8, 5].map((x) => excel.cell("RANK.PCT", x, published))).toEqual([0.333, 0.555, 0.666, 0.583]);
    expect(excel.cell("RANK.PCT", 5, published, 5)).toBe(0.58333);
  });

  it("skips empty cells of the population but counts zeros, and reads a blank value as 0, as Excel does", () => {
    expect(excel.cell("RANK.PCT", 4, [...published, [null], [""]])).toBe(0.555);
    expect(excel.cell("RANK.PCT", 4, [...published, [0]])).toBe(0.6);
    for (const blank of BLANKS) expect(excel.cell("RANK.PCT", blank, [[0], [10]])).toBe(0);
    expect(excel.cell("RANK.PCT", 4, published, 0)).toBe(0.555);
  });

  it("answers #N/A outside the population's range", () => {
    expect(excel.error("RANK.PCT", 14, published)).toEqual({ code: "#N/A", message: "value: 14 is outside the population's range (1 to 13)." });
    expect(excel.error("RANK.PCT", 1, [[null]]).code).toBe("#N/A");
    expect(excel.error("RANK.PCT", 1, [["n/a"]]).message).toBe('population: expected a number, got "n/a".');
  });

  it("ranks a range of values in one call, spilled in the range's shape: blanks blank, a value outside the range its own #N/A", () => {
    const spill = excel.value("RANK.PCT", [[2, 4, null], [8, 14, 5]], published) as unknown[][];
    expect(spill[0]).toEqual([0.333, 0.555, ""]);
    expect(spill[1][0]).toBe(0.666);
    expect(spill[1][1]).toMatchObject({ code: "#N/A", message: "value (row 2, column 2): 14 is outside the population's range (1 to 13)." });
    expect(spill[1][2]).toBe(0.583);
    expect(excel.value("RANK.PCT", [[5], [4]], published, 5)).toEqual([[0.58333], [0.55555]]);
    // A bad population is still the whole call's error.
    expect(excel.error("RANK.PCT", [[1], [2]], [[null]]).code).toBe("#N/A");
  });
});
