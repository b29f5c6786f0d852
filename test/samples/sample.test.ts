// samples/partners.xlsx: regenerable from its seed, realistic, consistent with the add-in, and its
// built-in formulas agree with an independent spreadsheet application (LibreOffice).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AUDIT_AREAS } from "../../engine/audit";
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

  it.skipIf(!libreOfficeAvailable())("has built-in formulas that LibreOffice recalculates to the cached values", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-sample-"));
    try {
      const recalculated = (await read(convert(SAMPLE_PATH, out))).getWorksheet("Audit Scores")!;
      const original = (await read(SAMPLE_PATH)).getWorksheet("Audit Scores")!;
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
