// The task pane as a new user meets it, in browser mode (dist/app.html) in headless Chromium, at a
// narrow task pane (350 px) and a wide window (1,400 px): an empty workbook, one of unrelated
// sheets and one that keeps its partners as a plain range each say what they have and lack; Set up
// workbook creates the tables (read back from the file Save as downloads, every other part as it
// was) or makes the plain range the Partners table (every cell kept); Add partner validates like
// every save and the new partner is in the list and the file; a search that matches nothing says
// so and clears; a long problem list opens and closes; badges say what they mean. No console
// warning or error, no NaN on screen, no sideways scrolling.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA } from "../../addin/workbook/schema";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { TIERS } from "../../engine/tier";
import { QUADRANTS } from "../../engine/segment";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";
import { PLAIN_HEADERS, PLAIN_PARTNERS, emptyWorkbook, plainPartnersWorkbook, unrelatedWorkbook } from "../support/first-use-workbooks";
import { compareParts } from "../workbook/parts";

const NOW = new Date(2026, 9, 15, 10, 0, 0);
const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });
const TABLES = SCHEMA.map((t) => t.name);

/** A workbook of 60 partners without names: 60 problems, more than the problem list shows at first. */
async function namelessPartners(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Partners");
  sheet.addTable({
    name: "Partners",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "PartnerId" }, { name: "Name" }],
    rows: Array.from({ length: 60 }, (_, i) => [`X${String(i + 1).padStart(3, "0")}`, null]),
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const reopen = async (bytes: Uint8Array) => PartnerWorkbook.open(await XlsxAdapter.open(bytes));

describe.skipIf(!browserAvailable).each([350, 1400])("a new user's first workbooks at %i px (browser mode, Chromium)", (width) => {
  let app: App;
  let page: Page;
  /** Console messages of type warning or error. */
  const console: string[] = [];

  beforeAll(async () => {
    app = await openApp({ now: NOW });
    page = app.page;
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") console.push(`${m.type()}: ${m.text()}`);
    });
    await page.setViewportSize({ width, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `first-use-${name}-${width}.png`), fullPage: true, animations: "disabled" });

  /** What every screen must be: no NaN in its text, nothing wider than the pane. */
  async function sound(): Promise<void> {
    expect(await page.locator("body").innerText()).not.toMatch(/NaN/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  async function openFile(name: string, bytes: Uint8Array): Promise<void> {
    await page.getByRole("tab", { name: "Partners" }).click();
    await page.getByLabel("Open a workbook").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    await poll(() => page.getByTestId("workbook-source").textContent()).toBe(name);
  }

  async function saveAs(): Promise<Uint8Array> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    return new Uint8Array(fs.readFileSync((await download.path())!));
  }

  const setUpCard = () => page.getByTestId("set-up");
  const tableStates = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (t) => [t, (await setUpCard().locator(`[data-table="${t}"]`).innerText()).includes("Found on ") ? "found" : "missing"] as const),
      ),
    );

  /** Set up workbook from the card; then the tables are in the downloaded file, and each part of the original is its own bytes but for the workbook's list of sheets. */
  async function setUpAndCheck(original: Uint8Array, name: string): Promise<void> {
    const button = setUpCard().getByRole("button", { name: "Set up workbook" });
    await poll(() => button.isEnabled()).toBe(true);
    await button.click();
    const notice = page.getByTestId("partners-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`${TABLES.slice(0, -1).join(", ")} and ${TABLES.at(-1)} were added, each on a sheet of its own with its headers`);
    await page.getByTestId("no-partners").waitFor();
    await sound();
    await shot(`${name}-set-up`);

    const saved = await saveAs();
    const back = await reopen(saved);
    expect(back.snapshot.missing).toEqual([]);
    expect(back.snapshot.problems).toEqual([]);
    for (const table of SCHEMA) {
      const read = back.snapshot.tables.get(table.name)!;
      expect(read.headers, table.name).toEqual(table.columns.map((c) => c.name));
      expect(read.rows.every((r) => r.every((v) => v === null || v === "")), table.name).toBe(true);
    }
    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    // What a new sheet needs: the workbook's list of sheets, their relationships and content types,
    // the cell formats of the new columns, and the flag that makes Excel recalculate.
    expect(parts.changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
    expect(parts.added.every((p) => /^xl\/(worksheets\/(sheet\d+\.xml|_rels\/sheet\d+\.xml\.rels)|tables\/table\d+\.xml)$/.test(p)), parts.added.join(", ")).toBe(true);
    expect(parts.same.filter((p) => p.startsWith("xl/worksheets/")).length).toBeGreaterThan(0);
  }

  it("says so when a search matches nothing, and clears the search and filters from there", async () => {
    const all = (await page.getByTestId("partner-count").textContent())!;
    expect(all).toMatch(/^\d+ partners$/);
    // A filter that matches some partners, then a search that matches none of them.
    const region = page.getByRole("combobox", { name: "Region" });
    const first = (await region.locator("option").nth(1).textContent())!;
    await region.selectOption(first);
    await poll(() => page.getByTestId("partner-count").textContent()).toMatch(/^\d+ of \d+ partners$/);
    await page.getByRole("searchbox", { name: "Search partners" }).fill("no partner is called this");
    const none = page.getByTestId("no-match");
    await none.waitFor();
    expect(await none.innerText()).toBe("No partner matches — clear filters");
    await sound();
    await shot("no-match");
    await none.getByRole("button", { name: "clear filters" }).click();
    await poll(() => page.getByTestId("partner-count").textContent()).toBe(all);
    expect(await page.getByRole("searchbox", { name: "Search partners" }).inputValue()).toBe("");
    expect(await region.inputValue()).toBe("");
    expect(await page.locator("[data-partner]").count()).toBeGreaterThan(0);
  });

  it("says what each badge means: a tooltip on the tier and segment badges, and a legend", async () => {
    const row = page.locator("[data-partner]").first();
    const badges = row.locator(".fui-Badge");
    const tier = (await badges.first().textContent())!;
    const spelt = TIERS.find((t) => t.id === tier)!.name;
    await poll(async () => {
      await badges.first().hover();
      return page.getByRole("tooltip").count();
    }).toBe(1);
    const tooltip = await page.getByRole("tooltip").innerText();
    expect(tooltip.startsWith(`Tier ${tier}: ${spelt} — `)).toBe(true);
    expect(tooltip).toMatch(/ — \w.{20,}\.$/);
    if ((await badges.count()) > 1) {
      const segment = (await badges.nth(1).textContent())!;
      await badges.nth(1).hover();
      await poll(() => page.getByRole("tooltip").innerText()).toContain(`Segment ${segment}: ${QUADRANTS.find((q) => q.id === segment)!.meaning}`);
    }
    await page.getByRole("button", { name: /What the badges mean/ }).click();
    const legend = page.getByTestId("badge-legend");
    await legend.waitFor();
    const text = await legend.innerText();
    for (const t of TIERS) expect(text).toContain(t.id === t.name ? t.id : t.name.startsWith(`${t.id} `) ? `${t.name}:` : `${t.id} (${t.name})`);
    expect(text).not.toContain("Target (Target");
    for (const q of QUADRANTS) expect(text).toContain(`${q.id}: ${q.meaning}`);
    await sound();
    await shot("badge-legend");
    await page.keyboard.press("Escape");
  });

  it("opens and closes the Portfolio quarter card's long list of partners off track", async () => {
    await page.getByRole("tab", { name: "Portfolio" }).click();
    const card = page.getByTestId("quarter-review");
    await card.waitFor();
    const heading = (await card.getByText(/^Off track in /).textContent())!;
    const total = Number(/\((\d+)\)$/.exec(heading)![1]);
    // The sample has more partners off track than the card lists at first.
    expect(total).toBeGreaterThan(20);
    const items = card.locator("ul").first().locator(":scope > li");
    const more = card.getByTestId("short-list-more").first();
    expect(await items.count()).toBe(20);
    expect(await more.innerText()).toBe(`…and ${total - 20} more. Show all ${total}`);
    await more.getByRole("button", { name: `Show all ${total} partners off track` }).click();
    await poll(() => items.count()).toBe(total);
    expect(await more.innerText()).toBe("Show fewer");
    await sound();
    await shot("quarter-open");
    await more.getByRole("button", { name: "Show fewer partners off track" }).click();
    await poll(() => items.count()).toBe(20);
    await page.getByRole("tab", { name: "Partners" }).click();
  });

  it("an empty workbook: says it has no PartnerFit tables and which it needs, then sets them up", async () => {
    const original = await emptyWorkbook();
    await openFile("empty.xlsx", original);
    await setUpCard().waitFor();
    expect(await setUpCard().getByRole("heading").innerText()).toBe("This workbook has no PartnerFit tables yet");
    expect(await setUpCard().innerText()).toContain("It found none in this workbook.");
    expect(Object.values(await tableStates()).every((s) => s === "missing")).toBe(true);
    expect(await setUpCard().locator('[data-table="Audit"]').innerText()).toContain("Missing: needs columns PartnerId, Area, Criterion, Rating");
    await poll(() => setUpCard().getByRole("button", { name: "Set up workbook" }).isEnabled()).toBe(true);
    expect(await page.getByTestId("plain-range").count()).toBe(0);
    // The toolbar does not offer a second Set up workbook: the card says what it will do.
    expect(await page.getByRole("button", { name: "Set up workbook" }).count()).toBe(1);
    await sound();
    await shot("empty");
    await setUpAndCheck(original, "empty");
  });

  it("adds a partner: each problem at its field and nothing written, then the partner in the list, openable, and in the saved file", async () => {
    // The empty workbook just set up: no partners yet.
    await page.getByTestId("no-partners").getByRole("button", { name: "Add partner" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await sound();
    await shot("add-partner-form");
    // A required field's label ends in an asterisk.
    const field = (label: string) => dialog.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
    const message = (label: string) => field(label).locator("xpath=ancestor::div[contains(@class,'fui-Field')][1]").locator(".fui-Field__validationMessage");

    // Nothing typed: the id and the name are blank.
    await dialog.getByRole("button", { name: "Add partner" }).click();
    await poll(() => message("Partner id").innerText()).toBe("PartnerId is blank");
    expect(await message("Name").innerText()).toBe("Name is blank");
    await field("Partner id").fill("N001");
    // A year alone is no date (a cell would read it as a serial, 1905-07-18): refused at the field, nothing saved.
    await field("Name").fill("Date Test");
    await field("Signed").fill("2026");
    await dialog.getByRole("button", { name: "Add partner" }).click();
    await poll(() => message("Signed").innerText()).toBe("Enter a date as YYYY-MM-DD, e.g. 2026-10-15.");
    expect(await dialog.count()).toBe(1);
    await field("Signed").fill("");
    await field("Name").fill("x".repeat(32_768));
    await dialog.getByRole("button", { name: "Add partner" }).click();
    await poll(() => message("Name").innerText()).toBe("Name: the text is 32,768 characters long, more than the 32,767 an Excel cell holds");
    expect(await message("Partner id").count()).toBe(0);
    await shot("add-partner-problems");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await poll(() => dialog.count()).toBe(0);
    // Nothing was written.
    expect(await page.getByTestId("no-partners").count()).toBe(1);
    const unchanged = await reopen(await saveAs());
    expect(unchanged.snapshot.tables.get("Partners")!.rows.every((r) => r.every((v) => v === null || v === ""))).toBe(true);

    // A valid partner.
    await page.getByTestId("no-partners").getByRole("button", { name: "Add partner" }).click();
    await dialog.waitFor();
    await field("Partner id").fill(" N001 ");
    await field("Name").fill("Northwind Test");
    await field("Region").fill("EMEA");
    await field("Channel manager").fill("Amelia Hart");
    await field("Type").fill("Reseller");
    // A date is typed as every date in the pane reads, YYYY-MM-DD, not in the computer's form.
    expect(await field("Signed").getAttribute("placeholder")).toBe("YYYY-MM-DD");
    await field("Signed").fill("2026-10-01");
    await dialog.getByRole("button", { name: "Add partner" }).click();
    await poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId("partners-notice").innerText()).toContain("Added Northwind Test (N001) to the Partners table.");
    await poll(() => page.getByTestId("partner-count").textContent()).toBe("1 partner");
    expect(await page.locator('[data-partner="N001"]').innerText()).toContain("Northwind Test");

    // The same id again, in another case: refused at the id.
    await page.getByRole("button", { name: "Add partner" }).click();
    await dialog.waitFor();
    await field("Partner id").fill("n001");
    await field("Name").fill("Someone else");
    await dialog.getByRole("button", { name: "Add partner" }).click();
    await poll(() => message("Partner id").innerText()).toBe("PartnerId N001 is already in the Partners table; choose another");
    await sound();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByTestId("partners-notice").getByRole("button", { name: "Open Northwind Test" }).click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe("Northwind Test");
    await sound();

    const back = await reopen(await saveAs());
    const rows = back.snapshot.tables.get("Partners")!.rows.filter((r) => r.some((v) => v !== null && v !== ""));
    // PartnerId, Name, Region, Territory, ChannelManager, Type, Status, SignedDate (2026-10-01 as a serial).
    expect(rows).toEqual([["N001", "Northwind Test", "EMEA", null, "Amelia Hart", "Reseller", null, 46296]]);
    expect(back.snapshot.tables.get("PartnerScores")!.rows.filter((r) => r[0] === "N001")).toHaveLength(1);
    expect(back.snapshot.problems).toEqual([]);
  });

  it("a workbook of unrelated sheets: the same message, and Set up keeps its sheets as they were", async () => {
    const original = await unrelatedWorkbook();
    await openFile("budget.xlsx", original);
    await setUpCard().waitFor();
    expect(await setUpCard().getByRole("heading").innerText()).toBe("This workbook has no PartnerFit tables yet");
    await poll(() => setUpCard().getByRole("button", { name: "Set up workbook" }).isEnabled()).toBe(true);
    expect(await page.getByTestId("plain-range").count()).toBe(0);
    await sound();
    await shot("unrelated");
    await setUpAndCheck(original, "unrelated");
  });

  it("a plain partner range: offered as the Partners table, which it becomes with every cell kept", async () => {
    const original = await plainPartnersWorkbook();
    await openFile("partner-list.xlsx", original);
    const offer = page.getByTestId("plain-range");
    await offer.waitFor();
    expect(await offer.innerText()).toContain(`'Partner list'!A3:I8 has the Partners headers (${PLAIN_HEADERS.join(", ")}) over 5 rows, but is not an Excel table.`);
    expect(await setUpCard().innerText()).toContain(`Set up workbook makes the list at 'Partner list'!A3:I8 the Partners table and adds the ${TABLES.length - 1} missing tables on new sheets`);
    expect(await setUpCard().locator('[data-table="Partners"]').innerText()).toContain("Missing: the list at 'Partner list'!A3:I8 can become it");
    await sound();
    await shot("plain-range");
    await setUpCard().getByRole("button", { name: "Only make it the Partners table" }).click();
    await page.getByTestId("partners-notice").waitFor();
    expect(await page.getByTestId("partners-notice").innerText()).toContain("Set up the workbook: the list at 'Partner list'!A3:I8 is now the Partners table, every cell as it was.");
    await poll(() => page.getByTestId("partner-count").textContent()).toBe(`${PLAIN_PARTNERS.length} partners`);
    await sound();
    await shot("plain-range-table");

    const saved = await saveAs();
    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    expect(parts.changed.sort()).toEqual(["[Content_Types].xml", "xl/worksheets/sheet3.xml"]);
    const before = (await parts.before.text("xl/worksheets/sheet3.xml"))!;
    const after = (await parts.after.text("xl/worksheets/sheet3.xml"))!;
    // Every cell, and everything else of the sheet, as it was: the sheet only lists its new table.
    expect(after.replace(/<tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts>/, "")).toBe(before);
    const partners = (await reopen(saved)).snapshot.tables.get("Partners")!;
    expect(partners.sheet).toBe("Partner list");
    expect(partners.rows.map((r) => r[0])).toEqual(PLAIN_PARTNERS.map((p) => p[0]));
  });

  it("opens and closes a long problem list", async () => {
    await openFile("nameless.xlsx", await namelessPartners());
    const problems = page.getByRole("alert").filter({ hasText: "60 problems in the workbook" });
    await problems.waitFor();
    const items = problems.getByRole("listitem");
    const more = problems.getByTestId("short-list-more");
    // Fifty problems, then what is left and the link that shows it, below the list.
    expect(await items.count()).toBe(50);
    expect(await more.innerText()).toBe("…and 10 more. Show all 60");
    await more.getByRole("button", { name: "Show all 60 problems" }).click();
    await poll(() => items.count()).toBe(60);
    expect(await items.nth(59).innerText()).toContain("row 60");
    expect(await more.getByRole("button", { name: "Show fewer problems" }).isVisible()).toBe(true);
    await sound();
    await shot("problems-open");
    await more.getByRole("button", { name: "Show fewer problems" }).click();
    await poll(() => items.count()).toBe(50);
  });

  it("left nothing on the console", () => {
    expect(app.errors).toEqual([]);
    expect(console).toEqual([]);
  });
});
