// PARTNER.WINRATE, FUNNEL, VELOCITY and BENCHMARK through the built bundle.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined;

describe("PARTNER.WINRATE and PARTNER.VELOCITY", () => {
  it("compute the funnel figures", () => {
    expect(excel.value("WINRATE", 18, 12)).toBe(0.6);
    expect(excel.value("VELOCITY", 20, 5000, 0.25, 50)).toBe(500);
    expect(excel.value("VELOCITY", 20, 5000, "25%", 50)).toBe(500);
  });

  it("read blanks as 0", () => {
    for (const blank of BLANKS) {
      expect(excel.value("WINRATE", blank, 4)).toBe(0);
      expect(excel.error("WINRATE", blank, blank).code).toBe("#DIV/0!");
      expect(excel.value("VELOCITY", blank, 5000, 0.25, 50)).toBe(0);
      expect(excel.error("VELOCITY", 20, 5000, 0.25, blank).code).toBe("#DIV/0!");
    }
    expect(excel.error("VELOCITY", 20, 5000, 1.5, 30).message).toBe("win_rate: must be from 0 to 1 (0% to 100%), got 1.5.");
  });
});

describe("PARTNER.FUNNEL", () => {
  it("spills the stage conversions and the overall rate, in the input's orientation", () => {
    expect(excel.value("FUNNEL", [[200, 80, 40, 10]])).toEqual([[0.4, 0.5, 0.25, 0.05]]);
    expect(excel.value("FUNNEL", [[200], [80], [40], [10]])).toEqual([[0.4], [0.5], [0.25], [0.05]]);
  });

  it("reads a blank stage as 0 and leaves the rate out of an empty stage blank", () => {
    for (const blank of BLANKS) expect(excel.value("FUNNEL", ...withBlanks([[[50, _, _]]], blank))).toEqual([[0, "", 0]]);
    expect(excel.error("FUNNEL", [[50]]).message).toBe("stage_counts: a funnel needs at least 2 stages, got 1.");
  });
});

describe("PARTNER.BENCHMARK", () => {
  const network = [[8], [1], [7], [2], [6], [3], [5], [4]];

  it("gives the quartile against the network's QUARTILE.INC cuts", () => {
    expect([7, 5, 3, 2].map((v) => excel.value("BENCHMARK", v, network))).toEqual([
      "Top quartile", "Second quartile", "Third quartile", "Bottom quartile",
    ]);
    expect(excel.value("BENCHMARK", 2, network, false)).toBe("Top quartile");
    expect(excel.value("BENCHMARK", 2, network, "no")).toBe("Top quartile");
  });

  it("skips empty population cells, reads a blank value as 0, and an omitted or empty higher_is_better as TRUE", () => {
    expect(excel.value("BENCHMARK", 7, [...network, [null], [""]])).toBe("Top quartile");
    for (const blank of BLANKS) expect(excel.value("BENCHMARK", blank, [[0], [10], [20]])).toBe("Bottom quartile");
    expect(excel.value("BENCHMARK", 7, network, null)).toBe("Top quartile");
    expect(excel.value("BENCHMARK", 7, network, "")).toBe("Top quartile");
    expect(excel.value("BENCHMARK", 7, network, 0)).toBe("Bottom quartile");
    expect(excel.error("BENCHMARK", 7, [[null]]).code).toBe("#N/A");
  });
});
