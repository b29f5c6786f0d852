// PARTNER.OVERLAP's matrix against the same count done by LibreOffice Calc with COUNTIFS (live,
// where LibreOffice is installed), on random account lists with repeated accounts.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../engine/random";
import { excelHost } from "../excel-host";
import { libreOfficeAvailable } from "../support/libreoffice";
import { type AccountListRow, libreOfficeOverlap } from "./overlap-sheet";

const excel = excelHost();
const STATUSES = ["customer", "open opportunity", "prospect"];

/** A list of `n` rows drawn from `pool` domains: repeats (with other statuses) are frequent. */
function randomList(seed: number, n: number, pool: number): AccountListRow[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => [`account${random.int(pool)}.com`, STATUSES[random.int(3)]] as const);
}

/** OVERLAP's counts, called as Excel calls it. */
function overlapCounts(mine: readonly AccountListRow[], theirs: readonly AccountListRow[]): number[][] {
  const matrix = excel.value("OVERLAP", mine.map((r) => [...r]), theirs.map((r) => [...r]), null) as unknown[][];
  return matrix.slice(1).map((row) => row.slice(1) as number[]);
}

describe.skipIf(!libreOfficeAvailable())("PARTNER.OVERLAP against COUNTIFS in LibreOffice Calc", () => {
  it("counts the same overlap on random lists", async () => {
    const cases = [
      [randomList(1, 400, 300), randomList(2, 350, 300)],
      [randomList(3, 60, 40), randomList(4, 80, 40)],
      [randomList(5, 30, 1000), randomList(6, 30, 1000)],
    ] as const;
    for (const [mine, theirs] of cases) {
      const libre = await libreOfficeOverlap(mine, theirs);
      expect(overlapCounts(mine, theirs)).toEqual(libre);
    }
    // The first case overlaps in every cell, so the comparison is not one of zeros.
    expect((await libreOfficeOverlap(...cases[0])).flat().every((n) => n > 0)).toBe(true);
  }, 120_000);
});
