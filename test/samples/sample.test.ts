// samples/partners.xlsx: regenerable from its seed, realistic, consistent with the add-in, and its
// built-in formulas agree with an independent spreadsheet application (LibreOffice).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AUDIT_AREAS } from "../../engine/audit";
import { DRIVERS } from "../../engine/pnl";
import { ASSUMPTION_YEARS, DEFAULT_ASSUMPTIONS } from "../../samples/data/assumptions";
import { PNL_LAYOUT } from "../../samples/sheets/pnl";
import { SAMPLE_PATH, buildSampleWorkbook, sampleData } from "../../samples/generate";
import { excelHost } from "../excel-host";
import { convert, libreOfficeAvailable } from "../support/libreoffice";

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

describe("sample partner workbook", () => {
  it("is reproducible from its seed", () => {
    expect(sampleData(7)).toEqual(sampleData(7));
    expect(sampleData(7).partners).not.toEqual(sampleData(8).partners);
  });

  it("is what `npm run samples` generates today", async () => {
    const committed = await read(SAMPLE_PATH);
    const fresh = await buildSampleWorkbook();
    expect(committed.worksheets.map((s) => s.name)).toEqual(fresh.worksheets.map((s) => s.name));
    for (const sheet of fresh.worksheets) expect(snapshot(committed.getWorksheet(sheet.name)!), sheet.name).toEqual(snapshot(sheet));
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
      expect(areas.formula).toBe(`PARTNER.AUDIT.AREAS(D${r}:H${r},I${r}:K${r},L${r}:N${r},O${r}:Q${r})`);
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
      expect(master.formula).toBe(formula);
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
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-sample-"));
    try {
      const recalculatedBook = await read(convert(SAMPLE_PATH, out));
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
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
