/**
 * Table parts (`xl/tables/tableN.xml`, Excel's ListObjects): found through each sheet's
 * relationships, resized by changing only `ref` (and the `ref` of its autoFilter and sort state)
 * so that filter buttons, styles, totals and everything else of the table stay as they were,
 * and made new for Set up workbook.
 */
import type { OoxmlPackage } from "./package";
import { type Area, formatArea, parseArea } from "./refs";
import { decodeText, elements, escapeAttribute, escapeXml, setAttribute } from "./xml";

export interface TableColumn {
  name: string;
  /** A calculated column's formula (as the file stores it), which Excel fills into new rows. */
  calculated?: string;
}

export interface TableEntry {
  /** The table part's name. */
  part: string;
  /** The worksheet part and the sheet's name. */
  sheetPart: string;
  sheet: string;
  id: number;
  /** `displayName`, the name formulas use (falls back to `name`). */
  name: string;
  area: Area;
  headerRows: number;
  totalsRows: number;
  columns: TableColumn[];
}

/** Every table of the given sheets, in sheet order. */
export async function tablesOf(pkg: OoxmlPackage, sheets: readonly { name: string; part?: string }[]): Promise<TableEntry[]> {
  const found: TableEntry[] = [];
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    for (const rel of await pkg.relationships(sheet.part)) {
      if (rel.external || !rel.type.endsWith("/table")) continue;
      const xml = await pkg.text(rel.target);
      const table = xml ? elements(xml, "table")[0] : undefined;
      if (!table) continue;
      const a = table.attributes;
      const area = parseArea(a.get("ref") ?? "");
      if (!area) continue;
      found.push({
        part: rel.target,
        sheetPart: sheet.part,
        sheet: sheet.name,
        id: Number(a.get("id") ?? 0),
        name: a.get("displayName") || a.get("name") || "",
        area,
        headerRows: a.has("headerRowCount") ? Number(a.get("headerRowCount")) || 0 : 1,
        totalsRows: Number(a.get("totalsRowCount") ?? 0) || 0,
        columns: elements(table.body, "tableColumn").map((c) => {
          const formula = elements(c.body, "calculatedColumnFormula")[0];
          return { name: decodeText(c.attributes.get("name") ?? ""), ...(formula && formula.body ? { calculated: decodeText(formula.body) } : {}) };
        }),
      });
    }
  }
  return found;
}

/** A table part's text with the table covering `area`: only `ref` of the table, its autoFilter and its sort state change. */
export function resizedTable(xml: string, area: Area): string {
  const ref = formatArea(area);
  let out = xml.replace(/<([\w.-]+:)?table(?=[\s>])[^>]*>/, (tag) => setAttribute(tag, "ref", ref));
  out = out.replace(/<([\w.-]+:)?autoFilter(?=[\s/>])[^>]*>/, (tag) => setAttribute(tag, "ref", ref));
  // A sort state covers the data rows (the header row is not sorted).
  out = out.replace(/<([\w.-]+:)?sortState(?=[\s/>])[^>]*>/, (tag) => {
    const current = parseArea(/\sref="([^"]*)"/.exec(tag)?.[1] ?? "");
    return current ? setAttribute(tag, "ref", formatArea({ ...current, bottom: area.bottom })) : tag;
  });
  return out;
}

/** A new table part, with a header row, filter buttons and a table style, as Excel writes one. */
export function tablePartXml(id: number, name: string, area: Area, columns: readonly string[], style = "TableStyleMedium2"): string {
  const ref = formatArea(area);
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttribute(c)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttribute(name)}" displayName="${escapeAttribute(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
