// A channel manager's session from end to end in browser mode (dist/app.html on the sample
// workbook), in headless Chromium at a task pane's width: find a partner by name, rate its audit
// and see the score, change a P&L assumption and see the summary change, take its plan through
// acceptance and approval, "Save as", open the saved file in the pane again and find every change
// there. The saved file is then compared with the sample cell by cell: apart from the rows the
// session wrote, every sheet, cell, formula, number format, table, merge and column width is as it
// was. Last, axe-core checks every view for serious accessibility violations.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_AREAS, type AreaRatings, auditAreas } from "../../engine/audit";
import { dateSerial } from "../../engine/excel/date";
import { isEngineError } from "../../engine/error";
import { pnlSummary } from "../../engine/pnl";
import { type Draft, assumptionLines, mergedAssumptions } from "../../addin/taskpane/model/assumptions";
import { formatAmount } from "../../addin/taskpane/model/format";
import { latestAudit } from "../../addin/taskpane/model/summary";
import { formatScore } from "../../addin/taskpane/views/partner/AuditTab";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../dist/partners.xlsx");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The day the page believes it is (local time). */
const NOW = new Date(2026, 9, 15, 10, 0, 0);
const TODAY = dateSerial(2026, 10, 15);
const DATE = "2026-10-15";
/** The audit's two new ratings: [area index, criterion index, rating]. */
const RATED: [number, number, number][] = [
  [0, 0, 5],
  [2, 2, 2],
];

const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

async function dataOf(bytes: Uint8Array): Promise<PartnerData> {
  return new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(bytes))).snapshot);
}

function ok<T>(value: T): Exclude<T, Error> {
  if (isEngineError(value)) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value as Exclude<T, Error>;
}

/** Every non-empty cell of a workbook: what it holds (value or formula and cached result) and its number format. */
async function cellsOf(bytes: Uint8Array): Promise<{ book: ExcelJS.Workbook; cells: Map<string, string> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells = new Map<string, string>();
  book.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.set(`${sheet.name}!${cell.address}`, JSON.stringify([cell.value, cell.numFmt ?? null]))),
    ),
  );
  return { book, cells };
}

