/**
 * The .xlsx adapter: the same table operations as the Office.js adapter, on a workbook file held
 * in memory (browser mode and Node). It changes only the cells a plan names and the tables' own
 * extent; every other sheet, cell, formula and style is written back as it was read. Files with
 * parts this adapter cannot carry through a save (charts, pivot tables, macros, dynamic-array
 * formulas…) are opened read-only: `unsupported` says why.
 *
 * Opening reads the tables with the fast reader of `xlsx-read.ts`; exceljs (large, and slow on big
 * files) is loaded only when something is written, set up or saved (`loadForWriting`).
 */
import type ExcelJS from "exceljs";
import { type CellInput, isFormula, toSerial } from "./cells";
import { fileFormula } from "./formulas";
import type { WritePlan } from "./plan";
import { DATE_FORMAT, SCHEMA, type TableSchema, type ValidationRule, tableSchema, validationRule } from "./schema";
import { type RawTable, columnLetter, headerText } from "./snapshot";
import { addCharts } from "./charts";
import type { SheetSpec } from "./sheet";
import type { WorkbookAdapter } from "./workbook";
import { writeSheet } from "./xlsx-sheet";
import { EVERY_TABLE, type TablePart, type TableSelection, dataRowCount, originOf, parseArea, readXlsxTables, tableIssues } from "./xlsx-read";

export { WorkbookOpenError } from "./xlsx-read";

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

/**
 * The tables the task pane reads: the schema's. Of the add-in's own table of live formulas
 * (PartnerScores) only the key and the plan period are read: the task pane never reads the
 * formulas' results, it computes them.
 */
export const SCHEMA_TABLES: TableSelection = (name) => {
  const schema = SCHEMA.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  return !schema ? undefined : schema.owned ? { columns: schema.readBack ?? schema.key } : {};
};
const isSchemaTable = (name: string) => SCHEMA_TABLES(name) !== undefined;

interface Located {
  sheet: ExcelJS.Worksheet;
  table: ExcelJS.Table;
  model: { name: string; displayName?: string; tableRef: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean; columns: { name: string }[] };
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const area = parseArea(ref);
  if (!area) throw new WorkbookWriteError(`cannot read the table range ${ref}`);
  return area;
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

export class XlsxAdapter implements WorkbookAdapter {
  private book?: ExcelJS.Workbook;
  private loading?: Promise<ExcelJS.Workbook>;
  /** The tables as opened, handed out by the first `read()`. */
  private opened?: RawTable[];

  private constructor(
    /** The file as opened (`undefined` for a new workbook). */
    private readonly bytes: Uint8Array | undefined,
    /** Every table the file defines, as the fast reader found it. */
    private readonly parts: readonly TablePart[],
    opened: RawTable[] | undefined,
    /** What the file holds that a save would lose; saving is refused while this is not empty. */
    readonly unsupported: readonly string[],
  ) {
    this.opened = opened;
  }

  /** Opens an .xlsx file; a file that is not a readable workbook is a WorkbookOpenError with a clear message. */
  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxAdapter> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const contents = await readXlsxTables(bytes, SCHEMA_TABLES);
    const found = new Set<string>();
    for (const name of contents.partNames) for (const [pattern, what] of UNSUPPORTED_PARTS) if (pattern.test(name)) found.add(what);
    // exceljs writes dates in the 1900 system only: a 1904 workbook's dates would move by four years.
    if (contents.date1904) found.add("dates in the 1904 date system");
    return new XlsxAdapter(bytes, contents.parts, contents.tables, [...found]);
  }

  /** A new, empty workbook. */
  static async blank(): Promise<XlsxAdapter> {
    const adapter = new XlsxAdapter(undefined, [], undefined, []);
    await adapter.loadForWriting();
    return adapter;
  }

  /** The workbook as exceljs holds it, once `loadForWriting()` has run. */
  get workbook(): ExcelJS.Workbook {
    if (!this.book) throw new Error("the workbook is not loaded for writing yet (loadForWriting)");
    return this.book;
  }

