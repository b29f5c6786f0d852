/**
 * The add-in named by the document: the web extension and task pane parts Excel writes when an
 * add-in is used in a workbook (`xl/webextensions/`), so that a colleague who opens a workbook
 * holding PARTNER.* formulas is offered PartnerFit. The pane is recorded closed (visibility 0):
 * opening the workbook does not open it.
 */
import { ADDIN_ID, ADDIN_VERSION } from "../addin-id";
import { CONTENT_TYPE, type OoxmlPackage, REL, XML_DECLARATION } from "./package";
import { elements } from "./xml";

const WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A fixed instance id: the same add-in in any workbook (Excel makes one per insertion; any GUID will do). */
const INSTANCE = "{5E2B6A41-7C1D-4F0E-9B8A-2640E3C7A8E4}";

export const webExtensionXml = (): string =>
  `${XML_DECLARATION}<we:webextension xmlns:we="${WE}" id="${INSTANCE}">` +
  `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>` +
  `<we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="${R}"/></we:webextension>`;

const taskPaneXml = (relId: string, row: number): string =>
  `<wetp:taskpane dockstate="right" visibility="0" width="350" row="${row}"><wetp:webextensionref xmlns:r="${R}" r:id="${relId}"/></wetp:taskpane>`;

/** Whether the workbook already names the add-in. */
async function namesAddin(pkg: OoxmlPackage): Promise<boolean> {
  for (const name of pkg.names) {
    if (!/^xl\/webextensions\/webextension\d*\.xml$/i.test(name)) continue;
    const xml = await pkg.text(name);
    if (xml && elements(xml, "reference").some((r) => r.attributes.get("id")?.toLowerCase() === ADDIN_ID.toLowerCase())) return true;
  }
  return false;
}

/** Names the add-in in the workbook, once: its web extension part, added to the task panes part (made when missing). */
export async function nameAddin(pkg: OoxmlPackage): Promise<void> {
  if (await namesAddin(pkg)) return;
  const extension = pkg.freeName("xl/webextensions/webextension", ".xml");
  pkg.setText(extension, webExtensionXml());
  await pkg.override(extension, CONTENT_TYPE.webExtension);
  const panes = (await pkg.relationships("")).find((r) => r.type === REL.webExtensionTaskPanes && !r.external)?.target;
  const part = panes ?? "xl/webextensions/taskpanes.xml";
  const relId = await pkg.relate(part, REL.webExtension, extension);
  const existing = panes ? await pkg.text(part) : undefined;
  if (existing && new RegExp(`:id="${relId}"`).test(existing)) {
    // A task pane that named a relationship the file had lost (LibreOffice keeps the pane, drops its link): it names the add-in again.
  } else if (existing) {
    const rows = elements(existing, "taskpane").map((p) => Number(p.attributes.get("row") ?? 0));
    const close = existing.lastIndexOf("</");
    pkg.setText(part, existing.slice(0, close) + taskPaneXml(relId, Math.max(-1, ...rows) + 1) + existing.slice(close));
  } else {
    pkg.setText(part, `${XML_DECLARATION}<wetp:taskpanes xmlns:wetp="${WETP}">${taskPaneXml(relId, 0)}</wetp:taskpanes>`);
    await pkg.override(part, CONTENT_TYPE.webExtensionTaskPanes);
    await pkg.relate("", REL.webExtensionTaskPanes, part);
  }
}
