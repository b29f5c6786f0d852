// The QBR's account plan: the model on hand-made rows and on the sample workbook (its figures
// worked out here from the partner's Deals and AccountPlans rows), the sheet's block written into
// a real .xlsx (the credit's shares and total recalculated by LibreOffice Calc), and the deck's
// slide rendered by LibreOffice Impress to PDF, whose text holds the same figures (pictures of the
// slide in test/e2e/screenshots/qbr-accounts-*.png, to look at).
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
import { dateSerial } from "../../engine/excel/date";
import { QBR_TOP_ACCOUNTS, type Qbr, accountPlan, buildQbr } from "../../engine/qbr";
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

/** A partner of the sample with an account plan of four accounts, open pipeline on an account and deals won in the quarter. */
const PLANNER = "P0043";
/** A prospect with no deals and no account plan. */
const EMPTY = "P0001";
const QUARTER = "2026-Q3";
const [START, END] = [dateSerial(2026, 7, 1), dateSerial(2026, 9, 30)];

describe("the account plan of the QBR model", () => {
  const day = (m: number, d: number) => dateSerial(2026, m, d);
  const deal = (dealId: string, amount: number, outcome: string, accountId: string | null, more: { closed?: number; registered?: number; source?: string } = {}) => ({
    dealId,
    amount,
    outcome,
    accountId,
    closed: more.closed ?? null,
    registered: more.registered ?? null,
    source: more.source ?? null,
  });

  it("ranks accounts by open pipeline, then planned ones by due day, with the plan of the period covering the quarter, and credits the quarter's wins", () => {
    const a = accountPlan({
      quarter: QUARTER,
      start: START,
      end: END,
      deals: [
        deal("D1", 100, "Open", "A1", { registered: day(7, 2) }),
        deal("D2", 300, "Open", "a2"),
        deal("D3", 50, "Open", "A1"),
        deal("D4", 1_000, "Won", "A3", { closed: day(8, 1), registered: day(6, 1), source: "Partner-sourced" }),
        deal("D5", 500, "Won", null, { closed: day(9, 30), source: "Partner-influenced" }),
        deal("D6", 500, "Won", "A1", { closed: day(10, 1), source: "Partner-sourced" }), // next quarter
        deal("D7", 250, "Won", "A4", { closed: day(7, 1), registered: day(9, 30) }), // blank source: the vendor's
        deal("D8", 999, "Lost", "A5", { closed: day(8, 1), source: "Partner-sourced" }),
      ],
      accounts: [
        { accountId: "A1", name: "Acme" },
        { accountId: "A2", name: "Borealis" },
        { accountId: "A6", name: "Cobalt" },
      ],
      accountPlans: [
        { accountId: "A1", period: "FY2026", objective: "Expand", nextStep: "Workshop", due: day(10, 1), owner: "Ann" },
        { accountId: "A6", period: "FY2026", objective: "Land", nextStep: "Intro call", due: day(9, 1), owner: "Bo" },
        { accountId: "A7", period: "FY2026", objective: "Land", nextStep: null, due: null, owner: null },
        { accountId: "A2", period: "FY2025", objective: "Old", nextStep: "Old step", due: null, owner: null },
      ],
    });
    expect(a.period).toBe("FY2026");
    expect([a.planned, a.withPipeline, a.count]).toEqual([3, 2, 4]);
    expect(a.top.map((l) => [l.name, l.openDeals, l.openAmount, l.nextStep, l.owner])).toEqual([
      ["Borealis", 1, 300, null, null],
      ["Acme", 2, 150, "Workshop", "Ann"],
      ["Cobalt", 0, 0, "Intro call", "Bo"],
      ["A7", 0, 0, null, null],
    ]);
    expect(a.registered).toEqual({ count: 2, amount: 350 });
    expect([a.won.count, a.won.amount, a.won.error]).toEqual([3, 1_750, null]);
    expect(a.won.credit!.map((l) => [l.source, l.amount])).toEqual([
      ["Partner-sourced", 1_000],
      ["Partner-influenced", 500],
      ["Vendor", 250],
      ["Total", 1_750],
    ]);
    expect(a.won.credit![0].share).toBeCloseTo(1_000 / 1_750, 12);
  });

  it("lists at most the top accounts, and names a won deal whose amount does not read", () => {
    const deals = Array.from({ length: QBR_TOP_ACCOUNTS + 3 }, (_, i) => deal(`D${i}`, 10 * (i + 1), "Open", `A${i}`));
    const a = accountPlan({ quarter: QUARTER, start: START, end: END, deals: [...deals, deal("DX", -5, "Won", null, { closed: day(8, 1) })], accounts: [], accountPlans: [] });
    expect(a.top).toHaveLength(QBR_TOP_ACCOUNTS);
    expect(a.count).toBe(QBR_TOP_ACCOUNTS + 3);
    expect(a.top[0].openAmount).toBe(10 * (QBR_TOP_ACCOUNTS + 3));
    expect(a.period).toBeNull();
    expect(a.won.credit).toBeNull();
    expect(a.won.error).toMatch(/Amount of deal DX/);
  });

  it("matches the sample's own rows for a partner with an account plan", async () => {
    const data = await sampleRecords();
    const qbr = await review(PLANNER, QUARTER);
    const a = qbr.accounts;
    const plans = data.accountPlansOf(PLANNER).filter((p) => p.period === "FY2026");
    expect(a.period).toBe("FY2026");
    expect(a.planned).toBe(plans.length);
    const deals = data.dealsOf(PLANNER);
    const open = new Map<string, number>();
    for (const d of deals) if (d.outcome === "Open" && d.accountId) open.set(d.accountId, (open.get(d.accountId) ?? 0) + d.amount!);
    expect(a.withPipeline).toBe(open.size);
    expect(a.withPipeline).toBeGreaterThan(0);
    const top = a.top[0];
    expect(top.openAmount).toBe(Math.max(...open.values()));
    for (const l of a.top) {
      const plan = plans.find((p) => p.accountId === l.accountId);
      expect([l.nextStep, l.owner]).toEqual([plan?.nextStep ?? null, plan?.owner ?? null]);
      expect(l.name).toBe(data.account(l.accountId)!.name);
    }
    const won = deals.filter((d) => d.outcome === "Won" && d.closed! >= START && d.closed! <= END);
    expect(won.length).toBeGreaterThan(0);
    const by = (source: string) => won.filter((d) => (d.source ?? "Vendor") === source).reduce((n, d) => n + d.amount!, 0);
    expect(a.won.credit!.map((l) => l.amount)).toEqual([by("Partner-sourced"), by("Partner-influenced"), by("Vendor"), won.reduce((n, d) => n + d.amount!, 0)]);
    const registered = deals.filter((d) => d.registered !== null && d.registered >= START && d.registered <= END);
    expect(a.registered).toEqual({ count: registered.length, amount: registered.reduce((n, d) => n + d.amount!, 0) });
  });

  it("is empty, with no NaN, for a prospect", async () => {
    const qbr = await review(EMPTY, QUARTER);
    expect(qbr.accounts).toMatchObject({ period: null, planned: 0, withPipeline: 0, count: 0, top: [], registered: { count: 0, amount: 0 }, won: { count: 0, amount: 0, error: null } });
    expect(JSON.stringify(qbr)).not.toMatch(/NaN/);
  });
});

