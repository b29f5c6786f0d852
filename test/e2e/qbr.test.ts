// The QBR from browser mode (dist/app.html on the sample workbook) in headless Chromium: for
// partners at different points of their life (an active partner with a quarter of history, one
// still onboarding, a prospect) the deck downloads, LibreOffice Impress renders it to PDF without
// error, and poppler turns each page into a picture (test/e2e/screenshots/qbr-*.png, to look at)
// and its text, which holds the slide's title and the partner's figures. "Build QBR sheet" writes
// the sheet into the workbook that "Save as" downloads, with its two native charts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLIDE_TITLES } from "../../addin/qbr/deck";
import { amount, qbrName } from "../../addin/qbr/format";
import { qbrInput } from "../../addin/qbr/input";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { isEngineError } from "../../engine/error";
import { buildQbr } from "../../engine/qbr";
import { portfolioReview } from "../../engine/qbr/portfolio";
import { periodCovers, ratingAsOf } from "../../engine/qbr/quarter";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { tool } from "../support/tools";

const SAMPLE = path.resolve(__dirname, "../../dist/partners.xlsx");
const PDFTOPPM = "/usr/bin/pdftoppm";
const NOW = new Date(2026, 9, 15, 10, 0, 0);
const QUARTER = "2026-Q3";

/** The page of the deck's PDF that holds the slide of `title`. */
const at = (title: (typeof SLIDE_TITLES)[number]) => SLIDE_TITLES.indexOf(title);

const ready = browserAvailable && libreOfficeAvailable() && tool(PDFTOPPM, "poppler-utils");

