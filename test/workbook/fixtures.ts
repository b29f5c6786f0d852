/** Partner workbooks for the workbook-layer tests, built from the sample generator's tables. */
import ExcelJS from "exceljs";
import { toSerial } from "../../addin/workbook/cells";
import type { RawTable } from "../../addin/workbook/snapshot";
import { type SampleTable, sampleData, sampleTables } from "../../samples/generate";
import { addTableSheet } from "../support/exceljs-workbook";

/** The sample's tables for a network of `partners`, optionally only some of them. */
export function tablesOf(partners: number, only?: readonly string[]): SampleTable[] {
  const tables = sampleTables(sampleData(2026, partners));
  return only ? tables.filter((t) => only.includes(t.name)) : tables;
}

/** The tables as an adapter reads them, each on its own sheet at A1 (dates as Excel serials). */
export function rawTablesOf(tables: readonly SampleTable[]): RawTable[] {
  return tables.map((t) => ({
    name: t.name,
    sheet: t.name,
    origin: { row: 1, column: 1 },
    headers: t.columns.map((c) => c.name),
    rows: t.rows.map((row) => row.map((v) => (v instanceof Date ? toSerial(v) : (v ?? null)))),
  }));
}

/** The tables as an .xlsx file. */
export async function xlsxOf(tables: readonly SampleTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const t of tables) addTableSheet(workbook, t.name, t.columns, t.rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
