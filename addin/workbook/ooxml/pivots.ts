/** Pivot caches over a table the add-in resized: marked to refresh when Excel next opens the file. */
import { type OoxmlPackage, REL } from "./package";
import { type Area, intersects, parseArea } from "./refs";
import { elements, setAttribute } from "./xml";

/**
 * Sets `refreshOnLoad` on every pivot cache whose source is the table (by name) or a range of its
 * sheet that overlaps it, so that pivot tables count the rows a save added or removed.
 */
export async function refreshPivotsOver(pkg: OoxmlPackage, workbookPart: string, table: { name: string; sheet: string; area: Area }): Promise<void> {
  for (const link of await pkg.relationships(workbookPart)) {
    if (link.external || link.type !== REL.pivotCacheDefinition) continue;
    const xml = await pkg.text(link.target);
    const source = xml ? elements(xml, "worksheetSource")[0]?.attributes : undefined;
    if (!xml || !source) continue;
    const byName = source.get("name")?.toLowerCase() === table.name.toLowerCase();
    const area = parseArea(source.get("ref") ?? "");
    const byRange = area && (source.get("sheet") ?? "").toLowerCase() === table.sheet.toLowerCase() && intersects(area, table.area);
    if (!byName && !byRange) continue;
    const tag = /<([\w.-]+:)?pivotCacheDefinition(?=[\s>])[^>]*>/.exec(xml);
    if (!tag || /\srefreshOnLoad="(1|true)"/.test(tag[0])) continue;
    pkg.setText(link.target, xml.slice(0, tag.index) + setAttribute(tag[0], "refreshOnLoad", "1") + xml.slice(tag.index + tag[0].length));
  }
}
