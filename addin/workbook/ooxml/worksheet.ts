/**
 * An existing worksheet part, patched in place. Cells are found by scanning `<sheetData>`; a
 * change rewrites only the `<row>` elements it touches (their other cells kept as written) and
 * the few attributes it must (`<dimension>`, the `sqref` of validations and conditional formats
 * that follow a table's column). Everything else — conditional formats, validations, `extLst`
 * with x14 content and sparklines, drawings, protection, panes, print settings — stays byte for
 * byte as it was, attribute order and namespace prefixes included.
 */
import { type Area, cellRef, columnNumber, formatArea, moveAreaEnds, parseArea } from "./refs";
import { attributesOf, decodeXml, elements, encodeText, escapeXml, rootPrefix, setAttribute } from "./xml";

interface RowEntry {
  r: number;
  /** The row element's `<` and the index just past its end. */
  start: number;
  end: number;
}

/** A cell as written in the part. */
export interface CellXml {
  column: number;
  text: string;
}

/** What a cell holds, read from its XML. */
export interface CellInfo {
  text: string;
  style: number;
  /** `t`: s, str, b, e, n, inlineStr, d. */
  type: string;
  /** The `<v>` text (decoded), or undefined. */
  value?: string;
  formula?: { text: string; type?: string; ref?: string; si?: string };
  /** The cell holds a value or a formula (not only a style). */
  filled: boolean;
}

/** Cell edits: by row, by column, the cell's new XML (`null` removes the cell). */
export type CellEdits = Map<number, Map<number, string | null>>;

export class Worksheet {
  readonly prefix: string;
  private rowsIndex?: RowEntry[];
  private arrayAreas?: { anchor: string; area: Area }[];

  constructor(private xml: string) {
    this.prefix = rootPrefix(xml);
  }

  get text(): string {
    return this.xml;
  }

  private tag(name: string): string {
    return `<${this.prefix}${name}`;
  }

  /** Where `<sheetData>`'s content starts and ends (`start === end` when it is written empty). */
  private dataBounds(): { start: number; end: number; empty: boolean; open: number } {
    const open = new RegExp(`<${this.prefix}sheetData(?=[\\s/>])[^>]*>`).exec(this.xml);
    if (!open) throw new Error("the worksheet has no sheetData");
    const start = open.index + open[0].length;
    if (open[0].endsWith("/>")) return { start, end: start, empty: true, open: open.index };
    const end = this.xml.indexOf(`</${this.prefix}sheetData>`, start);
    if (end < 0) throw new Error("the worksheet's sheetData does not end");
    return { start, end, empty: false, open: open.index };
  }

