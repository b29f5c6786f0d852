/**
 * Writes test/fixtures/foreign/: partner workbooks that hold, besides the partner tables, what
 * channel teams keep in their workbooks — charts, pivot tables and slicers, conditional formats,
 * data validation, sparklines, notes and threaded comments, pictures, links to other files,
 * protected and hidden sheets, form controls, macros, the add-in's own spilled functions. A writer
 * that rebuilds a file from its own model loses these; the round-trip tests of the part-preserving
 * writer open each file, edit partner tables, save, and check that every part they did not change
 * comes back byte for byte.
 *
 * Every part is written here by hand, the way Excel writes it (element order, namespaces,
 * extension lists), and zipped with JSZip: neither the add-in's writer nor exceljs makes these
 * files, so those tests never check the writer against itself. The partner tables' content is the
 * sample generator's (seed 2026, 30 partners). Files 1–5 are also saved once by LibreOffice, which
 * keeps some of this and drops the rest. Zip entries and document dates are fixed: running the
 * script again gives the same bytes. The file list, with what each holds, goes to the README.
 *
 * Run: npm run fixtures:foreign   (the LibreOffice copies need it: apt-get install -y libreoffice-calc)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { parseStringPromise } from "xml2js";
import { score } from "../addin/functions/audit";
import { pnl } from "../addin/functions/pnl";
import { segment, segments } from "../addin/functions/segment";
import { DEFAULT_ASSUMPTIONS } from "../samples/data/assumptions";
import { type SampleTable, sampleData, sampleTables } from "../samples/generate";
import { convert, libreOfficeAvailable } from "../test/support/libreoffice";
import { SharedStrings, esc } from "../test/support/shared-strings";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FOREIGN_DIR = path.join(root, "test/fixtures/foreign");
const SEED = 2026;
const PARTNERS = 30;
/** Every zip entry and document date carries this date, so a file's bytes never change. */
const FIXED_DATE = new Date(Date.UTC(2026, 9, 1));
const FIXED_W3CDTF = "2026-10-01T00:00:00Z";
/** The password of every protected sheet (tests may unprotect with it). */
export const SHEET_PASSWORD = "partners";

// ---------------------------------------------------------------------------------------------
// Names of things in the file format

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  xr: "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a14: "http://schemas.microsoft.com/office/drawing/2010/main",
  sle: "http://schemas.microsoft.com/office/drawing/2010/slicer",
  threaded: "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments",
  xda: "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
} as const;

const REL = {
  officeDocument: `${NS.r}/officeDocument`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${NS.r}/extended-properties`,
  customProperties: `${NS.r}/custom-properties`,
  worksheet: `${NS.r}/worksheet`,
  theme: `${NS.r}/theme`,
  styles: `${NS.r}/styles`,
  sharedStrings: `${NS.r}/sharedStrings`,
  table: `${NS.r}/table`,
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
  image: `${NS.r}/image`,
  hyperlink: `${NS.r}/hyperlink`,
  comments: `${NS.r}/comments`,
  vmlDrawing: `${NS.r}/vmlDrawing`,
  pivotTable: `${NS.r}/pivotTable`,
  pivotCacheDefinition: `${NS.r}/pivotCacheDefinition`,
  pivotCacheRecords: `${NS.r}/pivotCacheRecords`,
  externalLink: `${NS.r}/externalLink`,
  externalLinkPath: `${NS.r}/externalLinkPath`,
  connections: `${NS.r}/connections`,
  queryTable: `${NS.r}/queryTable`,
  ctrlProp: `${NS.r}/ctrlProp`,
  sheetMetadata: `${NS.r}/sheetMetadata`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  slicer: "http://schemas.microsoft.com/office/2007/relationships/slicer",
  slicerCache: "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  webExtensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const CT = {
  workbook: `${SML}.sheet.main+xml`,
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: `${SML}.worksheet+xml`,
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  styles: `${SML}.styles+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  table: `${SML}.table+xml`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: `${SML}.comments+xml`,
  pivotTable: `${SML}.pivotTable+xml`,
  pivotCacheDefinition: `${SML}.pivotCacheDefinition+xml`,
  pivotCacheRecords: `${SML}.pivotCacheRecords+xml`,
  externalLink: `${SML}.externalLink+xml`,
  connections: `${SML}.connections+xml`,
  queryTable: `${SML}.queryTable+xml`,
  sheetMetadata: `${SML}.sheetMetadata+xml`,
  slicer: "application/vnd.ms-excel.slicer+xml",
  slicerCache: "application/vnd.ms-excel.slicerCache+xml",
  threadedComments: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  controlProperties: "application/vnd.ms-excel.controlproperties+xml",
  webExtensionTaskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webExtension: "application/vnd.ms-office.webextension+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
} as const;

/** Parts whose type the package gives by extension (Default), as Excel does. */
const DEFAULT_TYPES: Record<string, string> = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  png: "image/png",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  bin: "application/vnd.ms-office.vbaProject",
};

/** The worksheet's extension list holds its entries in this order (Excel's). */
const SHEET_EXT = {
  conditionalFormattings: "{78C0D931-6437-407d-A8EE-F0AAD7539E65}",
  dataValidations: "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}",
  sparklineGroups: "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}",
  slicerList: "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}",
} as const;
const SHEET_EXT_ORDER: string[] = Object.values(SHEET_EXT);

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

// ---------------------------------------------------------------------------------------------
// Small builders

/** Attributes in the order given; undefined ones left out. */
const attrs = (list: Record<string, string | number | boolean | undefined>) =>
  Object.entries(list)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}"`)
    .join("");

const letter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const cellRef = (column: number, row: number) => `${letter(column)}${row}`;
const abs = (column: number, row: number) => `$${letter(column)}$${row}`;
/** A cell reference's column and row (1-based). */
const position = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { column, row: Number(m[2]) };
};
const serial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
/** A fixed GUID derived from a label: stable ids for comments, rules, web extensions. */
const guid = (label: string) => {
  const h = crypto.createHash("sha1").update(label).digest("hex").toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const anchorPoint = (tag: "from" | "to", column: number, row: number, prefix = "xdr:") =>
  `<${prefix}${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></${prefix}${tag}>`;

// ---------------------------------------------------------------------------------------------
// The package: parts, their content types and relationships

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

class Package {
  private readonly parts = new Map<string, string | Uint8Array>();
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Set(["rels", "xml"]);
  private readonly rels = new Map<string, Relationship[]>();

  /** Adds a part; its content type is an Override unless its extension has a Default. */
  add(name: string, data: string | Uint8Array, contentType?: string): void {
    if (this.parts.has(name)) throw new Error(`part ${name} written twice`);
    this.parts.set(name, typeof data === "string" ? DECLARATION + data : data);
    const ext = name.split(".").pop()!;
    if (ext !== "xml" && DEFAULT_TYPES[ext]) this.defaults.add(ext);
    else if (contentType) this.overrides.set(`/${name}`, contentType);
    else throw new Error(`part ${name} needs a content type`);
  }

  /** A relationship from `source` ("" for the package), numbered rId1, rId2… per source. */
  rel(source: string, type: string, target: string, external = false): string {
    const list = this.rels.get(source) ?? [];
    const id = `rId${list.length + 1}`;
    list.push({ id, type, target, external });
    this.rels.set(source, list);
    return id;
  }

  private relsXml(source: string): string | undefined {
    const list = this.rels.get(source);
    if (!list?.length) return undefined;
    return (
      DECLARATION +
      `<Relationships xmlns="${NS.pkgRels}">${list
        .map((r) => `<Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? "External" : undefined })}/>`)
        .join("")}</Relationships>`
    );
  }

  private contentTypes(): string {
    const defaults = [...this.defaults].sort().map((ext) => `<Default Extension="${ext}" ContentType="${DEFAULT_TYPES[ext]}"/>`);
    const overrides = [...this.overrides].map(([part, type]) => `<Override PartName="${esc(part)}" ContentType="${type}"/>`);
    return `${DECLARATION}<Types xmlns="${NS.types}">${defaults.join("")}${overrides.join("")}</Types>`;
  }

  /** The zip: content types first, then each part followed by its relationships, in Excel's order. */
  async zip(): Promise<Uint8Array> {
    const zip = new JSZip();
    const options = { date: FIXED_DATE, createFolders: false };
    const put = (name: string, data: string | Uint8Array) => zip.file(name, data, options);
    const relsName = (source: string) => {
      const slash = source.lastIndexOf("/");
      return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    };
    put("[Content_Types].xml", this.contentTypes());
    put("_rels/.rels", this.relsXml("")!);
    const rank = (name: string) =>
      [/^xl\/workbook\.xml$/, /^xl\/worksheets\//, /^xl\/theme\//, /^xl\/styles\.xml$/, /^xl\/sharedStrings\.xml$/, /^xl\//, /^docProps\//].findIndex((p) =>
        p.test(name),
      );
    const sheetNumber = (name: string) => Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
    const names = [...this.parts.keys()].sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? sheetNumber(a) - sheetNumber(b) : 0));
    for (const name of names) {
      put(name, this.parts.get(name)!);
      const rels = this.relsXml(name);
      if (rels) put(relsName(name), rels);
    }
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
}

// ---------------------------------------------------------------------------------------------
// Styles and theme

/** Cell formats (indexes into cellXfs) every workbook here has. */
const XF = { general: 0, date: 1, amount: 2, title: 3, percent: 4, header: 5, link: 6, note: 7 } as const;

interface Theme {
  name: string;
  /** dk2, lt2, accent1…6, hlink, folHlink (RGB hex). */
  colors: readonly string[];
  majorFont: string;
  minorFont: string;
}

