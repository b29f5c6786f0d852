// Team workbooks the product did not write, in browser mode (headless Chromium): a workbook with
// a chart, a pivot table and conditional formats, and a macro-enabled one, are opened with
// "Open…", edited in the Audit, Engagement and P&L tabs, and saved with "Save as…". The download
// keeps its kind (.xlsm stays .xlsm), every part the edits did not need is the file's own bytes,
// and the changed parts differ only where the edits are.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";
import { compareParts, tableAreasByPart, worksheetOutsideEdits } from "../workbook/parts";

const FOREIGN = path.resolve(__dirname, "../fixtures/foreign");
const CASES = ["team-analysis.xlsx", "team-macros.xlsm"].filter((f) => fs.existsSync(path.join(FOREIGN, f)));
const NOW = new Date(2026, 11, 7, 10, 0, 0);
const DATE = "2026-12-07";
const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

describe.skipIf(!browserAvailable || !CASES.length)("team workbooks edited and saved in browser mode (Chromium)", () => {
  let app: App;
  let page: Page;
  beforeAll(async () => {
    app = await openApp({ now: NOW });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(CASES)("%s: opened, edited in three tabs, saved as a file with every other part as it was", async (file) => {
    const original = new Uint8Array(fs.readFileSync(path.join(FOREIGN, file)));
    const data = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(original))).snapshot);
    const partner = data.partners.find((p) => data.auditsOf(p.id).length > 0)!;
    await page.getByLabel("Open a workbook").setInputFiles(path.join(FOREIGN, file));
    await poll(() => page.getByTestId("workbook-source").textContent()).toBe(file);
    await page.getByTestId("partner-count").waitFor();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(partner.id);
    await page.locator(`button[data-partner="${partner.id}"]`).click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(partner.name);

    // Audit: one criterion rated today.
    await page.getByRole("tab", { name: "Audit", exact: true }).click();
    await page.getByLabel("Audit date").fill(DATE);
    await page.getByRole("group", { name: "Ability to deliver" }).getByRole("radio", { name: "4 of 5" }).first().check({ force: true });
    await page.getByRole("button", { name: "Save audit" }).click();
    await page.getByRole("status").filter({ hasText: `Saved the audit of ${DATE}` }).waitFor();

    // Engagement: the checklist saved for this quarter.
    await page.getByRole("tab", { name: "Engagement", exact: true }).click();
    await page.getByRole("button", { name: "Save engagement" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the engagement of" }).waitFor();

    // P&L: an assumption overridden.
    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    const margin = page.getByTestId("driver-product_margin");
    await margin.getByRole("button").first().click();
    await page.getByRole("textbox", { name: "Partner's margin on licences, Value (year 1)" }).fill("27%");
    await page.getByRole("button", { name: "Save overrides" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the overrides" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    const saved = new Uint8Array(fs.readFileSync((await download.path())!));
    await page.screenshot({ path: path.join(SCREENSHOTS, `foreign-${file.replace(/\.\w+$/, "")}.png`), fullPage: true });

    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    expect(parts.added).toEqual([]);
    expect(parts.changed.every((n) => /^xl\/(worksheets\/sheet\d+|tables\/table\d+|workbook|styles|pivotCache\/pivotCacheDefinition\d+)\.xml$/.test(n)), parts.changed.join(", ")).toBe(true);
    expect(parts.same.filter((n) => /chart|pivotTable|vbaProject|drawing|sharedStrings|theme/.test(n)).length).toBeGreaterThan(2);
    const areas = await tableAreasByPart(saved);
    for (const name of parts.changed.filter((n) => n.startsWith("xl/worksheets/"))) {
      expect(worksheetOutsideEdits((await parts.before.text(name))!, (await parts.after.text(name))!, areas.get(name) ?? []), name).toEqual([]);
    }
    // The edits are in the file.
    const back = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(saved))).snapshot);
    expect(back.auditsOf(partner.id).some((a) => a.date === 46363 && a.rating === 4)).toBe(true);
    expect(back.assumptions.find((a) => a.partnerId === partner.id && a.name === "product_margin")?.values[0]).toBe(0.27);
    expect(app.errors).toEqual([]);
  });
});
