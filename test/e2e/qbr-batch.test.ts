// QBRs for every partner from the Portfolio view in browser mode (dist/app.html on the sample): a
// channel manager's decks built in the page, with progress, downloaded as one .zip holding a deck
// for exactly that manager's partners (from the Partners table) and the index; a batch cancelled
// part-way downloads nothing.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");

describe.skipIf(!browserAvailable)("QBRs for every partner (browser mode, Chromium)", () => {
  let page: Page;
  let app: App;
  let manager = "";
  let theirs: string[] = [];
  let all = 0;
  const warnings: string[] = [];

  beforeAll(async () => {
    const sample = new PartnerData(snapshotOf(await (await XlsxAdapter.open(new Uint8Array(fs.readFileSync(SAMPLE)))).read()));
    all = sample.partners.length;
    // The channel manager with the fewest partners (at least three).
    const byManager = new Map<string, string[]>();
    for (const p of sample.partners) if (p.channelManager) byManager.set(p.channelManager, [...(byManager.get(p.channelManager) ?? []), p.id]);
    [manager, theirs] = [...byManager].filter(([, ids]) => ids.length >= 3).sort((a, b) => a[1].length - b[1].length)[0];
    app = await openApp({ now: new Date(2026, 9, 15, 10, 0, 0) });
    page = app.page;
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
    await page.getByRole("tab", { name: "Portfolio" }).click();
  });
  afterAll(async () => {
    await app?.close();
  });

  const card = () => page.locator(".fui-Card").filter({ hasText: "QBRs for every partner" });

  it("builds a channel manager's decks, with progress, into one zip of exactly that manager's partners", async () => {
    await card().waitFor();
    await card().getByRole("combobox", { name: "Channel manager" }).selectOption(manager);
    const build = card().getByRole("button", { name: /^Build \d+ decks? \(\.zip\)$/ });
    expect(await build.textContent()).toBe(`Build ${theirs.length} decks (.zip)`);
    await page.setViewportSize({ width: 350, height: 900 });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), build.click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const decks = Object.keys(zip.files).filter((f) => f.endsWith(".pptx"));
    expect(decks.map((f) => f.split(" ")[0]).sort()).toEqual([...theirs].sort());
    expect(decks.every((f) => f.endsWith(" 2026-Q4.pptx"))).toBe(true);
    expect(await zip.file("index.csv")!.async("string")).toContain(theirs[0]);
    const result = card().getByTestId("qbr-batch-result");
    await result.waitFor();
    expect(await result.textContent()).toContain(`${theirs.length} decks for 2026-Q4, channel manager ${manager}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await card().screenshot({ path: path.join(SCREENSHOTS, "qbr-batch-350.png") });
  }, 180_000);

  it("stops when cancelled, and downloads nothing", async () => {
    await card().getByRole("combobox", { name: "Channel manager" }).selectOption("");
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await card().getByRole("button", { name: `Build ${all} decks (.zip)` }).click();
    const progress = card().getByTestId("qbr-batch-progress");
    await progress.waitFor();
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 60_000 }).toBeGreaterThan(0);
    await card().getByRole("button", { name: "Cancel" }).click();
    const result = card().getByTestId("qbr-batch-result");
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(new RegExp(`^Cancelled after \\d+ of ${all} decks; nothing was downloaded\\.$`));
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    expect(app.errors).toEqual([]);
    expect(warnings).toEqual([]);
  }, 180_000);
});