const OFFICE_THEME: Theme = {
  name: "Office Theme",
  colors: ["44546A", "E7E6E6", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"],
  majorFont: "Calibri Light",
  minorFont: "Calibri",
};

/** A custom theme a team made for its partner workbooks: its own colours and fonts. */
const CHANNEL_THEME: Theme = {
  name: "PartnerFit Channel",
  colors: ["1F3A5F", "EEF2F7", "0F6CBD", "E3008C", "107C10", "FFB900", "5C2D91", "008575", "0F6CBD", "8764B8"],
  majorFont: "Segoe UI Semibold",
  minorFont: "Segoe UI",
};

function themeXml(theme: Theme): string {
  const names = ["dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
  const colors = names.map((n, i) => `<a:${n}><a:srgbClr val="${theme.colors[i]}"/></a:${n}>`).join("");
  const font = (typeface: string) => `<a:latin typeface="${esc(typeface)}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  const gradient = (stops: [number, string][]) =>
    `<a:gradFill rotWithShape="1"><a:gsLst>${stops.map(([pos, mods]) => `<a:gs pos="${pos}"><a:schemeClr val="phClr">${mods}</a:schemeClr></a:gs>`).join("")}</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>`;
  const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
  return (
    `<a:theme xmlns:a="${NS.a}" name="${esc(theme.name)}"><a:themeElements>` +
    `<a:clrScheme name="${esc(theme.name)}"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>${colors}</a:clrScheme>` +
    `<a:fontScheme name="${esc(theme.name)}"><a:majorFont>${font(theme.majorFont)}</a:majorFont><a:minorFont>${font(theme.minorFont)}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
    gradient([
      [0, '<a:lumMod val="110000"/><a:satMod val="105000"/><a:tint val="67000"/>'],
      [50000, '<a:lumMod val="105000"/><a:satMod val="103000"/><a:tint val="73000"/>'],
      [100000, '<a:lumMod val="105000"/><a:satMod val="109000"/><a:tint val="81000"/>'],
    ]) +
    gradient([
      [0, '<a:satMod val="103000"/><a:lumMod val="102000"/><a:tint val="94000"/>'],
      [50000, '<a:satMod val="110000"/><a:lumMod val="100000"/><a:shade val="100000"/>'],
      [100000, '<a:lumMod val="99000"/><a:satMod val="120000"/><a:shade val="78000"/>'],
    ]) +
    `</a:fillStyleLst><a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/><a:satMod val="170000"/></a:schemeClr></a:solidFill>` +
    gradient([
      [0, '<a:tint val="93000"/><a:satMod val="150000"/><a:shade val="98000"/><a:lumMod val="102000"/>'],
      [50000, '<a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/><a:lumMod val="103000"/>'],
      [100000, '<a:shade val="63000"/><a:satMod val="120000"/>'],
    ]) +
    `</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}

/**
 * The styles part: a `yyyy-mm-dd` date format, `#,##0` amounts, a title, percent, bold header and
 * hyperlink format, and (`noteStyle`) the team's own named cell style "Partner note".
 */
function stylesXml(theme: Theme, noteStyle: boolean): string {
  const font = (inner: string, size: number, color: string, major = false) =>
    `<font>${inner}<sz val="${size}"/>${color}<name val="${esc(major ? theme.majorFont : theme.minorFont)}"/><family val="2"/><scheme val="${major ? "major" : "minor"}"/></font>`;
  const fonts = [
    font("", 11, '<color theme="1"/>'),
    font("<b/>", 14, '<color theme="3"/>', true),
    font("<b/>", 11, '<color theme="1"/>'),
    font("<u/>", 11, '<color theme="10"/>'),
    font("<i/>", 10, '<color theme="1" tint="0.34998626667073579"/>'),
  ];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  if (noteStyle) fills.push('<fill><patternFill patternType="solid"><fgColor theme="7" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill>');
  const styleXfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
    '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"/>',
  ];
  const cellXfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="1"/>',
  ];
  const cellStyles = ['<cellStyle name="Hyperlink" xfId="1" builtinId="8"/>', '<cellStyle name="Normal" xfId="0" builtinId="0"/>'];
  if (noteStyle) {
    // A named style's own format (cellStyleXfs) and the cell format that uses it (cellXfs, xfId).
    styleXfs.push('<xf numFmtId="0" fontId="4" fillId="2" borderId="0" applyNumberFormat="0" applyBorder="0" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>');
    cellXfs.push('<xf numFmtId="0" fontId="4" fillId="2" borderId="0" xfId="2" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>');
    cellStyles.push('<cellStyle name="Partner note" xfId="2"/>');
  }
  const list = (tag: string, items: string[], extra = "") => `<${tag} count="${items.length}"${extra}>${items.join("")}</${tag}>`;
  return (
    `<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
    list("fonts", fonts, ' x14ac:knownFonts="1"') +
    list("fills", fills) +
    list("borders", ["<border><left/><right/><top/><bottom/><diagonal/></border>"]) +
    list("cellStyleXfs", styleXfs) +
    list("cellXfs", cellXfs) +
    list("cellStyles", cellStyles) +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${NS.x14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>` +
    "</styleSheet>"
  );
}

// ---------------------------------------------------------------------------------------------
// Shared strings, sheets and the workbook


/** A cell's constant. */
type Value = string | number | boolean | Date | null | undefined;
/** A formula's cached result, as the file keeps it. */
type Cached = string | number | boolean | { error: string } | null;

interface DefinedName {
  name: string;
  formula: string;
  /** The sheet (its index in the workbook) the name belongs to; workbook-wide when absent. */
  localSheetId?: number;
  hidden?: boolean;
  comment?: string;
}

interface Ext {
  uri: string;
  xml: string;
}

/**
 * A worksheet being written: its cells, and the XML of its other elements, which `xml()` puts in
 * the order the schema requires whatever order they were set in.
 */
class Sheet {
  readonly part: string;
  private readonly rows = new Map<number, Map<number, string>>();
  state?: "hidden" | "veryHidden";
  codeName?: string;
  tabColor?: string;
  fitToPage = false;
  /** Frozen panes: columns and rows kept in view. */
  freeze?: { columns: number; rows: number };
  cols: string[] = [];
  protection?: string;
  readonly merges: string[] = [];
  readonly conditionalFormats: string[] = [];
  readonly validations: string[] = [];
  readonly hyperlinks: string[] = [];
  printOptions?: string;
  pageSetup?: string;
  headerFooter?: string;
  drawing?: string;
  legacyDrawing?: string;
  /** Form controls, as Excel 2010 and later write them (an mc:AlternateContent block). */
  controls?: string;
  readonly tableParts: string[] = [];
  readonly exts: Ext[] = [];
  /** Namespaces the sheet's content needs declared on its root element (prefix → namespace). */
  readonly namespaces = new Map<string, string>();

  constructor(
    readonly book: Book,
    readonly name: string,
    /** Position in the workbook (0-based: localSheetId). */
    readonly index: number,
    readonly sheetId: number,
    readonly rId: string,
  ) {
    this.part = `xl/worksheets/sheet${sheetId}.xml`;
  }

  rel(type: string, target: string, external = false): string {
    return this.book.pkg.rel(this.part, type, target, external);
  }

  /** The sheet's name as a formula writes it (quoted when it must be). */
  get ref(): string {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(this.name) ? this.name : `'${this.name.replace(/'/g, "''")}'`;
  }

  private put(ref: string, xml: string): void {
    const { column, row } = position(ref);
    const cells = this.rows.get(row) ?? new Map<number, string>();
    cells.set(column, xml);
    this.rows.set(row, cells);
  }

  /** A constant: text as a shared string, dates as serial numbers (date format unless `style`). */
  value(ref: string, value: Value, style?: number): void {
    if (value === null || value === undefined) {
      if (style) this.put(ref, `<c r="${ref}" s="${style}"/>`);
      return;
    }
    const s = style ? ` s="${style}"` : "";
    if (value instanceof Date) this.put(ref, `<c r="${ref}" s="${style ?? XF.date}"><v>${serial(value)}</v></c>`);
    else if (typeof value === "number") this.put(ref, `<c r="${ref}"${s}><v>${value}</v></c>`);
    else if (typeof value === "boolean") this.put(ref, `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
    else this.put(ref, `<c r="${ref}"${s} t="s"><v>${this.book.strings.id(value)}</v></c>`);
  }

  /**
   * A formula (file syntax: no `=`, `_xlfn.` and `_xldudf_` prefixes) with its cached result.
   * `spill` makes it a dynamic array over that range (`cm` points at the XLDAPR cell metadata).
   */
  formula(ref: string, formula: string, cached: Cached, options: { style?: number; spill?: string } = {}): void {
    const type =
      typeof cached === "string" ? "str" : typeof cached === "boolean" ? "b" : cached !== null && typeof cached === "object" ? "e" : undefined;
    const v =
      cached === null ? "" : typeof cached === "object" ? `<v>${esc(cached.error)}</v>` : typeof cached === "boolean" ? `<v>${cached ? 1 : 0}</v>` : `<v>${esc(String(cached))}</v>`;
    const f = options.spill ? `<f t="array" ref="${options.spill}">${esc(formula)}</f>` : `<f>${esc(formula)}</f>`;
    if (options.spill) this.book.usesDynamicArrays = true;
    this.put(ref, `<c${attrs({ r: ref, s: options.style, t: type, cm: options.spill ? 1 : undefined })}>${f}${v}</c>`);
  }

  /** A dynamic-array formula and its spill: the anchor holds the formula, the other cells only their values. */
  spill(anchor: string, formula: string, values: Value[][]): string {
    const { column, row } = position(anchor);
    const range = `${anchor}:${cellRef(column + values[0].length - 1, row + values.length - 1)}`;
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const ref = cellRef(column + c, row + r);
        const style = typeof value === "number" && Math.abs(value) >= 1000 ? XF.amount : undefined;
        if (r === 0 && c === 0) this.formula(ref, formula, (value as Cached) ?? "", { spill: range, style });
        else this.value(ref, value ?? "", style);
      }),
    );
    return range;
  }

  /** The used range, as Excel writes it in `<dimension>`. */
  private dimension(): string {
    if (!this.rows.size) return "A1";
    const rows = [...this.rows.keys()];
    const columns = [...this.rows.values()].flatMap((r) => [...r.keys()]);
    const first = cellRef(Math.min(...columns), Math.min(...rows));
    const last = cellRef(Math.max(...columns), Math.max(...rows));
    return first === last ? first : `${first}:${last}`;
  }

  private sheetView(): string {
    const selected = this.index === 0 ? ' tabSelected="1"' : "";
    if (!this.freeze) return `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`;
    const { columns, rows } = this.freeze;
    const topLeft = cellRef(columns + 1, rows + 1);
    const pane = columns && rows ? "bottomRight" : rows ? "bottomLeft" : "topRight";
    const selections =
      columns && rows
        ? `<selection pane="topRight" activeCell="${cellRef(columns + 1, 1)}" sqref="${cellRef(columns + 1, 1)}"/><selection pane="bottomLeft" activeCell="${cellRef(1, rows + 1)}" sqref="${cellRef(1, rows + 1)}"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
        : `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
    return `<sheetViews><sheetView${selected} workbookViewId="0"><pane${attrs({ xSplit: columns || undefined, ySplit: rows || undefined, topLeftCell: topLeft, activePane: pane, state: "frozen" })}/>${selections}</sheetView></sheetViews>`;
  }

  /** The worksheet part, its elements in the order the schema (CT_Worksheet) requires. */
  xml(): string {
    const sheetPrInner = (this.tabColor ? `<tabColor rgb="${this.tabColor}"/>` : "") + (this.fitToPage ? '<pageSetUpPr fitToPage="1"/>' : "");
    const sheetPr = this.codeName || sheetPrInner ? `<sheetPr${attrs({ codeName: this.codeName })}${sheetPrInner ? `>${sheetPrInner}</sheetPr>` : "/>"}` : "";
    const rows = [...this.rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([r, cells]) => {
        const columns = [...cells.keys()].sort((a, b) => a - b);
        return `<row r="${r}" spans="${columns[0]}:${columns[columns.length - 1]}" x14ac:dyDescent="0.25">${columns.map((c) => cells.get(c)).join("")}</row>`;
      })
      .join("");
    const exts = [...this.exts].sort((a, b) => SHEET_EXT_ORDER.indexOf(a.uri) - SHEET_EXT_ORDER.indexOf(b.uri));
    const namespaces = [...this.namespaces].map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join("");
    return (
      `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}"${namespaces}>` +
      sheetPr +
      `<dimension ref="${this.dimension()}"/>` +
      this.sheetView() +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
      (this.cols.length ? `<cols>${this.cols.join("")}</cols>` : "") +
      (rows ? `<sheetData>${rows}</sheetData>` : "<sheetData/>") +
      (this.protection ?? "") +
      (this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
      this.conditionalFormats.join("") +
      (this.validations.length ? `<dataValidations count="${this.validations.length}">${this.validations.join("")}</dataValidations>` : "") +
      (this.hyperlinks.length ? `<hyperlinks>${this.hyperlinks.join("")}</hyperlinks>` : "") +
      (this.printOptions ?? "") +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      (this.pageSetup ?? "") +
      (this.headerFooter ?? "") +
      (this.drawing ? `<drawing r:id="${this.drawing}"/>` : "") +
      (this.legacyDrawing ? `<legacyDrawing r:id="${this.legacyDrawing}"/>` : "") +
      (this.controls ?? "") +
      (this.tableParts.length ? `<tableParts count="${this.tableParts.length}">${this.tableParts.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>` : "") +
      (exts.length ? `<extLst>${exts.map((e) => e.xml).join("")}</extLst>` : "") +
      "</worksheet>"
    );
  }
}

interface BookOptions {
  title: string;
  creator: string;
  lastModifiedBy: string;
  created: string;
  theme?: Theme;
  /** The named cell style "Partner note". */
  noteStyle?: boolean;
  /** A macro-enabled workbook (.xlsm) with this VBA project. */
  vbaProject?: Uint8Array;
  /** Custom document properties (docProps/custom.xml). */
  customProperties?: { name: string; value: string | number | boolean | Date; integer?: boolean }[];
}

/** A workbook being written: its sheets, names and workbook-level parts; `finish()` gives the file. */
class Book {
  readonly pkg = new Package();
  readonly strings = new SharedStrings();
  readonly sheets: Sheet[] = [];
  readonly names: DefinedName[] = [];
  readonly externalReferences: string[] = [];
  readonly pivotCaches: string[] = [];
  readonly exts: Ext[] = [];
  usesDynamicArrays = false;
  private readonly counters = new Map<string, number>();

  constructor(readonly options: BookOptions) {}

  /** The next number for a kind of part (table1, table2…). */
  next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  rel(type: string, target: string, external = false): string {
    return this.pkg.rel("xl/workbook.xml", type, target, external);
  }

  sheet(name: string): Sheet {
    const n = this.sheets.length + 1;
    const sheet = new Sheet(this, name, n - 1, n, this.rel(REL.worksheet, `worksheets/sheet${n}.xml`));
    this.sheets.push(sheet);
    return sheet;
  }

  find(name: string): Sheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** An Excel table (ListObject) over `ref` of `sheet`, filter buttons shown. */
  table(sheet: Sheet, name: string, ref: string, columns: readonly string[]): void {
    const n = this.next("table");
    this.pkg.add(
      `xl/tables/table${n}.xml`,
      `<table xmlns="${NS.main}" id="${n}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
        `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join("")}</tableColumns>` +
        '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
      CT.table,
    );
    sheet.tableParts.push(sheet.rel(REL.table, `../tables/table${n}.xml`));
  }

  name(name: DefinedName): void {
    this.names.push(name);
  }

  private workbookXml(): string {
    const macros = this.options.vbaProject !== undefined;
    const sheets = this.sheets.map((s) => `<sheet${attrs({ name: s.name, sheetId: s.sheetId, state: s.state, "r:id": s.rId })}/>`).join("");
    const names = [...this.names]
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.localSheetId ?? -1) - (b.localSheetId ?? -1))
      .map((n) => `<definedName${attrs({ name: n.name, comment: n.comment, localSheetId: n.localSheetId, hidden: n.hidden })}>${esc(n.formula)}</definedName>`)
      .join("");
    return (
      `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' +
      `<workbookPr${macros ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/>` +
      '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" tabRatio="800" activeTab="0"/></bookViews>' +
      `<sheets>${sheets}</sheets>` +
      (this.externalReferences.length ? `<externalReferences>${this.externalReferences.map((id) => `<externalReference r:id="${id}"/>`).join("")}</externalReferences>` : "") +
      (names ? `<definedNames>${names}</definedNames>` : "") +
      '<calcPr calcId="191029"/>' +
      (this.pivotCaches.length ? `<pivotCaches>${this.pivotCaches.join("")}</pivotCaches>` : "") +
      (this.exts.length ? `<extLst>${this.exts.map((e) => e.xml).join("")}</extLst>` : "") +
      "</workbook>"
    );
  }

  private appXml(): string {
    const visibleNames = this.names
      .filter((n) => !n.hidden && !n.name.startsWith("Slicer_"))
      .map((n) => (n.localSheetId === undefined ? n.name : `${this.sheets[n.localSheetId].ref}!${n.name.replace(/^_xlnm\./, "")}`));
    const pairs: [string, string[]][] = [["Worksheets", this.sheets.map((s) => s.name)]];
    if (visibleNames.length) pairs.push(["Named Ranges", visibleNames]);
    const titles = pairs.flatMap(([, list]) => list);
    return (
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="${NS.vt}">` +
      "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
      `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">${pairs
        .map(([heading, list]) => `<vt:variant><vt:lpstr>${heading}</vt:lpstr></vt:variant><vt:variant><vt:i4>${list.length}</vt:i4></vt:variant>`)
        .join("")}</vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${esc(t)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
      "<Company>Northwind Channel Sales</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
    );
  }

  private coreXml(): string {
    const o = this.options;
    return (
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(o.title)}</dc:title><dc:creator>${esc(o.creator)}</dc:creator><cp:lastModifiedBy>${esc(o.lastModifiedBy)}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${o.created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_W3CDTF}</dcterms:modified></cp:coreProperties>`
    );
  }

  private customXml(): string {
    const value = (v: string | number | boolean | Date, integer?: boolean) =>
      v instanceof Date
        ? `<vt:filetime>${v.toISOString().replace(/\.\d{3}Z$/, "Z")}</vt:filetime>`
        : typeof v === "boolean"
          ? `<vt:bool>${v}</vt:bool>`
          : typeof v === "number"
            ? integer
              ? `<vt:i4>${v}</vt:i4>`
              : `<vt:r8>${v}</vt:r8>`
            : `<vt:lpwstr>${esc(v)}</vt:lpwstr>`;
    return (
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${NS.vt}">` +
      this.options
        .customProperties!.map((p, i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(p.name)}">${value(p.value, p.integer)}</property>`)
        .join("") +
      "</Properties>"
    );
  }

  /** Writes the workbook, styles, theme, strings and document properties; returns the file. */
  async finish(): Promise<Uint8Array> {
    const o = this.options;
    const theme = o.theme ?? OFFICE_THEME;
    for (const sheet of this.sheets) this.pkg.add(sheet.part, sheet.xml(), CT.worksheet);
    this.rel(REL.theme, "theme/theme1.xml");
    this.pkg.add("xl/theme/theme1.xml", themeXml(theme), CT.theme);
    this.rel(REL.styles, "styles.xml");
    this.pkg.add("xl/styles.xml", stylesXml(theme, o.noteStyle ?? false), CT.styles);
    this.rel(REL.sharedStrings, "sharedStrings.xml");
    this.pkg.add("xl/sharedStrings.xml", this.strings.xml(), CT.sharedStrings);
    if (this.usesDynamicArrays) {
      this.rel(REL.sheetMetadata, "metadata.xml");
      this.pkg.add("xl/metadata.xml", dynamicArrayMetadata(), CT.sheetMetadata);
    }
    if (o.vbaProject) {
      this.rel(REL.vbaProject, "vbaProject.bin");
      this.pkg.add("xl/vbaProject.bin", o.vbaProject);
    }
    this.pkg.add("xl/workbook.xml", this.workbookXml(), o.vbaProject ? CT.macroWorkbook : CT.workbook);
    this.pkg.rel("", REL.officeDocument, "xl/workbook.xml");
    this.pkg.rel("", REL.coreProperties, "docProps/core.xml");
    this.pkg.rel("", REL.extendedProperties, "docProps/app.xml");
    this.pkg.add("docProps/core.xml", this.coreXml(), CT.coreProperties);
    this.pkg.add("docProps/app.xml", this.appXml(), CT.extendedProperties);
    if (o.customProperties) {
      this.pkg.rel("", REL.customProperties, "docProps/custom.xml");
      this.pkg.add("docProps/custom.xml", this.customXml(), CT.customProperties);
    }
    return this.pkg.zip();
  }
}

