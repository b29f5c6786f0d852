/**
 * An existing worksheet part, patched in place. Cells are found by scanning `<sheetData>`; a
 * change rewrites only the `<row>` elements it touches (their other cells kept as written) and
 * the few attributes it must (`<dimension>`, the `sqref` of validations and conditional formats
 * that follow a table's column). Everything else — conditional formats, validations, `extLst`
 * with x14 content and sparklines, drawings, protection, panes, print settings — stays byte for
 * byte as it was, attribute order and namespace prefixes included.
 */
import { NS } from "./package";
import { shiftFormula } from "./shared-formulas";
import type { SharedStrings } from "./strings";
import { type Area, cellRef, columnNumber, formatArea, moveAreaEnds, parseArea } from "./refs";
import { attributesOf, decodeXml, elements, encodeText, escapeXml, rootPrefix, setAttribute } from "./xml";

const RELATIONSHIPS_NS = NS.relationships;

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

const isSpace = (ch: string | undefined) => ch === " " || ch === ">" || ch === "/" || ch === "\t" || ch === "\n" || ch === "\r";

/**
 * The sheet's rows, split out of `<sheetData>` once: each row's element and the text before it
 * (whitespace, comments), so that an edit replaces a few strings of an array rather than copying
 * the whole part, and the part's text is put together again only when it is asked for.
 */
interface Rows {
  /** The part's text up to `<sheetData>`'s content (its start tag included, written open). */
  head: string;
  /** Each row element, the text before it, and its number, in order. */
  xml: string[];
  gaps: string[];
  numbers: number[];
  /** The text after the last row: `</sheetData>` and the rest of the part. */
  tail: string;
}

export class Worksheet {
  readonly prefix: string;
  private split?: Rows;
  /** The part's text as last put together (the original until an edit). */
  private joined?: string;
  private arrayAreas?: { anchor: string; area: Area }[];

  constructor(private readonly original: string) {
    this.prefix = rootPrefix(original);
    this.joined = original;
  }

  /** A copy to change, leaving this one as it is (the rows are shared until either changes them: cheap). */
  copy(): Worksheet {
    const copy = new Worksheet(this.original);
    if (this.split) copy.split = { head: this.split.head, tail: this.split.tail, xml: [...this.split.xml], gaps: [...this.split.gaps], numbers: [...this.split.numbers] };
    copy.joined = this.joined;
    copy.arrayAreas = this.arrayAreas;
    return copy;
  }

  get text(): string {
    if (this.joined === undefined) {
      const rows = this.split!;
      const body: string[] = [];
      for (let i = 0; i < rows.xml.length; i++) body.push(rows.gaps[i], rows.xml[i]);
      this.joined = rows.head + body.join("") + rows.tail;
    }
    return this.joined;
  }

  private tag(name: string): string {
    return `<${this.prefix}${name}`;
  }

  /** The rows, split out of the part the first time they are needed. */
  private rows(): Rows {
    if (this.split) return this.split;
    const xml = this.original;
    const open = new RegExp(`<${this.prefix}sheetData(?=[\\s/>])[^>]*>`).exec(xml);
    if (!open) throw new Error("the worksheet has no sheetData");
    const start = open.index + open[0].length;
    if (open[0].endsWith("/>")) {
      const tag = open[0].slice(0, -2) + ">";
      this.split = { head: xml.slice(0, open.index) + tag, xml: [], gaps: [], numbers: [], tail: `</${this.prefix}sheetData>` + xml.slice(start) };
      return this.split;
    }
    const end = xml.indexOf(`</${this.prefix}sheetData>`, start);
    if (end < 0) throw new Error("the worksheet's sheetData does not end");
    const rows: Rows = { head: xml.slice(0, start), xml: [], gaps: [], numbers: [], tail: "" };
    const rowOpen = this.tag("row");
    const close = `</${this.prefix}row>`;
    let copied = start;
    let at = xml.indexOf(rowOpen, start);
    let last = 0;
    while (at >= 0 && at < end) {
      if (!isSpace(xml[at + rowOpen.length])) {
        at = xml.indexOf(rowOpen, at + 1);
        continue;
      }
      const gt = xml.indexOf(">", at);
      const selfClosed = xml[gt - 1] === "/";
      const r = readRowNumber(xml, at, gt) ?? last + 1;
      const stop = selfClosed ? gt + 1 : xml.indexOf(close, gt) + close.length;
      rows.gaps.push(xml.slice(copied, at));
      rows.xml.push(xml.slice(at, stop));
      rows.numbers.push(r);
      last = r;
      copied = stop;
      at = xml.indexOf(rowOpen, stop);
    }
    rows.tail = xml.slice(copied);
    this.split = rows;
    return rows;
  }

