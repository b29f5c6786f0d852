// The QBR's plan section on the sample workbook: the sheet's block of activities, MDF and next
// quarter's targets written into a real .xlsx (its totals and balances recalculated by LibreOffice
// Calc), and the deck's slide rendered by LibreOffice Impress to PDF, whose text holds the same
// figures (pictures of the slide in test/e2e/screenshots/qbr-plan-*.png, to look at).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLIDE_TITLES, deckBytes } from "../../addin/qbr/deck";
import { amount, percent, qbrName } from "../../addin/qbr/format";
import { qbrInput } from "../../addin/qbr/input";
import { qbrSheet } from "../../addin/qbr/sheet";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type Qbr, buildQbr } from "../../engine/qbr";
import { fundBalances, requestLedger } from "../../engine/funds";
import { SAMPLE_PATH } from "../../samples/generate";
import { SCREENSHOTS } from "../browser/chromium";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { tool } from "../support/tools";
import { sampleRecords } from "./support";

async function review(id: string, quarter: string): Promise<Qbr> {
  const result = buildQbr(qbrInput(await sampleRecords(), id, quarter));
  if (result instanceof Error) throw result;
  return result;
}

/** A partner of the sample with activities of every kind of spend: claimed, a done one's budget, nothing yet. */
const BUSY = "P0096";
/** A prospect with no plan, no funds and no targets. */
const EMPTY = "P0001";
const QUARTER = "2026-Q3";

describe("the plan section of the QBR model on the sample", () => {
  it("lists the partner's PlanActivities of the plan period with their Library names, and the MDF ledger of its rows", async () => {
    const data = await sampleRecords();
    const qbr = await review(BUSY, QUARTER);
    const rows = data.planActivitiesOf(BUSY).filter((a) => a.period === qbr.activities.period);
    expect(qbr.activities.period).toBe("FY2026");
    expect(rows.length).toBeGreaterThan(3);
    expect(qbr.activities.lines.map((l) => l.activity).sort()).toEqual(rows.map((a) => data.libraryActivity(a.activityId)!.activity).sort());
    expect(new Set(qbr.activities.lines.map((l) => l.basis))).toEqual(new Set(["claim", "budget", null]));
    // The ledger from the workbook's own rows, counted here without the QBR.
    const allocated = data.fundsOf(BUSY).filter((f) => f.fundType === "MDF" && f.period === "FY2026").reduce((n, f) => n + (f.allocated ?? 0), 0);
    const requests = data.fundRequestsOf(BUSY).filter((r) => r.period === "FY2026" && r.fundType === "MDF");
    const approved = requests.filter((r) => ["Approved", "Claimed", "Paid"].includes(r.state ?? "")).reduce((n, r) => n + (r.amount ?? 0), 0);
    const pending = requests.filter((r) => r.state === "Submitted").reduce((n, r) => n + (r.amount ?? 0), 0);
    const paid = requests.filter((r) => r.state === "Paid").reduce((n, r) => n + (r.claimAmount ?? 0), 0);
    const b = qbr.activities.mdf.balances!;
    expect([b.allocated, b.approved, b.pending, b.paid, b.available]).toEqual([allocated, approved, pending, paid, allocated - approved - pending]);
    expect(b.utilisation).toBeCloseTo(paid / allocated, 12);
    expect(b).toEqual(fundBalances([allocated], requests.map(requestLedger)));
  });

  it("has every kind of empty for a prospect, with no NaN anywhere in the review", async () => {
    const qbr = await review(EMPTY, QUARTER);
    expect(qbr.activities).toEqual({ period: null, lines: [], statuses: [], budget: 0, spend: 0, mdf: { balances: null, error: null } });
    expect(qbr.next.lines).toEqual([]);
    expect(JSON.stringify(qbr)).not.toMatch(/NaN/);
  });
});