/** xl/metadata.xml as Excel writes it for dynamic arrays: one XLDAPR cell metadata record (cm="1"). */
function dynamicArrayMetadata(): string {
  return (
    `<metadata xmlns="${NS.main}" xmlns:xda="${NS.xda}">` +
    '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
    '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
    '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
  );
}

// ---------------------------------------------------------------------------------------------
// Partner tables

/** The sample's tables for a small network (deep copies: files may change them). */
function tables(partners = PARTNERS): SampleTable[] {
  return sampleTables(sampleData(SEED, partners)).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })), rows: t.rows.map((r) => [...r]) }));
}

function table(list: readonly SampleTable[], name: string): SampleTable {
  const found = list.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function column(t: SampleTable, name: string): number {
  const i = t.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`table ${t.name} has no column ${name}`);
  return i + 1;
}

/** The data cells of a table column (the table at A1 with a header row), e.g. `B2:B31`. */
const dataRange = (t: SampleTable, name: string) => `${cellRef(column(t, name), 2)}:${cellRef(column(t, name), t.rows.length + 1)}`;

const styleOf = (numFmt: string | undefined) => (numFmt === "yyyy-mm-dd" ? XF.date : numFmt === "#,##0" ? XF.amount : undefined);

/**
 * A table on its own sheet at A1, as the sample has it: header row, data, column widths, the
 * date and amount formats on the table's columns (so rows added below get them too).
 */
function tableSheet(book: Book, t: SampleTable): Sheet {
  const sheet = book.sheet(t.name);
  t.columns.forEach((c, i) => sheet.value(cellRef(i + 1, 1), c.name));
  t.rows.forEach((row, r) => row.forEach((v, i) => sheet.value(cellRef(i + 1, r + 2), v as Value, styleOf(t.columns[i].numFmt))));
  sheet.cols = t.columns.map((c, i) => {
    const style = styleOf(c.numFmt);
    return `<col${attrs({ min: i + 1, max: i + 1, width: (c.width ?? Math.max(10, c.name.length + 4)) + 0.7109375, style, customWidth: 1 })}/>`;
  });
  book.table(sheet, t.name, `A1:${cellRef(t.columns.length, t.rows.length + 1)}`, t.columns.map((c) => c.name));
  return sheet;
}

function tableSheets(book: Book, list: readonly SampleTable[]): void {
  for (const t of list) tableSheet(book, t);
}

// ---------------------------------------------------------------------------------------------
// Drawings, charts, pictures

/** A drawing part for `sheet` holding `anchors`; returns the drawing's part name. */
function addDrawing(book: Book, sheet: Sheet, anchors: string, namespaces = ""): string {
  const n = book.next("drawing");
  const name = `xl/drawings/drawing${n}.xml`;
  book.pkg.add(name, `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"${namespaces}>${anchors}</xdr:wsDr>`, CT.drawing);
  sheet.drawing = sheet.rel(REL.drawing, `../drawings/drawing${n}.xml`);
  return name;
}

/**
 * A clustered bar chart of the first `count` deals' amounts, referring to the Deals table's cells
 * with their values cached (as Excel keeps them, so the chart draws before recalculation).
 */
