// samples/partners.xlsx: regenerable from its seed, realistic, consistent with the add-in, and its
// built-in formulas agree with an independent spreadsheet application (LibreOffice).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AUDIT_AREAS } from "../../engine/audit";
import { DRIVERS } from "../../engine/pnl";
import { ASSUMPTION_YEARS, DEFAULT_ASSUMPTIONS } from "../../samples/data/assumptions";
import { PNL_LAYOUT } from "../../samples/sheets/pnl";
import { PLAN_STATES } from "../../engine/plan";
import { STAGES } from "../../engine/scorecard";
import { TIERS } from "../../engine/tier";
import { DEAL_STAGES } from "../../samples/data/deals";
import { SAMPLE_PATH, buildSampleWorkbook, sampleData } from "../../samples/generate";
import { excelHost } from "../excel-host";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { cellArgument, partnerCall } from "./formulas";
import { AUDIT_AREAS as AREAS } from "../../engine/audit";
import { PREFIXED_FUNCTIONS, excelFormula, fileFormula } from "../../addin/workbook/formulas";
import {
  ACCOUNT_STATUSES,
  DEAL_SOURCES,
  FUND_REQUEST_STATES,
  FUND_TYPES,
  GOAL_CATEGORIES,
  LEAD_OUTCOMES,
  LIFE_STAGES,
  SCORE_COLUMNS,
  TIER_IDS,
  tableSchema,
} from "../../addin/workbook/schema";
import { scoreFormulas } from "../../addin/workbook/scores";
import type { RawTable } from "../../addin/workbook/snapshot";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";

type Snapshot = [string, unknown][];

/** Every non-empty cell of a worksheet as [address, value], formulas as text with their result. */
function snapshot(sheet: ExcelJS.Worksheet): Snapshot {
  const cells: Snapshot = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      const plain = (x: unknown) => (x instanceof Date ? x.toISOString() : x);
      if (v && typeof v === "object" && "formula" in v) {
        const f = v as ExcelJS.CellFormulaValue;
        cells.push([cell.address, `=${f.formula} → ${JSON.stringify(plain(f.result))}`]);
      } else cells.push([cell.address, plain(v)]);
    }),
  );
  return cells;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The sample as the generator writes it now, built once for the tests that need it. */
let builtOnce: Promise<Uint8Array> | undefined;
const built = () => (builtOnce ??= buildSampleWorkbook());

/** Every part of an .xlsx file by name, as text, in the archive's order. */
async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return Promise.all(names.map(async (n): Promise<[string, string]> => [n, await zip.files[n].async("string")]));
}

/** A formula cell of a worksheet part as stored: its cell metadata (`cm`), its `<f>`'s type and ref, its formula. */
interface StoredFormula {
  cm?: string;
  type?: string;
  ref?: string;
  formula: string;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (xml: string) => xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Every formula of the sample file, by sheet name and cell address, read from the worksheet parts' XML. */
async function storedFormulas(bytes: Uint8Array): Promise<Map<string, Map<string, StoredFormula>>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) => [attribute(tag, "Id")!, attribute(tag, "Target")!]));
  const sheets = new Map<string, Map<string, StoredFormula>>();
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const part = `xl/${targets.get(attribute(tag, "r:id")!)!.replace(/^\/?xl\//, "")}`;
    const xml = await zip.file(part)!.async("string");
    const cells = new Map<string, StoredFormula>();
    for (const [, cellTag, body] of xml.matchAll(/(<c\s[^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
      const f = body && /<f(?:\s[^>]*)?>[^<]*<\/f>/.exec(body)?.[0];
      if (!f) continue;
      const fTag = /^<f[^>]*>/.exec(f)![0];
      cells.set(attribute(cellTag, "r")!, { cm: attribute(cellTag, "cm"), type: attribute(fTag, "t"), ref: attribute(fTag, "ref"), formula: unescape(f.slice(fTag.length, -4)) });
    }
    sheets.set(unescape(attribute(tag, "name")!), cells);
  }
  return sheets;
}

/** A cell's value, or a formula cell's cached result (exceljs reads a cached 0 back as no result). */
const result = (value: unknown) =>
  value && typeof value === "object" && "formula" in value ? ((value as { result?: unknown }).result ?? 0) : value;

/** Row and column (1-based) of an A1 address. */
function position(address: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

/** The cached values of a rectangular range such as "B102:G109" (empty cells as null). */
function block(sheet: ExcelJS.Worksheet, range: string): unknown[][] {
  const [from, to] = range.split(":").map(position);
  return Array.from({ length: to.row - from.row + 1 }, (_, r) =>
    Array.from({ length: to.column - from.column + 1 }, (_, c) => result(sheet.getCell(from.row + r, from.column + c).value) ?? null),
  );
}

/** The sample recalculated by LibreOffice, converted once for all the tests that need it. */
let recalculatedFile: Promise<Uint8Array> | undefined;
function recalculatedBytes(): Promise<Uint8Array> {
  recalculatedFile ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-sample-"));
    try {
      return new Uint8Array(fs.readFileSync(convert(SAMPLE_PATH, out)));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  })();
  return recalculatedFile;
}

let recalculatedOnce: Promise<ExcelJS.Workbook> | undefined;
function recalculatedByLibreOffice(): Promise<ExcelJS.Workbook> {
  recalculatedOnce ??= (async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recalculatedBytes()) as unknown as ArrayBuffer);
    return workbook;
  })();
  return recalculatedOnce;
}

/** The sample's PartnerScores table and the tables its formulas read, as the add-in reads the file. */
async function scoresTables(bytes: Uint8Array): Promise<Map<string, RawTable>> {
  return new Map((await readXlsxTables(bytes)).tables.map((t) => [t.name, t]));
}

/** A RawTable's rows as objects by header. */
const byHeader = (t: RawTable) => t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [String(h), r[i]])));

/** The tables of the analyst's toolkit with their columns, as SPEC section 3 names them. */
const TOOLKIT_TABLES: Record<string, string[]> = {
  Engagement: ["PartnerId", "OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online", "Opportunities", "Period", "Prospect"],
  Scorecard: ["PartnerId", "Category", "Topic", "Score", "Target", "Weight", "Date"],
  Metrics: ["PartnerId", "Potential", "Performance", "VerticalCoverage", "Certification", "CustomerSatisfaction", "PipelineGrowth", "MarketingReach", "TechnicalDepth"],
  Plan: ["PartnerId", "Period", "KPI", "Target", "Actual", "Weight"],
  Tasks: ["PartnerId", "Task", "Due", "Owner", "Done"],
  Deals: ["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed", "AccountId", "Registered", "ProtectedUntil", "Source", "Qualified"],
  Approvals: ["PartnerId", "Period", "State", "AcceptedBy", "AcceptedOn", "ApprovedBy", "ApprovedOn", "Comment"],
};

/** A table's data rows as objects keyed by column name. */
function tableRows(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(name)!;
  const table = (sheet.getTable(name) as unknown as { table: { columns: { name: string }[] } }).table;
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(table.columns.map((c, i) => [c.name, row.getCell(i + 1).value ?? null])));
  });
  return rows;
}

