// PARTNER.RANK.PCT against PERCENTRANK.INC as LibreOffice Calc computes it, on the seeded random
// cases of test/fixtures/percentrank-inc.tsv (npm run fixtures:statistics writes it).
import { describe, expect, it } from "vitest";
import { excelHost } from "../excel-host";
import { numbers, readFixture } from "../fixtures/read";

const excel = excelHost();
const cases = readFixture("percentrank-inc.tsv");

describe("PARTNER.RANK.PCT and LibreOffice's PERCENTRANK.INC", () => {
  it("has a fixture with ties, interpolations and values out of range", () => {
    expect(cases.length).toBeGreaterThan(500);
    expect(cases.filter((c) => c[4] === "error").length).toBeGreaterThan(100);
    expect(cases.filter((c) => c[2] !== "").length).toBeGreaterThan(200);
  });

  it("gives Excel's truncated rank on every case, and #N/A where the value is out of range", () => {
    let compared = 0;
    for (const [population, x, significance, rank15, expected] of cases) {
      const column = numbers(population).map((v) => [v]);
      const args = [Number(x), column, significance === "" ? null : Number(significance)];
      const label = `RANK.PCT(${x}, {${population}}, ${significance})`;
      if (expected === "error") {
        expect(excel.error("RANK.PCT", ...args).code, label).toBe("#N/A");
        continue;
      }
      expect(excel.cell("RANK.PCT", ...args), label).toBe(Number(expected));
      // The untruncated rank agrees with LibreOffice's 15-digit one.
      expect(Math.abs((excel.cell("RANK.PCT", Number(x), column, 15) as number) - Number(rank15)), label).toBeLessThan(2e-15);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });
});
