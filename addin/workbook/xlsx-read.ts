/**
 * Fast reading of an .xlsx file's tables, for opening a workbook: only the parts that matter are
 * inflated (the workbook, its relationships, the table parts, the shared strings and the sheets
 * that hold a wanted table) and only the cells inside those tables are read. Values come out as
 * Office.js reports them: numbers, text, booleans, errors as their text (`#N/A`), a formula's
 * cached result, blank cells as `null`, dates as Excel serial numbers.
 *
 * Anything that keeps the file from being read is a WorkbookOpenError whose message says what the
 * file is and what to do; what is wrong inside a table (merged cells, no header row) is listed in
 * the table's `issues` for the validation to report.
 */
import { parseDateText } from "../../engine/excel/date";
import { type Relationship, relsPathOf, resolveTarget } from "./ooxml/package";
import { type Area, columnLetters as letters, intersects, parseArea } from "./ooxml/refs";
import { BUILT_IN_DATE_FORMATS, isDateFormat } from "./ooxml/styles";
import { decodeText, decodeXml, elements } from "./ooxml/xml";
import { type Archive, ArchiveError, isCompoundFile, openArchive } from "./ooxml/zip";
import { WorkbookOpenError } from "./open-error";
import { type RawIssue, type RawTable, headerText } from "./snapshot";

export { parseArea };

export { WorkbookOpenError };

/** A table as the file defines it (every table of the workbook, wanted or not). */
export interface TablePart {
  name: string;
  sheet: string;
  ref: string;
  /** Rows of headers (Excel: 1, or 0 when the header row is turned off) and of totals. */
  headerRows: number;
  totalsRows: number;
  /** Column names as the table part lists them. */
  columns: string[];
}

/**
 * Which tables to read (by name), and of each which columns: `{}` for every column, `{ columns }`
 * for only those (matched by header in any case; the others read as blank), `undefined` for none.
 */
export type TableSelection = (name: string) => { columns?: readonly string[] } | undefined;

/** Every table, every column. */
export const EVERY_TABLE: TableSelection = () => ({});

export interface XlsxContents {
  /** The wanted tables, read. */
  tables: RawTable[];
  /** Every table the file defines. */
  parts: TablePart[];
  /** The workbook counts dates from 1904 (dates are converted to the 1900 system when read). */
  date1904: boolean;
  /** Every part of the file (to tell what else it holds: charts, macros…). */
  partNames: readonly string[];
}

const PHONETIC = /<([\w.-]+:)?rPh[\s>][\s\S]*?<\/([\w.-]+:)?rPh>/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g;

/**
 * The shared strings table: each `<si>` item's text. Most items are one plain run
 * (`<si><t>Northwind</t></si>`), read with a slice; the others (rich text, phonetic guides,
 * escapes) go through stringItem.
 */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const plain = /<si><t>([^<&_]*)<\/t><\/si>|<si><t xml:space="preserve">([^<&_]*)<\/t><\/si>|<si\/>/y;
  const item = /<([\w.-]+:)?si(?=[\s/>])([^>]*)>/g;
  let at = xml.indexOf("<", xml.indexOf("<sst") >= 0 ? xml.indexOf("<sst") + 1 : 0);
  while (at >= 0) {
    plain.lastIndex = at;
    const simple = plain.exec(xml);
    if (simple) {
      strings.push(simple[1] ?? simple[2] ?? "");
      at = xml.indexOf("<", plain.lastIndex);
      if (at >= 0 && xml.startsWith("</", at)) break;
      continue;
    }
    item.lastIndex = at;
    const open = item.exec(xml);
    if (!open) break;
    if (open[2].endsWith("/")) {
      strings.push("");
      at = xml.indexOf("<", item.lastIndex);
      continue;
    }
    const close = `</${open[1] ?? ""}si>`;
    const end = xml.indexOf(close, item.lastIndex);
    if (end < 0) break;
    strings.push(stringItem(xml.slice(item.lastIndex, end)));
    at = xml.indexOf("<", end + close.length);
    if (at >= 0 && xml.startsWith("</", at)) break;
  }
  return strings;
}

/**
 * The shared strings table as a lookup that reads an item's text only when a cell asks for it: a
 * workbook's table holds the text of every sheet, and a first screen reads a few of them. Where
 * the items are written with a namespace prefix, the whole table is read at once (sharedStrings).
 */
export function stringTable(xml: string): (index: number) => string | undefined {
  const starts = itemStarts(xml);
  if (!starts) {
    const all = sharedStrings(xml);
    return (index) => all[index];
  }
  const read: (string | undefined)[] = new Array(starts.length);
  return (index) => {
    if (!(index >= 0 && index < starts.length)) return undefined;
    return (read[index] ??= itemAt(xml, starts[index]));
  };
}

