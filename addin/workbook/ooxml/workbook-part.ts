/**
 * The workbook part (`xl/workbook.xml`): its sheets, and the few things a save changes in it —
 * a sheet added, the calculation flag that makes Excel recalculate stale results on open.
 */
import { CONTENT_TYPE, type OoxmlPackage, REL, insertBeforeEnd } from "./package";
import { attributesOf, childrenOf, elements, escapeAttribute, setAttribute } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** `hidden`, `veryHidden`, or undefined when visible. */
  state?: string;
  /** The worksheet part (undefined for a sheet whose relationship is missing). */
  part?: string;
  /** The relationship's type (worksheet, chartsheet, dialogsheet…). */
  type?: string;
}

/** The workbook part's name, from the package's root relationship. */
export async function workbookPartOf(pkg: OoxmlPackage): Promise<string> {
  const main = (await pkg.relationships("")).find((r) => r.type.endsWith("/officeDocument") && !r.external);
  return main?.target ?? "xl/workbook.xml";
}

export async function sheetsOf(pkg: OoxmlPackage, workbookPart: string): Promise<SheetEntry[]> {
  const xml = await pkg.require(workbookPart);
  const links = new Map((await pkg.relationships(workbookPart)).map((r) => [r.id, r]));
  return elements(xml, "sheet").map(({ attributes }) => {
    const relId = attributes.get("r:id") ?? attributes.get("id") ?? "";
    const link = links.get(relId);
    return {
      name: attributes.get("name") ?? "",
      sheetId: Number(attributes.get("sheetId") ?? 0),
      relId,
      state: attributes.get("state"),
      part: link && !link.external ? link.target : undefined,
      type: link?.type,
    };
  });
}

/** Elements that follow `<sheets>`'s siblings in CT_Workbook, for placing `<calcPr>`. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/**
 * Asks Excel to recalculate every formula when the file is next opened (`fullCalcOnLoad`): cells
 * a save changed make the cached results of formulas that read them stale.
 */
export async function recalculateOnOpen(pkg: OoxmlPackage, workbookPart: string): Promise<void> {
  const xml = await pkg.require(workbookPart);
  const m = /<([\w.-]+:)?calcPr(?=[\s/>])[^>]*>/.exec(xml);
  if (m) {
    if (attributesOf(m[0]).get("fullCalcOnLoad") === "1") return;
    pkg.setText(workbookPart, xml.slice(0, m.index) + setAttribute(m[0], "fullCalcOnLoad", "1") + xml.slice(m.index + m[0].length));
    return;
  }
  const found = childrenOf(xml, "workbook");
  if (!found) return;
  const next = found.children.find((c) => AFTER_CALC_PR.includes(c.name));
  const at = next ? next.start : found.bodyEnd;
  pkg.setText(workbookPart, xml.slice(0, at) + `<${found.prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(at));
}

/** Adds a worksheet part holding `xml` as the last sheet, named `name`; returns its part name. */
export async function addSheet(pkg: OoxmlPackage, workbookPart: string, name: string, xml: string): Promise<string> {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const part = pkg.freeName(`${folder}worksheets/sheet`, ".xml");
  pkg.setText(part, xml);
  await pkg.override(part, CONTENT_TYPE.worksheet);
  const relId = await pkg.relate(workbookPart, REL.worksheet, part);
  const workbook = withRelationshipsNamespace(await pkg.require(workbookPart));
  const prefix = /<([\w.-]+:)?sheets[\s>/]/.exec(workbook)?.[1] ?? "";
  const rPrefix = relationshipPrefix(workbook);
  const sheetId = Math.max(0, ...elements(workbook, "sheet").map((s) => Number(s.attributes.get("sheetId") ?? 0))) + 1;
  pkg.setText(workbookPart, insertBeforeEnd(workbook, "sheets", `<${prefix}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" ${rPrefix}:id="${relId}"/>`));
  return part;
}

/** The prefix the part binds to the relationships namespace (`r`), declaring it on the root when missing. */
export function relationshipPrefix(xml: string): string {
  const m = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml);
  return m?.[1] ?? "r";
}

/** `xml` with the relationships namespace declared on its root element as `r` when it is not declared. */
export function withRelationshipsNamespace(xml: string): string {
  if (/xmlns:[\w.-]+="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(xml)) return xml;
  const root = /<(?![?!])[\w.:-]+/.exec(xml);
  if (!root) return xml;
  const at = root.index + root[0].length;
  return `${xml.slice(0, at)} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"${xml.slice(at)}`;
}
