/**
 * The Office.js adapter: the partner tables of the open workbook, found by table name and header,
 * never by fixed addresses. Reading all tables is one `context.sync()`; writing a batch of changes
 * (updated cells, deleted table rows, added rows) is two, whatever the number of partners: one
 * that checks the tables are still as they were read (nobody sorted them, deleted a row or
 * co-authored a change meanwhile; no sheet is protected), one that writes.
 */
import { type CellInput, isFormula } from "./cells";
import { BRAND_COLOUR, type SheetSpec, a1 } from "./sheet";
import { formatArea } from "./ooxml/refs";
import type { WritePlan } from "./plan";
import { type PlainRange, rangeAddress } from "./ranges";
import { SCHEMA, type TableSchema, validationRule } from "./schema";
import { type RawTable, headerText } from "./snapshot";
import { type WorkbookAdapter, WorkbookWriteError } from "./workbook";

/** A key cell as compared: blanks alike, text in any case, numbers as Excel shows them typed. */
const keyText = (value: unknown) => (value === null || value === undefined ? "" : isFormula(value as CellInput) ? (value as { formula: string }).formula : String(value).trim().toLowerCase());

/**
 * Text that Excel would take for something else when it is set through `values`, as when typed: a
 * formula (`=`, `+`, `-`, `@` first), a number, a percentage or an amount, TRUE or FALSE, a date or
 * a time (`2026-07`, a month period, would become 1 July 2026).
 */
const TAKEN_FOR_ANOTHER = /^(?:[=+\-@]|\s*[$€£¥]?\s*[-+]?[\d.,]+\s*%?\s*$|\s*(?:true|false)\s*$|\s*\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$|\s*\d{1,2}:\d{2})/i;

/** A value as `range.values` must be given it: text Excel would read as something else keeps its apostrophe, which keeps it text. */
export const asExcelValue = (value: CellInput): string | number | boolean =>
  isFormula(value) ? value.formula : typeof value === "string" && TAKEN_FOR_ANOTHER.test(value) ? `'${value}` : (value ?? "");

/** Whether a formula calls one of the add-in's functions. */
const CALLS_ADDIN = /(^|[^A-Za-z0-9_.])PARTNER\.[A-Za-z]/i;

/** `Excel.run`, or a stand-in for it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Splits `Sheet!A1:F20` or `'My sheet'!B3:C9` into the sheet name and the top-left cell. */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  const match = /^\$?([A-Z]+)\$?(\d+)/i.exec(address.slice(bang + 1));
  if (!match) throw new Error(`cannot read the address ${address}`);
  const column = [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { sheet, row: Number(match[2]), column };
}

const toOffice = (rule: NonNullable<ReturnType<typeof validationRule>>): Excel.DataValidationRule => {
  switch (rule.type) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values!.join(",") } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThan" } };
    case "whole":
      return { wholeNumber: { formula1: rule.min!, operator: "GreaterThanOrEqualTo" } };
    default:
      return rule.max === undefined
        ? { decimal: { formula1: rule.min!, operator: "GreaterThanOrEqualTo" } }
        : { decimal: { formula1: rule.min!, formula2: rule.max!, operator: "Between" } };
  }
};

export class OfficeAdapter implements WorkbookAdapter {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  read(): Promise<RawTable[]> {
    return this.run(async (context) => {
      const queued = SCHEMA.map((schema) => {
        const table = context.workbook.tables.getItemOrNullObject(schema.name);
        table.load("name, showTotals");
        const range = table.getRange();
        range.load("values, address");
        return { table, range };
      });
      await context.sync();
      return queued
        .filter(({ table }) => !table.isNullObject)
        .map(({ table, range }) => {
          const at = parseAddress(range.address);
          const values = range.values as unknown[][];
          const rows = values.slice(1, table.showTotals ? -1 : undefined);
          return { name: table.name, sheet: at.sheet, origin: { row: at.row, column: at.column }, headers: values[0].map(headerText), rows };
        });
    });
  }

