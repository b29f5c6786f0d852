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
    expect([7, 5, 3, 2].map((v) => excel.cell("BENCHMARK", v, network))).toEqual([
      "Top quartile", "Second quartile", "Third quartile", "Bottom quartile",
    ]);
    expect(excel.cell("BENCHMARK", 2, network, false)).toBe("Top quartile");
    expect(excel.cell("BENCHMARK", 2, network, "no")).toBe("Top quartile");
  });

  it("skips empty population cells, reads a blank value as 0, and an omitted or empty higher_is_better as TRUE", () => {
    expect(excel.cell("BENCHMARK", 7, [...network, [null], [""]])).toBe("Top quartile");
    for (const blank of BLANKS) expect(excel.cell("BENCHMARK", blank, [[0], [10], [20]])).toBe("Bottom quartile");
    expect(excel.cell("BENCHMARK", 7, network, null)).toBe("Top quartile");
    expect(excel.cell("BENCHMARK", 7, network, "")).toBe("Top quartile");
    expect(excel.cell("BENCHMARK", 7, network, 0)).toBe("Bottom quartile");
    expect(excel.error("BENCHMARK", 7, [[null]]).code).toBe("#N/A");
  });

  it("benchmarks a range of figures in one call, spilled in the range's shape, each as its own call would", () => {
    const column = [[7], [5], [null], [3], ["2"], [""]];
    const spill = excel.value("BENCHMARK", column, network) as unknown[][];
    expect(spill).toEqual([["Top quartile"], ["Second quartile"], [""], ["Third quartile"], ["Bottom quartile"], [""]]);
    for (const [r, [v]] of column.entries()) if (v !== null && v !== "") expect(spill[r][0]).toBe(excel.cell("BENCHMARK", v, network));
    expect(excel.value("BENCHMARK", [[2, 7, 4.5]], network, false)).toEqual([["Top quartile", "Bottom quartile", "Second quartile"]]);
  });

  it("gives a cell of text its own #VALUE!, naming it, and the other cells their quartile", () => {
    const spill = excel.value("BENCHMARK", [[7], ["high"], [1]], network) as unknown[][];
    expect(spill[0][0]).toBe("Top quartile");
    expect(spill[2][0]).toBe("Bottom quartile");
    expect(spill[1][0]).toMatchObject({ code: "#VALUE!", message: 'value (row 2): expected a number, got "high".' });
    expect(excel.error("BENCHMARK", "high", network)).toEqual({ code: "#VALUE!", message: 'value: expected a number, got "high".' });
    expect(excel.error("BENCHMARK", [], network).code).toBe("#VALUE!");
  });
});
