// The bundle and its metadata agree: every function Excel will list is implemented, and nothing
// is associated that Excel would not know about.
import { describe, expect, it } from "vitest";
import { excelHost } from "../excel-host";

describe("dist/functions.js in an Excel-like host", () => {
  const excel = excelHost();

  it("associates exactly the ids of functions.json", () => {
    expect([...excel.associated.keys()].sort()).toEqual([...excel.ids].sort());
    expect(excel.ids.length).toBeGreaterThan(0);
  });

  it("ignores the invocation object Excel passes last", () => {
    const fn = excel.associated.get("SCORE")!;
    expect(fn([[5, 1]], null, null, { address: "Sheet1!B2" })).toBe(50);
  });

  it("refuses a cell holding a nested range, naming it, whichever reader reads the range", () => {
    const nested = (arg: string, row: number, column: number) => ({ code: "#VALUE!", message: `${arg} (row ${row}, column ${column}): a cell cannot hold a nested range.` });
    expect(excel.error("SCORE", [[5, [1]]])).toEqual(nested("ratings", 1, 2)); // numbers
    expect(excel.error("ROLLUP", [["A"], [["B"]]], [[1], [2]], [[1], [2]])).toEqual(nested("keys", 2, 1)); // labels
    expect(excel.error("CLUSTER", [[1, 2], [3, [4]]], 1)).toEqual(nested("metrics", 2, 2)); // table
    expect(excel.error("RANK.PCT", [[1], [[2]]], [[1], [2]])).toEqual(nested("value", 2, 1)); // figures
    expect(excel.error("NPV", 0.1, [[-100, [50]]])).toEqual(nested("values", 1, 2)); // cash flows
    expect(excel.error("PNL", [["years", [5]]])).toEqual(nested("assumptions", 1, 2)); // raw cells
    // A list whose first item is a row, but not every item: one row holding a range in its first cell.
    expect(excel.error("SCORE", [[5, 1], 3])).toEqual(nested("ratings", 1, 1));
  });
});
