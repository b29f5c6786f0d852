/**
 * A new worksheet part written from a SheetSpec, in the worksheet schema's element order: panes,
 * column widths and formats, the cells (text as inline strings, formulas in the file's form with
 * their cached results, spills as dynamic arrays), data validation, the drawing of its charts and
 * its tables.
 */
import { isFormula } from "../cells";
import { fileFormula } from "../formulas";
import type { SheetCell, SheetSpec, ValidationSpec } from "../sheet";
import { BRAND_COLOUR } from "../sheet";
import { NS } from "./package";
import { cellRef } from "./refs";
import type { SharedStrings } from "./strings";
import type { Styles } from "./styles";
import { escapeAttribute, escapeXml } from "./xml";
import { type CellContent, cellXml } from "./worksheet";

export interface SheetParts {
  /** The cell metadata index of dynamic arrays (see metadata.ts), when the sheet has a spill. */
  dynamicArray?: number;
  /** Relationship ids of the sheet's table parts, in the order of `spec.tables`. */
  tables: readonly string[];
  /** Relationship id of the sheet's drawing (its charts). */
  drawing?: string;
  /** The workbook's shared strings, when text goes there rather than into the cells. */
  strings?: SharedStrings;
}

/** The cell format of a spec cell. */
export function cellStyle(styles: Styles, cell: Pick<SheetCell, "numberFormat" | "bold" | "size" | "band" | "wrap">, columnFormat?: string): number {
  const numberFormat = cell.numberFormat ?? columnFormat;
  if (!numberFormat && !cell.bold && !cell.size && !cell.band && !cell.wrap) return 0;
  return styles.look({
    numberFormat,
    bold: cell.bold || cell.band,
    size: cell.size,
    colour: cell.band ? "FFFFFF" : undefined,
    fill: cell.band ? BRAND_COLOUR : undefined,
    wrap: cell.wrap,
  });
}

function contentOf(cell: SheetCell): CellContent {
  const { value } = cell;
  if (!isFormula(value)) return value;
  const spill = cell.spill && (cell.spill.rows > 1 || cell.spill.columns > 1) ? `${cellRef(cell.row, cell.column)}:${cellRef(cell.row + cell.spill.rows - 1, cell.column + cell.spill.columns - 1)}` : undefined;
  return { formula: fileFormula(value.formula), result: cell.result ?? undefined, spill };
}

function validationXml(v: ValidationSpec): string {
  const { rule } = v;
  const message = "message" in rule && rule.message ? ` error="${escapeAttribute(rule.message)}"` : "";
  const common = `allowBlank="1" showErrorMessage="1"${message} sqref="${v.ref}"`;
  if ("source" in rule) return `<dataValidation type="list" ${common}><formula1>${escapeXml(rule.source)}</formula1></dataValidation>`;
  switch (rule.type) {
    case "list":
      return `<dataValidation type="list" ${common}><formula1>${escapeXml(`"${rule.values!.join(",")}"`)}</formula1></dataValidation>`;
    case "date":
      // After 1899-12-31: any date Excel can show.
      return `<dataValidation type="date" operator="greaterThan" ${common}><formula1>1</formula1></dataValidation>`;
    default:
      return rule.max === undefined
        ? `<dataValidation type="${rule.type}" operator="greaterThanOrEqual" ${common}><formula1>${rule.min}</formula1></dataValidation>`
        : `<dataValidation type="${rule.type}" ${common}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
  }
}

/** The worksheet part's XML for `spec`. */
export function worksheetXml(spec: SheetSpec, styles: Styles, parts: SheetParts): string {
  const columnFormats = spec.columnFormats ?? {};
  const byRow = new Map<number, SheetCell[]>();
  for (const cell of spec.cells) {
    const list = byRow.get(cell.row);
    if (list) list.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const sheetData = rows
    .map((r) => {
      const cells = byRow
        .get(r)!
        .sort((a, b) => a.column - b.column)
        .map((cell) => {
          const content = contentOf(cell);
          const xml = cellXml("", cellRef(r, cell.column), content, cellStyle(styles, cell, columnFormats[cell.column]), parts.dynamicArray, parts.strings);
          if (xml === undefined) return "";
          [top, left, bottom, right] = [Math.min(top, r), Math.min(left, cell.column), Math.max(bottom, r), Math.max(right, cell.column)];
          return xml;
        })
        .join("");
      return cells ? `<row r="${r}">${cells}</row>` : "";
    })
    .join("");
  const dimension = bottom ? `${cellRef(top, left)}:${cellRef(bottom, right)}` : "A1";

  const freezeRows = spec.freeze?.rows ?? 0;
  const freezeColumns = spec.freeze?.columns ?? 0;
  let pane = "";
  if (freezeRows || freezeColumns) {
    const active = freezeRows && freezeColumns ? "bottomRight" : freezeRows ? "bottomLeft" : "topRight";
    pane =
      `<pane${freezeColumns ? ` xSplit="${freezeColumns}"` : ""}${freezeRows ? ` ySplit="${freezeRows}"` : ""} topLeftCell="${cellRef(freezeRows + 1, freezeColumns + 1)}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  const views = `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;

  const columns = [...new Set([...Object.keys(spec.widths), ...Object.keys(columnFormats)].map(Number))].sort((a, b) => a - b);
  const cols = columns.length
    ? `<cols>${columns
        .map((c) => {
          const width = spec.widths[c];
          const format = columnFormats[c];
          const style = format ? ` style="${styles.look({ numberFormat: format })}"` : "";
          return `<col min="${c}" max="${c}" width="${(width ?? 9.140625).toFixed(2).replace(/\.?0+$/, "")}"${style}${width !== undefined ? ` customWidth="1"` : ""}/>`;
        })
        .join("")}</cols>`
    : "";
  const validations = spec.validations?.length ? `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join("")}</dataValidations>` : "";
  const margins = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const drawing = parts.drawing ? `<drawing r:id="${parts.drawing}"/>` : "";
  const tables = parts.tables.length ? `<tableParts count="${parts.tables.length}">${parts.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<dimension ref="${dimension}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${sheetData}</sheetData>${validations}${margins}${drawing}${tables}</worksheet>`
  );
}

/** `A1:H1` style reference of a table's header-and-data block. */
export const tableArea = (t: { top: number; left: number; columns: readonly string[]; rows: number }) => ({
  top: t.top,
  left: t.left,
  bottom: t.top + Math.max(1, t.rows),
  right: t.left + t.columns.length - 1,
});
