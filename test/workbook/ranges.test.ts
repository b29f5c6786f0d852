// Partner data kept as a plain range (headers and rows on a sheet, not an Excel table): found by
// both adapters, refused with a reason when it cannot become a table as it is, and made the
// Partners table by Set up workbook with every cell of the workbook kept.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import { headerRun } from "../../addin/workbook/ranges";
import { SCHEMA, tableSchema } from "../../addin/workbook/schema";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { PLAIN_HEADERS, PLAIN_PARTNERS, emptyWorkbook, plainPartnersWorkbook, unrelatedWorkbook } from "../support/first-use-workbooks";
import { fakeExcelOf } from "./fake-excel";
import { compareParts } from "./parts";

const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

async function loaded(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A workbook made by exceljs from `build`, as bytes. */
async function built(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const open = async (bytes: Uint8Array) => {
  const adapter = await XlsxAdapter.open(bytes);
  return { adapter, workbook: await PartnerWorkbook.open(adapter) };
};

describe("finding a header row", () => {
  const partners = tableSchema("Partners");
  const row = (cells: Record<number, string | number | { formula: string }>) =>
    new Map(Object.entries(cells).map(([c, v]) => [Number(c), typeof v === "string" ? { text: v, filled: v !== "" } : typeof v === "number" ? { filled: true } : { filled: true, formula: true }]));

  it("takes the adjacent text headers around the required columns, in any case and spacing", () => {
    expect(headerRun(partners, 3, row({ 1: "Remark", 3: " partnerid ", 4: "NAME", 5: "Region", 7: "beyond a gap" }))).toEqual({ left: 3, right: 5, headers: [" partnerid ", "NAME", "Region"] });
  });

  it("finds nothing in a row without every required column", () => {
    expect(headerRun(partners, 1, row({ 1: "PartnerId", 2: "Region" }))).toBeUndefined();
  });

  it("says why a run cannot be a table's header: a blank, a formula or a number between its columns, or a column named twice", () => {
    expect(headerRun(partners, 2, row({ 1: "PartnerId", 3: "Name" }))?.blocked).toBe("its header cell B2 is blank: type the column's name there");
    expect(headerRun(partners, 2, row({ 1: "PartnerId", 2: { formula: "X" }, 3: "Name" }))?.blocked).toBe("its header cell B2 holds a formula: type the column's name there");
    expect(headerRun(partners, 2, row({ 1: "PartnerId", 2: 2026, 3: "Name" }))?.blocked).toBe("its header cell B2 holds a value that is not text: type the column's name there");
    expect(headerRun(partners, 2, row({ 1: "PartnerId", 2: "Name", 3: "name" }))?.blocked).toBe("it has two name columns: rename or remove one");
  });
});

describe(".xlsx adapter: a plain partner range", () => {
  it("is found under its title, with its rows down to the first empty row and every header", async () => {
    const { workbook } = await open(await plainPartnersWorkbook());
    expect(workbook.snapshot.tables.size).toBe(0);
    expect(await workbook.plainRanges()).toEqual([
      { table: "Partners", sheet: "Partner list", area: { top: 3, left: 1, bottom: 3 + PLAIN_PARTNERS.length, right: PLAIN_HEADERS.length }, headers: PLAIN_HEADERS, rows: PLAIN_PARTNERS.length },
    ]);
  });

  it("becomes the Partners table with Set up workbook: every cell kept, the rest of the workbook the file's own bytes", async () => {
    const original = await plainPartnersWorkbook();
    const { adapter, workbook } = await open(original);
    expect(await workbook.setUp(["Partners"])).toEqual(["Partners"]);
    expect(workbook.snapshot.missing).not.toContain("Partners");
    const saved = await adapter.save();

    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    // A table part, and the sheet's relationships to it (exceljs wrote none for a sheet without links).
    expect(parts.added.sort()).toEqual(["xl/tables/table1.xml", "xl/worksheets/_rels/sheet3.xml.rels"]);
    expect(parts.changed.sort()).toEqual(["[Content_Types].xml", "xl/worksheets/sheet3.xml"]);
    // The sheet is the same text but for the list of its tables.
    const before = (await parts.before.text("xl/worksheets/sheet3.xml"))!;
    const after = (await parts.after.text("xl/worksheets/sheet3.xml"))!;
    expect(after.replace(/<tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts>/, "")).toBe(before);

    // Read back by another program: a table over A3:I8 whose cells are the range's, and the title and remark where they were.
    const excel = await loaded(saved);
    const sheet = excel.getWorksheet("Partner list")!;
    const table = (sheet as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string; name: string } }> }).tables.Partners.table;
    expect(table.tableRef ?? table.ref).toBe("A3:I8");
    expect(sheet.getCell("A1").value).toBe("Our partners (kept by hand)");
    expect(sheet.getCell("K3").value).toBe("Remark beside the list");
    expect(sheet.getCell("I8").value).toEqual({ formula: 'B8&" (distributor)"', result: "Summit Networks (distributor)" });

    // And by the add-in: the partners as they were typed.
    const again = await PartnerWorkbook.open(await XlsxAdapter.open(saved));
    const partners = again.snapshot.tables.get("Partners")!;
    expect(partners.headers).toEqual(PLAIN_HEADERS);
    expect(partners.rows.map((r) => r.slice(0, 8))).toEqual(PLAIN_PARTNERS.map((p) => p.map((v) => (v instanceof Date ? serial(v) : v))));
    expect(again.snapshot.problems).toEqual([]);
  });

  it("is used by Set up workbook for Partners while the other tables are made on new sheets", async () => {
    const { adapter, workbook } = await open(await plainPartnersWorkbook());
    const created = await workbook.setUp();
    expect(created).toContain("Partners");
    const again = await PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save()));
    expect(again.snapshot.missing).toEqual([]);
    expect(again.snapshot.tables.get("Partners")!.sheet).toBe("Partner list");
    expect(again.snapshot.tables.get("Audit")!.sheet).toBe("Audit");
    // A partner added afterwards goes below the range's rows.
    const result = await again.save([{ table: "Partners", key: { PartnerId: "R006" }, set: { Name: "Evergreen Partners" }, add: true }]);
    expect(result).toEqual({ ok: true, cells: 0, rows: 1, deleted: 0 });
  });

  it("is not taken for Partners when its headers are an Assumptions table's (PartnerId, Name, Value)", async () => {
    const bytes = await built((w) => {
      const sheet = w.addWorksheet("Drivers");
      sheet.addRow(["PartnerId", "Name", "Value"]);
      sheet.addRow(["*", "retention", 0.9]);
    });
    const { workbook } = await open(bytes);
    expect((await workbook.plainRanges()).map((r) => [r.table, r.sheet, r.rows])).toEqual([["Assumptions", "Drivers", 1]]);
  });

  it("says why it cannot become a table: merged cells in it, the sheet's own filter over it", async () => {
    const merged = await built((w) => {
      const sheet = w.addWorksheet("List");
      sheet.addRow(["PartnerId", "Name"]);
      sheet.addRow(["A1", "Alpha"]);
      sheet.addRow(["A2", "Beta"]);
      sheet.mergeCells("A2:A3");
    });
    const { workbook } = await open(merged);
    const [range] = await workbook.plainRanges();
    expect(range.blocked).toBe("cells List!A2:A3 are merged, and a table cannot hold merged cells: unmerge them (Home › Merge & Center)");
    // Set up leaves it alone and makes an empty Partners table on a sheet of its own.
    await workbook.setUp(["Partners"]);
    expect(workbook.snapshot.tables.get("Partners")!.sheet).toBe("Partners");

    const filtered = await built((w) => {
      const sheet = w.addWorksheet("List");
      sheet.addRow(["PartnerId", "Name"]);
      sheet.addRow(["A1", "Alpha"]);
      sheet.autoFilter = "A1:B2";
    });
    expect((await (await open(filtered)).workbook.plainRanges())[0].blocked).toBe("the sheet's filter covers it: turn the filter off (Data › Filter) first");
  });

  it("finds nothing in an empty workbook or one of unrelated sheets, where Set up makes every table", async () => {
    for (const bytes of [await emptyWorkbook(), await unrelatedWorkbook()]) {
      const { adapter, workbook } = await open(bytes);
      expect(await workbook.plainRanges()).toEqual([]);
      expect(workbook.snapshot.missing).toHaveLength(SCHEMA.length);
      await workbook.setUp();
      const again = await PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save()));
      expect(again.snapshot.missing).toEqual([]);
      expect(again.snapshot.problems).toEqual([]);
    }
  });

  it("leaves a table's own header row alone: a table of another name is not a plain range", async () => {
    const bytes = await built((w) => {
      const sheet = w.addWorksheet("List");
      sheet.addTable({ name: "PartnerList", ref: "A1", headerRow: true, columns: [{ name: "PartnerId" }, { name: "Name" }], rows: [["A1", "Alpha"]] });
    });
    expect(await (await open(bytes)).workbook.plainRanges()).toEqual([]);
  });
});

