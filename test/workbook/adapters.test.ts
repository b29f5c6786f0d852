// The Office.js and .xlsx adapters, tested against the same cases: both read the partner tables
// by name and header, write a validated batch whole or not at all (updates, deleted rows, new
// rows), and set up missing tables.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import type { Change, Upsert } from "../../addin/workbook/plan";
import { SCHEMA } from "../../addin/workbook/schema";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook, type WorkbookAdapter } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { openArchive } from "../../addin/workbook/ooxml/zip";
import { type FakeExcel, fakeExcelOf } from "./fake-excel";
import { rawTablesOf, tablesOf, xlsxOf } from "./fixtures";

/** A file as exceljs reads it: an independent reader of what the adapter wrote. */
async function excelJsOf(bytes: Uint8Array) {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** `bytes` with `edit` applied by exceljs: a test file changed by another program. */
async function editedWithExcelJS(bytes: Uint8Array, edit: (workbook: Awaited<ReturnType<typeof excelJsOf>>) => void): Promise<Uint8Array> {
  const workbook = await excelJsOf(bytes);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface Subject {
  adapter: WorkbookAdapter;
  /** Opens what the adapter wrote as a fresh workbook (a saved file, or the same Excel session). */
  reopen(): Promise<PartnerWorkbook>;
  raw(): Promise<RawTable[]>;
  fake?: FakeExcel;
}

/** A workbook of 60 partners with the Partners, Audit and Deals tables only. */
const PARTIAL = ["Partners", "Audit", "Deals"];
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await xlsxOf(tablesOf(60, PARTIAL));
});

const subjects: [string, () => Promise<Subject>][] = [
  [
    ".xlsx",
    async () => {
      const adapter = await XlsxAdapter.open(bytes);
      return {
        adapter,
        reopen: async () => PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save())),
        raw: () => adapter.read(),
      };
    },
  ],
  [
    "Office.js",
    async () => {
      const fake = fakeExcelOf(await (await XlsxAdapter.open(bytes)).read());
      const adapter = new OfficeAdapter(fake.run);
      return { adapter, fake, reopen: () => PartnerWorkbook.open(new OfficeAdapter(fake.run)), raw: () => new OfficeAdapter(fake.run).read() };
    },
  ],
];

const rating = (partnerId: string, criterion: string, date: string, value: unknown): Upsert => ({
  table: "Audit",
  key: { PartnerId: partnerId, Area: "Ability to deliver", Criterion: criterion, Date: date },
  set: { Rating: value as number },
});