/** Where each `<si>` item of the table starts; undefined when the items are not written plainly as `<si>`. */
function itemStarts(xml: string): Int32Array | undefined {
  const sst = xml.indexOf("<sst");
  if (sst < 0) return undefined;
  const end = xml.indexOf("</sst>", sst);
  const limit = end < 0 ? xml.length : end;
  let starts = new Int32Array(1024);
  let count = 0;
  for (let at = xml.indexOf("<si", sst + 4); at >= 0 && at < limit; at = xml.indexOf("<si", at + 3)) {
    const next = xml.charCodeAt(at + 3);
    // <si>, <si/> or <si with attributes; not another element whose name starts with "si".
    if (next !== 62 && next !== 47 && next !== 32 && next !== 9 && next !== 10 && next !== 13) continue;
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = at;
  }
  // None found: items written some other way (with a prefix, say), which the whole reading handles.
  return count ? starts.subarray(0, count) : undefined;
}

const PLAIN_ITEM = /<si><t>([^<&_]*)<\/t><\/si>|<si><t xml:space="preserve">([^<&_]*)<\/t><\/si>|<si\/>/y;
const ITEM = /<si(?=[\s/>])([^>]*)>/y;

/** The text of the `<si>` item starting at `at` (as sharedStrings reads it). */
function itemAt(xml: string, at: number): string | undefined {
  PLAIN_ITEM.lastIndex = at;
  const simple = PLAIN_ITEM.exec(xml);
  if (simple) return simple[1] ?? simple[2] ?? "";
  ITEM.lastIndex = at;
  const open = ITEM.exec(xml);
  if (!open) return undefined;
  if (open[1].endsWith("/")) return "";
  const end = xml.indexOf("</si>", ITEM.lastIndex);
  return end < 0 ? undefined : stringItem(xml.slice(ITEM.lastIndex, end));
}

/** The text of a string item (`<si>` or `<is>`): its runs joined, phonetic guides left out. */
export function stringItem(body: string): string {
  const plain = body.includes("rPh") ? body.replace(PHONETIC, "") : body;
  let text = "";
  for (const m of plain.matchAll(TEXT_RUN)) if (m[1]) text += m[1];
  return decodeText(text);
}

