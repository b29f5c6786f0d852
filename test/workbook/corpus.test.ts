// The malformed-workbook corpus (test/fixtures/workbooks, `npm run fixtures:workbooks`): each file
// opened through the .xlsx adapter and, from the same tables, through the Office.js adapter on the
// fake Excel. Each gives a clear report naming table, row, column and cell; a save that touches a
// bad table writes nothing (the file's bytes, or the fake workbook's cells, are unchanged); a file
// that is not a workbook is a clear WorkbookOpenError, never a raw exception.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import type { Upsert } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import { SCHEMA, type TableName } from "../../addin/workbook/schema";
import { type Problem, type RawTable, type WorkbookSnapshot, cell } from "../../addin/workbook/snapshot";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { WorkbookOpenError, XlsxAdapter } from "../../addin/workbook/xlsx";
import { openArchive } from "../../addin/workbook/ooxml/zip";
import { fakeExcelOf } from "./fake-excel";

/** A file as exceljs reads it: an independent reader of what the adapter wrote. */
async function excelJsOf(bytes: Uint8Array) {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const CORPUS = path.resolve(__dirname, "../fixtures/workbooks");
const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));

/** A problem as one line: table | row | column | cell | message. */
const line = (p: Problem) => [p.table, p.row ?? "-", p.column ?? "-", p.cell ?? "-", p.message].join(" | ");
/** Problems the file reader finds in a table's structure, which Excel itself never lets a table have. */
const structural = (p: Problem) => /merged|no header row/.test(p.message);
/** What the corpus's workbooks with every table lack: the plan, account and import tables, newer than they are, and the add-in's own table. */
const NEWER_TABLES: TableName[] = ["Library", "PlanActivities", "Funds", "FundRequests", "ValueProposition", "Accounts", "Leads", "AccountPlans", "PartnerScores", "ImportMaps", "PartnerAliases"];
const others = (present: readonly TableName[]) => SCHEMA.map((t) => t.name).filter((n) => !present.includes(n));

/** The key of data row `r` (0-based) of a table, for an upsert that updates that row. */
function keyOf(snapshot: WorkbookSnapshot, table: TableName, r: number): Record<string, string | number | null> {
  const t = snapshot.tables.get(table)!;
  return Object.fromEntries(t.schema.key.map((k) => [k, cell(t, r, k) as string | number | null]));
}

const rating = (snapshot: WorkbookSnapshot, r: number, value: number): Upsert => ({ table: "Audit", key: keyOf(snapshot, "Audit", r), set: { Rating: value } });
const status = (snapshot: WorkbookSnapshot, r: number, value: string): Upsert => ({ table: "Partners", key: keyOf(snapshot, "Partners", r), set: { Status: value } });

interface Opened {
  adapter: XlsxAdapter;
  workbook: PartnerWorkbook;
  raw: RawTable[];
}

async function open(file: string): Promise<Opened> {
  const adapter = await XlsxAdapter.open(bytesOf(file));
  const raw = await adapter.read();
  const again = await XlsxAdapter.open(bytesOf(file));
  return { adapter: again, workbook: await PartnerWorkbook.open(again), raw };
}

/** The same tables in the fake Excel, empty cells as Office.js reports them (""), read through the Office.js adapter. */
async function openInExcel(raw: RawTable[]) {
  const fake = fakeExcelOf(raw.map((t) => ({ ...t, rows: t.rows.map((r) => r.map((v) => v ?? "")) })));
  return { fake, workbook: await PartnerWorkbook.open(new OfficeAdapter(fake.run)) };
}

/** The tables of a saved file, as the adapter reads them. */
async function reread(bytes: Uint8Array): Promise<RawTable[]> {
  return (await XlsxAdapter.open(bytes)).read();
}

/**
 * Opens `file` through both adapters; checks the report (problem lines, missing tables) is the same
 * from both (less what only a file can hold); then tries `change`, which touches a bad table, and
 * checks it is refused with `refusal` among its problems and nothing is written anywhere.
 */