describe("the account plan of the QBR sheet, in a real .xlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-qbr-accounts-"));
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

  const rowOf = (sheet: ExcelJS.Worksheet, text: string | RegExp): number => {
    let found = 0;
    sheet.eachRow((row, n) => {
      const v = row.getCell(1).value;
      if (!found && typeof v === "string" && (typeof text === "string" ? v === text : text.test(v))) found = n;
    });
    return found;
  };

  it("holds the top accounts with their next steps, the deals registered and won, and the credit with shares as formulas", async () => {
    const qbr = await review(PLANNER, QUARTER);
    const a = qbr.accounts;
    const { file, sheet } = await written(qbr);
    const heading = rowOf(sheet, "Account plan: FY2026");
    expect(heading).toBeGreaterThan(0);
    a.top.forEach((l, i) => {
      const row = sheet.getRow(heading + 2 + i);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(5).value ?? null, row.getCell(7).value ?? null]).toEqual([l.name, l.openAmount, l.openDeals, l.nextStep, l.owner]);
    });
    const won = rowOf(sheet, "Won this quarter");
    // The pipeline block also has a "Won this quarter" line: the account plan's is after its heading.
    const wonHere = (() => {
      let found = 0;
      sheet.eachRow((row, n) => {
        if (!found && n > heading && row.getCell(1).value === "Won this quarter") found = n;
      });
      return found;
    })();
    expect(won).toBeGreaterThan(0);
    expect([sheet.getRow(wonHere).getCell(2).value, sheet.getRow(wonHere).getCell(3).value]).toEqual([a.won.amount, `${a.won.count} ${a.won.count === 1 ? "deal" : "deals"}`]);
    const credit = rowOf(sheet, "Partner's credit");
    const lines = a.won.credit!.filter((l) => l.source !== "Total");
    lines.forEach((l, i) => {
      const row = sheet.getRow(credit + 1 + i);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([l.source, l.amount]);
      expect(row.getCell(3).value).toMatchObject({ formula: expect.stringMatching(/^IF\(B\d+>0,B\d+\/B\d+,""\)$/) });
    });
    const total = credit + 1 + lines.length;
    expect(sheet.getRow(total).getCell(2).value).toMatchObject({ formula: `SUM(B${credit + 1}:B${total - 1})` });

    if (!libreOfficeAvailable()) return;
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(convert(file, path.join(dir, "calc")));
    const calc = again.getWorksheet(qbrName(PLANNER, QUARTER))!;
    const result = (row: number, column: number) => {
      const v = calc.getRow(row).getCell(column).value as { result?: number } | null;
      // exceljs reads a cached result of 0 back as undefined.
      return v?.result ?? 0;
    };
    expect(result(total, 2)).toBe(a.won.amount);
    lines.forEach((l, i) => expect(result(credit + 1 + i, 3)).toBeCloseTo(l.share!, 12));
  }, 120_000);

  it("says plainly that there are no accounts and nothing won", async () => {
    const { sheet } = await written(await review(EMPTY, QUARTER));
    const heading = rowOf(sheet, "Account plan");
    expect(sheet.getRow(heading + 1).getCell(1).value).toBe("No open pipeline on an account and no account plan covers this quarter.");
    expect(rowOf(sheet, "No deal won in the quarter: no credit to share.")).toBeGreaterThan(heading);
  });
});

