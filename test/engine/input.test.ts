import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError, guard } from "../../engine/error";
import { MAX_INPUT_CELLS, cellAt, isBlank, optionAt, readGrid, readScalar, toBoolean, toNumber } from "../../engine/input";

const failure = (fn: () => unknown) => {
  const result = guard(fn)();
  if (!(result instanceof EngineError)) throw new Error("expected an EngineError");
  return result;
};

describe("blank cells", () => {
  it("treats null, undefined, empty and whitespace text as blank, and nothing else", () => {
    for (const blank of [null, undefined, "", "   "]) expect(isBlank(blank)).toBe(true);
    for (const value of [0, false, "0", "x", []]) expect(isBlank(value)).toBe(false);
  });
});

describe("numbers", () => {
  it("reads numbers and numbers stored as text", () => {
    expect(toNumber(3.5)).toBe(3.5);
    expect(toNumber(" 12 ")).toBe(12);
    expect(toNumber("2.5e3")).toBe(2500);
    expect(toNumber("15%")).toBeCloseTo(0.15, 15);
    expect(toNumber("-.5")).toBe(-0.5);
  });

  it("rejects what is not a number", () => {
    for (const value of ["abc", "0x10", "1,000", "", true, null, NaN, Infinity, "Infinity", "1e999", [1]]) {
      expect(toNumber(value)).toBeUndefined();
    }
  });

  it("round-trips every finite double written as text", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => toNumber(String(x)) === x));
  });
});

describe("booleans", () => {
  it("accepts TRUE/FALSE, 1/0, yes/no, y/n in any case", () => {
    for (const yes of [true, 1, "TRUE", "yes", "Y", " y ", "1"]) expect(toBoolean(yes)).toBe(true);
    for (const no of [false, 0, "false", "No", "n", "0"]) expect(toBoolean(no)).toBe(false);
    expect(toBoolean(null)).toBeNull();
    expect(toBoolean("")).toBeNull();
    for (const bad of [2, -1, "maybe", "ja"]) expect(toBoolean(bad)).toBeUndefined();
  });
});

describe("ranges", () => {
  it("reads scalars, rows and rectangles", () => {
    expect(readGrid(5, "x")).toEqual({ rows: 1, columns: 1, cells: [[5]] });
    expect(readGrid([1, 2], "x")).toEqual({ rows: 1, columns: 2, cells: [[1, 2]] });
    expect(readGrid([[1], [2]], "x")).toMatchObject({ rows: 2, columns: 1 });
    expect(readGrid([], "x")).toMatchObject({ rows: 0, columns: 0 });
    expect(readGrid([[]], "x")).toMatchObject({ rows: 0, columns: 0 });
  });

  it("rejects ragged, nested and oversized ranges with the argument's name", () => {
    expect(failure(() => readGrid([[1, 2], [3]], "ratings")).message).toBe(
      "ratings: row 2 has 1 cell but row 1 has 2; a range must be rectangular.",
    );
    expect(failure(() => readGrid([[1, [2]]], "weights")).message).toBe("weights (row 1, column 2): a cell cannot hold a nested range.");
    const big = Array.from({ length: 1001 }, () => new Array(1000).fill(1));
    const error = failure(() => readGrid(big, "history"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^history: 1,001,000 cells is more than the 1,000,000/);
    expect(MAX_INPUT_CELLS).toBe(1_000_000);
  });

  it("names cells the way a user sees the range", () => {
    const row = readGrid([[1, 2, 3]], "ratings");
    const column = readGrid([[1], [2]], "keys");
    const block = readGrid([[1, 2], [3, 4]], "metrics");
    expect(cellAt("ratings", row, 2)).toBe("ratings (column 3)");
    expect(cellAt("keys", column, 1)).toBe("keys (row 2)");
    expect(cellAt("metrics", block, 3)).toBe("metrics (row 2, column 2)");
  });

  it("reads a single value from a 1×1 range and rejects larger ones", () => {
    expect(readScalar([[7]], "k")).toBe(7);
    expect(readScalar(7, "k")).toBe(7);
    expect(failure(() => readScalar([[1, 2]], "k")).message).toBe("k: expected a single value, got a 1×2 range.");
  });
});

describe("options", () => {
  it("matches case-insensitively and lists the choices when wrong", () => {
    expect(optionAt("Vendor", "view", ["partner", "vendor"], "partner")).toBe("vendor");
    expect(optionAt(null, "view", ["partner", "vendor"], "partner")).toBe("partner");
    expect(failure(() => optionAt("x", "view", ["partner", "vendor"], "partner")).message).toBe(
      'view: expected one of "partner", "vendor", got "x".',
    );
  });
});
