// Reading exports: encodings, separators, quoted fields, blank lines, .xlsx first sheets and what is not an export.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ExportReadError, decodeExport, readExport } from "../../addin/import/read";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { readFirstSheet } from "../../addin/workbook/xlsx-read";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading CSV exports", () => {
  it("detects the byte order mark's encoding and strips the mark", async () => {
    const text = "Partner;Amount\r\nMüller GmbH;1.234,56\r\n";
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const [bytes, encoding] of [[le, "utf-16le"], [be, "utf-16be"], [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "utf-8"]] as const) {
      const grid = await readExport(bytes, "partners.csv");
      expect(grid.dialect).toEqual({ format: "csv", encoding, bom: true, separator: ";" });
      expect(grid.headers).toEqual(["Partner", "Amount"]);
      expect(grid.rows).toEqual([["Müller GmbH", "1.234,56"]]);
    }
  });

  it("reads UTF-16 without a mark, and windows-1252 when the bytes are not UTF-8", () => {
    const le = new Uint8Array(Array.from("Name,Amount\n", (c) => [c.charCodeAt(0), 0]).flat());
    expect(decodeExport(le)).toEqual({ text: "Name,Amount\n", encoding: "utf-16le", bom: false });
    // "Café – 5 €" in windows-1252.
    const cp1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    expect(decodeExport(cp1252)).toEqual({ text: "Café – 5 €", encoding: "windows-1252", bom: false });
    expect(decodeExport(utf8("Café – 5 €"))).toEqual({ text: "Café – 5 €", encoding: "utf-8", bom: false });
  });

  it("reads quoted fields with separators, doubled quotes and line breaks, and skips blank lines", async () => {
    const csv = '\r\nId,Note,Amount\r\n1,"Call ""Bob"", then quote\nnext week",5\r\n\r\n2,plain,6\r\n\r\n\r\n';
    const grid = await readExport(utf8(csv), "report.csv");
    expect(grid.headers).toEqual(["Id", "Note", "Amount"]);
    expect(grid.rows).toEqual([
      ["1", 'Call "Bob", then quote\nnext week', "5"],
      ["2", "plain", "6"],
    ]);
    // Row numbers count records, the blank first line included.
    expect(grid.rowNumbers).toEqual([3, 5]);
  });

  it("detects tab and semicolon separators", async () => {
    expect((await readExport(utf8("a\tb\n1\t2\n"), "x.tsv")).dialect).toMatchObject({ separator: "\t" });
    expect((await readExport(utf8("a;b\n1,5;2,5\n"), "x.csv")).dialect).toMatchObject({ separator: ";" });
    expect((await readExport(utf8("a;b\n1,5;2,5\n"), "x.csv")).rows).toEqual([["1,5", "2,5"]]);
  });

  it("says what a file is when it is not an export it can read", async () => {
    await expect(readExport(new Uint8Array(), "empty.csv")).rejects.toThrow(new ExportReadError("empty.csv is empty."));
    await expect(readExport(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "old.xls")).rejects.toThrow(/old\.xls is an Excel 97–2003 workbook/);
    await expect(readExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx")).rejects.toThrow(ExportReadError);
  });
});

describe("reading .xlsx exports", () => {
  async function workbook(cells: { row: number; column: number; value: string | number }[], numberFormat?: string): Promise<Uint8Array> {
    const adapter = XlsxAdapter.blank(new Date(Date.UTC(2026, 0, 1)));
    await adapter.writeSheet({ name: "Export", cells: cells.map((c) => ({ ...c, ...(typeof c.value === "number" && numberFormat ? { numberFormat } : {}) })), widths: {}, charts: [] });
    return adapter.save();
  }

  it("reads the first worksheet's used range, headers from its first non-empty row", async () => {
    const bytes = await workbook([
      { row: 3, column: 2, value: "Partner Name" },
      { row: 3, column: 3, value: "Since" },
      { row: 4, column: 2, value: "Acme" },
      { row: 4, column: 3, value: 46112 },
      { row: 6, column: 3, value: 46000 },
    ], "dd/mm/yyyy");
    const grid = await readExport(bytes, "list.xlsx");
    expect(grid.dialect).toEqual({ format: "xlsx", sheet: "Export" });
    expect(grid.headers).toEqual(["Partner Name", "Since"]);
    expect(grid.rows).toEqual([["Acme", 46112], [null, 46000]]);
    expect(grid.rowNumbers).toEqual([4, 6]);
    const sheet = await readFirstSheet(bytes);
    expect(sheet.origin).toEqual({ row: 3, column: 2 });
    expect(sheet.cells).toHaveLength(4);
  });

  it("finds the used range from the cells when the sheet gives none (or only A1)", async () => {
    const bytes = await workbook([
      { row: 2, column: 1, value: "Id" },
      { row: 2, column: 3, value: "Amount" },
      { row: 5, column: 3, value: 7 },
    ]);
    for (const dimension of ["", '<dimension ref="A1"/>']) {
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      expect(xml).toMatch(/<dimension ref="A2:C5"\/>/);
      zip.file("xl/worksheets/sheet1.xml", xml.replace(/<dimension[^>]*\/>/, dimension));
      const sheet = await readFirstSheet(await zip.generateAsync({ type: "uint8array" }));
      expect(sheet.origin).toEqual({ row: 2, column: 1 });
      expect(sheet.cells).toEqual([["Id", null, "Amount"], [null, null, null], [null, null, null], [null, null, 7]]);
    }
  });
});