describe.each(subjects)("%s adapter", (_name, make) => {
  it("reads the partner tables by name and header, with no problems in the sample", async () => {
    const { adapter } = await make();
    const workbook = await PartnerWorkbook.open(adapter);
    const { tables, missing, problems } = workbook.snapshot;
    expect(problems).toEqual([]);
    expect(tables.get("Partners")!.rows).toHaveLength(60);
    expect(tables.get("Audit")!.headers).toEqual(["PartnerId", "Area", "Criterion", "Rating", "Date", "Note"]);
    expect(missing).toEqual(SCHEMA.map((t) => t.name).filter((n) => !tables.has(n)));
  });

  it("saves a batch whole: updated cells and new rows are there when the workbook is opened again", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const audit = workbook.snapshot.tables.get("Audit")!;
    const first = audit.rows[0];
    const result = await workbook.save([
      rating(String(first[0]), String(first[2]), "2026-09-30", first[3] === 5 ? 4 : 5),
      rating(String(first[0]), "Energy invested", "2026-12-31", 3),
    ]);
    expect(result).toEqual({ ok: true, cells: 1, rows: 1, deleted: 0 });
    const again = (await subject.reopen()).snapshot.tables.get("Audit")!;
    expect(again.rows).toHaveLength(audit.rows.length + 1);
    expect(again.rows[0][3]).toBe(first[3] === 5 ? 4 : 5);
    // Office reports an empty cell as "", exceljs as null.
    expect(again.rows.at(-1)!.map((v) => (v === "" ? null : v))).toEqual([first[0], "Ability to deliver", "Energy invested", 3, 46387, null]);
    expect(again.rows.slice(1, -1)).toEqual(audit.rows.slice(1));
  });

  it("writes nothing when any change in the batch is invalid, and lists every problem", async () => {
    const subject = await make();
    const before = await subject.raw();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const result = await workbook.save([
      rating("P0001", "Energy invested", "2026-12-31", 4),
      rating("P0001", "Trust and transparency", "2026-12-31", 9),
      rating("P9999", "Energy invested", "2026-12-31", 3),
      { table: "Audit", key: { PartnerId: "P0002", Area: "Ability to deliver", Criterion: "Scale", Date: "31/12/2026" }, set: { Rating: 2 } },
      { table: "Deals", key: { DealId: "D1" }, set: { PartnerId: "P0001", Colour: "red" } },
      { table: "Tasks", key: { PartnerId: "P0001", Task: "Call" }, set: { Due: "2026-12-01" } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.table}|${p.column ?? ""}|${p.message}`)).toEqual([
      "Audit|Rating|Rating: a rating must be from 1 to 5, got 9",
      "Audit|PartnerId|PartnerId P9999 is not in the Partners table",
      'Audit|Date|Date: expected a date, got "31/12/2026"',
      "Deals|Colour|table Deals has no Colour column",
      "Tasks||the workbook has no Tasks table (use Set up workbook to create it)",
    ]);
    expect(await subject.raw()).toEqual(before);
  });

  it("refuses text longer than an Excel cell holds, naming the table and column", async () => {
    const subject = await make();
    const before = await subject.raw();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const result = await workbook.save([
      { table: "Partners", key: { PartnerId: "P0001" }, set: { Name: "x".repeat(40_000) } },
      { table: "Partners", key: { PartnerId: "P0002" }, set: { Region: "y".repeat(32_767) } },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ table: "Partners", column: "Name", message: "Name: the text is 40,000 characters long, more than the 32,767 an Excel cell holds" }]);
    expect(await subject.raw()).toEqual(before);
  });

  it("writes formulas as formulas", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const result = await workbook.save([
      { table: "Partners", key: { PartnerId: "P0003" }, set: { Region: { formula: '=UPPER("emea")' } } },
    ]);
    expect(result.ok).toBe(true);
    if (subject.fake) {
      const partners = subject.fake.tables.find((t) => t.name === "Partners")!;
      expect(partners.rows[2][2]).toEqual({ formula: '=UPPER("emea")' });
    } else {
      const sheet = (await excelJsOf(await (subject.adapter as XlsxAdapter).save())).getWorksheet("Partners")!;
      expect(sheet.getCell("C4").value).toEqual({ formula: 'UPPER("emea")' });
    }
  });

  it("sets up the missing tables, which then read back empty and valid", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const created = await workbook.setUp();
    expect(created).toEqual([
      "Engagement",
      "Scorecard",
      "Metrics",
      "Assumptions",
      "Plan",
      "Tasks",
      "Approvals",
      "Library",
      "PlanActivities",
      "Funds",
      "FundRequests",
      "ValueProposition",
      "Accounts",
      "Leads",
      "AccountPlans",
      "PartnerScores",
      "ImportMaps",
      "PartnerAliases",
    ]);
    const again = await subject.reopen();
    expect(again.snapshot.missing).toEqual([]);
    expect(again.snapshot.problems).toEqual([]);
    const tasks = again.snapshot.tables.get("Tasks")!;
    expect(tasks.headers).toEqual(["PartnerId", "Task", "Due", "Owner", "Done"]);
    const saved = await workbook.save([
      { table: "Tasks", key: { PartnerId: "P0001", Task: "Joint webinar" }, set: { Due: "2026-12-15" } },
      { table: "Tasks", key: { PartnerId: "P0002", Task: "Certify two engineers" }, set: { Due: "2026-12-31" } },
    ]);
    // The first new row fills the blank row a new table has, the second goes below it.
    expect(saved).toEqual({ ok: true, cells: 0, rows: 2, deleted: 0 });
    const rows = (await subject.reopen()).snapshot.tables.get("Tasks")!.rows;
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["P0001", "Joint webinar"],
      ["P0002", "Certify two engineers"],
    ]);
  });
});

/** A workbook of 60 partners with their P&L assumptions, for deleting rows. */
const WITH_ASSUMPTIONS = ["Partners", "Assumptions", "Audit"];
let assumptionsBytes: Uint8Array;
beforeAll(async () => {
  assumptionsBytes = await editedWithExcelJS(await xlsxOf(tablesOf(60, WITH_ASSUMPTIONS)), (workbook) => {
    // Cells beside and below the table, which no deletion may move.
    const sheet = workbook.getWorksheet("Assumptions")!;
    sheet.getCell("N1").value = "Notes";
    sheet.getCell("N30").value = "beside row 29";
    sheet.getCell("A60").value = "below the table";
    sheet.getCell("C61").value = { formula: "SUM(Assumptions[Value])", result: 1 };
  });
});

const deletionSubjects: [string, () => Promise<Subject>][] = [
  [
    ".xlsx",
    async () => {
      const adapter = await XlsxAdapter.open(assumptionsBytes);
      return { adapter, reopen: async () => PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save())), raw: () => adapter.read() };
    },
  ],
  [
    "Office.js",
    async () => {
      const fake = fakeExcelOf(await (await XlsxAdapter.open(assumptionsBytes)).read());
      const adapter = new OfficeAdapter(fake.run);
      return { adapter, fake, reopen: () => PartnerWorkbook.open(new OfficeAdapter(fake.run)), raw: () => new OfficeAdapter(fake.run).read() };
    },
  ],
];

const assumption = (partnerId: string, name: string): Change => ({ table: "Assumptions", key: { PartnerId: partnerId, Name: name }, delete: true });
/** Rows as both adapters report them: Office gives "" for an empty cell, exceljs null. */
const plain = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r.map((v) => (v === "" ? null : v)));
const rowsOf = async (workbook: PartnerWorkbook, table = "Assumptions") => plain(workbook.snapshot.tables.get(table as "Assumptions")!.rows);
const named = (rows: unknown[][], partnerId: string, name: string) => rows.findIndex((r) => r[0] === partnerId && r[1] === name);
/**
 * The rows once `gone` (indexes) are deleted: Excel takes them out (Office.js), a file has them
 * emptied in place (.xlsx), so that nothing below them moves.
 */
const withoutRows = (rows: unknown[][], gone: number[], adapter: WorkbookAdapter) =>
  adapter.deletion === "clear" ? rows.map((r, i) => (gone.includes(i) ? r.map(() => null) : r)) : rows.filter((_, i) => !gone.includes(i));

describe.each(deletionSubjects)("%s adapter: deleting rows", (_name, make) => {
  it("deletes table rows (Excel takes them out, a file has them emptied), the rest unchanged", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const before = await rowsOf(workbook);
    const result = await workbook.save([assumption("P0007", "product_margin"), assumption("P0058", "ramp"), assumption("p0019", "HEADCOUNT")]);
    expect(result).toEqual({ ok: true, cells: 0, rows: 0, deleted: 3 });
    const expected = withoutRows(before, [named(before, "P0007", "product_margin"), named(before, "P0058", "ramp"), named(before, "P0019", "headcount")], subject.adapter);
    expect(expected.filter((r) => r.some((v) => v !== null))).toHaveLength(before.length - 3);
    expect(await rowsOf(workbook)).toEqual(expected);
    const again = await subject.reopen();
    expect(await rowsOf(again)).toEqual(expected);
    expect(again.snapshot.problems).toEqual([]);
    // Other tables are as they were.
    expect(plain(again.snapshot.tables.get("Audit")!.rows)).toEqual(plain(workbook.snapshot.tables.get("Audit")!.rows));
  });

  it("updates, deletes and adds rows of one table in one batch, in the batch's order", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const before = await rowsOf(workbook);
    const changes: Change[] = [
      { table: "Assumptions", key: { PartnerId: "P0058", Name: "marketing_cost" }, set: { Value: 60000, Year2: 40000, Year3: null } },
      assumption("P0007", "license_revenue"),
      { table: "Assumptions", key: { PartnerId: "P0025", Name: "mdf" }, set: { Value: 20000 } },
      // Set, then deleted: the row is not written at all.
      { table: "Assumptions", key: { PartnerId: "P0025", Name: "services_attach" }, set: { Value: 0.6 } },
      assumption("P0025", "services_attach"),
      // Deleted, then set again: a new row at the end.
      assumption("P0056", "headcount"),
      { table: "Assumptions", key: { PartnerId: "P0056", Name: "headcount" }, set: { Value: 2 } },
      // Nothing to delete.
      assumption("P0025", "rebate_rate"),
    ];
    const result = await workbook.save(changes);
    expect(result).toEqual({ ok: true, cells: 3, rows: 2, deleted: 2 });
    const blank = (n: number) => Array.from({ length: n }, () => null);
    const updated = before.map((r) => (r[0] === "P0058" && r[1] === "marketing_cost" ? ["P0058", "marketing_cost", 60000, 40000, null, ...blank(7)] : r));
    const expected = withoutRows(updated, [named(before, "P0007", "license_revenue"), named(before, "P0056", "headcount")], subject.adapter);
    expected.push(["P0025", "mdf", 20000, ...blank(9)], ["P0056", "headcount", 2, ...blank(9)]);
    expect(await rowsOf(workbook)).toEqual(expected);
    expect(await rowsOf(await subject.reopen())).toEqual(expected);
  });

  it("writes nothing when a batch with deletions has any problem", async () => {
    const subject = await make();
    const before = await subject.raw();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const result = await workbook.save([
      assumption("P0007", "headcount"),
      { table: "Assumptions", key: { PartnerId: "P0007", Colour: "red" }, delete: true },
      { table: "Assumptions", key: { PartnerId: "P0019", Name: "mdf" }, set: { Value: "lots" } },
      { table: "Tasks", key: { PartnerId: "P0007", Task: "Call" }, delete: true },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.table}|${p.column ?? ""}|${p.message}`)).toEqual([
      "Assumptions|Colour|table Assumptions has no Colour column",
      'Assumptions|Value|Value: expected a number, got "lots"',
      "Tasks||the workbook has no Tasks table (use Set up workbook to create it)",
    ]);
    expect(await subject.raw()).toEqual(before);
  });

  it("refuses to delete by a key that names several rows", async () => {
    const subject = await make();
    const before = await subject.raw();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const result = await workbook.save([{ table: "Assumptions", key: { PartnerId: "P0007" }, delete: true }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe("PartnerId P0007 is in rows 23 and 24 and 25 and 26 of Assumptions; remove the duplicate first");
    expect(await subject.raw()).toEqual(before);
  });

  it("keeps a blank row when every row is deleted, and grows again from it", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const rows = workbook.snapshot.tables.get("Assumptions")!.rows;
    const result = await workbook.save(rows.map((r) => assumption(String(r[0]), String(r[1]))));
    expect(result).toEqual({ ok: true, cells: 0, rows: 0, deleted: rows.length });
    const emptied = await subject.reopen();
    // Excel keeps one (empty) row in a table whose rows are all deleted; a file keeps them all, empty.
    expect(await rowsOf(emptied)).toEqual(Array.from({ length: subject.adapter.deletion === "clear" ? rows.length : 1 }, () => Array.from({ length: 12 }, () => null)));
    expect(emptied.snapshot.problems).toEqual([]);
    const current = await PartnerWorkbook.open(subject.adapter);
    const again = await current.save([{ table: "Assumptions", key: { PartnerId: "*", Name: "license_revenue" }, set: { Value: 250000 } }]);
    expect(again.ok).toBe(true);
    const grown = await rowsOf(await subject.reopen());
    expect(grown.filter((r) => r.some((v) => v !== null))).toEqual([["*", "license_revenue", 250000, ...Array.from({ length: 9 }, () => null)]]);
  });
});

