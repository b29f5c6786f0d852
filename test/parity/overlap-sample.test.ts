// PARTNER.OVERLAP on the sample workbook's accounts against the counts LibreOffice Calc made of the
// same lists with COUNTIFS (overlap-sample.fixture.json, `npm run fixtures:overlap`), and again live
// where LibreOffice is installed.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { excelHost } from "../excel-host";
import { libreOfficeAvailable } from "../support/libreoffice";
import { OVERLAP_FIXTURE, type OverlapFixture, sampleAccountLists } from "./overlap-sample";
import { type AccountListRow, libreOfficeOverlap } from "./overlap-sheet";

const excel = excelHost();
const fixture: OverlapFixture = JSON.parse(fs.readFileSync(OVERLAP_FIXTURE, "utf8"));

const overlapCounts = (mine: readonly AccountListRow[], theirs: readonly AccountListRow[]) =>
  (excel.value("OVERLAP", mine.map((r) => [...r]), theirs.map((r) => [...r]), null) as unknown[][]).slice(1).map((row) => row.slice(1));

describe("PARTNER.OVERLAP on the sample's accounts", () => {
  it("is made of the sample as it is today (the fixture has not drifted from the workbook)", async () => {
    expect(await sampleAccountLists()).toEqual({ mine: fixture.mine, theirs: fixture.theirs });
    // Every status on both sides, so no cell of the comparison is a zero by construction.
    expect(new Set(fixture.mine.map((r) => r[1])).size).toBe(3);
    expect(new Set(fixture.theirs.map((r) => r[1])).size).toBe(3);
    expect(fixture.counts.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it("counts what LibreOffice counted with COUNTIFS, on the keyed domains and on the domains as the sample writes them", async () => {
    expect(overlapCounts(fixture.mine, fixture.theirs)).toEqual(fixture.counts);
    const written = await sampleAccountLists(true);
    // The written domains are not all keys already (www., subdomains, capitals, addresses).
    expect(written.mine.filter((r, i) => r[0] !== fixture.mine[i][0]).length).toBeGreaterThan(10);
    expect(overlapCounts(written.mine, written.theirs)).toEqual(fixture.counts);
  });

  it.skipIf(!libreOfficeAvailable())("gives LibreOffice's counts when LibreOffice counts again now", async () => {
    expect(await libreOfficeOverlap(fixture.mine, fixture.theirs)).toEqual(fixture.counts);
  }, 120_000);
});
