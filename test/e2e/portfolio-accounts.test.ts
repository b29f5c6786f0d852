// The Portfolio view's partner credit, leads past their SLA and channel conflicts in browser mode
// (a development build's app.html on the sample workbook) in headless Chromium. The figures are
// worked out here from the sample's own Deals, Partners and Leads rows — sums by Source, each
// lead's FollowUpBy against today, every pair of deals compared — not through the card's model.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAmount, formatCompact, formatPercent } from "../../addin/taskpane/model/format";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { dateSerial, todaySerial } from "../../engine/excel/date";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { devBuild } from "../browser/dev-build";
import { type StaticServer, serve } from "../browser/server";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");

const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number; message?: string } = {}) => expect.poll(read, { timeout: 15_000, ...options });

/** The sample's won revenue closed in `year`, by Source, in total and by the partner's region and by partner. */
function creditFromRows(sample: PartnerData, year: number) {
  const [start, end] = [dateSerial(year, 1, 1), dateSerial(year, 12, 31)];
  const empty = () => ({ sourced: 0, influenced: 0, vendor: 0, won: 0, deals: 0 });
  const total = empty();
  const regions = new Map<string, ReturnType<typeof empty>>();
  const partners = new Map<string, ReturnType<typeof empty>>();
  for (const d of sample.deals) {
    if (d.outcome !== "Won" || d.closed === null || d.closed < start || d.closed > end) continue;
    const region = sample.partner(d.partnerId)!.region!;
    if (!regions.has(region)) regions.set(region, empty());
    if (!partners.has(d.partnerId)) partners.set(d.partnerId, empty());
    for (const g of [total, regions.get(region)!, partners.get(d.partnerId)!]) {
      const field = d.source === "Partner-sourced" ? "sourced" : d.source === "Partner-influenced" ? "influenced" : "vendor";
      g[field] += d.amount!;
      g.won += d.amount!;
      g.deals++;
    }
  }
  return { total, regions, partners };
}