  write(plan: WritePlan): Promise<void> {
    return this.run(async (context) => {
      // First what the plan assumes: each table's rows and the keys of the rows it will change.
      const checks = plan.tables.map((change) => {
        const table = context.workbook.tables.getItem(change.table);
        const body = table.getDataBodyRange();
        body.load("rowCount");
        const sheet = table.worksheet;
        sheet.load("name");
        sheet.protection.load("protected");
        const keys = change.read.keys.size
          ? change.read.keyColumns.map((c) => {
              const column = table.columns.getItemAt(c).getDataBodyRange();
              column.load("values");
              return column;
            })
          : [];
        return { change, table, body, sheet, keys };
      });
      await context.sync();
      for (const { change, body, sheet, keys } of checks) {
        if (sheet.protection.protected) {
          throw new WorkbookWriteError(`the sheet ${sheet.name}, which holds the ${change.table} table, is protected: unprotect it (Review › Unprotect Sheet) to save this change`);
        }
        const reload = `the ${change.table} table changed since the task pane read it`;
        if (body.rowCount !== change.read.rows) {
          throw new WorkbookWriteError(`${reload} (it has ${body.rowCount} rows, not ${change.read.rows}): select Reload, then make the change again`);
        }
        for (const [row, expected] of change.read.keys) {
          const now = keys.map((k) => (k.values as unknown[][])[row]?.[0]);
          if (now.some((v, i) => keyText(v) !== keyText(expected[i]))) {
            throw new WorkbookWriteError(`${reload} (row ${row + 1} now holds ${now.filter((v) => v !== "").join(" · ") || "nothing"}): select Reload, then make the change again`);
          }
        }
      }
      for (const { change, table, body } of checks) {
        for (const { row, column, value } of change.updates) {
          const cell = body.getCell(row, column);
          // A null would leave the cell as it is: "" clears it.
          if (isFormula(value)) cell.formulas = [[value.formula]];
          else cell.values = [[asExcelValue(value)]];
        }
        // Last row first, so that the rows still to delete keep their positions.
        for (let i = change.deletes.length - 1; i >= 0; i--) table.rows.getItemAt(change.deletes[i]).delete();
        if (change.appends.length) {
          table.rows.add(undefined, change.appends.map((row) => row.map(asExcelValue)));
        }
      }
      await context.sync();
    });
  }

  /**
   * Re-enters the add-in's formulas that show `#NAME?` — written to the file by a program that
   * stored them bare (`PARTNER.SCORE(…)` rather than Excel's `_xldudf_PARTNER_SCORE(…)`), which
   * no recalculation clears — by assigning each its formula again. A legacy array formula (a block
   * of cells sharing one formula, which Excel does not let anyone change in part) is cleared and
   * its formula entered in its first cell, where it spills as a dynamic array. Each sheet is done on
   * its own: one that refuses (protected) leaves the others repaired. Excel versions without
   * `getSpecialCells` (before ExcelApi 1.9) are left as they are. Says what it did, if anything.
   */
  async prepare(): Promise<string | undefined> {
    const done = await this.run(async (context) => {
      const result = { formulas: 0, arrays: 0, refused: [] as string[] };
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      // Formula cells showing an error, per sheet (a null object where there is none).
      const found = sheets.items.map((sheet) => {
        const errors = sheet.getRange().getSpecialCellsOrNullObject("Formulas", "Errors");
        errors.load("isNullObject");
        return { sheet, errors };
      });
      try {
        await context.sync();
      } catch {
        return result;
      }
      const withErrors = found.filter(({ errors }) => !errors.isNullObject);
      for (const { errors } of withErrors) errors.areas.load("items/formulas,items/values");
      if (withErrors.length) await context.sync();
      for (const { sheet, errors } of withErrors) {
        const areas = errors.areas.items.map((area) => {
          const formulas = area.formulas as unknown[][];
          const values = area.values as unknown[][];
          const cells: { r: number; c: number; formula: string }[] = [];
          formulas.forEach((row, r) =>
            row.forEach((formula, c) => {
              if (values[r][c] === "#NAME?" && typeof formula === "string" && CALLS_ADDIN.test(formula)) cells.push({ r, c, formula });
            }),
          );
          return { area, cells };
        });
        if (!areas.some((a) => a.cells.length)) continue;
        const cellByCell = () => areas.forEach(({ area, cells }) => cells.forEach(({ r, c, formula }) => (area.getCell(r, c).formulas = [[formula]])));
        cellByCell();
        try {
          await context.sync();
          result.formulas += areas.reduce((n, a) => n + a.cells.length, 0);
          continue;
        } catch {
          // Part of an array formula, most likely: blocks whose cells all hold one formula are arrays.
        }
        for (const { area, cells } of areas) {
          const block = cells.length > 1 && cells.length === (area.formulas as unknown[][]).flat().length && cells.every((x) => x.formula === cells[0].formula);
          if (block) {
            area.clear("Contents");
            area.getCell(0, 0).formulas = [[cells[0].formula]];
          } else cells.forEach(({ r, c, formula }) => (area.getCell(r, c).formulas = [[formula]]));
        }
        try {
          await context.sync();
          for (const { area, cells } of areas) {
            const block = cells.length > 1 && cells.length === (area.formulas as unknown[][]).flat().length && cells.every((x) => x.formula === cells[0].formula);
            if (block) result.arrays++;
            else result.formulas += cells.length;
          }
        } catch {
          result.refused.push(sheet.name);
        }
      }
      return result;
    });
    const said: string[] = [];
    const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
    if (done.formulas || done.arrays) {
      const what = [done.formulas ? plural(done.formulas, "PARTNER formula", "PARTNER formulas") : "", done.arrays ? plural(done.arrays, "array formula", "array formulas") : ""].filter(Boolean).join(" and ");
      said.push(`${what} showed #NAME? (stored in a form Excel does not recognise, by another program): re-entered${done.arrays ? ", the arrays as spilling formulas" : ""}.`);
    }
    if (done.refused.length) said.push(`PARTNER formulas showing #NAME? on ${done.refused.join(", ")} could not be re-entered (a protected sheet?): select each and press F2, then Enter.`);
    return said.length ? said.join(" ") : undefined;
  }