/** A cached result against what the bundle returns: exceljs reads a cached 0 or "" back as no result. */
function sameResult(actual: unknown, cached: unknown): boolean {
  if (cached === undefined || cached === null) return actual === 0 || actual === "";
  if (cached instanceof Date) return actual === cellArgument({ value: cached } as ExcelJS.Cell);
  return Object.is(actual, cached);
}

describe("sample partner workbook", () => {
  it("is reproducible from its seed", () => {
    expect(sampleData(7)).toEqual(sampleData(7));
    expect(sampleData(7).partners).not.toEqual(sampleData(8).partners);
  });

  it("is what `npm run samples` generates today", async () => {
    const committed = await read(SAMPLE_PATH);
    const fresh = await load(await built());
    expect(committed.worksheets.map((s) => s.name)).toEqual(fresh.worksheets.map((s) => s.name));
    for (const sheet of fresh.worksheets) expect(snapshot(committed.getWorksheet(sheet.name)!), sheet.name).toEqual(snapshot(sheet));
    // Every part, byte for byte once inflated (how the parts are deflated may vary with the platform's zlib).
    expect(await partsOf(new Uint8Array(fs.readFileSync(SAMPLE_PATH)))).toEqual(await partsOf(await built()));
  });

  it("is written the same, byte for byte, every time it is generated", async () => {
    const again = await buildSampleWorkbook();
    expect(Buffer.from(again).equals(Buffer.from(await built()))).toBe(true);
  });

  it("stores formulas as Excel does: PARTNER.* as _xldudf_PARTNER_*, newer functions with _xlfn., spills as dynamic arrays", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
    const sheets = await storedFormulas(bytes);
    const zip = await JSZip.loadAsync(bytes);
    const unprefixed = new RegExp(`(^|[^A-Za-z0-9_.])(${PREFIXED_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`, "i");
    const used = new Set<string>();
    let custom = 0;
    let spills = 0;
    for (const [sheet, cells] of sheets) {
      for (const [address, f] of cells) {
        const where = `${sheet}!${address} ${f.formula}`;
        // Outside text in quotes: a bare PARTNER.X( is #NAME? in Excel until each cell is typed again.
        const code = f.formula.replace(/"(?:[^"]|"")*"/g, '""');
        expect(code, where).not.toMatch(/(^|[^A-Za-z0-9_.])PARTNER\.[A-Za-z]/);
        // A score hides only #N/A (no data): IFERROR around a PARTNER.* call would hide #VALUE! and #NAME? too.
        if (/_xldudf_PARTNER_/i.test(code)) expect(code, where).not.toMatch(/IFERROR\(/i);
        // Functions newer than Excel 2007 carry _xlfn., or open as #NAME?.
        expect(code, where).not.toMatch(unprefixed);
        for (const [, name] of code.matchAll(/_xlfn\.([A-Z.]+)\(/g)) used.add(name);
        if (/_xldudf_PARTNER_/.test(code)) custom++;
        if (f.type === "array") {
          expect([f.cm, f.ref], where).toEqual(["1", expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/)]);
          expect(f.ref!.startsWith(`${address}:`), where).toBe(true);
          spills++;
        }
        if (f.cm) expect(f.type, where).toBe("array");
      }
    }
    console.log(`Sample workbook: ${custom} PARTNER.* formulas, ${spills} of them spilling`);
    expect(custom).toBeGreaterThan(2000);
    expect(spills).toBeGreaterThan(200);
    expect([...used].sort()).toEqual(["IFNA", "MAXIFS"]);

    // cm="1" is the first cell metadata record: a dynamic array (XLDAPR, fDynamic).
    const metadata = await zip.file("xl/metadata.xml")?.async("string");
    expect(metadata).toBeDefined();
    expect(metadata).toMatch(/<metadataType name="XLDAPR"/);
    expect(metadata).toMatch(/<cellMetadata count="1"><bk><rc t="1" v="0"\/><\/bk><\/cellMetadata>/);
    expect(metadata).toMatch(/<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"\/>/);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(`PartName="/xl/metadata.xml"`);

    // The add-in is named by the workbook, so that Excel offers it to whoever opens the file.
    const manifestId = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.resolve(__dirname, "../../manifest/manifest.xml"), "utf8"))![1];
    const extension = await zip.file("xl/webextensions/webextension1.xml")?.async("string");
    expect(extension).toBeDefined();
    expect(/<we:reference id="([^"]+)"/.exec(extension!)?.[1]?.toLowerCase()).toBe(manifestId.toLowerCase());
  });

  it("holds a realistic partner network in the Partners and Audit tables", async () => {
    const workbook = await read(SAMPLE_PATH);
    const partners = workbook.getWorksheet("Partners")!;
    const table = partners.getTable("Partners") as unknown as { table: { columns: { name: string }[] } };
    expect(table.table.columns.map((c) => c.name)).toEqual(
      ["PartnerId", "Name", "Region", "Territory", "ChannelManager", "Type", "Status", "SignedDate"],
    );
    const ids = partners.getColumn(1).values.slice(2) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ids).size).toBe(ids.length);
    const names = partners.getColumn(2).values.slice(2) as string[];
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(partners.getColumn(3).values.slice(2))).toEqual(new Set(["EMEA", "Americas", "APAC"]));

    const audit = workbook.getWorksheet("Audit")!;
    const known = new Set(ids);
    const criteria = new Set(AUDIT_AREAS.flatMap((a) => a.criteria.map((c) => `${a.name}|${c.label}`)));
    let rows = 0;
    audit.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      const [id, area, criterion, rating] = [1, 2, 3, 4].map((c) => row.getCell(c).value);
      expect(known.has(id as string)).toBe(true);
      expect(criteria.has(`${area}|${criterion}`)).toBe(true);
      expect(rating === null || [1, 2, 3, 4, 5].includes(rating as number)).toBe(true);
    });
    expect(rows).toBeGreaterThan(ids.length * 14);
  });

  it("uses PARTNER.AUDIT.AREAS, PARTNER.AUDIT and PARTNER.SCORE with cached results the add-in reproduces", async () => {
    const sheet = (await read(SAMPLE_PATH)).getWorksheet("Audit Scores")!;
    const excel = excelHost();
    const ranges = [[4, 8], [9, 11], [12, 14], [15, 17]];
    let rows = 0;
    for (let r = 3; r <= sheet.rowCount; r++) {
      const ratings = (from: number, to: number) => [Array.from({ length: to - from + 1 }, (_, i) => result(sheet.getCell(r, from + i).value))];
      const args = ranges.map(([from, to]) => ratings(from, to));
      const areas = sheet.getCell(r, 18).value as ExcelJS.CellFormulaValue;
      expect(excelFormula(areas.formula)).toBe(`=PARTNER.AUDIT.AREAS(D${r}:H${r},I${r}:K${r},L${r}:N${r},O${r}:Q${r})`);
      const cached = [18, 19, 20, 21, 22].map((c) => result(sheet.getCell(r, c).value));
      expect(excel.value("AUDIT.AREAS", ...args)).toEqual([cached]);
      expect(excel.value("AUDIT", ...args)).toBe(result(sheet.getCell(r, 23).value));
      expect(excel.value("SCORE", ratings(4, 17))).toBe(result(sheet.getCell(r, 24).value));
      rows++;
    }
    expect(rows).toBeGreaterThan(200);
  });

  it("holds P&L assumptions: a default (*) row for every driver and partner rows that override some", async () => {
    const workbook = await read(SAMPLE_PATH);
    const sheet = workbook.getWorksheet("Assumptions")!;
    const table = sheet.getTable("Assumptions") as unknown as { table: { columns: { name: string }[] } };
    expect(table.table.columns.map((c) => c.name)).toEqual([
      "PartnerId", "Name", "Value", ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => `Year${i + 2}`),
    ]);
    const partnerIds = new Set(workbook.getWorksheet("Partners")!.getColumn(1).values.slice(2) as string[]);
    const rows: { id: string; name: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push({ id: values[0] as string, name: values[1] as string });
      for (const v of values.slice(2)) expect(v === null || v === undefined || typeof v === "number").toBe(true);
    });
    const defaults = rows.filter((r) => r.id === "*").map((r) => r.name);
    expect(defaults.sort()).toEqual(DRIVERS.map((d) => d.name).sort());
    const overridden = rows.filter((r) => r.id !== "*");
    expect(new Set(overridden.map((r) => r.id)).size).toBeGreaterThanOrEqual(3);
    for (const r of overridden) {
      expect(partnerIds.has(r.id), r.id).toBe(true);
      expect(defaults).toContain(r.name);
    }
    expect(new Set(overridden.map((r) => `${r.id}|${r.name}`)).size).toBe(overridden.length);
  });

  it("uses PARTNER.PNL, PNL.SUMMARY, SENSITIVITY, SIMULATE and RAMP with cached results the add-in reproduces", async () => {
    const sheet = (await read(SAMPLE_PATH)).getWorksheet("P&L")!;
    const excel = excelHost();
    const L = PNL_LAYOUT;
    const first = L.blockFirstRow;
    const last = first + DEFAULT_ASSUMPTIONS.length - 1;
    const range = `$A$${first}:$K$${last}`;
    const assumptions = block(sheet, `A${first}:K${last}`);
    expect(assumptions.map((r) => r[0])).toEqual(DEFAULT_ASSUMPTIONS.map(([name]) => name));
    const spills: [string, string, unknown[]][] = [
      [L.partnerView, `PARTNER.PNL(${range})`, ["PNL", assumptions]],
      [L.vendorView, `PARTNER.PNL(${range},"vendor")`, ["PNL", assumptions, "vendor"]],
      [L.summaries.partner, `PARTNER.PNL.SUMMARY(${range})`, ["PNL.SUMMARY", assumptions]],
      [L.summaries.vendor, `PARTNER.PNL.SUMMARY(${range},"vendor")`, ["PNL.SUMMARY", assumptions, "vendor"]],
      [L.summaries.whatIf, `PARTNER.PNL.SUMMARY(${range},,${L.whatIfOverrides})`, ["PNL.SUMMARY", assumptions, null, block(sheet, L.whatIfOverrides)]],
      [L.sensitivity, `PARTNER.SENSITIVITY(${range})`, ["SENSITIVITY", assumptions]],
      [L.simulation, `PARTNER.SIMULATE(${range},${L.uncertainty})`, ["SIMULATE", assumptions, block(sheet, L.uncertainty)]],
      [L.ramp, `PARTNER.RAMP(${L.history})`, ["RAMP", block(sheet, L.history)]],
    ];
    for (const [at, formula, [id, ...args]] of spills) {
      const master = sheet.getCell(at).value as ExcelJS.CellFormulaValue & { ref?: string };
      expect(excelFormula(master.formula)).toBe(`=${formula}`);
      const expected = excel.value(id as string, ...args) as unknown[][];
      const { row, column } = position(at);
      const cached = block(sheet, `${at}:${sheet.getCell(row + expected.length - 1, column + expected[0].length - 1).address}`);
      // A blank spill cell ("") may come back from the file as an empty cell.
      expect(cached.map((r) => r.map((v) => v ?? "")), formula).toEqual(expected);
    }
    // The sample partner's P&L is an investment that pays back: a loss first, then profit.
    const summary = excel.value("PNL.SUMMARY", assumptions) as [string, number][];
    expect(summary[1][1]).toBeGreaterThan(0);
    expect(summary[2][1]).toBeGreaterThan(1);
  });

  it.skipIf(!libreOfficeAvailable())("has built-in formulas that LibreOffice recalculates to the cached values", async () => {
    const recalculatedBook = await recalculatedByLibreOffice();
    const originalBook = await read(SAMPLE_PATH);
    // The P&L sheet's assumptions block (SUMIFS over the Assumptions table) and the cells derived from it.
    const pnlSheet = { lo: recalculatedBook.getWorksheet("P&L")!, cached: originalBook.getWorksheet("P&L")! };
    const first = PNL_LAYOUT.blockFirstRow;
    const ranges = [PNL_LAYOUT.nameCell, `B${first}:K${first + DEFAULT_ASSUMPTIONS.length - 1}`, PNL_LAYOUT.uncertainty];
    // LibreOffice stores numbers with 15 significant digits.
    const rounded = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toPrecision(15)) : v)));
    for (const range of ranges) {
      const r = range.includes(":") ? range : `${range}:${range}`;
      expect(rounded(block(pnlSheet.lo, r)), range).toEqual(rounded(block(pnlSheet.cached, r)));
    }
    const recalculated = recalculatedBook.getWorksheet("Audit Scores")!;
    const original = originalBook.getWorksheet("Audit Scores")!;
    let compared = 0;
    for (let r = 3; r <= original.rowCount; r++) {
      for (let c = 2; c <= 17; c++) {
        const lo = result(recalculated.getCell(r, c).value);
        const cached = result(original.getCell(r, c).value);
        expect(lo, `row ${r}, column ${c}`).toEqual(cached);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it("holds engagement, scorecards, metrics, plans, tasks, deals and approvals for the sample partners", async () => {
    const workbook = await read(SAMPLE_PATH);
    for (const [name, columns] of Object.entries(TOOLKIT_TABLES)) {
      const table = (workbook.getWorksheet(name)!.getTable(name) as unknown as { table: { columns: { name: string }[] } }).table;
      expect(table.columns.map((c) => c.name), name).toEqual(columns);
    }
    const partners = tableRows(workbook, "Partners");
    const status = new Map(partners.map((p) => [p.PartnerId as string, p.Status as string]));
    const known = (rows: Record<string, unknown>[]) => rows.every((r) => status.has(r.PartnerId as string));

    // Each partner's row of the current quarter, after the previous quarter's rows of the partners signed by then.
    const engagement = tableRows(workbook, "Engagement");
    const current = engagement.filter((e) => e.Period === "2026-Q3");
    expect(current.map((e) => e.PartnerId)).toEqual(partners.map((p) => p.PartnerId));
    const previous = engagement.slice(0, engagement.length - current.length);
    expect(previous.every((e) => e.Period === "2026-Q2" && status.get(e.PartnerId as string) !== "Prospect")).toBe(true);
    expect(previous.length).toBeGreaterThan(150);
    for (const e of engagement) {
      for (const column of TOOLKIT_TABLES.Engagement.slice(1, 9)) expect(typeof e[column]).toBe("boolean");
      expect(e.Prospect).toBe(status.get(e.PartnerId as string) === "Prospect");
      expect(Number.isInteger(e.Opportunities) && (e.Opportunities as number) >= 0).toBe(true);
    }

    const scorecard = tableRows(workbook, "Scorecard");
    expect(known(scorecard)).toBe(true);
    expect(new Set(scorecard.map((s) => s.Category))).toEqual(new Set([...STAGES, "Sales", "Marketing", "Technical"]));
    expect(scorecard.every((s) => s.Score === null || ((s.Score as number) >= 0 && (s.Score as number) <= 100))).toBe(true);
    expect(scorecard.some((s) => s.Score === null)).toBe(true);

    const metrics = tableRows(workbook, "Metrics");
    for (const m of metrics) {
      for (const column of TOOLKIT_TABLES.Metrics.slice(1)) {
        const v = m[column];
        expect(v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100), `${m.PartnerId} ${column}`).toBe(true);
      }
      // Prospects have a potential but no performance yet.
      expect(m.Performance === null).toBe(status.get(m.PartnerId as string) === "Prospect");
      expect(m.Potential).not.toBeNull();
    }

    const plans = tableRows(workbook, "Plan");
    expect(known(plans)).toBe(true);
    expect(plans.every((p) => (p.Target as number) > 0 && (p.Actual as number) >= 0)).toBe(true);

    const tasks = tableRows(workbook, "Tasks");
    expect(known(tasks)).toBe(true);
    expect(tasks.every((t) => t.Due instanceof Date && (t.Done === null || t.Done instanceof Date))).toBe(true);

    const deals = tableRows(workbook, "Deals");
    expect(known(deals)).toBe(true);
    for (const d of deals) {
      expect(DEAL_STAGES).toContain(d.Stage);
      expect(["Won", "Lost", "Open"]).toContain(d.Outcome);
      expect(d.Outcome === "Won").toBe(d.Stage === "Closed");
      expect(d.Closed === null).toBe(d.Outcome === "Open");
      if (d.Closed) expect((d.Closed as Date).getTime()).toBeGreaterThanOrEqual((d.Opened as Date).getTime());
    }
    const decided = new Map<string, number>();
    for (const d of deals) if (d.Outcome !== "Open") decided.set(d.PartnerId as string, (decided.get(d.PartnerId as string) ?? 0) + 1);
    for (const [id, s] of status) if (s === "Active") expect(decided.get(id) ?? 0, id).toBeGreaterThanOrEqual(2);

    const approvals = tableRows(workbook, "Approvals");
    expect(known(approvals)).toBe(true);
    for (const a of approvals) {
      expect(PLAN_STATES).toContain(a.State);
      if (a.State === "Accepted") expect(a.AcceptedOn).toBeInstanceOf(Date);
      if (a.State === "Approved") expect(a.ApprovedOn).toBeInstanceOf(Date);
      if (a.State === "Draft" || a.State === "Submitted") expect([a.AcceptedOn, a.ApprovedOn]).toEqual([null, null]);
    }
    expect(approvals.some((a) => a.State === "Approved" && a.AcceptedOn === null)).toBe(true);
  });

  it("holds a plan library, plans chosen from it for each partner's stage and tier, funds and fund requests that add up, and value propositions", async () => {
    const workbook = await read(SAMPLE_PATH);
    for (const name of ["Library", "PlanActivities", "Funds", "FundRequests", "ValueProposition"] as const) {
      const table = (workbook.getWorksheet(name)!.getTable(name) as unknown as { table: { columns: { name: string }[] } }).table;
      expect(table.columns.map((c) => c.name), name).toEqual(tableSchema(name).columns.map((c) => c.name));
    }
    const asOf = Date.UTC(2026, 8, 30);
    const time = (v: unknown) => (v as Date).getTime();
    const partners = tableRows(workbook, "Partners");
    const status = new Map(partners.map((p) => [p.PartnerId as string, p.Status as string]));
    const list = (v: unknown) => (v === null ? [] : String(v).split(", "));

    // The library: at least 12 goals across the four categories and 40 activities, each fully described.
    const library = tableRows(workbook, "Library");
    const goals = new Map<string, Record<string, unknown>>();
    for (const a of library) {
      const goal = goals.get(a.GoalId as string);
      if (goal) expect([a.Goal, a.Category], `${a.ActivityId}`).toEqual([goal.Goal, goal.Category]);
      else goals.set(a.GoalId as string, a);
      for (const column of ["Activity", "Tactic", "KPI", "Unit"]) expect(typeof a[column] === "string" && (a[column] as string).length > 2, `${a.ActivityId} ${column}`).toBe(true);
      for (const s of list(a.Stage)) expect(LIFE_STAGES).toContain(s);
      for (const t of list(a.Tier)) expect(TIER_IDS).toContain(t);
      expect(typeof a.MDFEligible).toBe("boolean");
      expect(a.TypicalCost as number).toBeGreaterThanOrEqual(0);
      expect(a.TypicalResult === null || (a.TypicalResult as number) > 0).toBe(true);
    }
    expect(goals.size).toBeGreaterThanOrEqual(12);
    expect(new Set(library.map((a) => a.ActivityId)).size).toBe(library.length);
    expect(library.length).toBeGreaterThanOrEqual(40);
    expect(new Set([...goals.values()].map((g) => g.Category))).toEqual(new Set(GOAL_CATEGORIES));
    expect(library.filter((a) => a.MDFEligible).length).toBeGreaterThanOrEqual(15);
    const activity = new Map(library.map((a) => [a.ActivityId as string, a]));

    // Plans: most partners that are not prospects have one, and each activity suits the partner's
    // life stage and tier as the Stages and Tiers sheets compute them.
    const cached = (sheet: string, first: number, column: number) => {
      const ws = workbook.getWorksheet(sheet)!;
      return new Map(Array.from({ length: ws.rowCount - first + 1 }, (_, i) => [ws.getCell(first + i, 1).value as string, result(ws.getCell(first + i, column).value) as string]));
    };
    const stages = cached("Stages", 3, 7);
    const tiers = cached("Tiers", 2, 5);
    const plans = tableRows(workbook, "PlanActivities");
    const planning = new Set(plans.map((p) => p.PartnerId as string));
    expect(planning.size / [...status.values()].filter((s) => s !== "Prospect").length).toBeGreaterThan(0.6);
    for (const p of plans) {
      const where = `${p.PartnerId} ${p.ActivityId}`;
      expect(status.get(p.PartnerId as string), where).not.toBe("Prospect");
      const a = activity.get(p.ActivityId as string)!;
      expect(a.GoalId, where).toBe(p.GoalId);
      const suits = (allowed: string[], value: string | undefined) => !allowed.length || allowed.includes(value!);
      expect(suits(list(a.Stage), stages.get(p.PartnerId as string)), `${where}: ${a.Stage} for ${stages.get(p.PartnerId as string)}`).toBe(true);
      expect(suits(list(a.Tier), tiers.get(p.PartnerId as string)), `${where}: ${a.Tier} for ${tiers.get(p.PartnerId as string)}`).toBe(true);
      expect(time(p.Start), where).toBeLessThanOrEqual(time(p.End));
      expect(p.PartnerShare === null || ((p.PartnerShare as number) >= 0 && (p.PartnerShare as number) <= 1), where).toBe(true);
      expect(p.Budget === null || (p.Budget as number) > 0, where).toBe(true);
      if (p.Status === "Planned") expect([time(p.Start) > asOf, p.Actual], where).toEqual([true, null]);
      // An activity that has run has an actual wherever it expects a result.
      if (p.Status === "Done") expect([time(p.End) < asOf, typeof p.Actual === "number"], where).toEqual([true, p.Expected !== null]);
      expect(p.Expected === null, where).toBe(a.TypicalResult === null);
      if (p.Status === "Cancelled") expect(time(p.End), where).toBeLessThan(asOf);
    }
    expect(new Set(plans.map((p) => p.Status))).toEqual(new Set(["Planned", "In progress", "Done", "Cancelled"]));

    // Funds: one allocation per partner, period and type, all three types used.
    const funds = tableRows(workbook, "Funds");
    expect(new Set(funds.map((f) => f.FundType))).toEqual(new Set(FUND_TYPES));
    expect(new Set(funds.map((f) => `${f.PartnerId}|${f.Period}|${f.FundType}`)).size).toBe(funds.length);
    expect(funds.every((f) => status.has(f.PartnerId as string) && (f.Allocated as number) > 0)).toBe(true);
    for (const id of planning) expect(funds.some((f) => f.PartnerId === id && f.FundType === "MDF"), id).toBe(true);

    // Fund requests: every state, each step's who and when filled in order up to the request's state, for MDF-eligible activities of the plan.
    const requests = tableRows(workbook, "FundRequests");
    expect(new Set(requests.map((q) => q.State))).toEqual(new Set(FUND_REQUEST_STATES));
    expect(new Set(requests.map((q) => q.RequestId)).size).toBe(requests.length);
    const steps = [
      ["SubmittedBy", "SubmittedOn"],
      ["ReviewedBy", "ReviewedOn"],
      ["ClaimedBy", "ClaimedOn"],
      ["PaidBy", "PaidOn"],
    ];
    const reached: Record<string, number> = { Draft: 0, Submitted: 1, Approved: 2, Rejected: 2, Claimed: 3, Paid: 4 };
    for (const q of requests) {
      const where = `${q.RequestId} (${q.State})`;
      expect(activity.get(q.ActivityId as string)?.MDFEligible, where).toBe(true);
      expect(plans.filter((p) => p.RequestId === q.RequestId).map((p) => [p.PartnerId, p.ActivityId]), where).toEqual([[q.PartnerId, q.ActivityId]]);
      const dates = steps.map(([by, on], i) => {
        const done = i < reached[q.State as string];
        expect([typeof q[by] === "string", q[on] instanceof Date], `${where} ${by}`).toEqual([done, done]);
        return done ? time(q[on]) : null;
      });
      const taken = dates.filter((d): d is number => d !== null);
      expect(taken, where).toEqual([...taken].sort((a, b) => a - b));
      expect(taken.every((d) => d <= asOf), where).toBe(true);
      const claimed = q.State === "Claimed" || q.State === "Paid";
      expect([q.ClaimAmount !== null, q.ProofOfPerformance !== null], where).toEqual([claimed, claimed]);
      // A claim never exceeds its approval.
      if (claimed) expect(q.ClaimAmount as number, where).toBeLessThanOrEqual(q.Amount as number);
      if (q.State === "Rejected") expect(q.ReviewComment, where).toEqual(expect.any(String));
    }
    // What is requested, approved, claimed or paid from a fund never exceeds its allocation.
    for (const f of funds) {
      const used = requests.filter((q) => q.PartnerId === f.PartnerId && q.Period === f.Period && q.FundType === f.FundType && q.State !== "Rejected").reduce((sum, q) => sum + (q.Amount as number), 0);
      expect(used, `${f.PartnerId} ${f.FundType}`).toBeLessThanOrEqual(f.Allocated as number);
    }
    expect(requests.some((q) => q.FundType === "Co-op")).toBe(true);
    expect(requests.some((q) => /^https:\/\//.test(String(q.ProofOfPerformance)))).toBe(true);

    // Value propositions: most have a number and a differentiator in a short statement; some lack one or run long.
    const propositions = tableRows(workbook, "ValueProposition");
    expect(propositions.every((v) => planning.has(v.PartnerId as string))).toBe(true);
    const words = (v: Record<string, unknown>) => String(v.Statement).split(/\s+/).length;
    const sound = propositions.filter((v) => v.QuantifiedBenefit !== null && v.Differentiator !== null && /\d/.test(String(v.Statement)) && words(v) <= 30);
    expect(sound.length / propositions.length).toBeGreaterThan(0.4);
    expect(propositions.filter((v) => v.QuantifiedBenefit === null && !/\d/.test(String(v.Statement))).length).toBeGreaterThan(3);
    expect(propositions.filter((v) => v.Differentiator === null).length).toBeGreaterThan(3);
    expect(propositions.filter((v) => words(v) > 40).length).toBeGreaterThan(1);
    console.log(
      `Sample workbook: ${goals.size} goals and ${library.length} activities in the library; ${plans.length} plan activities of ${planning.size} partners; ` +
        `${funds.length} funds; ${requests.length} fund requests; ${propositions.length} value propositions`,
    );
  });

  it("holds a software vendor's accounts, deals tied to them with a handful of channel conflicts, leads in every state and account plans", async () => {
    const workbook = await read(SAMPLE_PATH);
    for (const name of ["Accounts", "Leads", "AccountPlans"] as const) {
      const table = (workbook.getWorksheet(name)!.getTable(name) as unknown as { table: { columns: { name: string }[] } }).table;
      expect(table.columns.map((c) => c.name), name).toEqual(tableSchema(name).columns.map((c) => c.name));
    }
    const asOf = Date.UTC(2026, 8, 30);
    const DAY = 86_400_000;
    const time = (v: unknown) => (v as Date).getTime();
    const partners = new Map(tableRows(workbook, "Partners").map((p) => [p.PartnerId as string, p]));

    // Accounts: 150–300, each id and plain domain once, domains written in several ways, every status, the partners' regions.
    const accounts = tableRows(workbook, "Accounts");
    expect(accounts.length).toBeGreaterThanOrEqual(150);
    expect(accounts.length).toBeLessThanOrEqual(300);
    const account = new Map(accounts.map((a) => [a.AccountId as string, a]));
    expect(account.size).toBe(accounts.length);
    const plain = (domain: string) => {
      const host = domain.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/[/?#].*$/, "");
      const labels = host.split(".");
      return labels.slice(/^(co|com)\.[a-z]{2}$/.test(labels.slice(-2).join(".")) ? -3 : -2).join(".");
    };
    const domains = accounts.map((a) => String(a.Domain));
    expect(new Set(domains.map(plain)).size).toBe(accounts.length);
    expect(domains.filter((d) => d === plain(d)).length / domains.length).toBeGreaterThan(0.6);
    expect(domains.some((d) => d.startsWith("www."))).toBe(true);
    expect(domains.some((d) => /^https?:\/\//.test(d) && /\/./.test(d.replace(/^https?:\/\//, "")))).toBe(true);
    expect(domains.some((d) => d !== d.toLowerCase())).toBe(true);
    expect(domains.some((d) => !d.startsWith("www.") && !d.includes("/") && d.toLowerCase() !== plain(d))).toBe(true);
    expect(new Set(accounts.map((a) => a.Status))).toEqual(new Set(ACCOUNT_STATUSES));
    const regions = new Set([...partners.values()].map((p) => p.Region));
    for (const a of accounts) {
      expect(regions, `${a.AccountId}`).toContain(a.Region);
      for (const column of ["Name", "Industry", "Owner"]) expect(typeof a[column] === "string" && (a[column] as string).length > 2, `${a.AccountId} ${column}`).toBe(true);
    }
    expect(new Set(accounts.map((a) => a.Industry)).size).toBeGreaterThanOrEqual(6);
    // Owners are the vendor's reps, not the partners' channel managers.
    const managers = new Set([...partners.values()].map((p) => p.ChannelManager));
    expect(accounts.some((a) => managers.has(a.Owner))).toBe(false);

    // Deals: most, not all, on an account of their partner's region; all three sources; registrations
    // protect for 90 days mostly, from when the deal was opened, never registered after 30 September.
    const deals = tableRows(workbook, "Deals");
    const tied = deals.filter((d) => d.AccountId !== null);
    expect(tied.length / deals.length).toBeGreaterThan(0.6);
    expect(tied.length).toBeLessThan(deals.length);
    for (const d of tied) expect(account.get(d.AccountId as string)?.Region, `${d.DealId}`).toBe(partners.get(d.PartnerId as string)!.Region);
    expect(new Set(deals.map((d) => d.Source))).toEqual(new Set(DEAL_SOURCES));
    const registered = deals.filter((d) => d.Registered !== null);
    expect(registered.length / deals.length).toBeGreaterThan(0.4);
    for (const d of registered) {
      const where = `${d.DealId}`;
      expect(d.ProtectedUntil, where).toBeInstanceOf(Date);
      expect(time(d.Registered), where).toBeGreaterThanOrEqual(time(d.Opened));
      expect(time(d.Registered), where).toBeLessThanOrEqual(asOf);
      expect(d.Source, where).not.toBe("Vendor");
    }
    expect(deals.filter((d) => d.Registered === null).every((d) => d.ProtectedUntil === null)).toBe(true);
    const days = registered.map((d) => (time(d.ProtectedUntil) - time(d.Registered)) / DAY);
    expect(days.filter((n) => n === 90).length / days.length).toBeGreaterThan(0.7);
    // Qualified: TRUE for every deal past the lead stage, FALSE or not yet said at it.
    for (const d of deals) expect(d.Qualified, `${d.DealId}`).toBe(d.Stage === "Lead" ? d.Qualified : true);
    expect(new Set(deals.filter((d) => d.Stage === "Lead").map((d) => d.Qualified))).toEqual(new Set([false, null]));

    // Statuses as the deals have them: a partner's win makes a customer, an open deal an open opportunity.
    const outcomes = new Map<string, Set<unknown>>();
    for (const d of tied) outcomes.set(d.AccountId as string, (outcomes.get(d.AccountId as string) ?? new Set()).add(d.Outcome));
    for (const a of accounts) {
      const seen = outcomes.get(a.AccountId as string) ?? new Set();
      // Without a partner's win or open deal: a prospect, or a customer who bought from the vendor directly.
      const expected = seen.has("Won") ? ["Customer"] : seen.has("Open") ? ["Open opportunity"] : ["Prospect", "Customer"];
      expect(expected, `${a.AccountId}: ${[...seen].join(", ")}`).toContain(a.Status);
    }

    // Channel conflicts: two partners' protection windows overlapping on one account — a handful, some still running.
    const conflicts = new Map<string, string[]>();
    for (let i = 0; i < registered.length; i++) {
      for (let j = i + 1; j < registered.length; j++) {
        const [p, q] = [registered[i], registered[j]];
        if (p.AccountId === null || p.AccountId !== q.AccountId || p.PartnerId === q.PartnerId) continue;
        if (time(p.Registered) <= time(q.ProtectedUntil) && time(q.Registered) <= time(p.ProtectedUntil)) {
          conflicts.set(p.AccountId as string, [...(conflicts.get(p.AccountId as string) ?? []), `${p.DealId}/${q.DealId}`]);
        }
      }
    }
    expect(conflicts.size).toBeGreaterThanOrEqual(3);
    expect(conflicts.size).toBeLessThanOrEqual(12);
    const running = registered.filter((d) => conflicts.has(d.AccountId as string) && time(d.ProtectedUntil) >= asOf);
    expect(new Set(running.map((d) => d.AccountId)).size).toBeGreaterThanOrEqual(1);

    // Leads: to active partners, on accounts of their region, due five days after they were sent; every state of the follow-up.
    const leads = tableRows(workbook, "Leads");
    expect(leads.length).toBeGreaterThan(100);
    expect(new Set(leads.map((l) => l.LeadId)).size).toBe(leads.length);
    const state = (l: Record<string, unknown>) =>
      l.Accepted !== null ? (time(l.Accepted) <= time(l.FollowUpBy) ? "on time" : "accepted late") : time(l.FollowUpBy) < asOf ? "overdue" : "open";
    const states = new Map<string, number>();
    for (const l of leads) {
      const where = `${l.LeadId}`;
      expect(partners.get(l.PartnerId as string)?.Status, where).toBe("Active");
      expect(account.get(l.AccountId as string)?.Region, where).toBe(partners.get(l.PartnerId as string)!.Region);
      expect((time(l.FollowUpBy) - time(l.Sent)) / DAY, where).toBe(5);
      expect(time(l.Sent), where).toBeLessThanOrEqual(asOf);
      if (l.Accepted !== null) expect([time(l.Accepted) >= time(l.Sent), time(l.Accepted) <= asOf], where).toEqual([true, true]);
      expect(LEAD_OUTCOMES, where).toContain(l.Outcome);
      // Taken up (accepted, converted, lost) exactly when accepted; open or rejected when not.
      expect(["Accepted", "Converted", "Lost"].includes(l.Outcome as string), where).toBe(l.Accepted !== null);
      if (l.Outcome === "Converted") {
        expect(tied.some((d) => d.PartnerId === l.PartnerId && d.AccountId === l.AccountId && time(d.Opened) >= time(l.Accepted)), where).toBe(true);
      }
      const s = l.Outcome === "Rejected" ? "rejected" : state(l);
      states.set(s, (states.get(s) ?? 0) + 1);
    }
    expect(new Set(states.keys())).toEqual(new Set(["on time", "accepted late", "overdue", "open", "rejected"]));
    expect(new Set(leads.map((l) => l.Outcome))).toEqual(new Set(LEAD_OUTCOMES));

    // Account plans: some partners, two to four accounts each, once per partner, account and period.
    const plans = tableRows(workbook, "AccountPlans");
    const planners = new Map<string, number>();
    for (const p of plans) planners.set(p.PartnerId as string, (planners.get(p.PartnerId as string) ?? 0) + 1);
    expect(planners.size).toBeGreaterThanOrEqual(10);
    expect(planners.size).toBeLessThan(partners.size / 2);
    expect(new Set(plans.map((p) => `${p.PartnerId}|${p.AccountId}|${p.Period}`)).size).toBe(plans.length);
    for (const [id, n] of planners) {
      expect(n, id).toBeGreaterThanOrEqual(1);
      expect(n, id).toBeLessThanOrEqual(4);
    }
    expect([...planners.values()].filter((n) => n >= 2).length / planners.size).toBeGreaterThan(0.8);
    for (const p of plans) {
      const where = `${p.PartnerId} ${p.AccountId}`;
      expect(account.get(p.AccountId as string)?.Region, where).toBe(partners.get(p.PartnerId as string)!.Region);
      expect(typeof p.Objective === "string" && typeof p.NextStep === "string" && typeof p.Owner === "string", where).toBe(true);
      expect(Math.abs(time(p.Due) - asOf) / DAY, where).toBeLessThanOrEqual(90);
    }
    console.log(
      `Sample workbook: ${accounts.length} accounts (${ACCOUNT_STATUSES.map((s) => `${accounts.filter((a) => a.Status === s).length} ${s}`).join(", ")}); ` +
        `${tied.length} of ${deals.length} deals on an account, ${registered.length} registered; conflicts on ${conflicts.size} accounts; ` +
        `${leads.length} leads (${[...states].map(([s, n]) => `${n} ${s}`).join(", ")}); ${plans.length} account plan rows of ${planners.size} partners`,
    );
  });

  it("rates, stages, segments and plans the network realistically", async () => {
    const workbook = await read(SAMPLE_PATH);
    const column = (sheet: string, c: number, from: number) => {
      const ws = workbook.getWorksheet(sheet)!;
      return Array.from({ length: ws.rowCount - from + 1 }, (_, i) => result(ws.getCell(from + i, c).value));
    };
    const tiers = column("Tiers", 5, 2);
    for (const { id } of TIERS) expect(tiers, id).toContain(id);
    const mvpShare = tiers.filter((t) => t === "MVP").length / tiers.filter((t) => t !== "Target").length;
    expect(mvpShare).toBeGreaterThan(0.03);
    expect(mvpShare).toBeLessThan(0.2); // seed 004's goal is not met yet: there is an MVP gap to show
    expect(new Set(column("Stages", 7, 3))).toEqual(new Set([...STAGES, "Established"]));
    expect(new Set(column("Segments", 5, 2).filter((s) => typeof s === "string"))).toEqual(new Set(["Star", "Develop", "Sustain", "Review"]));
    expect(new Set(column("Performance", 11, 2))).toEqual(new Set(["On track", "At risk", "Off track"]));
    expect(new Set(column("Task Status", 4, 2))).toEqual(new Set(["Done", "Past due", "Due soon", "Pending"]));
    expect(new Set(column("Funnel", 25, 3))).toEqual(new Set(["Top quartile", "Second quartile", "Third quartile", "Bottom quartile"]));
  });

  it("has PARTNER.* formulas whose cached results the add-in reproduces, on every sheet", async () => {
    const workbook = await read(SAMPLE_PATH);
    const stored = await storedFormulas(new Uint8Array(fs.readFileSync(SAMPLE_PATH)));
    const excel = excelHost();
    const used = new Map<string, number>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue & { ref?: string; shareType?: string };
          if (!value || typeof value !== "object" || !("formula" in value)) return;
          const call = partnerCall(workbook, sheet, value.formula);
          if (!call) return;
          used.set(call.id, (used.get(call.id) ?? 0) + 1);
          const where = `${sheet.name}!${cell.address} =${value.formula}`;
          const cached = value.result as unknown;
          if (cached && typeof cached === "object" && "error" in cached) {
            expect(excel.error(call.id, ...call.args).code, where).toBe((cached as { error: string }).error);
            return;
          }
          const actual = excel.value(call.id, ...call.args);
          // A result of more than one cell spills: the file must hold it as a dynamic array over the whole result.
          if (Array.isArray(actual) && (actual.length > 1 || (actual[0] as unknown[]).length > 1)) {
            const f = stored.get(sheet.name)!.get(cell.address)!;
            const { row, column } = position(cell.address);
            const last = sheet.getCell(row + actual.length - 1, column + (actual[0] as unknown[]).length - 1).address;
            expect([f.cm, f.type, f.ref], where).toEqual(["1", "array", `${cell.address}:${last}`]);
          }
          if (value.shareType !== "array") {
            // A one-cell result of a function that spills one result per value, given one value, shows as its value.
            const perValue = call.id === "RANK.PCT" || call.id === "BENCHMARK";
            const one = perValue && Array.isArray(actual) && actual.length === 1 && (actual[0] as unknown[]).length === 1 ? (actual[0] as unknown[])[0] : actual;
            expect(sameResult(one, cached), `${where}: ${JSON.stringify(actual)} vs ${JSON.stringify(cached)}`).toBe(true);
            return;
          }
          // A spill: compare the whole block, its first cell holding the formula's own result.
          const [, left, top, right, bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(value.ref!)!;
          const spill = actual as unknown[][];
          const rows = Number(bottom) - Number(top) + 1;
          expect([spill.length, spill[0].length], where).toEqual([rows, sheet.getColumn(right).number - sheet.getColumn(left).number + 1]);
          spill.forEach((line, r) =>
            line.forEach((v, c) => {
              const target = sheet.getCell(Number(top) + r, sheet.getColumn(left).number + c);
              const expected = r === 0 && c === 0 ? cached : (target.value as unknown);
              expect(sameResult(v, expected), `${where} at ${target.address}: ${JSON.stringify(v)} vs ${JSON.stringify(expected)}`).toBe(true);
            }),
          );
        }),
      );
    }
    const toolkit = ["TIER", "TIER.MIX", "STAGE", "GAPS", "SEGMENT", "SEGMENTS", "CLUSTER", "RANK.PCT", "ATTAINMENT", "PACE", "STATUS", "ROLLUP", "TASKSTATUS", "APPROVALS", "WINRATE", "FUNNEL", "VELOCITY", "BENCHMARK"];
    for (const id of [...toolkit, "AUDIT", "AUDIT.AREAS", "SCORE"]) expect(used.get(id) ?? 0, `PARTNER.${id} in the sample`).toBeGreaterThan(0);
    const total = [...used.values()].reduce((a, b) => a + b, 0);
    console.log(`Sample workbook: ${total} PARTNER.* formulas reproduced by the bundle`);
    expect(total).toBeGreaterThan(2000);
  });

  it.skipIf(!libreOfficeAvailable())("has built-in formulas on every toolkit sheet that LibreOffice recalculates to the cached values", async () => {
    const recalculated = await recalculatedByLibreOffice();
    const original = await read(SAMPLE_PATH);
    const plain = (v: unknown) => {
      const x = result(v);
      return x instanceof Date ? cellArgument({ value: x } as ExcelJS.Cell) : x;
    };
    let compared = 0;
    for (const name of ["Tiers", "Stages", "Segments", "Performance", "Task Status", "Funnel", "Plan Approvals"]) {
      const sheet = original.getWorksheet(name)!;
      const lo = recalculated.getWorksheet(name)!;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue;
          if (!value || typeof value !== "object" || !("formula" in value) || excelFormula(value.formula).includes("PARTNER.")) return;
          const theirs = plain(lo.getCell(cell.address).value);
          const ours = plain(value);
          const where = `${name}!${cell.address} =${value.formula}`;
          if (typeof ours === "number" && typeof theirs === "number") expect(Math.abs(ours - theirs), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ours)));
          else expect(theirs, where).toEqual(ours);
          compared++;
        }),
      );
    }
    console.log(`Sample workbook: ${compared} built-in formulas of the toolkit sheets recalculated by LibreOffice`);
    expect(compared).toBeGreaterThan(5000);
  });

  it("keeps the add-in's PartnerScores table on its PartnerFit sheet: a row per partner, each cell the formula the task pane writes", async () => {
    const workbook = await read(SAMPLE_PATH);
    const sheet = workbook.getWorksheet("PartnerFit")!;
    const tables = await scoresTables(fs.readFileSync(SAMPLE_PATH));
    const scores = tables.get("PartnerScores")!;
    expect([scores.sheet, scores.headers]).toEqual(["PartnerFit", ["PartnerId", ...SCORE_COLUMNS]]);
    expect(scores.rows.map((r) => r[0])).toEqual(tables.get("Partners")!.rows.map((r) => r[0]));
    scores.rows.forEach((row, r) => {
      const formulas = scoreFormulas(row[SCORE_COLUMNS.indexOf("PlanPeriod") + 1] as string | null, { weights: true });
      SCORE_COLUMNS.forEach((column, c) => {
        const expected = formulas[column];
        const value = sheet.getCell(r + 2, c + 2).value as ExcelJS.CellFormulaValue | string | null;
        if (expected && typeof expected === "object") expect((value as ExcelJS.CellFormulaValue).formula, `${row[0]} ${column}`).toBe(fileFormula(expected.formula));
        else expect(value).toBe(expected);
      });
    });
    expect(scores.rows.filter((r) => typeof r[SCORE_COLUMNS.indexOf("Audit") + 1] === "number").length).toBeGreaterThan(150);
  });

  it("has PartnerScores' PARTNER.* results cached as the add-in computes them from the same cells and tables", async () => {
    const tables = await scoresTables(fs.readFileSync(SAMPLE_PATH));
    const excel = excelHost();
    const same = (a: unknown, b: unknown) => String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
    // What PARTNER.X(...) gives: its value, or its error as text (as the reader gives an error cell).
    const given = (id: string, ...args: unknown[]) => {
      const outcome = excel.call(id, ...args);
      return outcome.kind === "value" ? outcome.value : outcome.kind === "error" ? outcome.error.code : outcome.exception;
    };
    // What IFNA(PARTNER.X(...), "") shows: blank for #N/A (no data), anything else as the function gives it.
    const shown = (id: string, ...args: unknown[]) => {
      const value = given(id, ...args);
      return value === "#N/A" ? null : value;
    };
    const first = (table: string, id: unknown) => byHeader(tables.get(table)!).find((r) => same(r.PartnerId, id));
    const last = (table: string, id: unknown) => byHeader(tables.get(table)!).filter((r) => same(r.PartnerId, id)).at(-1);
    let checked = 0;
    for (const row of byHeader(tables.get("PartnerScores")!)) {
      const cells = (names: string[]) => [names.map((n) => row[n] ?? null)];
      const areas = AREAS.map((area) => cells(area.criteria.map((_, i) => `${area.id} ${i + 1}`)));
      ["Ability", "SweetSpot", "Territory", "Revenue"].forEach((column, a) => expect(row[column] ?? null, `${row.PartnerId} ${column}`).toEqual(shown("SCORE", areas[a], null, null)));
      expect(row.Audit ?? null).toEqual(shown("AUDIT", ...areas, null));
      // The Tier formula reads the partner's last Engagement row (LOOKUP), the Segment formula its first Metrics row (MATCH).
      const engagement = last("Engagement", row.PartnerId);
      const flags = ["OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online"];
      expect(row.Tier ?? null).toEqual(engagement ? shown("TIER", [flags.map((f) => engagement[f])], engagement.Opportunities, null, null, engagement.Prospect) : null);
      const metrics = first("Metrics", row.PartnerId);
      expect(row.Segment ?? null).toEqual(metrics ? shown("SEGMENT", metrics.Potential, metrics.Performance, null, null) : null);
      expect(row.Stage ?? null).toEqual(shown("STAGE", cells(["Fit", "Onboarding", "Activation", "Enablement"]), null));
      // IF(COUNTIFS(…)>0, IFNA(PARTNER.PLAN.ATTAINMENT(FILTER(Plan[Actual],…), FILTER(Plan[Target],…), FILTER(Plan[Weight],…)), "")):
      // the partner's KPIs of its plan period, as FILTER hands them over (a column each).
      const plan = byHeader(tables.get("Plan")!).filter((p) => same(p.PartnerId, row.PartnerId) && row.PlanPeriod !== null && same(p.Period, row.PlanPeriod));
      const column = (k: string) => plan.map((p) => [p[k] ?? null]);
      const attained = plan.length ? shown("PLAN.ATTAINMENT", column("Actual"), column("Target"), column("Weight"), null) : null;
      expect(row.Attainment ?? null).toEqual(attained);
      expect(row.PlanStatus ?? null).toEqual(typeof attained === "number" ? shown("STATUS", attained, 1, null, null) : attained);
      checked++;
    }
    expect(checked).toBe(240);
  });

  it.skipIf(!libreOfficeAvailable())("has PartnerScores' MAXIFS, SUMIFS and AVERAGEIFS results cached as LibreOffice recalculates them", async () => {
    const cached = byHeader((await scoresTables(fs.readFileSync(SAMPLE_PATH))).get("PartnerScores")!);
    const recalculated = byHeader((await scoresTables(await recalculatedBytes())).get("PartnerScores")!);
    const builtIn = ["LastAudit", ...SCORE_COLUMNS.filter((c) => / \d+$/.test(c)), ...STAGES];
    expect(recalculated.map((r) => r.PartnerId)).toEqual(cached.map((r) => r.PartnerId));
    let compared = 0;
    cached.forEach((row, i) => {
      for (const column of builtIn) {
        const ours = row[column] ?? null;
        const theirs = recalculated[i][column] ?? null;
        if (typeof ours === "number" && typeof theirs === "number") expect(Math.abs(ours - theirs), `${row.PartnerId} ${column}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ours)));
        else expect(theirs, `${row.PartnerId} ${column}`).toEqual(ours);
        compared++;
      }
    });
    expect(compared).toBe(240 * 19);
    expect(cached.filter((r) => typeof r.Fit === "number").length).toBeGreaterThan(100);
  });
});
