// The fast .xlsx reader against exceljs reading the same file (an independent reader): the same
// tables from the sample workbook and from every corpus file, through both inflaters;
// and opening never fails with anything but a clear WorkbookOpenError, whatever the bytes.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { WorkbookOpenError, XlsxAdapter } from "../../addin/workbook/xlsx";
import { readArchive, readXlsxTables, sharedStrings, stringTable } from "../../addin/workbook/xlsx-read";
import { crc32, openArchive } from "../../addin/workbook/ooxml/zip";
import { SAMPLE_PATH } from "../../samples/generate";
import { readWithExcelJSFrom } from "./exceljs-tables";
import { tablesOf, xlsxOf } from "./fixtures";

const CORPUS = path.resolve(__dirname, "../fixtures/workbooks");
const corpus = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx") || f.endsWith(".xls"));

/** Files that are not workbooks (each is a WorkbookOpenError, tested in corpus.test.ts). */
const NOT_WORKBOOKS = ["not-a-workbook.xlsx", "word-document.xlsx", "truncated.xlsx", "corrupt-part.xlsx", "legacy.xls"];
/** Files exceljs cannot load at all (the reader can, and the adapter saves them: corpus.test.ts). */
const EXCELJS_CANNOT_LOAD = ["prefixed-xml.xlsx"];

const byName = (tables: RawTable[]) => [...tables].sort((a, b) => a.name.localeCompare(b.name) || a.sheet.localeCompare(b.sheet));

/** Every table, read by the fast reader and by exceljs. */
async function bothReadings(bytes: Uint8Array): Promise<{ fast: RawTable[]; exceljs: RawTable[] }> {
  const { tables, parts } = await readXlsxTables(bytes);
  return { fast: byName(tables), exceljs: byName(await readWithExcelJSFrom(bytes, parts)) };
}

describe("the fast .xlsx reader", () => {
  it("reads the sample workbook's tables exactly as exceljs does", async () => {
    const { fast, exceljs } = await bothReadings(fs.readFileSync(SAMPLE_PATH));
    expect(fast.map((t) => t.name)).toEqual([
      "AccountPlans",
      "Accounts",
      "Approvals",
      "Assumptions",
      "Audit",
      "Deals",
      "Engagement",
      "FundRequests",
      "Funds",
      "ImportMaps",
      "Leads",
      "Library",
      "Metrics",
      "PartnerAliases",
      "Partners",
      "PartnerScores",
      "Plan",
      "PlanActivities",
      "Scorecard",
      "Tasks",
      "ValueProposition",
    ]);
    expect(fast.reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(10_000);
    expect(fast).toEqual(exceljs);
  });

  it.each(corpus.filter((f) => !NOT_WORKBOOKS.includes(f) && !EXCELJS_CANNOT_LOAD.includes(f)))("reads %s exactly as exceljs does", async (file) => {
    const { fast, exceljs } = await bothReadings(fs.readFileSync(path.join(CORPUS, file)));
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(exceljs);
  });

  it("gives the adapter only the schema's tables, and the same ones when it reads the file again", async () => {
    const bytes = fs.readFileSync(path.join(CORPUS, "missing-tables.xlsx"));
    const adapter = await XlsxAdapter.open(bytes);
    const opened = await adapter.read();
    expect(opened.map((t) => t.name)).toEqual(["Partners"]);
    expect(await adapter.read()).toEqual(opened);
    // The table Excel left as "Table2" is in the file, and read when asked for.
    expect((await readXlsxTables(bytes)).tables.map((t) => t.name).sort()).toEqual(["Partners", "Table2"]);
  });

  it("reads only the key and plan period of the add-in's PartnerScores table, the same way when it reads the file again", async () => {
    const adapter = await XlsxAdapter.open(fs.readFileSync(SAMPLE_PATH));
    const opened = await adapter.read();
    const scores = opened.find((t) => t.name === "PartnerScores")!;
    expect(scores.rows).toHaveLength(240);
    const period = scores.headers.indexOf("PlanPeriod");
    expect(scores.rows.every((r) => /^P\d{4}$/.test(String(r[0])) && r.every((v, c) => c === 0 || c === period || v === null))).toBe(true);
    const whole = (await readXlsxTables(fs.readFileSync(SAMPLE_PATH))).tables.find((t) => t.name === "PartnerScores")!;
    expect(whole.rows.map((r) => [r[0], r[period]])).toEqual(scores.rows.map((r) => [r[0], r[period]]));
    expect(scores.rows.filter((r) => typeof r[period] === "string").length).toBeGreaterThan(150);
    expect(whole.rows.filter((r) => typeof r[whole.headers.indexOf("Audit")] === "number").length).toBeGreaterThan(150);
    expect(await adapter.read()).toEqual(opened);
  });

  it("reads the same tables when JSZip inflates instead of the platform's stream", async () => {
    for (const file of ["libreoffice-saved.xlsx", "prefixed-xml.xlsx", "merged-cells.xlsx"]) {
      const bytes = fs.readFileSync(path.join(CORPUS, file));
      const native = await readArchive(await openArchive(bytes, { native: true }));
      const jszip = await readArchive(await openArchive(bytes, { native: false }));
      expect(jszip.tables, file).toEqual(native.tables);
    }
  });

  it("reads inline strings, rich text, escapes, booleans, errors and cached formula results as Office.js reports them", async () => {
    const zip = await JSZip.loadAsync(await xlsxOf(tablesOf(3, ["Partners"])));
    const sheet = "xl/worksheets/sheet1.xml";
    let xml = await zip.file(sheet)!.async("string");
    const cell = (ref: string, body: string) => {
      xml = xml.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), `<c r="${ref}"${body}`);
    };
    cell("B2", ` t="inlineStr"><is><r><t>North</t></r><r><rPr><b/></rPr><t xml:space="preserve">wind &amp; Co</t></r><rPh sb="0" eb="1"><t>ノース</t></rPh></is></c>`);
    cell("C2", ` t="str"><f>UPPER("emea")</f><v>EMEA</v></c>`);
    cell("D2", ` t="b"><v>1</v></c>`);
    cell("E2", ` t="e"><f>NA()</f><v>#N/A</v></c>`);
    cell("F2", `><f>1-1</f><v>0</v></c>`);
    cell("G2", ` t="s"><v>0</v></c>`);
    cell("B3", ` t="inlineStr"><is><t>Line_x000D_break_x005F_x0041_</t></is></c>`);
    cell("C3", ` t="d"><v>2026-09-30T12:00:00</v></c>`);
    cell("D3", `/>`);
    zip.file(sheet, xml);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const [partners] = (await readXlsxTables(bytes)).tables;
    expect(partners.rows[0].slice(1, 7)).toEqual(["Northwind & Co", "EMEA", true, "#N/A", 0, "PartnerId"]);
    expect(partners.rows[1].slice(1, 4)).toEqual(["Line\rbreak_x0041_", 46295.5, null]);
  });

  it("looks shared strings up one at a time exactly as reading the whole table gives them", () => {
    const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    const item = fc.oneof(
      fc.string().map((t) => `<si><t>${escape(t)}</t></si>`),
      fc.string().map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`),
      fc.constant("<si/>"),
      fc.constant("<si></si>"),
      fc.array(fc.string(), { minLength: 1, maxLength: 3 }).map((runs) => `<si>${runs.map((r, i) => `<r>${i ? "<rPr><b/></rPr>" : ""}<t>${escape(r)}</t></r>`).join("")}</si>`),
      fc.string().map((t) => `<si><t>${escape(t)}</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/></si>`),
      fc.string().map((t) => `<si>\n  <t>${escape(t)}_x000D_</t>\n</si>`),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.boolean(), (items, prefixed) => {
        const body = items.join(prefixed ? "" : "\n");
        const xml = prefixed
          ? `<?xml version="1.0"?><x:sst xmlns:x="s" count="${items.length}">${body.replaceAll("<si", "<x:si").replaceAll("</si>", "</x:si>")}</x:sst>`
          : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="s" count="${items.length}" uniqueCount="${items.length}">${body}</sst>`;
        const whole = sharedStrings(xml);
        const lookUp = stringTable(xml);
        expect(whole.length).toBe(items.length);
        // In any order, twice (the second time from what the first read kept).
        const order = whole.map((_, i) => whole.length - 1 - i);
        for (const i of [...order, ...order]) expect(lookUp(i), `item ${i}`).toBe(whole[i]);
        expect(lookUp(items.length)).toBeUndefined();
        expect(lookUp(-1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("checks every part's checksum", async () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, "corrupt-part.xlsx")));
    await expect(readXlsxTables(bytes)).rejects.toThrow(/its part xl\/worksheets\/sheet2\.xml is damaged/);
  });
});