  /** Every row element, in order (rows without `r` numbered after the one before). */
  private rows(): RowEntry[] {
    if (this.rowsIndex) return this.rowsIndex;
    const { start, end } = this.dataBounds();
    const rows: RowEntry[] = [];
    const open = this.tag("row");
    const close = `</${this.prefix}row>`;
    let at = this.xml.indexOf(open, start);
    let last = 0;
    while (at >= 0 && at < end) {
      const next = this.xml[at + open.length];
      if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") {
        at = this.xml.indexOf(open, at + 1);
        continue;
      }
      const gt = this.xml.indexOf(">", at);
      const tag = this.xml.slice(at, gt + 1);
      const r = Number(/\sr="(\d+)"/.exec(tag)?.[1] ?? last + 1);
      const stop = tag.endsWith("/>") ? gt + 1 : this.xml.indexOf(close, gt) + close.length;
      rows.push({ r, start: at, end: stop });
      last = r;
      at = this.xml.indexOf(open, stop);
    }
    this.rowsIndex = rows;
    return rows;
  }

  private findRow(r: number): RowEntry | undefined {
    const rows = this.rows();
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].r === r) return rows[mid];
      if (rows[mid].r < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The cells of a row element, as written. */
  private cellsOf(row: RowEntry): { tag: string; cells: CellXml[] } {
    const text = this.xml.slice(row.start, row.end);
    const gt = text.indexOf(">");
    const tag = text.slice(0, gt + 1);
    const cells: CellXml[] = [];
    if (tag.endsWith("/>")) return { tag, cells };
    const open = this.tag("c");
    const close = `</${this.prefix}c>`;
    let column = 0;
    let at = text.indexOf(open, gt);
    while (at >= 0) {
      const next = text[at + open.length];
      if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") {
        at = text.indexOf(open, at + 1);
        continue;
      }
      const end = text.indexOf(">", at);
      const selfClosed = text[end - 1] === "/";
      const stop = selfClosed ? end + 1 : text.indexOf(close, end) + close.length;
      let cell = text.slice(at, stop);
      const ref = /\sr="\$?([A-Za-z]+)\$?\d*"/.exec(cell.slice(0, end - at + 1));
      column = ref ? columnNumber(ref[1].toUpperCase()) : column + 1;
      // A cell without `r` gets one, so that cells added beside it cannot shift it.
      if (!ref) cell = setAttribute(cell.slice(0, end - at + 1), "r", cellRef(row.r, column)) + cell.slice(end - at + 1);
      cells.push({ column, text: cell });
      at = text.indexOf(open, stop);
    }
    return { tag, cells };
  }

  /** A cell's XML, or undefined when the sheet has no such cell. */
  cellXml(row: number, column: number): string | undefined {
    const entry = this.findRow(row);
    return entry ? this.cellsOf(entry).cells.find((c) => c.column === column)?.text : undefined;
  }

  /** What a cell holds, or undefined when the sheet has no such cell. */
  cell(row: number, column: number): CellInfo | undefined {
    const text = this.cellXml(row, column);
    return text === undefined ? undefined : readCellXml(text);
  }

  /** The cells of rows `top`..`bottom` in columns `left`..`right`, by row then column. */
  cellsIn(area: Area): Map<number, Map<number, CellXml>> {
    const found = new Map<number, Map<number, CellXml>>();
    for (const row of this.rows()) {
      if (row.r < area.top || row.r > area.bottom) continue;
      const cells = this.cellsOf(row).cells.filter((c) => c.column >= area.left && c.column <= area.right);
      if (cells.length) found.set(row.r, new Map(cells.map((c) => [c.column, c])));
    }
    return found;
  }

  /** Every row number the sheet has an element for, from `from` on. */
  rowNumbersFrom(from: number): number[] {
    return this.rows()
      .filter((r) => r.r >= from)
      .map((r) => r.r);
  }

  /**
   * Applies cell edits: each row touched is written again with its untouched cells as they were,
   * rows that do not exist yet are added in order, and `<dimension>` grows to cover new cells.
   */
  edit(edits: CellEdits): void {
    if (!edits.size) return;
    const bounds = this.dataBounds();
    const rows = [...edits.keys()].sort((a, b) => a - b);
    const pieces: string[] = [];
    let copied = bounds.start;
    const index = this.rows();
    let k = 0;
    let grown: Area | undefined;
    for (const r of rows) {
      while (k < index.length && index[k].r < r) k++;
      const existing = index[k] && index[k].r === r ? index[k] : undefined;
      const changes = edits.get(r)!;
      let tag = `<${this.prefix}row r="${r}">`;
      let cells: CellXml[] = [];
      if (existing) ({ tag, cells } = this.cellsOf(existing));
      const byColumn = new Map(cells.map((c) => [c.column, c.text]));
      for (const [column, text] of changes) {
        if (text === null) byColumn.delete(column);
        else {
          byColumn.set(column, text);
          grown = grown ? { top: Math.min(grown.top, r), left: Math.min(grown.left, column), bottom: Math.max(grown.bottom, r), right: Math.max(grown.right, column) } : { top: r, left: column, bottom: r, right: column };
        }
      }
      const columns = [...byColumn.keys()].sort((a, b) => a - b);
      const body = columns.map((c) => byColumn.get(c)).join("");
      const openTag = tag.endsWith("/>") ? tag.slice(0, -2) + ">" : tag;
      const spans = /\sspans="(\d+):(\d+)"/.exec(openTag);
      const fixedTag = spans && columns.length && (columns[0] < Number(spans[1]) || columns.at(-1)! > Number(spans[2])) ? setAttribute(openTag, "spans", `${Math.min(columns[0], Number(spans[1]))}:${Math.max(columns.at(-1)!, Number(spans[2]))}`) : openTag;
      const rowXml = body || !/^<[\w.:-]*row r="\d+">$/.test(fixedTag) || existing ? `${fixedTag}${body}</${this.prefix}row>` : "";
      if (existing) {
        pieces.push(this.xml.slice(copied, existing.start), rowXml);
        copied = existing.end;
      } else {
        const before = index[k]?.start ?? bounds.end;
        pieces.push(this.xml.slice(copied, before), rowXml);
        copied = before;
      }
    }
    this.xml = bounds.empty
      ? this.xml.slice(0, bounds.open) + `<${this.prefix}sheetData>` + pieces.join("") + `</${this.prefix}sheetData>` + this.xml.slice(bounds.start)
      : this.xml.slice(0, bounds.start) + pieces.join("") + this.xml.slice(copied);
    this.rowsIndex = undefined;
    this.arrayAreas = undefined;
    if (grown) this.growDimension(grown);
  }

  /** Makes `<dimension ref>` cover `area` too (it never shrinks: a larger one is harmless). */
  private growDimension(area: Area): void {
    const m = new RegExp(`<${this.prefix}dimension\\s[^>]*>`).exec(this.xml);
    if (!m) return;
    const current = parseArea(attributesOf(m[0]).get("ref") ?? "");
    const union = current
      ? { top: Math.min(current.top, area.top), left: Math.min(current.left, area.left), bottom: Math.max(current.bottom, area.bottom), right: Math.max(current.right, area.right) }
      : area;
    if (current && formatArea(union) === formatArea(current)) return;
    this.xml = this.xml.slice(0, m.index) + setAttribute(m[0], "ref", formatArea(union)) + this.xml.slice(m.index + m[0].length);
  }

  /** The sheet is protected (`<sheetProtection sheet="1">`): Excel lets nobody change its locked cells or tables. */
  get isProtected(): boolean {
    const m = new RegExp(`<${this.prefix}sheetProtection\\s[^>]*>`).exec(this.xml);
    const sheet = m ? attributesOf(m[0]).get("sheet") : undefined;
    return sheet === "1" || sheet === "true";
  }

  /** Merged areas. */
  merges(): Area[] {
    const tail = this.xml.slice(this.dataBounds().end);
    return elements(tail, "mergeCell").flatMap((m) => {
      const area = parseArea(m.attributes.get("ref") ?? "");
      return area ? [area] : [];
    });
  }

  /** Cells the sheet refers to from outside sheetData: hyperlinks (by `ref`). */
  hyperlinks(): Area[] {
    const tail = this.xml.slice(this.dataBounds().end);
    return elements(tail, "hyperlink").flatMap((m) => (m.attributes.get("ref") ?? "").split(/\s+/).flatMap((ref) => parseArea(ref) ?? []));
  }

  /** Areas of array formulas (legacy and dynamic): a formula `<f t="array" ref="…">` owns its area. */
  arrays(): { anchor: string; area: Area }[] {
    if (this.arrayAreas) return this.arrayAreas;
    const found: { anchor: string; area: Area }[] = [];
    const { start, end } = this.dataBounds();
    const pattern = new RegExp(`<${this.prefix}f\\s[^>]*t="array"[^>]*>`, "g");
    pattern.lastIndex = start;
    for (let m = pattern.exec(this.xml); m && m.index < end; m = pattern.exec(this.xml)) {
      const area = parseArea(attributesOf(m[0]).get("ref") ?? "");
      if (!area) continue;
      found.push({ anchor: cellRef(area.top, area.left), area });
    }
    this.arrayAreas = found;
    return found;
  }

  /** The text of shared formula `si`'s master cell (the cell whose `<f t="shared" si>` has a `ref`). */
  sharedFormula(si: string): string | undefined {
    const pattern = new RegExp(`<${this.prefix}f\\s[^>]*t="shared"[^>]*>`, "g");
    for (let m = pattern.exec(this.xml); m; m = pattern.exec(this.xml)) {
      const a = attributesOf(m[0]);
      if (a.get("si") !== si || !a.has("ref") || m[0].endsWith("/>")) continue;
      const close = this.xml.indexOf("<", m.index + m[0].length);
      return decodeXml(this.xml.slice(m.index + m[0].length, close));
    }
    return undefined;
  }

  /**
   * Moves the end of every data validation and conditional format area (and their x14 forms in
   * `extLst`) that ends on row `from` within columns `left`..`right` to row `to`.
   */
  moveRangeEnds(from: number, to: number, left: number, right: number, firstRow: number): void {
    if (from === to) return;
    const tailStart = this.dataBounds().end;
    const tail = this.xml.slice(tailStart);
    const moved = tail
      .replace(new RegExp(`(<${this.prefix}(?:dataValidation|conditionalFormatting)(?=\\s)[^>]*?\\ssqref=")([^"]*)(")`, "g"), (all, a: string, sqref: string, b: string) => {
        const next = moveAreaEnds(sqref, from, to, left, right, firstRow);
        return next ? `${a}${next}${b}` : all;
      })
      .replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (all, a: string, sqref: string, b: string) => {
        const next = moveAreaEnds(sqref, from, to, left, right, firstRow);
        return next ? `${a}${next}${b}` : all;
      });
    if (moved !== tail) this.xml = this.xml.slice(0, tailStart) + moved;
  }
}

