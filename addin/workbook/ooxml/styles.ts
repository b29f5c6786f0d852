/**
 * The workbook's cell formats (`xl/styles.xml`), append-only: a cell format, font, fill or number
 * format is added only when none of the existing ones is the one needed, and the existing ones are
 * never rewritten or renumbered, so every cell of the workbook keeps its look.
 */
import { attributesOf, elements, escapeAttribute } from "./xml";

/** Built-in number formats (ECMA-376 18.8.30) the workbook layer may ask for, by format code. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};
export const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** Whether a number format code shows a date or time (text in quotes and brackets aside). */
export const isDateFormat = (code: string): boolean => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** How a new cell should look; everything left out is the workbook's default. */
export interface CellLook {
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour and solid fill colour, as RRGGBB. */
  colour?: string;
  fill?: string;
  /** Wrapped text, from the top of the cell (Excel's default, the bottom, leaves a gap above short text in a tall row). */
  wrap?: boolean;
}

interface List {
  /** The collection element's name (`cellXfs`) and its children's (`xf`). */
  parent: string;
  child: string;
  items: string[];
  added: string[];
}

export class Styles {
  private readonly lists: Record<"numFmts" | "fonts" | "fills" | "cellXfs", List>;
  private readonly formatCodes = new Map<number, string>();
  private readonly cache = new Map<string, number>();