async function reportsAndRefuses(
  file: string,
  expected: { problems: string[] | { first: string[]; count: number }; present: TableName[] },
  change: (s: WorkbookSnapshot) => Upsert[],
  refusal: RegExp,
) {
  const { adapter, workbook, raw } = await open(file);
  const lines = workbook.snapshot.problems.map(line);
  if (Array.isArray(expected.problems)) expect(lines).toEqual(expected.problems);
  else {
    expect(lines.slice(0, expected.problems.first.length)).toEqual(expected.problems.first);
    expect(lines).toHaveLength(expected.problems.count);
  }
  expect(workbook.snapshot.missing).toEqual(others(expected.present));

  const excel = await openInExcel(raw);
  expect(excel.workbook.snapshot.problems.map(line)).toEqual(workbook.snapshot.problems.filter((p) => !structural(p)).map(line));
  expect(excel.workbook.snapshot.missing).toEqual(workbook.snapshot.missing);

  // .xlsx: refused by validation before any part is touched; saving gives back the file's own bytes.
  const result = await workbook.save(change(workbook.snapshot));
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problems.map(line).join("\n")).toMatch(refusal);
  expect(adapter.changedParts).toEqual({ written: [], removed: [] });
  expect(await adapter.save()).toEqual(bytesOf(file));

  // Office.js: refused the same way; not a cell of the fake workbook changes. (Excel never lets a
  // table hold merged cells or lose its header row, so a table whose only fault is one of those is
  // a valid table there.)
  const before = structuredClone(excel.fake.tables);
  const inExcel = await excel.workbook.save(change(excel.workbook.snapshot));
  const onlyStructural = workbook.snapshot.problems.length > 0 && workbook.snapshot.problems.every(structural);
  expect(inExcel.ok).toBe(onlyStructural);
  if (!onlyStructural) expect(excel.fake.tables).toEqual(before);
}

