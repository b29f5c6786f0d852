// The P&L what-if tab and the Portfolio view in browser mode (dist/app.html on the sample
// workbook) in headless Chromium: every figure the pane shows is checked against the engine (or,
// for the Monte Carlo, against PARTNER.SIMULATE through the built functions bundle), saves are read
// back from the downloaded workbook, and the views' code arrives only when they are opened.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEngineError } from "../../engine/error";
import { type DriverName, pnlSummary } from "../../engine/pnl";
import { tierMix } from "../../engine/tier";
import { type Draft, assumptionLines, mergedAssumptions } from "../../addin/taskpane/model/assumptions";
import { DRIVER_WORDS } from "../../addin/taskpane/model/drivers";
import { formatAmount, formatDecimal, formatPercent } from "../../addin/taskpane/model/format";
import { latestPlans, placedPartners, planRollup } from "../../addin/taskpane/model/portfolio";
import { summariseAll } from "../../addin/taskpane/model/summary";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { type StaticServer, serve } from "../browser/server";
import { excelHost } from "../excel-host";

const SAMPLE = path.resolve(__dirname, "../../dist/partners.xlsx");
/** A sample partner with its own Assumptions rows (licence revenue, margin, headcount, marketing). */
const PARTNER = "P0025";

async function dataOf(bytes: Uint8Array): Promise<PartnerData> {
  return new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(bytes))).snapshot);
}

function ok<T>(value: T): Exclude<T, Error> {
  if (isEngineError(value)) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value as Exclude<T, Error>;
}

/** The engine's summary of the partner's assumptions with `drafts` applied, as the pane computes it from the workbook. */
function expected(data: PartnerData, drafts: [string, Draft][] = [], view: "partner" | "vendor" = "partner") {
  const rows = mergedAssumptions(assumptionLines(data, PARTNER), new Map(drafts)).rows;
  return { rows, summary: ok(pnlSummary(rows, view)) };
}

const override = (driver: string, ...text: string[]): [string, Draft] => [driver, { kind: "override", text }];

/** Waits for a value the page shows after an action (renders can be slow on a busy machine). */
const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number; message?: string } = {}) => expect.poll(read, { timeout: 15_000, ...options });

