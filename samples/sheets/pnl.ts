/**
 * The "P&L" sheet: one partner's P&L built from the Assumptions table. A block of built-in
 * formulas gathers the partner's assumptions (its own row for a driver where it has one, else the
 * default `*` row); PARTNER.PNL, PARTNER.PNL.SUMMARY, PARTNER.SENSITIVITY, PARTNER.SIMULATE and
 * PARTNER.RAMP compute from that block. Change the PartnerId in B2 and everything follows.
 */
import type ExcelJS from "exceljs";
import { pnl, pnlSummary, ramp, sensitivity, simulate } from "../../addin/functions/pnl";
import { ASSUMPTION_YEARS, DEFAULT_ASSUMPTIONS } from "../data/assumptions";
import type { SampleData } from "../generate";
import { type ArrayFormulaValue, columnLetter } from "./tables";

/** Where things are on the sheet (the sample test reads it back from here). */
export const PNL_LAYOUT = {
  partnerCell: "B2",
  nameCell: "D2",
  blockFirstRow: 6,
  blockColumns: 1 + ASSUMPTION_YEARS, // name, Value, Year2 … Year10
  partnerView: "A31",
  vendorView: "A42",
  summaries: { partner: "A49", vendor: "D49", whatIf: "G49" },
  whatIfOverrides: "G57:H58",
  sensitivity: "A62",
  uncertainty: "A88:E90",
  simulation: "A92",
  history: "B102:G109",
  ramp: "B111",
} as const;

type Spill = (number | string)[][];

const cellRef = (address: string) => {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
};

/** Writes an array formula whose spill carries the engine's results as cached values. */
function writeSpill(sheet: ExcelJS.Worksheet, at: string, formula: string, spill: Spill): void {
  const { row, column } = cellRef(at);
  const ref = `${at}:${columnLetter(column + spill[0].length - 1)}${row + spill.length - 1}`;
  spill.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const cell = sheet.getCell(row + r, column + c);
      cell.value = r === 0 && c === 0 ? ({ formula, result: value, shareType: "array", ref } as ArrayFormulaValue) : value;
    }),
  );
}