describe("Office.js adapter: a plain partner range", () => {
  /** The plain-range workbook's cells as Excel holds them (dates as serials, formulas as typed). */
  const grid = (): unknown[][] => {
    const rows: unknown[][] = [["Our partners (kept by hand)"], [], [...PLAIN_HEADERS]];
    PLAIN_PARTNERS.forEach((p, r) => rows.push([...p.map((v) => (v instanceof Date ? serial(v) : (v ?? ""))), r === 0 ? "Top reseller" : ""]));
    rows[2][10] = "Remark beside the list";
    return rows;
  };

  it("is found and made the Partners table by Excel's own Format as Table, its cells untouched", async () => {
    const fake = fakeExcelOf([]);
    fake.addSheet("Budget", [["Item", "Q1"], ["Events", 12000]]);
    fake.addSheet("Partner list", grid());
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    expect(await workbook.plainRanges()).toEqual([
      { table: "Partners", sheet: "Partner list", area: { top: 3, left: 1, bottom: 8, right: 9 }, headers: PLAIN_HEADERS, rows: 5 },
    ]);
    await workbook.setUp(["Partners"]);
    expect(fake.added).toEqual([{ sheet: "Partner list", address: "A3:I8", name: "Partners", style: "TableStyleMedium2" }]);
    const partners = workbook.snapshot.tables.get("Partners")!;
    expect(partners.rows.map((r) => r[0])).toEqual(PLAIN_PARTNERS.map((p) => p[0]));
    // Nothing else was written to the sheet.
    expect(fake.grids.get("Partner list")).toEqual(grid());
  });

  it("skips a sheet's tables and says when the sheet is protected", async () => {
    const fake = fakeExcelOf([]);
    fake.addSheet("Partner list", grid());
    fake.protectedSheets.add("Partner list");
    const workbook = await PartnerWorkbook.open(new OfficeAdapter(fake.run));
    const [range] = await workbook.plainRanges();
    expect(range.blocked).toBe("the sheet Partner list is protected: unprotect it (Review › Unprotect Sheet) first");
  });
});
