// The .xlsx writer's parts, each on its own: the zip writer copies stored parts exactly; a package
// adds parts, content types and relationships without touching what is there; cell formats are
// only ever appended; a worksheet edit rewrites only the rows it touches; cell text reads back
// exactly; the dynamic-array metadata and the add-in's web extension are written in the form
// Excel writes them (golden strings from Excel-saved files), and merged into parts a workbook
// already has.
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ADDIN_ID, ADDIN_VERSION } from "../../addin/workbook/addin-id";
import { DYNAMIC_ARRAY_METADATA, dynamicArrayIndex } from "../../addin/workbook/ooxml/metadata";
import { OoxmlPackage, relativeTarget, resolveTarget } from "../../addin/workbook/ooxml/package";
import { moveAreaEnds } from "../../addin/workbook/ooxml/refs";
import { Styles } from "../../addin/workbook/ooxml/styles";
import { nameAddin, webExtensionXml } from "../../addin/workbook/ooxml/webextension";
import { Worksheet, cellXml } from "../../addin/workbook/ooxml/worksheet";
import { openArchive } from "../../addin/workbook/ooxml/zip";
import { deflated, writeZip } from "../../addin/workbook/ooxml/zip-write";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";
import { tablesOf, xlsxOf } from "./fixtures";

const encoder = new TextEncoder();

describe("the zip writer", () => {
  it("copies a part it did not change as the file stored it, byte for byte, and writes new parts readable", async () => {
    const original = await xlsxOf(tablesOf(5, ["Partners"]));
    const archive = await openArchive(original);
    const parts = archive.names.map((name) => ({ name, stored: archive.stored!(name)! }));
    const copy = await writeZip([...parts, { name: "xl/extra.xml", bytes: encoder.encode("<extra/>") }]);
    const again = await openArchive(copy);
    expect(again.names).toEqual([...archive.names, "xl/extra.xml"]);
    for (const name of archive.names) {
      expect(again.stored!(name)!.data, name).toEqual(archive.stored!(name)!.data);
      expect(await again.bytes(name), name).toEqual(await archive.bytes(name));
    }
    expect(await again.text("xl/extra.xml")).toBe("<extra/>");
  });

  it("names parts in UTF-8 and holds empty parts", async () => {
    const bytes = await writeZip([
      { name: "xl/média/é.xml", bytes: encoder.encode("<a>é</a>") },
      { name: "empty.txt", bytes: new Uint8Array(0) },
    ]);
    const archive = await openArchive(bytes);
    expect(archive.names).toEqual(["xl/média/é.xml", "empty.txt"]);
    expect(await archive.text("xl/média/é.xml")).toBe("<a>é</a>");
    expect(await archive.bytes("empty.txt")).toEqual(new Uint8Array(0));
  });

  it("deflates the stored parts of another writer's archive, keeps their names, order and bytes, and copies deflated parts as they are", async () => {
    const zip = new JSZip();
    const big = "<p>the same words again and again</p>".repeat(2000);
    zip.file("[Content_Types].xml", "<Types/>", { compression: "STORE" });
    zip.file("ppt/slides/slide1.xml", big, { compression: "STORE" });
    zip.file("ppt/media/é.bin", new Uint8Array([0, 1, 2, 3, 255]), { compression: "STORE" });
    zip.file("docProps/app.xml", big, { compression: "DEFLATE" });
    zip.file("empty.txt", "", { compression: "STORE" });
    const original = await zip.generateAsync({ type: "uint8array" });
    const before = await openArchive(original);
    expect(before.stored!("ppt/slides/slide1.xml")!.method).toBe(0);

    const packed = await deflated(original);
    const after = await openArchive(packed);
    expect(after.names).toEqual(before.names);
    for (const name of before.names) expect(await after.bytes(name), name).toEqual(await before.bytes(name));
    expect(after.stored!("ppt/slides/slide1.xml")!.method).toBe(8);
    expect(after.stored!("ppt/slides/slide1.xml")!.data.length).toBeLessThan(big.length / 20);
    // A part the other writer deflated: its stored bytes, not deflated a second time.
    expect(after.stored!("docProps/app.xml")!.data).toEqual(before.stored!("docProps/app.xml")!.data);
    expect(packed.length).toBeLessThan(original.length / 10);
    // Another reader agrees.
    const again = await JSZip.loadAsync(packed);
    expect(await again.file("ppt/slides/slide1.xml")!.async("string")).toBe(big);
  });
});