export function addPnlSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const sheet = workbook.addWorksheet("P&L");
  const L = PNL_LAYOUT;
  const modelled = [...new Set(data.assumptions.filter((a) => a.partnerId !== "*").map((a) => a.partnerId))];
  const partnerId = modelled[0];
  const partner = data.partners.find((p) => p.id === partnerId)!;

  sheet.getCell("A1").value = "Partner P&L";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = "PartnerId";
  sheet.getCell(L.partnerCell).value = partnerId;
  sheet.getCell(L.partnerCell).dataValidation = { type: "list", allowBlank: false, formulae: [`Partners!$A$2:$A$${data.partners.length + 1}`] };
  sheet.getCell("C2").value = "Name";
  sheet.getCell(L.nameCell).value = { formula: `INDEX(Partners[Name],MATCH($B$2,Partners[PartnerId],0))`, result: partner.name };
  sheet.getCell("A3").value =
    "Each assumption is the partner's own row of the Assumptions table where it has one, otherwise the default row (PartnerId *). Pick another PartnerId in B2.";

  // The assumptions block: names, then Value and Year2 … Year10 gathered with SUMIFS.
  const first = L.blockFirstRow;
  const last = first + DEFAULT_ASSUMPTIONS.length - 1;
  const headers = ["Assumption", "Value", ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => `Year ${i + 2}`)];
  headers.forEach((h, i) => (sheet.getCell(first - 1, 1 + i).value = h));
  const tableColumns = ["Value", ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => `Year${i + 2}`)];
  const block: (string | number)[][] = [];
  DEFAULT_ASSUMPTIONS.forEach(([name], i) => {
    const r = first + i;
    sheet.getCell(r, 1).value = name;
    const own = data.assumptions.find((a) => a.partnerId === partnerId && a.name === name);
    const source = own ?? data.assumptions.find((a) => a.partnerId === "*" && a.name === name)!;
    const row: (string | number)[] = [name];
    tableColumns.forEach((column, c) => {
      const pick = (id: string) => `SUMIFS(Assumptions[${column}],Assumptions[PartnerId],${id},Assumptions[Name],$A${r})`;
      const value = source.values[c] ?? 0;
      sheet.getCell(r, 2 + c).value = {
        formula: `IF(COUNTIFS(Assumptions[PartnerId],$B$2,Assumptions[Name],$A${r})>0,${pick("$B$2")},${pick('"~*"')})`,
        result: value,
      };
      row.push(value);
    });
    block.push(row);
  });
  const assumptions = `$A$${first}:$${columnLetter(L.blockColumns)}$${last}`;

  const label = (at: string, text: string) => {
    const { row, column } = cellRef(at);
    sheet.getCell(row - 1, column).value = text;
    sheet.getCell(row - 1, column).font = { bold: true };
  };
  label(L.partnerView, "Partner view");
  writeSpill(sheet, L.partnerView, `PARTNER.PNL(${assumptions})`, pnl(block));
  label(L.vendorView, "Vendor view");
  writeSpill(sheet, L.vendorView, `PARTNER.PNL(${assumptions},"vendor")`, pnl(block, "vendor"));

  const overrides: (string | number)[][] = [
    ["product_margin", 0.25],
    ["license_growth", 0.12],
  ];
  const whatIfAt = cellRef(L.whatIfOverrides.split(":")[0]);
  sheet.getCell(whatIfAt.row - 1, whatIfAt.column).value = "What-if overrides";
  sheet.getCell(whatIfAt.row - 1, whatIfAt.column).font = { bold: true };
  overrides.forEach((cells, r) => cells.forEach((v, c) => (sheet.getCell(whatIfAt.row + r, whatIfAt.column + c).value = v)));
  label(L.summaries.partner, "Summary, partner view");
  writeSpill(sheet, L.summaries.partner, `PARTNER.PNL.SUMMARY(${assumptions})`, pnlSummary(block));
  label(L.summaries.vendor, "Summary, vendor view");
  writeSpill(sheet, L.summaries.vendor, `PARTNER.PNL.SUMMARY(${assumptions},"vendor")`, pnlSummary(block, "vendor"));
  label(L.summaries.whatIf, "Summary with the what-if overrides");
  writeSpill(sheet, L.summaries.whatIf, `PARTNER.PNL.SUMMARY(${assumptions},,${L.whatIfOverrides})`, pnlSummary(block, null, overrides));

  label(L.sensitivity, "Sensitivity of the NPV to each assumption (±10%)");
  writeSpill(sheet, L.sensitivity, `PARTNER.SENSITIVITY(${assumptions})`, sensitivity(block));

  // Uncertainty: licence revenue around the partner's own figure, margin and people cost ranges.
  const u = cellRef(L.uncertainty.split(":")[0]);
  sheet.getCell(u.row - 1, u.column).value = "Uncertain assumptions (name | distribution | parameters)";
  sheet.getCell(u.row - 1, u.column).font = { bold: true };
  const licenseRow = first + DEFAULT_ASSUMPTIONS.findIndex(([n]) => n === "license_revenue");
  const costRow = first + DEFAULT_ASSUMPTIONS.findIndex(([n]) => n === "cost_per_head");
  const licence = block[licenseRow - first][1] as number;
  const costPerHead = block[costRow - first][1] as number;
  const uncertainty: (string | number | ExcelJS.CellFormulaValue)[][] = [
    ["license_revenue", "normal", { formula: `B${licenseRow}`, result: licence }, { formula: `0.2*B${licenseRow}`, result: 0.2 * licence }, ""],
    ["product_margin", "triangular", 0.16, 0.22, 0.26],
    ["cost_per_head", "uniform", { formula: `0.9*B${costRow}`, result: 0.9 * costPerHead }, { formula: `1.15*B${costRow}`, result: 1.15 * costPerHead }, ""],
  ];
  uncertainty.forEach((cells, r) => cells.forEach((v, c) => (sheet.getCell(u.row + r, u.column + c).value = v === "" ? null : v)));
  const plain = uncertainty.map((cells) => cells.map((v) => (typeof v === "object" ? (v.result as number) : v)));
  label(L.simulation, "Monte Carlo (10,000 trials, seed 1)");
  writeSpill(sheet, L.simulation, `PARTNER.SIMULATE(${assumptions},${L.uncertainty})`, simulate(block, plain));

  const h = cellRef(L.history.split(":")[0]);
  sheet.getCell(h.row - 1, 1).value = "Licence revenue of past partners by year since signing (empty: not reached yet)";
  sheet.getCell(h.row - 1, 1).font = { bold: true };
  data.rampHistory.forEach((cells, r) => {
    sheet.getCell(h.row + r, 1).value = `Past partner ${r + 1}`;
    cells.forEach((v, c) => (sheet.getCell(h.row + r, h.column + c).value = v));
  });
  sheet.getCell(cellRef(L.ramp).row, 1).value = "Median ramp";
  writeSpill(sheet, L.ramp, `PARTNER.RAMP(${L.history})`, ramp(data.rampHistory));

  sheet.getColumn(1).width = 26;
  for (let c = 2; c <= L.blockColumns; c++) sheet.getColumn(c).width = 13;
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 2; c <= L.blockColumns; c++) {
      const cell = sheet.getCell(r, c);
      if (r >= L.blockFirstRow && r <= last) continue;
      cell.numFmt = "#,##0.00";
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 3 }];
}