function dealsChart(book: Book, sheet: Sheet, deals: SampleTable, count: number): void {
  const ids = deals.rows.slice(0, count).map((r) => String(r[column(deals, "DealId") - 1]));
  const amounts = deals.rows.slice(0, count).map((r) => Number(r[column(deals, "Amount") - 1]));
  const idColumn = letter(column(deals, "DealId"));
  const amountColumn = letter(column(deals, "Amount"));
  const points = (values: (string | number)[]) => values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`).join("");
  const chart = book.next("chart");
  book.pkg.add(
    `xl/charts/chart${chart}.xml`,
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/><c:chart>` +
      '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r><a:rPr lang="en-US"/><a:t>Deal amounts, first twelve deals</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>' +
      '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Deals!$${amountColumn}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Amount</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
      '<c:spPr><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>' +
      `<c:cat><c:strRef><c:f>Deals!$${idColumn}$2:$${idColumn}$${count + 1}</c:f><c:strCache><c:ptCount val="${count}"/>${points(ids)}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>Deals!$${amountColumn}$2:$${amountColumn}$${count + 1}</c:f><c:numCache><c:formatCode>#,##0</c:formatCode><c:ptCount val="${count}"/>${points(amounts)}</c:numCache></c:numRef></c:val></c:ser>` +
      '<c:gapWidth val="182"/><c:axId val="510116224"/><c:axId val="510117864"/></c:barChart>' +
      '<c:catAx><c:axId val="510116224"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="510117864"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
      '<c:valAx><c:axId val="510117864"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="510116224"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
      '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
      '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>',
    CT.chart,
  );
  const drawing = addDrawing(
    book,
    sheet,
    `<xdr:twoCellAnchor editAs="oneCell">${anchorPoint("from", 1, 2)}${anchorPoint("to", 10, 22)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1" descr="Deal amounts of the first twelve deals"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  book.pkg.rel(drawing, REL.chart, `../charts/chart${chart}.xml`);
}

/** A 48×48 PNG (the team's logo mark: a blue square with a white bar chart), written without zlib so its bytes never vary. */
function logoPng(): Uint8Array {
  const size = 48;
  const raw: number[] = [];
  for (let y = 0; y < size; y++) {
    raw.push(0); // filter: none
    for (let x = 0; x < size; x++) {
      const bar = [12, 22, 32].findIndex((left) => x >= left && x < left + 6);
      const top = [28, 20, 10][bar] ?? size;
      const white = bar >= 0 && y >= top && y < 38;
      raw.push(...(white ? [255, 255, 255] : [15, 108, 189]));
    }
  }
  // A zlib stream of stored (uncompressed) blocks, with its Adler-32.
  const zlib: number[] = [0x78, 0x01];
  for (let at = 0; at < raw.length; at += 65535) {
    const block = raw.slice(at, at + 65535);
    const last = at + 65535 >= raw.length ? 1 : 0;
    zlib.push(last, block.length & 0xff, block.length >> 8, ~block.length & 0xff, (~block.length >> 8) & 0xff, ...block);
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  zlib.push(b >> 8, b & 0xff, a >> 8, a & 0xff);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: number[]) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const chunk = (type: string, data: number[]) => {
    const body = [...type].map((ch) => ch.charCodeAt(0)).concat(data);
    return [...u32(data.length), ...body, ...u32(crc(body))];
  };
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk("IHDR", [...u32(size), ...u32(size), 8, 2, 0, 0, 0]),
    ...chunk("IDAT", zlib),
    ...chunk("IEND", []),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Notes, threaded comments, VML

const VML_NAMESPACES = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

/** A note's VML shape (Excel keeps every note's box in the sheet's VML drawing). */
function noteShape(shapeId: number, row: number, column: number): string {
  return (
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:107.25pt;margin-top:1.5pt;width:144pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column + 1}, 15, ${Math.max(row - 1, 0)}, 2, ${column + 4}, 15, ${Math.max(row - 1, 0) + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
  );
}

const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A sheet's VML drawing; `block` is the drawing's number, which sets the range of its shape ids (block × 1024 + 1…). */
function addVml(book: Book, sheet: Sheet, block: number, shapes: string): void {
  const n = book.next("vmlDrawing");
  book.pkg.add(`xl/drawings/vmlDrawing${n}.vml`, `<xml ${VML_NAMESPACES}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${shapes}</xml>`);
  sheet.legacyDrawing = sheet.rel(REL.vmlDrawing, `../drawings/vmlDrawing${n}.vml`);
}

interface Note {
  ref: string;
  author: string;
  /** A note's text; Excel starts it with the author's name in bold. */
  text: string;
  /** The id of the threaded comment this note stands in for (older Excel shows it). */
  threadId?: string;
}

/** The legacy comments part of a sheet. */
function addComments(book: Book, sheet: Sheet, notes: readonly Note[]): void {
  const authors = [...new Set(notes.map((n) => (n.threadId ? `tc=${n.threadId}` : n.author)))];
  const run = (bold: boolean, text: string) =>
    `<r><rPr>${bold ? "<b/>" : ""}<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${esc(text)}</t></r>`;
  const comments = notes.map((n) => {
    const body = n.threadId ? `<text><t xml:space="preserve">${esc(n.text)}</t></text>` : `<text>${run(true, `${n.author}:`)}${run(false, `\n${n.text}`)}</text>`;
    const author = authors.indexOf(n.threadId ? `tc=${n.threadId}` : n.author);
    return `<comment${attrs({ ref: n.ref, authorId: author, shapeId: 0, "xr:uid": n.threadId })}>${body}</comment>`;
  });
  const n = book.next("comments");
  book.pkg.add(
    `xl/comments${n}.xml`,
    `<comments xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join("")}</authors><commentList>${comments.join("")}</commentList></comments>`,
    CT.comments,
  );
  sheet.rel(REL.comments, `../comments${n}.xml`);
}

// ---------------------------------------------------------------------------------------------
// Protection

/** Excel's sheet protection hash: SHA-512 over salt and UTF-16 password, then 100,000 rounds over hash and round number. */
function sheetProtection(password: string, label: string): string {
  const salt = crypto.createHash("sha256").update(`salt:${label}`).digest().subarray(0, 16);
  let hash = crypto.createHash("sha512").update(Buffer.concat([salt, Buffer.from(password, "utf16le")])).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < 100_000; i++) {
    round.writeUInt32LE(i);
    hash = crypto.createHash("sha512").update(Buffer.concat([hash, round])).digest();
  }
  return `<sheetProtection algorithmName="SHA-512" hashValue="${hash.toString("base64")}" saltValue="${salt.toString("base64")}" spinCount="100000" sheet="1" objects="1" scenarios="1"/>`;
}

// ---------------------------------------------------------------------------------------------
// The VBA project: an OLE compound file (MS-CFB) holding a VBA storage (MS-OVBA)

/**
 * MS-OVBA's compression, with literal tokens only (a valid compressed container: a compressor may
 * always emit literals). Chunks of 4,096 bytes that would grow are stored raw, as the format allows.
 */
function ovbaCompress(data: Uint8Array): Uint8Array {
  const out: number[] = [0x01];
  for (let at = 0; at < data.length; at += 4096) {
    const chunk = data.subarray(at, at + 4096);
    const tokens: number[] = [];
    for (let i = 0; i < chunk.length; i += 8) tokens.push(0x00, ...chunk.subarray(i, i + 8));
    if (tokens.length <= 4096) {
      const header = (tokens.length + 2 - 3) | 0xb000; // compressed, signature 0b011
      out.push(header & 0xff, header >> 8, ...tokens);
    } else if (chunk.length === 4096) {
      const header = 4095 | 0x3000; // raw chunk: always 4,096 bytes
      out.push(header & 0xff, header >> 8, ...chunk);
    } else {
      throw new Error("the last chunk of a VBA stream is too long for literal-only compression");
    }
  }
  return new Uint8Array(out);
}

/** MS-OVBA's data encryption (used for the PROJECT stream's CMG, DPB and GC), with a fixed seed. */
function ovbaEncrypt(projectId: string, data: number[], seed: number): string {
  const projKey = [...projectId].reduce((sum, ch) => (sum + ch.charCodeAt(0)) & 0xff, 0);
  const out = [seed, seed ^ 2, seed ^ projKey];
  let unencrypted1 = projKey;
  let encrypted1 = seed ^ projKey;
  let encrypted2 = seed ^ 2;
  const put = (byte: number) => {
    const enc = byte ^ ((encrypted2 + unencrypted1) & 0xff);
    out.push(enc);
    encrypted2 = encrypted1;
    encrypted1 = enc;
    unencrypted1 = byte;
  };
  for (let i = 0; i < (seed & 6) / 2; i++) put(0x5a + i);
  const length = data.length;
  [length & 0xff, (length >> 8) & 0xff, (length >> 16) & 0xff, (length >>> 24) & 0xff].forEach(put);
  data.forEach(put);
  return out.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("");
}

/** A little-endian record writer for the VBA `dir` stream. */
class Records {
  readonly bytes: number[] = [];
  u16(n: number): this {
    this.bytes.push(n & 0xff, (n >> 8) & 0xff);
    return this;
  }
  u32(n: number): this {
    this.bytes.push(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
    return this;
  }
  raw(bytes: readonly number[]): this {
    this.bytes.push(...bytes);
    return this;
  }
  /** A record of fixed-size data: id, size, data. */
  fixed(id: number, size: number, value: number): this {
    this.u16(id).u32(size);
    return size === 2 ? this.u16(value) : this.u32(value);
  }
  /** A record of text: id, size, text as code page 1252 (ASCII here). */
  text(id: number, text: string): this {
    return this.u16(id).u32(text.length).raw([...text].map((c) => c.charCodeAt(0)));
  }
  /** The Unicode half of a record pair: reserved id, size, UTF-16 text. */
  unicode(id: number, text: string): this {
    return this.u16(id).u32(text.length * 2).raw([...Buffer.from(text, "utf16le")]);
  }
}

interface VbaModule {
  name: string;
  /** A document module (ThisWorkbook, a sheet) or a standard one. */
  document: boolean;
  source: string;
}

/**
 * The VBA project's streams per MS-OVBA: `dir` (compressed project information and module list),
 * `_VBA_PROJECT` (no compiled code: version 0xFFFF, which makes Office compile from the source),
 * one compressed source stream per module, PROJECT (the project's properties) and PROJECTwm.
 */
function vbaStreams(modules: readonly VbaModule[]): { vba: Map<string, Uint8Array>; root: Map<string, Uint8Array> } {
  const projectId = "{5C3A0D53-8D1E-4B6A-9E43-2F1B7C9A6E21}";
  const dir = new Records()
    .fixed(0x0001, 4, 1) // SYSKIND: 32-bit Windows
    .fixed(0x0002, 4, 0x409) // LCID
    .fixed(0x0014, 4, 0x409) // LCIDINVOKE
    .fixed(0x0003, 2, 1252) // CODEPAGE
    .text(0x0004, "VBAProject")
    .text(0x0005, "")
    .unicode(0x0040, "")
    .text(0x0006, "")
    .text(0x003d, "")
    .fixed(0x0007, 4, 0) // HELPCONTEXT
    .fixed(0x0008, 4, 0) // LIBFLAGS
    .u16(0x0009) // VERSION: reserved 4, major, minor
    .u32(4)
    .u32(1)
    .u16(0)
    .text(0x000c, "")
    .unicode(0x003c, "")
    .u16(0x000f) // MODULES
    .u32(2)
    .u16(modules.length)
    .fixed(0x0013, 2, 0xffff); // PROJECTCOOKIE
  for (const m of modules) {
    dir
      .text(0x0019, m.name)
      .unicode(0x0047, m.name)
      .text(0x001a, m.name)
      .unicode(0x0032, m.name)
      .text(0x001c, "")
      .unicode(0x0048, "")
      .fixed(0x0031, 4, 0) // source at offset 0: no compiled code before it
      .fixed(0x001e, 4, 0)
      .fixed(0x002c, 2, 0xffff)
      .u16(m.document ? 0x0022 : 0x0021)
      .u32(0)
      .u16(0x002b)
      .u32(0);
  }
  dir.u16(0x0010).u32(0);

  const vba = new Map<string, Uint8Array>();
  vba.set("dir", ovbaCompress(new Uint8Array(dir.bytes)));
  vba.set("_VBA_PROJECT", new Uint8Array([0xcc, 0x61, 0xff, 0xff, 0x00, 0x00, 0x00]));
  for (const m of modules) vba.set(m.name, ovbaCompress(new Uint8Array(Buffer.from(m.source.replace(/\n/g, "\r\n"), "latin1"))));

  const project = [
    `ID="${projectId}"`,
    ...modules.map((m) => (m.document ? `Document=${m.name}/&H00000000` : `Module=${m.name}`)),
    'Name="VBAProject"',
    'HelpContextID="0"',
    'VersionCompatible32="393222000"',
    `CMG="${ovbaEncrypt(projectId, [0, 0, 0, 0], 0x3a)}"`,
    `DPB="${ovbaEncrypt(projectId, [0], 0x5c)}"`,
    `GC="${ovbaEncrypt(projectId, [0xff], 0x91)}"`,
    "",
    "[Host Extender Info]",
    "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
    "",
    "[Workspace]",
    ...modules.map((m) => `${m.name}=0, 0, 0, 0, C`),
    "",
  ].join("\r\n");
  const wm = new Records();
  for (const m of modules) wm.raw([...m.name].map((c) => c.charCodeAt(0))).raw([0]).raw([...Buffer.from(m.name, "utf16le")]).u16(0);
  wm.u16(0);
  const rootStreams = new Map<string, Uint8Array>();
  rootStreams.set("PROJECT", new Uint8Array(Buffer.from(project, "latin1")));
  rootStreams.set("PROJECTwm", new Uint8Array(wm.bytes));
  return { vba, root: rootStreams };
}

interface CfbEntry {
  name: string;
  type: 1 | 2 | 5; // storage, stream, root
  data?: Uint8Array;
  children: CfbEntry[];
  index?: number;
  start?: number;
}

/**
 * An OLE compound file, version 3 (MS-CFB): 512-byte sectors, one FAT, the directory (each
 * storage's children a balanced binary tree, all black, which the format allows), and streams
 * under 4,096 bytes in the mini stream, as the format requires.
 */
function compoundFile(rootStreams: Map<string, Uint8Array>, storages: Map<string, Map<string, Uint8Array>>): Uint8Array {
  const SECTOR = 512;
  const MINI = 64;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const NONE = 0xffffffff;
  const stream = (name: string, data: Uint8Array): CfbEntry => ({ name, type: 2, data, children: [] });
  const rootEntry: CfbEntry = {
    name: "Root Entry",
    type: 5,
    children: [
      ...[...storages].map(([name, streams]): CfbEntry => ({ name, type: 1, children: [...streams].map(([n, d]) => stream(n, d)) })),
      ...[...rootStreams].map(([n, d]) => stream(n, d)),
    ],
  };
  const entries: CfbEntry[] = [];
  const walk = (e: CfbEntry) => {
    e.index = entries.length;
    entries.push(e);
    e.children.forEach(walk);
  };
  walk(rootEntry);
  const streams = entries.filter((e) => e.type === 2);
  const small = streams.filter((e) => e.data!.length < 4096);
  const large = streams.filter((e) => e.data!.length >= 4096);

  // The mini stream: small streams in 64-byte mini sectors, chained in the mini FAT.
  const miniFat: number[] = [];
  const miniChunks: Uint8Array[] = [];
  for (const e of small) {
    const count = Math.ceil(e.data!.length / MINI);
    if (!count) {
      e.start = END;
      continue;
    }
    e.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : miniFat.length + 1);
    const padded = new Uint8Array(count * MINI);
    padded.set(e.data!);
    miniChunks.push(padded);
  }
  const miniStream = Buffer.concat(miniChunks);
  const sectors = (bytes: number) => Math.ceil(bytes / SECTOR);
  const dirSectors = sectors(entries.length * 128);
  const miniFatSectors = sectors(miniFat.length * 4);
  const miniStreamSectors = sectors(miniStream.length);
  const largeSectors = large.reduce((n, e) => n + sectors(e.data!.length), 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dirSectors + miniFatSectors + miniStreamSectors + largeSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("compound file too large for the header's FAT list");

  const fat: number[] = [];
  const chain = (count: number): number => {
    if (!count) return END;
    const first = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END : fat.length + 1);
    return first;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  rootEntry.start = chain(miniStreamSectors);
  for (const e of large) e.start = chain(sectors(e.data!.length));
  const totalSectors = fat.length;
  while (fat.length < fatSectors * 128) fat.push(FREE);

  // Directory: siblings as a balanced tree ordered by name length, then upper-case name.
  const compare = (a: CfbEntry, b: CfbEntry) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0);
  const left = new Map<CfbEntry, number>();
  const right = new Map<CfbEntry, number>();
  const child = new Map<CfbEntry, number>();
  const tree = (list: CfbEntry[]): number => {
    if (!list.length) return NONE;
    const mid = Math.floor(list.length / 2);
    const node = list[mid];
    left.set(node, tree(list.slice(0, mid)));
    right.set(node, tree(list.slice(mid + 1)));
    return node.index!;
  };
  for (const e of entries) if (e.type !== 2) child.set(e, tree([...e.children].sort(compare)));
  const directory = Buffer.alloc(dirSectors * SECTOR);
  for (let i = 0; i < dirSectors * 4; i++) {
    const at = i * 128;
    const e = entries[i];
    if (!e) {
      directory.writeUInt32LE(NONE, at + 68);
      directory.writeUInt32LE(NONE, at + 72);
      directory.writeUInt32LE(NONE, at + 76);
      continue;
    }
    directory.write(e.name, at, "utf16le");
    directory.writeUInt16LE((e.name.length + 1) * 2, at + 64);
    directory.writeUInt8(e.type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(left.get(e) ?? NONE, at + 68);
    directory.writeUInt32LE(right.get(e) ?? NONE, at + 72);
    directory.writeUInt32LE(child.get(e) ?? NONE, at + 76);
    const size = e.type === 5 ? miniStream.length : e.type === 2 ? e.data!.length : 0;
    directory.writeUInt32LE(e.type === 1 ? 0 : (e.start ?? END), at + 116);
    directory.writeUInt32LE(size, at + 120);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(miniFatSectors ? miniFatStart : END, 60);
  header.writeUInt32LE(miniFatSectors, 64);
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 76 + i * 4);

  const body = Buffer.alloc(totalSectors * SECTOR);
  const fatBytes = Buffer.alloc(fatSectors * SECTOR);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v, i * 4));
  fatBytes.copy(body, 0);
  directory.copy(body, dirStart * SECTOR);
  if (miniFatSectors) {
    const bytes = Buffer.alloc(miniFatSectors * SECTOR, 0xff);
    miniFat.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
    bytes.copy(body, miniFatStart * SECTOR);
  }
  if (miniStreamSectors) miniStream.copy(body, rootEntry.start * SECTOR);
  for (const e of large) Buffer.from(e.data!).copy(body, e.start! * SECTOR);
  return new Uint8Array(Buffer.concat([header, body]));
}

/** The team's VBA project: ThisWorkbook, one document module per sheet and a standard module. */
function vbaProject(sheetCodeNames: readonly string[]): Uint8Array {
  const documentModule = (name: string, base: string) =>
    [
      `Attribute VB_Name = "${name}"`,
      `Attribute VB_Base = "${base}"`,
      "Attribute VB_GlobalNameSpace = False",
      "Attribute VB_Creatable = False",
      "Attribute VB_PredeclaredId = True",
      "Attribute VB_Exposed = True",
      "Attribute VB_TemplateDerived = False",
      "Attribute VB_Customizable = True",
      "",
    ].join("\n");
  const modules: VbaModule[] = [
    { name: "ThisWorkbook", document: true, source: documentModule("ThisWorkbook", "0{00020819-0000-0000-C000-000000000046}") },
    ...sheetCodeNames.map((name) => ({ name, document: true, source: documentModule(name, "0{00020820-0000-0000-C000-000000000046}") })),
    {
      name: "Module1",
      document: false,
      source: [
        'Attribute VB_Name = "Module1"',
        "Option Explicit",
        "",
        "' Recalculates the partner scores after a bulk paste into the partner tables.",
        "Public Sub RefreshPartnerScores()",
        "    Application.CalculateFull",
        "End Sub",
        "",
        "' Marks today's tasks of the selected partner as done.",
        "Public Sub MarkTasksDone()",
        "    Dim row As ListRow",
        "    For Each row In Worksheets(\"Tasks\").ListObjects(\"Tasks\").ListRows",
        "        If row.Range.Cells(1, 1).Value = ActiveCell.Value And IsEmpty(row.Range.Cells(1, 5).Value) Then",
        "            row.Range.Cells(1, 5).Value = Date",
        "        End If",
        "    Next row",
        "End Sub",
        "",
      ].join("\n"),
    },
  ];
  const { vba, root: rootStreams } = vbaStreams(modules);
  return compoundFile(rootStreams, new Map([["VBA", vba]]));
}

// ---------------------------------------------------------------------------------------------
// The files

/**
 * 1. A chart over the Deals table, a pivot table of Amount by Outcome with its cache and a slicer
 * on it, an x14 data bar on Metrics[Potential] and a colour scale on Plan[Actual].
 */
async function teamAnalysis(): Promise<Uint8Array> {
  const list = tables();
  const book = new Book({ title: "Channel analysis FY2026", creator: "Jonas Becker", lastModifiedBy: "Helena Vogt", created: "2026-03-02T08:15:00Z" });
  tableSheets(book, list);
  const deals = table(list, "Deals");

  // Conditional formats. The data bar is Excel 2010's: the classic rule links (x14:id) to its
  // full definition in the sheet's extension list.
  const metrics = book.find("Metrics");
  const potential = dataRange(table(list, "Metrics"), "Potential");
  const barId = guid("data bar Metrics Potential");
  metrics.conditionalFormats.push(
    `<conditionalFormatting sqref="${potential}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
      `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${NS.x14}"><x14:id>${barId}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
  );
  metrics.exts.push({
    uri: SHEET_EXT.conditionalFormattings,
    xml:
      `<ext uri="${SHEET_EXT.conditionalFormattings}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}">` +
      `<x14:cfRule type="dataBar" id="${barId}"><x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>` +
      '<x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/><x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>' +
      `<xm:sqref>${potential}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
  });
  book.find("Plan").conditionalFormats.push(
    `<conditionalFormatting sqref="${dataRange(table(list, "Plan"), "Actual")}"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>` +
      '<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>',
  );

  const analysis = book.sheet("Analysis");
  analysis.value("A1", "Deal pipeline", XF.title);
  analysis.value("A2", "The first twelve deals of the Deals table.");
  dealsChart(book, analysis, deals, 12);

  pivotWithSlicer(book, book.sheet("Pivot"), deals);
  return book.finish();
}

/**
 * A pivot table summing Deals[Amount] by Outcome, its cache (the Deals table as source, every
 * record cached) and a slicer on Outcome, as Excel writes them.
 */