/** Reads a cell's XML. */
export function readCellXml(text: string): CellInfo {
  const gt = text.indexOf(">");
  const tag = text.slice(0, gt + 1);
  const a = attributesOf(tag.replace(/\/?>$/, ""));
  const info: CellInfo = { text, style: Number(a.get("s") ?? 0), type: a.get("t") ?? "n", filled: false };
  if (tag.endsWith("/>")) return info;
  const body = text.slice(gt + 1);
  const f = /<(?:[\w.-]+:)?f(?=[\s/>])([^>]*)>/.exec(body);
  if (f) {
    const fa = attributesOf(f[1].replace(/\/$/, ""));
    const formulaText = f[1].endsWith("/") ? "" : decodeXml(body.slice(f.index + f[0].length, body.indexOf("<", f.index + f[0].length)));
    info.formula = { text: formulaText, type: fa.get("t"), ref: fa.get("ref"), si: fa.get("si") };
    info.filled = true;
  }
  const v = /<(?:[\w.-]+:)?v>([^<]*)</.exec(body);
  if (v) {
    info.value = decodeXml(v[1]);
    if (v[1] !== "") info.filled = true;
  }
  if (/<(?:[\w.-]+:)?is[\s>]/.test(body)) info.filled = true;
  return info;
}

/** A formula's cached result: a value, or an Excel error such as `#N/A`. */
export type Cached = number | string | boolean | { error: string } | null;

