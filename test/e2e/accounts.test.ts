// The Accounts tab in browser mode (dist/app.html on the sample workbook): a channel manager opens
// a partner's accounts, sees its registered deals with their protection, its leads against their
// follow-up time and the overlap with the vendor's list, picks two target accounts with next steps,
// registers a deal on an account another partner has under protection (the conflict is shown before
// saving), downloads the workbook with "Save as" and finds it all in that file and in the pane
// when the file is opened again — with nothing in the console (a development build).
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DealRecord, PartnerData as Data } from "../../addin/workbook/records";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { dateSerial, serialText } from "../../engine/excel/date";
import { type App, openApp } from "../browser/app";
import { devBuild } from "../browser/dev-build";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../samples/partners.xlsx");
const NOW = new Date(2026, 9, 15, 10, 0, 0);
const TODAY = dateSerial(2026, 10, 15);
const PERIOD = "FY2026";
const STATUSES = ["Customer", "Open opportunity", "Prospect"];
const AMOUNT = 48_000;

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<PartnerData> {
  const adapter = await XlsxAdapter.open(new Uint8Array(bytes));
  return new PartnerData(snapshotOf(await adapter.read()));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const date = (serial: number) => serialText(serial).slice(0, 10);

/** The partner's account ids (its deals', leads' and account plans'), as the README describes them. */
function accountIdsOf(data: Data, partnerId: string): Set<string> {
  return new Set(
    [...data.dealsOf(partnerId).map((d) => d.accountId), ...data.leadsOf(partnerId).map((l) => l.accountId), ...data.accountPlansOf(partnerId).map((p) => p.accountId)].filter(
      (id): id is string => !!id,
    ),
  );
}

describe.skipIf(!browserAvailable)("Accounts tab (browser mode, Chromium)", () => {
  let page: Page;
  let app: App;
  let sample: PartnerData;
  let partner: string;
  let targets: { id: string; name: string; step: string; due: string }[] = [];
  let other: DealRecord;
  let otherName = "";
  let conflictAccount = { id: "", name: "" };
  let dealId = "";
  let errors: string[] = [];
  const warnings: string[] = [];

  beforeAll(async () => {
    sample = await readWorkbook(fs.readFileSync(SAMPLE));
    // An active partner with an account plan of the period, leads in more than one state and registered deals.
    for (const p of sample.partners) {
      if (p.status !== "Active" || !sample.accountPlansOf(p.id).some((a) => a.period === PERIOD)) continue;
      const leads = sample.leadsOf(p.id);
      const registered = sample.dealsOf(p.id).filter((d) => d.registered !== null && d.accountId);
      if (leads.length < 2 || registered.length < 2) continue;
      const ids = accountIdsOf(sample, p.id);
      // Another partner's deal still protected today, on an account this partner has nothing on.
      const protectedDeal = sample.deals.find(
        (d) => d.partnerId !== p.id && d.accountId && !ids.has(d.accountId) && d.registered !== null && d.registered <= TODAY && d.protectedUntil !== null && d.protectedUntil >= TODAY + 10,
      );
      // Two accounts of the vendor's list, prospects of the partner's region, not planned yet.
      const fresh = sample.accounts.filter((a) => !ids.has(a.accountId) && a.region === p.region && a.status === "Prospect" && a.accountId !== protectedDeal?.accountId);
      if (!protectedDeal || fresh.length < 2) continue;
      partner = p.id;
      other = protectedDeal;
      otherName = sample.partner(protectedDeal.partnerId)!.name;
      conflictAccount = { id: protectedDeal.accountId!, name: sample.account(protectedDeal.accountId!)!.name };
      targets = fresh.slice(0, 2).map((a, i) => ({ id: a.accountId, name: a.name, step: ["Joint discovery call with the CIO", "Demo for the finance team"][i], due: date(TODAY + 14 * (i + 1)) }));
      break;
    }
    expect(partner).toBeDefined();
    // A development build, so that a React or Fluent UI warning would reach the console and fail the test.
    app = await openApp({ now: NOW, folder: devBuild() });
    ({ page, errors } = app);
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const card = (title: string) => page.locator(".fui-Card").filter({ has: page.getByText(title, { exact: true }) });
  const status = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  async function open() {
    await page.getByRole("tab", { name: "Partners" }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(partner);
    await page.locator(`button[data-partner="${partner}"]`).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByRole("tab", { name: "Accounts", exact: true }).click();
    await page.getByTestId("accounts-summary").waitFor();
  }
  async function pick(within: ReturnType<typeof card>, label: string, name: string) {
    const box = within.getByRole("combobox", { name: label });
    await box.click();
    // A click in the field opens the list of accounts.
    await page.getByRole("listbox").waitFor();
    await box.fill("");
    await box.pressSequentially(name);
    // Typed key by key, as a person types: the list opens and narrows as the text grows.
    await page.getByRole("option", { name: new RegExp(`^${escape(name)}( ·|$)`) }).click();
  }

  it("shows the partner's accounts with registered deals, their protection and leads with their state", async () => {
    await open();
    const accounts = card("Accounts");
    // Open every account, then check each registered deal and each lead against the sample.
    const more = accounts.getByRole("button", { name: /^Show all \d+ accounts$/ });
    if (await more.count()) await more.click();
    expect(await accounts.locator("[data-account]").count()).toBe(accountIdsOf(sample, partner).size);
    for (const d of sample.dealsOf(partner).filter((x) => x.accountId && x.registered !== null)) {
      const left = d.protectedUntil === null ? null : d.protectedUntil - TODAY;
      const expected = left === null ? "protected, no end date" : left < 0 ? "protection expired" : left === 0 ? "protection ends today" : `protection ends in ${left} ${left === 1 ? "day" : "days"}`;
      expect(await page.getByTestId(`protection-${d.dealId}`).textContent()).toBe(expected);
      expect(await accounts.locator(`[data-deal="${d.dealId}"]`).textContent()).toContain(`registered ${date(d.registered!)}`);
    }
    for (const l of sample.leadsOf(partner)) {
      if (l.sent === null) continue;
      // The README's rule: accept by FollowUpBy, else 5 days after sending; a rejected lead is Rejected.
      const deadline = l.followUpBy ?? l.sent + 5;
      const expected = l.accepted === null && l.outcome === "Rejected" ? "Rejected" : l.accepted !== null ? (l.accepted <= deadline ? "On time" : "Accepted late") : TODAY > deadline ? "Overdue" : "Open";
      expect(await page.getByTestId(`lead-state-${l.leadId}`).textContent()).toBe(expected);
    }
  });

  it("counts the overlap with the vendor's list by status on each side, and lists the shared accounts", async () => {
    // Counted here from the tables: each of the partner's accounts with a vendor status, by that
    // status and the partner's own (a won deal: customer; an open one: open opportunity; else prospect).
    const counts = STATUSES.map(() => STATUSES.map(() => 0));
    let shared = 0;
    for (const id of accountIdsOf(sample, partner)) {
      const vendor = STATUSES.indexOf(sample.account(id)?.status ?? "");
      if (vendor < 0) continue;
      const outcomes = sample.dealsOf(partner).filter((d) => d.accountId === id).map((d) => d.outcome);
      counts[vendor][outcomes.includes("Won") ? 0 : outcomes.includes("Open") ? 1 : 2]++;
      shared++;
    }
    for (let v = 0; v < 3; v++) for (let p = 0; p < 3; p++) expect(Number(await page.getByTestId(`overlap-${v}-${p}`).textContent()), `${STATUSES[v]} × ${STATUSES[p]}`).toBe(counts[v][p]);
    expect(await page.getByTestId("overlap-note").textContent()).toMatch(new RegExp(`^${shared} shared account`));
    const overlap = card("Overlap with the vendor's accounts");
    const more = overlap.getByRole("button", { name: /^Show all \d+ shared accounts$/ });
    if (await more.count()) await more.click();
    expect(await overlap.locator("[data-shared]").count()).toBe(shared);
    await page.setViewportSize({ width: 350, height: 900 });
    await noSidewaysScroll();
    await shot("accounts-350");
    await overlap.screenshot({ path: path.join(SCREENSHOTS, "accounts-overlap-350.png") });
  });

  it("adds two target accounts with next steps and saves them with their tasks in one batch", async () => {
    const form = card("Target accounts");
    for (const t of targets) {
      await pick(form, "Add a target account", t.name);
      await form.getByRole("button", { name: "Add", exact: true }).click();
      const item = form.locator(`[data-target="${t.id}"]`);
      await item.getByRole("textbox", { name: "Objective" }).fill(`Open a first opportunity at ${t.name}`);
      await item.getByRole("textbox", { name: "Next step" }).fill(t.step);
      await item.getByRole("textbox", { name: "Due" }).fill(t.due);
      await item.getByRole("textbox", { name: "Owner" }).fill("Chloé Dubois");
    }
    await noSidewaysScroll();
    await form.screenshot({ path: path.join(SCREENSHOTS, "accounts-targets-350.png") });
    await form.getByRole("button", { name: "Save targets" }).click();
    await status(`Saved the target accounts of ${PERIOD}`).waitFor();
    // The targets are now the partner's accounts, listed with their plan.
    for (const t of targets) expect(await page.getByTestId(`plan-${t.id}`).textContent()).toContain(t.step);
  });

  it("shows the conflict with the other partner's protection before saving, and registers the deal once acknowledged", async () => {
    const form = card("Register a deal");
    await pick(form, "Account", conflictAccount.name);
    const amount = form.getByRole("spinbutton", { name: "Amount" });
    await amount.fill(String(AMOUNT));
    await amount.press("Tab");
    const warning = page.getByTestId("conflict-warning");
    await warning.waitFor();
    const text = (await warning.textContent())!;
    expect(text).toContain(`${otherName} (${other.partnerId}) holds deal ${other.dealId}`);
    // Both protected from today (the registration day) to the end of the earlier protection.
    const end = Math.min(other.protectedUntil!, TODAY + 90);
    expect(text).toContain(`both protected from ${date(TODAY)} to ${date(end)}`);
    const register = form.getByRole("button", { name: "Register deal" });
    expect(await register.isDisabled()).toBe(true);
    await noSidewaysScroll();
    await form.screenshot({ path: path.join(SCREENSHOTS, "accounts-conflict-350.png") });
    await warning.getByRole("checkbox").check();
    await register.click();
    const saved = status(/^Registered deal D\d+/);
    await saved.waitFor();
    dealId = /Registered deal (D\d+)/.exec((await saved.textContent())!)![1];
    expect(await saved.textContent()).toContain(`in conflict with ${otherName}'s deal ${other.dealId}`);
    expect(await page.getByTestId(`protection-${dealId}`).textContent()).toBe("protection ends in 90 days");
    await page.setViewportSize({ width: 1400, height: 900 });
    await shot("accounts-1400");
  });

  it("saves it all into the downloaded workbook, and finds it all when that file is opened again", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    const saved = await readWorkbook(bytes);
    for (const t of targets) {
      const plan = saved.accountPlansOf(partner).find((p) => p.accountId === t.id && p.period === PERIOD)!;
      expect([plan.objective, plan.nextStep, plan.due !== null && date(plan.due), plan.owner]).toEqual([`Open a first opportunity at ${t.name}`, t.step, t.due, "Chloé Dubois"]);
      const task = saved.tasksOf(partner).find((k) => k.task === `${PERIOD} ${t.name}: ${t.step}`)!;
      expect([task.due !== null && date(task.due), task.owner]).toEqual([t.due, "Chloé Dubois"]);
    }
    // The plans the sample had for the period are still there.
    for (const p of sample.accountPlansOf(partner).filter((x) => x.period === PERIOD)) expect(saved.accountPlansOf(partner).some((x) => x.accountId === p.accountId && x.period === PERIOD)).toBe(true);
    const deal = saved.dealsOf(partner).find((d) => d.dealId === dealId)!;
    expect([deal.accountId, deal.amount, deal.outcome, deal.registered, deal.protectedUntil, deal.source, deal.qualified]).toEqual([
      conflictAccount.id,
      AMOUNT,
      "Open",
      TODAY,
      TODAY + 90,
      "Partner-sourced",
      true,
    ]);
    expect(saved.deals).toHaveLength(sample.deals.length + 1);

    await page.locator('input[type="file"]').setInputFiles({ name: "partners-accounts.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await expect.poll(() => page.getByTestId("workbook-source").textContent(), { timeout: 30_000 }).toBe("partners-accounts.xlsx");
    await open();
    const more = card("Accounts").getByRole("button", { name: /^Show all \d+ accounts$/ });
    if (await more.count()) await more.click();
    for (const t of targets) expect(await page.getByTestId(`plan-${t.id}`).textContent()).toContain(t.step);
    expect(await page.getByTestId(`protection-${dealId}`).textContent()).toBe("protection ends in 90 days");
    expect(await page.locator("body").textContent()).not.toContain("NaN");
    await page.setViewportSize({ width: 350, height: 900 });
    await noSidewaysScroll();
    await shot("accounts-reopened-350");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
