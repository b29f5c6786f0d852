/**
 * The .xlsx adapter: the same table operations as the Office.js adapter, on a workbook file held
 * in memory (browser mode and Node). It changes only the cells a plan names and the tables' own
 * extent; every other sheet, cell, formula and style is written back as it was read. Files with
 * parts this adapter cannot carry through a save (charts, pivot tables, macros, dynamic-array
 * formulas…) are opened read-only: `unsupported` says why.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type CellInput, isFormula, toSerial } from "./cells";
import type { WritePlan } from "./plan";
import { DATE_FORMAT, type TableSchema, type ValidationRule, tableSchema, validationRule } from "./schema";
import { type RawTable, columnLetter, headerText } from "./snapshot";
import { addCharts } from "./charts";
import type { SheetSpec } from "./sheet";
import type { WorkbookAdapter } from "./workbook";
import { writeSheet } from "./xlsx-sheet";

/** Zip parts that exceljs drops or damages when it rewrites a file, with what they are to a user. */
const UNSUPPORTED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, "pivot tables"],
  [/^xl\/slicers\/|^xl\/slicerCaches\//, "slicers"],
  [/^xl\/timelines\//, "timelines"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/connections\.xml$|^xl\/queryTables\//, "data connections"],
  [/^xl\/metadata\.xml$/, "dynamic-array (spilled) formulas"],
  [/^xl\/activeX\/|^xl\/ctrlProps\//, "form controls"],
  [/^xl\/threadedComments\//, "threaded comments"],
];

export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
}

interface Located {
  sheet: ExcelJS.Worksheet;
  table: ExcelJS.Table;
  model: { name: string; tableRef: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean; columns: { name: string }[] };
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!match) throw new WorkbookWriteError(`cannot read the table range ${ref}`);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(match[1]);
  const top = Number(match[2]);
  return { top, left, right: match[3] ? col(match[3]) : left, bottom: match[4] ? Number(match[4]) : top };
}

/** A cell's value as the Office.js API would report it: numbers, text, booleans, dates as serials. */
function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return toSerial(value);
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result ?? null);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value && "hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  return null;
}

