/**
 * Reading an export from another system (a CRM report, a PRM partner list, an ERP file) as a grid
 * of headers and rows: an .xlsx file's first worksheet, or CSV/TSV text in whatever encoding and
 * separator the export used. What was detected is returned with the grid, so the preview can say
 * it. Runs in a browser and in Node alike (no DOM, no Node modules).
 */
import Papa from "papaparse";
import { WorkbookOpenError } from "../workbook/open-error";
import { readFirstSheet } from "../workbook/xlsx-read";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type Separator = "," | ";" | "\t";

/** How an export was written, as far as reading it told. */
export type Dialect =
  | { format: "xlsx"; sheet: string }
  | { format: "csv"; encoding: Encoding; bom: boolean; separator: Separator };

export interface ExportGrid {
  /** The first non-empty row, trimmed. */
  headers: string[];
  /** The rows below the headers (blank rows left out), each as long as `headers` at least. */
  rows: unknown[][];
  /** Each row's number in the file (1 = the file's first row; a CSV record with line breaks counts once). */
  rowNumbers: number[];
  dialect: Dialect;
}

/** An export that cannot be read; the message says what the file is and what to do. */
export class ExportReadError extends Error {
  override readonly name = "ExportReadError";
}

const SEPARATORS: Separator[] = [",", ";", "\t"];

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The text of CSV bytes: the encoding a byte order mark names, else UTF-8 if the bytes are valid UTF-8, else windows-1252. */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: Encoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  // UTF-16 without a mark: ASCII text leaves every other byte zero.
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    const half = sample.length / 2;
    if (oddZero > half * 0.6 && evenZero === 0) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le", bom: false };
    if (evenZero > half * 0.6 && oddZero === 0) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be", bom: false };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", bom: false };
  } catch {
    return { text: windows1252(bytes), encoding: "windows-1252", bom: false };
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (elsewhere it is Latin-1); unassigned bytes stay as they are. */
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Decodes windows-1252 bytes (Node's TextDecoder reads that label as Latin-1, which has no €, – or quotes). */
function windows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return text;
}

const isBlankCell = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** Headers and rows of a grid: headers are the first row with anything in it; blank rows are left out. */
function toGrid(cells: readonly unknown[][], firstRowNumber: number, dialect: Dialect): ExportGrid {
  let top = 0;
  while (top < cells.length && cells[top].every(isBlankCell)) top++;
  const headerCells = cells[top] ?? [];
  let width = headerCells.length;
  while (width > 0 && isBlankCell(headerCells[width - 1])) width--;
  const headers = headerCells.slice(0, width).map((h) => (isBlankCell(h) ? "" : String(h).replace(/\s+/g, " ").trim()));
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  for (let r = top + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankCell)) continue;
    const cellsOf = row.length >= width ? row : [...row, ...new Array<null>(width - row.length).fill(null)];
    rows.push(cellsOf.map((v) => (v === undefined || v === "" ? null : v)));
    rowNumbers.push(firstRowNumber + r);
  }
  return { headers, rows, rowNumbers, dialect };
}

/** Reads CSV/TSV text (quoted fields may hold separators, line breaks and doubled quotes). */
export function readDelimited(text: string, encoding: Encoding = "utf-8", bom = false): ExportGrid {
  // The separator is guessed on the first rows with blank lines left out (a blank line has one
  // field, which would make every separator look inconsistent); the whole text is then read with it.
  const guessed = Papa.parse<string[]>(text, { delimitersToGuess: SEPARATORS, skipEmptyLines: "greedy", preview: 50 }).meta.delimiter as Separator;
  const separator = SEPARATORS.includes(guessed) ? guessed : ",";
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: false });
  return toGrid(parsed.data, 1, { format: "csv", encoding, bom, separator });
}

/**
 * Reads an export: an .xlsx file (recognised by its bytes, whatever its name) as its first
 * worksheet, anything else as CSV/TSV text. `fileName` only words the messages.
 */
export async function readExport(bytes: Uint8Array, fileName: string): Promise<ExportGrid> {
  if (isZip(bytes)) {
    try {
      const sheet = await readFirstSheet(bytes);
      return toGrid(sheet.cells, sheet.origin.row, { format: "xlsx", sheet: sheet.sheet });
    } catch (e) {
      if (e instanceof WorkbookOpenError) throw new ExportReadError(e.message.replace("This file", fileName));
      throw e;
    }
  }
  if (bytes.length === 0) throw new ExportReadError(`${fileName} is empty.`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ExportReadError(`${fileName} is an Excel 97–2003 workbook (.xls); open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV.`);
  }
  const { text, encoding, bom } = decodeExport(bytes);
  return readDelimited(text, encoding, bom);
}