describe("opening any bytes", () => {
  /** Opening either succeeds, tables and all, or fails with a WorkbookOpenError that says why. */
  async function opensOrSaysWhy(bytes: Uint8Array): Promise<"opened" | "refused"> {
    try {
      const adapter = await XlsxAdapter.open(bytes);
      const workbook = await PartnerWorkbook.open(adapter);
      expect(Array.isArray(workbook.snapshot.problems)).toBe(true);
      return "opened";
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookOpenError);
      expect((e as Error).message).toMatch(/^This file cannot be opened as a workbook: .{10,}\.$/);
      return "refused";
    }
  }

  it("never throws anything but a clear WorkbookOpenError when the file's bytes are damaged", async () => {
    const valid = await xlsxOf(tablesOf(6, ["Partners", "Audit"]));
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("flip"), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
          fc.record({ kind: fc.constant("cut"), at: fc.nat() }),
        ),
        async (damage) => {
          const bytes = valid.slice();
          const at = damage.at % bytes.length;
          if (damage.kind === "flip") bytes.set(damage.bytes.subarray(0, bytes.length - at), at);
          outcomes.add(await opensOrSaysWhy(damage.kind === "cut" ? bytes.subarray(0, at) : bytes));
        },
      ),
      { numRuns: 150, seed: 20261122 },
    );
    expect(outcomes).toEqual(new Set(["opened", "refused"]));
  });

  it("never throws anything but a clear WorkbookOpenError when a part's XML is damaged (checksums intact)", async () => {
    const valid = await xlsxOf(tablesOf(4, ["Partners", "Audit"]));
    const zip = await JSZip.loadAsync(valid);
    const parts = Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
    const texts = new Map(await Promise.all(parts.map(async (n) => [n, await zip.file(n)!.async("string")] as const)));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat({ max: 200 }), fc.string({ maxLength: 12 }), async (p, at, length, insert) => {
        const part = parts[p % parts.length];
        const text = texts.get(part)!;
        const from = at % text.length;
        const copy = await JSZip.loadAsync(valid);
        copy.file(part, text.slice(0, from) + insert + text.slice(from + length));
        await opensOrSaysWhy(await copy.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