/** What a workbook is made of besides its cells: sheets in order, tables, merges, column widths, defined names. */
function structureOf(book: ExcelJS.Workbook) {
  const sheets = book.worksheets.map((sheet) => ({
    name: sheet.name,
    tables: Object.values((sheet as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables)
      .map((t) => ({ name: t.table.name, ref: t.table.tableRef }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    merges: Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    widths: sheet.columns?.map((c) => c.width ?? null) ?? [],
    validations: Object.keys((sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).length,
  }));
  return { sheets, names: book.definedNames.model };
}

describe.skipIf(!browserAvailable)("a channel manager's session, from opening the sample to re-opening the saved file (Chromium)", () => {
  let page: Page;
  let sample: PartnerData;
  let sampleBytes: Uint8Array;
  let partner: { id: string; name: string };
  let savedPath: string;
  let app: App;
  let outside: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE));
    sample = await dataOf(sampleBytes);
    // An active partner with an audit, an FY2026 plan not yet submitted (no Approvals row), and no Assumptions rows of its own.
    const found = sample.partners.find(
      (p) =>
        p.status === "Active" &&
        sample.auditsOf(p.id).length > 0 &&
        sample.plansOf(p.id).some((k) => k.period === "FY2026") &&
        !sample.approvalsOf(p.id).some((a) => a.period === "FY2026") &&
        !sample.assumptions.some((a) => a.partnerId === p.id),
    );
    if (!found) throw new Error("the sample has no partner for this session");
    partner = { id: found.id, name: found.name };
    app = await openApp({ now: NOW });
    ({ page, outside, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const status = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const tab = (name: string) => page.getByRole("tab", { name, exact: true });

  async function find(): Promise<void> {
    await tab("Partners").click();
    // Found by a part of its name, as a channel manager would look for it.
    const words = partner.name.split(" ");
    await page.getByRole("searchbox", { name: "Search partners" }).fill(words.slice(0, 2).join(" "));
    await page.locator(`button[data-partner="${partner.id}"]`).click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(partner.name);
  }

  /** The audit the form starts from (the partner's latest), with the session's two new ratings. */
  function ratedAudit(): { ratings: (number | null)[][]; overall: number } {
    const start = latestAudit(sample.auditsOf(partner.id))!.ratings.map((r) => [...r]);
    for (const [a, c, rating] of RATED) start[a][c] = rating;
    const byArea = Object.fromEntries(AUDIT_AREAS.map((area, i) => [area.id, start[i]])) as unknown as AreaRatings;
    return { ratings: start, overall: ok(auditAreas(byArea)).overall };
  }

  /** The partner's P&L summary with its margin overridden to 30%, as the pane computes it. */
  function overridden(data: PartnerData, drafts: [string, Draft][]) {
    return ok(pnlSummary(mergedAssumptions(assumptionLines(data, partner.id), new Map(drafts)).rows, "partner"));
  }

  it("finds the partner, rates the audit and sees the score", async () => {
    await find();
    await tab("Audit").click();
    await page.getByLabel("Audit date").fill(DATE);
    const before = latestAudit(sample.auditsOf(partner.id))!;
    await poll(() => page.getByText(/^Starting from the audit of /).count()).toBe(1);
    const { overall } = ratedAudit();
    for (const [a, c, rating] of RATED) {
      const area = AUDIT_AREAS[a];
      await page
        .getByRole("group", { name: area.name })
        .getByRole("radiogroup", { name: area.criteria[c].label })
        .getByRole("radio", { name: `${rating} of 5` })
        .check({ force: true });
    }
    expect(before.ratings.flat().filter((r) => r !== null).length).toBeGreaterThan(5);
    await poll(() => page.getByTestId("overall-score").textContent()).toBe(formatScore(overall));
    await page.getByRole("button", { name: "Save audit" }).click();
    await status(`Saved the audit of ${DATE}`).waitFor();
    await shot("flow-audit");
  });

  it("changes a P&L assumption, sees the summary change and saves it", async () => {
    await tab("P&L").click();
    await page.getByTestId("pnl-npv").waitFor();
    const npv = async () => Number(await page.getByTestId("pnl-npv").getAttribute("data-value"));
    const before = overridden(sample, []);
    expect(await npv()).toBe(before.npv);
    const margin = page.getByTestId("driver-product_margin");
    await margin.getByRole("button").first().click();
    await page.getByRole("textbox", { name: "Partner's margin on licences, Value (year 1)" }).fill("30%");
    const after = overridden(sample, [["product_margin", { kind: "override", text: ["30%"] }]]);
    expect(after.npv).not.toBe(before.npv);
    await poll(npv).toBe(after.npv);
    expect(await page.getByTestId("pnl-npv").textContent()).toBe(formatAmount(after.npv));
    await page.getByRole("button", { name: "Save overrides" }).click();
    await status("Saved the overrides to the Assumptions table: 0 cells updated, 1 row added").waitFor();
    await poll(() => margin.getByTestId("source").textContent()).toBe("Overridden");
    await shot("flow-pnl");
  });

  it("takes the plan through submission, acceptance and approval", async () => {
    await tab("Plan").click();
    await poll(() => page.getByTestId("plan-state").textContent()).toBe("Draft");
    const sign = async (name: string, role: string, comment: string, button: string, state: string) => {
      await page.getByRole("textbox", { name: "Your name" }).fill(name);
      await page.getByRole("combobox", { name: "Acting as" }).selectOption(role);
      await page.getByRole("textbox", { name: "Comment" }).fill(comment);
      await page.getByRole("button", { name: button }).click();
      await poll(() => page.getByTestId("plan-state").textContent()).toBe(state);
    };
    await sign("Amelia Hart", "manager", "Agreed in the QBR", "Submit to the partner", "Submitted");
    await sign("Chloé Dubois", "partner", "Signed for the partner", "Accept the plan", "Accepted");
    await sign("Helena Vogt", "executive", "Approved", "Approve the plan", "Approved");
    await shot("flow-plan");
  });

  it("saves the workbook as a file holding every change, and the file opens in the pane with them", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    savedPath = (await download.path())!;
    const saved = await dataOf(new Uint8Array(fs.readFileSync(savedPath)));

    const audit = saved.auditsOf(partner.id).filter((a) => a.date === TODAY);
    const { ratings } = ratedAudit();
    expect(latestAudit(audit)!.ratings).toEqual(ratings);
    expect(saved.assumptions.filter((a) => a.partnerId === partner.id).map((a) => [a.name, a.values[0]])).toEqual([["product_margin", 0.3]]);
    const approval = saved.approvalsOf(partner.id).find((a) => a.period === "FY2026")!;
    expect([approval.state, approval.acceptedBy, approval.acceptedOn, approval.approvedBy, approval.approvedOn]).toEqual(["Approved", "Chloé Dubois", TODAY, "Helena Vogt", TODAY]);

    // The saved file, opened in the pane as a user opens any workbook.
    await page.locator('input[type="file"]').setInputFiles({
      name: "partners-saved.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: fs.readFileSync(savedPath),
    });
    // The header names the file once it is open (while it opens, the sample stays, named there).
    await poll(() => page.getByTestId("workbook-source").textContent()).toBe("partners-saved.xlsx");
    await find();
    await tab("Audit").click();
    await page.getByLabel("Audit date").fill(DATE);
    await poll(() => page.getByText(/^Editing the audit of this date\./).count()).toBe(1);
    expect(await page.getByTestId("overall-score").textContent()).toBe(formatScore(ratedAudit().overall));
    await tab("P&L").click();
    await poll(() => page.getByTestId("driver-product_margin").getByTestId("source").textContent()).toBe("Overridden");
    expect(Number(await page.getByTestId("pnl-npv").getAttribute("data-value"))).toBe(overridden(saved, []).npv);
    expect(overridden(saved, []).npv).toBe(overridden(sample, [["product_margin", { kind: "override", text: ["30%"] }]]).npv);
    await tab("Plan").click();
    await poll(() => page.getByTestId("plan-state").textContent()).toBe("Approved");
    await shot("flow-reopened");
  });

  it("leaves every other sheet, cell, formula, format, table and merge of the workbook as it was", async () => {
    const before = await cellsOf(sampleBytes);
    const after = await cellsOf(new Uint8Array(fs.readFileSync(savedPath)));
    const bottom = (book: ExcelJS.Workbook, sheet: string) => book.getWorksheet(sheet)!.actualRowCount;

    // The rows the session wrote, each appended to its table: the audit's rows, the override's row
    // and the partner's FY2026 Approvals row (it had none).
    const added = (sheet: string) => bottom(after.book, sheet) - bottom(before.book, sheet);
    const written = (key: string): boolean => {
      const [sheet, address] = key.split("!");
      return ["Audit", "Assumptions", "Approvals"].includes(sheet) && Number(/\d+$/.exec(address)![0]) > bottom(before.book, sheet);
    };

    const changed = [...new Set([...before.cells.keys(), ...after.cells.keys()])].filter((key) => before.cells.get(key) !== after.cells.get(key));
    expect(changed.filter((key) => !written(key))).toEqual([]);
    const auditRows = added("Audit");
    expect(auditRows).toBe(ratedAudit().ratings.flat().filter((r) => r !== null).length);
    expect([added("Assumptions"), added("Approvals")]).toEqual([1, 1]);
    expect(changed.filter((key) => key.startsWith("Approvals!")).length).toBeGreaterThan(3);
    // Everything else the sample holds is still there.
    expect(before.cells.size).toBeGreaterThan(20_000);
    expect([...before.cells.keys()].every((key) => after.cells.has(key))).toBe(true);

    // The structure: the same sheets in the same order; each table where it was, the two appended to
    // grown by exactly their new rows.
    const grown = (s: ReturnType<typeof structureOf>, rows: Record<string, number>) => ({
      ...s,
      sheets: s.sheets.map((sheet) => ({
        ...sheet,
        tables: sheet.tables.map((t) => ({ ...t, ref: t.ref.replace(/(\d+)$/, (n) => String(Number(n) + (rows[t.name] ?? 0))) })),
      })),
    });
    expect(structureOf(after.book)).toEqual(grown(structureOf(before.book), { Audit: auditRows, Assumptions: 1, Approvals: 1 }));
  });

  it("has no serious accessibility violations in any view, light or dark (axe-core)", async () => {
    const source = fs.readFileSync(AXE, "utf8");
    const check = async (view: string) => {
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: source });
      const result = await page.evaluate(async () => {
        type Node = { target: string[]; html: string };
        type Rule = { id: string; impact: string; nodes: Node[] };
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
        const { violations, passes } = await axe.run(document, { resultTypes: ["violations"] });
        // Fluent's focus manager (tabster) places aria-hidden focusable sentinels around tab lists,
        // toolbars and dialogs on purpose, to hand focus on; Accessibility Insights leaves them out
        // of aria-hidden-focus too. Only those nodes are left out here; any other node still counts.
        const dummy = (n: Node) => /^<i [^>]*data-tabster-dummy/.test(n.html);
        const found = violations
          .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !dummy(n)) : v.nodes }))
          .filter((v) => v.nodes.length)
          .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
        return { found, passed: passes.map((p) => p.id) };
      });
      // The rules that matter here did run, and found the page compliant.
      expect(result.passed, view).toEqual(expect.arrayContaining(["color-contrast", "button-name", "aria-allowed-attr"]));
      return result.found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ view, ...v }));
    };
    const found: object[] = [];
    // In the light theme and in the dark one (contrast is checked in both).
    for (const scheme of ["light", "dark"] as const) {
      if (scheme === "dark") {
        await page.emulateMedia({ colorScheme: "dark" });
        await page.reload();
        await page.getByTestId("partner-count").waitFor();
        const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor)).match(/\d+/g)!.map(Number);
        expect(r + g + b).toBeLessThan(3 * 80);
      }
      await tab("Partners").click();
      await page.getByTestId("partner-count").waitFor();
      found.push(...(await check(`${scheme}: Partners`)));
      await find();
      for (const name of ["Audit", "Engagement", "Scorecard", "P&L", "Plan", "Accounts", "QBR"]) {
        await tab(name).click();
        await page.waitForTimeout(300);
        found.push(...(await check(`${scheme}: Partner: ${name}`)));
      }
      await tab("Portfolio").click();
      await page.getByRole("table", { name: "Tier mix" }).waitFor();
      found.push(...(await check(`${scheme}: Portfolio`)));
    }
    expect(found).toEqual([]);
  });

  it("raised no page error and sent no request outside its own origin", () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
