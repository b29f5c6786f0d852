/**
 * A new, empty workbook package: the parts every .xlsx needs (content types, relationships, the
 * workbook with no sheet yet, default cell formats, document properties). Sheets are added to it
 * as to any other workbook.
 */
import { NS, OoxmlPackage, XML_DECLARATION } from "./package";

const SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export function blankPackage(created: Date, application = "PartnerFit"): OoxmlPackage {
  const pkg = OoxmlPackage.empty();
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  pkg.setText(
    "[Content_Types].xml",
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${SPREADSHEET}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${SPREADSHEET}.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      `</Types>`,
  );
  pkg.setText(
    "_rels/.rels",
    `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">` +
      `<Relationship Id="rId1" Type="${NS.relationships}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${NS.relationships}/extended-properties" Target="docProps/app.xml"/>` +
      `</Relationships>`,
  );
  pkg.setText(
    "docProps/core.xml",
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${application}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  pkg.setText(
    "docProps/app.xml",
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${application}</Application></Properties>`,
  );
  pkg.setText(
    "xl/workbook.xml",
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
      `<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews>` +
      `<sheets/><calcPr calcId="191029"/></workbook>`,
  );
  pkg.setText(
    "xl/_rels/workbook.xml.rels",
    `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}"><Relationship Id="rId1" Type="${NS.relationships}/styles" Target="styles.xml"/></Relationships>`,
  );
  pkg.setText("xl/styles.xml", BLANK_STYLES);
  return pkg;
}

/** The cell formats of a new workbook: Excel's defaults (Calibri 11, no fill, no border). */
export const BLANK_STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;