describe(".xlsx adapter: deleting rows touches only the rows deleted", () => {
  it("empties the deleted rows' table cells and moves nothing: cells beside and below, other sheets and formulas stay", async () => {
    const adapter = await XlsxAdapter.open(assumptionsBytes);
    const workbook = await PartnerWorkbook.open(adapter);
    const table = workbook.snapshot.tables.get("Assumptions")!;
    const last = table.rows.length + 1; // sheet row of the last data row
    const gone = [named(await rowsOf(workbook), "*", "years"), named(await rowsOf(workbook), "P0056", "product_margin")];
    const result = await workbook.save([assumption("*", "years"), assumption("P0056", "product_margin")]);
    expect(result.ok).toBe(true);
    const reopened = await excelJsOf(await adapter.save());
    const sheet = reopened.getWorksheet("Assumptions")!;
    expect(sheet.getCell("N1").value).toBe("Notes");
    expect(sheet.getCell("N30").value).toBe("beside row 29");
    expect(sheet.getCell("A60").value).toBe("below the table");
    expect(sheet.getCell("C61").value).toEqual({ formula: "SUM(Assumptions[Value])", result: 1 });
    // The table keeps its extent; the deleted rows are empty; every other row is where it was.
    const model = (sheet as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables.Assumptions.table;
    expect(model.tableRef).toBe(`A1:L${last}`);
    const original = await excelJsOf(assumptionsBytes);
    const before = original.getWorksheet("Assumptions")!;
    for (let r = 2; r <= last; r++) {
      for (let c = 1; c <= 12; c++) {
        expect(sheet.getCell(r, c).value, `row ${r}`).toEqual(gone.includes(r - 2) ? null : before.getCell(r, c).value);
      }
    }
    for (const name of ["Partners", "Audit"]) {
      const values = (wb: typeof original) => wb.getWorksheet(name)!.getSheetValues();
      expect(values(reopened)).toEqual(values(original));
    }
  });

  it("keeps formulas addressing cells below a deleted row pointing at the same cells (nothing moves)", async () => {
    const addressed = await editedWithExcelJS(assumptionsBytes, (workbook) => {
      const sheet = workbook.getWorksheet("Assumptions")!;
      sheet.getCell("L39").value = { formula: "C39*2", result: 0 };
      sheet.getCell("N40").value = { formula: "C40", result: 0 };
    });
    const adapter = await XlsxAdapter.open(addressed);
    const workbook = await PartnerWorkbook.open(adapter);
    expect((await workbook.save([assumption("P0007", "license_revenue")])).ok).toBe(true);
    const sheet = (await excelJsOf(await adapter.save())).getWorksheet("Assumptions")!;
    const before = (await excelJsOf(addressed)).getWorksheet("Assumptions")!;
    // (exceljs reads a cached 0 back as no result.)
    expect((sheet.getCell("L39").value as { formula: string }).formula).toBe("C39*2");
    expect((sheet.getCell("N40").value as { formula: string }).formula).toBe("C40");
    expect(sheet.getCell("C40").value).toEqual(before.getCell("C40").value);
  });

  it("gives each cell of a shared formula its own formula before writing over or emptying one of them", async () => {
    // Plan[Weight] filled down as Excel stores it: one formula in F2, the others pointing at it.
    const bytes = await xlsxOf(tablesOf(10, ["Partners", "Plan"]));
    const zip = await (await import("jszip")).default.loadAsync(bytes);
    const part = "xl/worksheets/sheet2.xml";
    let xml = await zip.file(part)!.async("string");
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])).filter((r) => r >= 2);
    const lastRow = Math.max(...rows);
    for (const r of rows) {
      const f = r === 2 ? `<f t="shared" ref="F2:F${lastRow}" si="0">D2/1000+$D$2*0</f>` : `<f t="shared" si="0"/>`;
      xml = xml.replace(new RegExp(`<c r="F${r}"[^>]*?(/>|>.*?</c>)`), `<c r="F${r}">${f}<v>1</v></c>`);
    }
    zip.file(part, xml);
    const shared = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const adapter = await XlsxAdapter.open(shared);
    const workbook = await PartnerWorkbook.open(adapter);
    const plan = workbook.snapshot.tables.get("Plan")!;
    const key = (r: number) => ({ PartnerId: plan.rows[r][0] as string, Period: plan.rows[r][1] as string, KPI: plan.rows[r][2] as string });
    // Weight of the first row (the formula's own cell) written over; the third row deleted.
    expect((await workbook.save([{ table: "Plan", key: key(0), set: { Weight: 2 } }, { table: "Plan", key: key(2), delete: true }])).ok).toBe(true);
    const saved = await adapter.save();
    const after = (await (await (await import("jszip")).default.loadAsync(saved)).file(part)!.async("string"));
    expect(after).not.toContain('t="shared"');
    const formula = (r: number) => new RegExp(`<c r="F${r}"[^>]*><f>([^<]*)</f>`).exec(after)?.[1];
    expect(new RegExp(`<c r="F2"[^>]*><v>2</v></c>`).test(after)).toBe(true);
    expect(formula(3)).toBe("D3/1000+$D$2*0");
    expect(formula(4)).toBeUndefined();
    expect(formula(lastRow)).toBe(`D${lastRow}/1000+$D$2*0`);
    // exceljs, an independent reader, sees the same formulas.
    const sheet = (await excelJsOf(saved)).getWorksheet("Plan")!;
    expect(sheet.getCell("F5").value).toEqual({ formula: "D5/1000+$D$2*0", result: 1 });
  });
});

