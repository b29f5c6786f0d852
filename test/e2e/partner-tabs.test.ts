// The Engagement, Scorecard and Plan tabs of the Partner view in browser mode (dist/app.html on the
// sample workbook), in headless Chromium at a task pane's width: a channel manager ticks the
// engagement checklist and sees the tier and what is missing for the next one, reads the scorecard's
// stage and gaps, updates an actual, marks a task done and takes a plan through submission,
// acceptance and approval. "Save as" downloads the workbook, and every row is checked in the file.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestScorecard, scorecardTopics, stageScores, gapInputs } from "../../addin/taskpane/model/scorecard";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { isEngineError } from "../../engine/error";
import { dateSerial } from "../../engine/excel/date";
import { ENGAGEMENT, nextTier } from "../../engine/tier";
import { gaps, stage } from "../../engine/scorecard";
import { pace, periodDates, status } from "../../engine/plan";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
/** The day the page believes it is (local time), so that dates and pace are fixed. */
const NOW = new Date(2026, 9, 15, 10, 0, 0);
const TODAY = dateSerial(2026, 10, 15);
const PERIOD = "2026-Q4";
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<PartnerData> {
  const adapter = await XlsxAdapter.open(new Uint8Array(bytes));
  return new PartnerData(snapshotOf(await adapter.read()));
}

