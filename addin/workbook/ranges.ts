/**
 * Partner data kept as a plain range — cells on a sheet under a row of the right headers, but not
 * an Excel table — found so that Set up workbook turns it into the table (every cell kept) rather
 * than adding an empty table beside it. Each adapter reads a sheet's cells its own way and hands
 * them to these functions, so both find the same ranges.
 */
import type { Area } from "./ooxml/refs";
import { formatArea } from "./ooxml/refs";
import { SCHEMA, type TableName, type TableSchema } from "./schema";

/** A block of cells that can become one of the schema's tables. */
export interface PlainRange {
  table: TableName;
  sheet: string;
  /** 1-based: the header row is `top`, the data rows follow down to `bottom`. */
  area: Area;
  /** The header cells' text, as written (the table's column names). */
  headers: string[];
  /** Data rows with something in them (none: the table gets the one blank row a new table has). */
  rows: number;
  /** Why it cannot become a table as it is, and what to do, when it cannot. */
  blocked?: string;
}

/** How many rows from a sheet's top are searched for a header row. */
export const HEADER_SEARCH_ROWS = 50;

/** Excel's last row. */
export const MAX_ROWS = 1_048_576;

/** A cell as the search sees it: its text when it holds text; whether it holds anything; whether that is a formula. */
export interface SearchCell {
  text?: string;
  filled: boolean;
  formula?: boolean;
}

const quoteSheet = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`);

/** `'Partner list'!A1:H25`. */
export const rangeAddress = (range: Pick<PlainRange, "sheet" | "area">): string => `${quoteSheet(range.sheet)}!${formatArea(range.area)}`;

const key = (text: string) => text.trim().toLowerCase();
const isHeader = (cell: SearchCell | undefined): cell is SearchCell & { text: string } => !!cell && !cell.formula && typeof cell.text === "string" && cell.text.trim() !== "";

/**
 * The header run of `schema` in one row (cells by 1-based column): the adjacent header cells
 * around the schema's required columns. Undefined when the row lacks a required column. A run
 * whose cells between the required columns are not all plain text headers, or that names a column
 * twice, is returned `blocked` (a table needs one distinct text header per column).
 */
export function headerRun(
  schema: TableSchema,
  row: number,
  cells: ReadonlyMap<number, SearchCell>,
): { left: number; right: number; headers: string[]; blocked?: string } | undefined {
  const required = schema.columns.filter((c) => c.required).map((c) => key(c.name));
  const columns: number[] = [];
  for (const name of required) {
    const found = [...cells].find(([, cell]) => isHeader(cell) && key(cell.text!) === name);
    if (!found) return undefined;
    columns.push(found[0]);
  }
  let left = Math.min(...columns);
  let right = Math.max(...columns);
  while (left > 1 && isHeader(cells.get(left - 1))) left--;
  while (isHeader(cells.get(right + 1))) right++;
  const headers: string[] = [];
  let blocked: string | undefined;
  const ref = (column: number) => formatArea({ top: row, left: column, bottom: row, right: column });
  for (let c = left; c <= right; c++) {
    const cell = cells.get(c);
    if (!isHeader(cell)) {
      const what = cell?.formula ? "holds a formula" : cell?.filled ? "holds a value that is not text" : "is blank";
      blocked ??= `its header cell ${ref(c)} ${what}: type the column's name there`;
      headers.push("");
      continue;
    }
    // A line break or another control character in a name: Excel stores it escaped, and reads the header otherwise.
    if (/[\u0000-\u001f]/.test(cell.text)) blocked ??= `its header ${ref(c)} has a line break in it: keep the column's name on one line`;
    if (headers.some((h) => key(h) === key(cell.text))) blocked ??= `it has two ${cell.text.trim()} columns: rename or remove one`;
    headers.push(cell.text);
  }
  return { left, right, headers, ...(blocked ? { blocked } : {}) };
}

/**
 * The data rows under a header row at `top`: down to the row before the first row with nothing in
 * the header's columns (`filled(row)` says whether a row has something there).
 */
export function lastDataRow(top: number, filled: (row: number) => boolean, last = MAX_ROWS): number {
  let bottom = top;
  while (bottom < last && filled(bottom + 1)) bottom++;
  return bottom;
}

/** How many of a run's headers name columns of `schema`. */
const matched = (schema: TableSchema, headers: readonly string[]) => headers.filter((h) => schema.columns.some((c) => key(c.name) === key(h))).length;

/**
 * The first plain range of each table in `wanted`, searching the sheets in order and each from its
 * top: `rowsOf(sheet)` gives the sheet's first rows (cells by row, then by column; cells of
 * existing tables left out), `extent` the range's last data row given its header row and columns.
 * A header row is the range of the table whose columns it names most (PartnerId, Name and Value
 * are an Assumptions range, not a Partners one).
 */
export async function findPlainRanges(
  wanted: readonly TableSchema[],
  sheets: readonly string[],
  rowsOf: (sheet: string) => Promise<ReadonlyMap<number, ReadonlyMap<number, SearchCell>>>,
  extent: (sheet: string, top: number, left: number, right: number) => Promise<number>,
): Promise<PlainRange[]> {
  const found: PlainRange[] = [];
  const open = () => wanted.filter((s) => !found.some((f) => f.table === s.name));
  for (const sheet of sheets) {
    if (!open().length) break;
    const rows = await rowsOf(sheet);
    for (const [row, cells] of [...rows].sort((a, b) => a[0] - b[0])) {
      const runs = SCHEMA.flatMap((schema) => {
        const run = headerRun(schema, row, cells);
        return run ? [{ schema, run, score: matched(schema, run.headers) }] : [];
      });
      if (!runs.length) continue;
      const best = runs.reduce((a, b) => (b.score > a.score ? b : a));
      if (!open().some((s) => s.name === best.schema.name)) continue;
      const { run } = best;
      const bottom = await extent(sheet, row, run.left, run.right);
      found.push({
        table: best.schema.name,
        sheet,
        // A table has at least one data row: a header alone gets the blank row below it.
        area: { top: row, left: run.left, bottom: Math.max(bottom, row + 1), right: run.right },
        headers: run.headers,
        rows: bottom - row,
        ...(run.blocked ? { blocked: run.blocked } : {}),
      });
      if (!open().length) break;
    }
  }
  return found;
}
