/**
 * Comparing a saved workbook with the file it came from, part by part: which parts are the file's
 * own bytes, and, for each part a save changed, whether it changed only where the save had to —
 * the cells of the tables it wrote, the tables' extent, what it appended.
 */
import { OoxmlPackage } from "../../addin/workbook/ooxml/package";
import { type Area, columnNumber, parseArea } from "../../addin/workbook/ooxml/refs";
import { tablesOf } from "../../addin/workbook/ooxml/tables";
import { sheetsOf, workbookPartOf } from "../../addin/workbook/ooxml/workbook-part";
import { type Archive, openArchive } from "../../addin/workbook/ooxml/zip";

export interface PartComparison {
  /** Parts whose content and stored (compressed) bytes are the original's. */
  same: string[];
  /** Parts whose content changed. */
  changed: string[];
  /** Parts the save added, and parts it lost. */
  added: string[];
  lost: string[];
  before: Archive;
  after: Archive;
}

export async function compareParts(original: Uint8Array, saved: Uint8Array): Promise<PartComparison> {
  const [before, after] = await Promise.all([openArchive(original), openArchive(saved)]);
  const result: PartComparison = { same: [], changed: [], added: after.names.filter((n) => !before.has(n)), lost: before.names.filter((n) => !after.has(n)), before, after };
  for (const name of before.names) {
    if (!after.has(name)) continue;
    const [a, b] = await Promise.all([before.bytes(name), after.bytes(name)]);
    if (equalBytes(a!, b!)) {
      // Copied, not inflated and deflated again: the stored bytes are the file's own.
      if (!equalBytes(before.stored!(name)!.data, after.stored!(name)!.data)) throw new Error(`${name}: same content, but stored differently`);
      result.same.push(name);
    } else result.changed.push(name);
  }
  return result;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A cell's XML by address, from a worksheet's text. */
function cellsOf(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  const data = /<([\w.-]+:)?sheetData[\s>][\s\S]*?<\/([\w.-]+:)?sheetData>/.exec(xml)?.[0] ?? "";
  for (const m of data.matchAll(/<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/g)) cells.set(m[1], m[0]);
  return cells;
}

const inAreas = (ref: string, areas: readonly Area[]) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const row = Number(m[2]);
  const column = columnNumber(m[1]);
  return areas.some((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);
};

/**
 * Why a changed worksheet differs from the original beyond the edit, or [] when it does not: every
 * cell outside `areas` (the written tables' cells) is as it was, and outside `<sheetData>` only the
 * dimension, row attributes and the areas of validations and formats may differ.
 */
export function worksheetOutsideEdits(before: string, after: string, areas: readonly Area[]): string[] {
  const problems: string[] = [];
  const a = cellsOf(before);
  const b = cellsOf(after);
  for (const [ref, xml] of a) {
    if (inAreas(ref, areas)) continue;
    if (b.get(ref) !== xml) problems.push(`cell ${ref} changed outside the edited tables: ${xml} → ${b.get(ref) ?? "(gone)"}`);
  }
  for (const ref of b.keys()) if (!a.has(ref) && !inAreas(ref, areas)) problems.push(`cell ${ref} added outside the edited tables`);
  const rest = (xml: string) =>
    xml
      .replace(/<([\w.-]+:)?sheetData[\s>][\s\S]*?<\/([\w.-]+:)?sheetData>/, "<sheetData/>")
      .replace(/(<(?:[\w.-]+:)?dimension\s[^>]*ref=")[^"]*"/, '$1…"')
      .replace(/\ssqref="[^"]*"/g, ' sqref="…"')
      .replace(/<xm:sqref>[^<]*<\/xm:sqref>/g, "<xm:sqref>…</xm:sqref>");
  if (rest(before) !== rest(after)) problems.push("the worksheet changed outside its cells, dimension and validation/format areas");
  return problems;
}

/** A table part's text with `ref` values elided (the only thing a save changes in one). */
export const tableWithoutRefs = (xml: string) => xml.replace(/\sref="[^"]*"/g, ' ref="…"');

/** The areas of `sqref`s before and after: each changed one only had its end moved. */
export function areasOnlyExtended(before: string, after: string): string[] {
  const list = (xml: string) => [...xml.matchAll(/\ssqref="([^"]*)"|<xm:sqref>([^<]*)<\/xm:sqref>/g)].map((m) => m[1] ?? m[2]);
  const [a, b] = [list(before), list(after)];
  if (a.length !== b.length) return [`${a.length} validation/format areas before, ${b.length} after`];
  const problems: string[] = [];
  a.forEach((refs, i) => {
    if (refs === b[i]) return;
    const x = refs.split(/\s+/).map(parseArea);
    const y = b[i].split(/\s+/).map(parseArea);
    if (x.length !== y.length || x.some((area, k) => !area || !y[k] || area.top !== y[k]!.top || area.left !== y[k]!.left || area.right !== y[k]!.right)) problems.push(`area ${refs} became ${b[i]}`);
  });
  return problems;
}

/**
 * Whether `after` is `before` with things added and nothing else: every tag and text of `before`
 * is found in `after`, in order (element `count` attributes aside).
 */
export function onlyAdded(before: string, after: string): boolean {
  const tokens = (xml: string) => xml.replace(/\scount="\d+"/g, "").match(/<[^>]+>|[^<]+/g) ?? [];
  const b = tokens(after);
  let at = 0;
  for (const token of tokens(before)) {
    while (at < b.length && b[at] !== token) at++;
    if (at === b.length) return false;
    at++;
  }
  return true;
}

/** The areas of the tables on each worksheet part of a file (before or after a save), by part name. */
export async function tableAreasByPart(bytes: Uint8Array): Promise<Map<string, Area[]>> {
  const pkg = await OoxmlPackage.open(bytes);
  const sheets = await sheetsOf(pkg, await workbookPartOf(pkg));
  const areas = new Map<string, Area[]>();
  for (const table of await tablesOf(pkg, sheets)) areas.set(table.sheetPart, [...(areas.get(table.sheetPart) ?? []), table.area]);
  return areas;
}
