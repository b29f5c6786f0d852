// A 50,000-row deals export (a CRM opportunity report: quoted partner names, US amounts,
// mm/dd/yyyy dates) into the sample workbook's Deals table: in Node (reading and the preview,
// against papaparse's parse alone, the floor for reading the text) and in browser mode through the
// Import view (file chosen → preview shown, Import clicked → saved).
import fs from "node:fs";
import Papa from "papaparse";
import { previewImport, readExport, suggestMapping } from "../../addin/import";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";
import { dealsExport } from "../import/deals-export";
import { CHROMIUM, launch } from "../browser/chromium";
import { serve } from "../browser/server";
import { type Timing, measureAsync, ms, report } from "./measure";

const ROWS = 50_000;

const timingOf = (values: number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], runs: sorted.length };
};

export default async function importBench() {
  const bytes = dealsExport(ROWS);
  const data = new PartnerData(await (await PartnerWorkbook.open(await XlsxAdapter.open(new Uint8Array(fs.readFileSync(SAMPLE_PATH))))).complete());
  const text = new TextDecoder().decode(bytes);
  const papa = await measureAsync(async () => Papa.parse(text, { skipEmptyLines: true }), { runs: 3, warmup: 1 });
  let grid: Awaited<ReturnType<typeof readExport>> | undefined;
  const read = await measureAsync(async () => (grid = await readExport(bytes, "deals.csv")), { runs: 3, warmup: 1 });
  const preview = await measureAsync(async () => previewImport(data, "Deals", grid!, suggestMapping(grid!.headers, "Deals")), { runs: 3, warmup: 1 });
  report(
    `Importing a ${ROWS.toLocaleString("en-US")}-row deals export (${(bytes.length / 1e6).toFixed(1)} MB CSV) into the sample workbook, Node, median of 3`,
    [
      { name: "papaparse alone (text to rows, no types)", timing: papa },
      { name: "reading: encoding, separator, rows, typed columns", timing: read },
      { name: "preview: partners resolved, rows checked, changes", timing: preview },
    ],
    "papaparse alone (text to rows, no types)",
  );

  if (!fs.existsSync(CHROMIUM)) {
    console.log(`\n(${CHROMIUM} is missing: the browser figures are skipped)`);
    return;
  }
  const server = await serve();
  const browser = await launch();
  const previewed: number[] = [];
  const saved: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}app.html`);
      await page.getByTestId("partner-count").waitFor({ timeout: 120_000 });
      await page.getByRole("tab", { name: "Import" }).click();
      const input = page.getByTestId("import-file");
      await input.waitFor();
      const start = Date.now();
      await input.setInputFiles({ name: "deals.csv", mimeType: "text/csv", buffer: Buffer.from(bytes) });
      await page.waitForFunction(`Number(document.querySelector('[data-testid="import-added"]')?.getAttribute("data-count")) === ${ROWS}`, undefined, { timeout: 300_000, polling: 50 });
      previewed.push(Date.now() - start);
      const click = Date.now();
      await page.getByTestId("import-button").click();
      await page.getByRole("status").filter({ hasText: `${ROWS.toLocaleString("en-US")} rows added` }).or(page.getByRole("status").filter({ hasText: `${ROWS} rows added` })).waitFor({ timeout: 300_000 });
      saved.push(Date.now() - click);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(`The same export in browser mode (the Import view on the sample workbook), headless Chromium, median of ${saved.length}`, [
    { name: "file chosen → preview shown (50,000 added)", timing: timingOf(previewed) },
    { name: "Import clicked → saved", timing: timingOf(saved), note: `fastest ${ms(Math.min(...saved))}` },
  ]);
}