function pivotWithSlicer(book: Book, sheet: Sheet, deals: SampleTable): void {
  const outcomeColumn = column(deals, "Outcome") - 1;
  const amountColumn = column(deals, "Amount") - 1;
  const outcomes = [...new Set(deals.rows.map((r) => String(r[outcomeColumn])))].sort();
  const stages = [...new Set(deals.rows.map((r) => String(r[column(deals, "Stage") - 1])))].sort();
  const iso = (d: Date) => d.toISOString().slice(0, 19);
  const amounts = deals.rows.map((r) => Number(r[amountColumn]));
  const dates = (name: string) => deals.rows.map((r) => r[column(deals, name) - 1] as Date | null);
  const dateItems = (name: string) => {
    const present = dates(name).filter((d): d is Date => d instanceof Date);
    const blank = present.length < deals.rows.length;
    const sorted = present.map(iso).sort();
    return `<sharedItems${attrs({ containsSemiMixedTypes: blank ? undefined : 0, containsNonDate: 0, containsDate: 1, containsString: 0, containsBlank: blank ? 1 : undefined, minDate: sorted[0], maxDate: sorted[sorted.length - 1] })}/>`;
  };
  // The cache's fields: Outcome and Stage keep a list of shared items (records point into it, as
  // Excel does for the fields a pivot table groups by); the others hold their values in each record.
  const fields = deals.columns.map((c) => {
    switch (c.name) {
      case "Amount":
        return `<cacheField name="Amount" numFmtId="3"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="${Math.min(...amounts)}" maxValue="${Math.max(...amounts)}"/></cacheField>`;
      case "Outcome":
        return `<cacheField name="Outcome" numFmtId="0"><sharedItems count="${outcomes.length}">${outcomes.map((o) => `<s v="${esc(o)}"/>`).join("")}</sharedItems></cacheField>`;
      case "Stage":
        return `<cacheField name="Stage" numFmtId="0"><sharedItems count="${stages.length}">${stages.map((o) => `<s v="${esc(o)}"/>`).join("")}</sharedItems></cacheField>`;
      case "Opened":
      case "Closed":
        return `<cacheField name="${c.name}" numFmtId="164">${dateItems(c.name)}</cacheField>`;
      default:
        return `<cacheField name="${esc(c.name)}" numFmtId="0"><sharedItems/></cacheField>`;
    }
  });
  const records = deals.rows.map(
    (row) =>
      `<r>${row
        .map((v, i) => {
          const name = deals.columns[i].name;
          if (name === "Outcome") return `<x v="${outcomes.indexOf(String(v))}"/>`;
          if (name === "Stage") return `<x v="${stages.indexOf(String(v))}"/>`;
          if (v instanceof Date) return `<d v="${iso(v)}"/>`;
          if (v === null || v === undefined) return "<m/>";
          if (typeof v === "number") return `<n v="${v}"/>`;
          return `<s v="${esc(String(v))}"/>`;
        })
        .join("")}</r>`,
  );
  const pivotCacheId = 287356127;
  const cacheNumber = book.next("pivotCache");
  const cacheName = `xl/pivotCache/pivotCacheDefinition${cacheNumber}.xml`;
  book.pkg.add(
    cacheName,
    `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshedBy="Helena Vogt" refreshedDate="46294.6875" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="${records.length}">` +
      '<cacheSource type="worksheet"><worksheetSource name="Deals"/></cacheSource>' +
      `<cacheFields count="${fields.length}">${fields.join("")}</cacheFields>` +
      `<extLst><ext uri="{725AE2AE-9491-48be-B2B4-4EB974FC3084}" xmlns:x14="${NS.x14}"><x14:pivotCacheDefinition pivotCacheId="${pivotCacheId}"/></ext></extLst></pivotCacheDefinition>`,
    CT.pivotCacheDefinition,
  );
  book.pkg.rel(cacheName, REL.pivotCacheRecords, `pivotCacheRecords${cacheNumber}.xml`);
  book.pkg.add(
    `xl/pivotCache/pivotCacheRecords${cacheNumber}.xml`,
    `<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="${records.length}">${records.join("")}</pivotCacheRecords>`,
    CT.pivotCacheRecords,
  );
  const cacheRel = book.rel(REL.pivotCacheDefinition, `pivotCache/pivotCacheDefinition${cacheNumber}.xml`);
  book.pivotCaches.push(`<pivotCache cacheId="${cacheNumber}" r:id="${cacheRel}"/>`);

  // The pivot table at A3 (compact layout): header, one row per outcome, grand total; the cells
  // hold what Excel shows.
  const sums = outcomes.map((o) => deals.rows.filter((r) => r[outcomeColumn] === o).reduce((n, r) => n + Number(r[amountColumn]), 0));
  const last = 4 + outcomes.length;
  sheet.value("A1", "Deal amounts by outcome", XF.title);
  sheet.value("A3", "Row Labels");
  sheet.value("B3", "Sum of Amount");
  outcomes.forEach((o, i) => {
    sheet.value(`A${4 + i}`, o);
    sheet.value(`B${4 + i}`, sums[i], XF.amount);
  });
  sheet.value(`A${last}`, "Grand Total");
  sheet.value(`B${last}`, amounts.reduce((a, b) => a + b, 0), XF.amount);
  sheet.cols = ['<col min="1" max="1" width="13.140625" bestFit="1" customWidth="1"/>', '<col min="2" max="2" width="15.28515625" bestFit="1" customWidth="1"/>'];
  const pivotFields = deals.columns.map((c) => {
    if (c.name === "Amount") return '<pivotField dataField="1" numFmtId="3" showAll="0"/>';
    if (c.name === "Outcome") return `<pivotField axis="axisRow" showAll="0"><items count="${outcomes.length + 1}">${outcomes.map((_, i) => `<item x="${i}"/>`).join("")}<item t="default"/></items></pivotField>`;
    if (c.name === "Opened" || c.name === "Closed") return '<pivotField numFmtId="164" showAll="0"/>';
    return '<pivotField showAll="0"/>';
  });
  const pivotNumber = book.next("pivotTable");
  const pivotName = `xl/pivotTables/pivotTable${pivotNumber}.xml`;
  book.pkg.add(
    pivotName,
    `<pivotTableDefinition xmlns="${NS.main}" name="PivotTable1" cacheId="${cacheNumber}" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
      `<location ref="A3:B${last}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
      `<pivotFields count="${pivotFields.length}">${pivotFields.join("")}</pivotFields>` +
      `<rowFields count="1"><field x="${outcomeColumn}"/></rowFields>` +
      `<rowItems count="${outcomes.length + 1}">${outcomes.map((_, i) => (i ? `<i><x v="${i}"/></i>` : "<i><x/></i>")).join("")}<i t="grand"><x/></i></rowItems>` +
      '<colItems count="1"><i/></colItems>' +
      `<dataFields count="1"><dataField name="Sum of Amount" fld="${amountColumn}" baseField="0" baseItem="0" numFmtId="3"/></dataFields>` +
      '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>',
    CT.pivotTable,
  );
  book.pkg.rel(pivotName, REL.pivotCacheDefinition, `../pivotCache/pivotCacheDefinition${cacheNumber}.xml`);
  sheet.rel(REL.pivotTable, `../pivotTables/pivotTable${pivotNumber}.xml`);

  // The slicer: its cache (the pivot cache's Outcome items, all selected), the slicer part on the
  // sheet, a defined name Excel keeps for the cache, and the drawing that shows it (with a fallback
  // shape for Excel 2007).
  const slicerCache = book.next("slicerCache");
  book.pkg.add(
    `xl/slicerCaches/slicerCache${slicerCache}.xml`,
    `<slicerCacheDefinition xmlns="${NS.x14}" name="Slicer_Outcome" sourceName="Outcome"><pivotTables><pivotTable tabId="${sheet.sheetId}" name="PivotTable1"/></pivotTables>` +
      `<data><tabular pivotCacheId="${pivotCacheId}"><items count="${outcomes.length}">${outcomes.map((_, i) => `<i x="${i}" s="1"/>`).join("")}</items></tabular></data></slicerCacheDefinition>`,
    CT.slicerCache,
  );
  const slicerCacheRel = book.rel(REL.slicerCache, `slicerCaches/slicerCache${slicerCache}.xml`);
  book.exts.push({
    uri: "{BBE1A952-AA13-448e-AADC-164F8A28A991}",
    xml: `<ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${NS.x14}"><x14:slicerCaches><x14:slicerCache r:id="${slicerCacheRel}"/></x14:slicerCaches></ext>`,
  });
  book.name({ name: "Slicer_Outcome", formula: "#N/A" });
  const slicer = book.next("slicer");
  book.pkg.add(`xl/slicers/slicer${slicer}.xml`, `<slicers xmlns="${NS.x14}"><slicer name="Outcome" cache="Slicer_Outcome" caption="Outcome" rowHeight="241300"/></slicers>`, CT.slicer);
  const slicerRel = sheet.rel(REL.slicer, `../slicers/slicer${slicer}.xml`);
  sheet.exts.push({
    uri: SHEET_EXT.slicerList,
    xml: `<ext uri="${SHEET_EXT.slicerList}" xmlns:x14="${NS.x14}"><x14:slicerList><x14:slicer r:id="${slicerRel}"/></x14:slicerList></ext>`,
  });
  const position = `${anchorPoint("from", 3, 2)}${anchorPoint("to", 6, 15)}`;
  addDrawing(
    book,
    sheet,
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice xmlns:a14="${NS.a14}" Requires="a14"><xdr:twoCellAnchor editAs="oneCell">${position}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Outcome"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.sle}"><sle:slicer xmlns:sle="${NS.sle}" name="Outcome"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></mc:Choice>` +
      `<mc:Fallback><xdr:twoCellAnchor editAs="oneCell">${position}<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="0" name=""/><xdr:cNvSpPr><a:spLocks noTextEdit="1"/></xdr:cNvSpPr></xdr:nvSpPr>` +
      '<xdr:spPr><a:xfrm><a:off x="2000250" y="381000"/><a:ext cx="1828800" cy="2476500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:prstClr val="white"/></a:solidFill><a:ln w="1"><a:solidFill><a:prstClr val="green"/></a:solidFill></a:ln></xdr:spPr>' +
      '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="1100"/><a:t>This shape represents a slicer. Slicers are supported in Excel 2010 or later.</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></mc:Fallback></mc:AlternateContent>',
  );
}

/**
 * 2. Formatting and names: 2010-style and classic data validation, sparklines, a named cell style,
 * a custom theme, frozen panes, merged cells, print areas and titles, defined names of every
 * kind, custom document properties.
 */
async function teamFormatting(): Promise<Uint8Array> {
  const list = tables();
  const book = new Book({
    title: "Partner network FY2026",
    creator: "Amira Haddad",
    lastModifiedBy: "Jonas Becker",
    created: "2025-11-17T10:02:00Z",
    theme: CHANNEL_THEME,
    noteStyle: true,
    customProperties: [
      { name: "Department", value: "Channel sales EMEA" },
      { name: "Partner count", value: PARTNERS, integer: true },
      { name: "Margin target", value: 0.2 },
      { name: "Review date", value: new Date(Date.UTC(2026, 8, 30)) },
      { name: "Approved", value: true },
    ],
  });
  const partners = table(list, "Partners");
  const regions = [...new Set(partners.rows.map((r) => String(r[column(partners, "Region") - 1])))].sort();

  // Summary first: a merged title, counts per region, the defined names in use, notes in the
  // team's own cell style.
  const summary = book.sheet("Summary");
  tableSheets(book, list);
  summary.value("A1", "Partner network FY2026", XF.title);
  summary.merges.push("A1:F1");
  summary.value("A3", "Region", XF.header);
  summary.value("B3", "Partners", XF.header);
  summary.value("C3", "Share", XF.header);
  regions.forEach((region, i) => {
    const r = 4 + i;
    const count = partners.rows.filter((row) => row[column(partners, "Region") - 1] === region).length;
    summary.value(`A${r}`, region);
    summary.formula(`B${r}`, `COUNTIFS(Partners[Region],$A${r})`, count);
    summary.formula(`C${r}`, `B${r}/ROWS(Partners[PartnerId])`, count / partners.rows.length, { style: XF.percent });
  });
  const deals = table(list, "Deals");
  const amounts = deals.rows.map((r) => Number(r[column(deals, "Amount") - 1])).sort((a, b) => b - a);
  const below = 5 + regions.length;
  summary.value(`A${below}`, "Gross margin target");
  summary.formula(`B${below}`, "MarginTarget", 0.2, { style: XF.percent });
  summary.value(`A${below + 1}`, "Three largest deals");
  summary.formula(`B${below + 1}`, "SUM(TopDeals)", amounts[0] + amounts[1] + amounts[2], { style: XF.amount });
  summary.value(`A${below + 2}`, "Review cut-off");
  summary.value(`B${below + 2}`, new Date(Date.UTC(2026, 8, 30)));
  summary.value(`A${below + 4}`, "Counts follow the Partners table; the margin target is agreed with finance each year.", XF.note);
  summary.value(`A${below + 5}`, "Regions are the finance system's; add one on the Lists sheet first.", XF.note);
  summary.cols = ['<col min="1" max="1" width="34.7109375" customWidth="1"/>', '<col min="2" max="3" width="14.7109375" customWidth="1"/>'];
  book.name({ name: "ReviewCutoff", formula: `Summary!$B$${below + 2}`, localSheetId: summary.index });

  // Lists: the region list a 2010-style validation on Partners[Region] points at.
  const lists = book.sheet("Lists");
  lists.value("A1", "Region", XF.header);
  regions.forEach((region, i) => lists.value(`A${2 + i}`, region));
  const regionList = `Lists!$A$2:$A$${1 + regions.length}`;
  book.name({ name: "Regions", formula: regionList });

  // Partners: frozen id and name columns, the validation to the Lists sheet (Excel 2010 writes a
  // list from another sheet in the extension list), print area, titles and page setup.
  const partnerSheet = book.find("Partners");
  partnerSheet.freeze = { columns: 2, rows: 1 };
  partnerSheet.tabColor = "FF0F6CBD";
  partnerSheet.exts.push({
    uri: SHEET_EXT.dataValidations,
    xml:
      `<ext uri="${SHEET_EXT.dataValidations}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}">` +
      '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Region" error="Choose a region from the Lists sheet." promptTitle="Region" prompt="The finance system\'s regions">' +
      `<x14:formula1><xm:f>${regionList}</xm:f></x14:formula1><xm:sqref>${dataRange(partners, "Region")}</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`,
  });
  partnerSheet.fitToPage = true;
  partnerSheet.printOptions = '<printOptions horizontalCentered="1"/>';
  partnerSheet.pageSetup = '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>';
  partnerSheet.headerFooter = "<headerFooter><oddHeader>&amp;L&amp;\"-,Bold\"Partner network FY2026&amp;R&amp;D</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>";
  book.name({ name: "_xlnm.Print_Area", formula: `Partners!$A$1:$${letter(partners.columns.length)}$${partners.rows.length + 1}`, localSheetId: partnerSheet.index });
  book.name({ name: "_xlnm.Print_Titles", formula: "Partners!$1:$1", localSheetId: partnerSheet.index });
  const dealSheet = book.find("Deals");
  book.name({ name: "_xlnm.Print_Titles", formula: "Deals!$1:$1", localSheetId: dealSheet.index });

  // Classic data validation: an inline list on Deals[Outcome], a whole-number range on Audit[Rating].
  dealSheet.validations.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${dataRange(deals, "Outcome")}"><formula1>"Open,Won,Lost"</formula1></dataValidation>`);
  const audit = table(list, "Audit");
  const auditSheet = book.find("Audit");
  auditSheet.freeze = { columns: 0, rows: 1 };
  auditSheet.validations.push(
    `<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="Rating" error="Choose a rating from 1 to 5." sqref="${dataRange(audit, "Rating")}"><formula1>1</formula1><formula2>5</formula2></dataValidation>`,
  );

  // Defined names: a constant with a comment, an array formula over a table column, a table
  // column, a hidden one.
  book.name({ name: "MarginTarget", formula: "0.2", comment: "Target partner gross margin, agreed with finance" });
  book.name({ name: "TopDeals", formula: "LARGE(Deals[Amount],{1,2,3})" });
  book.name({ name: "DealAmounts", formula: "Deals[Amount]" });
  book.name({ name: "ChannelModelVersion", formula: '"2026.3"', hidden: true });

  // Trends: a sparkline per assumption that changes over the years.
  const assumptions = table(list, "Assumptions");
  const trends = book.sheet("Trends");
  trends.value("A1", "Assumptions that change over the years", XF.title);
  trends.value("A3", "PartnerId", XF.header);
  trends.value("B3", "Assumption", XF.header);
  trends.value("C3", "Value to Year10", XF.header);
  const sparklines: string[] = [];
  let row = 4;
  assumptions.rows.forEach((r, i) => {
    if (r.slice(3).every((v) => v === null)) return;
    trends.value(`A${row}`, r[0] as string);
    trends.value(`B${row}`, r[1] as string);
    sparklines.push(`<x14:sparkline><xm:f>Assumptions!C${i + 2}:${letter(assumptions.columns.length)}${i + 2}</xm:f><xm:sqref>C${row}</xm:sqref></x14:sparkline>`);
    row++;
  });
  trends.cols = ['<col min="1" max="1" width="12.7109375" customWidth="1"/>', '<col min="2" max="2" width="22.7109375" customWidth="1"/>', '<col min="3" max="3" width="24.7109375" customWidth="1"/>'];
  trends.exts.push({
    uri: SHEET_EXT.sparklineGroups,
    xml:
      `<ext uri="${SHEET_EXT.sparklineGroups}" xmlns:x14="${NS.x14}"><x14:sparklineGroups xmlns:xm="${NS.xm}"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1">` +
      '<x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/>' +
      '<x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/><x14:colorHigh theme="4"/><x14:colorLow theme="4"/>' +
      `<x14:sparklines>${sparklines.join("")}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`,
  });
  return book.finish();
}

