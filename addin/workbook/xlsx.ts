/**
 * The .xlsx adapter: the same table operations as the Office.js adapter, on a workbook file held
 * in memory (browser mode and Node). A save changes only the parts it must — the rows of the
 * cells it writes, a table's extent, a cell format it needs — and copies every other part of the
 * file byte for byte: charts, pivot tables, macros, slicers, comments, drawings, links, names,
 * themes and whatever else the workbook holds come through unchanged. `.xlsm` stays `.xlsm`.
 *
 * Opening reads the tables with the fast reader of `xlsx-read.ts`; the package parts are read
 * again only where a save needs them.
 */
import { type CellInput, isFormula } from "./cells";
import { fileFormula } from "./formulas";
import { blankPackage } from "./ooxml/blank";
import { writeCharts } from "./ooxml/charts";
import { dynamicArrayIndex } from "./ooxml/metadata";
import { tableArea, worksheetXml } from "./ooxml/new-sheet";
import { CONTENT_TYPE, type OoxmlPackage, REL, relsPathOf } from "./ooxml/package";
import { refreshPivotsOver } from "./ooxml/pivots";
import { type Area, cellRef, contains, formatArea, intersects } from "./ooxml/refs";
import { SharedStrings } from "./ooxml/strings";
import { Styles } from "./ooxml/styles";
import { type TableEntry, resizedTable, tablePartXml, tablesOf } from "./ooxml/tables";
import { nameAddin } from "./ooxml/webextension";
import { type SheetEntry, addSheet, recalculateOnOpen, sheetsOf, workbookPartOf } from "./ooxml/workbook-part";
import { type CellContent, type CellEdits, type CellInfo, Worksheet, cellXml, readCellXml } from "./ooxml/worksheet";
import type { WritePlan } from "./plan";
import { HEADER_SEARCH_ROWS, MAX_ROWS, type PlainRange, type SearchCell, findPlainRanges, lastDataRow, rangeAddress } from "./ranges";
import { DATE_FORMAT, SCHEMA, type TableSchema, tableSchema, validationRule } from "./schema";
import type { SheetSpec, TableSpec, ValidationSpec } from "./sheet";
import { a1 } from "./sheet";
import { SCHEMA_TABLES } from "./selection";
import { type Archive, ArchiveError, partsIn } from "./ooxml/zip";
import { type FirstRead, type Later, type OffThreadReader, ReaderUnavailable, readFirst, readingGroups, startReaders } from "./read-off-thread";
import { type FirstTables, readFirstTables, readNamedTables, shareOut, together } from "./staged";

import type { RawTable } from "./snapshot";
import { type WorkbookAdapter, WorkbookWriteError } from "./workbook";
import { DATE_1904_OFFSET, EVERY_TABLE, type TableSelection, openWorkbookArchive, readWorkbookTables, sharedStrings, stringItem } from "./xlsx-read";
import { OoxmlPackage as Package } from "./ooxml/package";

import { WorkbookOpenError } from "./open-error";

export { WorkbookOpenError };

export { WorkbookWriteError };

export { SCHEMA_TABLES };

const asBytes = (data: ArrayBuffer | Uint8Array) => (data instanceof Uint8Array ? data : new Uint8Array(data));