  /** The file's size in bytes (0 for a new workbook). */
  get size(): number {
    return this.bytes?.length ?? 0;
  }

  /** Whether exceljs holds the workbook (something was written, set up or saved). */
  get loadedForWriting(): boolean {
    return this.book !== undefined;
  }

  /**
   * Loads exceljs and the file into it, once. Writing, setting up and saving need it; reading does
   * not. Browser mode may call it ahead of the first save.
   */
  loadForWriting(): Promise<ExcelJS.Workbook> {
    this.loading ??= (async () => {
      const { default: Excel } = await import(/* webpackChunkName: "exceljs", webpackPrefetch: true */ "exceljs");
      const book = new Excel.Workbook();
      if (this.bytes) {
        try {
          await book.xlsx.load(this.bytes as unknown as ArrayBuffer);
        } catch (e) {
          throw new WorkbookWriteError(`browser mode cannot change this workbook: it could not be loaded for writing (${e instanceof Error ? e.message : String(e)})`);
        }
        repairTables(book, this.parts);
        checkSameTables(book, this.parts);
      }
      this.book = book;
      return book;
    })();
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  private tables(): Located[] {
    return tablesOf(this.workbook);
  }

  private locate(name: string): Located {
    const found = this.tables().find((t) => t.model.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new WorkbookWriteError(`the workbook has no ${name} table`);
    return found;
  }

  async read(): Promise<RawTable[]> {
    if (this.book) return readWithExcelJS(this.book, SCHEMA_TABLES);
    const opened = this.opened;
    this.opened = undefined;
    return opened ?? (await readXlsxTables(this.bytes!, SCHEMA_TABLES)).tables;
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
    await this.loadForWriting();
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
        cell.value = isFormula(value) ? { formula: fileFormula(value.formula) } : value;
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
    await this.loadForWriting();
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
    await this.loadForWriting();
    writeSheet(this.workbook, spec);
    this.owned.set(spec.name, spec);
  }

  /** The workbook as .xlsx bytes (never written over the file it came from unless the caller does). */
  async save(): Promise<Uint8Array> {
    this.refuseUnsupported();
    // Nothing was changed: the file as it came.
    if (!this.book && this.bytes && !this.owned.size) return this.bytes.slice();
    await this.loadForWriting();
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

/**
 * Puts back what exceljs misreads in a file's tables, so that saving does not change them:
 * - a table part that leaves out `headerRowCount` (as Excel writes it: 1 is the default) is read
 *   as having no header row, and would be saved so, turning the header into data;
 * - a table without style information (as LibreOffice writes it) cannot be saved at all.
 */
function repairTables(workbook: ExcelJS.Workbook, parts: readonly TablePart[]): void {
  for (const { sheet, model } of tablesOf(workbook)) {
    const part = parts.find((p) => p.sheet === sheet.name && p.name.toLowerCase() === (model.displayName || model.name).toLowerCase());
    model.headerRow = part ? part.headerRows > 0 : true;
    const styled = model as { style?: unknown };
    styled.style ??= {};
  }
}

/**
 * Writing goes through exceljs, which must see the partner tables where the reader found them;
 * if it does not (a file it reads differently), changing the file is refused rather than risked.
 */
function checkSameTables(workbook: ExcelJS.Workbook, parts: readonly TablePart[]): void {
  const loaded = tablesOf(workbook);
  for (const part of parts.filter((p) => isSchemaTable(p.name))) {
    const same = loaded.find((t) => t.sheet.name === part.sheet && (t.model.displayName || t.model.name).toLowerCase() === part.name.toLowerCase());
    if (!same || same.model.tableRef.replaceAll("$", "").toUpperCase() !== part.ref.replaceAll("$", "").toUpperCase()) {
      throw new WorkbookWriteError(`browser mode cannot change this workbook safely: its ${part.name} table (${part.sheet}!${part.ref}) does not load the same way for writing; make this change in Excel instead`);
    }
  }
}