export class XlsxAdapter implements WorkbookAdapter {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** What the file holds that a save would lose; saving is refused while this is not empty. */
    readonly unsupported: readonly string[],
  ) {}

  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxAdapter> {
    const zip = await JSZip.loadAsync(data);
    const found = new Set<string>();
    for (const name of Object.keys(zip.files)) for (const [pattern, what] of UNSUPPORTED_PARTS) if (pattern.test(name)) found.add(what);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as ArrayBuffer);
    return new XlsxAdapter(workbook, [...found]);
  }

  static blank(): XlsxAdapter {
    return new XlsxAdapter(new ExcelJS.Workbook(), []);
  }

  private tables(): Located[] {
    const found: Located[] = [];
    for (const sheet of this.workbook.worksheets) {
      for (const table of Object.values((sheet as unknown as { tables: Record<string, ExcelJS.Table> }).tables ?? {})) {
        const model = (table as unknown as { table: Located["model"] }).table;
        const ref = parseRef(model.tableRef);
        found.push({ sheet, table, model, ...ref });
      }
    }
    return found;
  }

  private locate(name: string): Located {
    const found = this.tables().find((t) => t.model.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new WorkbookWriteError(`the workbook has no ${name} table`);
    return found;
  }

  async read(): Promise<RawTable[]> {
    return this.tables().map(({ sheet, model, top, left, bottom, right }) => {
      const lastData = model.totalsRow ? bottom - 1 : bottom;
      const row = (r: number) => {
        const cells: unknown[] = [];
        for (let c = left; c <= right; c++) cells.push(plainValue(sheet.getCell(r, c).value));
        return cells;
      };
      const rows: unknown[][] = [];
      for (let r = top + 1; r <= lastData; r++) rows.push(row(r));
      return { name: model.name, sheet: sheet.name, origin: { row: top, column: left }, headers: row(top).map(headerText), rows };
    });
  }

  private refuseUnsupported(): void {
    if (this.unsupported.length) {
      throw new WorkbookWriteError(
        `this workbook has ${this.unsupported.join(", ")}, which browser mode cannot keep when saving; make this change in Excel instead`,
      );
    }
  }

  async write(plan: WritePlan): Promise<void> {
    this.refuseUnsupported();
    const targets = plan.tables.map((p) => ({ plan: p, at: this.locate(p.table) }));
    // Check every table can grow or shrink before touching any cell: writing is all or nothing.
    for (const { plan: p, at } of targets) {
      if (p.deletes.length) checkDeletable(p.table, at, p.deletes);
      if (!p.appends.length) continue;
      if (at.model.totalsRow) throw new WorkbookWriteError(`table ${p.table} has a totals row; add its rows in Excel`);
      // Deleted rows make room first: only the net growth needs empty cells below the table.
      for (let r = at.bottom + 1; r <= at.bottom + p.appends.length - p.deletes.length; r++) {
        for (let c = at.left; c <= at.right; c++) {
          if (plainValue(at.sheet.getCell(r, c).value) !== null) {
            throw new WorkbookWriteError(
              `table ${p.table} cannot grow: cell ${at.sheet.name}!${columnLetter(c)}${r} below it is not empty; move what is below the table first`,
            );
          }
        }
      }
    }
    for (const { plan: p, at } of targets) {
      const schema = tableSchema(p.table);
      const headers: string[] = [];
      for (let c = at.left; c <= at.right; c++) headers.push(headerText(plainValue(at.sheet.getCell(at.top, c).value)));
      const isDate = headers.map((h) => schema.columns.some((s) => s.kind === "date" && s.name.toLowerCase() === h.toLowerCase()));
      const put = (cell: ExcelJS.Cell, value: CellInput, column: number) => {
        cell.value = isFormula(value) ? { formula: value.formula.slice(1) } : value;
        if (isDate[column] && typeof value === "number" && !/[dmy]/i.test(cell.numFmt ?? "")) cell.numFmt = DATE_FORMAT;
      };
      for (const u of p.updates) put(at.sheet.getCell(at.top + 1 + u.row, at.left + u.column), u.value, u.column);
      if (p.deletes.length) {
        at.bottom = deleteRows(at, p.deletes);
        at.model.tableRef = `${columnLetter(at.left)}${at.top}:${columnLetter(at.right)}${at.bottom}`;
        if (at.model.autoFilterRef) at.model.autoFilterRef = at.model.tableRef;
      }
      const styleRow = at.bottom > at.top ? at.bottom : undefined;
      p.appends.forEach((values, i) => {
        const r = at.bottom + 1 + i;
        values.forEach((value, c) => {
          const cell = at.sheet.getCell(r, at.left + c);
          if (styleRow) {
            const above = at.sheet.getCell(styleRow, at.left + c);
            cell.style = { ...above.style };
            if (above.dataValidation) cell.dataValidation = above.dataValidation;
          }
          put(cell, value, c);
        });
      });
      if (p.appends.length) {
        const bottom = at.bottom + p.appends.length;
        at.model.tableRef = `${columnLetter(at.left)}${at.top}:${columnLetter(at.right)}${bottom}`;
        if (at.model.autoFilterRef) at.model.autoFilterRef = at.model.tableRef;
      }
    }
  }

  async create(tables: readonly TableSchema[]): Promise<void> {
    this.refuseUnsupported();
    for (const schema of tables) {
      let name: string = schema.name;
      for (let n = 2; this.workbook.getWorksheet(name); n++) name = `${schema.name} ${n}`;
      const sheet = this.workbook.addWorksheet(name);
      sheet.addTable({
        name: schema.name,
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: schema.columns.map((c) => ({ name: c.name, filterButton: true })),
        rows: [schema.columns.map(() => null)],
      });
      schema.columns.forEach((column, i) => {
        const letter = columnLetter(i + 1);
        sheet.getColumn(i + 1).width = column.width ?? Math.max(10, column.name.length + 3);
        if (column.numberFormat) sheet.getColumn(i + 1).numFmt = column.numberFormat;
        const rule = validationRule(column);
        // On the table's first row; Excel extends a table column's validation to the rows added to it.
        if (rule) sheet.getCell(`${letter}2`).dataValidation = dataValidation(rule);
      });
      sheet.views = [{ state: "frozen", ySplit: 1 }];
    }
  }

  /** Sheets the add-in wrote in this session, whose charts are added to the saved file. */
  private readonly owned = new Map<string, SheetSpec>();

  async writeSheet(spec: SheetSpec): Promise<void> {
    this.refuseUnsupported();
    writeSheet(this.workbook, spec);
    this.owned.set(spec.name, spec);
  }

  /** The workbook as .xlsx bytes (never written over the file it came from unless the caller does). */
  async save(): Promise<Uint8Array> {
    this.refuseUnsupported();
    const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    return addCharts(bytes, [...this.owned.values()].filter((s) => this.workbook.getWorksheet(s.name)));
  }
}