  create(tables: readonly TableSchema[], from: readonly PlainRange[] = []): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const made: PlainRange[] = [];
      for (const schema of tables) {
        const range = from.find((r) => r.table === schema.name);
        if (range) {
          if (range.blocked) throw new WorkbookWriteError(`${rangeAddress(range)} cannot become the ${schema.name} table: ${range.blocked}`);
          // Excel's Format as Table: the cells stay, the header row names the columns.
          const table = sheets.getItem(range.sheet).tables.add(formatArea(range.area), true);
          table.name = schema.name;
          table.style = "TableStyleMedium2";
          made.push(range);
          continue;
        }
        let name: string = schema.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${schema.name} ${n}`;
        taken.add(name.toLowerCase());
        const sheet = sheets.add(name);
        const header = sheet.getRangeByIndexes(0, 0, 1, schema.columns.length);
        header.values = [schema.columns.map((c) => c.name)];
        const table = sheet.tables.add(header, true);
        table.name = schema.name;
        table.style = "TableStyleMedium2";
        schema.columns.forEach((column, i) => {
          const body = table.columns.getItemAt(i).getDataBodyRange();
          if (column.numberFormat) body.numberFormat = [[column.numberFormat]];
          const rule = validationRule(column);
          if (rule) {
            body.dataValidation.rule = toOffice(rule);
            body.dataValidation.errorAlert = { message: rule.message, showAlert: true, style: "Stop", title: column.name };
          }
        });
        sheet.freezePanes.freezeRows(1);
        sheet.getRange("A:Z").format.autofitColumns();
      }
      try {
        await context.sync();
      } catch (e) {
        if (!made.length) throw e;
        throw new WorkbookWriteError(
          `Excel did not make ${made.map((r) => `${rangeAddress(r)} the ${r.table} table`).join(" and ")}, and nothing was changed: a table cannot hold merged cells or a spilled formula, nor overlap another table. Fix that, then set up the workbook again.`,
        );
      }
    });
  }

  /**
   * The plain ranges of the given tables (see ranges.ts and office-ranges.ts). Loaded when first
   * asked for: only a workbook that lacks tables needs it.
   */
  async findRanges(schemas: readonly TableSchema[]): Promise<PlainRange[]> {
    if (!schemas.length) return [];
    const { findOfficeRanges } = await import(/* webpackChunkName: "set-up" */ "./office-ranges");
    return findOfficeRanges(this.run, schemas);
  }

  writeSheet(spec: SheetSpec): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(spec.name);
      existing.load("name");
      await context.sync();
      if (!existing.isNullObject) existing.delete();
      const sheet = sheets.add(spec.name);
      // Excel measures column widths in points; a character of the default font is about 7.
      for (const [column, width] of Object.entries(spec.widths)) sheet.getRangeByIndexes(0, Number(column) - 1, 1, 1).format.columnWidth = width * 7;
      for (const c of spec.cells) {
        const cell = sheet.getRangeByIndexes(c.row - 1, c.column - 1, 1, 1);
        if (isFormula(c.value)) cell.formulas = [[c.value.formula]];
        else cell.values = [[c.value ?? ""]];
        if (c.numberFormat) cell.numberFormat = [[c.numberFormat]];
        if (c.bold || c.band) cell.format.font.bold = true;
        if (c.size) cell.format.font.size = c.size;
        if (c.wrap) cell.format.wrapText = true;
        if (c.band) {
          cell.format.fill.color = `#${BRAND_COLOUR}`;
          cell.format.font.color = "#FFFFFF";
        }
      }
      for (const chart of spec.charts) {
        const { column, first, last } = chart.categories;
        const right = Math.max(...chart.series.map((s) => s.column));
        // The block from its header row: categories in the first column, a series per column after it.
        const source = sheet.getRangeByIndexes(first - 2, column - 1, last - first + 2, right - column + 1);
        const added = sheet.charts.add(chart.kind === "column" ? "ColumnClustered" : "Line", source, "Columns");
        added.title.text = chart.title;
        added.legend.position = "Bottom";
        added.setPosition(a1(chart.at.row, chart.at.column), a1(chart.at.row + chart.at.rows, chart.at.column + chart.at.columns));
      }
      sheet.activate();
      await context.sync();
    });
  }
}
