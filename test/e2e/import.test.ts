// Importing the sample exports in browser mode (dist/app.html on the sample workbook): the CRM
// opportunity report into Deals — the preview's counts are worked out here from the file and the
// sample's deals, without the import's code — one save, the same file again changes nothing, and
// the file Save as… downloads holds the added deals; then the PRM partner list with its misspelt
// names confirmed as the partners suggested.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { sampleData, sampleTables } from "../../samples/generate";
import { IMPORTS_DIR, IMPORT_FILES, prmEntries } from "../../samples/imports";
import { serialOf } from "../../samples/sheets/tables";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";
import { devBuild } from "../browser/dev-build";
import { addTableSheet } from "../support/exceljs-workbook";

const data = sampleData();
const CRM = path.join(IMPORTS_DIR, IMPORT_FILES.crm);
const PRM = path.join(IMPORTS_DIR, IMPORT_FILES.prm);
const ERP = path.join(IMPORTS_DIR, IMPORT_FILES.erp);

/** `mm/dd/yyyy` parts as a serial, if a real date. */
function serialFrom(year: string, month: string, day: string): number | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? serialOf(date) : undefined;
}

/** What importing the CRM report into the sample's Deals must do, from the file's text and the sample's deals. */
function crmExpected() {
  let text = fs.readFileSync(CRM, "utf-8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = Papa.parse<string[]>(text.trimEnd(), { delimiter: "," }).data.slice(1);
  const dealsById = new Map(data.deals.map((d) => [d.dealId, d]));
  const outcome: Record<string, string> = { "Closed Won": "Won", "Closed Lost": "Lost", Open: "Open" };
  const counts = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const added: string[] = [];
  const seen = new Set<string>();
  for (const [id, , account, stage, amount, created, closed, won] of rows) {
    const partners = data.partners.filter((p) => p.name.toLowerCase() === account.toLowerCase());
    if (partners.length !== 1 || !/^[\d,]+\.\d\d$/.test(amount) || seen.has(id)) {
      counts.rejected++;
      continue;
    }
    seen.add(id);
    const deal = dealsById.get(id);
    if (!deal) {
      counts.added++;
      added.push(id);
      continue;
    }
    const us = (t: string) => (t ? serialFrom(t.slice(6), t.slice(0, 2), t.slice(3, 5)) : undefined);
    const same =
      deal.partnerId === partners[0].id && deal.stage === stage && deal.amount === Number(amount.replaceAll(",", "")) && deal.outcome === outcome[won] &&
      serialOf(deal.opened) === us(created) && (closed ? deal.closed !== null && serialOf(deal.closed) === us(closed) : true);
    if (same) counts.unchanged++;
    else counts.updated++;
  }
  return { counts, added, rows };
}

describe.skipIf(!browserAvailable)("Importing exports (browser mode, Chromium)", () => {
  let page: Page;
  let app: App;
  const warnings: string[] = [];

  beforeAll(async () => {
    // A development build, so that React's and Fluent UI's warnings would reach the console.
    app = await openApp({ now: new Date(2026, 9, 15, 10, 0, 0), folder: devBuild() });
    page = app.page;
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const count = async (label: string) => Number(await page.getByTestId(`import-${label}`).getAttribute("data-count"));
  const counts = async () => ({ added: await count("added"), updated: await count("updated"), unchanged: await count("unchanged"), rejected: await count("rejected") });
  const pick = (file: string, mimeType: string) => page.getByTestId("import-file").setInputFiles({ name: path.basename(file), mimeType, buffer: fs.readFileSync(file) });
  const noScroll = async (width: number) => {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Every view's tab is in sight (the tab list would scroll rather than widen the pane, hiding the last one).
    const tabs = await page.getByRole("tablist").first().getByRole("tab").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...tabs)).toBeLessThanOrEqual(width);
  };

  it("imports the CRM report into Deals with the counts the file and the sample give, and a second import changes nothing", async () => {
    const expected = crmExpected();
    expect(expected.counts.added).toBeGreaterThan(0);
    expect(expected.counts.updated).toBeGreaterThan(0);
    await page.getByRole("tab", { name: "Import" }).click();
    await pick(CRM, "text/csv");
    await page.getByTestId("import-dialect").filter({ hasText: "CSV, UTF-8 with a byte order mark, separated by commas" }).waitFor();
    expect(await page.getByTestId("import-dialect").textContent()).toContain(`${expected.rows.length} rows`);
    // The suggested mapping: one choice per column of Deals.
    expect(await page.getByRole("combobox", { name: "DealId" }).inputValue()).toBe("Opportunity ID");
    expect(await page.getByRole("combobox", { name: "PartnerId" }).inputValue()).toBe("Partner Account");
    expect(await page.getByRole("combobox", { name: "Table" }).inputValue()).toBe("Deals");
    expect(await counts()).toEqual(expected.counts);
    // Each rejected row is listed with its reason.
    const rejected = await page.getByTestId("import-rejected-rows").locator("li").allTextContents();
    expect(rejected).toHaveLength(expected.counts.rejected);
    expect(rejected.some((r) => r.includes('unknown partner "Globex Intergalactic"'))).toBe(true);
    expect(rejected.some((r) => r.includes('Amount: "TBD" is not a number'))).toBe(true);
    expect(await page.getByTestId("import-view").textContent()).not.toMatch(/NaN|undefined/);
    await noScroll(350);
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-crm-350.png"), fullPage: true });
    await noScroll(1400);
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-crm-1400.png"), fullPage: true });

    await page.getByTestId("import-button").click();
    const done = page.getByRole("status").filter({ hasText: `${expected.counts.added} rows added, ${expected.counts.updated} rows updated.` });
    await done.waitFor();
    // What else the save wrote is said apart from the table's rows.
    expect(await done.textContent()).toMatch(/Also remembered: the column mapping \(ImportMaps\).*\. In all, \d+ cells? updated, \d+ rows? added\./);
    // The preview now finds the file's rows in the table as they are.
    await expect.poll(() => count("added")).toBe(0);
    expect(await count("updated")).toBe(0);

    // The same file picked again: nothing to add or update.
    await pick(CRM, "text/csv");
    await expect.poll(counts).toEqual({ added: 0, updated: 0, unchanged: expected.counts.added + expected.counts.updated + expected.counts.unchanged, rejected: expected.counts.rejected });
    await page.getByTestId("import-button").click();
    await page.getByRole("status").filter({ hasText: "Nothing to import" }).waitFor();
  });

  it("downloads a workbook holding the added deals", async () => {
    const expected = crmExpected();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const saved = new PartnerData(snapshotOf(await (await XlsxAdapter.open(new Uint8Array(fs.readFileSync((await download.path())!)))).read()));
    const ids = new Set(saved.deals.map((d) => d.dealId));
    for (const id of expected.added) expect(ids.has(id), id).toBe(true);
    const line = expected.rows.find((r) => r[0] === expected.added[0])!;
    expect(saved.deals.find((d) => d.dealId === expected.added[0])?.amount).toBe(Number(line[4].replaceAll(",", "")));
  });

  it("imports the PRM partner list into Partners with the misspelt partners confirmed as suggested", async () => {
    const misspelt = prmEntries(data).entries.filter((e) => e.misspelt && e.partnerId !== undefined);
    expect(misspelt.length).toBeGreaterThan(0);
    await pick(PRM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await page.getByTestId("import-dialect").filter({ hasText: "prm-partners.xlsx: Excel workbook, sheet Partner list" }).waitFor();
    await page.getByRole("combobox", { name: "Table" }).selectOption("Partners");
    await page.getByTestId("import-partners").waitFor();
    const rejectedBefore = await count("rejected");
    for (const entry of misspelt) {
      const select = page.getByTestId("import-partners").getByRole("combobox", { name: new RegExp(`^"${entry.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`) });
      // The partner the name misspells is the first suggestion.
      const first = await select.locator("option").nth(1).getAttribute("value");
      expect(first, entry.name).toBe(entry.partnerId);
      await select.selectOption(entry.partnerId!);
    }
    await expect.poll(() => count("rejected")).toBe(rejectedBefore - misspelt.length);
    await noScroll(350);
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-prm-350.png"), fullPage: true });
    await page.getByTestId("import-button").click();
    await page.getByRole("status").filter({ hasText: "Imported prm-partners.xlsx into Partners" }).waitFor();
    // The confirmed names are aliases now: the file's misspelt names resolve without asking, also when it is picked again.
    const asked = async () => {
      const text = (await page.getByTestId("import-partners").textContent()) ?? "";
      return misspelt.filter((e) => text.includes(`"${e.name}"`)).map((e) => e.name);
    };
    await expect.poll(asked).toEqual([]);
    expect(await count("updated")).toBe(0);
    await pick(PRM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // Reading the file again clears the last import's message.
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Imported prm-partners.xlsx" }).count()).toBe(0);
    await expect.poll(asked).toEqual([]);
    expect(await counts()).toMatchObject({ added: 0, updated: 0, rejected: rejectedBefore - misspelt.length });
  });

  it("asks how to read amounts and dates the values leave open, imports nothing until answered, and reads them as answered", async () => {
    // Partners whose name is theirs alone, and values that read two ways: 1.250 (1.25 or 1,250) and 03/04/2026 (3 April or 4 March).
    const unique = data.partners.filter((p) => data.partners.filter((q) => q.name.toLowerCase() === p.name.toLowerCase()).length === 1).slice(0, 3);
    const lines = unique.map((p, i) => `Q9000${i},${p.name},Proposal,${i + 1}.250,03/0${i + 4}/2026,Open`);
    const csv = ["Opportunity ID,Partner Account,Stage,Amount,Close Date,Won/Lost", ...lines].join("\r\n");
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId("import-file").setInputFiles({ name: "ambiguous.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("import-dialect").filter({ hasText: "ambiguous.csv" }).waitFor();
    await page.getByRole("combobox", { name: "Table" }).selectOption("Deals");
    const questions = page.getByTestId("import-questions").getByRole("combobox");
    await expect.poll(() => questions.count()).toBe(2);
    expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
    await page.getByTestId("import-questions").getByRole("combobox", { name: /^Amount/ }).selectOption("eu");
    await page.getByTestId("import-questions").getByRole("combobox", { name: /^Closed/ }).selectOption("mdy");
    await expect.poll(() => page.getByTestId("import-questions").count()).toBe(0);
    expect(await counts()).toEqual({ added: unique.length, updated: 0, unchanged: 0, rejected: 0 });
    await page.getByTestId("import-button").click();
    await page.getByRole("status").filter({ hasText: `Imported ambiguous.csv into Deals: ${unique.length} rows added` }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const saved = new PartnerData(snapshotOf(await (await XlsxAdapter.open(new Uint8Array(fs.readFileSync((await download.path())!)))).read()));
    unique.forEach((p, i) => {
      const deal = saved.deals.find((d) => d.dealId === `Q9000${i}`);
      // European: the point groups thousands; month first: 03/04 is 4 March.
      expect(deal).toMatchObject({ partnerId: p.id, amount: (i + 1) * 1000 + 250, closed: serialFrom("2026", "03", `0${i + 4}`) });
    });
  });

  it("imports the ERP sell-through file (windows-1252, semicolons, European amounts, dotted dates) into Deals, and a second time changes nothing", async () => {
    // The file's rows, read here with papaparse: all but its two bad rows (an amount "12.34x", a date "31.02.2026") are new deals.
    const rows = Papa.parse<string[]>(new TextDecoder("windows-1252").decode(fs.readFileSync(ERP)), { delimiter: ";", skipEmptyLines: true }).data.slice(1);
    await page.getByRole("combobox", { name: "Table" }).selectOption("Deals");
    await pick(ERP, "text/csv");
    await page.getByTestId("import-dialect").filter({ hasText: "windows-1252" }).filter({ hasText: "semicolons" }).waitFor();
    await page.getByRole("combobox", { name: "Table" }).selectOption("Deals");
    await expect.poll(counts).toEqual({ added: rows.length - 2, updated: 0, unchanged: 0, rejected: 2 });
    // A column chosen by hand stays chosen when the Source field is visited and left unchanged.
    const opened = page.getByRole("combobox", { name: "Opened" });
    await opened.selectOption("Invoice Date");
    await page.getByRole("textbox", { name: "Source" }).focus();
    await page.getByRole("combobox", { name: "Table" }).focus();
    expect(await opened.inputValue()).toBe("Invoice Date");
    await opened.selectOption("");
    const rejected = (await page.getByTestId("import-rejected-rows").locator("li").allTextContents()).join(" ");
    expect(rejected).toContain('Amount: "12.34x" is not a number');
    expect(rejected).toContain('Closed: "31.02.2026" is not a date');
    await page.getByTestId("import-button").click();
    await page.getByRole("status").filter({ hasText: `Imported ${IMPORT_FILES.erp} into Deals` }).waitFor();
    await pick(ERP, "text/csv");
    await expect.poll(counts).toEqual({ added: 0, updated: 0, unchanged: rows.length - 2, rejected: 2 });
  });

  it("puts no warning or error on the console", () => {
    expect(warnings).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe.skipIf(!browserAvailable)("Importing into a table that lacks a mapped column (browser mode, Chromium)", () => {
  let app: App;
  afterAll(async () => {
    await app?.close();
  });

  it("names the column, imports nothing and says how to go on; the file downloaded is the file opened", async () => {
    // The sample's tables with the Deals table's Stage column left out.
    const tables = sampleTables(data).map((t) => {
      if (t.name !== "Deals") return t;
      const stage = t.columns.findIndex((c) => c.name === "Stage");
      expect(stage).toBeGreaterThan(0);
      return { ...t, columns: t.columns.filter((_, i) => i !== stage), rows: t.rows.map((r) => r.filter((_, i) => i !== stage)) };
    });
    const workbook = new ExcelJS.Workbook();
    for (const t of tables) addTableSheet(workbook, t.name, t.columns, t.rows);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    app = await openApp({ now: new Date(2026, 9, 15, 10, 0, 0) });
    const { page } = app;
    await page.getByLabel("Open a workbook").setInputFiles({ name: "no-stage.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByTestId("workbook-source").filter({ hasText: "no-stage.xlsx" }).waitFor();
    // The workbook's own problem is listed, in the singular.
    await page.getByRole("alert").filter({ hasText: "1 problem in the workbook" }).filter({ hasText: "table Deals has no Stage column" }).waitFor();
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByTestId("import-file").setInputFiles({ name: path.basename(CRM), mimeType: "text/csv", buffer: fs.readFileSync(CRM) });
    const absent = page.getByTestId("import-absent");
    await absent.waitFor();
    expect(await absent.textContent()).toBe("The Deals table has no Stage column: add its header to the table in the workbook, or set it to (not imported), to import.");
    expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-absent-column.png"), fullPage: true });
    // Nothing was written: Save as… gives the file as it was opened.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    expect(fs.readFileSync((await download.path())!).equals(bytes)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
