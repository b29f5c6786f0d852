/**
 * Native Excel charts on a sheet the add-in writes: a chart part per chart (DrawingML), a drawing
 * part anchoring them on the sheet, and the relationships and content types that tie them in.
 * Each chart refers to the sheet's cells, with cached values for readers that do not recalculate.
 */
import { BRAND_COLOUR, type ChartSpec, type SheetSpec, columnRange } from "../sheet";
import { CONTENT_TYPE, type OoxmlPackage, REL } from "./package";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
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

/**
 * Writes the charts of `spec` for the sheet part `sheetPart` (which must not have a drawing yet);
 * returns the relationship id the sheet's `<drawing r:id>` names, or undefined when there are no charts.
 */
export async function writeCharts(pkg: OoxmlPackage, sheetPart: string, spec: Pick<SheetSpec, "name" | "cells" | "charts">): Promise<string | undefined> {
  if (!spec.charts.length) return undefined;
  const values = new Map(spec.cells.map((c) => [`${c.row}:${c.column}`, typeof c.value === "object" && c.value !== null ? c.result : c.value]));
  const value: Values = (r, c) => values.get(`${r}:${c}`);
  const drawing = pkg.freeName("xl/drawings/drawing", ".xml");
  // The drawing's relationships are numbered from 1 in chart order, as drawingXml expects.
  for (const chart of spec.charts) {
    const part = pkg.freeName("xl/charts/chart", ".xml");
    pkg.setText(part, chartXml(chart, spec.name, value));
    await pkg.override(part, CONTENT_TYPE.chart);
    await pkg.relate(drawing, REL.chart, part);
  }
  pkg.setText(drawing, drawingXml(spec.charts, 1));
  await pkg.override(drawing, CONTENT_TYPE.drawing);
  return pkg.relate(sheetPart, REL.drawing, drawing);
}
