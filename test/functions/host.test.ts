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
});
