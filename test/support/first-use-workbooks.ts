/**
 * Workbooks a new user may open first: an empty one, one with unrelated sheets only, and one that
 * keeps its partners as a plain range (headers and rows on a sheet, no Excel table), with notes
 * above and beside it. Every part is written here by hand the way Excel writes a small workbook
 * (shared strings, a styles part with a date format, dimension and sheet views, a cached value
 * beside each formula) and zipped with JSZip, so neither the add-in's writer nor exceljs made them.
 * Zip entries carry a fixed date: the same bytes on every run.
 */
import JSZip from "jszip";
import { SharedStrings, esc } from "./shared-strings";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const FIXED_DATE = new Date(Date.UTC(2026, 9, 1));

const letter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const serial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The cell formats of styles.xml, by cellXfs index. */
const XF = { normal: 0, bold: 1, title: 2, date: 3 } as const;

type Value = string | number | Date | { formula: string; result: string | number };
interface Cell {
  value: Value;
  style?: number;
}
/** A sheet's cells by 1-based row, then 1-based column. */
type Grid = Map<number, Map<number, Cell>>;

interface SheetSpec {
  name: string;
  grid: Grid;
  /** Column widths (1-based column → width in characters), as Excel writes after a user widens them. */
  widths?: Record<number, number>;
}

function put(grid: Grid, row: number, column: number, value: Value, style?: number): void {
  if (!grid.has(row)) grid.set(row, new Map());
  grid.get(row)!.set(column, { value, ...(style ? { style } : {}) });
}