  /** The position of row `r` in the rows, or where it would go (as `-(insertion point) - 1`). */
  private position(r: number): number {
    const numbers = this.rows().numbers;
    let lo = 0;
    let hi = numbers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] === r) return mid;
      if (numbers[mid] < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  /**
   * The cells of a row element, as written, and what else the row holds after them (an `extLst`),
   * which a row written again keeps.
   */
  private cellsOf(text: string, r: number): { tag: string; cells: CellXml[]; rest: string } {
    const gt = text.indexOf(">");
    const tag = text.slice(0, gt + 1);
    const cells: CellXml[] = [];
    if (tag.endsWith("/>")) return { tag, cells, rest: "" };
    let rest = "";
    let copied = gt + 1;
    const open = this.tag("c");
    const close = `</${this.prefix}c>`;
    let column = 0;
    let at = text.indexOf(open, gt);
    while (at >= 0) {
      if (!isSpace(text[at + open.length])) {
        at = text.indexOf(open, at + 1);
        continue;
      }
      const end = text.indexOf(">", at);
      const selfClosed = text[end - 1] === "/";
      const stop = selfClosed ? end + 1 : text.indexOf(close, end) + close.length;
      rest += text.slice(copied, at);
      copied = stop;
      let cell = text.slice(at, stop);
      const ref = /\sr=["']\$?([A-Za-z]+)\$?\d*["']/.exec(cell.slice(0, end - at + 1));
      column = ref ? columnNumber(ref[1].toUpperCase()) : column + 1;
      // A cell without `r` gets one, so that cells added beside it cannot shift it.
      if (!ref) cell = setAttribute(cell.slice(0, end - at + 1), "r", cellRef(r, column)) + cell.slice(end - at + 1);
      cells.push({ column, text: cell });
      at = text.indexOf(open, stop);
    }
    rest += text.slice(copied, text.lastIndexOf("</"));
    return { tag, cells, rest };
  }

  /** A cell's XML, or undefined when the sheet has no such cell. */
  cellXml(row: number, column: number): string | undefined {
    const at = this.position(row);
    return at >= 0 ? this.cellsOf(this.rows().xml[at], row).cells.find((c) => c.column === column)?.text : undefined;
  }

  /** What a cell holds, or undefined when the sheet has no such cell. */
  cell(row: number, column: number): CellInfo | undefined {
    const text = this.cellXml(row, column);
    return text === undefined ? undefined : readCellXml(text);
  }

  /** The cells of rows `top`..`bottom` in columns `left`..`right`, by row then column. */
  cellsIn(area: Area): Map<number, Map<number, CellXml>> {
    const found = new Map<number, Map<number, CellXml>>();
    const rows = this.rows();
    const first = this.position(area.top);
    for (let i = first >= 0 ? first : -first - 1; i < rows.numbers.length && rows.numbers[i] <= area.bottom; i++) {
      const cells = this.cellsOf(rows.xml[i], rows.numbers[i]).cells.filter((c) => c.column >= area.left && c.column <= area.right);
      if (cells.length) found.set(rows.numbers[i], new Map(cells.map((c) => [c.column, c])));
    }
    return found;
  }

  /**
   * Applies cell edits: each row touched is written again with its untouched cells as they were,
   * rows that do not exist yet are added in order, and `<dimension>` grows to cover new cells.
   */
  edit(edits: CellEdits): void {
    if (!edits.size) return;
    const rows = this.rows();
    const added: { r: number; xml: string }[] = [];
    let grown: Area | undefined;
    for (const [r, changes] of edits) {
      const at = this.position(r);
      let tag = `<${this.prefix}row r="${r}">`;
      let cells: CellXml[] = [];
      let rest = "";
      if (at >= 0) ({ tag, cells, rest } = this.cellsOf(rows.xml[at], r));
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
      const fixedTag =
        spans && columns.length && (columns[0] < Number(spans[1]) || columns.at(-1)! > Number(spans[2]))
          ? setAttribute(openTag, "spans", `${Math.min(columns[0], Number(spans[1]))}:${Math.max(columns.at(-1)!, Number(spans[2]))}`)
          : openTag;
      const xml = `${fixedTag}${body}${rest}</${this.prefix}row>`;
      if (at >= 0) rows.xml[at] = xml;
      else if (body) added.push({ r, xml });
    }
    if (added.length) {
      // New rows go in order among the others: most often all after the last one.
      added.sort((a, b) => a.r - b.r);
      const last = rows.numbers.at(-1) ?? 0;
      if (added[0].r > last) {
        for (const row of added) {
          rows.gaps.push("");
          rows.xml.push(row.xml);
          rows.numbers.push(row.r);
        }
      } else {
        const merged: Rows = { head: rows.head, tail: rows.tail, xml: [], gaps: [], numbers: [] };
        let k = 0;
        for (let i = 0; i <= rows.numbers.length; i++) {
          const next = i < rows.numbers.length ? rows.numbers[i] : Infinity;
          while (k < added.length && added[k].r < next) {
            merged.gaps.push("");
            merged.xml.push(added[k].xml);
            merged.numbers.push(added[k++].r);
          }
          if (i < rows.numbers.length) {
            merged.gaps.push(rows.gaps[i]);
            merged.xml.push(rows.xml[i]);
            merged.numbers.push(rows.numbers[i]);
          }
        }
        this.split = merged;
      }
    }
    this.joined = undefined;
    this.arrayAreas = undefined;
    if (grown) this.growDimension(grown);
  }

  /** Makes `<dimension ref>` cover `area` too (it never shrinks: a larger one is harmless). */
  private growDimension(area: Area): void {
    const rows = this.rows();
    const m = new RegExp(`<${this.prefix}dimension\\s[^>]*>`).exec(rows.head);
    if (!m) return;
    const current = parseArea(attributesOf(m[0]).get("ref") ?? "");
    const union = current
      ? { top: Math.min(current.top, area.top), left: Math.min(current.left, area.left), bottom: Math.max(current.bottom, area.bottom), right: Math.max(current.right, area.right) }
      : area;
    if (current && formatArea(union) === formatArea(current)) return;
    rows.head = rows.head.slice(0, m.index) + setAttribute(m[0], "ref", formatArea(union)) + rows.head.slice(m.index + m[0].length);
    this.joined = undefined;
  }

  /** The sheet is protected (`<sheetProtection sheet="1">`): Excel lets nobody change its locked cells or tables. */
  get isProtected(): boolean {
    const m = new RegExp(`<${this.prefix}sheetProtection\\s[^>]*>`).exec(this.rows().tail);
    const sheet = m ? attributesOf(m[0]).get("sheet") : undefined;
    return sheet === "1" || sheet === "true";
  }

  /** The area of the sheet's own filter (Data › Filter, not a table's), if it has one. */
  get autoFilter(): Area | undefined {
    const m = new RegExp(`<${this.prefix}autoFilter\\s[^>]*>`).exec(this.rows().tail);
    return m ? parseArea(attributesOf(m[0].replace(/\/?>$/, "")).get("ref") ?? "") : undefined;
  }

  /**
   * Lists table part `relId` (a relationship of this sheet) in `<tableParts>`, adding the element
   * where the worksheet schema puts it (last but for `extLst`) when the sheet has no table yet.
   */
  addTablePart(relId: string): void {
    const rows = this.rows();
    const p = this.prefix;
    // The prefix the document binds to the relationships namespace (`r` nearly always); else bound here.
    const bound = new RegExp(`xmlns:([\\w.-]+)="${RELATIONSHIPS_NS.replaceAll(".", "\\.")}"`).exec(rows.head)?.[1];
    const part = bound ? `<${p}tablePart ${bound}:id="${relId}"/>` : `<${p}tablePart xmlns:r="${RELATIONSHIPS_NS}" r:id="${relId}"/>`;
    const existing = new RegExp(`<${p}tableParts(?=[\\s/>])[^>]*?(/?)>`).exec(rows.tail);
    if (existing) {
      const count = (rows.tail.match(new RegExp(`<${p}tablePart(?=[\\s/>])`, "g")) ?? []).length + 1;
      const open = setAttribute(existing[0].replace(/\s*\/>$/, ">"), "count", String(count));
      const close = `</${p}tableParts>`;
      const rest = rows.tail.slice(existing.index + existing[0].length);
      rows.tail = existing[1]
        ? rows.tail.slice(0, existing.index) + open + part + close + rest
        : rows.tail.slice(0, existing.index) + open + rest.replace(close, part + close);
    } else {
      const element = `<${p}tableParts count="1">${part}</${p}tableParts>`;
      const ext = new RegExp(`<${p}extLst[\\s>]`).exec(rows.tail);
      const at = ext ? ext.index : rows.tail.lastIndexOf(`</${p}worksheet>`);
      rows.tail = rows.tail.slice(0, at) + element + rows.tail.slice(at);
    }
    this.joined = undefined;
  }

  /** Merged areas. */
  merges(): Area[] {
    return elements(this.rows().tail, "mergeCell").flatMap((m) => {
      const area = parseArea(m.attributes.get("ref") ?? "");
      return area ? [area] : [];
    });
  }

  /** Areas of array formulas (legacy and dynamic): a formula `<f t="array" ref="…">` owns its area. */
  arrays(): { anchor: string; area: Area }[] {
    if (this.arrayAreas) return this.arrayAreas;
    const found: { anchor: string; area: Area }[] = [];
    const pattern = new RegExp(`<${this.prefix}f\\s[^>]*t="array"[^>]*>`, "g");
    for (const row of this.rows().xml) {
      if (!row.includes('t="array"')) continue;
      for (const m of row.matchAll(pattern)) {
        const area = parseArea(attributesOf(m[0]).get("ref") ?? "");
        if (area) found.push({ anchor: cellRef(area.top, area.left), area });
      }
    }
    this.arrayAreas = found;
    return found;
  }

  /**
   * Every cell of shared formula `si`, each with its own formula: the first cell's formula moved by
   * the cell's offset from it (see shared-formulas.ts), its cached value kept.
   */
  unshared(si: string): { row: number; column: number; text: string }[] {
    const master = this.sharedMaster(si);
    if (!master) return [];
    const members: { row: number; column: number; text: string }[] = [];
    const rows = this.rows();
    const pattern = /<([\w.-]+:)?f(\s[^>]*)?(\/>|>([^<]*)<\/([\w.-]+:)?f>)/;
    for (let i = 0; i < rows.xml.length; i++) {
      if (!rows.xml[i].includes(`si="${si}"`)) continue;
      for (const cell of this.cellsOf(rows.xml[i], rows.numbers[i]).cells) {
        const f = pattern.exec(cell.text);
        if (!f || !/\st="shared"/.test(f[2] ?? "") || attributesOf(f[2] ?? "").get("si") !== si) continue;
        const formula = shiftFormula(master.formula, rows.numbers[i] - master.row, cell.column - master.column);
        const text = cell.text.slice(0, f.index) + `<${f[1] ?? ""}f>${escapeXml(formula)}</${f[1] ?? ""}f>` + cell.text.slice(f.index + f[0].length);
        members.push({ row: rows.numbers[i], column: cell.column, text });
      }
    }
    return members;
  }

  /** The cell and formula text of shared formula `si`'s master (the cell whose `<f t="shared" si>` has a `ref`). */
  private sharedMaster(si: string): { row: number; column: number; formula: string } | undefined {
    const rows = this.rows();
    for (let i = 0; i < rows.xml.length; i++) {
      if (!rows.xml[i].includes(`si="${si}"`)) continue;
      for (const cell of this.cellsOf(rows.xml[i], rows.numbers[i]).cells) {
        const info = readCellXml(cell.text);
        if (info.formula?.type === "shared" && info.formula.si === si && info.formula.ref !== undefined && info.formula.text) {
          return { row: rows.numbers[i], column: cell.column, formula: info.formula.text };
        }
      }
    }
    return undefined;
  }

  /**
   * Moves the end of every data validation and conditional format area (and their x14 forms in
   * `extLst`) that ends on row `from` within columns `left`..`right` to row `to`.
   */
  moveRangeEnds(from: number, to: number, left: number, right: number, firstRow: number): void {
    if (from === to) return;
    const rows = this.rows();
    const moved = rows.tail
      .replace(new RegExp(`(<${this.prefix}(?:dataValidation|conditionalFormatting)(?=\\s)[^>]*?\\ssqref=")([^"]*)(")`, "g"), (all, a: string, sqref: string, b: string) => {
        const next = moveAreaEnds(sqref, from, to, left, right, firstRow);
        return next ? `${a}${next}${b}` : all;
      })
      .replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (all, a: string, sqref: string, b: string) => {
        const next = moveAreaEnds(sqref, from, to, left, right, firstRow);
        return next ? `${a}${next}${b}` : all;
      });
    if (moved !== rows.tail) {
      rows.tail = moved;
      this.joined = undefined;
    }
  }
}