/**
 * 3. Notes and links: a note on a table header, a threaded comment with a reply (and the note
 * Excel pairs with it), a picture and a text box, internal and external hyperlinks, hidden and
 * very hidden sheets, a protected sheet, a link to another workbook, a text data connection with
 * its query table, and a form control check box.
 */
async function teamNotesLinks(): Promise<Uint8Array> {
  const list = tables();
  const book = new Book({ title: "Partner reviews", creator: "Helena Vogt", lastModifiedBy: "Jonas Becker", created: "2026-01-12T13:40:00Z" });
  const summary = book.sheet("Summary");
  tableSheets(book, list);
  const partners = table(list, "Partners");

  // A note on the Region header of the Partners table (outside the table's data).
  const partnerSheet = book.find("Partners");
  const regionHeader = cellRef(column(partners, "Region"), 1);
  addComments(book, partnerSheet, [{ ref: regionHeader, author: "Jonas Becker", text: "Regions follow the finance system's codes; ask finance before adding one." }]);
  const noteAt = position(regionHeader);
  addVml(book, partnerSheet, 1, NOTE_SHAPETYPE + noteShape(1025, noteAt.row - 1, noteAt.column - 1));

  // Summary: figures, a threaded comment with a reply, a picture and a text box, hyperlinks.
  summary.value("A1", "Partner reviews", XF.title);
  summary.value("A3", "Active partners", XF.header);
  const active = partners.rows.filter((r) => r[column(partners, "Status") - 1] === "Active").length;
  summary.formula("B3", 'COUNTIFS(Partners[Status],"Active")', active);
  summary.value("A4", "EMEA partners", XF.header);
  const emea = partners.rows.filter((r) => r[column(partners, "Region") - 1] === "EMEA").length;
  summary.formula("B4", 'COUNTIFS(Partners[Region],"EMEA")', emea);
  summary.value("A7", "Partner list", XF.link);
  summary.value("A8", "Channel programme guide", XF.link);
  summary.hyperlinks.push('<hyperlink ref="A7" location="Partners!A1" display="Partner list"/>');
  const guideRel = summary.rel(REL.hyperlink, "https://partners.example.org/programme/guide-2026.pdf", true);
  summary.hyperlinks.push(`<hyperlink ref="A8" r:id="${guideRel}" tooltip="Programme rules, tiers and benefits (PDF)" display="Channel programme guide"/>`);
  summary.cols = ['<col min="1" max="1" width="28.7109375" customWidth="1"/>', '<col min="2" max="2" width="10.7109375" customWidth="1"/>'];

  const people = [
    { name: "Helena Vogt", id: guid("person Helena Vogt") },
    { name: "Jonas Becker", id: guid("person Jonas Becker") },
  ];
  const thread = [
    { id: guid("thread B4 1"), person: people[0], at: "2026-09-28T09:15:00.00", text: "Check the EMEA count against the finance report before the QBR." },
    { id: guid("thread B4 2"), person: people[1], at: "2026-09-29T14:02:00.00", text: "Matches after the September correction." },
  ];
  const threaded = book.next("threadedComment");
  book.pkg.add(
    `xl/threadedComments/threadedComment${threaded}.xml`,
    `<ThreadedComments xmlns="${NS.threaded}" xmlns:x="${NS.main}">${thread
      .map((c, i) => `<threadedComment${attrs({ ref: "B4", dT: c.at, personId: c.person.id, id: c.id, parentId: i ? thread[0].id : undefined })}><text>${esc(c.text)}</text></threadedComment>`)
      .join("")}</ThreadedComments>`,
    CT.threadedComments,
  );
  summary.rel(REL.threadedComment, `../threadedComments/threadedComment${threaded}.xml`);
  book.pkg.add(
    "xl/persons/person.xml",
    `<personList xmlns="${NS.threaded}" xmlns:x="${NS.main}">${people.map((p) => `<person displayName="${esc(p.name)}" id="${p.id}" userId="${esc(p.name)}" providerId="None"/>`).join("")}</personList>`,
    CT.person,
  );
  book.rel(REL.person, "persons/person.xml");
  addComments(book, summary, [
    {
      ref: "B4",
      author: people[0].name,
      threadId: thread[0].id,
      text:
        "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\n" +
        `Comment:\n    ${thread[0].text}\nReply:\n    ${thread[1].text}`,
    },
  ]);
  addVml(book, summary, 2, NOTE_SHAPETYPE + noteShape(2049, 3, 1));

  const drawing = addDrawing(
    book,
    summary,
    `<xdr:twoCellAnchor editAs="oneCell">${anchorPoint("from", 4, 1)}${anchorPoint("to", 5, 4)}<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="Channel team logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      '<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:xfrm><a:off x="3000375" y="190500"/><a:ext cx="457200" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>' +
      `<xdr:twoCellAnchor>${anchorPoint("from", 3, 6)}${anchorPoint("to", 8, 12)}<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="TextBox 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>` +
      '<xdr:spPr><a:xfrm><a:off x="2419350" y="1143000"/><a:ext cx="3048000" cy="1143000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="lt1"/></a:solidFill><a:ln w="9525" cmpd="sng"><a:solidFill><a:schemeClr val="lt1"><a:shade val="50000"/></a:schemeClr></a:solidFill></a:ln></xdr:spPr>' +
      '<xdr:style><a:lnRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef><a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="dk1"/></a:fontRef></xdr:style>' +
      '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="1100" b="1"/><a:t>Before the QBR</a:t></a:r></a:p>' +
      '<a:p><a:r><a:rPr lang="en-GB" sz="1100"/><a:t>Update each partner\'s plan actuals and close the tasks that are done.</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>',
  );
  book.pkg.add("xl/media/image1.png", logoPng());
  book.pkg.rel(drawing, REL.image, "../media/image1.png");

  // Rates: protected, no partner table, figures from finance's workbook through an external link.
  const rates = book.sheet("Rates");
  rates.value("A1", "Partner rates (from finance)", XF.title);
  rates.value("A3", "Standard partner discount", XF.header);
  rates.formula("B3", "[1]Sheet1!$A$1", 0.18, { style: XF.percent });
  rates.value("A4", "Gold partner discount", XF.header);
  rates.formula("B4", "[1]Sheet1!$A$2", 0.25, { style: XF.percent });
  rates.cols = ['<col min="1" max="1" width="30.7109375" customWidth="1"/>'];
  rates.protection = sheetProtection(SHEET_PASSWORD, "Rates");
  const link = book.next("externalLink");
  const linkName = `xl/externalLinks/externalLink${link}.xml`;
  book.pkg.add(
    linkName,
    `<externalLink xmlns="${NS.main}"><externalBook xmlns:r="${NS.r}" r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
      '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>0.18</v></cell></row><row r="2"><cell r="A2"><v>0.25</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
    CT.externalLink,
  );
  book.pkg.rel(linkName, REL.externalLinkPath, "Partner%20rates%20FY2026.xlsx", true);
  book.externalReferences.push(book.rel(REL.externalLink, `externalLinks/externalLink${link}.xml`));

  // CRM export: a text import (data connection) whose query table fills A1:C6.
  const crm = book.sheet("CRM export");
  const crmRows = [["PartnerId", "Name", "Owner"], ...partners.rows.slice(0, 5).map((r) => [r[0], r[1], r[column(partners, "ChannelManager") - 1]])];
  crmRows.forEach((r, i) => r.forEach((v, c) => crm.value(cellRef(c + 1, i + 1), v as string)));
  book.rel(REL.connections, "connections.xml");
  book.pkg.add(
    "xl/connections.xml",
    `<connections xmlns="${NS.main}"><connection id="1" name="crm-partners" type="6" refreshedVersion="8" background="1" saveData="1">` +
      '<textPr codePage="65001" sourceFile="C:\\Exports\\crm-partners.csv" tab="0" comma="1"><textFields count="3"><textField/><textField/><textField/></textFields></textPr></connection></connections>',
    CT.connections,
  );
  const query = book.next("queryTable");
  book.pkg.add(
    `xl/queryTables/queryTable${query}.xml`,
    `<queryTable xmlns="${NS.main}" name="crm_partners" connectionId="1" autoFormatId="16" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="0"/>`,
    CT.queryTable,
  );
  crm.rel(REL.queryTable, `../queryTables/queryTable${query}.xml`);
  book.name({ name: "crm_partners", formula: `${crm.ref}!$A$1:$C$${crmRows.length}`, localSheetId: crm.index });

  // Checklist: a check box form control linked to D3, as Excel 2010 and later write it: the VML
  // shape (for older versions), its properties part, the control in the sheet and a drawing shape.
  const checklist = book.sheet("Checklist");
  checklist.value("A1", "Quarterly review checklist", XF.title);
  checklist.value("A3", "Pipeline reviewed");
  checklist.value("D3", true);
  checklist.cols = ['<col min="1" max="1" width="20.7109375" customWidth="1"/>'];
  const ctrl = book.next("ctrlProp");
  book.pkg.add(`xl/ctrlProps/ctrlProp${ctrl}.xml`, `<formControlPr xmlns="${NS.x14}" objectType="CheckBox" checked="Checked" fmlaLink="$D$3" lockText="1" noThreeD="1"/>`, CT.controlProperties);
  const ctrlRel = checklist.rel(REL.ctrlProp, `../ctrlProps/ctrlProp${ctrl}.xml`);
  addDrawing(
    book,
    checklist,
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice xmlns:a14="${NS.a14}" Requires="a14"><xdr:twoCellAnchor editAs="oneCell">${anchorPoint("from", 1, 2)}${anchorPoint("to", 3, 3)}` +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3073" name="Check Box 1" hidden="1"><a:extLst><a:ext uri="{63B3BB69-23CF-44E3-9099-C40C66FF867C}"><a14:compatExt spid="_x0000_s3073"/></a:ext></a:extLst></xdr:cNvPr><xdr:cNvSpPr/></xdr:nvSpPr>' +
      '<xdr:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr>' +
      '<xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" lIns="27432" tIns="18288" rIns="0" bIns="18288" anchor="ctr" upright="1"/><a:lstStyle/><a:p><a:pPr algn="l" rtl="0"><a:defRPr sz="1000"/></a:pPr><a:r><a:rPr lang="en-GB" sz="800" b="0" i="0" u="none" strike="noStrike" baseline="0"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="Segoe UI"/><a:cs typeface="Segoe UI"/></a:rPr><a:t>Done</a:t></a:r></a:p></xdr:txBody>' +
      "</xdr:sp><xdr:clientData/></xdr:twoCellAnchor></mc:Choice><mc:Fallback/></mc:AlternateContent>",
  );
  addVml(
    book,
    checklist,
    3,
    '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/><o:lock v:ext="edit" shapetype="t"/></v:shapetype>' +
      '<v:shape id="_x0000_s3073" type="#_x0000_t201" style="position:absolute;margin-left:48pt;margin-top:30pt;width:96pt;height:15pt;z-index:1;mso-wrap-style:tight" filled="f" fillcolor="window [65]" stroked="f" strokecolor="windowText [64]" o:insetmode="auto">' +
      '<v:path shadowok="t" strokeok="t" fillok="t"/><o:lock v:ext="edit" rotation="t"/><v:textbox style="mso-direction-alt:auto" o:singleclick="f"><div style="text-align:left"><font face="Segoe UI" size="160" color="auto">Done</font></div></v:textbox>' +
      "<x:ClientData ObjectType=\"Checkbox\"><x:Anchor>1, 0, 2, 0, 3, 0, 3, 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:AutoLine>False</x:AutoLine><x:TextVAlign>Center</x:TextVAlign><x:FmlaLink>$D$3</x:FmlaLink><x:Checked>1</x:Checked><x:NoThreeD/></x:ClientData></v:shape>",
  );
  checklist.namespaces.set("xdr", NS.xdr);
  checklist.controls =
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14"><controls><mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14">` +
    `<control shapeId="3073" r:id="${ctrlRel}" name="Check Box 1"><controlPr defaultSize="0" autoFill="0" autoLine="0" autoPict="0"><anchor moveWithCells="1">` +
    `${anchorPoint("from", 1, 2, "")}${anchorPoint("to", 3, 3, "")}</anchor></controlPr></control></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>`;
  checklist.namespaces.set("x14", NS.x14);

  // A hidden sheet of lookup lists and a very hidden one the team's macros once used.
  const lookups = book.sheet("Lookups");
  lookups.state = "hidden";
  lookups.value("A1", "Stage", XF.header);
  ["Lead", "Qualified", "Proposal", "Negotiation", "Closed"].forEach((s, i) => lookups.value(`A${2 + i}`, s));
  const config = book.sheet("Config");
  config.state = "veryHidden";
  config.value("A1", "Model version");
  config.value("B1", "2026.3");
  config.value("A2", "Last import");
  config.value("B2", new Date(Date.UTC(2026, 8, 29)));
  return book.finish();
}

/** 4. A macro-enabled workbook: the tables, sheets with code names, and a VBA project. */
async function teamMacros(): Promise<Uint8Array> {
  const list = tables();
  const codeNames = list.map((_, i) => `Sheet${i + 1}`);
  const book = new Book({ title: "Partner tasks", creator: "Jonas Becker", lastModifiedBy: "Jonas Becker", created: "2026-02-09T16:20:00Z", vbaProject: vbaProject(codeNames) });
  tableSheets(book, list);
  book.sheets.forEach((s, i) => (s.codeName = codeNames[i]));
  return book.finish();
}

/**
 * 5. As Excel saves a workbook the add-in was used in: custom functions stored as `_xldudf_`,
 * dynamic-array spills (one on the P&L sheet, one two rows under the Metrics table), a newer
 * built-in stored as `_xlfn.`, and the add-in's task pane named in the document.
 */
async function excelSpills(): Promise<Uint8Array> {
  const list = tables();
  const book = new Book({ title: "Partner P&L", creator: "Helena Vogt", lastModifiedBy: "Helena Vogt", created: "2026-05-04T09:00:00Z" });
  tableSheets(book, list);

  // Under Metrics, two rows below its last row: PARTNER.SEGMENTS spills a label per partner.
  const metrics = table(list, "Metrics");
  const metricsSheet = book.find("Metrics");
  const column1 = (name: string) => metrics.rows.map((r) => [r[column(metrics, name) - 1] ?? ""]);
  const labels = segments(column1("Potential"), column1("Performance"));
  metricsSheet.spill(`A${metrics.rows.length + 3}`, "_xldudf_PARTNER_SEGMENTS(Metrics[Potential],Metrics[Performance])", labels as Value[][]);

  // P&L: the assumptions block (built-in formulas over the Assumptions table) and PARTNER.PNL's spill.
  const assumptions = table(list, "Assumptions");
  const partnerId = String(assumptions.rows.find((r) => r[0] !== "*")![0]);
  const partners = table(list, "Partners");
  const name = String(partners.rows.find((r) => r[0] === partnerId)![1]);
  const sheet = book.sheet("P&L");
  sheet.value("A1", "Partner P&L", XF.title);
  sheet.value("A2", "PartnerId", XF.header);
  sheet.value("B2", partnerId);
  sheet.value("C2", "Name", XF.header);
  sheet.formula("D2", "INDEX(Partners[Name],MATCH($B$2,Partners[PartnerId],0))", name);
  const years = assumptions.columns.length - 2;
  const first = 6;
  const headers = ["Assumption", "Value", ...Array.from({ length: years - 1 }, (_, i) => `Year ${i + 2}`)];
  headers.forEach((h, i) => sheet.value(cellRef(i + 1, first - 1), h, XF.header));
  const tableColumns = ["Value", ...Array.from({ length: years - 1 }, (_, i) => `Year${i + 2}`)];
  const block: (string | number)[][] = DEFAULT_ASSUMPTIONS.map(([driver], i) => {
    const r = first + i;
    sheet.value(`A${r}`, driver);
    const own = assumptions.rows.find((row) => row[0] === partnerId && row[1] === driver);
    const source = own ?? assumptions.rows.find((row) => row[0] === "*" && row[1] === driver)!;
    return [
      driver,
      ...tableColumns.map((c, k) => {
        const pick = (id: string) => `SUMIFS(Assumptions[${c}],Assumptions[PartnerId],${id},Assumptions[Name],$A${r})`;
        const value = (source[2 + k] as number | null) ?? 0;
        sheet.formula(cellRef(2 + k, r), `IF(COUNTIFS(Assumptions[PartnerId],$B$2,Assumptions[Name],$A${r})>0,${pick("$B$2")},${pick('"~*"')})`, value);
        return value;
      }),
    ];
  });
  const blockRef = `${abs(1, first)}:${abs(1 + years, first + block.length - 1)}`;
  const spillAt = first + block.length + 3;
  sheet.value(`A${spillAt - 1}`, "Partner view", XF.header);
  const spill = pnl(block).map((line) => line.map((v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v)));
  sheet.spill(`A${spillAt}`, `_xldudf_PARTNER_PNL(${blockRef})`, spill as Value[][]);
  sheet.cols = ['<col min="1" max="1" width="24.7109375" customWidth="1"/>', `<col min="2" max="${1 + years}" width="12.7109375" customWidth="1"/>`];

  // Highlights: single-cell custom functions and a newer built-in.
  const highlights = book.sheet("Highlights");
  const deals = table(list, "Deals");
  const won = deals.rows.filter((r) => r[column(deals, "Outcome") - 1] === "Won").map((r) => Number(r[column(deals, "Amount") - 1]));
  highlights.value("A1", "Highlights", XF.title);
  highlights.value("A3", "Largest won deal", XF.header);
  highlights.formula("B3", '_xlfn.MAXIFS(Deals[Amount],Deals[Outcome],"Won")', Math.max(...won), { style: XF.amount });
  highlights.value("A5", "Ratings (example audit)", XF.header);
  const ratings = [4, 5, 3, null];
  ratings.forEach((v, i) => highlights.value(cellRef(2 + i, 5), v));
  highlights.value("A6", "Score", XF.header);
  highlights.formula("B6", "_xldudf_PARTNER_SCORE(B5:E5)", score([ratings.map((v) => v ?? "")]));
  highlights.value("A7", "Segment of 72 / 35", XF.header);
  highlights.formula("B7", "_xldudf_PARTNER_SEGMENT(72,35)", segment(72, 35));
  highlights.cols = ['<col min="1" max="1" width="24.7109375" customWidth="1"/>', '<col min="2" max="2" width="12.7109375" customWidth="1"/>'];

  addTaskPane(book);
  return book.finish();
}

/** The add-in's task pane as Excel records it in a document it was opened in (reopens with the file). */
function addTaskPane(book: Book): void {
  const manifest = fs.readFileSync(path.join(root, "manifest/manifest.xml"), "utf8");
  const id = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
  if (!id) throw new Error("manifest/manifest.xml has no <Id>");
  book.pkg.add(
    "xl/webextensions/webextension1.xml",
    `<we:webextension xmlns:we="${NS.we}" id="${guid("webextension PartnerFit")}"><we:reference id="${id}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
      `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="${NS.r}"/></we:webextension>`,
    CT.webExtension,
  );
  book.pkg.add(
    "xl/webextensions/taskpanes.xml",
    `<wetp:taskpanes xmlns:wetp="${NS.wetp}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref xmlns:r="${NS.r}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    CT.webExtensionTaskpanes,
  );
  book.pkg.rel("xl/webextensions/taskpanes.xml", REL.webExtension, "webextension1.xml");
  book.pkg.rel("", REL.webExtensionTaskpanes, "xl/webextensions/taskpanes.xml");
}

/** 6. A small workbook whose Audit table sits on a password-protected sheet. */
async function protectedTable(): Promise<Uint8Array> {
  const list = tables(12);
  const book = new Book({ title: "Partner audits", creator: "Amira Haddad", lastModifiedBy: "Amira Haddad", created: "2026-06-22T11:30:00Z" });
  tableSheets(book, list);
  book.find("Audit").protection = sheetProtection(SHEET_PASSWORD, "Audit");
  return book.finish();
}

// ---------------------------------------------------------------------------------------------
// Checking a package, LibreOffice's copies

/**
 * Checks what any reader of the package relies on: every XML part parses, every relationship's
 * target exists, every part has a content type and every Override names a part. Returns the problems.
 */
export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const problems: string[] = [];
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (!types) return ["no [Content_Types].xml"];
  const defaults = new Set([...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override [^>]*PartName="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]).slice(1)));
  for (const o of overrides) if (!names.includes(o)) problems.push(`Override for a missing part ${o}`);
  for (const name of names) {
    if (name !== "[Content_Types].xml" && !overrides.has(name) && !defaults.has(name.split(".").pop()!.toLowerCase())) problems.push(`no content type for ${name}`);
    if (/\.(xml|rels|vml)$/.test(name)) {
      try {
        await parseStringPromise(await zip.file(name)!.async("string"));
      } catch (e) {
        problems.push(`${name} is not well-formed: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
      }
    }
    if (name.endsWith(".rels")) {
      const dir = /^(.*?)_rels\/[^/]*\.rels$/.exec(name)?.[1] ?? "";
      for (const m of (await zip.file(name)!.async("string")).matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = decodeURIComponent(/Target="([^"]+)"/.exec(m[0])![1]);
        const resolved = path.posix.normalize(target.startsWith("/") ? target.slice(1) : dir + target);
        if (!names.includes(resolved)) problems.push(`${name}: target ${target} does not exist`);
      }
    }
  }
  return problems;
}

