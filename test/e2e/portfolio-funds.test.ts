// The Portfolio view's plans by realism, marketing funds (MDF) and waiting fund requests in
// browser mode (a development build's app.html on the sample workbook) in headless Chromium. The
// figures are worked out here from the sample's own Funds, FundRequests, Deals and Plan rows, not
// through the cards' model; the realism counts through the Plan builder's network and label,
// target by target.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkOf, realismOf } from "../../addin/taskpane/model/builder";
import { formatAmount, formatCompact, formatPercent } from "../../addin/taskpane/model/format";
import { latestPlans } from "../../addin/taskpane/model/portfolio";
import { summariseAll } from "../../addin/taskpane/model/summary";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { dateSerial, todaySerial } from "../../engine/excel/date";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { devBuild } from "../browser/dev-build";
import { type StaticServer, serve } from "../browser/server";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
const PERIOD = "FY2026";

const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number; message?: string } = {}) => expect.poll(read, { timeout: 15_000, ...options });
const roi = (x: number) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 }).format(x);

/** The sample's MDF of the period, from its rows: per partner allocated, approved, paid, and the deals it won in the year. */
function mdfFromRows(sample: PartnerData) {
  const start = dateSerial(2026, 1, 1);
  const end = dateSerial(2026, 12, 31);
  const per = new Map<string, { region: string | null; allocated: number; approved: number; paid: number }>();
  const of = (id: string) => {
    let p = per.get(id);
    if (!p) per.set(id, (p = { region: sample.partner(id)?.region ?? null, allocated: 0, approved: 0, paid: 0 }));
    return p;
  };
  for (const f of sample.funds) if (f.period === PERIOD && f.fundType === "MDF") of(f.partnerId).allocated += f.allocated ?? 0;
  for (const r of sample.fundRequests) {
    if (r.period !== PERIOD || r.fundType !== "MDF") continue;
    const p = of(r.partnerId);
    if (r.state === "Approved" || r.state === "Claimed" || r.state === "Paid") p.approved += r.amount ?? 0;
    if (r.state === "Paid") p.paid += r.claimAmount ?? 0;
  }
  const won = (id: string) => sample.deals.filter((d) => d.partnerId === id && d.outcome === "Won" && d.closed! >= start && d.closed! <= end).reduce((s, d) => s + d.amount!, 0);
  const total = { allocated: 0, approved: 0, paid: 0, won: 0, partners: per.size, funded: 0 };
  const regions = new Map<string, typeof total>();
  for (const [id, p] of per) {
    const w = p.paid > 0 ? won(id) : 0;
    const region = p.region ?? "No region";
    const g = regions.get(region) ?? { allocated: 0, approved: 0, paid: 0, won: 0, partners: 0, funded: 0 };
    for (const t of [total, g]) {
      t.allocated += p.allocated;
      t.approved += p.approved;
      t.paid += p.paid;
      t.won += w;
      if (p.paid > 0 && t === total) t.funded++;
    }
    regions.set(region, g);
  }
  return { total, regions };
}

