/**
 * The dynamic-array metadata (`xl/metadata.xml`). Excel marks a formula that spills with `cm`,
 * an index into the part's cell metadata whose record points at the `XLDAPR` metadata type and
 * its `dynamicArrayProperties` (fDynamic). Without it Excel reads the formula as a legacy array
 * formula of fixed size (shown in braces) or adds `@` to it. A workbook that already has the part
 * (Excel wrote it for its own spills, or for data types) keeps it, with a record added only when
 * it has none for dynamic arrays.
 */
import { CONTENT_TYPE, NS, type OoxmlPackage, REL, XML_DECLARATION, insertBeforeEnd } from "./package";
import { childrenOf, elements, setAttribute } from "./xml";

const DYNAMIC_ARRAY_URI = "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}";
const XDA = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";
const TYPE =
  `<metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" ` +
  `rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/>`;
const BLOCK = `<bk><extLst><ext uri="${DYNAMIC_ARRAY_URI}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk>`;

/** The part as Excel writes it for a workbook whose only metadata is dynamic arrays. */
export const DYNAMIC_ARRAY_METADATA =
  `${XML_DECLARATION}<metadata xmlns="${NS.main}" xmlns:xda="${XDA}">` +
  `<metadataTypes count="1">${TYPE}</metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1">${BLOCK}</futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/**
 * The `cm` value that marks a cell's formula as a dynamic array, adding the metadata part (with
 * its content type and workbook relationship) or a record in it when the workbook lacks one.
 */
export async function dynamicArrayIndex(pkg: OoxmlPackage, workbookPart: string): Promise<number> {
  const link = (await pkg.relationships(workbookPart)).find((r) => r.type === REL.sheetMetadata && !r.external);
  if (!link || !pkg.has(link.target)) {
    const part = `${workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1)}metadata.xml`;
    pkg.setText(part, DYNAMIC_ARRAY_METADATA);
    await pkg.override(part, CONTENT_TYPE.sheetMetadata);
    await pkg.relate(workbookPart, REL.sheetMetadata, part);
    return 1;
  }
  const xml = await pkg.require(link.target);
  const found = existingIndex(xml);
  if (found !== undefined) return found;
  const { text, index } = withDynamicArrayRecord(xml);
  pkg.setText(link.target, text);
  return index;
}

const typesOf = (xml: string) => elements(elements(xml, "metadataTypes")[0]?.body ?? "", "metadataType").map((t) => t.attributes.get("name") ?? "");
const futureBlocks = (xml: string) => elements(elements(xml, "futureMetadata").find((f) => f.attributes.get("name") === "XLDAPR")?.body ?? "", "bk");
const cellBlocks = (xml: string) => elements(elements(xml, "cellMetadata")[0]?.body ?? "", "bk");

/** The `cm` of an existing dynamic-array record (fDynamic on, not collapsed), if there is one. */
function existingIndex(xml: string): number | undefined {
  const type = typesOf(xml).indexOf("XLDAPR") + 1;
  if (!type) return undefined;
  const dynamic = futureBlocks(xml).map((b) => /fDynamic="(1|true)"/.test(b.body) && !/fCollapsed="(1|true)"/.test(b.body));
  const cells = cellBlocks(xml);
  for (let i = 0; i < cells.length; i++) {
    const rc = elements(cells[i].body, "rc");
    if (rc.length === 1 && Number(rc[0].attributes.get("t")) === type && dynamic[Number(rc[0].attributes.get("v"))]) return i + 1;
  }
  return undefined;
}

/** Sets the `count` attribute of the first `name` element to its number of `child` children. */
function recount(xml: string, name: string, child: string): string {
  const element = elements(xml, name)[0];
  if (!element) return xml;
  const count = elements(element.body, child).length;
  return xml.slice(0, element.start) + setAttribute(element.tag, "count", String(count)) + xml.slice(element.start + element.tag.length);
}

/** Adds the XLDAPR type, a dynamic-array block and a cell record pointing at them. */
function withDynamicArrayRecord(source: string): { text: string; index: number } {
  let xml = source;
  if (!/xmlns:xda=/.test(xml)) xml = xml.replace(/<([\w.-]+:)?metadata(?=[\s>])/, (m) => `${m} xmlns:xda="${XDA}"`);
  if (!typesOf(xml).includes("XLDAPR")) {
    xml = elements(xml, "metadataTypes").length ? insertBeforeEnd(xml, "metadataTypes", TYPE) : insertFirst(xml, `<metadataTypes count="1">${TYPE}</metadataTypes>`);
    xml = recount(xml, "metadataTypes", "metadataType");
  }
  const type = typesOf(xml).indexOf("XLDAPR") + 1;
  const future = elements(xml, "futureMetadata").find((f) => f.attributes.get("name") === "XLDAPR");
  const blockIndex = futureBlocks(xml).length;
  if (future) {
    const endTag = xml.lastIndexOf("</", future.end - 1);
    xml = xml.slice(0, endTag) + BLOCK + xml.slice(endTag);
    const again = elements(xml, "futureMetadata").find((f) => f.attributes.get("name") === "XLDAPR")!;
    xml = xml.slice(0, again.start) + setAttribute(again.tag, "count", String(blockIndex + 1)) + xml.slice(again.start + again.tag.length);
  } else {
    // futureMetadata comes before cellMetadata.
    const found = childrenOf(xml, "metadata");
    const next = found?.children.find((c) => ["cellMetadata", "valueMetadata", "extLst"].includes(c.name));
    const at = next ? next.start : (found?.bodyEnd ?? xml.lastIndexOf("</"));
    xml = xml.slice(0, at) + `<futureMetadata name="XLDAPR" count="1">${BLOCK}</futureMetadata>` + xml.slice(at);
  }
  const record = `<bk><rc t="${type}" v="${blockIndex}"/></bk>`;
  if (elements(xml, "cellMetadata").length) {
    xml = insertBeforeEnd(xml, "cellMetadata", record);
    xml = recount(xml, "cellMetadata", "bk");
  } else {
    const found = childrenOf(xml, "metadata");
    const next = found?.children.find((c) => ["valueMetadata", "extLst"].includes(c.name));
    const at = next ? next.start : (found?.bodyEnd ?? xml.lastIndexOf("</"));
    xml = xml.slice(0, at) + `<cellMetadata count="1">${record}</cellMetadata>` + xml.slice(at);
  }
  return { text: xml, index: cellBlocks(xml).length };
}

function insertFirst(xml: string, element: string): string {
  const found = childrenOf(xml, "metadata");
  if (!found) return xml;
  return xml.slice(0, found.bodyStart) + element + xml.slice(found.bodyStart);
}
