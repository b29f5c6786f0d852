// The Office.js and .xlsx adapters, tested against the same cases: both read the partner tables
// by name and header, write a validated batch whole or not at all, and set up missing tables.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import type { Upsert } from "../../addin/workbook/plan";
import { SCHEMA } from "../../addin/workbook/schema";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook, type WorkbookAdapter } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type FakeExcel, fakeExcelOf } from "./fake-excel";
import { rawTablesOf, tablesOf, xlsxOf } from "./fixtures";

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
    ".xlsx (exceljs)",
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
    expect(result).toEqual({ ok: true, cells: 1, rows: 1 });
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
      const sheet = (subject.adapter as XlsxAdapter).workbook.getWorksheet("Partners")!;
      expect(sheet.getCell("C4").value).toEqual({ formula: 'UPPER("emea")' });
    }
  });

  it("sets up the missing tables, which then read back empty and valid", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    const created = await workbook.setUp();
    expect(created).toEqual(["Engagement", "Scorecard", "Metrics", "Assumptions", "Plan", "Tasks", "Approvals", "PartnerScores"]);
    const again = await subject.reopen();
    expect(again.snapshot.missing).toEqual([]);
    expect(again.snapshot.problems).toEqual([]);
    const tasks = again.snapshot.tables.get("Tasks")!;
    expect(tasks.headers).toEqual(["PartnerId", "Task", "Due", "Owner", "Done"]);
    const saved = await again.save([{ table: "Tasks", key: { PartnerId: "P0001", Task: "Joint webinar" }, set: { Due: "2026-12-15" } }]);
    expect(saved.ok).toBe(true);
  });
});

describe("Office.js adapter round trips", () => {
  for (const partners of [10, 5000]) {
    it(`reads every table in one sync and saves a batch in one sync (${partners.toLocaleString("en-US")} partners)`, async () => {
      const fake = fakeExcelOf(rawTablesOf(tablesOf(partners)));
      const sync = vi.spyOn(fake.context, "sync");
      const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
      expect(sync).toHaveBeenCalledTimes(1);
      expect(workbook.snapshot.tables.get("Partners")!.rows).toHaveLength(partners);

      const ids = workbook.snapshot.tables.get("Partners")!.rows.map((r) => String(r[0]));
      const changes: Upsert[] = ids.flatMap((id) => [
        rating(id, "Energy invested", "2026-12-31", 4),
        { table: "Partners", key: { PartnerId: id }, set: { Status: "Active" } },
      ]);
      sync.mockClear();
      const result = await workbook.save(changes);
      expect(result.ok).toBe(true);
      expect(sync).toHaveBeenCalledTimes(1);
      const audit = fake.tables.find((t) => t.name === "Audit")!;
      expect(audit.rows.filter((r) => r[4] === 46387)).toHaveLength(partners);
    });
  }

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