const quoteSheet = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`);

// ---------------------------------------------------------------------------------------------
// Package structure

async function relationships(archive: Archive, part: string): Promise<Map<string, Relationship>> {
  const xml = await archive.text(relsPathOf(part));
  const found = new Map<string, Relationship>();
  if (!xml) return found;
  for (const { attributes } of elements(xml, "Relationship")) {
    const id = attributes.get("Id");
    const target = attributes.get("Target");
    if (!id || !target) continue;
    const external = attributes.get("TargetMode") === "External";
    found.set(id, { id, type: attributes.get("Type") ?? "", target: external ? target : resolveTarget(part, target), external });
  }
  return found;
}

/** What a zip archive that is not a workbook is, as far as its parts tell. */
function notAWorkbook(archive: Archive): string {
  const has = (prefix: string) => archive.names.some((n) => n.startsWith(prefix));
  if (archive.has("xl/workbook.bin")) return "it is a binary workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)";
  if (archive.has("xl/workbook.xml")) return "its workbook part is damaged or cannot be found from the package's relationships";
  if (archive.has("content.xml") && archive.has("mimetype")) {
    return "it is an OpenDocument file (.ods); open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)";
  }
  if (has("word/")) return "it is a Word document, not a workbook";
  if (has("ppt/")) return "it is a PowerPoint presentation, not a workbook";
  return "it is a zip archive with no workbook in it";
}

/** A short description of bytes that are not a zip archive. */
function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return "the file is empty";
  if (isCompoundFile(bytes)) {
    return "it is an Excel 97–2003 workbook (.xls) or a password-protected workbook; open it in Excel and save it as an Excel Workbook (.xlsx) without a password";
  }
  const head = bytes.subarray(0, 512);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (printable) {
    const text = new TextDecoder().decode(head).trimStart().toLowerCase();
    if (text.startsWith("<")) return "it holds XML or HTML text, not an .xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)";
    return "it holds plain text (a CSV file?); open it in Excel and save it as an Excel Workbook (.xlsx)";
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "it is a damaged zip archive (an .xlsx file is one): the end of the file is missing";
  return "it is not an .xlsx workbook (an .xlsx file is a zip archive)";
}

/** Beyond this, a table is more than a browser tab should hold in memory (Excel's own limit is far larger). */
const MAX_TABLE_CELLS = 20_000_000;

const fail = (reason: string): never => {
  throw new WorkbookOpenError(`This file cannot be opened as a workbook: ${reason}.`);
};

// ---------------------------------------------------------------------------------------------
// Dates in 1904 workbooks: cells with a date format move to the 1900 system.

export const DATE_1904_OFFSET = 1462;

/** For each cell style index, whether its number format shows a date or time. */
async function dateStyles(archive: Archive, stylesPart: string | undefined): Promise<boolean[]> {
  const xml = stylesPart ? await archive.text(stylesPart) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const { attributes } of elements(xml, "numFmt")) custom.set(Number(attributes.get("numFmtId")), attributes.get("formatCode") ?? "");
  const cellXfs = elements(xml, "cellXfs")[0];
  if (!cellXfs) return [];
  return elements(`<r>${cellXfs.body}</r>`, "xf").map(({ attributes }) => {
    const id = Number(attributes.get("numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Sheets: a scanner over the bytes of `<sheetData>`, which is most of a file. It never turns a
// sheet into text: it reads each cell's `r`, `s` and `t` attributes in place, numbers and shared
// string indexes straight from the digits, and decodes text only for the few cells that hold it.

interface Wanted {
  part: TablePart;
  area: Area;
  rows: unknown[][];
  headerCells: unknown[];
  /** The only columns to read (by header), when not all. */
  columns?: readonly string[];
  /** Per column of the table, whether it is read; set from the headers once they are read. */
  keep?: boolean[];
  /** The last column read (0-based), when not all are. */
  lastKept?: number;
}

/** Which of a table's columns are read, from its headers. */
function keepColumns(target: Wanted, headers: readonly unknown[]): void {
  const wanted = new Set(target.columns!.map((c) => c.toLowerCase()));
  target.keep = headers.map((h) => wanted.has(headerText(h).toLowerCase()));
  target.lastKept = target.keep.lastIndexOf(true);
}

interface CellSink {
  wanted: Wanted[];
  /** The shared string at an index (undefined when there is none). */
  string: (index: number) => string | undefined;
  date1904: boolean;
  dateStyle: readonly boolean[];
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

const utf8 = new TextDecoder("utf-8");
const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Whether `pattern` is at `at` in `bytes`. */
function at(bytes: Uint8Array, index: number, pattern: Uint8Array): boolean {
  if (index < 0 || index + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[index + i] !== pattern[i]) return false;
  return true;
}

/** The first `pattern` in `bytes` from `from`, or -1. */
function find(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(pattern[0], from); i >= 0; i = bytes.indexOf(pattern[0], i + 1)) if (at(bytes, i, pattern)) return i;
  return -1;
}

/** Cell types (`t`), as small numbers so that reading a cell allocates nothing. */
const enum CellType {
  Number,
  Shared,
  Formula,
  Inline,
  Boolean,
  Error,
  Date,
}

const STR = ascii("str");
const INLINE_STR = ascii("inlineStr");

function cellType(bytes: Uint8Array, from: number, to: number): CellType {
  const first = bytes[from];
  switch (to - from) {
    case 1:
      return first === 115 /* s */ ? CellType.Shared : first === 98 /* b */ ? CellType.Boolean : first === 101 /* e */ ? CellType.Error : first === 100 /* d */ ? CellType.Date : CellType.Number;
    case 3:
      return at(bytes, from, STR) ? CellType.Formula : CellType.Number;
    case 9:
      return at(bytes, from, INLINE_STR) ? CellType.Inline : CellType.Number;
    default:
      return CellType.Number;
  }
}

/** A whole number of at most 9 digits in `bytes[from, to)`, read without allocating; NaN otherwise. */
function smallInteger(bytes: Uint8Array, from: number, to: number): number {
  const negative = bytes[from] === 45; /* - */
  let i = negative ? from + 1 : from;
  if (i >= to || to - i > 9) return NaN;
  let n = 0;
  for (; i < to; i++) {
    const code = bytes[i];
    if (!isDigit(code)) return NaN;
    n = n * 10 + code - 48;
  }
  return negative ? -n : n;
}

/** The value of a cell whose `<v>` text is `bytes[from, to)`, as Office.js reports it. */
function valueOf(type: CellType, bytes: Uint8Array, from: number, to: number, style: number, sink: CellSink): unknown {
  if (from >= to) return null;
  switch (type) {
    case CellType.Shared: {
      const index = smallInteger(bytes, from, to);
      const text = sink.string(Number.isNaN(index) ? Number(utf8.decode(bytes.subarray(from, to))) : index);
      return text === undefined || text === "" ? null : text;
    }
    case CellType.Number: {
      let number = smallInteger(bytes, from, to);
      if (Number.isNaN(number)) {
        const text = utf8.decode(bytes.subarray(from, to));
        number = Number(text);
        if (!Number.isFinite(number)) return decodeXml(text);
      }
      return sink.date1904 && sink.dateStyle[style] ? number + DATE_1904_OFFSET : number;
    }
    case CellType.Boolean:
      return Number(utf8.decode(bytes.subarray(from, to))) !== 0;
    case CellType.Error:
      return decodeXml(utf8.decode(bytes.subarray(from, to))).trim();
    case CellType.Date: {
      // ISO 8601 text (`t="d"`, rare): the serial number Excel would show.
      const text = decodeXml(utf8.decode(bytes.subarray(from, to))).trim();
      const serial = parseDateText(text.slice(0, 10));
      if (serial === undefined) return text;
      const time = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(text);
      return time ? serial + (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400 : serial;
    }
    default: {
      const text = decodeText(utf8.decode(bytes.subarray(from, to)));
      return text === "" ? null : text;
    }
  }
}

/** A cell's value from its whole body `bytes[from, to)` (formulas, inline strings): the general case. */
function bodyValue(type: CellType, bytes: Uint8Array, from: number, to: number, prefix: string, style: number, sink: CellSink): unknown {
  if (type === CellType.Inline) {
    const text = stringItem(utf8.decode(bytes.subarray(from, to)));
    return text === "" ? null : text;
  }
  const open = ascii(`<${prefix}v`);
  for (let i = find(bytes, open, from); i >= 0 && i < to; i = find(bytes, open, i + 1)) {
    const next = bytes[i + open.length];
    // `<v>` or `<v attr…>`, not `<vm…>`.
    if (next !== GT && next !== SLASH && !isSpace(next)) continue;
    const gt = bytes.indexOf(GT, i);
    if (gt < 0 || gt >= to || bytes[gt - 1] === SLASH) return null;
    const end = bytes.indexOf(LT, gt);
    return end < 0 || end > to ? null : valueOf(type, bytes, gt + 1, end, style, sink);
  }
  return null;
}

/** The attributes of a cell or row start tag that the reader uses, read in place. */
interface TagAttributes {
  row: number;
  column: number;
  style: number;
  type: CellType;
  /** The tag's `>`, or -1 when the tag does not end. */
  end: number;
  /** The tag ends with `/>`. */
  empty: boolean;
}

/** Reads `r`, `s` and `t` of the start tag whose attributes begin at `from`, up to its `>`, into `into`. */
function readAttributes(bytes: Uint8Array, from: number, into: TagAttributes): void {
  into.row = 0;
  into.column = 0;
  into.style = 0;
  into.type = CellType.Number;
  into.end = -1;
  into.empty = false;
  const length = bytes.length;
  let i = from;
  // The common form first: ` r="B12"` opens most cell tags.
  if (bytes[i] === 32 && bytes[i + 1] === 114 /* r */ && bytes[i + 2] === EQUALS && bytes[i + 3] === QUOTE) {
    let j = i + 4;
    let column = 0;
    for (; isLetter(bytes[j]); j++) column = column * 26 + (bytes[j] & 0x1f);
    let row = 0;
    for (; isDigit(bytes[j]); j++) row = row * 10 + bytes[j] - 48;
    if (bytes[j] === QUOTE) {
      into.column = column;
      into.row = row;
      i = j + 1;
    }
  }
  for (;;) {
    let code = bytes[i];
    while (isSpace(code)) code = bytes[++i];
    if (code === GT) {
      into.end = i;
      return;
    }
    if (code === SLASH) {
      if (bytes[i + 1] === GT) {
        into.end = i + 1;
        into.empty = true;
        return;
      }
      i++;
      continue;
    }
    if (i >= length) return;
    // name="value" (or 'value'); `>` may appear inside a value.
    const nameStart = i;
    while (i < length && code !== EQUALS && code !== GT && !isSpace(code)) code = bytes[++i];
    const nameLength = i - nameStart;
    while (i < length && code !== QUOTE && code !== APOSTROPHE && code !== GT) code = bytes[++i];
    if (code === GT || i >= length) continue;
    const quote = code;
    const valueStart = ++i;
    while (i < length && bytes[i] !== quote) i++;
    const valueEnd = i++;
    if (nameLength !== 1) continue;
    const name = bytes[nameStart];
    if (name === 114 /* r */) {
      let j = valueStart;
      if (bytes[j] === 36 /* $ */) j++;
      let column = 0;
      for (; j < valueEnd && isLetter(bytes[j]); j++) column = column * 26 + (bytes[j] & 0x1f);
      if (bytes[j] === 36) j++;
      let row = 0;
      for (; j < valueEnd && isDigit(bytes[j]); j++) row = row * 10 + bytes[j] - 48;
      into.column = column;
      into.row = row;
    } else if (name === 115 /* s */) {
      let style = 0;
      for (let j = valueStart; j < valueEnd && isDigit(bytes[j]); j++) style = style * 10 + bytes[j] - 48;
      into.style = style;
    } else if (name === 116 /* t */) {
      into.type = cellType(bytes, valueStart, valueEnd);
    }
  }
}

const SHEET_DATA = ascii("sheetData");

/** Whether the namespace prefix (`x:`, or nothing) is at `index`. */
function prefixAt(bytes: Uint8Array, index: number, prefix: Uint8Array): boolean {
  if (prefix.length === 0) return true;
  for (let k = 0; k < prefix.length; k++) if (bytes[index + k] !== prefix[k]) return false;
  return true;
}

/** Reads the cells of the wanted tables on one sheet (its XML as bytes), and the merged areas that cross them. */
function readSheet(bytes: Uint8Array, sink: CellSink): Area[] {
  // `<sheetData>` and the namespace prefix its document uses, if any (`<x:sheetData>`).
  let open = -1;
  let prefixText = "";
  for (let i = find(bytes, SHEET_DATA, 0); i >= 0; i = find(bytes, SHEET_DATA, i + 1)) {
    const next = bytes[i + SHEET_DATA.length];
    if (!(next === GT || next === SLASH || isSpace(next))) continue;
    let lt = i - 1;
    while (lt >= 0 && bytes[lt] !== LT && bytes[lt] !== GT && !isSpace(bytes[lt])) lt--;
    if (lt >= 0 && bytes[lt] === LT) {
      open = lt;
      prefixText = utf8.decode(bytes.subarray(lt + 1, i));
      break;
    }
  }
  if (open < 0 || bytes[bytes.indexOf(GT, open) - 1] === SLASH) return [];
  const prefix = ascii(prefixText);
  const P = prefix.length;
  const closeCell = ascii(`</${prefixText}c>`);
  const closeRow = ascii(`</${prefixText}row>`);
  const closeData = ascii(`</${prefixText}sheetData>`);
  const { wanted } = sink;
  const bottom = Math.max(...wanted.map((w) => w.area.bottom));
  const left = Math.min(...wanted.map((w) => w.area.left));
  const right = Math.max(...wanted.map((w) => w.area.right));
  const attributes: TagAttributes = { row: 0, column: 0, style: 0, type: CellType.Number, end: -1, empty: false };
  const length = bytes.length;
  let row = 0;
  let column = 0;
  let targets: Wanted[] = [];
  let i = bytes.indexOf(GT, open) + 1;
  let dataEnd = -1;
  while (i < length) {
    // The next tag: after a cell it is usually the very next character.
    if (bytes[i] !== LT) {
      i = bytes.indexOf(LT, i);
      if (i < 0) break;
    }
    const name = i + 1 + P;
    if (P && !prefixAt(bytes, i + 1, prefix)) {
      if (bytes[i + 1] === SLASH && at(bytes, i, closeData)) {
        dataEnd = i;
        break;
      }
      i++;
      continue;
    }
    const first = bytes[name];
    const isCell = first === 99 /* c */ && !isLetter(bytes[name + 1]) && bytes[name + 1] !== 58; /* not `c…` or `c:` */
    const isRow = !isCell && first === 114 /* r */ && bytes[name + 1] === 111 /* o */ && bytes[name + 2] === 119 /* w */ && !isLetter(bytes[name + 3]);
    if (!isCell && !isRow) {
      if (bytes[i + 1] === SLASH && at(bytes, i, closeData)) {
        dataEnd = i;
        break;
      }
      i++;
      continue;
    }
    readAttributes(bytes, isRow ? name + 3 : name + 1, attributes);
    const gt = attributes.end;
    if (gt < 0) break;
    if (isRow) {
      row = attributes.row || row + 1;
      column = 0;
      i = gt + 1;
      if (row > bottom) break;
      targets = wanted.length === 1 ? (row >= wanted[0].area.top ? wanted : []) : wanted.filter((w) => row >= w.area.top && row <= w.area.bottom);
      if (!targets.length && !attributes.empty) {
        // Skip the row's cells without looking at them.
        const end = find(bytes, closeRow, i);
        if (end < 0) break;
        i = end + closeRow.length;
      }
      continue;
    }
    if (attributes.column) {
      column = attributes.column;
      row = attributes.row || row;
    } else column++;
    // Where the cell's value is, and where the next tag starts: `<c …><v>…</v></c>` is the common form.
    let valueStart = -1;
    let valueEnd = -1;
    let bodyEnd = -1;
    let v = gt + 2 + P;
    if (attributes.empty) i = gt + 1;
    else if (bytes[gt + 1] === LT && bytes[v] === 118 /* v */ && bytes[v + 1] === GT && prefixAt(bytes, gt + 2, prefix)) {
      valueStart = v + 2;
      valueEnd = valueStart;
      while (valueEnd < length && bytes[valueEnd] !== LT) valueEnd++;
      // `</v></c>`
      v = valueEnd + 2 + P;
      if (
        bytes[valueEnd + 1] === SLASH && bytes[v] === 118 && bytes[v + 1] === GT && bytes[v + 2] === LT && bytes[v + 3] === SLASH &&
        bytes[v + 4 + P] === 99 && bytes[v + 5 + P] === GT && prefixAt(bytes, valueEnd + 2, prefix) && prefixAt(bytes, v + 4, prefix)
      ) {
        i = v + 6 + P;
      } else {
        bodyEnd = find(bytes, closeCell, valueEnd);
        if (bodyEnd < 0) break;
        i = bodyEnd + closeCell.length;
      }
    } else {
      bodyEnd = find(bytes, closeCell, gt);
      if (bodyEnd < 0) break;
      i = bodyEnd + closeCell.length;
    }
    if (column < left || column > right || !targets.length) continue;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const { area } = target;
      if (column < area.left || column > area.right || row < area.top || row > area.bottom) continue;
      const r = row - area.top;
      const c = column - area.left;
      const header = r < target.part.headerRows;
      if (!header && target.columns) {
        if (!target.keep) keepColumns(target, target.part.headerRows ? target.headerCells : target.part.columns);
        if (!target.keep![c]) {
          // Past the last column read: the rest of the row is not looked at.
          if (targets.length === 1 && c > target.lastKept!) {
            const end = find(bytes, closeRow, i);
            if (end < 0) break;
            i = end + closeRow.length;
          }
          continue;
        }
      }
      const { type, style } = attributes;
      const value =
        attributes.empty ? null
        : valueStart >= 0 && type !== CellType.Inline ? valueOf(type, bytes, valueStart, valueEnd, style, sink)
        : bodyValue(type, bytes, gt + 1, bodyEnd, prefixText, style, sink);
      if (header) {
        if (r === 0) target.headerCells[c] = value;
      } else {
        const d = r - target.part.headerRows;
        if (d < target.rows.length) target.rows[d][c] = value;
      }
    }
  }
  const merges: Area[] = [];
  const tail = utf8.decode(bytes.subarray(dataEnd >= 0 ? dataEnd : Math.max(0, find(bytes, closeData, open))));
  for (const { attributes: merge } of elements(tail, "mergeCell")) {
    const area = parseArea(merge.get("ref") ?? "");
    if (area && wanted.some((w) => intersects(w.area, area))) merges.push(area);
  }
  return merges;
}

// ---------------------------------------------------------------------------------------------

/** Issues shared by both readers: merged cells inside a table and a table without a header row. */
export function tableIssues(part: TablePart, area: Area, headers: readonly unknown[], merges: readonly Area[]): RawIssue[] {
  const issues: RawIssue[] = [];
  const sheet = quoteSheet(part.sheet);
  if (part.headerRows === 0) {
    issues.push({
      cell: `${sheet}!${letters(area.left)}${area.top}`,
      message: `table ${part.name} has no header row, so its columns cannot be matched by name: turn on its header row (Table Design › Header Row)`,
    });
  }
  const firstData = area.top + part.headerRows;
  for (const merge of merges) {
    if (!intersects(merge, area)) continue;
    const range = `${letters(merge.left)}${merge.top}:${letters(merge.right)}${merge.bottom}`;
    const column = Math.max(merge.left, area.left) - area.left;
    const header = headers[column];
    issues.push({
      row: merge.top >= firstData ? merge.top - firstData + 1 : undefined,
      column: typeof header === "string" && header ? header : undefined,
      cell: `${sheet}!${range}`,
      message: `cells ${range} are merged; a table cannot hold merged cells: unmerge them (Home › Merge & Center)`,
    });
  }
  return issues;
}

/** A table's data rows (headers and totals left out). */
export function dataRowCount(part: TablePart, area: Area): number {
  return Math.max(0, area.bottom - area.top + 1 - part.headerRows - part.totalsRows);
}

/** The origin a RawTable gives: the header cell, or the row above the data when there is no header row. */
export const originOf = (part: TablePart, area: Area) => ({ row: part.headerRows ? area.top : area.top - 1, column: area.left });

/**
 * Reads the tables of an .xlsx file. `select` picks the tables to read, and their columns; the
 * others are listed in `parts` but their cells are not read.
 */
export async function readXlsxTables(data: ArrayBuffer | Uint8Array, select: TableSelection = EVERY_TABLE): Promise<XlsxContents> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return readWorkbookTables(await openWorkbookArchive(bytes), select);
}

/** Opens an .xlsx file's zip archive; a WorkbookOpenError saying what the file is when it is not one. */
export async function openWorkbookArchive(bytes: Uint8Array): Promise<Archive> {
  try {
    return await openArchive(bytes);
  } catch (e) {
    if (e instanceof ArchiveError) return fail(e.message.startsWith("it is not a zip") ? describeBytes(bytes) : e.message);
    throw e;
  }
}

/** readArchive, with anything that keeps the archive from being read as a workbook a WorkbookOpenError. */
export async function readWorkbookTables(archive: Archive, select: TableSelection = EVERY_TABLE): Promise<XlsxContents> {
  try {
    return await readArchive(archive, select);
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw e;
    if (e instanceof ArchiveError) return fail(e.message);
    return fail(`it is damaged or not a workbook Excel writes (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Reads the tables of an archive already opened (readXlsxTables does both, with clear errors). */
export async function readArchive(archive: Archive, select: TableSelection = EVERY_TABLE): Promise<XlsxContents> {
  const wanted = (name: string) => select(name) !== undefined;
  const root = await relationships(archive, "");
  const main = [...root.values()].find((r) => r.type.endsWith("/officeDocument") && !r.external)?.target ?? "xl/workbook.xml";
  const workbookXml = await archive.text(main);
  if (workbookXml === undefined) return fail(notAWorkbook(archive));
  if (!/<([\w.-]+:)?workbook[\s>]/.test(workbookXml)) return fail(notAWorkbook(archive));
  const links = await relationships(archive, main);
  const properties = elements(workbookXml, "workbookPr")[0]?.attributes;
  const date1904 = ["1", "true"].includes(properties?.get("date1904") ?? "");
  const sheets = elements(workbookXml, "sheet").map(({ attributes }) => ({
    name: attributes.get("name") ?? "",
    part: links.get(attributes.get("r:id") ?? attributes.get("id") ?? "")?.target,
  }));
  const linked = (suffix: string) => [...links.values()].find((r) => r.type.endsWith(suffix) && !r.external)?.target;

  // The shared strings first (every sheet needs them), then the table parts of every sheet
  // (small), then the cells of the sheets that hold a wanted table.
  const stringsPart = linked("/sharedStrings");
  const strings = stringsPart ? archive.text(stringsPart) : Promise.resolve(undefined);
  strings.catch(() => undefined);
  const perSheet = await Promise.all(
    sheets.map(async (sheet) => {
      if (!sheet.part) return { sheet, parts: [] as TablePart[], bytes: undefined };
      const rels = await relationships(archive, sheet.part);
      const tableParts = [...rels.values()].filter((r) => r.type.endsWith("/table") && !r.external).map((r) => r.target);
      const parts = await Promise.all(
        tableParts.map(async (path): Promise<TablePart | undefined> => {
          const xml = await archive.text(path);
          const table = xml ? elements(xml, "table")[0] : undefined;
          if (!table) return undefined;
          const a = table.attributes;
          const name = a.get("displayName") || a.get("name") || "";
          const ref = a.get("ref") ?? "";
          const area = parseArea(ref);
          if (!area) return fail(`table ${name || path} has no valid range (${ref || "none"})`);
          const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
          if (wanted(name) && cells > MAX_TABLE_CELLS) {
            return fail(`table ${name} spans ${cells.toLocaleString("en-US")} cells (${ref}), more than the ${MAX_TABLE_CELLS.toLocaleString("en-US")} the task pane reads`);
          }
          return {
            name,
            sheet: sheet.name,
            ref,
            headerRows: a.has("headerRowCount") ? Number(a.get("headerRowCount")) || 0 : 1,
            totalsRows: Number(a.get("totalsRowCount") ?? 0) || 0,
            columns: elements(table.body, "tableColumn").map((c) => decodeText(c.attributes.get("name") ?? "")),
          };
        }),
      );
      const found = parts.filter((p): p is TablePart => !!p);
      // A sheet with a wanted table starts inflating as soon as that is known.
      const bytes = found.some((p) => wanted(p.name)) ? archive.bytes(sheet.part) : undefined;
      bytes?.catch(() => undefined);
      return { sheet, parts: found, bytes };
    }),
  );

  const reading = perSheet.filter(({ parts }) => parts.some((p) => wanted(p.name)));
  const [stringsXml, dateStyle] = await Promise.all([strings, date1904 ? dateStyles(archive, linked("/styles")) : []]);
  const lookUp = stringsXml ? stringTable(stringsXml) : () => undefined;
  const sink = (targets: Wanted[]): CellSink => ({
    wanted: targets,
    string: lookUp,
    date1904,
    dateStyle,
  });

  // Sheets inflate (in a worker, in a browser) ahead of the reading, which takes them in order;
  // each is dropped once read.
  const tables: RawTable[] = [];
  for (const entry of reading) {
    const { sheet, parts } = entry;
    const sheetBytes = await entry.bytes;
    entry.bytes = undefined;
    if (sheetBytes === undefined) return fail(`its sheet ${sheet.name} is missing from the file`);
    const targets: Wanted[] = parts
      .filter((p) => wanted(p.name))
      .map((part) => {
        const area = parseArea(part.ref)!;
        const width = area.right - area.left + 1;
        const rows = Array.from({ length: dataRowCount(part, area) }, () => new Array<unknown>(width).fill(null));
        return { part, area, rows, headerCells: new Array<unknown>(width).fill(null), columns: select(part.name)?.columns };
      });
    const merges = readSheet(sheetBytes, sink(targets));
    for (const target of targets) {
      const { part, area } = target;
      const headers = part.headerRows ? target.headerCells.map(headerText) : Array.from({ length: area.right - area.left + 1 }, (_, c) => part.columns[c] ?? "");
      const issues = tableIssues(part, area, headers, merges);
      tables.push({ name: part.name, sheet: part.sheet, origin: originOf(part, area), headers, rows: target.rows, ...(issues.length ? { issues } : {}) });
    }
  }
  return { tables, parts: perSheet.flatMap(({ parts }) => parts), date1904, partNames: archive.names };
}

/** The cells of a workbook's first worksheet (its used range), for reading an export that is not a partner workbook. */
export interface SheetGrid {
  sheet: string;
  /** Row and column (1-based) of the grid's top-left cell. */
  origin: { row: number; column: number };
  /** The used range's cells, row by row, read as readXlsxTables reads a table's cells. */
  cells: unknown[][];
}

const CELL_REF = /<(?:[\w.-]+:)?c\s[^>]*?\br="\$?([A-Z]{1,3})\$?(\d+)"/g;

/** The range a sheet's cells cover: its `<dimension>`, or (when that is missing or says A1 only) the cells found. */
function usedArea(xml: string): Area | undefined {
  const dimension = parseArea(/<(?:[\w.-]+:)?dimension\s[^>]*\bref="([^"]+)"/.exec(xml)?.[1] ?? "");
  if (dimension && (dimension.bottom > dimension.top || dimension.right > dimension.left)) return dimension;
  let area: Area | undefined;
  for (const match of xml.matchAll(CELL_REF)) {
    const cell = parseArea(`${match[1]}${match[2]}`)!;
    area = area
      ? { top: Math.min(area.top, cell.top), left: Math.min(area.left, cell.left), bottom: Math.max(area.bottom, cell.bottom), right: Math.max(area.right, cell.right) }
      : cell;
  }
  return area;
}

