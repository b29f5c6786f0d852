/**
 * Native Excel charts for sheets written to .xlsx files. exceljs writes cells but not charts, so
 * after it has written the file the charts are added to the package directly: a chart part per
 * chart (DrawingML), a drawing part per sheet anchoring them, and the relationships and content
 * types that tie them in. Each chart refers to the sheet's cells, with cached values for readers
 * that do not recalculate.
 */
import JSZip from "jszip";
import { BRAND_COLOUR, type ChartSpec, type SheetSpec, columnRange } from "./sheet";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const COLOURS = ["A6A6A6", BRAND_COLOUR, "107C10", "C50F1F"];

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Values = (row: number, column: number) => unknown;

function series(chart: ChartSpec, sheet: string, values: Values, i: number): string {
  const { column: catColumn, first, last } = chart.categories;
  const s = chart.series[i];
  const colour = chart.kind === "line" ? [BRAND_COLOUR, "A6A6A6"][i % 2] : COLOURS[i % COLOURS.length];
  const rows = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const cats = rows.map((r, k) => `<c:pt idx="${k}"><c:v>${escape(String(values(r, catColumn) ?? ""))}</c:v></c:pt>`).join("");
  const nums = rows
    .map((r, k) => {
      const v = values(r, s.column);
      return typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : "";
    })
    .join("");
  const fill = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
  const shape = chart.kind === "line" ? `<c:spPr><a:ln w="28575">${fill}</a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>` : `<c:spPr>${fill}</c:spPr>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escape(s.name)}</c:v></c:tx>${shape}` +
    `<c:cat><c:strRef><c:f>${escape(columnRange(sheet, catColumn, first, last))}</c:f><c:strCache><c:ptCount val="${rows.length}"/>${cats}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escape(columnRange(sheet, s.column, first, last))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${rows.length}"/>${nums}</c:numCache></c:numRef></c:val>` +
    (chart.kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/** The chart part of one chart. */
export function chartXml(chart: ChartSpec, sheet: string, values: Values): string {
  const all = chart.series.map((_, i) => series(chart, sheet, values, i)).join("");
  const axes = `<c:axId val="500001"/><c:axId val="500002"/>`;
  const plot =
    chart.kind === "column"
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${all}<c:gapWidth val="150"/>${axes}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all}<c:marker val="1"/>${axes}</c:lineChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: readonly ChartSpec[], firstRelId: number): string {
  const anchors = charts
    .map((chart, i) => {
      const { row, column, rows, columns } = chart.at;
      const marker = (r: number, c: number) => `<xdr:col>${c - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(row, column)}</xdr:from><xdr:to>${marker(row + rows, column + columns)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}">` +
        `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${firstRelId + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

const relationships = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items.map((i) => `<Relationship Id="${i.id}" Type="${i.type}" Target="${i.target}"/>`).join("")}</Relationships>`;

/** Elements a sheet's <drawing> must come before (the worksheet schema's order). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The path of each sheet's part, by sheet name. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    const id = /r:id="([^"]+)"/.exec(m[0])![1];
    const target = targets.get(id)!;
    parts.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** Adds the charts of `sheets` to an .xlsx package written without them. */
export async function addCharts(bytes: Uint8Array, sheets: readonly Pick<SheetSpec, "name" | "cells" | "charts">[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((s) => s.charts.length);
  if (!withCharts.length) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  let drawingNumber = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`no sheet ${sheet.name} to add charts to`);
    const xml = await zip.file(part)!.async("string");
    if (/<drawing\b/.test(xml)) throw new Error(`sheet ${sheet.name} already has drawings`);
    const values = new Map(sheet.cells.map((c) => [`${c.row}:${c.column}`, typeof c.value === "object" && c.value !== null ? c.result : c.value]));
    const value: Values = (r, c) => values.get(`${r}:${c}`);
    const drawing = `drawing${++drawingNumber}.xml`;
    const chartRels = sheet.charts.map((chart) => {
      const name = `chart${++chartNumber}.xml`;
      zip.file(`xl/charts/${name}`, chartXml(chart, sheet.name, value));
      types = types.replace("</Types>", `<Override PartName="/xl/charts/${name}" ContentType="${CONTENT_TYPE.chart}"/></Types>`);
      return name;
    });
    zip.file(`xl/drawings/${drawing}`, drawingXml(sheet.charts, 1));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relationships(chartRels.map((name, i) => ({ id: `rId${i + 1}`, type: REL_TYPE.chart, target: `../charts/${name}` }))));
    types = types.replace("</Types>", `<Override PartName="/xl/drawings/${drawing}" ContentType="${CONTENT_TYPE.drawing}"/></Types>`);

    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : relationships([]);
    const used = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let relId = 1;
    while (used.has(`rId${relId}`)) relId++;
    zip.file(relsPath, existing.replace("</Relationships>", `<Relationship Id="rId${relId}" Type="${REL_TYPE.drawing}" Target="../drawings/${drawing}"/></Relationships>`));
    const element = `<drawing r:id="rId${relId}"/>`;
    const before = AFTER_DRAWING.map((tag) => xml.search(new RegExp(`<${tag}[\\s/>]`))).filter((i) => i >= 0);
    const at = before.length ? Math.min(...before) : xml.lastIndexOf("</worksheet>");
    let sheetXml = xml.slice(0, at) + element + xml.slice(at);
    const start = /<worksheet\b[^>]*>/.exec(sheetXml)![0];
    if (!/xmlns:r=/.test(start)) sheetXml = sheetXml.replace(start, start.replace("<worksheet ", `<worksheet xmlns:r="${NS.r}" `));
    zip.file(part, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