  constructor(private readonly xml: string) {
    const list = (parent: string, child: string): List => {
      const found = elements(xml, parent)[0];
      return { parent, child, items: found ? elements(found.body, child).map((e) => normalise(found.body.slice(e.start, e.end))) : [], added: [] };
    };
    this.lists = { numFmts: list("numFmts", "numFmt"), fonts: list("fonts", "font"), fills: list("fills", "fill"), cellXfs: list("cellXfs", "xf") };
    for (const item of this.lists.numFmts.items) {
      const a = attributesOf(item);
      this.formatCodes.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
  }

  /** Whether anything was added since the part was read. */
  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.added.length > 0);
  }

  /** Number of cell formats (the next index `s` may take is this). */
  get cellFormats(): number {
    return this.lists.cellXfs.items.length + this.lists.cellXfs.added.length;
  }

  private cellFormat(s: number): string {
    const all = this.lists.cellXfs;
    return all.items[s] ?? all.added[s - all.items.length] ?? all.items[0] ?? `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  /** The number format code of cell format `s`. */
  formatCode(s: number): string {
    const id = Number(attributesOf(startTag(this.cellFormat(s))).get("numFmtId") ?? 0);
    return this.formatCodes.get(id) ?? Object.entries(BUILT_IN_FORMATS).find(([, n]) => n === id)?.[0] ?? (BUILT_IN_DATE_FORMATS.has(id) ? "m/d/yyyy" : "General");
  }

  /** Whether cell format `s` shows numbers as dates. */
  isDate(s: number): boolean {
    const id = Number(attributesOf(startTag(this.cellFormat(s))).get("numFmtId") ?? 0);
    const code = this.formatCodes.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  }

  private numberFormatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    for (const [id, existing] of this.formatCodes) if (existing === code) return id;
    const id = Math.max(163, ...this.formatCodes.keys()) + 1;
    this.formatCodes.set(id, code);
    this.lists.numFmts.added.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return id;
  }

  /** Index of `item` in `list`, appended when no existing one is the same. */
  private indexOf(list: List, item: string): number {
    const wanted = normalise(item);
    const at = list.items.indexOf(wanted);
    if (at >= 0) return at;
    const added = list.added.indexOf(wanted);
    if (added >= 0) return list.items.length + added;
    list.added.push(wanted);
    return list.items.length + list.added.length - 1;
  }

  /** Cell format `s` with number format `code` (the same format when it already has it). */
  withNumberFormat(s: number, code: string): number {
    const key = `n|${s}|${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const base = this.cellFormat(s);
    const tag = startTag(base);
    let changed = setOrAdd(tag, "numFmtId", String(this.numberFormatId(code)));
    changed = setOrAdd(changed, "applyNumberFormat", "1");
    const index = changed === tag && s < this.cellFormats ? s : this.indexOf(this.lists.cellXfs, changed + base.slice(tag.length));
    this.cache.set(key, index);
    return index;
  }

  /** A cell format that looks as asked, from the workbook's default font and fill. */
  look(look: CellLook): number {
    const key = `l|${JSON.stringify(look)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let fontId = 0;
    if (look.bold || look.size || look.colour) {
      let font = this.lists.fonts.items[0] ?? `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
      font = font.replace(/<b\/>|<b\s[^>]*\/>/g, "");
      if (look.size) font = /<sz\s/.test(font) ? font.replace(/<sz\s+val="[^"]*"\s*\/>/, `<sz val="${look.size}"/>`) : font.replace("<font>", `<font><sz val="${look.size}"/>`);
      if (look.colour) font = /<color\s/.test(font) ? font.replace(/<color\s[^>]*\/>/, `<color rgb="FF${look.colour}"/>`) : font.replace("</font>", `<color rgb="FF${look.colour}"/></font>`);
      if (look.bold) font = font.replace(/^<font([^>]*)>/, "<font$1><b/>");
      fontId = this.indexOf(this.lists.fonts, font);
    }
    const fillId = look.fill
      ? this.indexOf(this.lists.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const numFmtId = look.numberFormat ? this.numberFormatId(look.numberFormat) : 0;
    const applied = [numFmtId ? ` applyNumberFormat="1"` : "", fontId ? ` applyFont="1"` : "", fillId ? ` applyFill="1"` : "", look.wrap ? ` applyAlignment="1"` : ""].join("");
    const body = look.wrap ? `><alignment vertical="top" wrapText="1"/></xf>` : "/>";
    const index = this.indexOf(this.lists.cellXfs, `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${body}`);
    this.cache.set(key, index);
    return index;
  }

  /** The part's text with what was added (unchanged when nothing was). */
  toXml(): string {
    let xml = this.xml;
    for (const list of [this.lists.numFmts, this.lists.fonts, this.lists.fills, this.lists.cellXfs]) {
      if (!list.added.length) continue;
      const count = list.items.length + list.added.length;
      const existing = new RegExp(`<([\\w.-]+:)?${list.parent}(\\s[^>]*)?(/?)>`).exec(xml);
      if (existing) {
        const prefix = existing[1] ?? "";
        const added = list.added.map((item) => prefixed(item, prefix)).join("");
        const tag = setOrAdd(existing[3] ? existing[0].slice(0, -2) + ">" : existing[0], "count", String(count));
        if (existing[3]) {
          xml = xml.slice(0, existing.index) + tag + added + `</${prefix}${list.parent}>` + xml.slice(existing.index + existing[0].length);
        } else {
          const close = xml.indexOf(`</${prefix}${list.parent}>`, existing.index);
          xml = xml.slice(0, existing.index) + tag + xml.slice(existing.index + existing[0].length, close) + added + xml.slice(close);
        }
      } else {
        // Only numFmts may be missing in a workbook that has styles at all: it is the first child.
        const root = /<([\w.-]+:)?styleSheet\b[^>]*>/.exec(xml);
        if (!root) throw new Error("the styles part has no styleSheet element");
        const prefix = root[1] ?? "";
        const element = `<${prefix}${list.parent} count="${count}">${list.added.map((i) => prefixed(i, prefix)).join("")}</${prefix}${list.parent}>`;
        xml = xml.slice(0, root.index + root[0].length) + element + xml.slice(root.index + root[0].length);
      }
    }
    return xml;
  }
}

/** The first start tag of an element's text. */
const startTag = (element: string): string => element.slice(0, element.indexOf(">") + 1);

/** An element's text without a namespace prefix and with its start tag's whitespace evened out, for comparing. */
function normalise(element: string): string {
  return element.replace(/<(\/?)[\w.-]+:/g, "<$1").replace(/\s+/g, " ").replace(/ (\/?>)/g, "$1");
}

function prefixed(element: string, prefix: string): string {
  return prefix ? element.replace(/<(\/?)(?![\w.-]+:)/g, `<$1${prefix}`) : element;
}

function setOrAdd(tag: string, name: string, value: string): string {
  const existing = new RegExp(`\\s${name}="[^"]*"`);
  if (existing.test(tag)) return tag.replace(existing, ` ${name}="${value}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${value}"${tag.slice(close)}`;
}
