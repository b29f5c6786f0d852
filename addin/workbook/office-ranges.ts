/**
 * Finding partner data kept as plain ranges in the open workbook through Office.js (see ranges.ts):
 * the Office.js adapter's findRanges, in a module of its own so that only a workbook lacking
 * tables loads it.
 */
import { type ExcelRun, parseAddress } from "./office";
import { type Area, contains, intersects, parseArea } from "./ooxml/refs";
import { HEADER_SEARCH_ROWS, type PlainRange, type SearchCell, findPlainRanges, lastDataRow, rangeAddress } from "./ranges";
import type { TableSchema } from "./schema";

/** The sheet and area of `Sheet!A1:H20`. */
function areaOf(address: string): { sheet: string; area: Area } {
  const { sheet } = parseAddress(address);
  const area = parseArea(address.slice(address.lastIndexOf("!") + 1));
  if (!area) throw new Error(`cannot read the address ${address}`);
  return { sheet, area };
}

/**
 * The plain ranges of the given tables (see ranges.ts) in Excel: each worksheet's first rows searched for
 * a header row, the range's rows read down to its first empty row. Three round trips, and one
 * per range found.
 */
export function findOfficeRanges(run: ExcelRun, schemas: readonly TableSchema[]): Promise<PlainRange[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const used = sheets.items.map((sheet) => {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("address,rowCount,columnCount");
      return { sheet, range };
    });
    const tableRanges = tables.items.map((table) => {
      const range = table.getRange();
      range.load("address");
      return { name: table.name, range };
    });
    await context.sync();
    const tableAreas = tableRanges.map(({ name, range }) => ({ name, ...areaOf(range.address) }));
    // Each sheet's first rows, as formulas: a header must be text, not a formula.
    const tops = used
      .filter(({ range }) => !range.isNullObject)
      .map(({ sheet, range }) => ({ sheet, range, at: parseAddress(range.address) }))
      .filter(({ at }) => at.row <= HEADER_SEARCH_ROWS)
      .map(({ sheet, range, at }) => {
        const top = sheet.getRangeByIndexes(at.row - 1, at.column - 1, Math.min(HEADER_SEARCH_ROWS - at.row + 1, range.rowCount), range.columnCount);
        top.load("formulas");
        return { sheet, at, bottom: at.row + range.rowCount - 1, top };
      });
    await context.sync();
    const found = await findPlainRanges(
      schemas,
      tops.map(({ sheet }) => sheet.name),
      async (name) => {
        const { at, top } = tops.find(({ sheet }) => sheet.name === name)!;
        const inTable = (row: number, column: number) => tableAreas.some((t) => t.sheet === name && contains(t.area, row, column));
        const rows = new Map<number, Map<number, SearchCell>>();
        (top.formulas as unknown[][]).forEach((values, r) => {
          const cells = new Map<number, SearchCell>();
          values.forEach((value, c) => {
            const row = at.row + r;
            const column = at.column + c;
            if (inTable(row, column) || value === "" || value === null || value === undefined) return;
            const formula = typeof value === "string" && value.startsWith("=");
            cells.set(column, { text: typeof value === "string" && !formula ? value : undefined, filled: true, formula });
          });
          rows.set(at.row + r, cells);
        });
        return rows;
      },
      async (name, top, left, right) => {
        const { sheet, bottom } = tops.find(({ sheet }) => sheet.name === name)!;
        if (bottom <= top) return top;
        const below = sheet.getRangeByIndexes(top, left - 1, bottom - top, right - left + 1);
        below.load("values");
        await context.sync();
        const values = below.values as unknown[][];
        return lastDataRow(top, (row) => values[row - top - 1]?.some((v) => v !== "" && v !== null && v !== undefined) ?? false);
      },
    );
    const protection = found.map((range) => {
      const sheet = tops.find(({ sheet }) => sheet.name === range.sheet)!.sheet;
      sheet.protection.load("protected");
      return { range, sheet };
    });
    if (protection.length) await context.sync();
    for (const { range, sheet } of protection) {
      if (range.blocked) continue;
      const table = tableAreas.find((t) => t.sheet === range.sheet && intersects(t.area, range.area));
      if (table) range.blocked = `table ${table.name} at ${rangeAddress({ sheet: table.sheet, area: table.area })} is in the way; move one of them first`;
      else if (sheet.protection.protected) range.blocked = `the sheet ${range.sheet} is protected: unprotect it (Review › Unprotect Sheet) first`;
    }
    return found;
  });
}