/** Reads the first worksheet of an .xlsx file as a grid of cells (a WorkbookOpenError when it is not a workbook). */
export async function readFirstSheet(data: ArrayBuffer | Uint8Array): Promise<SheetGrid> {
  const archive = await openWorkbookArchive(data instanceof Uint8Array ? data : new Uint8Array(data));
  try {
    const root = await relationships(archive, "");
    const main = [...root.values()].find((r) => r.type.endsWith("/officeDocument") && !r.external)?.target ?? "xl/workbook.xml";
    const workbookXml = await archive.text(main);
    if (workbookXml === undefined || !/<([\w.-]+:)?workbook[\s>]/.test(workbookXml)) return fail(notAWorkbook(archive));
    const links = await relationships(archive, main);
    const properties = elements(workbookXml, "workbookPr")[0]?.attributes;
    const date1904 = ["1", "true"].includes(properties?.get("date1904") ?? "");
    const linked = (suffix: string) => [...links.values()].find((r) => r.type.endsWith(suffix) && !r.external)?.target;
    const first = elements(workbookXml, "sheet")
      .map(({ attributes }) => ({ name: attributes.get("name") ?? "", link: links.get(attributes.get("r:id") ?? attributes.get("id") ?? "") }))
      .find((s) => s.link?.type.endsWith("/worksheet"));
    if (!first?.link) return fail("it has no worksheet");
    const bytes = await archive.bytes(first.link.target);
    if (bytes === undefined) return fail(`its sheet ${first.name} is missing from the file`);
    const area = usedArea(utf8.decode(bytes));
    if (!area) return { sheet: first.name, origin: { row: 1, column: 1 }, cells: [] };
    const cellCount = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cellCount > MAX_TABLE_CELLS) return fail(`its sheet ${first.name} spans ${cellCount.toLocaleString("en-US")} cells, more than the ${MAX_TABLE_CELLS.toLocaleString("en-US")} the task pane reads`);
    const stringsPart = linked("/sharedStrings");
    const [stringsXml, dateStyle] = await Promise.all([stringsPart ? archive.text(stringsPart) : undefined, date1904 ? dateStyles(archive, linked("/styles")) : []]);
    const width = area.right - area.left + 1;
    const part: TablePart = { name: first.name, sheet: first.name, ref: "", headerRows: 0, totalsRows: 0, columns: [] };
    const rows = Array.from({ length: area.bottom - area.top + 1 }, () => new Array<unknown>(width).fill(null));
    readSheet(bytes, {
      wanted: [{ part, area, rows, headerCells: [] }],
      string: stringsXml ? stringTable(stringsXml) : () => undefined,
      date1904,
      dateStyle,
    });
    return { sheet: first.name, origin: { row: area.top, column: area.left }, cells: rows };
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw e;
    if (e instanceof ArchiveError) return fail(e.message);
    return fail(`it is damaged or not a workbook Excel writes (${e instanceof Error ? e.message : String(e)})`);
  }
}
