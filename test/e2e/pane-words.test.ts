// The pane as a new user meets it, in browser mode on the sample workbook (a development build, so
// that React's and Fluent UI's warnings would reach the console), in headless Chromium at a narrow
// task pane's width and at a wide window's: text that is not a number, or a score out of range, is
// refused with the field's message and never computed with (no "NaN" anywhere, nothing in the
// console); the P&L names its drivers in words with amounts grouped and rates in per cent, and a
// rate typed in per cent is saved as the fraction; a weighted gap shows its sum; dates read
// YYYY-MM-DD.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Draft, assumptionLines, mergedAssumptions } from "../../addin/taskpane/model/assumptions";
import { DRIVER_WORDS } from "../../addin/taskpane/model/drivers";
import { gapInputs, scorecardTopics } from "../../addin/taskpane/model/scorecard";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { isEngineError } from "../../engine/error";
import { DRIVERS, type DriverName, pnlSummary } from "../../engine/pnl";
import { gaps } from "../../engine/scorecard";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { devBuild } from "../browser/dev-build";
import { type StaticServer, serve } from "../browser/server";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
/** A sample partner with its own assumptions (licence revenue, margin, staff, marketing), a weighted scorecard, a plan and tasks. */
const PARTNER = "P0025";
/** The day the page believes it is (local time). */
const NOW = new Date(2026, 9, 15, 10, 0, 0);
/** That day as an Excel serial, worked out here from the 1899-12-30 epoch. */
const TODAY = (Date.UTC(2026, 9, 15) - Date.UTC(1899, 11, 30)) / 86_400_000;
const WIDTHS = [350, 1400];

async function dataOf(bytes: Uint8Array): Promise<PartnerData> {
  return new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(bytes))).snapshot);
}

function ok<T>(value: T): Exclude<T, Error> {
  if (isEngineError(value)) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value as Exclude<T, Error>;
}