describe("Office.js adapter round trips", () => {
  for (const partners of [10, 5000]) {
    it(`reads every table in one sync and saves a batch in two, a check and a write (${partners.toLocaleString("en-US")} partners)`, async () => {
      const fake = fakeExcelOf(rawTablesOf(tablesOf(partners)));
      const sync = vi.spyOn(fake.context, "sync");
      await new OfficeAdapter(fake.run).read();
      expect(sync).toHaveBeenCalledTimes(1);
      // Opening also looks for formulas showing #NAME?: the sheets, then their error cells.
      sync.mockClear();
      const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
      expect(sync).toHaveBeenCalledTimes(3);
      expect(workbook.snapshot.tables.get("Partners")!.rows).toHaveLength(partners);

      const ids = workbook.snapshot.tables.get("Partners")!.rows.map((r) => String(r[0]));
      const changes: Upsert[] = ids.flatMap((id) => [
        rating(id, "Energy invested", "2026-12-31", 4),
        { table: "Partners", key: { PartnerId: id }, set: { Status: "Active" } },
      ]);
      sync.mockClear();
      const result = await workbook.save(changes);
      expect(result.ok).toBe(true);
      expect(sync).toHaveBeenCalledTimes(2);
      const audit = fake.tables.find((t) => t.name === "Audit")!;
      expect(audit.rows.filter((r) => r[4] === 46387)).toHaveLength(partners);
    });
  }

  it("refuses, writing nothing, when a table changed since it was read (sorted, a row deleted, a co-author)", async () => {
    const fake = fakeExcelOf(rawTablesOf(tablesOf(20, ["Partners", "Audit"])));
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    const audit = fake.tables.find((t) => t.name === "Audit")!;
    const first = audit.rows[0];
    const update = rating(String(first[0]), String(first[2]), "2026-09-30", first[3] === 5 ? 4 : 5);
    // Someone sorts the table by rating after the pane read it: row 1 is another row now.
    const original = audit.rows.map((r) => [...r]);
    audit.rows.sort((a, b) => Number(a[3]) - Number(b[3]) || String(a[2]).localeCompare(String(b[2])));
    expect(audit.rows[0]).not.toEqual(first);
    const sorted = structuredClone(fake.tables);
    await expect(workbook.save([update])).rejects.toThrow(/^the Audit table changed since the task pane read it \(row 1 now holds .+\): select Reload, then make the change again$/);
    expect(fake.tables).toEqual(sorted);
    // A row deleted in Excel: the count differs.
    audit.rows.splice(0, audit.rows.length, ...original.slice(1));
    await expect(workbook.save([update])).rejects.toThrow(`the Audit table changed since the task pane read it (it has ${original.length - 1} rows, not ${original.length})`);
    // After Reload the same change is written to the row that holds it now.
    await workbook.reload();
    audit.rows.splice(0, audit.rows.length, ...original);
    await workbook.reload();
    expect((await workbook.save([update])).ok).toBe(true);
    expect(audit.rows[0][3]).toBe(first[3] === 5 ? 4 : 5);
  });

  it("refuses a save that touches a table on a protected sheet, naming the sheet", async () => {
    const fake = fakeExcelOf(rawTablesOf(tablesOf(10, ["Partners", "Audit"])));
    fake.protectedSheets.add("Audit");
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    const before = structuredClone(fake.tables);
    await expect(workbook.save([rating("P0001", "Energy invested", "2026-12-31", 4)])).rejects.toThrow(
      "the sheet Audit, which holds the Audit table, is protected: unprotect it (Review › Unprotect Sheet) to save this change",
    );
    expect(fake.tables).toEqual(before);
    // Other sheets can still be changed.
    expect((await workbook.save([{ table: "Partners", key: { PartnerId: "P0001" }, set: { Status: "Active" } }])).ok).toBe(true);
  });

  it("on opening, re-enters the add-in's formulas that show #NAME? and says how many", async () => {
    const fake = fakeExcelOf(rawTablesOf(tablesOf(5, ["Partners"])));
    fake.sheets.add("Scores");
    const cell = (formula: string, value: unknown) => ({ formula, value, entered: 0 });
    const cells = new Map([
      ["B2", cell("=PARTNER.SCORE(A2:D2)", "#NAME?")],
      ["B3", cell('=IFNA(partner.audit.areas(A3:E3,F3:H3,I3:K3,L3:N3),"")', "#NAME?")],
      // Not the add-in's: left as it is. The add-in's, with another error: a real one, left as it is.
      ["B4", cell("=MYFUNC(A4)", "#NAME?")],
      ["B5", cell("=PARTNER.SCORE(A5:D5)", "#VALUE!")],
    ]);
    fake.formulaCells.set("Scores", cells);
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    expect(workbook.notice).toBe("2 PARTNER formulas showed #NAME? (stored in a form Excel does not recognise, by another program): re-entered.");
    expect([...cells.values()].map((c) => c.entered)).toEqual([1, 1, 0, 0]);
    expect(cells.get("B3")!.formula).toBe('=IFNA(partner.audit.areas(A3:E3,F3:H3,I3:K3,L3:N3),"")');
    // Nothing left to repair: no notice.
    expect((await PartnerWorkbook.open(new OfficeAdapter(fake.run))).notice).toBeUndefined();
  });

  it("re-enters a legacy array formula showing #NAME? as one spilling formula, and goes on past a sheet it cannot change", async () => {
    const fake = fakeExcelOf(rawTablesOf(tablesOf(5, ["Partners"])));
    const cell = (formula: string, value: unknown, more: object = {}) => ({ formula, value, entered: 0, ...more });
    // A P&L spill an older writer stored as a fixed-size array formula over A31:A33, as Excel reports its cells.
    const spill = [31, 32, 33].map(() => cell("=PARTNER.PNL($A$6:$K$27)", "#NAME?", { area: "A31:A33", array: true }));
    fake.sheets.add("P&L");
    fake.formulaCells.set("P&L", new Map(spill.map((c, i) => [`A${31 + i}`, c])));
    fake.sheets.add("Locked");
    fake.protectedSheets.add("Locked");
    fake.formulaCells.set("Locked", new Map([["B2", cell("=PARTNER.SCORE(A2:D2)", "#NAME?")]]));
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    expect(workbook.notice).toBe(
      "1 array formula showed #NAME? (stored in a form Excel does not recognise, by another program): re-entered, the arrays as spilling formulas. " +
        "PARTNER formulas showing #NAME? on Locked could not be re-entered (a protected sheet?): select each and press F2, then Enter.",
    );
    // The block was cleared and its formula entered once, in its first cell.
    expect(spill.map((c) => [c.formula, c.entered])).toEqual([["=PARTNER.PNL($A$6:$K$27)", 1], ["", 0], ["", 0]]);
    expect(fake.formulaCells.get("Locked")!.get("B2")!.entered).toBe(0);
  });

  it("sets up tables with data validation and number formats", async () => {
    const fake = fakeExcelOf([]);
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    expect(workbook.snapshot.missing).toHaveLength(SCHEMA.length);
    await workbook.setUp();
    const audit = fake.tables.find((t) => t.name === "Audit")!;
    expect(audit.validations![3].rule).toEqual({ list: { inCellDropDown: true, source: "1,2,3,4,5" } });
    expect(audit.formats![4]).toEqual([["yyyy-mm-dd"]]);
    const engagement = fake.tables.find((t) => t.name === "Engagement")!;
    expect(engagement.validations![1].rule).toEqual({ list: { inCellDropDown: true, source: "TRUE,FALSE" } });
    const metrics = fake.tables.find((t) => t.name === "Metrics")!;
    expect(metrics.validations![1].rule).toEqual({ decimal: { formula1: 1, formula2: 100, operator: "Between" } });
  });
});