/** Text outside string literals and structured references (`Table[[#This Row],[Column]]`). */
const formulaCode = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, "").replace(/\[(?:[^\[\]]|\[[^\]]*\])*\]/g, "");
/** A formula that refers to cells by address (`B5`, `$C$2`), which moving it to another row would break. */
const hasCellAddress = (formula: string) => /(^|[^A-Za-z0-9_.])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_(!])/.test(formulaCode(formula));

/**
 * Refuses, before anything is written, to delete rows where moving the cells below them up would
 * change what the workbook means: a totals row, merged cells, or formulas addressing cells.
 */
function checkDeletable(name: string, at: Located, deletes: readonly number[]): void {
  if (at.model.totalsRow) throw new WorkbookWriteError(`table ${name} has a totals row; delete its rows in Excel`);
  const first = at.top + 1 + Math.min(...deletes);
  const merges = Object.values((at.sheet as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {});
  for (const m of merges) {
    if (m && m.bottom >= first && m.top <= at.bottom && m.right >= at.left && m.left <= at.right) {
      throw new WorkbookWriteError(`table ${name} has merged cells; delete its rows in Excel`);
    }
  }
  for (let r = first; r <= at.bottom; r++) {
    for (let c = at.left; c <= at.right; c++) {
      const formula = at.sheet.getCell(r, c).formula;
      if (formula && hasCellAddress(formula)) {
        throw new WorkbookWriteError(
          `cell ${at.sheet.name}!${columnLetter(c)}${r} of table ${name} has a formula with cell addresses, which deleting a row above it would break; delete the row in Excel`,
        );
      }
    }
  }
}

/**
 * Deletes data rows (0-based) of a table: the table's own cells below each deleted row move up
 * within the table's columns (value, style, note, data validation), the rows left empty at the
 * bottom are cleared, and the table ends at its last remaining row. Cells outside the table are
 * never touched. A table keeps one (blank) data row, as Excel's tables do. Returns the new bottom.
 */
function deleteRows(at: Located, deletes: readonly number[]): number {
  const first = at.top + 1;
  const gone = new Set(deletes.map((d) => first + d));
  let target = first + Math.min(...deletes);
  for (let source = target; source <= at.bottom; source++) {
    if (gone.has(source)) continue;
    for (let c = at.left; c <= at.right; c++) {
      const from = at.sheet.getCell(source, c);
      const to = at.sheet.getCell(target, c);
      const formula = from.formula;
      // A shared formula's other cells point at its first cell: moved, each keeps its own text.
      to.value = formula ? { formula, result: from.result } : from.value;
      to.style = { ...from.style };
      if (from.note || to.note) moveNote(from, to);
      to.dataValidation = from.dataValidation;
    }
    target++;
  }
  const bottom = Math.max(target - 1, first);
  for (let r = target; r <= at.bottom; r++) {
    for (let c = at.left; c <= at.right; c++) {
      const cell = at.sheet.getCell(r, c);
      cell.value = null;
      if (cell.note) moveNote(undefined, cell);
      if (r > bottom) {
        cell.style = {};
        cell.dataValidation = undefined as unknown as ExcelJS.DataValidation;
      }
    }
  }
  return bottom;
}

/** Gives `to` the note of `from` (none when `from` is undefined or has none). */
function moveNote(from: ExcelJS.Cell | undefined, to: ExcelJS.Cell): void {
  if (from?.note) to.note = from.note;
  // exceljs has no way to remove a note but to forget it.
  else (to as unknown as { _comment?: unknown })._comment = undefined;
}

/** A schema validation rule in exceljs's form. */
function dataValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop" as const, error: rule.message };
  switch (rule.type) {
    case "list":
      return { ...common, type: "list", formulae: [`"${rule.values!.join(",")}"`] };
    case "date":
      return { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1899, 11, 31))] };
    default:
      return rule.max === undefined
        ? { ...common, type: rule.type, operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...common, type: rule.type, operator: "between", formulae: [rule.min, rule.max] };
  }
}