/** What a new cell holds: a value, or a formula in the file's form (no `=`, `_xlfn.` and `_xldudf_` names). */
export type CellContent =
  | number
  | string
  | boolean
  | null
  | {
      formula: string;
      result?: Cached;
      /** The area a dynamic array formula spills into (its cell is the area's top-left). */
      spill?: string;
    };

const encodeNumber = (n: number): string => (Number.isFinite(n) ? String(n) : "0");

/**
 * A cell's XML: `ref` (`B12`), its content and its cell format `s`. Text is written as an inline
 * string, so that no shared string changes; a dynamic array formula carries `cm` (the index of the
 * workbook's dynamic-array cell metadata, see metadata.ts) and `t="array"` with its spill area.
 * `undefined` for a blank cell with the default format (the cell is better left out).
 */
export function cellXml(prefix: string, ref: string, content: CellContent, style = 0, dynamicArray = 1): string | undefined {
  const s = style ? ` s="${style}"` : "";
  const c = `${prefix}c`;
  if (content === null) return style ? `<${c} r="${ref}"${s}/>` : undefined;
  if (typeof content === "number") return `<${c} r="${ref}"${s}><${prefix}v>${encodeNumber(content)}</${prefix}v></${c}>`;
  if (typeof content === "boolean") return `<${c} r="${ref}"${s} t="b"><${prefix}v>${content ? 1 : 0}</${prefix}v></${c}>`;
  if (typeof content === "string") {
    const space = /^\s|\s$|\n/.test(content) ? ` xml:space="preserve"` : "";
    return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${encodeText(content)}</${prefix}t></${prefix}is></${c}>`;
  }
  const { formula, result, spill } = content;
  let type = "";
  let value = "";
  if (typeof result === "number") value = encodeNumber(result);
  else if (typeof result === "boolean") [type, value] = [` t="b"`, result ? "1" : "0"];
  else if (typeof result === "string") [type, value] = [` t="str"`, encodeText(result)];
  else if (result && typeof result === "object") [type, value] = [` t="e"`, escapeXml(result.error)];
  const f = spill ? `<${prefix}f t="array" ref="${spill}">${escapeXml(formula)}</${prefix}f>` : `<${prefix}f>${escapeXml(formula)}</${prefix}f>`;
  const v = result === undefined || result === null ? "" : `<${prefix}v>${value}</${prefix}v>`;
  return `<${c} r="${ref}"${s}${type}${spill ? ` cm="${dynamicArray}"` : ""}>${f}${v}</${c}>`;
}

/** A cell's XML moved to `ref` (only its `r` changes). */
export function movedCell(text: string, ref: string): string {
  const gt = text.indexOf(">");
  return setAttribute(text.slice(0, gt + 1), "r", ref) + text.slice(gt + 1);
}