describe("the plan section of the QBR sheet, in a real .xlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-qbr-plan-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function written(qbr: Qbr): Promise<{ file: string; sheet: ExcelJS.Worksheet }> {
    const adapter = await XlsxAdapter.open(fs.readFileSync(SAMPLE_PATH));
    const workbook = await PartnerWorkbook.open(adapter);
    await workbook.writeSheet(qbrSheet(qbr));
    const file = path.join(dir, `${qbr.partner.id}.xlsx`);
    fs.writeFileSync(file, await adapter.save());
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    return { file, sheet: back.getWorksheet(qbrName(qbr.partner.id, qbr.quarter))! };
  }

  /** The row whose first cell is `text`. */
  const rowOf = (sheet: ExcelJS.Worksheet, text: string | RegExp): number => {
    let found = 0;
    sheet.eachRow((row, n) => {
      const v = row.getCell(1).value;
      if (!found && typeof v === "string" && (typeof text === "string" ? v === text : text.test(v))) found = n;
    });
    return found;
  };

  it("holds the activities, their totals as formulas, the MDF balances and next quarter's targets", async () => {
    const qbr = await review(BUSY, QUARTER);
    const { file, sheet } = await written(qbr);
    const heading = rowOf(sheet, "Plan activities and funds: plan FY2026");
    expect(heading).toBeGreaterThan(0);
    const top = heading + 2;
    qbr.activities.lines.forEach((l, i) => {
      const row = sheet.getRow(top + i);
      expect(row.getCell(1).value).toBe(l.activity);
      expect(row.getCell(2).value).toBe(l.status);
      expect(row.getCell(3).value ?? null).toBe(l.budget);
      expect(row.getCell(4).value).toBe(l.spend);
    });
    const total = sheet.getRow(top + qbr.activities.lines.length);
    expect(total.getCell(1).value).toBe(`All activities (${qbr.activities.lines.length}): ${qbr.activities.statuses.map((x) => `${x.count} ${x.status.toLowerCase()}`).join(", ")}`);
    const last = top + qbr.activities.lines.length - 1;
    expect(total.getCell(3).value).toMatchObject({ formula: `SUM(C${top}:C${last})` });
    expect(total.getCell(4).value).toMatchObject({ formula: `SUM(D${top}:D${last})` });
    const mdf = rowOf(sheet, "MDF of FY2026");
    expect(sheet.getRow(mdf + 1).getCell(2).value).toBe(qbr.activities.mdf.balances!.allocated);
    const available = rowOf(sheet, /^Available/);
    expect(sheet.getRow(available).getCell(2).value).toMatchObject({ formula: expect.stringMatching(/^B\d+-B\d+-B\d+$/) });
    const targets = rowOf(sheet, "Targets for 2026-Q4: plan FY2026, against the network");
    qbr.next.lines.forEach((t, i) => {
      const row = sheet.getRow(targets + 2 + i);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(5).value]).toEqual([t.kpi, t.target, t.percentile, t.label]);
    });

    // LibreOffice Calc recalculates the totals and balances from the sheet's own cells.
    if (!libreOfficeAvailable()) return;
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(convert(file, path.join(dir, "calc")));
    const calc = again.getWorksheet(qbrName(BUSY, QUARTER))!;
    const result = (row: number, column: number) => (calc.getRow(row).getCell(column).value as { result?: number }).result;
    expect(result(top + qbr.activities.lines.length, 3)).toBe(qbr.activities.budget);
    expect(result(top + qbr.activities.lines.length, 4)).toBe(qbr.activities.spend);
    expect(result(available, 2)).toBe(qbr.activities.mdf.balances!.available);
    expect(result(available + 1, 2)).toBeCloseTo(qbr.activities.mdf.balances!.utilisation!, 12);
  }, 120_000);

  it("says plainly that there is no plan, no funds and no targets yet", async () => {
    const { sheet } = await written(await review(EMPTY, QUARTER));
    const heading = rowOf(sheet, "Plan activities and funds");
    expect(sheet.getRow(heading + 1).getCell(1).value).toBe("No plan activities cover this quarter.");
    expect(rowOf(sheet, "No funds allocated.")).toBeGreaterThan(heading);
    expect(rowOf(sheet, "No plan sets targets for 2026-Q4 yet.")).toBeGreaterThan(heading);
  });
});

const PDFTOPPM = "/usr/bin/pdftoppm";
const PDFTOTEXT = "/usr/bin/pdftotext";
const renderable = libreOfficeAvailable() && tool(PDFTOPPM, "poppler-utils");

describe.skipIf(!renderable)("the plan slide of the QBR deck, rendered by LibreOffice Impress", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-qbr-deck-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The plan slide's text, and a picture of it. */
  async function slideText(qbr: Qbr, shot: string): Promise<string> {
    const deck = path.join(dir, `${qbr.partner.id}.pptx`);
    fs.writeFileSync(deck, await deckBytes(qbr));
    const pdf = convert(deck, path.join(dir, "pdf"), "pdf");
    const page = String(SLIDE_TITLES.indexOf("Plan activities and funds") + 1);
    execFileSync(PDFTOPPM, ["-png", "-r", "60", "-f", page, "-l", page, "-singlefile", pdf, path.join(SCREENSHOTS, shot)]);
    const pages = execFileSync(PDFTOTEXT, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(SLIDE_TITLES.length);
    return execFileSync(PDFTOTEXT, ["-f", page, "-l", page, "-layout", pdf, "-"], { encoding: "utf8" });
  }

  it("shows the activities with status and spend, the MDF used and available, and next quarter's targets with their realism", async () => {
    const qbr = await review(BUSY, QUARTER);
    const text = await slideText(qbr, "qbr-plan-active");
    const flat = text.replace(/\s+/g, " ");
    expect(text).toContain("Plan activities and funds");
    for (const l of qbr.activities.lines) {
      // Long names wrap in their cell: the first word of each line is there.
      expect(text).toContain(l.activity.split(" ")[0]);
      if (l.basis) expect(flat).toContain(`${amount(l.spend)} (${l.basis})`);
    }
    const b = qbr.activities.mdf.balances!;
    expect(flat).toContain("MDF of FY2026");
    expect(flat).toMatch(new RegExp(`Allocated\\s+${amount(b.allocated)}`));
    expect(flat).toMatch(new RegExp(`Paid \\(used\\)\\s+${amount(b.paid)}`));
    expect(flat).toMatch(new RegExp(`Available\\s+${amount(b.available)}`));
    expect(flat).toContain(percent(b.utilisation));
    expect(flat).toContain(`budget ${amount(qbr.activities.budget)} · spend ${amount(qbr.activities.spend)}`);
    expect(flat).toContain("Targets for 2026-Q4");
    for (const t of qbr.next.lines) expect(flat).toMatch(new RegExp(`${t.kpi}\\s+${amount(t.target)}\\s+${t.label.split(" — ")[0]}`));
    expect(flat).toContain("Spend: the amount claimed");
  }, 120_000);

  it("says so when a partner has no plan, no funds and no targets", async () => {
    const text = (await slideText(await review(EMPTY, QUARTER), "qbr-plan-empty")).replace(/\s+/g, " ");
    expect(text).toContain("No plan activities cover this quarter.");
    expect(text).toContain("No funds allocated.");
    expect(text).toContain("No plan sets targets for 2026-Q4 yet.");
  }, 120_000);
});