describe("workbooks that are not workbooks", () => {
  it.each([
    ["not-a-workbook.xlsx", /it holds plain text \(a CSV file\?\); open it in Excel and save it as an Excel Workbook \(\.xlsx\)\.$/],
    ["word-document.xlsx", /it is a Word document, not a workbook\.$/],
    ["truncated.xlsx", /it is a damaged zip archive \(an \.xlsx file is one\): the end of the file is missing\.$/],
    ["corrupt-part.xlsx", /its part xl\/worksheets\/sheet2\.xml is damaged \(its (size|checksum) /],
    ["legacy.xls", /it is an Excel 97–2003 workbook \(\.xls\) or a password-protected workbook; open it in Excel and save it as an Excel Workbook \(\.xlsx\)/],
  ])("%s is refused with a clear reason", async (file, reason) => {
    const error = await XlsxAdapter.open(bytesOf(file)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookOpenError);
    expect((error as Error).message).toMatch(/^This file cannot be opened as a workbook: /);
    expect((error as Error).message).toMatch(reason);
  });
});

describe("workbooks with problems: a clear report, and a save touching a bad table writes nothing", () => {
  it("missing-tables.xlsx: the tables the workbook lacks, and no Audit table to save to", () =>
    reportsAndRefuses("missing-tables.xlsx", { problems: [], present: ["Partners"] }, (s) => [{ table: "Audit", key: { PartnerId: cell(s.tables.get("Partners")!, 0, "PartnerId") as string, Area: "Ability to deliver", Criterion: "Energy invested", Date: 46295 }, set: { Rating: 4 } }], /^Audit \| - \| - \| - \| the workbook has no Audit table \(use Set up workbook to create it\)$/));

  it("missing-columns.xlsx: each missing column by table and name", () =>
    reportsAndRefuses(
      "missing-columns.xlsx",
      { problems: ["Partners | - | Name | - | table Partners has no Name column", "Audit | - | Rating | - | table Audit has no Rating column"], present: ["Partners", "Audit"] },
      (s) => [rating(s, 0, 4)],
      /Audit \| - \| Rating \| - \| table Audit has no Rating column/,
    ));

  it("renamed-headers.xlsx: a misspelt header is a missing column", () =>
    reportsAndRefuses(
      "renamed-headers.xlsx",
      {
        problems: ["Audit | - | PartnerId | - | table Audit has no PartnerId column", "Audit | - | Rating | - | table Audit has no Rating column", "Engagement | - | OptIn | - | table Engagement has no OptIn column"],
        present: ["Partners", "Audit", "Engagement"],
      },
      () => [{ table: "Engagement", key: { PartnerId: "P0001", Period: "2026-Q3" }, set: { Meets: true } }],
      /Engagement \| - \| OptIn \| - \| table Engagement has no OptIn column/,
    ));

  it("duplicate-ids.xlsx: each repeated id, with the row it repeats", () =>
    reportsAndRefuses(
      "duplicate-ids.xlsx",
      { problems: { first: ["Partners | 7 | PartnerId | Partners!A8 | PartnerId P0003 is also in row 3", "Partners | 12 | PartnerId | Partners!A13 | PartnerId p0005 is also in row 5", "Audit | 99 | PartnerId | Audit!A100 | PartnerId P0007 is not in the Partners table"], count: 58 }, present: ["Partners", "Audit"] },
      (s) => [status(s, 0, "Active")],
      /Partners \| 7 \| PartnerId \| Partners!A8 \| PartnerId P0003 is also in row 3/,
    ));

  it("unknown-ids.xlsx: each id Partners does not have", () =>
    reportsAndRefuses(
      "unknown-ids.xlsx",
      { problems: ["Audit | 2 | PartnerId | Audit!A3 | PartnerId P9999 is not in the Partners table", "Deals | 1 | PartnerId | Deals!A2 | PartnerId ACME is not in the Partners table"], present: ["Partners", "Audit", "Deals"] },
      (s) => [rating(s, 5, 2)],
      /PartnerId P9999 is not in the Partners table/,
    ));

  it("text-in-numbers.xlsx: text in a number column, by cell; a number typed as text is a number", () =>
    reportsAndRefuses(
      "text-in-numbers.xlsx",
      {
        problems: [
          'Engagement | 4 | Opportunities | Engagement!J5 | Opportunities: expected a number, got "three"',
          'Plan | 1 | Target | Plan!D2 | Target: expected a number, got "12k"',
          'Plan | 2 | Actual | Plan!E3 | Actual: expected a number, got "n/a"',
          'Deals | 3 | Amount | Deals!D4 | Amount: expected a number, got "about 5000"',
        ],
        present: ["Partners", "Engagement", "Plan", "Deals"],
      },
      (s) => [{ table: "Plan", key: keyOf(s, "Plan", 5), set: { Actual: 1000 } }],
      /Plan \| 1 \| Target \| Plan!D2/,
    ));

  it("ratings-out-of-range.xlsx: each rating outside 1–5", () =>
    reportsAndRefuses(
      "ratings-out-of-range.xlsx",
      {
        problems: [0, 6, -1, 10].map((v, i) => `Audit | ${i + 1} | Rating | Audit!D${i + 2} | Rating: a rating must be from 1 to 5, got ${v}`),
        present: ["Partners", "Audit"],
      },
      (s) => [rating(s, 10, 3)],
      /Rating: a rating must be from 1 to 5, got 0/,
    ));

  it("bad-dates.xlsx: each cell that is not a date", () =>
    reportsAndRefuses(
      "bad-dates.xlsx",
      {
        problems: [
          "Partners | 2 | SignedDate | Partners!H3 | SignedDate: expected a date, got -5",
          'Audit | 1 | Date | Audit!E2 | Date: expected a date, got "31/12/2026"',
          'Audit | 2 | Date | Audit!E3 | Date: expected a date, got "next week"',
          'Tasks | 1 | Due | Tasks!C2 | Due: expected a date, got "2026-02-30"',
        ],
        present: ["Partners", "Audit", "Tasks"],
      },
      (s) => [{ table: "Tasks", key: keyOf(s, "Tasks", 3), set: { Owner: "Amelia Hart" } }],
      /Due: expected a date, got "2026-02-30"/,
    ));

  it("merged-cells.xlsx: each merged area, by table, row and column", () =>
    reportsAndRefuses(
      "merged-cells.xlsx",
      {
        problems: [
          "Partners | 3 | Name | Partners!B4:C4 | cells B4:C4 are merged; a table cannot hold merged cells: unmerge them (Home › Merge & Center)",
          "Audit | 9 | Rating | Audit!D10:D11 | cells D10:D11 are merged; a table cannot hold merged cells: unmerge them (Home › Merge & Center)",
        ],
        present: ["Partners", "Audit"],
      },
      (s) => [status(s, 20, "Active")],
      /cells B4:C4 are merged/,
    ));

  it("blank-required.xlsx: each blank cell a row needs", () =>
    reportsAndRefuses(
      "blank-required.xlsx",
      {
        problems: ["Partners | 2 | Name | Partners!B3 | Name is blank", "Audit | 4 | Area | Audit!B5 | Area is blank", "Audit | 5 | Criterion | Audit!C6 | Criterion is blank", "Plan | 1 | Period | Plan!B2 | Period is blank"],
        present: ["Partners", "Audit", "Plan"],
      },
      (s) => [status(s, 0, "Active")],
      /Name is blank/,
    ));

  it("duplicate-columns.xlsx: a column that is there twice", () =>
    reportsAndRefuses(
      "duplicate-columns.xlsx",
      { problems: ["Audit | - | Rating | Audit!G1 | table Audit has two Rating columns (Audit!D1 and Audit!G1): rename or remove one"], present: ["Partners", "Audit"] },
      (s) => [rating(s, 0, 2)],
      /two Rating columns/,
    ));

  it("formulas-in-tables.xlsx: formulas read as their cached results; an error result is a problem", () =>
    reportsAndRefuses(
      "formulas-in-tables.xlsx",
      { problems: ['Audit | 3 | Rating | Audit!D4 | Rating: expected a number, got "#N/A"'], present: ["Partners", "Audit", "Metrics"] },
      (s) => [rating(s, 0, 5)],
      /got "#N\/A"/,
    ));

  it("headerless-table.xlsx: a table without its header row", () =>
    reportsAndRefuses(
      "headerless-table.xlsx",
      { problems: ["Partners | - | - | Partners!A1 | table Partners has no header row, so its columns cannot be matched by name: turn on its header row (Table Design › Header Row)"], present: ["Partners", "Audit"] },
      (s) => [status(s, 0, "Active")],
      /no header row/,
    ));

  it("yes-no-booleans.xlsx: yes/no, Y/N, TRUE as text and 1/0 are answers; \"perhaps\" is not", async () => {
    await reportsAndRefuses(
      "yes-no-booleans.xlsx",
      { problems: ['Engagement | 6 | OptIn | Engagement!B7 | OptIn: expected TRUE or FALSE, got "perhaps"'], present: ["Partners", "Engagement"] },
      (s) => [{ table: "Engagement", key: keyOf(s, "Engagement", 0), set: { Online: true } }],
      /OptIn: expected TRUE or FALSE, got "perhaps"/,
    );
    const { workbook } = await open("yes-no-booleans.xlsx");
    const engagement = new PartnerData(workbook.snapshot).engagement;
    expect(engagement).toHaveLength(40);
    const answers = engagement.flatMap((e) => e.answers);
    expect(answers.filter((a) => a).length).toBeGreaterThan(40);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(40);
    // Row 1 is "TRUE" as text, row 2's Meets is 1, row 3's Access is 0.
    expect([engagement[0].answers[0], engagement[1].answers[1], engagement[2].answers[2]]).toEqual([true, true, false]);
  });
});

describe("workbooks that are odd but valid: read, and saved", () => {
  async function saveAndReopen(opened: Opened, changes: Upsert[]) {
    const result = await opened.workbook.save(changes);
    expect(result).toMatchObject({ ok: true });
    return reread(await opened.adapter.save());
  }

  it("headers-reordered.xlsx: columns found by header in any order and case; a rating lands in its own column", async () => {
    const opened = await open("headers-reordered.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    const audit = opened.workbook.snapshot.tables.get("Audit")!;
    expect(audit.headers).toEqual(["RATING", "date", "Criterion", "AREA", "partnerid", "Note"]);
    const old = cell(audit, 0, "Rating");
    const after = await saveAndReopen(opened, [rating(opened.workbook.snapshot, 0, old === 5 ? 1 : 5)]);
    const saved = after.find((t) => t.name === "Audit")!;
    expect(saved.rows[0][0]).toBe(old === 5 ? 1 : 5);
    expect(saved.rows[0].slice(1)).toEqual(opened.raw.find((t) => t.name === "Audit")!.rows[0].slice(1));
    expect(saved.rows.slice(1)).toEqual(opened.raw.find((t) => t.name === "Audit")!.rows.slice(1));
  });

  it("empty-tables.xlsx: empty tables are valid; a first partner can be added", async () => {
    const opened = await open("empty-tables.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    expect(opened.workbook.snapshot.missing).toEqual(NEWER_TABLES);
    expect(new PartnerData(opened.workbook.snapshot).partners).toEqual([]);
    const after = await saveAndReopen(opened, [
      { table: "Partners", key: { PartnerId: "P0001" }, set: { Name: "Northwind Systems Ltd", Region: "EMEA" } },
      { table: "Audit", key: { PartnerId: "P0001", Area: "Ability to deliver", Criterion: "Energy invested", Date: 46295 }, set: { Rating: 4 } },
    ]);
    const reopened = await PartnerWorkbook.open({ read: async () => after, write: async () => undefined, create: async () => undefined, writeSheet: async () => undefined });
    expect(reopened.snapshot.problems).toEqual([]);
    expect(await problemsOf(after)).toEqual([]);
    const data = new PartnerData(reopened.snapshot);
    expect(data.partners.map((p) => [p.id, p.name])).toEqual([["P0001", "Northwind Systems Ltd"]]);
    expect(data.audits.map((a) => [a.partnerId, a.rating])).toEqual([["P0001", 4]]);
  });

  it("table-not-at-a1.xlsx: addresses on its own sheet; a fix is written in place, content around it untouched; growing into content below is refused", async () => {
    const opened = await open("table-not-at-a1.xlsx");
    expect(opened.workbook.snapshot.problems.map(line)).toEqual(["Partners | 5 | SignedDate | 'Partner list'!J9 | SignedDate: expected a date, got \"soon\""]);
    const partners = opened.workbook.snapshot.tables.get("Partners")!;
    expect([partners.sheet, partners.origin]).toEqual(["Partner list", { row: 4, column: 3 }]);
    const fix: Upsert = { table: "Partners", key: keyOf(opened.workbook.snapshot, "Partners", 4), set: { SignedDate: "2026-10-01" } };

    // A new partner would need the row the count formula is on: refused before any cell is written.
    await expect(opened.workbook.save([fix, { table: "Partners", key: { PartnerId: "P9001" }, set: { Name: "Newco" } }])).rejects.toThrow(
      /table Partners cannot grow: cell 'Partner list'!C45 below it is not empty; move what is below the table first/,
    );
    expect(await reread(await opened.adapter.save())).toEqual(opened.raw);

    const after = await saveAndReopen(opened, [fix]);
    const saved = after.find((t) => t.name === "Partners")!;
    expect(saved.rows[4][7]).toBe(46296);
    expect(await problemsOf(after)).toEqual([]);
    const sheet = (await excelJsOf(await opened.adapter.save())).getWorksheet("Partner list")!;
    expect([sheet.getCell("A1").value, sheet.getCell("L5").value, (sheet.getCell("C45").value as { formula: string }).formula]).toEqual([
      "Channel partners — EMEA, Americas, APAC",
      "Region codes follow the finance system.",
      "ROWS(Partners[PartnerId])",
    ]);
  });

  it("totals-row.xlsx: the totals row is not data; a cell can change, a new row cannot be added", async () => {
    const opened = await open("totals-row.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    const plan = opened.workbook.snapshot.tables.get("Plan")!;
    expect(plan.rows).toHaveLength(140);
    expect(plan.rows.some((r) => r[0] === "Total")).toBe(false);
    await expect(opened.workbook.save([{ table: "Plan", key: { PartnerId: "P0001", Period: "2027-Q1", KPI: "Revenue" }, set: { Target: 1, Actual: 0 } }])).rejects.toThrow(
      /table Plan has a totals row; add its rows in Excel/,
    );
    const after = await saveAndReopen(opened, [{ table: "Plan", key: keyOf(opened.workbook.snapshot, "Plan", 0), set: { Actual: 12_345 } }]);
    const saved = after.find((t) => t.name === "Plan")!;
    expect(saved.rows).toHaveLength(140);
    expect(saved.rows[0][4]).toBe(12_345);
    expect(saved.rows.slice(1)).toEqual(opened.raw.find((t) => t.name === "Plan")!.rows.slice(1));
  });

  it("extra-columns.xlsx: the user's own columns are kept untouched by a save", async () => {
    const opened = await open("extra-columns.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    expect(opened.workbook.snapshot.tables.get("Metrics")!.extras.map((e) => e.header)).not.toContain("Comment");
    const after = await saveAndReopen(opened, [status(opened.workbook.snapshot, 3, "Active"), { table: "Partners", key: { PartnerId: "P9001" }, set: { Name: "Newco" } }]);
    const before = opened.raw.find((t) => t.name === "Partners")!;
    const saved = after.find((t) => t.name === "Partners")!;
    expect(saved.headers).toEqual(before.headers);
    const notes = before.headers.indexOf("Notes");
    const kept = (rows: unknown[][]) => rows.map((r) => [r[notes], r[9], r[10]]);
    expect(kept(saved.rows.slice(0, 40))).toEqual(kept(before.rows));
    expect(saved.rows[3][before.headers.indexOf("Status")]).toBe("Active");
    expect(saved.rows[40].slice(0, 3)).toEqual(["P9001", "Newco", null]);
    expect(after.find((t) => t.name === "Metrics")).toEqual(opened.raw.find((t) => t.name === "Metrics"));
  });

  it("large-5000.xlsx: 5,000 partners read without a problem, and a change to every one of them saved", async () => {
    const opened = await open("large-5000.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    expect(opened.workbook.snapshot.tables.get("Partners")!.rows).toHaveLength(5000);
    const changes = Array.from({ length: 5000 }, (_, r) => status(opened.workbook.snapshot, r, "Active"));
    const after = await saveAndReopen(opened, changes);
    const saved = after.find((t) => t.name === "Partners")!;
    expect(new Set(saved.rows.map((r) => r[6]))).toEqual(new Set(["Active"]));
    expect(saved.rows.map((r) => r.filter((_, c) => c !== 6))).toEqual(opened.raw.find((t) => t.name === "Partners")!.rows.map((r) => r.filter((_, c) => c !== 6)));
    const excel = await openInExcel(opened.raw);
    expect((await excel.workbook.save(changes)).ok).toBe(true);
  }, 120_000);

  it("libreoffice-saved.xlsx: LibreOffice's own XML (booleans as formulas) reads and saves like Excel's", async () => {
    const opened = await open("libreoffice-saved.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    expect(opened.workbook.snapshot.missing).toEqual(NEWER_TABLES);
    const data = new PartnerData(opened.workbook.snapshot);
    expect(data.partners).toHaveLength(60);
    expect(data.engagement.flatMap((e) => e.answers).filter((a) => !a).length).toBeGreaterThan(60);
    const after = await saveAndReopen(opened, [rating(opened.workbook.snapshot, 0, 1)]);
    expect(after.find((t) => t.name === "Audit")!.rows[0][3]).toBe(1);
    for (const t of opened.raw.filter((t) => t.name !== "Audit")) expect(after.find((a) => a.name === t.name), t.name).toEqual(t);
  });

  it("excel-style-tables.xlsx: tables written as Excel writes them keep their header row through a save", async () => {
    const opened = await open("excel-style-tables.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    const after = await saveAndReopen(opened, [status(opened.workbook.snapshot, 0, "Active")]);
    expect(await problemsOf(after)).toEqual([]);
    expect(after.map((t) => [t.name, t.headers, t.rows.length])).toEqual(opened.raw.map((t) => [t.name, t.headers, t.rows.length]));
  });

  it("ids-as-numbers.xlsx: an id typed as a number and the same id as text are one partner", async () => {
    const opened = await open("ids-as-numbers.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    const data = new PartnerData(opened.workbook.snapshot);
    expect(data.partners.map((p) => p.id).slice(0, 3)).toEqual(["1001", "1002", "1003"]);
    expect(opened.raw.find((t) => t.name === "Audit")!.rows[0][0]).toBe("1002");
    expect(data.auditsOf("1002")).toHaveLength(14);
    const saved = await opened.workbook.save([{ table: "Audit", key: { PartnerId: "1002", Area: "Revenue potential", Criterion: "Revenue this year", Date: 46387 }, set: { Rating: 3 } }]);
    expect(saved).toMatchObject({ ok: true, rows: 1 });
  });

  it("date-1904.xlsx: dates read in the 1900 system Excel's functions use, and written back in the file's own", async () => {
    const opened = await open("date-1904.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    // The same 30 partners' audits in a 1900-system file.
    const same = await open("blank-required.xlsx");
    const dates = (o: Opened) => o.raw.find((t) => t.name === "Audit")!.rows.map((r) => r[4]);
    expect(dates(opened)).toEqual(dates(same));
    expect(new Set(dates(opened))).toEqual(new Set([46203, 46295]));
    const first = opened.raw.find((t) => t.name === "Audit")!.rows[0];
    const after = await saveAndReopen(opened, [
      rating(opened.workbook.snapshot, 0, 2),
      { table: "Audit", key: { PartnerId: first[0] as string, Area: "Ability to deliver", Criterion: "Energy invested", Date: "2026-12-31" }, set: { Rating: 4 } },
    ]);
    const audit = after.find((t) => t.name === "Audit")!;
    expect(audit.rows[0][3]).toBe(2);
    // 2026-12-31 is 46387 in the 1900 system; the file stores 46387 − 1462 and reads back the same day.
    expect(audit.rows.at(-1)!.slice(0, 5)).toEqual([first[0], "Ability to deliver", "Energy invested", 4, 46387]);
    const saved = await excelJsOf(await opened.adapter.save());
    expect(saved.properties.date1904).toBe(true);
  });

  it("chart.xlsx: saved with its chart: the chart and drawing parts are the file's own bytes", async () => {
    const opened = await open("chart.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    const after = await saveAndReopen(opened, [status(opened.workbook.snapshot, 0, "Active")]);
    expect(after.find((t) => t.name === "Partners")!.rows[0][6]).toBe("Active");
    const [before, saved] = await Promise.all([openArchive(bytesOf("chart.xlsx")), openArchive(await opened.adapter.save())]);
    expect(saved.names).toEqual(before.names);
    for (const part of before.names.filter((n) => /chart|drawing/.test(n))) expect(await saved.bytes(part), part).toEqual(await before.bytes(part));
  });

  it("prefixed-xml.xlsx: read in full, and saved in the file's own namespace prefix", async () => {
    const opened = await open("prefixed-xml.xlsx");
    expect(opened.workbook.snapshot.problems).toEqual([]);
    expect(new PartnerData(opened.workbook.snapshot).partners).toHaveLength(20);
    expect(opened.raw.find((t) => t.name === "Audit")!.rows.length).toBe(378);
    const after = await saveAndReopen(opened, [status(opened.workbook.snapshot, 0, "Active"), { table: "Partners", key: { PartnerId: "P9001" }, set: { Name: "Newco" } }]);
    const partners = after.find((t) => t.name === "Partners")!;
    expect(partners.rows[0][6]).toBe("Active");
    expect(partners.rows.at(-1)!.slice(0, 2)).toEqual(["P9001", "Newco"]);
    const sheet = (await (await openArchive(await opened.adapter.save())).text("xl/worksheets/sheet1.xml"))!;
    expect(sheet).toContain(`<x:c r="G2" t="inlineStr"><x:is><x:t>Active</x:t></x:is></x:c>`);
    expect(sheet).not.toMatch(/<c[\s>]|<row[\s>]/);
  });

  it("covers every file of the corpus", () => {
    const tested = [
      ...["not-a-workbook", "word-document", "truncated", "corrupt-part"].map((f) => `${f}.xlsx`),
      "legacy.xls",
      ...["missing-tables", "missing-columns", "renamed-headers", "duplicate-ids", "unknown-ids", "text-in-numbers", "ratings-out-of-range", "bad-dates", "merged-cells", "blank-required", "duplicate-columns", "formulas-in-tables", "headerless-table", "yes-no-booleans"].map((f) => `${f}.xlsx`),
      ...["headers-reordered", "empty-tables", "table-not-at-a1", "totals-row", "extra-columns", "large-5000", "libreoffice-saved", "excel-style-tables", "ids-as-numbers", "date-1904", "chart", "prefixed-xml"].map((f) => `${f}.xlsx`),
    ];
    const files = fs.readdirSync(CORPUS).filter((f) => !f.endsWith(".md"));
    expect([...tested].sort()).toEqual([...files].sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
});

/** The problems a workbook's tables have, as PartnerWorkbook reports them. */
async function problemsOf(tables: RawTable[]): Promise<string[]> {
  const workbook = await PartnerWorkbook.open({ read: async () => tables, write: async () => undefined, create: async () => undefined, writeSheet: async () => undefined });
  return workbook.snapshot.problems.map(line);
}
