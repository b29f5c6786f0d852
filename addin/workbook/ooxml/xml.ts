/**
 * Just enough XML for SpreadsheetML parts, read and patched as text. Parts are machine-written,
 * so a scanner over the text is enough, much faster than building a document, and — what matters
 * for writing — leaves every byte it does not touch exactly as it was: attribute order, namespace
 * prefixes, whitespace. Element names may carry any namespace prefix (`<x:row>`).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
/** OOXML's escape for characters XML cannot hold (`_x000D_`); `_x005F_` escapes the underscore itself. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== "#") return ENTITIES[name];
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** The text of a SpreadsheetML string: entities and `_xHHHH_` escapes decoded. */
export function decodeText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes("_x") ? decoded.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

/** Text for an element's content: `&`, `<` and `>` escaped. */
export const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text for an attribute value in double quotes. */
export const escapeAttribute = (text: string): string => escapeXml(text).replace(/"/g, "&quot;");

/** Characters XML 1.0 cannot hold at all (controls other than tab, line feed and carriage return). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A cell's text as SpreadsheetML stores it: XML-escaped, characters XML cannot hold as `_xHHHH_`,
 * and an underscore that would read as such an escape written `_x005F_`, so the text reads back
 * exactly as given.
 */
export function encodeText(text: string): string {
  const guarded = text.includes("_x") ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : text;
  const safe = guarded.replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(safe);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A start tag's attributes, by full name (`r:id`) and, where no other attribute has it, by local name (`id`). */
export function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const value = decodeXml(m[2] ?? m[3]);
    found.set(m[1], value);
    const colon = m[1].indexOf(":");
    if (colon >= 0 && !m[1].startsWith("xmlns")) {
      const local = m[1].slice(colon + 1);
      if (!found.has(local)) found.set(local, value);
    }
  }
  return found;
}

export interface Element {
  attributes: Map<string, string>;
  /** The text between the start and end tags; `""` for an empty element. */
  body: string;
  /** Where the element starts (its `<`) and ends (just after its end tag or `/>`) in the text searched. */
  start: number;
  end: number;
  /** The start tag, as written. */
  tag: string;
}

/** Every `name` element (any prefix) in `xml`, in document order. Elements of that name must not nest. */
export function elements(xml: string, name: string): Element[] {
  const found: Element[] = [];
  const start = new RegExp(`<([\\w.-]+:)?${name.replace(/\./g, "\\.")}(?=[\\s/>])([^>]*)>`, "g");
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    const tag = m[0];
    if (m[2].endsWith("/")) {
      found.push({ attributes: attributesOf(m[2].slice(0, -1)), body: "", start: m.index, end: start.lastIndex, tag });
      continue;
    }
    const close = `</${m[1] ?? ""}${name}>`;
    const end = xml.indexOf(close, start.lastIndex);
    if (end < 0) break;
    found.push({ attributes: attributesOf(m[2]), body: xml.slice(start.lastIndex, end), start: m.index, end: end + close.length, tag });
    start.lastIndex = end + close.length;
  }
  return found;
}

/** The first `name` element (any prefix) in `xml`, or undefined. */
export const firstElement = (xml: string, name: string): Element | undefined => elements(xml, name)[0];

/** The namespace prefix (`x:`, or `""`) the document's root element uses. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([\w.-]+:)?[\w.-]+[\s/>]/.exec(xml);
  return m?.[1] ?? "";
}

/**
 * `tag` (a start tag as written) with attribute `name` set to `value` (escaped here): replaced in
 * place where the tag has it, otherwise added at the end. Every other byte of the tag is kept.
 */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = escapeAttribute(value);
  const existing = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (existing.test(tag)) return tag.replace(existing, (_, lead: string) => `${lead}"${escaped}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escaped}"${tag.slice(close)}`;
}

/** `tag` without attribute `name` (unchanged when it has none). */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** `xml` with `insert` placed at `at`. */
export const spliceText = (xml: string, at: number, remove: number, insert: string): string => xml.slice(0, at) + insert + xml.slice(at + remove);

export interface Child {
  /** Local name (no prefix). */
  name: string;
  start: number;
  end: number;
}

/**
 * The direct children of the first `parent` element, in order, with where each starts and ends.
 * Nested elements are skipped by depth, and a `sheetData` child (most of a worksheet) by its end
 * tag, so finding a worksheet's children does not walk its cells.
 */
export function childrenOf(xml: string, parent: string): { prefix: string; open: number; bodyStart: number; bodyEnd: number; children: Child[] } | undefined {
  const open = new RegExp(`<([\\w.-]+:)?${parent}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!open) return undefined;
  const prefix = open[1] ?? "";
  const bodyStart = open.index + open[0].length;
  if (open[0].endsWith("/>")) return { prefix, open: open.index, bodyStart, bodyEnd: bodyStart, children: [] };
  const children: Child[] = [];
  let depth = 0;
  let current: Child | undefined;
  let i = bodyStart;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return undefined;
    const next = xml[lt + 1];
    if (next === "!" || next === "?") {
      const close = next === "!" && xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) + 3 : xml.indexOf(">", lt) + 1;
      i = close;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return undefined;
    if (next === "/") {
      if (depth === 0) return { prefix, open: open.index, bodyStart, bodyEnd: lt, children };
      depth--;
      if (depth === 0 && current) current.end = gt + 1;
      i = gt + 1;
      continue;
    }
    const name = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(xml.slice(lt, lt + 64))?.[1] ?? "";
    const empty = xml[gt - 1] === "/";
    if (depth === 0) {
      current = { name, start: lt, end: gt + 1 };
      children.push(current);
      if (!empty && name === "sheetData") {
        const close = xml.indexOf(`</${prefix}sheetData>`, gt);
        if (close < 0) return undefined;
        current.end = close + `</${prefix}sheetData>`.length;
        i = current.end;
        continue;
      }
    }
    if (!empty) depth++;
    i = gt + 1;
  }
}

/**
 * Where a new child element goes in a parent whose children must come in schema order: before the
 * first direct child named in `following` (the elements the schema puts after it), else before the
 * parent's end tag. -1 when there is no such parent, or it is written empty (`<parent/>`).
 */
export function insertionPoint(xml: string, parent: string, following: readonly string[]): number {
  const found = childrenOf(xml, parent);
  if (!found || found.bodyEnd === found.bodyStart && xml[found.bodyStart - 2] === "/") return -1;
  const child = found.children.find((c) => following.includes(c.name));
  return child ? child.start : found.bodyEnd;
}