describe.skipIf(!browserAvailable)("P&L what-if and Portfolio in browser mode (Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let sample: PartnerData;
  const outside: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    sample = await dataOf(fs.readFileSync(SAMPLE));
    server = await serve();
    browser = await launch();
    await browser.context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) {
        requested.push(url.slice(server.url.length));
        return route.continue();
      }
      outside.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(on: Browser = browser): Promise<Page> {
    const page = await on.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}app.html`);
    await page.getByTestId("partner-count").waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  async function openPnl(page: Page): Promise<void> {
    await page.getByRole("searchbox", { name: "Search partners" }).fill(PARTNER);
    await page.locator(`button[data-partner=${PARTNER}]`).click();
    await page.getByRole("tab", { name: "P&L" }).click();
    await page.getByTestId("pnl-npv").waitFor();
  }

  /** Nothing wider than the pane: the page never scrolls sideways, at the narrowest pane too. */
  async function fitsWidth(page: Page, widths = [360, 420]): Promise<void> {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      // Charts follow the pane's width once it has been laid out again.
      await poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `width ${width}` }).toBe(width);
    }
    await page.setViewportSize({ width: 380, height: 900 });
  }

  const npvOf = async (page: Page) => Number(await page.getByTestId("pnl-npv").getAttribute("data-value", { timeout: 2000 }));
  const driver = (page: Page, name: string) => page.getByTestId(`driver-${name}`);
  async function expand(page: Page, name: string): Promise<void> {
    const header = driver(page, name).getByRole("button").first();
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  }
  /** A driver's box, named by the driver's words (a rate's box is in per cent). */
  const box_ = (page: Page, name: DriverName, box: string) => page.getByRole("textbox", { name: `${DRIVER_WORDS[name].label}, ${box}` });
  async function type(page: Page, name: DriverName, box: string, value: string): Promise<void> {
    await expand(page, name);
    await box_(page, name, box).fill(value);
  }

  it("shows the partner's inherited and overridden assumptions, and the summary follows an edit at once", async () => {
    const page = await open();
    expect(requested.some((u) => /^pnl-tab\./.test(u))).toBe(false);
    await openPnl(page);
    // The tab's code came when the tab was opened.
    expect(requested.some((u) => /^pnl-tab\.[0-9a-f]+\.js$/.test(u))).toBe(true);

    expect(await driver(page, "license_revenue").getByTestId("source").textContent()).toBe("Overridden");
    expect(await driver(page, "product_margin").getByTestId("source").textContent()).toBe("Overridden");
    expect(await driver(page, "years").getByTestId("source").textContent()).toBe("Default");
    expect(await driver(page, "rebate_rate").getByTestId("source").textContent()).toBe("Default");

    const before = expected(sample).summary;
    expect(await npvOf(page)).toBe(before.npv);
    expect(await page.getByTestId("pnl-npv").textContent()).toBe(formatAmount(before.npv));
    expect(await page.getByTestId("pnl-irr").textContent()).toBe(formatPercent(before.irr));
    expect(await page.getByTestId("pnl-payback").textContent()).toBe(`${formatDecimal(before.payback)} years`);
    expect(await page.getByTestId("break-even").textContent()).toBe(`Break-even ${formatDecimal(before.payback)} y`);
    const cumulative = page.getByTestId("pnl-table").getByRole("row").filter({ hasText: "Cumulative profit" });
    expect(await cumulative.getByRole("cell").last().textContent()).toBe(formatAmount(before.total));

    await type(page, "product_margin", "Value (year 1)", "25%");
    const after = expected(sample, [override("product_margin", "25%")]).summary;
    expect(after.npv).not.toBe(before.npv);
    await poll(() => npvOf(page)).toBe(after.npv);
    await poll(() => driver(page, "product_margin").getByTestId("source").textContent()).toBe("Edited");
    expect(await page.getByRole("region", { name: "Overrides" }).textContent()).toContain(`1 unsaved change · NPV ${formatAmount(after.npv)}`);

    // A per-year series: MDF of 20,000 in year 1 and 12,000 from year 2.
    await type(page, "mdf", "Value (year 1)", "20000");
    await type(page, "mdf", "Year 2", "12000");
    await box_(page, "mdf", "Year 3").fill("");
    const series = expected(sample, [override("product_margin", "25%"), override("mdf", "20000", "12000", "")]).summary;
    await poll(() => npvOf(page)).toBe(series.npv);

    // A value the engine refuses names the driver, and nothing can be saved.
    await type(page, "retention", "Value (year 1)", "120");
    await poll(() => page.getByTestId("pnl-error").textContent()).toBe("Renewals per year, Value (year 1): Enter a number from 0% to 100%: 120% is above 100%.");
    expect(await page.getByRole("button", { name: "Save overrides" }).isDisabled()).toBe(true);
    await driver(page, "retention").getByRole("button", { name: "Undo edit" }).click();
    await poll(() => npvOf(page)).toBe(series.npv);

    await page.getByRole("radio", { name: "Vendor" }).check();
    const vendor = expected(sample, [override("product_margin", "25%"), override("mdf", "20000", "12000", "")], "vendor").summary;
    await poll(() => npvOf(page)).toBe(vendor.npv);
    await page.getByRole("radio", { name: "Partner" }).check();
    await fitsWidth(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "pnl-what-if.png"), fullPage: true });
    await page.close();
  });

  it("saves an override and a revert to default in one save, and the saved workbook holds exactly that", async () => {
    const page = await open();
    await openPnl(page);
    await type(page, "product_margin", "Value (year 1)", "30");
    await expand(page, "headcount");
    // The panel has just opened: on a loaded machine a click during its opening motion can miss, so
    // the click is repeated while the button is still there (it goes once the revert is drafted).
    const revert = driver(page, "headcount").getByRole("button", { name: "Revert to default" });
    for (let attempt = 0; attempt < 3 && (await revert.count()); attempt++) {
      await revert.click({ timeout: 5000 }).catch(() => undefined);
      await revert.waitFor({ state: "detached", timeout: 5000 }).catch(() => undefined);
    }
    await poll(() => driver(page, "headcount").getByTestId("source").textContent()).toBe("Default, unsaved");
    const drafts: [string, Draft][] = [override("product_margin", "30"), ["headcount", { kind: "inherit" }]];
    const planned = expected(sample, drafts).summary;
    await poll(() => npvOf(page)).toBe(planned.npv);

    await page.getByRole("button", { name: "Save overrides" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the overrides" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Saved the overrides" }).textContent()).toBe(
      "Saved the overrides to the Assumptions table: 1 cell updated, 0 rows added, 1 row removed.",
    );
    expect(await page.getByRole("region", { name: "Overrides" }).getByRole("button", { name: "Save overrides" }).count()).toBe(0);
    expect(await driver(page, "product_margin").getByTestId("source").textContent()).toBe("Overridden");
    expect(await driver(page, "headcount").getByTestId("source").textContent()).toBe("Default");
    expect(await npvOf(page)).toBe(planned.npv);
    await page.screenshot({ path: path.join(SCREENSHOTS, "pnl-saved.png") });

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save as…" }).click();
    const bytes = new Uint8Array(fs.readFileSync(await (await download).path()));
    const saved = await dataOf(bytes);
    const own = saved.assumptionsOf(PARTNER).map((r) => [r.name, ...r.values.filter((v) => v !== null)]);
    expect(own).toEqual(
      sample
        .assumptionsOf(PARTNER)
        .filter((r) => r.name !== "headcount")
        .map((r) => [r.name, ...(r.name === "product_margin" ? [0.3] : r.values.filter((v) => v !== null))]),
    );
    expect(ok(pnlSummary(mergedAssumptions(assumptionLines(saved, PARTNER)).rows)).npv).toBe(planned.npv);
    // Every other partner's rows, and every other table, are as they were.
    const others = (d: PartnerData) => d.assumptions.filter((a) => a.partnerId !== PARTNER);
    expect(others(saved)).toEqual(others(sample));
    for (const name of ["Partners", "Audit", "Engagement", "Metrics", "Plan"] as const) {
      expect(saved.snapshot.tables.get(name)!.rows).toEqual(sample.snapshot.tables.get(name)!.rows);
    }
    // Every other sheet keeps its cells and formulas.
    const load = async (b: Uint8Array) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(b as unknown as ArrayBuffer);
      return workbook;
    };
    const [original, written] = await Promise.all([load(fs.readFileSync(SAMPLE)), load(bytes)]);
    expect(written.worksheets.map((s) => s.name)).toEqual(original.worksheets.map((s) => s.name));
    for (const sheet of original.worksheets) {
      if (sheet.name === "Assumptions") continue;
      expect(JSON.stringify(written.getWorksheet(sheet.name)!.getSheetValues()), sheet.name).toBe(JSON.stringify(sheet.getSheetValues()));
    }
    await page.close();
  });

  it("starts the Monte Carlo from the draft: the uncertainty follows a what-if, the results are the draft's, and a row set by hand says when the draft moves away", async () => {
    const page = await open();
    await openPnl(page);
    const card = page.getByRole("group", { name: "Uncertain drivers" });
    const mean = card.getByRole("textbox", { name: "Licence revenue per year, mean" });
    const sd = card.getByRole("textbox", { name: "Licence revenue per year, sd" });
    const saved = expected(sample).rows.find((r) => r[0] === "license_revenue")![1] as number;
    expect(saved).not.toBe(500000);
    expect(Number((await mean.inputValue()).replace(/,/g, ""))).toBe(saved);

    await type(page, "license_revenue", "Value (year 1)", "500000");
    await poll(async () => (await mean.inputValue()).replace(/,/g, "")).toBe("500000");
    expect((await sd.inputValue()).replace(/,/g, "")).toBe("100000");

    await page.getByRole("textbox", { name: "Trials" }).fill("2000");
    await page.getByRole("textbox", { name: "Seed" }).fill("7");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.getByTestId("simulation-mean-npv").waitFor({ timeout: 60_000 });
    const rows = expected(sample, [override("license_revenue", "500000")]).rows;
    const width = Math.max(...rows.map((r) => r.length));
    const range = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
    const spill = excelHost().value("SIMULATE", range, [["license_revenue", "normal", 500000, 100000, null]], 2000, 7) as [string, number | string][];
    expect(Number(await page.getByTestId("simulation-mean-npv").getAttribute("data-value"))).toBe(spill[0][1]);

    // Set by hand, the row stays put; the draft moving away is said, with a way back.
    await mean.fill("450000");
    await type(page, "license_revenue", "Value (year 1)", "600000");
    const differs = page.getByTestId("uncertainty-differs");
    await differs.waitFor();
    expect(await differs.textContent()).toContain("600,000 in the assumptions as they are now; this row is centred on 450,000");
    expect((await mean.inputValue()).replace(/,/g, "")).toBe("450000");
    await differs.getByRole("button", { name: "Centre on 600,000" }).click();
    await poll(async () => (await mean.inputValue()).replace(/,/g, "")).toBe("600000");
    await poll(() => differs.count()).toBe(0);
    await page.close();
  });

  describe("Monte Carlo", () => {
    // Scripts run without the optimising compiler, as on a slow machine: a run lasts long enough to
    // watch its progress and cancel it.
    let slow: Browser;
    beforeAll(async () => {
      slow = await launch({ args: ["--js-flags=--jitless"] });
      await slow.context.route("**/*", (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    });
    afterAll(async () => slow?.close());

    it("runs in a worker with progress; Cancel stops the worker and the pane stays usable; a full run equals PARTNER.SIMULATE", async () => {
      const page = await open(slow);
      await openPnl(page);
      await type(page, "years", "Value (year 1)", "20");
      const card = page.getByRole("group", { name: "Uncertain drivers" });
      await page.getByRole("button", { name: "Add an uncertain driver" }).click();
      // A rate's figures are in per cent.
      await card.getByRole("textbox", { name: "Licence revenue growth per year, low" }).fill("2");
      await card.getByRole("textbox", { name: "Licence revenue growth per year, high" }).fill("10");
      await page.getByRole("button", { name: "Add an uncertain driver" }).click();
      const third = card.getByTestId("uncertainty-row").nth(2);
      await third.getByRole("combobox", { name: "Driver" }).selectOption("product_margin");
      await third.getByRole("combobox", { name: "Distribution" }).selectOption("triangular");
      await card.getByRole("textbox", { name: "Partner's margin on licences, low" }).fill("20");
      await card.getByRole("textbox", { name: "Partner's margin on licences, mode" }).fill("27");
      await card.getByRole("textbox", { name: "Partner's margin on licences, high" }).fill("32");
      await page.getByRole("textbox", { name: "Trials" }).fill("100000");
      await page.getByRole("textbox", { name: "Seed" }).fill("3");

      const started = page.waitForEvent("worker");
      await page.getByRole("button", { name: "Run simulation" }).click();
      const worker = await started;
      const closed = new Promise<void>((resolve) => worker.on("close", () => resolve()));
      const progress = page.getByTestId("simulation-progress");
      await poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 30_000 }).toBeGreaterThan(0);
      // The page answers while the worker runs: an edit updates the summary at once.
      await type(page, "mdf", "Value (year 1)", "20000");
      const edited = expected(sample, [override("years", "20"), override("mdf", "20000", "10000", "5000")]).summary;
      await poll(() => npvOf(page)).toBe(edited.npv);
      expect(await page.getByTestId("simulation-status").textContent()).toBe("Running 100,000 trials…");

      await page.getByRole("button", { name: "Cancel" }).click();
      await closed; // the worker is gone, not merely ignored
      const status = await page.getByTestId("simulation-status").textContent();
      const done = Number(/^Cancelled after ([\d,]+) of 100,000 trials\.$/.exec(status ?? "")?.[1].replaceAll(",", ""));
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(100_000);
      const stopped = await progress.getAttribute("aria-valuenow");
      await page.waitForTimeout(500);
      expect(await progress.getAttribute("aria-valuenow")).toBe(stopped);
      expect(await page.getByTestId("simulation-status").textContent()).toBe(status);
      // (The page's one other worker, the .xlsx reader's inflater, lives as long as the page.)
      expect(page.workers().filter((w) => w.url() === worker.url())).toHaveLength(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, "pnl-monte-carlo-cancelled.png") });

      await page.getByRole("textbox", { name: "Trials" }).fill("20000");
      await page.getByRole("button", { name: "Run simulation" }).click();
      await page.getByTestId("simulation-mean-npv").waitFor({ timeout: 60_000 });
      const rows = expected(sample, [override("years", "20"), override("mdf", "20000", "10000", "5000")]).rows;
      const uncertainty = [
        ["license_revenue", "normal", 625000, 125000, null],
        ["license_growth", "uniform", 0.02, 0.1, null],
        ["product_margin", "triangular", 0.2, 0.27, 0.32],
      ];
      const width = Math.max(...rows.map((r) => r.length));
      const range = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
      const spill = excelHost().value("SIMULATE", range, uncertainty, 20000, 3) as [string, number | string][];
      const shown = await Promise.all(
        ["simulation-mean-npv", "simulation-p10-npv", "simulation-p50-npv", "simulation-p90-npv", "simulation-probability", "simulation-payback"].map((id) =>
          page.getByTestId(id).getAttribute("data-value"),
        ),
      );
      expect(shown.map((v) => (v === "" ? "" : Number(v)))).toEqual(spill.map((row) => row[1]));
      expect(await page.getByTestId("simulation-status").textContent()).toBe("Finished 20,000 trials.");
      await page.getByTestId("simulation-mean-npv").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, "pnl-monte-carlo.png") });
      await page.close();
    });
  });

  it("keeps an unsaved what-if while the user works in another tab and saves there", async () => {
    const page = await open();
    await openPnl(page);
    await type(page, "product_margin", "Value (year 1)", "30");
    const edited = expected(sample, [override("product_margin", "30")]).summary;
    await poll(() => npvOf(page)).toBe(edited.npv);

    // An audit rated and saved in the Audit tab meanwhile.
    await page.getByRole("tab", { name: "Audit", exact: true }).click();
    await page.getByLabel("Audit date").fill("2026-10-15");
    await page.getByRole("group", { name: "Ability to deliver" }).getByRole("radiogroup", { name: "Energy invested" }).getByRole("radio", { name: "2 of 5" }).check({ force: true });
    await page.getByRole("button", { name: "Save audit" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the audit of 2026-10-15" }).waitFor();

    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    expect(await driver(page, "product_margin").getByTestId("source").textContent()).toBe("Edited");
    expect(await box_(page, "product_margin", "Value (year 1)").inputValue()).toBe("30");
    expect(await npvOf(page)).toBe(edited.npv);
    // Another partner starts afresh, once the user agrees to drop the what-if.
    await page.getByRole("tab", { name: "Partners", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill("P0001");
    await page.locator("button[data-partner=P0001]").click();
    const ask = page.getByRole("alertdialog");
    expect(await ask.textContent()).toContain("has edits not saved in P&L");
    await ask.getByRole("button", { name: /^Discard and open / }).click();
    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    await page.getByTestId("pnl-npv").waitFor();
    expect(await page.getByText("Edited", { exact: true }).count()).toBe(0);
    await page.close();
  });

  it("Portfolio: tier mix against the MVP goal, roll-ups, and a point or a list entry opens the partner", async () => {
    const page = await open();
    expect(requested.some((u) => /^portfolio\./.test(u))).toBe(false);
    await page.getByRole("tab", { name: "Portfolio" }).click();
    await page.getByTestId("tier-mix").waitFor();
    expect(requested.some((u) => /^portfolio\.[0-9a-f]+\.js$/.test(u))).toBe(true);

    const summaries = summariseAll(sample);
    const mix = ok(tierMix(summaries.map((s) => s.tier)));
    for (const share of mix.shares) {
      const cells = page.getByTestId(`tier-${share.tier}`).getByRole("cell");
      expect([await cells.nth(1).textContent(), await cells.nth(2).textContent()]).toEqual([String(share.count), formatPercent(share.share)]);
    }
    expect(await page.getByTestId("mvp-gap").textContent()).toContain(`MVP gap: ${formatPercent(mix.mvpGap)}`);

    const plans = latestPlans(sample);
    for (const [tab, key] of [["Territory", "territory"], ["Region", "region"], ["Channel manager", "channelManager"]] as const) {
      await page.getByTestId("rollups").getByRole("tab", { name: tab }).click();
      const rows = planRollup(plans, "Revenue", key)!;
      const table = page.getByTestId("rollup-table").getByRole("row");
      expect(await table.count()).toBe(rows.length + 1);
      const first = await table.nth(1).getByRole("cell").allTextContents();
      expect(first).toEqual([rows[0].key, formatAmount(rows[0].actual), formatAmount(rows[0].target), formatPercent(rows[0].attainment)]);
    }
    await fitsWidth(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "portfolio.png"), fullPage: true });

    const { placed } = placedPartners(sample, summaries);
    const points = page.getByTestId("segment-scatter").locator("circle[data-partner]");
    expect(await points.count()).toBe(placed.length);
    // The last point drawn is on top of any other: clicking it opens its partner.
    const last = points.last();
    const id = (await last.getAttribute("data-partner"))!;
    await last.click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(sample.partner(id)!.name);

    // From the keyboard: the list of a quadrant's partners.
    await page.getByRole("tab", { name: "Portfolio" }).click();
    await page.getByRole("tab", { name: /^Star \(\d+\)$/ }).click();
    const list = page.getByTestId("quadrant-list").getByRole("button");
    const firstStar = placed.filter((p) => p.segment === "Star").sort((a, b) => b.potential - a.potential || a.name.localeCompare(b.name))[0];
    expect(await list.first().textContent()).toContain(firstStar.name);
    await list.first().focus();
    await page.keyboard.press("Enter");
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(firstStar.name);
    await page.close();
  });

  it("sends no request anywhere but its own origin", () => {
    expect(outside).toEqual([]);
  });
});