function cellXml(ref: string, cell: Cell, strings: SharedStrings): string {
  const s = cell.style ? ` s="${cell.style}"` : "";
  const v = cell.value;
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="${cell.style ?? XF.date}"><v>${serial(v)}</v></c>`;
  const type = typeof v.result === "string" ? ' t="str"' : "";
  return `<c r="${ref}"${s}${type}><f>${esc(v.formula)}</f><v>${esc(String(v.result))}</v></c>`;
}

function sheetXml(sheet: SheetSpec, strings: SharedStrings, first: boolean): string {
  const rows = [...sheet.grid.keys()].sort((a, b) => a - b);
  const columns = rows.flatMap((r) => [...sheet.grid.get(r)!.keys()]);
  const dimension = rows.length ? `A1:${letter(Math.max(...columns))}${rows.at(-1)}` : "A1";
  const cols = sheet.widths
    ? `<cols>${Object.entries(sheet.widths)
        .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  const data = rows
    .map((r) => {
      const cells = [...sheet.grid.get(r)!].sort((a, b) => a[0] - b[0]);
      const span = `${cells[0][0]}:${cells.at(-1)![0]}`;
      return `<row r="${r}" spans="${span}">${cells.map(([c, cell]) => cellXml(`${letter(c)}${r}`, cell, strings)).join("")}</row>`;
    })
    .join("");
  return (
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${R}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView ${first ? 'tabSelected="1" ' : ""}workbookViewId="0"/></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    (data ? `<sheetData>${data}</sheetData>` : "<sheetData/>") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}

const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** The package of `sheets`, as bytes. */
async function workbookOf(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const strings = new SharedStrings();
  const sheetParts = sheets.map((s, i) => sheetXml(s, strings, i === 0));
  const hasStrings = strings.size > 0;
  const zip = new JSZip();
  const file = (name: string, text: string) => zip.file(name, text, { date: FIXED_DATE, createFolders: false });
  file(
    "[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (hasStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  );
  file(
    "_rels/.rels",
    `${DECLARATION}<Relationships xmlns="${PKG_RELS}">` +
      `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  file(
    "docProps/app.xml",
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
      `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
      "<AppVersion>16.0300</AppVersion></Properties>",
  );
  file(
    "docProps/core.xml",
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      '<dc:creator>Channel team</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
  );
  file(
    "xl/workbook.xml",
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${R}">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr defaultThemeVersion="202300"/>' +
      '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews>' +
      `<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
      '<calcPr calcId="191029"/></workbook>',
  );
  const n = sheets.length;
  file(
    "xl/_rels/workbook.xml.rels",
    `${DECLARATION}<Relationships xmlns="${PKG_RELS}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${n + 1}" Type="${R}/styles" Target="styles.xml"/>` +
      (hasStrings ? `<Relationship Id="rId${n + 2}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
      "</Relationships>",
  );
  sheetParts.forEach((xml, i) => file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  file("xl/styles.xml", STYLES);
  if (hasStrings) file("xl/sharedStrings.xml", `${DECLARATION}${strings.xml()}`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** One sheet, no cells. */
export function emptyWorkbook(): Promise<Uint8Array> {
  return workbookOf([{ name: "Sheet1", grid: new Map() }]);
}

/** A budget with formulas, and a sheet of notes: nothing PartnerFit knows. */
function unrelatedSheets(): SheetSpec[] {
  const budget: Grid = new Map();
  ["Item", "Q1", "Q2", "Total"].forEach((h, i) => put(budget, 1, i + 1, h, XF.bold));
  [
    ["Events", 12000, 15000],
    ["Travel", 4000, 3500],
  ].forEach(([item, q1, q2], r) => {
    put(budget, r + 2, 1, item);
    put(budget, r + 2, 2, q1);
    put(budget, r + 2, 3, q2);
    put(budget, r + 2, 4, { formula: `B${r + 2}+C${r + 2}`, result: (q1 as number) + (q2 as number) });
  });
  const notes: Grid = new Map();
  put(notes, 1, 1, "Kick-off with the regional teams in January.");
  put(notes, 4, 2, 42);
  return [
    { name: "Budget", grid: budget },
    { name: "Notes", grid: notes },
  ];
}

export function unrelatedWorkbook(): Promise<Uint8Array> {
  return workbookOf(unrelatedSheets());
}

/** The partners of the plain-range workbook: id, name, region, territory, channel manager, type, status, signed. */
export const PLAIN_PARTNERS: readonly (readonly [string, string, string, string, string, string, string, Date | null])[] = [
  ["R001", "Northwind Systems", "EMEA", "DACH", "Amelia Hart", "Reseller", "Active", new Date(Date.UTC(2023, 2, 14))],
  ["R002", "Bluepeak Consulting", "EMEA", "Nordics", "Jonas Becker", "System integrator", "Active", new Date(Date.UTC(2021, 8, 1))],
  ["R003", "Cedar IT", "Americas", "US West", "Marcus Reed", "Managed service provider", "Onboarding", new Date(Date.UTC(2026, 5, 30))],
  ["R004", "Harbor Digital", "APAC", "ANZ", "Priya Nair", "Referral partner", "Prospect", null],
  ["R005", "Summit Networks", "Americas", "LATAM", "Sofia Alvarez", "Distributor", "Active", new Date(Date.UTC(2019, 0, 7))],
];

export const PLAIN_HEADERS = ["PartnerId", "Name", "Region", "Territory", "ChannelManager", "Type", "Status", "SignedDate", "Notes"];

/**
 * Partners kept as a plain range on the sheet "Partner list": a title in A1, the header row in
 * row 3 (bold, with a Notes column the schema does not know), one row per partner, a formula in the
 * Notes of the last one, and a remark two columns to the right of the range. The budget and notes
 * sheets come first.
 */
export function plainPartnersWorkbook(): Promise<Uint8Array> {
  const list: Grid = new Map();
  put(list, 1, 1, "Our partners (kept by hand)", XF.title);
  PLAIN_HEADERS.forEach((h, i) => put(list, 3, i + 1, h, XF.bold));
  put(list, 3, 11, "Remark beside the list");
  PLAIN_PARTNERS.forEach((p, r) => p.forEach((v, c) => v !== null && put(list, 4 + r, c + 1, v)));
  put(list, 4, 9, "Top reseller");
  const last = 3 + PLAIN_PARTNERS.length;
  put(list, last, 9, { formula: `B${last}&" (distributor)"`, result: `${PLAIN_PARTNERS.at(-1)![1]} (distributor)` });
  return workbookOf([...unrelatedSheets(), { name: "Partner list", grid: list, widths: { 1: 10, 2: 22, 6: 26, 8: 12 } }]);
}