describe.skipIf(!browserAvailable)("Engagement, Scorecard and Plan tabs (browser mode, Chromium)", () => {
  let page: Page;
  let sample: PartnerData;
  /** The partner the channel manager works on, and a second one approved without acceptance. */
  let partner: string;
  let other: string;
  let app: App;
  let outside: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    sample = await readWorkbook(fs.readFileSync(SAMPLE));
    const candidates = sample.partners.filter(
      (p) =>
        p.status === "Active" &&
        sample.plansOf(p.id).some((k) => k.period === "FY2026" && k.kpi === "Revenue") &&
        sample.tasksOf(p.id).some((t) => t.done === null) &&
        sample.scorecardsOf(p.id).length > 0,
    );
    [partner, other] = candidates.map((p) => p.id);
    app = await openApp({ now: NOW });
    ({ page, outside, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function open(id: string, tab: string) {
    await page.getByRole("tab", { name: "Partners" }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(id);
    await page.locator(`button[data-partner="${id}"]`).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByRole("tab", { name: tab, exact: true }).click();
  }

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const status_ = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const answer = (id: string) => page.getByRole("checkbox", { name: ENGAGEMENT.find((e) => e.id === id)!.label, exact: true });

  it("rates the tier live from the checklist, says what is missing for the next tier, and saves the period's row", async () => {
    await open(partner, "Engagement");
    // This quarter has no checklist yet: the form starts from the partner's last one.
    await expect.poll(() => page.getByText("Starting from the checklist of 2026-Q3.").count()).toBe(1);
    for (const e of ENGAGEMENT) await answer(e.id).setChecked(false);
    const opportunities = page.getByRole("spinbutton", { name: "Opportunities referred or closed" });
    await opportunities.fill("0");
    await opportunities.press("Tab");
    expect(await page.getByTestId("engagement-tier").textContent()).toBe("BZ");
    const toStp = page.getByTestId("next-tier");
    expect(await toStp.textContent()).toContain("Missing for STP (Second Tier Partner)");

    for (const id of ["optIn", "meets", "access", "visible"]) await answer(id).check();
    // The checklist works from the keyboard: Space ticks the focused question.
    await answer("suggests").focus();
    await page.keyboard.press("Space");
    expect(await answer("suggests").isChecked()).toBe(true);
    await opportunities.fill("4");
    await opportunities.press("Tab");
    expect(await page.getByTestId("engagement-tier").textContent()).toBe("MGP");
    const answers = ENGAGEMENT.map((e) => ["optIn", "meets", "access", "visible", "suggests"].includes(e.id));
    const expected = nextTier(answers, 4);
    if (isEngineError(expected)) throw expected;
    const items = await page.getByTestId("next-tier").getByRole("listitem").allTextContents();
    expect(items).toEqual(expected.missing.map((c) => c.label));
    expect(items).toEqual(["Tells us what we need to do to succeed", "Refers us to new potential MGPs", "Consistently refers or closes at least 10 sales opportunities (now 4)"]);
    expect(await page.getByTestId("next-tier").textContent()).toContain("Missing for MVP (Most Valuable Partner)");

    await page.getByRole("button", { name: "Save engagement" }).click();
    await status_(`Saved the engagement of ${PERIOD}`).waitFor();
    expect(await page.getByTestId("partner-tier").textContent()).toBe(`Tier: MGP (${PERIOD})`);
    await expect.poll(() => page.getByText(`Editing the checklist of ${PERIOD}.`).count()).toBe(1);
    await shot("partner-engagement");
  });

  it("shows the life stage and the improvement plan from the latest scorecard, and the stage follows an edit", async () => {
    await open(partner, "Scorecard");
    const topics = scorecardTopics(sample, partner);
    const expectedStage = stage(stageScores(latestScorecard(sample.scorecardsOf(partner))));
    expect(await page.getByTestId("scorecard-stage").textContent()).toBe(expectedStage);
    const input = gapInputs(topics);
    const top = gaps(input.topics, input.scores, input.targets, input.weights);
    if (isEngineError(top)) throw top;
    const items = page.getByTestId("scorecard-gaps").getByRole("listitem");
    const shown = await items.allTextContents();
    const summaries = await items.getByTestId("gap-summary").allTextContents();
    const ranked = top.filter((g) => g.gap > 0);
    expect(shown).toHaveLength(ranked.length);
    ranked.forEach((g, i) => {
      expect(shown[i].startsWith(`${g.topic} `)).toBe(true);
      expect(summaries[i].endsWith(` of ${Math.round(g.target)} · gap ${Math.round(g.gap)}`)).toBe(true);
    });
    await shot("partner-scorecard");

    // Failing the first topic of Fit puts the partner back at the Fit stage, and the topic tops the plan.
    const first = topics[0];
    const score = page.getByRole("spinbutton", { name: `${first.topic} Score`, exact: true });
    await score.fill("5");
    await score.press("Tab");
    expect(await page.getByTestId("scorecard-stage").textContent()).toBe("Fit");
    await page.getByRole("button", { name: "Save scorecard" }).click();
    await status_("Saved the scorecard of 2026-10-15").waitFor();
    expect(await page.getByTestId("partner-name").locator("xpath=..").getByText("Stage: Fit").count()).toBe(1);
  });

  it("updates an actual and sees the status change, marks a task done, and takes the plan through submit, accept and approve", async () => {
    await open(partner, "Plan");
    const revenue = sample.plansOf(partner).find((k) => k.period === "FY2026" && k.kpi === "Revenue")!;
    const target = revenue.target!;
    const before = status(revenue.actual!, target);
    expect(await page.getByTestId("kpi-status-Revenue").textContent()).toBe(before);
    // An actual that changes the status: the full target when behind, half of it when on track.
    const actual = before === "On track" ? Math.round(target / 2) : target;
    const after = status(actual, target);
    expect(after).not.toBe(before);
    const field = page.getByRole("spinbutton", { name: "Revenue Actual", exact: true });
    await field.fill(String(actual));
    await field.press("Tab");
    expect(await page.getByTestId("kpi-status-Revenue").textContent()).toBe(after);
    const { start, end } = periodDates("FY2026")!;
    const paced = pace(actual, target, start, end, TODAY) as number;
    expect(await page.getByTestId("kpi-figures-Revenue").textContent()).toBe(`Attainment ${percent.format(actual / target)} · Pace ${percent.format(paced)}`);
    await page.getByRole("button", { name: "Save KPIs" }).click();
    await status_("Saved the KPIs of FY2026: 1 cell updated, 0 rows added.").waitFor();

    const task = sample.tasksOf(partner).find((t) => t.done === null)!;
    await page.getByRole("button", { name: `Mark done: ${task.task}` }).click();
    await status_(`Marked "${task.task}" done on 2026-10-15.`).waitFor();
    expect(await page.getByTestId(`task-status-${task.task}`).textContent()).toBe("Done");

    expect(await page.getByTestId("plan-state").textContent()).toBe("Draft");
    const sign = async (name: string, role: string, comment: string, button: string, state: string) => {
      await page.getByRole("textbox", { name: "Your name" }).fill(name);
      await page.getByRole("combobox", { name: "Acting as" }).selectOption(role);
      await page.getByRole("textbox", { name: "Comment" }).fill(comment);
      await page.getByRole("button", { name: button }).click();
      await expect.poll(() => page.getByTestId("plan-state").textContent()).toBe(state);
    };
    // Only the role whose turn it is gets a button.
    await page.getByRole("combobox", { name: "Acting as" }).selectOption("partner");
    expect(await page.getByRole("button", { name: "Accept the plan" }).count()).toBe(0);
    await sign("Amelia Hart", "manager", "Joint plan agreed in the QBR", "Submit to the partner", "Submitted");
    await sign("Chloé Dubois", "partner", "Signed for the partner", "Accept the plan", "Accepted");
    await sign("Helena Vogt", "executive", "Approved for FY2026", "Approve the plan", "Approved");
    await status_("Approved: the plan of FY2026 is now Approved.").waitFor();
    expect(await page.getByTestId("approved-without-acceptance").count()).toBe(0);
    expect(await page.getByTestId("history-FY2026").textContent()).toContain("accepted by Chloé Dubois on 2026-10-15 · approved by Helena Vogt on 2026-10-15");
    expect(await page.evaluate(() => localStorage.getItem("partnerfit.name"))).toBe("Helena Vogt");
    await shot("partner-plan");
  });

  it("records an approval without the partner's acceptance as such, and a new target sends the plan back to Draft", async () => {
    await open(other, "Plan");
    // The name and role typed for the last partner are remembered.
    expect(await page.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Helena Vogt");
    await page.getByRole("combobox", { name: "Acting as" }).selectOption("manager");
    await page.getByRole("textbox", { name: "Your name" }).fill("Amelia Hart");
    await page.getByRole("button", { name: "Submit to the partner" }).click();
    await expect.poll(() => page.getByTestId("plan-state").textContent()).toBe("Submitted");
    await page.getByRole("combobox", { name: "Acting as" }).selectOption("executive");
    await page.getByRole("textbox", { name: "Your name" }).fill("Helena Vogt");
    await page.getByRole("textbox", { name: "Comment" }).fill("Start the year");
    await page.getByRole("button", { name: "Approve the plan" }).click();
    await page.getByTestId("approved-without-acceptance").waitFor();
    expect(await page.getByTestId("plan-state").textContent()).toBe("Approved");
    // The card's own step keeps its message as the state moves.
    await status_("is now Approved.").waitFor();
    await shot("partner-plan-without-acceptance");

    const field = page.getByRole("spinbutton", { name: "Pipeline Target", exact: true });
    await field.fill("2,000,000");
    await field.press("Tab");
    await page.getByRole("button", { name: "Save KPIs" }).click();
    await status_("a target changed, so the plan is back to Draft").waitFor();
    expect(await page.getByTestId("plan-state").textContent()).toBe("Draft");
    expect(await page.getByTestId("approved-without-acceptance").count()).toBe(0);
    // "…is now Approved" no longer holds: it is gone from the approval card.
    await expect.poll(() => page.getByRole("status").filter({ hasText: "is now Approved" }).count()).toBe(0);
  });

  it("refuses a step without a name, and a rejection without a reason, writing nothing", async () => {
    await open(other, "Plan");
    await page.getByRole("combobox", { name: "Acting as" }).selectOption("manager");
    await page.getByRole("textbox", { name: "Your name" }).fill("");
    await page.getByRole("button", { name: "Submit to the partner" }).click();
    await page.getByRole("alert").filter({ hasText: "Enter your name above" }).waitFor();
    expect(await page.getByTestId("plan-state").textContent()).toBe("Draft");
    await page.getByRole("textbox", { name: "Your name" }).fill("Amelia Hart");
    await page.getByRole("button", { name: "Submit to the partner" }).click();
    await expect.poll(() => page.getByTestId("plan-state").textContent()).toBe("Submitted");
    await page.getByRole("combobox", { name: "Acting as" }).selectOption("partner");
    await page.getByRole("textbox", { name: "Your name" }).fill("Chloé Dubois");
    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByRole("alert").filter({ hasText: "say why the plan is rejected" }).waitFor();
    expect(await page.getByTestId("plan-state").textContent()).toBe("Submitted");
  });

  it("saves every change into the downloaded workbook, exactly as entered, and nothing else", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const saved = await readWorkbook(fs.readFileSync((await download.path())!));

    expect(saved.engagementOf(partner).at(-1)).toEqual({
      partnerId: partner,
      answers: ENGAGEMENT.map((e) => ["optIn", "meets", "access", "visible", "suggests"].includes(e.id)),
      opportunities: 4,
      period: PERIOD,
      prospect: false,
    });
    expect(saved.engagementOf(partner).slice(0, -1)).toEqual(sample.engagementOf(partner));

    const task = sample.tasksOf(partner).find((t) => t.done === null)!;
    expect(saved.tasksOf(partner)).toEqual(sample.tasksOf(partner).map((t) => (t === task ? { ...t, done: TODAY } : t)));

    const comment = (lines: string[]) => lines.map((l) => `2026-10-15 ${l}`).join("\n");
    expect(saved.approvalsOf(partner).find((a) => a.period === "FY2026")).toEqual({
      partnerId: partner,
      period: "FY2026",
      state: "Approved",
      acceptedBy: "Chloé Dubois",
      acceptedOn: TODAY,
      approvedBy: "Helena Vogt",
      approvedOn: TODAY,
      comment: comment([
        "Submitted by Amelia Hart (channel manager): Joint plan agreed in the QBR",
        "Accepted by Chloé Dubois (partner): Signed for the partner",
        "Approved by Helena Vogt (channel executive): Approved for FY2026",
      ]),
    });
    const pipeline = sample.plansOf(other).find((k) => k.period === "FY2026" && k.kpi === "Pipeline")!;
    expect(saved.approvalsOf(other).find((a) => a.period === "FY2026")).toEqual({
      partnerId: other,
      period: "FY2026",
      state: "Submitted",
      acceptedBy: null,
      acceptedOn: null,
      approvedBy: null,
      approvedOn: null,
      comment: comment([
        "Submitted by Amelia Hart (channel manager)",
        "Approved without the partner's acceptance by Helena Vogt (channel executive): Start the year",
        `Edited (back to Draft) by Helena Vogt (channel executive): Targets changed: Pipeline ${pipeline.target!.toLocaleString("en-US")} → 2,000,000`,
        "Submitted by Amelia Hart (channel manager)",
      ]),
    });

    const revenue = sample.plansOf(partner).find((k) => k.period === "FY2026" && k.kpi === "Revenue")!;
    const actual = status(revenue.actual!, revenue.target!) === "On track" ? Math.round(revenue.target! / 2) : revenue.target!;
    expect(saved.plansOf(partner)).toEqual(sample.plansOf(partner).map((k) => (k === revenue ? { ...k, actual } : k)));
    expect(saved.plansOf(other)).toEqual(sample.plansOf(other).map((k) => (k === pipeline ? { ...k, target: 2_000_000 } : k)));

    const assessed = saved.scorecardsOf(partner).filter((s) => s.date === TODAY);
    const topics = scorecardTopics(sample, partner);
    expect(assessed.map((s) => [s.category, s.topic, s.score, s.target])).toEqual(topics.map((t, i) => [t.category, t.topic, i === 0 ? 5 : t.score, t.target]));

    // Every other partner's rows are as they were.
    const rest = (data: PartnerData) =>
      data.partners
        .filter((p) => p.id !== partner && p.id !== other)
        .map((p) => [data.engagementOf(p.id), data.scorecardsOf(p.id), data.plansOf(p.id), data.tasksOf(p.id), data.approvalsOf(p.id), data.auditsOf(p.id)]);
    expect(rest(saved)).toEqual(rest(sample));
    expect(saved.approvals).toHaveLength(sample.approvals.length + 2);
  });

  it("reads well in a dark theme", async () => {
    const dark = await app.browser.context.newPage();
    dark.on("pageerror", (e) => errors.push(e.message));
    await dark.emulateMedia({ colorScheme: "dark" });
    await dark.clock.setFixedTime(NOW);
    await dark.goto(`${app.server.url}app.html`);
    await dark.getByRole("searchbox", { name: "Search partners" }).fill(other);
    await dark.locator(`button[data-partner="${other}"]`).click();
    await dark.getByRole("tab", { name: "Plan", exact: true }).click();
    await dark.getByTestId("plan-state").waitFor();
    const color = await dark.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await dark.screenshot({ path: path.join(SCREENSHOTS, "partner-plan-dark.png"), fullPage: true });
    await dark.close();
  });

  it("raised no page error and sent no request outside its own origin", () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