const same = (a: readonly (readonly string[])[] | undefined, b: readonly (readonly string[])[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((group, i) => group.join("\n") === b[i].join("\n"));

/**
 * The archive of a file whose tables were read in pieces (see Later): its parts' names from the
 * directory in its last bytes; their contents, once the whole file is here.
 */
function comingArchive(later: Later): Archive & { ready(): Promise<Archive> } {
  const names = partsIn(later.tail, later.size);
  const present = new Set(names);
  let opened: Archive | undefined;
  // The whole file is asked for when a part is first needed (the other tables, a save).
  let whole: Promise<Archive> | undefined;
  const ready = () => (whole ??= inFull(later.bytes()).then(async (bytes) => (opened = await openWorkbookArchive(bytes))));
  return {
    ready,
    names,
    has: (name) => present.has(name),
    bytes: async (name) => (await ready()).bytes(name),
    text: async (name) => (await ready()).text(name),
    stored: (name) => {
      if (!opened) throw new ArchiveError("it is still being loaded");
      return opened.stored?.(name);
    },
  };
}

/** `coming`, its failure a WorkbookOpenError that says the file did not come in full (shown as it is when Save as… fails). */
async function inFull<T>(coming: Promise<T>): Promise<T> {
  try {
    return await coming;
  } catch (e) {
    throw new WorkbookOpenError(`The workbook could not be loaded in full (${e instanceof Error ? e.message : String(e)}): open it again to save it.`);
  }
}

/** A file's bytes, read on the page. */
async function bytesOf(file: ArrayBuffer | Uint8Array | Promise<ArrayBuffer | Uint8Array> | Blob | { url: string }): Promise<Uint8Array> {
  if (file instanceof Blob) return new Uint8Array(await file.arrayBuffer());
  if (typeof file === "object" && "url" in file) {
    const response = await fetch(file.url);
    if (!response.ok) throw new WorkbookOpenError(`could not load the workbook (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return asBytes(await file);
}


const quoteSheet = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`);
const at = (sheet: string, row: number, column: number) => `${quoteSheet(sheet)}!${cellRef(row, column)}`;

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** The workbook's structure as a save needs it, read from the package when first needed. */
interface Structure {
  workbookPart: string;
  sheets: SheetEntry[];
  tables: TableEntry[];
}

const CALC_CHAIN = /\/calcChain$/;

export class XlsxAdapter implements WorkbookAdapter {
  /**
   * A deleted row is emptied, not taken out: in a file, charts, sparklines, names and formulas
   * elsewhere that address the rows below by position would otherwise point at other rows.
   */
  readonly deletion = "clear";
  private structure?: Structure;
  /** The tables as opened, handed out by the first `read()`. */
  private opened?: RawTable[];
  /** A workbook this adapter creates keeps its text in shared strings. */
  private strings?: SharedStrings;
  /** Worksheets a save changed, kept as rows while the session goes on (their text is joined when saved). */
  private readonly worksheets = new Map<string, Worksheet>();

  /** With `first` opening: the names of the schema tables left to read (`readRest`), and their sizes in cells. */
  private pending?: string[];
  private pendingCells?: number[];
  /** With `first` opening: the workers that read the first tables; they read the others, side by side. */
  private readers?: OffThreadReader[];
  private select: TableSelection = SCHEMA_TABLES;

  /** The size of a file whose bytes are still coming (see `complete`). */
  private declaredSize = 0;
  /** For a file opened from its first tables alone: its bytes, asked for (`original` then set). */
  private complete: (() => Promise<void>) | undefined;

  private constructor(
    /** The file as opened (`undefined` for a new workbook, or until a file read in pieces is here). */
    private original: Uint8Array | undefined,
    private readonly pkg: OoxmlPackage,
    opened: RawTable[] | undefined,
    /** The workbook counts dates from 1904 (the reader gives 1900-system serials; the writer converts back). */
    private readonly date1904: boolean,
  ) {
    this.opened = opened;
  }

  /**
   * Opens an .xlsx or .xlsm file; a file that is not a readable workbook is a WorkbookOpenError with
   * a clear message. With `first` (schema table names), only those tables are read now when the
   * file has a Partners table — the others when `readRest` is called (see `readFirst`). In a
   * browser, that reading is done by a worker while the page goes on: `started`, workers already
   * reading the file (`startReading`), or workers to give it to.
   */
  static async open(
    file: ArrayBuffer | Uint8Array | Promise<ArrayBuffer | Uint8Array> | Blob | { url: string },
    select: TableSelection = SCHEMA_TABLES,
    first?: readonly (readonly string[])[],
    started?: OffThreadReader[] | FirstRead,
  ): Promise<XlsxAdapter> {
    // Workers read the schema's selection only (a selection is code, which cannot be posted): a
    // group of `first` each, side by side (or all in one where there is one core).
    const groups = first && readingGroups(first);
    const usable = select === SCHEMA_TABLES && !!groups;
    let reading = started && "reads" in started && usable && same(started.groups, groups) ? started : undefined;
    // Readers given to read with: kept when there is one per group, closed otherwise.
    const given = Array.isArray(started) && usable && started.length === groups!.length ? started : undefined;
    if (started && !reading && !given) for (const r of "reads" in started ? started.readers : started) r.close();
    if (!reading && groups && usable) {
      const readers = given ?? startReaders(groups.length);
      // A worker takes the file as it is (a download, a chosen file); bytes already here are
      // handed to the first reader (and come back).
      if (readers) reading = readFirst(file instanceof Blob || (typeof file === "object" && "url" in file) ? file : asBytes(await file), groups, readers);
    }
    let readers = reading?.readers;
    let bytes: Uint8Array | undefined;
    let later: Later | undefined;
    let read: FirstTables | undefined;
    if (reading) {
      try {
        const reads = await reading.reads;
        bytes = reads[0].bytes;
        later = reads[0].later;
        read = together(reads);
      } catch (e) {
        for (const reader of reading.readers) reader.close(true);
        readers = undefined;
        if (!(e instanceof ReaderUnavailable)) throw e;
      }
    }
    let adapter: XlsxAdapter;
    if (read && !bytes && later) {
      // The list's tables were read in pieces of a file on a web server: the file itself follows.
      const coming = comingArchive(later);
      adapter = new XlsxAdapter(undefined, Package.of(coming), read.tables, read.date1904);
      adapter.declaredSize = later.size;
      // A save copies the parts it did not change from the whole file's archive.
      adapter.complete = () =>
        Promise.all([later!.bytes(), coming.ready()]).then(([whole]) => {
          adapter.original = whole;
        });
    } else {
      bytes ??= await bytesOf(file);
      const archive = await openWorkbookArchive(bytes);
      if (!first) {
        const contents = await readWorkbookTables(archive, select);
        return new XlsxAdapter(bytes, Package.of(archive), contents.tables, contents.date1904);
      }
      read ??= await readFirstTables(archive, select, first.flat());
      adapter = new XlsxAdapter(bytes, Package.of(archive), read.tables, read.date1904);
    }
    adapter.select = select;
    adapter.pending = read.pending;
    adapter.pendingCells = read.cells;
    adapter.readers = readers;
    // Without a partner list there is nothing to show first: the others are read now.
    if (!read.partners) adapter.opened = [...read.tables, ...(await adapter.readRest())];
    else if (!read.pending.length) readers?.forEach((r) => r.close());
    return adapter;
  }

  /** The tables `open` read, each schema table left for later named (with `first` opening). */
  readFirst(): { tables: RawTable[]; pending: string[] } | undefined {
    if (!this.pending?.length || !this.opened) return undefined;
    const first = { tables: this.opened, pending: this.pending };
    this.opened = undefined;
    return first;
  }

  /** Reads the tables `readFirst` named as pending (once; none after). */
  async readRest(): Promise<RawTable[]> {
    const pending = this.pending ?? [];
    const readers = this.readers ?? [];
    this.readers = undefined;
    // A file read in pieces: the whole of it now, which the other tables are read from.
    this.complete?.().catch(() => undefined);
    // Each worker reads a share of about as many cells; a share whose worker stopped is read here.
    const shares = shareOut(pending, this.pendingCells, readers.length);
    const read = await Promise.all(
      shares.map(async (names, i) => {
        const reader = readers[i];
        try {
          if (reader) return await reader.rest(names);
        } catch (e) {
          if (!(e instanceof ReaderUnavailable)) throw e;
        } finally {
          reader?.close();
        }
        return readNamedTables(this.pkg.asArchive(), this.select, names);
      }),
    ).finally(() => readers.forEach((r) => r.close()));
    this.pending = undefined;
    this.pendingCells = undefined;
    // In the file's order, as a whole read gives them.
    const order = new Map(pending.map((name, i) => [name.trim().toLowerCase(), i]));
    const at = (t: RawTable) => order.get(t.name.trim().toLowerCase()) ?? pending.length;
    return read.flat().sort((a, b) => at(a) - at(b));
  }



  /** A new workbook with no sheet yet (add some with `create` or `writeSheet` before saving). */
  static blank(created = new Date()): XlsxAdapter {
    const adapter = new XlsxAdapter(undefined, blankPackage(created), [], false);
    adapter.strings = new SharedStrings();
    return adapter;
  }

  /** The file's size in bytes (0 for a new workbook). */
  get size(): number {
    return this.original?.length ?? this.declaredSize;
  }

  /** The parts a save would write or remove (empty when nothing was changed). */
  get changedParts(): { written: string[]; removed: string[] } {
    return this.pkg.changed;
  }

  /** Whether the workbook holds macros (an .xlsm file): it must be saved as .xlsm. */
  async macroEnabled(): Promise<boolean> {
    const type = await this.pkg.contentType((await this.layout()).workbookPart);
    return /macroEnabled/i.test(type ?? "");
  }

  /** Reading each partner table's sheet into rows ahead of a first save (see Worksheet), a step per sheet. */
  warmSteps(): (() => Promise<void>)[] {
    return SCHEMA.map((schema) => async () => {
      const table = (await this.layout()).tables.find((t) => t.name.toLowerCase() === schema.name.toLowerCase());
      if (!table || this.worksheets.has(table.sheetPart)) return;
      const sheet = new Worksheet(await this.pkg.require(table.sheetPart));
      sheet.cellXml(1, 1);
      this.worksheets.set(table.sheetPart, sheet);
    });
  }

  async read(select: TableSelection = SCHEMA_TABLES): Promise<RawTable[]> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened && select === SCHEMA_TABLES) return opened;
    return (await readWorkbookTables(this.pkg.asArchive(), select)).tables;
  }

  /** Every table of the workbook, every column (tests and tools). */
  readAll(): Promise<RawTable[]> {
    return this.read(EVERY_TABLE);
  }

  private async layout(): Promise<Structure> {
    if (!this.structure) {
      const workbookPart = await workbookPartOf(this.pkg);
      const sheets = await sheetsOf(this.pkg, workbookPart);
      this.structure = { workbookPart, sheets, tables: await tablesOf(this.pkg, sheets) };
    }
    return this.structure;
  }

  /** Runs `change` on the package, putting the package back as it was if it throws: a save is whole or not at all. */
  private async atomically<T>(change: () => Promise<T>): Promise<T> {
    const restore = this.pkg.checkpoint();
    const sheets = new Map(this.worksheets);
    try {
      return await change();
    } catch (e) {
      restore();
      this.worksheets.clear();
      for (const [part, sheet] of sheets) this.worksheets.set(part, sheet);
      throw e;
    } finally {
      this.structure = undefined;
    }
  }

  private async styles(layout: Structure): Promise<{ styles: Styles; part: string }> {
    let part = (await this.pkg.relationships(layout.workbookPart)).find((r) => r.type === REL.styles && !r.external)?.target;
    if (!part || !this.pkg.has(part)) {
      // A workbook written without cell formats (some generators do): it gets Excel's defaults.
      const { BLANK_STYLES } = await import("./ooxml/blank");
      part = `${layout.workbookPart.slice(0, layout.workbookPart.lastIndexOf("/") + 1)}styles.xml`;
      this.pkg.setText(part, BLANK_STYLES);
      await this.pkg.override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
      await this.pkg.relate(layout.workbookPart, REL.styles, part);
    }
    return { styles: new Styles(await this.pkg.require(part)), part };
  }

  async write(plan: WritePlan): Promise<void> {
    if (!plan.tables.length) return;
    await this.atomically(async () => {
      const layout = await this.layout();
      const { styles, part: stylesPart } = await this.styles(layout);
      // Copies of the sheets to change: the adapter's own stay as they were until every table is written.
      const sheets = new Map<string, Worksheet>();
      const sheetOf = async (part: string) => {
        let sheet = sheets.get(part);
        if (!sheet) {
          sheet = this.worksheets.get(part)?.copy() ?? new Worksheet(await this.pkg.require(part));
          sheets.set(part, sheet);
        }
        return sheet;
      };
      const effects = { formulas: false, addin: false, movedFormulas: false };
      const resized: TableEntry[] = [];
      // Every check first, then every change: nothing is written when any table cannot take its rows.
      const targets = await Promise.all(
        plan.tables.map(async (p) => {
          const entry = layout.tables.find((t) => t.name.toLowerCase() === p.table.toLowerCase());
          if (!entry) throw new WorkbookWriteError(`the workbook has no ${p.table} table`);
          return { p, entry, sheet: await sheetOf(entry.sheetPart) };
        }),
      );
      for (const { p, entry, sheet } of targets) await this.check(layout, entry, sheet, p);
      for (const { p, entry, sheet } of targets) {
        const bottom = this.apply(entry, sheet, styles, p, effects);
        if (bottom !== entry.area.bottom) {
          const area = { ...entry.area, bottom };
          this.pkg.setText(entry.part, resizedTable(await this.pkg.require(entry.part), area));
          sheet.moveRangeEnds(entry.area.bottom, bottom, entry.area.left, entry.area.right, entry.area.top + entry.headerRows);
          resized.push({ ...entry, area: { ...entry.area, bottom: Math.max(bottom, entry.area.bottom) } });
          entry.area = area;
        }
      }
      for (const [part, sheet] of sheets) {
        this.worksheets.set(part, sheet);
        this.pkg.setProduced(part, () => sheet.text);
      }
      if (styles.changed) this.pkg.setText(stylesPart, styles.toXml());
      for (const table of resized) await refreshPivotsOver(this.pkg, layout.workbookPart, table);
      await this.afterCellsChanged(layout, effects);
    });
  }

  /** What a save that changed cells does to the workbook as a whole. */
  private async afterCellsChanged(layout: Structure, effects: { addin: boolean; movedFormulas: boolean }): Promise<void> {
    await recalculateOnOpen(this.pkg, layout.workbookPart);
    if (effects.addin) await nameAddin(this.pkg);
    if (effects.movedFormulas) await this.dropCalcChain(layout);
  }

  /**
   * Removes the calculation chain, which lists formula cells by address: Excel rebuilds it when it
   * is missing, but reports a damaged file when it names a cell that no longer holds a formula.
   */
  private async dropCalcChain(layout: Structure): Promise<void> {
    const chain = (await this.pkg.relationships(layout.workbookPart)).find((r) => CALC_CHAIN.test(r.type) && !r.external);
    if (!chain) return;
    await this.pkg.unrelate(layout.workbookPart, chain.id);
    await this.pkg.removeTree(chain.target);
  }

  /** Refuses, naming the sheet and cell, a change the table's sheet cannot take. */
  private async check(layout: Structure, entry: TableEntry, sheet: Worksheet, p: WritePlan["tables"][number]): Promise<void> {
    if (sheet.isProtected) {
      throw new WorkbookWriteError(`the sheet ${entry.sheet}, which holds the ${entry.name} table, is protected: unprotect it in Excel (Review › Unprotect Sheet) to save this change`);
    }
    const first = entry.area.top + entry.headerRows;
    for (const u of p.updates) {
      const row = first + u.row;
      const column = entry.area.left + u.column;
      const array = sheet.arrays().find((a) => contains(a.area, row, column) && !(a.area.top === row && a.area.left === column));
      if (array) throw new WorkbookWriteError(`cell ${at(entry.sheet, row, column)} of table ${entry.name} is part of the spilled or array formula in ${array.anchor}; change it in Excel`);
    }
    for (const d of p.deletes) {
      const row = first + d;
      const array = sheet.arrays().find((a) => a.area.top <= row && a.area.bottom >= row && a.area.left <= entry.area.right && a.area.right >= entry.area.left);
      if (array) throw new WorkbookWriteError(`row ${d + 1} of table ${entry.name} holds part of the array formula in ${at(entry.sheet, array.area.top, array.area.left)}; delete the row in Excel`);
    }
    const growth = p.appends.length - p.deletes.length;
    if (p.appends.length && entry.totalsRows) throw new WorkbookWriteError(`table ${entry.name} has a totals row; add its rows in Excel`);
    if (growth <= 0) return;
    // The rows the table grows into must be free: no value, merged cell, other table or spill there.
    const below: Area = { top: entry.area.bottom + 1, left: entry.area.left, bottom: entry.area.bottom + growth, right: entry.area.right };
    const spill = sheet.arrays().find((a) => intersects(a.area, below));
    if (spill) throw new WorkbookWriteError(`table ${entry.name} cannot grow: the formula in ${at(entry.sheet, spill.area.top, spill.area.left)} spills into ${quoteSheet(entry.sheet)}!${formatArea(spill.area)} below it; move it first`);
    for (const [row, cells] of sheet.cellsIn(below)) {
      for (const [column, cell] of cells) {
        if (readCellXml(cell.text).filled) {
          throw new WorkbookWriteError(`table ${entry.name} cannot grow: cell ${at(entry.sheet, row, column)} below it is not empty; move what is below the table first`);
        }
      }
    }
    const merge = sheet.merges().find((m) => intersects(m, below));
    if (merge) throw new WorkbookWriteError(`table ${entry.name} cannot grow: cells ${quoteSheet(entry.sheet)}!${formatArea(merge)} below it are merged; unmerge or move them first`);
    const other = layout.tables.find((t) => t !== entry && t.sheetPart === entry.sheetPart && intersects(t.area, below));
    if (other) throw new WorkbookWriteError(`table ${entry.name} cannot grow: table ${other.name} starts at ${at(entry.sheet, other.area.top, other.area.left)} below it; move one of them first`);
  }

  /**
   * Writes one table's plan into its sheet: updates; deleted rows emptied (their cells keep their
   * formats; nothing below moves); new rows below the table. Returns the table's new last row.
   */
  private apply(entry: TableEntry, sheet: Worksheet, styles: Styles, p: WritePlan["tables"][number], effects: { formulas: boolean; addin: boolean; movedFormulas: boolean }): number {
    const schema = tableSchema(p.table);
    const first = entry.area.top + entry.headerRows;
    const { left, right } = entry.area;
    const isDate = entry.columns.map((c) => schema.columns.some((s) => s.kind === "date" && s.name.toLowerCase() === c.name.trim().toLowerCase()));
    const edits: CellEdits = new Map();
    const put = (row: number, column: number, text: string | null) => {
      let cells = edits.get(row);
      if (!cells) edits.set(row, (cells = new Map()));
      cells.set(column, text);
    };
    /** The cell's content and format for `value` in workbook column `c` (0-based in the table), keeping `style`. */
    const written = (value: CellInput, c: number, style: number): [CellContent, number] => {
      if (isFormula(value)) {
        effects.formulas = true;
        const formula = fileFormula(value.formula);
        if (formula.includes("_xldudf_")) effects.addin = true;
        return [{ formula }, style];
      }
      if (isDate[c] && typeof value === "number") {
        const dated = styles.isDate(style) ? style : styles.withNumberFormat(style, DATE_FORMAT);
        return [this.date1904 ? value - DATE_1904_OFFSET : value, dated];
      }
      return [value, style];
    };
    // The format a new cell of a column takes: that of the column's last cell in the table, as a
    // row Excel adds to a table takes the formats of the row above.
    const columnStyles = new Map<number, number>();
    const columnStyle = (column: number): number => {
      let style = columnStyles.get(column);
      if (style === undefined) {
        style = 0;
        for (let r = entry.area.bottom; r >= first; r--) {
          const cell = sheet.cell(r, column);
          if (cell) {
            style = cell.style;
            break;
          }
        }
        columnStyles.set(column, style);
      }
      return style;
    };

    // Cells written or emptied that belong to a shared formula: the whole block first gets a
    // formula of its own in each cell, so that the cells left keep theirs.
    const touched: [number, number][] = [
      ...p.updates.map((u): [number, number] => [first + u.row, left + u.column]),
      ...p.deletes.flatMap((d) => Array.from({ length: right - left + 1 }, (_, c): [number, number] => [first + d, left + c])),
    ];
    const groups = new Set<string>();
    for (const [row, column] of touched) {
      const formula = sheet.cell(row, column)?.formula;
      if (formula?.type === "shared" && formula.si !== undefined) groups.add(formula.si);
    }
    for (const si of groups) {
      for (const member of sheet.unshared(si)) put(member.row, member.column, member.text);
    }

    for (const u of p.updates) {
      const row = first + u.row;
      const column = left + u.column;
      const existing = sheet.cell(row, column);
      if (existing?.formula) effects.movedFormulas = true;
      const [content, style] = written(u.value, u.column, existing ? existing.style : columnStyle(column));
      put(row, column, cellXml(sheet.prefix, cellRef(row, column), content, style) ?? null);
    }
    for (const d of p.deletes) {
      const row = first + d;
      for (let column = left; column <= right; column++) {
        const existing = sheet.cell(row, column);
        if (!existing) continue;
        if (existing.formula) effects.movedFormulas = true;
        put(row, column, cellXml(sheet.prefix, cellRef(row, column), null, existing.style) ?? null);
      }
    }
    let bottom = entry.area.bottom;
    if (p.appends.length) {
      const rowStyles = Array.from({ length: right - left + 1 }, (_, c) => columnStyle(left + c));
      p.appends.forEach((values, i) => {
        const row = bottom + 1 + i;
        values.forEach((value, c) => {
          const calculated = entry.columns[c]?.calculated;
          if (value === null && calculated) {
            effects.formulas = true;
            if (calculated.includes("_xldudf_")) effects.addin = true;
            put(row, left + c, cellXml(sheet.prefix, cellRef(row, left + c), { formula: calculated }, rowStyles[c]) ?? null);
            return;
          }
          const [content, style] = written(value, c, rowStyles[c]);
          put(row, left + c, cellXml(sheet.prefix, cellRef(row, left + c), content, style) ?? null);
        });
      });
      bottom += p.appends.length;
    }
    sheet.edit(edits);
    return bottom;
  }

  async create(tables: readonly TableSchema[], from: readonly PlainRange[] = []): Promise<void> {
    await this.atomically(async () => {
      const layout = await this.layout();
      const taken = new Set(layout.sheets.map((s) => s.name.toLowerCase()));
      for (const schema of tables) {
        const range = from.find((r) => r.table === schema.name);
        if (range) {
          await this.makeTable(layout, schema, range);
          continue;
        }
        let name: string = schema.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${schema.name} ${n}`;
        taken.add(name.toLowerCase());
        const columns = schema.columns.map((c) => c.name);
        const table: TableSpec = { name: schema.name, top: 1, left: 1, columns, rows: 1 };
        const validations: ValidationSpec[] = schema.columns.flatMap((column, i) => {
          const rule = validationRule(column);
          // On the table's first row; the rule follows the column as rows are added.
          return rule ? [{ ref: a1(2, i + 1), rule }] : [];
        });
        await this.addSheet(layout, {
          name,
          cells: columns.map((c, i) => ({ row: 1, column: i + 1, value: c })),
          widths: Object.fromEntries(schema.columns.map((c, i) => [i + 1, c.width ?? Math.max(10, c.name.length + 3)])),
          columnFormats: Object.fromEntries(schema.columns.flatMap((c, i) => (c.numberFormat ? [[i + 1, c.numberFormat]] : []))),
          charts: [],
          tables: [table],
          validations,
          freeze: { rows: 1 },
        });
        layout.sheets = await sheetsOf(this.pkg, layout.workbookPart);
        layout.tables = await tablesOf(this.pkg, layout.sheets);
      }
    });
  }

  /**
   * The plain ranges (cells under a row of a table's headers, not a table) of the tables in
   * `schemas`, searched on every worksheet (see ranges.ts).
   */
  async findRanges(schemas: readonly TableSchema[]): Promise<PlainRange[]> {
    if (!schemas.length) return [];
    const layout = await this.layout();
    const worksheets = layout.sheets.filter((s) => s.part && s.type === REL.worksheet);
    let strings: string[] | undefined;
    const text = async (info: CellInfo): Promise<string | undefined> => {
      if (info.formula) return undefined;
      if (info.type === "s") {
        if (!strings) {
          const part = (await this.pkg.relationships(layout.workbookPart)).find((r) => r.type === REL.sharedStrings && !r.external)?.target;
          const xml = part ? await this.pkg.text(part) : undefined;
          strings = xml ? sharedStrings(xml) : [];
        }
        return strings[Number(info.value)];
      }
      if (info.type === "inlineStr") return stringItem(info.text);
      if (info.type === "str") return info.value;
      return undefined;
    };
    const sheetOf = async (name: string) => {
      const part = worksheets.find((s) => s.name === name)!.part!;
      return { part, sheet: this.worksheets.get(part) ?? new Worksheet(await this.pkg.require(part)) };
    };
    const found = await findPlainRanges(
      schemas,
      worksheets.map((s) => s.name),
      async (name) => {
        const { part, sheet } = await sheetOf(name);
        const tables = layout.tables.filter((t) => t.sheetPart === part);
        const rows = new Map<number, Map<number, SearchCell>>();
        for (const [row, cells] of sheet.cellsIn({ top: 1, left: 1, bottom: HEADER_SEARCH_ROWS, right: 16_384 })) {
          const read = new Map<number, SearchCell>();
          for (const [column, cell] of cells) {
            // Cells of a table belong to it: its header row is not a plain range.
            if (tables.some((t) => contains(t.area, row, column))) continue;
            const info = readCellXml(cell.text);
            read.set(column, { text: await text(info), filled: info.filled, formula: !!info.formula });
          }
          rows.set(row, read);
        }
        return rows;
      },
      async (name, top, left, right) => {
        const { sheet } = await sheetOf(name);
        const filled = new Set<number>();
        for (const [row, cells] of sheet.cellsIn({ top: top + 1, left, bottom: MAX_ROWS, right })) {
          if ([...cells.values()].some((c) => readCellXml(c.text).filled)) filled.add(row);
        }
        return lastDataRow(top, (row) => filled.has(row));
      },
    );
    for (const range of found) {
      if (range.blocked) continue;
      const { part, sheet } = await sheetOf(range.sheet);
      const address = (area: Area) => `${quoteSheet(range.sheet)}!${formatArea(area)}`;
      const table = layout.tables.find((t) => t.sheetPart === part && intersects(t.area, range.area));
      const merge = sheet.merges().find((m) => intersects(m, range.area));
      const spill = sheet.arrays().find((a) => intersects(a.area, range.area));
      const filter = sheet.autoFilter;
      if (table) range.blocked = `table ${table.name} at ${address(table.area)} is in the way; move one of them first`;
      else if (merge) range.blocked = `cells ${address(merge)} are merged, and a table cannot hold merged cells: unmerge them (Home › Merge & Center)`;
      else if (spill) range.blocked = `the array formula in ${address(spill.area)} is in it, and a table cannot hold one: move it first`;
      else if (filter && intersects(filter, range.area)) range.blocked = `the sheet's filter covers it: turn the filter off (Data › Filter) first`;
      else if (sheet.isProtected) range.blocked = `the sheet ${range.sheet} is protected: unprotect it (Review › Unprotect Sheet) first`;
    }
    return found;
  }

  /** Makes a plain range a table: a table part over its cells, which stay as they are. */
  private async makeTable(layout: Structure, schema: TableSchema, range: PlainRange): Promise<void> {
    if (range.blocked) throw new WorkbookWriteError(`${rangeAddress(range)} cannot become the ${schema.name} table: ${range.blocked}`);
    const entry = layout.sheets.find((s) => s.name === range.sheet && s.part);
    if (!entry) throw new WorkbookWriteError(`the workbook has no sheet ${range.sheet}`);
    if (layout.tables.some((t) => t.name.toLowerCase() === schema.name.toLowerCase())) throw new WorkbookWriteError(`the workbook already has a table named ${schema.name}`);
    const part = entry.part!;
    const id = Math.max(0, ...layout.tables.map((t) => t.id)) + 1;
    const tablePart = this.pkg.freeName("xl/tables/table", ".xml");
    this.pkg.setText(tablePart, tablePartXml(id, schema.name, range.area, range.headers));
    await this.pkg.override(tablePart, CONTENT_TYPE.table);
    const relId = await this.pkg.relate(part, REL.table, tablePart);
    const sheet = this.worksheets.get(part)?.copy() ?? new Worksheet(await this.pkg.require(part));
    sheet.addTablePart(relId);
    this.worksheets.set(part, sheet);
    this.pkg.setProduced(part, () => sheet.text);
    layout.tables = await tablesOf(this.pkg, layout.sheets);
  }

  /** Writes a sheet the add-in owns, replacing a sheet of that name (and its charts) whole. */
  async writeSheet(spec: SheetSpec): Promise<void> {
    await this.atomically(async () => {
      if (spec.name.length > MAX_SHEET_NAME || /[[\]:*?/\\]/.test(spec.name)) {
        throw new WorkbookWriteError(`"${spec.name}" cannot be a sheet name: Excel allows at most ${MAX_SHEET_NAME} characters and none of [ ] : * ? / \\`);
      }
      const layout = await this.layout();
      const existing = layout.sheets.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
      if (existing && (existing.type !== REL.worksheet || !existing.part)) {
        throw new WorkbookWriteError(`the workbook has a sheet named ${existing.name} that is not a worksheet (a chart sheet); choose another name`);
      }
      if (existing && layout.tables.some((t) => t.sheetPart === existing.part)) {
        throw new WorkbookWriteError(`the sheet ${existing.name} holds a table; choose another name`);
      }
      await this.addSheet(layout, spec, existing?.part);
    });
  }

  /** Writes `spec` as a new sheet, or over the sheet part `replace` (whose drawings and other parts go). */
  private async addSheet(layout: Structure, spec: SheetSpec, replace?: string): Promise<void> {
    const { styles, part: stylesPart } = await this.styles(layout);
    let part = replace;
    if (part) {
      this.worksheets.delete(part);
      // The sheet's own parts go with it (its charts and drawing); parts others still use stay.
      const targets = (await this.pkg.relationships(part)).filter((r) => !r.external).map((r) => r.target);
      this.pkg.remove(relsPathOf(part));
      for (const target of targets) if (!(await this.pkg.isTargeted(target))) await this.pkg.removeTree(target);
      // Its formula cells go too: a calculation chain naming them would make Excel report damage.
      await this.dropCalcChain(layout);
    } else part = await addSheet(this.pkg, layout.workbookPart, spec.name, "");
    const dynamicArray = spec.cells.some((c) => c.spill && (c.spill.rows > 1 || c.spill.columns > 1)) ? await dynamicArrayIndex(this.pkg, layout.workbookPart) : undefined;
    const tableIds: string[] = [];
    let nextId = Math.max(0, ...layout.tables.map((t) => t.id)) + 1;
    for (const table of spec.tables ?? []) {
      const name = table.name;
      if (layout.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new WorkbookWriteError(`the workbook already has a table named ${name}`);
      const tablePart = this.pkg.freeName("xl/tables/table", ".xml");
      this.pkg.setText(tablePart, tablePartXml(nextId++, name, tableArea(table), table.columns, table.style));
      await this.pkg.override(tablePart, CONTENT_TYPE.table);
      tableIds.push(await this.pkg.relate(part, REL.table, tablePart));
    }
    const drawing = await writeCharts(this.pkg, part, spec);
    this.pkg.setText(part, worksheetXml(spec, styles, { dynamicArray, tables: tableIds, drawing, strings: this.strings }));
    if (styles.changed) this.pkg.setText(stylesPart, styles.toXml());
    if (this.strings?.size) await this.writeStrings(layout);
    const formulas = spec.cells.filter((c) => isFormula(c.value));
    if (!formulas.length) return;
    if (formulas.some((c) => fileFormula((c.value as { formula: string }).formula).includes("_xldudf_"))) await nameAddin(this.pkg);
    // Cached results are the formulas' values: Excel need not recalculate on opening unless one is missing.
    if (formulas.some((c) => c.result === undefined)) await recalculateOnOpen(this.pkg, layout.workbookPart);
  }

  /** Writes the shared strings part of a workbook this adapter created (adding it the first time). */
  private async writeStrings(layout: Structure): Promise<void> {
    const folder = layout.workbookPart.slice(0, layout.workbookPart.lastIndexOf("/") + 1);
    const part = `${folder}sharedStrings.xml`;
    if (!this.pkg.has(part)) {
      await this.pkg.override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
      await this.pkg.relate(layout.workbookPart, REL.sharedStrings, part);
    }
    this.pkg.setText(part, this.strings!.toXml());
  }

  /** Gets the changed parts ready for the next save (see OoxmlPackage.prepareSave). */
  async prepareSave(): Promise<void> {
    await this.pkg.prepareSave();
  }

  /** The workbook as .xlsx (or .xlsm) bytes: the file as it came when nothing was changed. */
  async save(): Promise<Uint8Array> {
    if (this.complete) await inFull(this.complete());
    const { written, removed } = this.pkg.changed;
    if (this.original && !written.length && !removed.length) return this.original.slice();
    const layout = await this.layout();
    if (!layout.sheets.length) throw new WorkbookWriteError("a workbook needs at least one sheet");
    return this.pkg.save();
  }
}