describe.skipIf(!ready)("the QBR from browser mode: deck rendered by LibreOffice, sheet saved in the workbook (Chromium)", () => {
  let page: Page;
  let sample: PartnerData;
  let dir: string;
  let app: App;
  let outside: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    sample = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(new Uint8Array(fs.readFileSync(SAMPLE))))).snapshot);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-qbr-"));
    app = await openApp({ now: NOW });
    ({ page, outside, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openQbr(id: string, quarter?: string): Promise<void> {
    await page.getByRole("tab", { name: "Partners", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(id);
    await page.locator(`button[data-partner="${id}"]`).click();
    await page.getByRole("tab", { name: "QBR", exact: true }).click();
    await page.getByTestId("qbr-facts").waitFor();
    if (quarter) await page.getByRole("combobox", { name: "Quarter" }).selectOption(quarter);
  }

  /** Downloads the deck, renders it to PDF with LibreOffice and each page to a PNG; returns each page's text. */
  async function render(id: string, shots: string): Promise<{ file: string; pages: string[] }> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download deck" }).click()]);
    const deck = path.join(dir, `${id}.pptx`);
    await download.saveAs(deck);
    const pdf = convert(deck, path.join(dir, "pdf"), "pdf");
    execFileSync(PDFTOPPM, ["-png", "-r", "60", pdf, path.join(SCREENSHOTS, shots)]);
    const count = fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${shots}-`) && f.endsWith(".png")).length;
    const pages = Array.from({ length: count }, (_, i) =>
      execFileSync("/usr/bin/pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }),
    );
    return { file: download.suggestedFilename(), pages };
  }

  const expectedReview = (id: string, quarter: string) => {
    const review = buildQbr(qbrInput(sample, id, quarter));
    if (isEngineError(review)) throw review;
    return review;
  };

  it("renders an active partner's deck, slide by slide, with its title and figures on each page", async () => {
    const partner = sample.partners.find((p) => p.id === "P0025")!;
    const review = expectedReview(partner.id, QUARTER);
    await openQbr(partner.id, QUARTER);
    for (const f of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith("qbr-active-"))) fs.rmSync(path.join(SCREENSHOTS, f));
    const { file, pages } = await render(partner.id, "qbr-active");
    expect(file).toBe(`${qbrName(partner.id, QUARTER)}.pptx`);
    expect(pages).toHaveLength(SLIDE_TITLES.length);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(SLIDE_TITLES[i]));
    expect(pages[0]).toContain(partner.name);
    expect(pages[0]).toContain(QUARTER);
    // The tier moved since the previous quarter, and the slide says from what to what.
    expect([review.tier.previous, review.tier.current]).toEqual(["BZ", "MGP"]);
    expect(pages[at("Tier, segment and pipeline")]).toMatch(/BZ/);
    expect(pages[at("Tier, segment and pipeline")]).toMatch(/MGP/);
    // And what it still lacks for the tier above.
    expect(review.tier.next).toBe("MVP");
    expect(pages[at("Tier, segment and pipeline")]).toContain("Missing for MVP");
    expect(review.tier.missing.length).toBeGreaterThan(0);
    for (const k of review.kpis) expect(pages[at("Plan against actual")]).toContain(k.kpi);
    // The plan's activities and its MDF, as the review counts them.
    expect(review.activities.mdf.balances).not.toBeNull();
    expect(pages[at("Plan activities and funds")]).toContain(`MDF of ${review.activities.period}`);
    for (const l of review.activities.lines) expect(pages[at("Plan activities and funds")]).toContain(l.activity.split(" ")[0]);
    await page.getByRole("status").filter({ hasText: `Downloaded ${qbrName(partner.id, QUARTER)}.pptx.` }).waitFor();
    expect(await page.getByTestId("qbr-facts").textContent()).toContain("TierMGP (was BZ)");
    // The plan's activities and MDF at a glance, as the review counts them.
    const fact = (term: string) => page.getByTestId("qbr-facts").locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]").textContent();
    expect(await fact("Activities")).toContain(`${review.activities.lines.length} in ${review.activities.period}`);
    expect(await fact("Activities")).toContain(`spend ${amount(review.activities.spend)} of ${amount(review.activities.budget)} budgeted`);
    expect(await fact("MDF")).toContain(`${amount(review.activities.mdf.balances!.available)} available`);
    expect(await fact("Next targets")).toContain(`${review.next.quarter} (plan ${review.next.period})`);
    // One plan period, named on the slides that use it: the plan slide and the approval on the actions slide.
    expect(review.planPeriod).not.toBeNull();
    expect(pages[at("Plan against actual")]).toContain(`Plan ${review.planPeriod}`);
    expect(pages[at("Actions")]).toContain(review.planPeriod as string);
    // The P&L slide shows ROI as the P&L tab does.
    expect(review.pnl).not.toBeNull();
    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    const roi = (await page.getByTestId("pnl-roi").textContent()) ?? "";
    expect(roi).toMatch(/^[−-]?\d+(\.\d)?%$/);
    expect(pages[at("Partner P&L")].replace(/-/g, "−")).toMatch(new RegExp(`ROI\\s+${roi.replace(".", "\\.")}`));
  });

  it("renders the deck of a partner still onboarding and of a prospect, whose reviews have little data", async () => {
    for (const status of ["Onboarding", "Prospect"] as const) {
      const partner = sample.partners.find((p) => p.status === status)!;
      await openQbr(partner.id);
      const quarter = await page.getByRole("combobox", { name: "Quarter" }).inputValue();
      const review = expectedReview(partner.id, quarter);
      const shots = `qbr-${status.toLowerCase()}`;
      for (const f of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${shots}-`))) fs.rmSync(path.join(SCREENSHOTS, f));
      const { pages } = await render(partner.id, shots);
      expect(pages).toHaveLength(SLIDE_TITLES.length);
      pages.forEach((text, i) => expect(text, `${status} page ${i + 1}`).toContain(SLIDE_TITLES[i]));
      expect(pages[0]).toContain(partner.name);
      // The P&L slide: the partner's figures (its own or the default assumptions), or why there are none.
      if (review.pnl) expect(pages[at("Partner P&L")]).toContain(`Break-even (payback)`);
      else expect(pages[at("Partner P&L")]).toContain("No P&L assumptions for this partner.");
    }
  });

  it("writes the QBR sheet into the workbook that Save as downloads, with its two native charts", async () => {
    await openQbr("P0025", QUARTER);
    const name = qbrName("P0025", QUARTER);
    await page.getByRole("button", { name: "Build QBR sheet" }).click();
    await page.getByRole("status").filter({ hasText: `Wrote the sheet "${name}".` }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "partner-qbr.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const book = await zip.file("xl/workbook.xml")!.async("string");
    expect(book).toContain(`name="${name}"`);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThanOrEqual(2);
  });

  it("shows one all-KPI figure, the weighted mean of each KPI's attainment, on the Plan tab, the QBR tab, the QBR sheet and the deck", async () => {
    const id = "P0025";
    const review = expectedReview(id, QUARTER);
    expect(review.kpis.length).toBeGreaterThan(1);
    const total = review.total!.attainment as number;
    // Units differ between KPIs, so the figure is not the sum of actuals over the sum of targets.
    const sums = review.kpis.reduce((s, k) => ({ t: s.t + (k.target ?? 0), a: s.a + (k.actual ?? 0) }), { t: 0, a: 0 });
    expect(Math.abs(total - sums.a / sums.t)).toBeGreaterThan(0.001);
    const asPercent = (text: string | null) => Number((text ?? "").replace(/[^0-9.]/g, "")) / 100;

    await openQbr(id, QUARTER);
    const fact = await page.getByTestId("qbr-facts").locator("dt", { hasText: /^Plan$/ }).locator("xpath=following-sibling::dd[1]").textContent();
    expect(fact).toContain(`${review.planPeriod}: `);
    expect(asPercent(fact!.split(":")[1].split("%")[0])).toBeCloseTo(total, 3);

    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await page.getByRole("combobox", { name: "Plan period" }).selectOption(review.planPeriod!);
    expect(asPercent(await page.getByTestId("plan-attainment").textContent())).toBeCloseTo(total, 3);

    await page.getByRole("tab", { name: "QBR", exact: true }).click();
    const { pages } = await render(id, "qbr-weighted");
    const line = pages[at("Plan against actual")].split("\n").find((l) => /^\s*All KPIs\b/.test(l));
    expect(line).toBeDefined();
    expect(asPercent(line!.match(/([0-9.]+)%/)![1])).toBeCloseTo(total, 3);

    const name = qbrName(id, QUARTER);
    await page.getByRole("button", { name: "Build QBR sheet" }).click();
    await page.getByRole("status").filter({ hasText: `Wrote the sheet "${name}".` }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const book = await zip.file("xl/workbook.xml")!.async("string");
    const rid = book.match(new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`))![1];
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const target = rels.match(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`))![1];
    const sheet = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
    const cell = sheet.match(/<c [^>]*><f>(_xldudf_PARTNER_PLAN_ATTAINMENT\([^<]*\))<\/f><v>([^<]+)<\/v><\/c>/);
    expect(cell, "the sheet's all-KPI cell: a live formula over the KPI rows with its value").not.toBeNull();
    expect(cell![1]).toMatch(/^_xldudf_PARTNER_PLAN_ATTAINMENT\(C\d+:C\d+,B\d+:B\d+,F\d+:F\d+\)$/);
    expect(Number(cell![2])).toBeCloseTo(total, 9);
  });

  it("shows the portfolio's quarter: approvals by quarter, partners off track and tier moves, each opening its partner", async () => {
    const expected = portfolioReview({ quarter: QUARTER, partners: sample.partners, engagement: sample.engagement, plans: sample.plans, approvals: sample.approvals });
    if (isEngineError(expected)) throw expected;
    expect(expected.tierMoves.length).toBeGreaterThan(10);
    expect(expected.tierMoves.some((m) => m.up) && expected.tierMoves.some((m) => !m.up)).toBe(true);

    await page.getByRole("tab", { name: "Portfolio", exact: true }).click();
    const card = page.getByTestId("quarter-review");
    await card.waitFor();
    await card.getByRole("combobox", { name: "Quarter" }).selectOption(QUARTER);
    await card.getByText(`Tier moves since 2026-Q2 (${expected.tierMoves.length})`).waitFor();
    await card.getByText(`Off track in ${QUARTER} (${expected.offTrack.length})`).waitFor();
    // A row per figure, a column per quarter.
    const table = card.getByRole("table", { name: "Plan acceptance and approval by quarter" });
    const rows = await table.getByRole("row").allTextContents();
    expect(rows[0]).toBe(["Quarter", ...expected.approvals.map((r) => r.quarter)].join(""));
    const approvals = expected.approvals;
    const figures = (f: (r: (typeof approvals)[number]) => number) => approvals.map(f).join("");
    expect(rows.slice(1)).toEqual([
      `Plans${figures((r) => r.plans)}`,
      `Accepted${figures((r) => r.accepted)}`,
      `Approved${figures((r) => r.approved)}`,
      `Approved without acceptance${figures((r) => r.approvedWithoutAcceptance)}`,
      `Open${figures((r) => r.open)}`,
    ]);
    // At a task pane's width every quarter's column is in view.
    const box = (await card.boundingBox())!;
    for (const r of expected.approvals) {
      const cell = (await table.getByRole("columnheader", { name: r.quarter }).boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
    }
    const items = await card.getByRole("listitem").allTextContents();
    const first = expected.tierMoves[0];
    expect(items).toContain(`${first.name} ${first.from} → ${first.to} ${first.up ? "(up)" : "(down)"}`);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "portfolio-quarter.png") });
    await card.getByRole("button", { name: first.name, exact: true }).click();
    await expect.poll(() => page.getByTestId("partner-name").textContent()).toBe(first.name);
  });

  it("states the same tier and the same sign-offs for a quarter on the partner's page, in its QBR and on its Plan tab", async () => {
    // A partner whose latest plan is a year with no approval of its own, signed off quarter by quarter.
    const id = sample.partners
      .map((p) => p.id)
      .find((pid) => {
        const plan = sample.plansOf(pid).at(-1);
        const approvals = sample.approvalsOf(pid);
        return plan && /^FY/.test(plan.period) && !approvals.some((a) => a.period === plan.period) && approvals.some((a) => periodCovers(plan.period, a.period));
      });
    expect(id).toBeDefined();
    const partnerId = id as string;
    const rated = ratingAsOf(sample.engagementOf(partnerId));
    expect(rated).not.toBeNull();
    const review = expectedReview(partnerId, rated!.quarter);

    await openQbr(partnerId, rated!.quarter);
    const header = (await page.getByTestId("partner-tier").textContent()) ?? "";
    expect(header).toBe(`Tier: ${review.tier.current} (${rated!.quarter})`);
    const facts = page.getByTestId("qbr-facts");
    const tierFact = await facts.locator("dt", { hasText: /^Tier$/ }).locator("xpath=following-sibling::dd[1]").textContent();
    expect(tierFact?.startsWith(review.tier.current as string)).toBe(true);
    expect(tierFact).not.toContain("not rated");

    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    const plan = sample.plansOf(partnerId).at(-1)!;
    const within = sample.approvalsOf(partnerId).filter((a) => periodCovers(plan.period, a.period));
    const note = (await page.getByTestId("sign-offs-within").textContent()) ?? "";
    expect(note).toContain(`Sign-offs recorded for periods within ${plan.period}`);
    for (const a of within) expect(note).toContain(`${a.period} ${a.state}`);

    await page.getByRole("tab", { name: "Portfolio", exact: true }).click();
    const card = page.getByTestId("quarter-review");
    await card.getByRole("combobox", { name: "Quarter" }).selectOption(QUARTER);
    const portfolio = portfolioReview({ quarter: QUARTER, partners: sample.partners, engagement: sample.engagement, plans: sample.plans, approvals: sample.approvals });
    if (isEngineError(portfolio)) throw portfolio;
    const rule = (await card.getByTestId("tier-rule").textContent()) ?? "";
    expect(rule).toContain(portfolio.rated ? `${portfolio.rated} partners rated in ${QUARTER}` : `No partner has been rated in ${QUARTER} yet`);
    expect(rule).toContain("latest Engagement rating up to the quarter's end");
  });

  it("raised no page error and sent no request outside its own origin", () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