describe.skipIf(!browserAvailable)("Portfolio: plans by realism, MDF and waiting fund requests in browser mode (Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let sample: PartnerData;
  let page: Page;
  const console: string[] = [];

  beforeAll(async () => {
    sample = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(fs.readFileSync(SAMPLE)))).snapshot);
    // A development build: React and Fluent UI warn on the console only there.
    server = await serve(devBuild());
    browser = await launch();
    page = await browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") console.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => console.push(`pageerror: ${e.message}`));
    await page.setViewportSize({ width: 350, height: 900 });
    await page.goto(`${server.url}app.html`);
    await page.getByTestId("partner-count").waitFor();
    await page.getByRole("tab", { name: "Portfolio" }).click();
    await page.getByTestId("mdf-card").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the MDF of the year as the sample's rows add up: allocated, approved, paid, utilisation, won revenue and ROI, by region", async () => {
    const { total, regions } = mdfFromRows(sample);
    expect(total.paid).toBeGreaterThan(0);
    const summary = await page.getByTestId("mdf-summary").textContent();
    expect(summary).toBe(
      `${total.partners} partners with MDF in ${PERIOD}: ${formatAmount(total.allocated)} allocated, ${formatAmount(total.approved)} approved, ${formatAmount(total.paid)} paid (${formatPercent(total.paid / total.allocated)} of the allocation).` +
        ` ${formatAmount(total.won)} won by the ${total.funded} partners paid MDF: ROI ${roi((total.won - total.paid) / total.paid)}.`,
    );
    expect(await page.getByTestId("mdf-use").getByRole("row").count()).toBe(regions.size + 2);
    expect(await page.getByTestId("mdf-return").getByRole("row").count()).toBe(regions.size + 2);
    for (const [region, g] of regions) {
      const use = await page.locator(`[data-testid=mdf-use] tr[data-group="${region}"]`).getByRole("cell").allTextContents();
      expect(use).toEqual([region, formatCompact(g.allocated), formatCompact(g.approved), formatCompact(g.paid), formatPercent(g.paid / g.allocated)]);
      const back = await page.locator(`[data-testid=mdf-return] tr[data-group="${region}"]`).getByRole("cell").allTextContents();
      expect(back).toEqual([region, formatCompact(g.paid), formatCompact(g.won), g.paid ? roi((g.won - g.paid) / g.paid) : "—"]);
    }
  });

  it("shows the same totals by activity type, with no utilisation for an activity type and the reason in a tooltip", async () => {
    const { total } = mdfFromRows(sample);
    await page.getByTestId("mdf-card").getByRole("tab", { name: "By activity type" }).click();
    const categories = new Set(sample.fundRequests.filter((r) => r.period === PERIOD && r.fundType === "MDF" && r.state !== "Draft").map((r) => sample.libraryActivity(r.activityId!)!.category!));
    await poll(() => page.getByTestId("mdf-use").getByRole("row").count()).toBe(categories.size + 2);
    expect(await page.locator("[data-testid=mdf-use] tr[data-group=total]").getByRole("cell").allTextContents()).toEqual([
      "Total",
      formatCompact(total.allocated),
      formatCompact(total.approved),
      formatCompact(total.paid),
      formatPercent(total.paid / total.allocated),
    ]);
    expect(await page.locator("[data-testid=mdf-return] tr[data-group=total]").getByRole("cell").allTextContents()).toEqual([
      "Total",
      formatCompact(total.paid),
      formatCompact(total.won),
      roi((total.won - total.paid) / total.paid),
    ]);
    const marketing = page.locator("[data-testid=mdf-use] tr[data-group=Marketing]");
    // Marketing's approvals, from the rows: its requests past Draft with an approval.
    const approved = sample.fundRequests
      .filter((r) => r.period === PERIOD && r.fundType === "MDF" && ["Approved", "Claimed", "Paid"].includes(r.state!) && sample.libraryActivity(r.activityId!)?.category === "Marketing")
      .reduce((s, r) => s + r.amount!, 0);
    expect(await marketing.getByRole("cell").nth(2).textContent()).toBe(formatCompact(approved));
    const dash = marketing.getByRole("cell").nth(4).locator("span[tabindex]");
    expect(await dash.textContent()).toBe("—");
    await dash.focus();
    await poll(() => page.getByRole("tooltip").textContent()).toContain("allocated to partners, not to activity types");
    await page.keyboard.press("Escape");
  });

  it("counts the fund requests waiting on the approver, the partner's claim and finance, with the oldest age, and opens a partner", async () => {
    const today = todaySerial();
    for (const [state, step] of [["Submitted", "submitted"], ["Approved", "reviewed"], ["Claimed", "claimed"]] as const) {
      const requests = sample.fundRequests.filter((r) => r.state === state);
      expect(requests.length).toBeGreaterThan(0);
      const amount = requests.reduce((s, r) => s + ((state === "Claimed" ? r.claimAmount : r.amount) ?? 0), 0);
      const oldest = today - Math.min(...requests.map((r) => r[step].on!));
      expect(await page.getByTestId(`waiting-${state}`).getByTestId("waiting-figures").textContent()).toBe(`${requests.length} ${state} requests, ${formatAmount(amount)}; oldest ${oldest} days.`);
    }
    const submitted = sample.fundRequests.filter((r) => r.state === "Submitted").sort((a, b) => a.submitted.on! - b.submitted.on! || a.requestId.localeCompare(b.requestId))[0];
    const first = page.getByTestId("waiting-Submitted").getByRole("listitem").first();
    expect(await first.textContent()).toContain(submitted.requestId);
    await page.setViewportSize({ width: 350, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    for (const id of ["realism-card", "mdf-card", "waiting-card"]) await page.getByTestId(id).screenshot({ path: path.join(SCREENSHOTS, `portfolio-${id}-350.png`), animations: "disabled" });
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const id of ["realism-card", "mdf-card", "waiting-card"]) await page.getByTestId(id).screenshot({ path: path.join(SCREENSHOTS, `portfolio-${id}-1400.png`), animations: "disabled" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    expect(await page.locator("body").innerText()).not.toMatch(/NaN/);
    await first.getByRole("button").click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(sample.partner(submitted.partnerId)!.name);
    await page.getByRole("tab", { name: "Portfolio" }).click();
    await page.getByTestId("realism-card").waitFor();
  });

  it("counts the latest plans' KPI targets by realism as the Plan builder labels each of them", async () => {
    const summaries = summariseAll(sample);
    const tiers = new Map(summaries.map((s) => [s.partner.id.toLowerCase(), s.tier as string | null]));
    const tierOf = (id: string) => tiers.get(id.toLowerCase()) ?? null;
    const counts: Record<string, number> = { "Beyond the network": 0, Stretch: 0, "Within reach": 0, "Below median": 0, "No history": 0 };
    let targets = 0;
    const plans = latestPlans(sample);
    for (const plan of plans) {
      for (const r of plan.rows) {
        if (!(r.target! > 0)) continue;
        targets++;
        counts[realismOf(r.target!, networkOf(sample, plan.partner.id, r.kpi, tierOf, tierOf(plan.partner.id))).level ?? "No history"]++;
      }
    }
    expect(await page.getByTestId("realism-summary").textContent()).toBe(
      `${targets} KPI targets in ${plans.length} partners' latest plans: ${counts["Beyond the network"]} beyond the network, ${counts.Stretch} stretch, ${counts["Within reach"]} within reach, ${counts["Below median"]} below the network median${counts["No history"] ? `, ${counts["No history"]} with no history to compare` : ""}.`,
    );
    const total = await page.locator("[data-testid=realism-table] tr[data-kpi=total]").getByRole("cell").allTextContents();
    expect(total).toEqual(["All KPIs", ...Object.values(counts).map(String)]);
  });

  it("left nothing on the console", () => {
    expect(console).toEqual([]);
  });
});