/** Opens `bytes` in LibreOffice and saves it again (`filter` as --convert-to takes it). */
function throughLibreOffice(bytes: Uint8Array, file: string, filter: string): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-foreign-"));
  try {
    const input = path.join(dir, file);
    fs.writeFileSync(input, bytes);
    return new Uint8Array(fs.readFileSync(convert(input, path.join(dir, "out"), filter)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Re-zips LibreOffice's output so that it is the same on every run: fixed entry dates and document
 * dates (it stamps the time of the save), and the ids it draws at random on every save replaced by
 * fixed ones — chart axis ids, x14 conditional-format rule ids, and in a VBA project the project id
 * and the CMG/DPB/GC values (re-encrypted with fixed seeds, same content). Nothing else changes.
 */
async function reproducible(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let data: string | Uint8Array = await file.async("uint8array");
    if (name === "docProps/core.xml") {
      data = (await file.async("string")).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED_W3CDTF}$2`);
    } else if (/^xl\/charts\/chart\d+\.xml$/.test(name)) {
      const ids = new Map<string, string>();
      data = (await file.async("string")).replace(/(<c:(?:axId|crossAx) val=")(\d+)"/g, (_, head: string, id: string) => {
        if (!ids.has(id)) ids.set(id, String(500000001 + ids.size));
        return `${head}${ids.get(id)}"`;
      });
    } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      let xml = await file.async("string");
      const ruleIds = [...new Set([...xml.matchAll(/<x14:id>(\{[0-9A-Fa-f-]+\})<\/x14:id>/g)].map((m) => m[1]))];
      ruleIds.forEach((id, i) => (xml = xml.replaceAll(id, guid(`${name} rule ${i + 1}`))));
      data = xml;
    } else if (name === "xl/vbaProject.bin") {
      data = fixedVbaProject(data);
    }
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** MS-OVBA's data decryption (the inverse of ovbaEncrypt): the data bytes of a CMG/DPB/GC value. */
function ovbaDecrypt(hex: string): number[] {
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  const seed = bytes[0];
  const projKey = seed ^ bytes[2];
  let unencrypted1 = projKey;
  let encrypted1 = bytes[2];
  let encrypted2 = bytes[1];
  let at = 3;
  const take = () => {
    const enc = bytes[at++];
    const byte = enc ^ ((encrypted2 + unencrypted1) & 0xff);
    encrypted2 = encrypted1;
    encrypted1 = enc;
    unencrypted1 = byte;
    return byte;
  };
  for (let i = 0; i < (seed & 6) / 2; i++) take();
  const length = take() | (take() << 8) | (take() << 16) | (take() << 24);
  return Array.from({ length }, take);
}

/** A VBA project with its random parts fixed: the PROJECT stream's ID and the seeds of CMG, DPB and GC. */
function fixedVbaProject(bytes: Uint8Array): Uint8Array {
  const { root: rootStreams, storages } = readCompoundFile(bytes);
  const project = rootStreams.get("PROJECT");
  if (!project) return bytes;
  const id = guid("libreoffice vba project");
  const seeds: Record<string, number> = { CMG: 0x3a, DPB: 0x5c, GC: 0x91 };
  const text = Buffer.from(project)
    .toString("latin1")
    .replace(/^ID="\{[^}]*\}"/m, `ID="${id}"`)
    .replace(/^(CMG|DPB|GC)="([0-9A-F]+)"/gm, (_, key: string, value: string) => `${key}="${ovbaEncrypt(id, ovbaDecrypt(value), seeds[key])}"`);
  rootStreams.set("PROJECT", new Uint8Array(Buffer.from(text, "latin1")));
  return compoundFile(rootStreams, storages);
}

/** Reads an OLE compound file's streams: those of the root and those of each storage below it. */
function readCompoundFile(bytes: Uint8Array): { root: Map<string, Uint8Array>; storages: Map<string, Map<string, Uint8Array>> } {
  const file = Buffer.from(bytes);
  const sectorSize = 1 << file.readUInt16LE(30);
  const miniSize = 1 << file.readUInt16LE(32);
  const cutoff = file.readUInt32LE(56);
  const sector = (n: number) => file.subarray(sectorSize + n * sectorSize, 2 * sectorSize + n * sectorSize);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && i < file.readUInt32LE(44); i++) fatSectors.push(file.readUInt32LE(76 + i * 4));
  for (let next = file.readUInt32LE(68); next < 0xfffffffa; ) {
    const s = sector(next);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < file.readUInt32LE(44); i++) fatSectors.push(s.readUInt32LE(i * 4));
    next = s.readUInt32LE(sectorSize - 4);
  }
  const fat = fatSectors.flatMap((n) => Array.from({ length: sectorSize / 4 }, (_, i) => sector(n).readUInt32LE(i * 4)));
  const chain = (start: number, table: number[]) => {
    const list: number[] = [];
    for (let n = start; n < 0xfffffffa; n = table[n]) list.push(n);
    return list;
  };
  const read = (start: number) => Buffer.concat(chain(start, fat).map(sector));
  const directory = read(file.readUInt32LE(48));
  const entry = (i: number) => {
    const at = i * 128;
    return {
      name: directory.toString("utf16le", at, at + Math.max(directory.readUInt16LE(at + 64) - 2, 0)),
      type: directory.readUInt8(at + 66),
      left: directory.readUInt32LE(at + 68),
      right: directory.readUInt32LE(at + 72),
      child: directory.readUInt32LE(at + 76),
      start: directory.readUInt32LE(at + 116),
      size: directory.readUInt32LE(at + 120),
    };
  };
  const rootEntry = entry(0);
  const miniStream = read(rootEntry.start);
  const miniFatBytes = file.readUInt32LE(64) ? read(file.readUInt32LE(60)) : Buffer.alloc(0);
  const miniFat = Array.from({ length: miniFatBytes.length / 4 }, (_, i) => miniFatBytes.readUInt32LE(i * 4));
  const data = (e: ReturnType<typeof entry>) =>
    new Uint8Array(
      e.size < cutoff
        ? Buffer.concat(chain(e.start, miniFat).map((n) => miniStream.subarray(n * miniSize, (n + 1) * miniSize))).subarray(0, e.size)
        : read(e.start).subarray(0, e.size),
    );
  const children = (i: number): ReturnType<typeof entry>[] => {
    if (i >= 0xfffffffa) return [];
    const e = entry(i);
    return [...children(e.left), e, ...children(e.right)];
  };
  const rootStreams = new Map<string, Uint8Array>();
  const storages = new Map<string, Map<string, Uint8Array>>();
  for (const e of children(rootEntry.child)) {
    if (e.type === 2) rootStreams.set(e.name, data(e));
    else if (e.type === 1) {
      const inner = children(e.child);
      if (inner.some((c) => c.type !== 2)) throw new Error(`storage ${e.name} holds storages, which this reader does not carry`);
      storages.set(e.name, new Map(inner.map((c) => [c.name, data(c)])));
    }
  }
  return { root: rootStreams, storages };
}

