// The Plan tab's actuals from the deals in browser mode (dist/app.html on the sample workbook): the
// figure each countable KPI would have from the Deals table is shown, computed here from the
// sample's rows; "Use actuals from deals" puts them in the Actual fields, and the save stores them.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { periodDates } from "../../engine/plan/period";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
const PERIOD = "FY2026";

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<PartnerData> {
  const adapter = await XlsxAdapter.open(new Uint8Array(bytes));
  return new PartnerData(snapshotOf(await adapter.read()));
}

describe.skipIf(!browserAvailable)("Plan actuals from the deals (browser mode, Chromium)", () => {
  let page: Page;
  let app: App;
  let partner = "";
  let revenue = 0;
  let pipeline = 0;
  const warnings: string[] = [];

  beforeAll(async () => {
    const sample = await readWorkbook(fs.readFileSync(SAMPLE));
    const { start, end } = periodDates(PERIOD)!;
    const inYear = (d: number | null) => d !== null && d >= start && d <= end;
    // A partner whose typed Revenue actual differs from what its won deals add up to.
    for (const p of sample.partners) {
      const kpis = sample.plansOf(p.id).filter((k) => k.period === PERIOD);
      const typed = kpis.find((k) => k.kpi === "Revenue")?.actual;
      if (typed === undefined || !kpis.some((k) => k.kpi === "Pipeline")) continue;
      const deals = sample.dealsOf(p.id);
      const won = deals.filter((d) => d.outcome === "Won" && inYear(d.closed)).reduce((s, d) => s + (d.amount ?? 0), 0);
      if (won === 0 || won === typed) continue;
      partner = p.id;
      revenue = won;
      pipeline = deals.filter((d) => inYear(d.opened)).reduce((s, d) => s + (d.amount ?? 0), 0);
      break;
    }
    expect(partner).not.toBe("");
    app = await openApp({ now: new Date(2026, 9, 15, 10, 0, 0) });
    page = app.page;
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const amount = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);

  it("shows each countable KPI's figure from the deals, uses them, and saves them", async () => {
    await page.getByRole("searchbox", { name: "Search partners" }).fill(partner);
    await page.locator(`button[data-partner="${partner}"]`).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    const revenueLine = page.getByTestId("kpi-deals-Revenue");
    await revenueLine.waitFor();
    expect(await revenueLine.textContent()).toContain(amount(revenue));
    expect(await page.getByTestId("kpi-deals-Pipeline").textContent()).toContain(amount(pipeline));
    // Certified staff is no figure of the deals: nothing offered.
    expect(await page.getByTestId("kpi-deals-Certified staff").count()).toBe(0);
    await page.setViewportSize({ width: 350, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await page.screenshot({ path: path.join(SCREENSHOTS, "plan-actuals-350.png"), fullPage: true });
    await page.getByTestId("use-deal-actuals").click();
    const actual = page.getByRole("spinbutton", { name: /^Revenue Actual$|Actual.*Revenue|Revenue.*Actual/ }).first();
    await expect.poll(async () => Number((await actual.inputValue()).replace(/,/g, ""))).toBe(revenue);
    await page.getByRole("button", { name: "Save KPIs" }).click();
    await page.getByRole("status").filter({ hasText: `Saved the KPIs of ${PERIOD}` }).waitFor();
    await expect.poll(() => page.getByTestId("use-deal-actuals").count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const saved = await readWorkbook(fs.readFileSync((await download.path())!));
    const kpis = saved.plansOf(partner).filter((k) => k.period === PERIOD);
    expect(kpis.find((k) => k.kpi === "Revenue")?.actual).toBe(revenue);
    expect(kpis.find((k) => k.kpi === "Pipeline")?.actual).toBe(pipeline);
    expect(app.errors).toEqual([]);
    expect(warnings).toEqual([]);
  }, 180_000);
});
