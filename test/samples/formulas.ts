/**
 * Just enough of a spreadsheet to check the sample workbook's PARTNER.* formulas: parses a
 * formula `PARTNER.ID(arg, …)` whose arguments are references (A1, $A$1:B2, Sheet!A1:B2,
 * Table[Column]), literals or omitted, and reads the arguments from the cells' cached values the
 * way Excel passes them (dates as serial numbers, empty cells as null).
 */
import type ExcelJS from "exceljs";
import { excelFormula } from "../../addin/workbook/formulas";

export interface PartnerCall {
  id: string;
  args: unknown[];
}

/** Splits a formula's argument list at its top-level commas. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((a) => a.trim());
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as Excel hands it to a function: the cached result of a formula, dates as serials, empty as null. */
export function cellArgument(cell: ExcelJS.Cell): unknown {
  let value = cell.value as unknown;
  // exceljs reads a formula's cached 0 back as no result (the file holds the 0).
  if (value && typeof value === "object" && "formula" in value) value = (value as { result?: unknown }).result ?? 0;
  if (value instanceof Date) return Math.round((value.getTime() - EXCEL_EPOCH) / 86_400_000);
  if (value && typeof value === "object" && "error" in value) throw new Error(`an argument cell ${cell.address} holds an error`);
  return value === undefined ? null : value;
}

function block(sheet: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) row.push(cellArgument(sheet.getCell(r, c)));
    rows.push(row);
  }
  return rows;
}

function tableColumn(workbook: ExcelJS.Workbook, name: string, column: string): unknown[][] {
  for (const sheet of workbook.worksheets) {
    const table = (sheet.getTable(name) as unknown as { table?: { tableRef: string; columns: { name: string }[] } } | undefined)?.table;
    if (!table) continue;
    const [, left, top, , bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.tableRef)!;
    const index = table.columns.findIndex((c) => c.name.toLowerCase() === column.toLowerCase());
    if (index < 0) throw new Error(`table ${name} has no column ${column}`);
    const c = columnNumber(left) + index;
    return block(sheet, Number(top) + 1, c, Number(bottom), c);
  }
  throw new Error(`no table ${name}`);
}

const REFERENCE = /^(?:(?:'([^']+)'|([A-Za-z][\w ]*))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

function argument(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, text: string): unknown {
  if (text === "") return null;
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const table = /^([A-Za-z_]\w*)\[([^\]]+)\]$/.exec(text);
  if (table) return tableColumn(workbook, table[1], table[2]);
  const ref = REFERENCE.exec(text);
  if (!ref) throw new Error(`cannot read the argument ${text}`);
  const [, quoted, plain, c1, r1, c2, r2] = ref;
  const target = quoted || plain ? workbook.getWorksheet(quoted || plain)! : sheet;
  if (!c2) return cellArgument(target.getCell(Number(r1), columnNumber(c1)));
  return block(target, Number(r1), columnNumber(c1), Number(r2), columnNumber(c2));
}

/**
 * The PARTNER.* call a formula makes, with its arguments read from the workbook; `undefined` for
 * other formulas. `formula` is as the file stores it (`_xldudf_PARTNER_SCORE(…)`), read the way
 * Excel shows it.
 */
export function partnerCall(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, formula: string): PartnerCall | undefined {
  const match = /^=PARTNER\.([A-Z][A-Z.]*)\((.*)\)$/.exec(excelFormula(formula));
  if (!match) return undefined;
  return { id: match[1], args: splitArguments(match[2]).map((a) => argument(workbook, sheet, a)) };
}