/** What a file holds, as far as LibreOffice's copy keeps it or not: by part names and by markup. */
const FEATURES: [string, RegExp, "part" | "text"][] = [
  ["chart", /^xl\/charts\//, "part"],
  ["pivot table", /^xl\/pivotTables\//, "part"],
  ["pivot cache", /^xl\/pivotCache\//, "part"],
  ["slicer", /^xl\/slicers\//, "part"],
  ["slicer cache", /^xl\/slicerCaches\//, "part"],
  ["notes (comments part)", /^xl\/comments/, "part"],
  ["VML drawing", /\.vml$/, "part"],
  ["threaded comments", /^xl\/threadedComments\//, "part"],
  ["persons", /^xl\/persons\//, "part"],
  ["picture", /^xl\/media\//, "part"],
  ["external link", /^xl\/externalLinks\//, "part"],
  ["data connection", /^xl\/connections\.xml$/, "part"],
  ["query table", /^xl\/queryTables\//, "part"],
  ["form control properties", /^xl\/ctrlProps\//, "part"],
  ["dynamic-array metadata", /^xl\/metadata\.xml$/, "part"],
  ["task pane list (taskpanes.xml)", /^xl\/webextensions\/taskpanes\.xml$/, "part"],
  ["add-in reference (webextension1.xml)", /^xl\/webextensions\/webextension\d+\.xml$/, "part"],
  ["VBA project", /^xl\/vbaProject\.bin$/, "part"],
  ["theme part", /^xl\/theme\//, "part"],
  ["custom document properties", /<property [^>]*name="Margin target"/, "text"],
  ["x14 data bar", /<x14:dataBar/, "text"],
  ["colour scale", /<colorScale/, "text"],
  ["x14 data validation", /<x14:dataValidation /, "text"],
  ["classic data validation", /<dataValidation /, "text"],
  ["sparklines", /<x14:sparklineGroup/, "text"],
  ['named cell style "Partner note"', /<cellStyle [^>]*name="Partner note"/, "text"],
  ["custom theme name", /name="PartnerFit Channel"/, "text"],
  ["frozen panes", /state="frozen"/, "text"],
  ["merged cells", /<mergeCell /, "text"],
  ["print titles", /_xlnm\.Print_Titles/, "text"],
  ["defined-name comment", /<definedName [^>]*comment=/, "text"],
  ["hidden defined name", /<definedName [^>]*hidden="(1|true)"/, "text"],
  ["hyperlinks", /<hyperlink /, "text"],
  ["text box flag (txBox)", /txBox="1"/, "text"],
  ["text box text", /Before the QBR/, "text"],
  ["hidden sheet", /state="hidden"/, "text"],
  ["very hidden sheet", /state="veryHidden"/, "text"],
  ["sheet protection", /<sheetProtection /, "text"],
  ["form control", /<control /, "text"],
  ["dynamic-array cells (cm)", /<c [^>]*cm="1"/, "text"],
  ["_xldudf_ custom-function names", /_xldudf_/, "text"],
  ["_xlfn. prefix", /_xlfn\./, "text"],
  ["sheet code names", /<sheetPr [^>]*codeName=/, "text"],
];

async function featuresOf(bytes: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  let text = "";
  for (const n of names) if (/\.(xml|rels)$/.test(n)) text += await zip.file(n)!.async("string");
  return new Set(FEATURES.filter(([, pattern, kind]) => (kind === "part" ? names.some((n) => pattern.test(n)) : pattern.test(text))).map(([label]) => label));
}

// ---------------------------------------------------------------------------------------------
// The corpus

interface ForeignFile {
  file: string;
  how: string;
  make: () => Promise<Uint8Array>;
  /** Also saved by LibreOffice, with this --convert-to filter. */
  libreOffice?: string;
}

export const FILES: ForeignFile[] = [
  {
    file: "team-analysis.xlsx",
    how: "An *Analysis* sheet with a bar chart (drawing + `xl/charts/chart1.xml`) of the first 12 deals' Amount, referring to the Deals table's cells with cached values; a *Pivot* sheet with a pivot table summing Amount by Outcome (`pivotTable1.xml`, its cache `pivotCacheDefinition1.xml` with `<worksheetSource name=\"Deals\"/>` and `pivotCacheRecords1.xml`, `<pivotCaches>` in workbook.xml) and a slicer on Outcome (`slicer1.xml`, `slicerCache1.xml`, the x14 extension entries in workbook.xml and the sheet, a drawing with the slicer frame, the `Slicer_Outcome` name); an x14 data bar on Metrics[Potential] (classic rule with its `x14:id`, full rule in the sheet's extension list) and a 3-colour scale on Plan[Actual].",
    make: teamAnalysis,
    libreOffice: "xlsx",
  },
  {
    file: "team-formatting.xlsx",
    how: "A *Summary* sheet first (title merged A1:F1, counts per region, cells in the named style \"Partner note\"), a *Lists* sheet and a *Trends* sheet with sparklines (x14) over Assumptions rows. Partners[Region] has a 2010-style (x14) list validation pointing at `Lists!$A$2:$A$4`; Deals[Outcome] a classic list and Audit[Rating] a classic whole-number validation. Partners has frozen panes (2 columns, 1 row), a tab colour, print area, print titles and page setup; Deals print titles. Defined names: workbook-wide (`Regions`, `MarginTarget` = 0.2 with a comment, `TopDeals` = `LARGE(Deals[Amount],{1,2,3})`, `DealAmounts` = `Deals[Amount]`), sheet-scoped (`Summary!ReviewCutoff`), hidden (`ChannelModelVersion`). Custom theme \"PartnerFit Channel\" (own colours, Segoe UI); custom document properties (text, integer, number, date, boolean).",
    make: teamFormatting,
    libreOffice: "xlsx",
  },
  {
    file: "team-notes-links.xlsx",
    how: "A note on the Partners table's Region header (`comments1.xml`, `vmlDrawing1.vml`, `<legacyDrawing>`); on *Summary* a threaded comment with a reply (`threadedComment1.xml`, `persons/person.xml`, the paired legacy note in `comments2.xml`), a PNG picture and a text box (`drawing1.xml`), an internal hyperlink (`location=\"Partners!A1\"`) and an external one with a tooltip. A protected *Rates* sheet (SHA-512, password `partners`) whose cells link to another workbook (`externalLink1.xml`, `<externalReferences>`, `[1]Sheet1!$A$1`); a *CRM export* sheet filled by a text data connection (`connections.xml`, `queryTable1.xml`, sheet-scoped name `crm_partners`); a *Checklist* sheet with a check box form control (`ctrlProp1.xml`, VML shape, `<controls>` in an mc:AlternateContent as Excel 2010+ writes it, a drawing shape with `a14:compatExt`); a hidden *Lookups* and a very hidden *Config* sheet.",
    make: teamNotesLinks,
    libreOffice: "xlsx",
  },
  {
    file: "team-macros.xlsm",
    how: "Macro-enabled: main part `application/vnd.ms-excel.sheet.macroEnabled.main+xml`, `codeName` on the workbook and every sheet, `xl/vbaProject.bin` (see below) with its relationship and the `bin` Default content type.",
    make: teamMacros,
    libreOffice: "xlsm:Calc MS Excel 2007 VBA XML",
  },
  {
    file: "excel-spills.xlsx",
    how: "As Excel saves a workbook the add-in was used in: on *P&L* a block of SUMIFS formulas over the Assumptions table and `_xldudf_PARTNER_PNL($A$6:$K$27)` spilling A31:H39 (anchor `cm=\"1\"`, `t=\"array\"`, the other cells values only); under the Metrics table, two rows below its last row, `_xldudf_PARTNER_SEGMENTS(Metrics[Potential],Metrics[Performance])` spilling A33:A62 (growing the table by 2 rows collides with it); on *Highlights* `_xlfn.MAXIFS(...)`, `_xldudf_PARTNER_SCORE(B5:E5)` and `_xldudf_PARTNER_SEGMENT(72,35)`. `xl/metadata.xml` (XLDAPR) with its relationship and content type; the task pane (`xl/webextensions/taskpanes.xml`, `webextension1.xml` naming the manifest's add-in id, store \"developer\").",
    make: excelSpills,
    libreOffice: "xlsx",
  },
  {
    file: "protected-table.xlsx",
    how: "The tables for 12 partners; the Audit sheet is protected (SHA-512, password `partners`), the other tables' sheets are not.",
    make: protectedTable,
  },
];

/** The LibreOffice that saved the copies (from their docProps/app.xml). */
let libreOfficeVersion = "";

async function main() {
  const only = process.argv.slice(2);
  fs.mkdirSync(FOREIGN_DIR, { recursive: true });
  const dropped = new Map<string, string[]>();
  const rows: [string, string][] = [];
  for (const f of FILES) {
    const bytes = await f.make();
    const problems = await packageProblems(bytes);
    if (problems.length) throw new Error(`${f.file}: ${problems.join("; ")}`);
    if (!only.length || only.some((w) => f.file.includes(w))) {
      fs.writeFileSync(path.join(FOREIGN_DIR, f.file), bytes);
      console.log(`${f.file.padEnd(36)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB`);
    }
    rows.push([f.file, `${f.how} Written by hand by \`scripts/fixtures-foreign.ts\`.`]);
    if (!f.libreOffice) continue;
    const saved = `libreoffice-${f.file}`;
    if (!only.length || only.some((w) => saved.includes(w))) {
      if (!libreOfficeAvailable()) throw new Error("LibreOffice is needed for the libreoffice-* files: apt-get install -y libreoffice-calc");
      const copy = await reproducible(throughLibreOffice(bytes, f.file, f.libreOffice));
      const app = await (await JSZip.loadAsync(copy)).file("docProps/app.xml")?.async("string");
      libreOfficeVersion = /LibreOffice\/([\d.]+)/.exec(app ?? "")?.[1] ?? libreOfficeVersion;
      const warnings = await packageProblems(copy);
      for (const w of warnings) console.warn(`${saved}: ${w}`);
      fs.writeFileSync(path.join(FOREIGN_DIR, saved), copy);
      console.log(`${saved.padEnd(36)} ${(copy.length / 1024).toFixed(0).padStart(5)} KB`);
      const before = await featuresOf(bytes);
      const after = await featuresOf(copy);
      dropped.set(saved, [...before].filter((x) => !after.has(x)));
    }
    const lost = dropped.get(saved);
    rows.push([saved, `\`${f.file}\` opened and saved by LibreOffice ${libreOfficeVersion} (\`soffice --convert-to ${f.libreOffice}\`), re-zipped with fixed dates.${lost ? ` LibreOffice dropped: ${lost.length ? lost.join(", ") : "nothing this list tracks"}.` : ""}`]);
  }
  if (!only.length) writeReadme(rows);
}

function writeReadme(rows: [string, string][]): void {
  const readme = [
    "# Foreign-content corpus",
    "",
    "Partner workbooks holding what channel teams keep in their workbooks besides the partner tables —",
    "the content a writer that rebuilds the file from its own model loses. Written by `npm run fixtures:foreign`",
    "(`scripts/fixtures-foreign.ts`): every part by hand, as Excel writes it, zipped with JSZip (not by the",
    "add-in's writer nor exceljs); entries and document dates are fixed, so the script gives the same bytes each run.",
    "The round-trip tests open each file, edit partner tables, save, and check that every part they did not",
    "change comes back byte for byte.",
    "",
    `Every file has the ten partner tables of the schema (Partners, Audit, Engagement, Scorecard, Metrics, Plan,`,
    `Tasks, Deals, Approvals, Assumptions) from the sample generator (seed ${SEED}, ${PARTNERS} partners unless said),`,
    "each an Excel table (TableStyleMedium2, filter buttons shown) at A1 of its own sheet, with shared strings,",
    "`yyyy-mm-dd` on date columns and `#,##0` on amounts, and nothing in the 20+ rows below it (except where said).",
    "None has the add-in's own PartnerScores table.",
    "",
    "| file | what it holds, how it is made |",
    "|---|---|",
    ...rows.map(([file, how]) => `| \`${file}\` | ${how.replaceAll("|", "\\|")} |`),
    "",
    "## The LibreOffice copies",
    "",
    "Each `libreoffice-*` file is LibreOffice's own writing of the file before it, converted through",
    "`test/support/libreoffice.ts` (whose profile recalculates every formula on load). Its XML is LibreOffice's",
    "throughout (part numbering, styles, shared strings, `definedName` attributes), without a theme part; the",
    "\"dropped\" lists above compare the parts and markup this script looks for before and after the save. Seen",
    `with LibreOffice ${libreOfficeVersion || "7.4"} besides: the add-in's custom functions recalculate to \`#NAME?\` (their \`_xldudf_\``,
    "names lower-cased, spills written as legacy array formulas); the 2010-style list validation comes back as",
    "a classic one pointing at the Lists sheet; the text box as a plain shape with its text; the VBA project is",
    "exported anew (same modules and source); `taskpanes.xml` is kept without its relationship, while",
    "`webextension1.xml` is dropped (so its `r:id` points nowhere). LibreOffice draws some ids at random on every",
    "save — chart axis ids, x14 conditional-format rule ids, the VBA project's id and its CMG/DPB/GC values — and",
    "the script replaces them with fixed ones (same meaning), so that the copies are reproducible too.",
    "",
    "## The VBA project",
    "",
    "`xl/vbaProject.bin` of `team-macros.xlsm` is a genuine OLE compound file (version 3, 512-byte sectors, one",
    "FAT sector, a mini FAT and mini stream for the streams under 4,096 bytes) written by the script. It holds a",
    "`VBA` storage with `dir`, `_VBA_PROJECT` and one stream per module (ThisWorkbook, Sheet1…Sheet10, Module1),",
    "and the `PROJECT` and `PROJECTwm` streams, following MS-OVBA: `dir` and the modules' source are compressed",
    "containers (literal tokens only), `_VBA_PROJECT` has no compiled code (version 0xFFFF, so Office compiles",
    "from the source), the PROJECT stream's CMG/DPB/GC are encrypted as the format says (no password, visible).",
    "Module1 holds two small macros. It has not been run in Excel.",
    "",
    "## Passwords",
    "",
    `Protected sheets (Rates in \`team-notes-links.xlsx\`, Audit in \`protected-table.xlsx\`) use the password \`${SHEET_PASSWORD}\`.`,
    "",
  ].join("\n");
  fs.writeFileSync(path.join(FOREIGN_DIR, "README.md"), readme);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
