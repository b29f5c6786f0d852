// The Plan builder and funds in browser mode (dist/app.html on the sample workbook): a channel
// manager builds a partner's plan from the library, requests MDF for an eligible activity, the
// request is submitted, approved, claimed and paid, and the P&L's NPV rises by exactly the approved
// MDF discounted; "Save as" downloads the workbook, which is opened again and holds it all.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestions } from "../../addin/taskpane/model/builder";
import { summarise } from "../../addin/taskpane/model/summary";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { dateSerial } from "../../engine/excel/date";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
const NOW = new Date(2026, 9, 15, 10, 0, 0);
const TODAY = dateSerial(2026, 10, 15);
const PERIOD = "FY2026";
const NAME = "Chloé Dubois";
const PROOF = "https://partners.example.com/proof/campaign-report.pdf";

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<PartnerData> {
  const adapter = await XlsxAdapter.open(new Uint8Array(bytes));
  return new PartnerData(snapshotOf(await adapter.read()));
}

/** A driver's value in each year as the README states the rule: a series ends at its last non-zero value, later years keep it. */
function yearly(values: readonly (number | null)[], years: number): number[] {
  let end = values.length;
  while (end > 0 && !values[end - 1]) end--;
  const series = values.slice(0, end).map((v) => v ?? 0);
  return Array.from({ length: years }, (_, t) => (series.length ? series[Math.min(t, series.length - 1)] : 0));
}

/** The partner's row of a driver, else the `*` row. */
const driver = (data: PartnerData, id: string, name: string) =>
  (data.assumptionsOf(id).find((a) => a.name === name) ?? data.defaultAssumptions().find((a) => a.name === name))!.values;

