// A 50,000-row deals export through reading and the preview, on the sample workbook: every row is
// new and accepted. The time is printed for the record (it is not asserted).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { previewImport, readExport, suggestMapping } from "../../addin/import";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";
import { dealsExport } from "./deals-export";

const ROWS = 50_000;

describe("a large export", () => {
  it(`reads and previews ${ROWS.toLocaleString("en-US")} deals`, async () => {
    const bytes = dealsExport(ROWS);
    const workbook = await PartnerWorkbook.open(await XlsxAdapter.open(new Uint8Array(fs.readFileSync(SAMPLE_PATH))));
    const data = new PartnerData(await workbook.complete());

    const start = performance.now();
    const grid = await readExport(bytes, "deals.csv");
    const read = performance.now();
    const preview = previewImport(data, "Deals", grid, suggestMapping(grid.headers, "Deals"));
    const end = performance.now();
    console.log(`${ROWS.toLocaleString("en-US")} rows (${(bytes.length / 1e6).toFixed(1)} MB): read ${Math.round(read - start)} ms, preview ${Math.round(end - read)} ms`);

    expect(grid.rows).toHaveLength(ROWS);
    expect(preview.added).toHaveLength(ROWS);
    expect(preview.rejected).toEqual([]);
    expect(preview.changes).toHaveLength(ROWS);
  });
});