/** An Excel date serial as YYYY-MM-DD, worked out here from the 1899-12-30 epoch. */
const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const grouped = (n: number) => n.toLocaleString("en-US");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(!browserAvailable)("Field messages, drivers in words and dates (browser mode, development build, Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let sample: PartnerData;

  beforeAll(async () => {
    sample = await dataOf(fs.readFileSync(SAMPLE));
    server = await serve(devBuild());
    browser = await launch();
    await browser.context.route("**/*", (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(WIDTHS)("at %i px", (width) => {
    let page: Page;
    /** Warnings and errors the page wrote to its console, and errors it raised. */
    const problems: string[] = [];

    beforeAll(async () => {
      page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      page.on("console", (m) => {
        if (m.type() === "warning" || m.type() === "error") problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      await page.clock.setFixedTime(NOW);
      await page.goto(`${server.url}app.html`);
      await page.getByTestId("partner-count").waitFor();
      await page.getByRole("searchbox", { name: "Search partners" }).fill(PARTNER);
      await page.locator(`button[data-partner=${PARTNER}]`).click();
      await page.getByTestId("partner-name").waitFor();
    });
    afterAll(async () => {
      await page?.close();
    });

    async function open(tab: string) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
    }
    const text = () => page.evaluate(() => document.body.innerText);
    /** The messages a field shows for its control (Fluent's Field links them by aria-describedby). */
    async function messageOf(control: Locator): Promise<string> {
      const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.join(" ").trim();
    }
    async function enter(control: Locator, value: string) {
      await control.fill(value);
      await control.press("Tab");
    }
    /** Nothing on the page is wider than the pane (the P&L table scrolls in its own region), and the page does not scroll sideways. */
    async function fitsWidth() {
      const over = await page.evaluate((w) =>
        [...document.body.querySelectorAll("*")]
          .filter((e) => !e.closest('[role="region"][tabindex="0"]') && e.getBoundingClientRect().right > w + 0.5)
          .map((e) => `${e.tagName} ${e.textContent?.slice(0, 30)}`),
      width);
      expect(over).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });

    it("shows the partner's signing date as YYYY-MM-DD", async () => {
      const signed = sample.partner(PARTNER)!.signedDate!;
      expect(await page.getByTestId("partner-name").locator("xpath=..").textContent()).toContain(`signed ${iso(signed)}`);
    });

    it("Scorecard: refuses text and scores out of range in the field, computes nothing from them, and shows each gap's sum", async () => {
      await open("Scorecard");
      const topics = scorecardTopics(sample, PARTNER);
      const first = topics[0];
      const score = page.getByRole("spinbutton", { name: `${first.topic} Score`, exact: true });
      await score.waitFor();
      const stageBefore = await page.getByTestId("scorecard-stage").textContent();

      await enter(score, "abc");
      await poll(() => messageOf(score)).toBe("Enter a number from 0 to 100, e.g. 75.");
      expect(await score.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByTestId("scorecard-stage").textContent()).toBe("—");
      expect(await page.getByTestId(`stage-score-${first.category}`).textContent()).toBe("check");
      expect(await text()).not.toContain("NaN");

      await enter(score, "150");
      await poll(() => messageOf(score)).toBe("Enter a number from 0 to 100: 150 is above 100.");
      expect(await text()).not.toContain("NaN");
      await page.getByRole("button", { name: "Save scorecard" }).click();
      await poll(() => page.getByText("Scores and targets are from 0 to 100; correct the fields marked below.").count()).toBe(1);

      await enter(score, "1,5");
      await poll(() => messageOf(score)).toBe("Enter a number from 0 to 100, e.g. 75.");

      await enter(score, String(first.score));
      await poll(() => messageOf(score)).toBe("");
      // Corrected, the form is no longer said to be refused.
      await poll(() => page.getByText("Scores and targets are from 0 to 100; correct the fields marked below.").count()).toBe(0);
      expect(await page.getByTestId("scorecard-stage").textContent()).toBe(stageBefore);

      // Each gap with its sum: (target − score) × weight, the figures the engine ranked.
      const input = gapInputs(topics);
      const ranked = ok(gaps(input.topics, input.scores, input.targets, input.weights)).filter((g) => g.gap > 0);
      const explained = await page.getByTestId("gap-explanation").allTextContents();
      expect(explained).toHaveLength(ranked.length);
      ranked.forEach((g, i) => {
        const topic = topics.find((t) => t.topic === g.topic)!;
        const match = /^(Not scored, so 0: )?gap ([\d.,]+) = \(([\d.,]+) − ([\d.,]+)\) × weight ([\d.,]+)$/.exec(explained[i]);
        expect(match, explained[i]).not.toBeNull();
        const [, notScored, gap, target, scored, weight] = match!;
        expect([Number(gap), Number(target), Number(scored), Number(weight)]).toEqual([g.gap, g.target, g.score, topic.weight]);
        expect((Number(target) - Number(scored)) * Number(weight)).toBe(Number(gap));
        expect(Boolean(notScored)).toBe(topic.score === null);
      });
      // The weighted one the sample has: Campaign execution, 73 of 75 with weight 2.
      expect(explained).toContain("gap 4 = (75 − 73) × weight 2");

      // Dates: the latest assessment and the date field, YYYY-MM-DD.
      const latest = Math.max(...sample.scorecardsOf(PARTNER).map((r) => r.date ?? 0));
      expect(await text()).toContain(`Latest assessment: ${iso(latest)}.`);
      const date = page.getByLabel("Assessment date");
      expect(await date.inputValue()).toBe("2026-10-15");
      await date.fill("10/15/2026");
      await poll(() => messageOf(date)).toBe("Enter a date as YYYY-MM-DD.");
      await date.fill("2026-10-15");
      await poll(() => messageOf(date)).toBe("");

      await fitsWidth();
      await shot("pane-words-scorecard");
      expect(problems).toEqual([]);
    });

    it("Audit: the audit it starts from is dated YYYY-MM-DD, and so is the date field", async () => {
      await open("Audit");
      const date = page.getByLabel("Audit date");
      await date.waitFor();
      expect(await date.inputValue()).toBe("2026-10-15");
      const latest = Math.max(...sample.auditsOf(PARTNER).map((a) => a.date!).filter((d) => d < TODAY));
      expect(await text()).toContain(`Starting from the audit of ${iso(latest)}.`);
      await date.fill("15.10.2026");
      await poll(() => messageOf(date)).toBe("Enter a date as YYYY-MM-DD.");
      expect(await page.getByRole("button", { name: "Save audit" }).isDisabled()).toBe(true);
      await date.fill("2026-10-15");
      await fitsWidth();
      await shot("pane-words-audit");
      expect(problems).toEqual([]);
    });

    it("Plan: a target that is not a number is refused in the field and never reaches an input as NaN; dates are YYYY-MM-DD", async () => {
      await open("Plan");
      const target = page.getByRole("spinbutton", { name: "Revenue Target", exact: true });
      await target.waitFor();
      await enter(target, "abc");
      await poll(() => messageOf(target)).toBe("Enter a number, e.g. 1,250,000.");
      expect(await page.getByTestId("kpi-figures-Revenue").textContent()).toBe("Attainment — · Pace —");
      expect(await page.getByTestId("plan-attainment").count()).toBe(0);
      expect(await text()).not.toContain("NaN");
      // A number typed afterwards is taken, grouped as typed.
      await enter(target, "1,300,000");
      await poll(() => messageOf(target)).toBe("");
      expect(await target.inputValue()).toBe("1,300,000");
      await page.getByRole("button", { name: "Undo changes" }).click();

      expect(await text()).toContain("2026-01-01 to 2026-12-31; pace as of today, 2026-10-15.");
      for (const task of sample.tasksOf(PARTNER)) {
        // In the Tasks list (a fund request may name the same activity).
        const line = await page.getByRole("list", { name: "Tasks" }).getByRole("listitem").filter({ hasText: task.task }).first().textContent();
        expect(line).toContain(`due ${iso(task.due!)}`);
        if (task.done !== null) expect(line).toContain(`done ${iso(task.done)}`);
      }
      const dates = (await text()).match(/\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g) ?? [];
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates) expect(d).toMatch(ISO);
      await fitsWidth();
      expect(problems).toEqual([]);
    });

    describe("P&L", () => {
      const driver = (name: DriverName) => page.getByTestId(`driver-${name}`);
      const header = (name: DriverName) => driver(name).getByRole("button").first();
      const box = (name: DriverName, which = "Value (year 1)") => page.getByRole("textbox", { name: `${DRIVER_WORDS[name].label}, ${which}` });
      async function expand(name: DriverName) {
        if ((await header(name).getAttribute("aria-expanded")) !== "true") await header(name).click();
        await box(name).waitFor();
      }
      async function collapse(name: DriverName) {
        if ((await header(name).getAttribute("aria-expanded")) === "true") await header(name).click();
      }
      const npv = async () => Number(await page.getByTestId("pnl-npv").getAttribute("data-value"));
      const expectedNpv = (drafts: [string, Draft][]) => ok(pnlSummary(mergedAssumptions(assumptionLines(sample, PARTNER), new Map(drafts)).rows)).npv;
      const own = (name: string) => sample.assumptionsOf(PARTNER).find((a) => a.name === name)!.values.filter((v): v is number => v !== null);

      it("names every driver in words, amounts grouped, rates in per cent, the horizon in years; the table's name only as a hint", async () => {
        await open("P&L");
        await page.getByTestId("pnl-npv").waitFor();
        for (const d of DRIVERS) {
          const shown = (await header(d.name).textContent())!;
          expect(shown.startsWith(DRIVER_WORDS[d.name].label), shown).toBe(true);
          expect(shown).not.toMatch(/_/);
        }
        // The partner's own figures: 625,000 a year of licences at a 27% margin, marketing 57,000 then 30,000 and 25,000.
        expect(await header("license_revenue").textContent()).toContain(grouped(own("license_revenue")[0]));
        expect(await header("product_margin").textContent()).toContain(`${Math.round(own("product_margin")[0] * 100)}%`);
        expect(await header("marketing_cost").textContent()).toContain(own("marketing_cost").map(grouped).join(" → "));
        const years = sample.defaultAssumptions().find((a) => a.name === "years")!.values[0]!;
        expect(await header("years").textContent()).toContain(`${years} years`);
        const ramp = sample.defaultAssumptions().find((a) => a.name === "ramp")!.values.filter((v): v is number => v !== null);
        expect((await header("ramp").textContent())!.replace(/\s+/g, " ")).toContain(`${Math.round(ramp[0] * 100)}%`);

        // No engine name and no American spelling of the noun on screen with every driver closed.
        const closed = await text();
        expect(closed.match(/\b[a-z]+_[a-z_]+\b/g)).toBeNull();
        expect(closed).not.toMatch(/\blicense\b/i);
        expect(closed).toMatch(/\bLicence revenue\b/);
        // The assumptions hold no fraction for a rate and no ungrouped amount.
        const assumptions = await page.locator(".fui-Card").filter({ has: page.getByRole("heading", { name: "Assumptions" }) }).innerText();
        expect(assumptions).not.toMatch(/\b0\.\d+\b/);
        expect(assumptions).not.toMatch(/\b\d{4,}\b/);

        // Open, a driver shows its boxes in its units, and the table's name in a muted hint.
        await expand("license_revenue");
        expect(await box("license_revenue").inputValue()).toBe(grouped(own("license_revenue")[0]));
        expect(await driver("license_revenue").getByTestId("driver-key").textContent()).toBe("license_revenue");
        await expand("product_margin");
        expect(await box("product_margin").inputValue()).toBe(String(Math.round(own("product_margin")[0] * 100)));
        expect(await driver("product_margin").locator(".fui-Input__contentAfter").first().textContent()).toBe("%");
        const keys = await page.evaluate(() =>
          (document.body.innerText.match(/\b[a-z]+_[a-z_]+\b/g) ?? []).filter((k) => ![...document.querySelectorAll('[data-testid="driver-key"]')].some((e) => e.textContent === k)),
        );
        expect(keys).toEqual([]);

        // The tornado and the Monte Carlo name drivers in words too.
        const bars = await page.getByTestId("tornado").locator("svg text").allTextContents();
        expect(bars.length).toBeGreaterThan(3);
        for (const label of bars) expect(label).not.toMatch(/_/);
        const uncertain = page.getByRole("group", { name: "Uncertain drivers" });
        expect(await uncertain.getByRole("combobox", { name: "Driver" }).first().evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(
          "Licence revenue per year",
        );
        expect(await uncertain.getByRole("textbox", { name: "Licence revenue per year, mean" }).inputValue()).toBe(grouped(own("license_revenue")[0]));
        // Pointing at a tornado label gives the driver's full name and the table's name for it.
        const hints = await page.getByTestId("tornado").locator("svg g > title").allTextContents();
        expect(hints).toContain(`${DRIVER_WORDS.license_revenue.label} (license_revenue in the Assumptions table)`);
        await fitsWidth();
        await shot("pane-words-pnl");
        await collapse("product_margin");
        expect(problems).toEqual([]);
      });

      it("refuses text that is not a number with the right message, accepts grouped thousands, and never says blank of a value that is not", async () => {
        await expand("license_revenue");
        const value = box("license_revenue");
        const before = await npv();
        for (const [typed, message] of [
          ["abc", "Enter a number, e.g. 300,000."],
          ["1,5", "Enter a number, e.g. 300,000. Decimals take a point: 1.5."],
          ["25%", "Enter an amount, not a percentage, e.g. 300,000."],
        ]) {
          await value.fill(typed);
          await poll(() => messageOf(value)).toBe(message);
          expect(await page.getByTestId("pnl-error").textContent()).toBe(`Licence revenue per year, Value (year 1): ${message}`);
          expect(await text()).not.toMatch(/blank|NaN/);
          expect(await page.getByRole("button", { name: "Save overrides" }).isDisabled()).toBe(true);
        }
        for (const typed of ["300 000", "300,000", "300000"]) {
          await value.fill(typed);
          await poll(() => messageOf(value)).toBe("");
          await poll(npv).toBe(expectedNpv([["license_revenue", { kind: "override", text: ["300000"] }]]));
        }
        expect(await npv()).not.toBe(before);
        await value.fill("");
        await poll(() => messageOf(value)).toBe("Enter a value for year 1.");
        await driver("license_revenue").getByRole("button", { name: "Undo edit" }).click();
        await poll(npv).toBe(before);

        // A rate above what the driver allows is refused in per cent.
        await expand("retention");
        await box("retention").fill("120");
        await poll(() => messageOf(box("retention"))).toBe("Enter a number from 0% to 100%: 120% is above 100%.");
        await driver("retention").getByRole("button", { name: "Undo edit" }).click();
        expect(await text()).not.toContain("NaN");
        expect(problems).toEqual([]);
      });

      it("Monte Carlo: an uncertain driver's figures are checked as typed, in the driver's units, and a driver chosen twice is named", async () => {
        const card = page.getByRole("group", { name: "Uncertain drivers" });
        const run = page.getByRole("button", { name: "Run simulation" });
        expect(await run.isDisabled()).toBe(false);
        await page.getByRole("button", { name: "Add an uncertain driver" }).click();
        const second = card.getByTestId("uncertainty-row").nth(1);
        const low = second.getByRole("textbox", { name: /, low/ });
        const high = second.getByRole("textbox", { name: /, high/ });
        await poll(() => messageOf(low)).toBe("Enter the low.");
        expect(await run.isDisabled()).toBe(true);

        const choice = second.getByRole("combobox", { name: "Driver" });
        await choice.selectOption("license_revenue");
        await poll(() => messageOf(choice)).toBe("Licence revenue per year is uncertain in row 1 already: choose another driver.");
        expect(await run.isDisabled()).toBe(true);

        await choice.selectOption("rebate_rate");
        await poll(() => messageOf(choice)).toBe("");
        await low.fill("5");
        await high.fill("3");
        await poll(() => messageOf(high)).toBe("Enter a high of at least the low, 5%.");
        await high.fill("abc");
        await poll(() => messageOf(high)).toBe("Enter a number, e.g. 27.");
        expect(await run.isDisabled()).toBe(true);
        await high.fill("8");
        await poll(() => messageOf(high)).toBe("");
        expect(await run.isDisabled()).toBe(false);
        await second.getByRole("button", { name: /^Remove uncertain driver 2/ }).click();
        expect(await text()).not.toContain("NaN");
        expect(await card.innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
        expect(problems).toEqual([]);
      });

      it("saves a rate typed in per cent as the fraction the workbook holds", async () => {
        await expand("product_margin");
        await box("product_margin").fill("32.5");
        await poll(npv).toBe(expectedNpv([["product_margin", { kind: "override", text: ["32.5"] }]]));
        expect(await header("product_margin").textContent()).toContain("32.5%");
        await page.getByRole("button", { name: "Save overrides" }).click();
        await page.getByRole("status").filter({ hasText: "Saved the overrides" }).waitFor();
        const download = page.waitForEvent("download");
        await page.getByRole("button", { name: "Save as…" }).click();
        const saved = await dataOf(new Uint8Array(fs.readFileSync(await (await download).path())));
        expect(saved.assumptionsOf(PARTNER).find((a) => a.name === "product_margin")!.values[0]).toBe(0.325);
        // After the save the box shows the saved fraction in per cent again.
        await poll(() => box("product_margin").inputValue()).toBe("32.5");
        expect(problems).toEqual([]);
      });
    });
  });
});