describe.skipIf(!browserAvailable)("Plan builder and funds (browser mode, Chromium)", () => {
  let page: Page;
  let app: App;
  let sample: PartnerData;
  let partner: string;
  let activity: { goalId: string; activityId: string; activity: string; kpi: string };
  let errors: string[] = [];
  const warnings: string[] = [];
  let npvBefore = 0;
  let npvAfter = 0;
  let savedPath = "";
  let requestId = "";
  const AMOUNT = 4000;
  const TARGET = 123_456;

  beforeAll(async () => {
    sample = await readWorkbook(fs.readFileSync(SAMPLE));
    // An active partner with MDF left for FY2026 and a suggested MDF-eligible activity not yet in its plan.
    for (const p of sample.partners) {
      if (p.status !== "Active") continue;
      const allocated = sample.fundsOf(p.id).filter((f) => f.period === PERIOD && f.fundType === "MDF").reduce((s, f) => s + (f.allocated ?? 0), 0);
      const used = sample
        .fundRequestsOf(p.id)
        .filter((r) => r.period === PERIOD && r.fundType === "MDF" && r.state !== "Draft" && r.state !== "Rejected")
        .reduce((s, r) => s + (r.amount ?? 0), 0);
      if (allocated - used < AMOUNT) continue;
      const s = summarise(sample, p);
      const planned = new Set(sample.planActivitiesOf(p.id).map((a) => a.activityId));
      const found = suggestions(sample, p.id, s.stage, s.tier).find((x) => x.activity.mdfEligible && !planned.has(x.activity.activityId) && x.activity.kpi);
      if (!found || !sample.plansOf(p.id).some((k) => k.period === PERIOD)) continue;
      partner = p.id;
      activity = { goalId: found.activity.goalId, activityId: found.activity.activityId, activity: found.activity.activity, kpi: found.activity.kpi! };
      break;
    }
    expect(partner).toBeDefined();
    app = await openApp({ now: NOW });
    ({ page, errors } = app);
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const card = (title: string) => page.locator(".fui-Card").filter({ hasText: title }).last();
  const status = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const npv = async () => Number(await page.getByTestId("pnl-npv").getAttribute("data-value"));
  async function open(tab: string) {
    await page.getByRole("tab", { name: "Partners" }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(partner);
    await page.locator(`button[data-partner="${partner}"]`).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByRole("tab", { name: tab, exact: true }).click();
  }

  it("builds a plan from the library with a target whose realism follows the figure, in one save", async () => {
    await open("P&L");
    await page.getByTestId("pnl-npv").waitFor();
    npvBefore = await npv();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await page.getByRole("list", { name: "Suggested activities" }).waitFor();
    const item = page.locator(`li[data-activity="${activity.activityId}"]`);
    if (!(await item.count())) await page.getByRole("button", { name: /^Show all/ }).click();
    await page.getByLabel("Your name").fill(NAME);
    await item.getByRole("checkbox").check();
    const target = page.getByRole("spinbutton", { name: `${activity.kpi} target`, exact: true });
    const realism = page.getByTestId(`realism-${activity.kpi}`);
    // Known answers whatever the network: above every partner's result, and below all of them.
    await target.fill("1000000000000");
    await target.press("Tab");
    await expect.poll(() => realism.textContent()).toBe("Beyond the network — P100+");
    await target.fill("0");
    await target.press("Tab");
    await expect.poll(() => realism.textContent()).toMatch(/^Below median — P0$|^No history$/);
    await target.fill(String(TARGET));
    await target.press("Tab");
    await page.setViewportSize({ width: 350, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await shot("plan-builder-350");
    await card("Build from library").screenshot({ path: path.join(SCREENSHOTS, "plan-builder-card-350.png") });
    await page.getByRole("button", { name: "Save plan" }).click();
    await status(`Saved the plan of ${PERIOD}`).waitFor();
  });

  it("requests MDF for the activity, and submits, approves, claims and pays it, each step signed", async () => {
    const before = Number(await page.getByTestId("fund-approved").getAttribute("data-value"));
    const label = `Request funds for ${activity.activity}`;
    const amount = page.getByRole("spinbutton", { name: `${activity.activity} Amount`, exact: true });
    await amount.fill(String(AMOUNT));
    await amount.press("Tab");
    await page.getByRole("button", { name: label }).click();
    await status("Drafted a request").waitFor();
    const row = page.locator("li[data-request]").filter({ hasText: activity.activity });
    requestId = (await row.getAttribute("data-request"))!;
    const state = page.getByTestId(`request-state-${requestId}`);
    expect(await state.textContent()).toBe("Draft");
    await page.getByRole("button", { name: `Submit request ${requestId}` }).click();
    await expect.poll(() => state.textContent()).toBe("Submitted");
    await page.getByRole("button", { name: `Approve request ${requestId}` }).click();
    await expect.poll(() => state.textContent()).toBe("Approved");
    // The approval says what it did to the P&L: the year's approved MDF is the mdf driver now.
    const approvedMdf =
      sample
        .fundRequestsOf(partner)
        .filter((r) => r.period === PERIOD && r.fundType === "MDF" && ["Approved", "Claimed", "Paid"].includes(r.state ?? ""))
        .reduce((s, r) => s + (r.amount ?? 0), 0) + AMOUNT;
    await page.getByRole("status").filter({ hasText: `the P&L's mdf in year 1 (2026) is now ${approvedMdf.toLocaleString("en-US")}, the MDF approved for that year` }).waitFor();
    expect(Number(await page.getByTestId("fund-approved").getAttribute("data-value"))).toBe(before + AMOUNT);
    await row.getByRole("textbox", { name: "Proof of performance" }).fill(PROOF);
    await page.getByRole("button", { name: `Claim request ${requestId}` }).click();
    await expect.poll(() => state.textContent()).toBe("Claimed");
    await page.getByRole("button", { name: `Mark paid request ${requestId}` }).click();
    await expect.poll(() => state.textContent()).toBe("Paid");
    expect(await row.textContent()).toContain(`paid by ${NAME} on 2026-10-15`);
    await page.setViewportSize({ width: 1400, height: 900 });
    await shot("plan-funds-1400");
    await page.setViewportSize({ width: 350, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await shot("plan-funds-350");
    await card("Request funds (MDF) for").screenshot({ path: path.join(SCREENSHOTS, "plan-funds-card-350.png") });
    await card("Joint value proposition").screenshot({ path: path.join(SCREENSHOTS, "plan-proposition-card-350.png") });
  });

  it("raises the P&L's NPV by exactly the change of MDF, discounted", async () => {
    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    await page.getByTestId("pnl-npv").waitFor();
    await expect.poll(npv).not.toBe(npvBefore);
    npvAfter = await npv();
    // Independently: the approved MDF of FY2026 (the sample's approvals and this one) becomes the
    // mdf driver from year 1; its difference from the driver before, year by year, discounted.
    const years = driver(sample, partner, "years")[0]!;
    const rate = driver(sample, partner, "discount_rate")[0]!;
    const approved =
      sample
        .fundRequestsOf(partner)
        .filter((r) => r.period === PERIOD && r.fundType === "MDF" && ["Approved", "Claimed", "Paid"].includes(r.state ?? ""))
        .reduce((s, r) => s + (r.amount ?? 0), 0) + AMOUNT;
    const before = yearly(driver(sample, partner, "mdf"), years);
    let expected = 0;
    for (let t = 0; t < years; t++) expected += (approved - before[t]) / (1 + rate) ** (t + 1);
    expect(npvAfter - npvBefore).toBeCloseTo(expected, 6);
  });

  it("saves it all into the downloaded workbook, and finds it all when that file is opened again", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    savedPath = (await download.path())!;
    const saved = await readWorkbook(fs.readFileSync(savedPath));
    const planned = saved.planActivitiesOf(partner).find((a) => a.activityId === activity.activityId && a.period === PERIOD)!;
    expect([planned.goalId, planned.status, planned.requestId]).toEqual([activity.goalId, "Planned", requestId]);
    expect(saved.plansOf(partner).find((k) => k.period === PERIOD && k.kpi === activity.kpi)?.target).toBe(TARGET);
    expect(saved.tasksOf(partner).filter((t) => t.task.startsWith(`${PERIOD} ${activity.activity}:`))).toHaveLength(2);
    const request = saved.fundRequest(requestId)!;
    expect([request.state, request.amount, request.claimAmount, request.proofOfPerformance, request.paid.by, request.paid.on, request.reviewed.by]).toEqual([
      "Paid",
      AMOUNT,
      AMOUNT,
      PROOF,
      NAME,
      TODAY,
      NAME,
    ]);
    expect(saved.assumptionsOf(partner).find((a) => a.name === "mdf")).toBeDefined();

    await page.locator('input[type="file"]').setInputFiles({ name: "partners-plan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: fs.readFileSync(savedPath) });
    // The header names the file once it is open (while it opens, the other one stays, named there).
    await expect.poll(() => page.getByTestId("workbook-source").textContent(), { timeout: 30_000 }).toBe("partners-plan.xlsx");
    await open("P&L");
    await page.getByTestId("pnl-npv").waitFor();
    expect(await npv()).toBe(npvAfter);
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await expect.poll(() => page.getByTestId(`request-state-${requestId}`).textContent()).toBe("Paid");
    expect(await page.getByRole("spinbutton", { name: `Target` }).count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    await shot("plan-reopened-1400");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
