// Reading a workbook's tables with exceljs, an independent reader the tests hold the project's own
// reader and writer against: the same tables must come out of a file whichever reads it.
import ExcelJS from "exceljs";
import { toSerial } from "../../addin/workbook/cells";
import { type RawTable, headerText } from "../../addin/workbook/snapshot";
import { EVERY_TABLE, type TablePart, type TableSelection, dataRowCount, originOf, parseArea, tableIssues } from "../../addin/workbook/xlsx-read";

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const area = parseArea(ref);
  if (!area) throw new Error(`cannot read the table range ${ref}`);
  return area;
}

interface Located {
  sheet: ExcelJS.Worksheet;
  table: ExcelJS.Table;
  model: { name: string; displayName?: string; tableRef: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean; columns: { name: string }[] };
  top: number;
  left: number;
  bottom: number;
  right: number;
}


/** A cell's value as the Office.js API would report it: numbers, text, booleans, dates as serials. */
function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return toSerial(value);
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result ?? null);
  if ("richText" in value) return plainValue(value.richText.map((t) => t.text).join(""));
  if ("text" in value && "hyperlink" in value) return plainValue(value.text);
  if ("error" in value) return value.error;
  return null;
}

/**
 * A cell's value, with the covered cells of a merged area empty (as Excel reports them). A formula's
 * cached result is taken from `result`: exceljs's `value` leaves out a result of 0, FALSE or "".
 */
const cellOf = (sheet: ExcelJS.Worksheet, row: number, column: number): unknown => {
  const cell = sheet.getCell(row, column);
  if (cell.isMerged && cell.master !== cell) return null;
  return cell.formula ? plainValue((cell.result ?? null) as ExcelJS.CellValue) : plainValue(cell.value);
};

/** Every table of an exceljs workbook, with its model. */
function tablesOf(workbook: ExcelJS.Workbook): Located[] {
  const found: Located[] = [];
  for (const sheet of workbook.worksheets) {
    for (const table of Object.values((sheet as unknown as { tables: Record<string, ExcelJS.Table> }).tables ?? {})) {
      const model = (table as unknown as { table: Located["model"] }).table;
      found.push({ sheet, table, model, ...parseRef(model.tableRef) });
    }
  }
  return found;
}

/**
 * The wanted tables of a workbook loaded by exceljs, read the way the fast reader reads a file
 * (the two give the same tables: a test compares them on every fixture).
 */
export function readWithExcelJS(workbook: ExcelJS.Workbook, select: TableSelection = EVERY_TABLE): RawTable[] {
  return tablesOf(workbook)
    .filter(({ model }) => select(model.displayName || model.name) !== undefined)
    .map(({ sheet, model, top, left, bottom, right }) => {
      const part: TablePart = {
        name: model.displayName || model.name,
        sheet: sheet.name,
        ref: model.tableRef,
        headerRows: model.headerRow === false ? 0 : 1,
        totalsRows: model.totalsRow ? 1 : 0,
        columns: model.columns.map((c) => c.name),
      };
      const area = { top, left, bottom, right };
      const first = top + part.headerRows;
      const row = (r: number) => {
        const cells: unknown[] = [];
        for (let c = left; c <= right; c++) cells.push(cellOf(sheet, r, c));
        return cells;
      };
      const headers = part.headerRows ? row(top).map(headerText) : part.columns.map(headerText);
      const only = select(part.name)?.columns?.map((c) => c.toLowerCase());
      const keep = only && headers.map((h) => only.includes(h.toLowerCase()));
      const rows: unknown[][] = [];
      for (let r = first; r < first + dataRowCount(part, area); r++) rows.push(keep ? row(r).map((v, c) => (keep[c] ? v : null)) : row(r));
      const merges = Object.values((sheet as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {})
        .filter(Boolean)
        .map((m) => m.model);
      const issues = tableIssues(part, area, headers, merges);
      return { name: part.name, sheet: sheet.name, origin: originOf(part, area), headers, rows, ...(issues.length ? { issues } : {}) };
    });
}

function repairTables(workbook: ExcelJS.Workbook, parts: readonly TablePart[]): void {
  for (const { sheet, model } of tablesOf(workbook)) {
    const part = parts.find((p) => p.sheet === sheet.name && p.name.toLowerCase() === (model.displayName || model.name).toLowerCase());
    model.headerRow = part ? part.headerRows > 0 : true;
    const styled = model as { style?: unknown };
    styled.style ??= {};
  }
}

/** The tables of a file as exceljs reads them (after putting back what it misreads, as below). */
export async function readWithExcelJSFrom(bytes: Uint8Array, parts: readonly TablePart[], select: TableSelection = EVERY_TABLE): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  repairTables(workbook, parts);
  return readWithExcelJS(workbook, select);
}