describe.skipIf(!browserAvailable)("Portfolio: partner credit, leads past their SLA and channel conflicts in browser mode (Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let sample: PartnerData;
  let page: Page;
  const console: string[] = [];
  const year = Number(new Date().toISOString().slice(0, 4));

  beforeAll(async () => {
    sample = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(fs.readFileSync(SAMPLE)))).snapshot);
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
    await page.getByTestId("accounts-card").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("credits this year's won revenue as the sample's deals add up by Source, in total and by the partner's region", async () => {
    const { total, regions } = creditFromRows(sample, year);
    expect(total.sourced).toBeGreaterThan(0);
    expect(total.influenced).toBeGreaterThan(0);
    expect(await page.getByTestId("credit-summary").textContent()).toBe(
      `${formatAmount(total.won)} won in FY${year} (${total.deals} deals): ${formatAmount(total.sourced)} partner-sourced, ${formatAmount(total.influenced)} partner-influenced, ${formatAmount(total.vendor)} the vendor's own — ${formatPercent((total.sourced + total.influenced) / total.won)} credited to partners.`,
    );
    expect(await page.getByTestId("credit-regions").getByRole("row").count()).toBe(regions.size + 2);
    for (const [region, g] of [...regions, ["total", total] as const]) {
      const cells = await page.locator(`[data-testid=credit-regions] tr[data-group="${region}"]`).getByRole("cell").allTextContents();
      expect(cells).toEqual([region === "total" ? "Total" : region, formatCompact(g.sourced), formatCompact(g.influenced), formatCompact(g.vendor), formatPercent((g.sourced + g.influenced) / g.won)]);
    }
  });

  it("lists the ten partners credited with most, and another period from the picker", async () => {
    const { partners } = creditFromRows(sample, year);
    const card = page.getByTestId("accounts-card");
    await card.getByRole("tab", { name: "By partner" }).click();
    const top = [...partners].sort(([a, x], [b, y]) => y.sourced + y.influenced - (x.sourced + x.influenced) || y.won - x.won || a.localeCompare(b)).slice(0, 10);
    await poll(() => page.getByTestId("credit-partners").locator("tbody tr").count()).toBe(10);
    const rows = await page.getByTestId("credit-partners").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-partner")));
    expect(rows).toEqual(top.map(([id]) => id));
    const first = await page.locator(`[data-testid=credit-partners] tr[data-partner="${top[0][0]}"]`).getByRole("cell").allTextContents();
    expect(first).toEqual([sample.partner(top[0][0])!.name, formatCompact(top[0][1].sourced), formatCompact(top[0][1].influenced), formatCompact(top[0][1].won)]);
    await card.getByRole("tab", { name: "By region" }).click();

    // The previous year, from the picker.
    const before = creditFromRows(sample, year - 1).total;
    await card.getByLabel("Won in").selectOption(`FY${year - 1}`);
    await poll(() => page.getByTestId("credit-summary").textContent()).toContain(`${formatAmount(before.won)} won in FY${year - 1} (${before.deals} deals)`);
    await card.getByLabel("Won in").selectOption(`FY${year}`);
    await poll(() => page.getByTestId("credit-summary").textContent()).toContain(`won in FY${year}`);
  });

  it("counts the leads not accepted by their FollowUpBy day, and lists their partners", async () => {
    const today = todaySerial();
    const late = sample.leads.filter((l) => l.accepted === null && l.outcome !== "Rejected" && today > l.followUpBy!);
    expect(late.length).toBeGreaterThan(0);
    const longest = Math.max(...late.map((l) => today - l.followUpBy!));
    const partners = new Set(late.map((l) => l.partnerId));
    expect(await page.getByTestId("late-leads-figures").textContent()).toBe(`${late.length} leads not accepted in time, at ${partners.size} partners; longest ${longest} days past due.`);
    const counts = new Map<string, number>();
    for (const l of late) counts.set(l.partnerId, (counts.get(l.partnerId) ?? 0) + 1);
    const most = Math.max(...counts.values());
    const firstItem = await page.getByTestId("late-leads").getByRole("listitem").first().textContent();
    expect(firstItem).toMatch(new RegExp(`${most} leads? · longest \\d+ days? past due$`));
  });

  it("finds every pair of two partners' registrations protecting an account on shared days, lists them by account, and opens a partner from one", async () => {
    const registered = sample.deals.filter((d) => d.accountId && d.registered !== null);
    const pairs: [string, string, string][] = [];
    for (let i = 0; i < registered.length; i++)
      for (let j = i + 1; j < registered.length; j++) {
        const [a, b] = [registered[i], registered[j]];
        if (a.accountId !== b.accountId || a.partnerId === b.partnerId) continue;
        if (Math.max(a.registered!, b.registered!) <= Math.min(a.protectedUntil ?? Infinity, b.protectedUntil ?? Infinity)) pairs.push([a.accountId!, a.dealId, b.dealId]);
      }
    const accounts = new Set(pairs.map(([account]) => account));
    // The sample has accounts with several pairs: listed pair by pair, they would fill the list with one account.
    expect(accounts.size).toBeGreaterThan(3);
    expect(pairs.length).toBeGreaterThan(accounts.size);
    const text = await page.getByTestId("conflict-figures").textContent();
    expect(text).toMatch(new RegExp(`^${accounts.size} accounts where registered deals of two or more partners are protected on the same days \\(${pairs.length} pairs of deals\\)`));
    // Each line is one account, with every deal of its pairs.
    const shown = await page.getByTestId("conflict").allTextContents();
    expect(shown.length).toBe(Math.min(accounts.size, 4));
    const ids = shown.map((s) => /\((A\d+)\)/.exec(s)![1]);
    expect(new Set(ids).size).toBe(shown.length);
    for (const [i, s] of shown.entries()) {
      const own = pairs.filter(([account]) => account === ids[i]);
      expect(own.length).toBeGreaterThan(0);
      for (const [, a, b] of own) {
        expect(s).toContain(a);
        expect(s).toContain(b);
      }
    }

    await page.setViewportSize({ width: 350, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await page.getByTestId("accounts-card").screenshot({ path: path.join(SCREENSHOTS, "portfolio-accounts-card-350.png"), animations: "disabled" });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId("accounts-card").screenshot({ path: path.join(SCREENSHOTS, "portfolio-accounts-card-1400.png"), animations: "disabled" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    expect(await page.locator("body").innerText()).not.toMatch(/NaN/);

    const first = page.getByTestId("conflict").first();
    const second = first.getByRole("button").nth(1);
    const name = await second.textContent();
    await second.click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(name);
    await page.getByRole("tab", { name: "Portfolio" }).click();
    await page.getByTestId("accounts-card").waitFor();
  });

  it("left nothing on the console", () => {
    expect(console).toEqual([]);
  });
});