/** The `r` of a row's start tag `xml[from, to]`, read without making a string of the tag. */
function readRowNumber(xml: string, from: number, to: number): number | undefined {
  const at = xml.indexOf(" r=", from);
  if (at < 0 || at > to) return undefined;
  const quote = xml.charCodeAt(at + 3);
  if (quote !== 34 && quote !== 39) return undefined;
  let n = 0;
  for (let i = at + 4; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code === 34 || code === 39) return n;
    if (code < 48 || code > 57) return undefined;
    n = n * 10 + code - 48;
  }
  return undefined;
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
 * string, so that no shared string changes — or, in a workbook the add-in creates, as an index
 * into its shared strings (`strings`); a dynamic array formula carries `cm` (the index of the
 * workbook's dynamic-array cell metadata, see metadata.ts) and `t="array"` with its spill area.
 * `undefined` for a blank cell with the default format (the cell is better left out).
 */
export function cellXml(prefix: string, ref: string, content: CellContent, style = 0, dynamicArray = 1, strings?: SharedStrings): string | undefined {
  const s = style ? ` s="${style}"` : "";
  const c = `${prefix}c`;
  if (content === null) return style ? `<${c} r="${ref}"${s}/>` : undefined;
  if (typeof content === "number") return `<${c} r="${ref}"${s}><${prefix}v>${encodeNumber(content)}</${prefix}v></${c}>`;
  if (typeof content === "boolean") return `<${c} r="${ref}"${s} t="b"><${prefix}v>${content ? 1 : 0}</${prefix}v></${c}>`;
  if (typeof content === "string" && strings) return `<${c} r="${ref}"${s} t="s"><${prefix}v>${strings.add(content)}</${prefix}v></${c}>`;
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