describe("the sample workbook", () => {
  it("has every table of the schema, and nothing in it breaks the schema's rules", async () => {
    const fs = await import("node:fs");
    const { SAMPLE_PATH } = await import("../../samples/generate");
    const workbook = await PartnerWorkbook.open(await XlsxAdapter.open(fs.readFileSync(SAMPLE_PATH)));
    expect(workbook.snapshot.missing).toEqual([]);
    expect(workbook.snapshot.problems.slice(0, 10)).toEqual([]);
  });
});

describe("saves that overlap, and what Excel would read as something else", () => {
  it("takes overlapping saves in turn: each is planned on the workbook the one before left", async () => {
    const adapter = await XlsxAdapter.open(bytes);
    const workbook = await PartnerWorkbook.open(adapter);
    const deal = (id: string) => ({ table: "Deals" as const, key: { DealId: id }, set: { PartnerId: "P0001", Stage: "Qualified", Amount: 1000, Outcome: "Open" } });
    const results = await Promise.all([
      workbook.save([rating("P9999", "Energy invested", "2026-12-31", 3)]),
      workbook.save([deal("NEW-A")]),
      workbook.save([deal("NEW-B")]),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, true, true]);
    const deals = (await (await XlsxAdapter.open(await adapter.save())).read()).find((t) => t.name === "Deals")!;
    expect(deals.rows.slice(-2).map((r) => r[1])).toEqual(["NEW-A", "NEW-B"]);
  });

  it("Office.js: text that Excel would take for a number, a date or a formula is written as text", async () => {
    const fake = fakeExcelOf(rawTablesOf(tablesOf(5, ["Partners", "Plan"])));
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    const texts = ["2026-07", "0042", "=1+1", "TRUE", "15%", "Northwind"];
    const seen: unknown[] = [];
    const result = await workbook.save(texts.map((t, i) => ({ table: "Plan" as const, key: { PartnerId: "P0001", Period: t, KPI: `KPI ${i}` }, set: { Target: 1, Actual: 0 } })));
    expect(result.ok).toBe(true);
    const plan = fake.tables.find((t) => t.name === "Plan")!;
    for (const row of plan.rows.slice(-texts.length)) seen.push(row[1]);
    // Excel keeps them as the text they are (the apostrophe that marks them is not part of the value).
    expect(seen).toEqual(texts);
    const { asExcelValue } = await import("../../addin/workbook/office");
    expect(texts.map((t) => asExcelValue(t))).toEqual(["'2026-07", "'0042", "'=1+1", "'TRUE", "'15%", "Northwind"]);
    expect([asExcelValue(42), asExcelValue(null), asExcelValue({ formula: "=A1" })]).toEqual([42, "", "=A1"]);
  });
});