const PDFTOPPM = "/usr/bin/pdftoppm";
const PDFTOTEXT = "/usr/bin/pdftotext";
const renderable = libreOfficeAvailable() && tool(PDFTOPPM, "poppler-utils");

describe.skipIf(!renderable)("the account plan slide of the QBR deck, rendered by LibreOffice Impress", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-qbr-accounts-deck-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function slideText(qbr: Qbr, shot: string): Promise<string> {
    const deck = path.join(dir, `${qbr.partner.id}.pptx`);
    fs.writeFileSync(deck, await deckBytes(qbr));
    const pdf = convert(deck, path.join(dir, "pdf"), "pdf");
    const page = String(SLIDE_TITLES.indexOf("Account plan") + 1);
    execFileSync(PDFTOPPM, ["-png", "-r", "60", "-f", page, "-l", page, "-singlefile", pdf, path.join(SCREENSHOTS, shot)]);
    const pages = execFileSync(PDFTOTEXT, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(SLIDE_TITLES.length);
    return execFileSync(PDFTOTEXT, ["-f", page, "-l", page, "-layout", pdf, "-"], { encoding: "utf8" });
  }

  it("shows the top accounts with pipeline, next step and owner, the deals registered and won, and the partner's credit", async () => {
    const qbr = await review(PLANNER, QUARTER);
    const a = qbr.accounts;
    const flat = (await slideText(qbr, "qbr-accounts-active")).replace(/\s+/g, " ");
    expect(flat).toContain("Account plan");
    expect(flat).toContain(`Account plan FY2026: ${a.planned} accounts`);
    for (const l of a.top) {
      expect(flat).toContain(l.name.split(" ")[0]);
      if (l.openDeals) expect(flat).toContain(`${amount(l.openAmount)} (${l.openDeals})`);
      if (l.owner) expect(flat).toContain(l.owner.split(" ")[0]);
    }
    expect(flat).toMatch(new RegExp(`Registered ${a.registered.count} ${amount(a.registered.amount)}`));
    expect(flat).toMatch(new RegExp(`Won ${a.won.count} ${amount(a.won.amount)}`));
    for (const l of a.won.credit!) expect(flat).toMatch(new RegExp(`${l.source} ${amount(l.amount)} ${percent(l.share).replace(".", "\\.")}`));
  }, 120_000);

  it("says so when a partner has no accounts and won nothing", async () => {
    const flat = (await slideText(await review(EMPTY, QUARTER), "qbr-accounts-empty")).replace(/\s+/g, " ");
    expect(flat).toContain("No open pipeline on an account and no account plan covers this quarter.");
    expect(flat).toContain("No deal won in the quarter: no credit to share.");
    expect(flat).not.toMatch(/NaN/);
  }, 120_000);
});