describe("the zip reader", () => {
  /** The zip with the central directory's record of `name` changed: its size (+24) or checksum (+16) plus one. */
  function misrecord(zip: Uint8Array, name: string, field: 16 | 24): Uint8Array {
    const bytes = zip.slice();
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 46 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + length)) !== name) continue;
      view.setUint32(at + field, (view.getUint32(at + field, true) + 1) >>> 0, true);
      return bytes;
    }
    throw new Error(`no ${name} in the directory`);
  }

  it("inflates small parts (in JavaScript) and large ones (natively) alike, and refuses either when its size or checksum is not the one recorded", async () => {
    let state = 2463534242;
    const random = Uint8Array.from({ length: 200_000 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    });
    const parts = [
      { name: "small.xml", bytes: encoder.encode("<a>".repeat(500)) },
      { name: "large.bin", bytes: random },
    ];
    const zip = await writeZip(parts);
    const archive = await openArchive(zip);
    expect(archive.stored!("small.xml")!.data.length).toBeLessThan(64 * 1024);
    expect(archive.stored!("large.bin")!.data.length).toBeGreaterThan(64 * 1024);
    for (const part of parts) {
      expect(await archive.bytes(part.name)).toEqual(part.bytes);
      for (const field of [16, 24] as const) {
        const damaged = await openArchive(misrecord(zip, part.name, field));
        await expect(damaged.bytes(part.name), `${part.name} +${field}`).rejects.toThrow(`its part ${part.name} is damaged`);
      }
    }
  });
});

describe("the package", () => {
  it("resolves and writes relationship targets the way Excel does", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table3.xml")).toBe("../tables/table3.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relativeTarget("", "xl/webextensions/taskpanes.xml")).toBe("xl/webextensions/taskpanes.xml");
  });

  it("adds a relationship and a content type beside the existing ones, which stay as written", async () => {
    const pkg = await OoxmlPackage.open(await xlsxOf(tablesOf(3, ["Partners"])));
    const rels = (await pkg.text("xl/_rels/workbook.xml.rels"))!;
    const types = (await pkg.text("[Content_Types].xml"))!;
    const id = await pkg.relate("xl/workbook.xml", "urn:example", "xl/example.xml");
    await pkg.override("xl/example.xml", "application/example+xml");
    const newRels = (await pkg.text("xl/_rels/workbook.xml.rels"))!;
    expect(newRels.replace(`<Relationship Id="${id}" Type="urn:example" Target="example.xml"/>`, "")).toBe(rels);
    expect((await pkg.text("[Content_Types].xml"))!.replace(`<Override PartName="/xl/example.xml" ContentType="application/example+xml"/>`, "")).toBe(types);
    expect(rels).not.toContain(`Id="${id}"`);
    // Put back as it was when a change fails part way.
    const restore = pkg.checkpoint();
    pkg.setText("xl/other.xml", "<x/>");
    restore();
    expect(pkg.has("xl/other.xml")).toBe(false);
    expect(pkg.changed.written.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]);
  });
});

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

describe("cell formats", () => {
  it("appends a format only when none is the one needed, and never renumbers or rewrites the others", () => {
    const styles = new Styles(STYLES);
    expect(styles.isDate(1)).toBe(true);
    expect(styles.isDate(2)).toBe(false);
    // A format that already shows what is asked is kept as it is.
    expect(styles.withNumberFormat(2, "#,##0")).toBe(2);
    expect(styles.changed).toBe(false);
    // Format 2 as a date: a new format keeping its border and alignment.
    const dated = styles.withNumberFormat(2, "yyyy-mm-dd");
    expect(dated).toBe(3);
    expect(styles.isDate(dated)).toBe(true);
    expect(styles.withNumberFormat(2, "yyyy-mm-dd")).toBe(3);
    const bold = styles.look({ bold: true, size: 14 });
    expect(styles.look({ size: 14, bold: true })).toBe(bold);
    const xml = styles.toXml();
    // Everything that was there is there, in place.
    const existing = STYLES.match(/<xf [^>]*\/>|<xf [^>]*>.*?<\/xf>|<font>.*?<\/font>|<numFmt [^>]*\/>/g)!;
    let at = 0;
    for (const item of existing) {
      const found = xml.indexOf(item, at);
      expect(found, item).toBeGreaterThanOrEqual(0);
      at = found;
    }
    expect(xml).toContain(`<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>`);
    expect(xml).toContain(`<numFmts count="2">`);
    expect(xml).toContain(`<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf>`);
    expect(xml).toMatch(/<fonts count="2">.*<font><b\/><sz val="14"\/>/);
    expect(xml).toContain(`<cellXfs count="${bold + 1}">`);
    expect(new Styles(xml).isDate(3)).toBe(true);
  });
});