describe(".xlsx adapter: what a sheet or table cannot take", () => {
  it("refuses a table growing into merged cells, and emptying a row that holds part of an array formula", async () => {
    const merged = await editedWithExcelJS(await xlsxOf(tablesOf(10, ["Partners"])), (workbook) => workbook.getWorksheet("Partners")!.mergeCells("A13:C13"));
    const adapter = await XlsxAdapter.open(merged);
    const workbook = await PartnerWorkbook.open(adapter);
    const add = (id: string) => ({ table: "Partners" as const, key: { PartnerId: id }, set: { Name: `Newco ${id}` } });
    await expect(workbook.save([add("P9001"), add("P9002")])).rejects.toThrow("table Partners cannot grow: cells Partners!A13:C13 below it are merged; unmerge or move them first");
    expect(await adapter.save()).toEqual(merged);
    // One new row fits above the merged cells.
    expect((await workbook.save([add("P9001")])).ok).toBe(true);

    const array = await editedWithExcelJS(await xlsxOf(tablesOf(10, ["Partners", "Assumptions"])), (workbook) => {
      workbook.getWorksheet("Assumptions")!.getCell("M3").value = { formula: "TRANSPOSE(C3:C4)", result: 1, shareType: "array", ref: "L3:M3" } as never;
    });
    const withArray = await XlsxAdapter.open(array);
    const book = await PartnerWorkbook.open(withArray);
    const rows = book.snapshot.tables.get("Assumptions")!.rows;
    await expect(book.save([assumption(String(rows[1][0]), String(rows[1][1]))])).rejects.toThrow("row 2 of table Assumptions holds part of the array formula in Assumptions!L3; delete the row in Excel");
    expect(await withArray.save()).toEqual(array);
  });

  it("writes a QBR sheet again in place of its own: its old chart parts and the calculation chain go, nothing else", async () => {
    // A workbook Excel saved has a calculation chain listing its formula cells.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>`);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`));
    const chained = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const adapter = await XlsxAdapter.open(chained);
    const spec = (title: string) => ({
      name: "QBR P0001 2026-Q4",
      widths: {},
      cells: [
        { row: 1, column: 1, value: title },
        { row: 2, column: 1, value: "Revenue" },
        { row: 2, column: 2, value: 10 },
        { row: 2, column: 3, value: { formula: "=PARTNER.ATTAINMENT(B2,B2)" }, result: 1 },
      ],
      charts: [{ kind: "column" as const, title: "Attainment", categories: { column: 1, first: 2, last: 2 }, series: [{ name: "Attainment", column: 3 }], at: { row: 4, column: 1, rows: 10, columns: 5 } }],
    });
    await adapter.writeSheet(spec("first"));
    const once = await adapter.save();
    // A new sheet whose formulas have their results leaves the chain; written again over its own formulas, the chain goes.
    expect((await openArchive(once)).has("xl/calcChain.xml")).toBe(true);
    await adapter.writeSheet(spec("second"));
    const twice = await adapter.save();
    const [a, b] = await Promise.all([openArchive(once), openArchive(twice)]);
    expect([...b.names].sort()).toEqual([...a.names].filter((n) => n !== "xl/calcChain.xml").sort());
    expect(await b.text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(await b.text("[Content_Types].xml")).not.toContain("calcChain");
    expect(b.names.filter((n) => /chart|drawing/.test(n)).sort()).toEqual(["xl/charts/chart1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml"]);
    const reread = await XlsxAdapter.open(twice);
    expect((await reread.readAll()).map((t) => t.name)).toEqual((await (await XlsxAdapter.open(bytes)).readAll()).map((t) => t.name));
    const sheet = (await excelJsOf(twice)).getWorksheet("QBR P0001 2026-Q4")!;
    expect(sheet.getCell("A1").value).toBe("second");
  });
});