describe("a worksheet edit", () => {
  const SHEET =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>7</v></c></row><row r="3" spans="1:3" x14ac:dyDescent="0.25"><c r="A3"><v>1</v></c></row></sheetData>` +
    `<conditionalFormatting sqref="B2:B3"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C3"><formula1>"a,b"</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

  it("rewrites only the rows it touches; rows it adds go in order; the dimension grows", () => {
    const sheet = new Worksheet(SHEET);
    sheet.edit(
      new Map([
        [1, new Map([[2, cellXml("", "B1", "new")!]])],
        [2, new Map([[1, cellXml("", "A2", 5, 2)!]])],
        [5, new Map([[4, cellXml("", "D5", true)!]])],
      ]),
    );
    expect(sheet.text).toBe(
      SHEET.replace(`<dimension ref="A1:C3"/>`, `<dimension ref="A1:D5"/>`)
        .replace(`<c r="A1" t="s"><v>0</v></c><c r="C1"`, `<c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>new</t></is></c><c r="C1"`)
        .replace(`<row r="3"`, `<row r="2"><c r="A2" s="2"><v>5</v></c></row><row r="3"`)
        .replace(`</sheetData>`, `<row r="5"><c r="D5" t="b"><v>1</v></c></row></sheetData>`),
    );
  });

  it("moves the end of validations and conditional formats that follow a table's column", () => {
    const sheet = new Worksheet(SHEET);
    sheet.moveRangeEnds(3, 6, 2, 3, 2);
    expect(sheet.text).toBe(SHEET.replace(`sqref="B2:B3"`, `sqref="B2:B6"`).replace(`sqref="C2:C3"`, `sqref="C2:C6"`));
    expect(moveAreaEnds("A2:A10 C5 D2:D10", 10, 4, 1, 3, 2)).toBe("A2:A4 C5 D2:D10");
    expect(moveAreaEnds("A2:A10", 9, 12, 1, 3, 2)).toBeUndefined();
  });

  it("writes any text so that it reads back exactly (escapes, control characters, _xHHHH_ lookalikes, spaces)", async () => {
    const base = await xlsxOf(tablesOf(1, ["Partners"]));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.oneof(fc.constantFrom("&", "<", ">", '"', "_x0041_", "_x", "\r", "\n", "\t", "\u0001", " ", "é", "😀"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 40 }), async (text) => {
        const value = text.replace(/[\uD800-\uDFFF]/g, "");
        const adapter = await XlsxAdapter.open(base);
        const { PartnerWorkbook } = await import("../../addin/workbook/workbook");
        const workbook = await PartnerWorkbook.open(adapter);
        const result = await workbook.save([{ table: "Partners", key: { PartnerId: "P0001" }, set: { Territory: value } }]);
        expect(result.ok).toBe(true);
        const partners = (await readXlsxTables(await adapter.save())).tables.find((t) => t.name === "Partners")!;
        // Text of spaces only is a blank cell, as the workbook layer reads it.
        expect(partners.rows[0][3]).toBe(value.trim() === "" ? null : value);
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});

describe("dynamic arrays and the add-in, in Excel's own form", () => {
  // The metadata part of an Excel-saved workbook with a spilled formula (Excel 365, 2024), whitespace removed.
  const EXCEL_METADATA =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
    `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
    `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

  it("writes the metadata part and a spilling cell as Excel does", () => {
    expect(DYNAMIC_ARRAY_METADATA).toBe(EXCEL_METADATA);
    expect(cellXml("", "A31", { formula: "_xldudf_PARTNER_PNL($A$6:$J$28)", result: "Line", spill: "A31:F39" })).toBe(
      `<c r="A31" t="str" cm="1"><f t="array" ref="A31:F39">_xldudf_PARTNER_PNL($A$6:$J$28)</f><v>Line</v></c>`,
    );
  });

  it("uses the record a workbook already has, or adds one beside its other metadata (data types)", async () => {
    const withMetadata = async (xml: string) => {
      const pkg = await OoxmlPackage.open(await xlsxOf(tablesOf(1, ["Partners"])));
      pkg.setText("xl/metadata.xml", xml);
      await pkg.relate("xl/workbook.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata", "xl/metadata.xml");
      return pkg;
    };
    const same = await withMetadata(EXCEL_METADATA);
    expect(await dynamicArrayIndex(same, "xl/workbook.xml")).toBe(1);
    expect(await same.text("xl/metadata.xml")).toBe(EXCEL_METADATA);

    // A workbook with linked data types (rich values) and no spill yet.
    const richValues =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata">` +
      `<metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1"/></metadataTypes>` +
      `<futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata>` +
      `<valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>`;
    const rich = await withMetadata(richValues);
    expect(await dynamicArrayIndex(rich, "xl/workbook.xml")).toBe(1);
    const merged = (await rich.text("xl/metadata.xml"))!;
    expect(merged).toContain(`<metadataTypes count="2">`);
    expect(merged).toContain(`<metadataType name="XLDAPR"`);
    expect(merged).toContain(`xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"`);
    // The rich value record stays first and untouched; the new cell record points at type 2, block 0.
    expect(merged).toContain(`<futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata><futureMetadata name="XLDAPR" count="1">`);
    expect(merged).toMatch(/<cellMetadata count="1"><bk><rc t="2" v="0"\/><\/bk><\/cellMetadata><valueMetadata count="1"><bk><rc t="1" v="0"\/><\/bk><\/valueMetadata>/);
    // Asked again, the record just added is found.
    expect(await dynamicArrayIndex(rich, "xl/workbook.xml")).toBe(1);
    expect(await rich.text("xl/metadata.xml")).toBe(merged);
  });

  it("names the add-in by its manifest's id, once", async () => {
    expect(webExtensionXml()).toContain(`<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>`);
    const pkg = await OoxmlPackage.open(await xlsxOf(tablesOf(1, ["Partners"])));
    await nameAddin(pkg);
    await nameAddin(pkg);
    expect(pkg.names.filter((n) => n.startsWith("xl/webextensions/")).sort()).toEqual(["xl/webextensions/_rels/taskpanes.xml.rels", "xl/webextensions/taskpanes.xml", "xl/webextensions/webextension1.xml"]);
    expect(await pkg.text("xl/webextensions/taskpanes.xml")).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    );
    expect((await pkg.relationships("")).filter((r) => r.type.endsWith("/webextensiontaskpanes")).map((r) => r.target)).toEqual(["xl/webextensions/taskpanes.xml"]);
    expect(await pkg.contentType("xl/webextensions/webextension1.xml")).toBe("application/vnd.ms-office.webextension+xml");
    expect(await pkg.contentType("xl/webextensions/taskpanes.xml")).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
  });
});

describe("a shared formula given to each of its cells", () => {
  it("moves relative references, and leaves absolute parts, text, sheet names, tables and functions", async () => {
    const { shiftFormula } = await import("../../addin/workbook/ooxml/shared-formulas");
    expect(shiftFormula("C2*1.05", 3, 0)).toBe("C5*1.05");
    expect(shiftFormula("$C2+C$2+$C$2+C2", 1, 1)).toBe("$C3+D$2+$C$2+D3");
    expect(shiftFormula("SUM(B2:D2)+SUM(2:2)+SUM(B:B)+SUM($B:C)", 2, 1)).toBe("SUM(C4:E4)+SUM(4:4)+SUM(C:C)+SUM($B:D)");
    expect(shiftFormula("'My B2'!B2+Sheet1!A1+\"B2\"&Plan[[#This Row],[B2]]+LOG10(A1)", 1, 0)).toBe("'My B2'!B3+Sheet1!A2+\"B2\"&Plan[[#This Row],[B2]]+LOG10(A2)");
    expect(shiftFormula("_xldudf_PARTNER_SCORE(B2:E2)+MarginTarget", 4, 0)).toBe("_xldudf_PARTNER_SCORE(B6:E6)+MarginTarget");
    expect(shiftFormula("A1", 0, 0)).toBe("A1");
  });
});
