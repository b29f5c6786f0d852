/**
 * The "P&L" sheet: one partner's P&L built from the Assumptions table. A block of built-in
 * formulas gathers the partner's assumptions (its own row for a driver where it has one, else the
 * default `*` row); PARTNER.PNL, PARTNER.PNL.SUMMARY, PARTNER.SENSITIVITY, PARTNER.SIMULATE and
 * PARTNER.RAMP compute from that block. Change the PartnerId in B2 and everything follows.
 */
import { pnl, pnlSummary, ramp, sensitivity, simulate } from "../../addin/functions/pnl";
import { ASSUMPTION_YEARS, DEFAULT_ASSUMPTIONS } from "../data/assumptions";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { SheetBuilder, columnLetter } from "./tables";

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

export function pnlSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("P&L");
  const spill = (at: string, formula: string, values: Spill) => {
    const { row, column } = cellRef(at);
    sheet.spill(row, column, formula, values);
  };
  const L = PNL_LAYOUT;
  const modelled = [...new Set(data.assumptions.filter((a) => a.partnerId !== "*").map((a) => a.partnerId))];
  const partnerId = modelled[0];
  const partner = data.partners.find((p) => p.id === partnerId)!;

  const at = (address: string) => {
    const { row, column } = cellRef(address);
    return [row, column] as const;
  };
  sheet.set(...at("A1"), "Partner P&L", { bold: true, size: 14 });
  sheet.set(...at("A2"), "PartnerId");
  sheet.set(...at(L.partnerCell), partnerId);
  const validations = [{ ref: L.partnerCell, rule: { type: "list" as const, source: `Partners!$A$2:$A$${data.partners.length + 1}` } }];
  sheet.set(...at("C2"), "Name");
  sheet.formula(...at(L.nameCell), `=INDEX(Partners[Name],MATCH($B$2,Partners[PartnerId],0))`, partner.name);
  sheet.set(
    ...at("A3"),
    "Each assumption is the partner's own row of the Assumptions table where it has one, otherwise the default row (PartnerId *). Pick another PartnerId in B2.",
  );

  // The assumptions block: names, then Value and Year2 … Year10 gathered with SUMIFS.
  const first = L.blockFirstRow;
  const last = first + DEFAULT_ASSUMPTIONS.length - 1;
  const headers = ["Assumption", "Value", ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => `Year ${i + 2}`)];
  headers.forEach((h, i) => sheet.set(first - 1, 1 + i, h));
  const tableColumns = ["Value", ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => `Year${i + 2}`)];
  const block: (string | number)[][] = [];
  DEFAULT_ASSUMPTIONS.forEach(([name], i) => {
    const r = first + i;
    sheet.set(r, 1, name);
    const own = data.assumptions.find((a) => a.partnerId === partnerId && a.name === name);
    const source = own ?? data.assumptions.find((a) => a.partnerId === "*" && a.name === name)!;
    const row: (string | number)[] = [name];
    tableColumns.forEach((column, c) => {
      const pick = (id: string) => `SUMIFS(Assumptions[${column}],Assumptions[PartnerId],${id},Assumptions[Name],$A${r})`;
      const value = source.values[c] ?? 0;
      sheet.formula(r, 2 + c, `=IF(COUNTIFS(Assumptions[PartnerId],$B$2,Assumptions[Name],$A${r})>0,${pick("$B$2")},${pick('"~*"')})`, value);
      row.push(value);
    });
    block.push(row);
  });
  const assumptions = `$A$${first}:$${columnLetter(L.blockColumns)}$${last}`;

  const label = (at: string, text: string) => {
    const { row, column } = cellRef(at);
    sheet.set(row - 1, column, text, { bold: true });
  };
  label(L.partnerView, "Partner view");
  spill(L.partnerView, `=PARTNER.PNL(${assumptions})`, pnl(block));
  label(L.vendorView, "Vendor view");
  spill(L.vendorView, `=PARTNER.PNL(${assumptions},"vendor")`, pnl(block, "vendor"));

  const overrides: (string | number)[][] = [
    ["product_margin", 0.25],
    ["license_growth", 0.12],
  ];
  const whatIfAt = cellRef(L.whatIfOverrides.split(":")[0]);
  sheet.set(whatIfAt.row - 1, whatIfAt.column, "What-if overrides", { bold: true });
  overrides.forEach((cells, r) => cells.forEach((v, c) => sheet.set(whatIfAt.row + r, whatIfAt.column + c, v)));
  label(L.summaries.partner, "Summary, partner view");
  spill(L.summaries.partner, `=PARTNER.PNL.SUMMARY(${assumptions})`, pnlSummary(block));
  label(L.summaries.vendor, "Summary, vendor view");
  spill(L.summaries.vendor, `=PARTNER.PNL.SUMMARY(${assumptions},"vendor")`, pnlSummary(block, "vendor"));
  label(L.summaries.whatIf, "Summary with the what-if overrides");
  spill(L.summaries.whatIf, `=PARTNER.PNL.SUMMARY(${assumptions},,${L.whatIfOverrides})`, pnlSummary(block, null, overrides));

  label(L.sensitivity, "Sensitivity of the NPV to each assumption (±10%)");
  spill(L.sensitivity, `=PARTNER.SENSITIVITY(${assumptions})`, sensitivity(block));

  // Uncertainty: licence revenue around the partner's own figure, margin and people cost ranges.
  const u = cellRef(L.uncertainty.split(":")[0]);
  sheet.set(u.row - 1, u.column, "Uncertain assumptions (name | distribution | parameters)", { bold: true });
  const licenseRow = first + DEFAULT_ASSUMPTIONS.findIndex(([n]) => n === "license_revenue");
  const costRow = first + DEFAULT_ASSUMPTIONS.findIndex(([n]) => n === "cost_per_head");
  const licence = block[licenseRow - first][1] as number;
  const costPerHead = block[costRow - first][1] as number;
  const uncertainty: (string | number | { formula: string; result: number })[][] = [
    ["license_revenue", "normal", { formula: `=B${licenseRow}`, result: licence }, { formula: `=0.2*B${licenseRow}`, result: 0.2 * licence }, ""],
    ["product_margin", "triangular", 0.16, 0.22, 0.26],
    ["cost_per_head", "uniform", { formula: `=0.9*B${costRow}`, result: 0.9 * costPerHead }, { formula: `=1.15*B${costRow}`, result: 1.15 * costPerHead }, ""],
  ];
  uncertainty.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (typeof v === "object") sheet.formula(u.row + r, u.column + c, v.formula, v.result);
      else sheet.set(u.row + r, u.column + c, v === "" ? null : v);
    }),
  );
  const plain = uncertainty.map((cells) => cells.map((v) => (typeof v === "object" ? v.result : v)));
  label(L.simulation, "Monte Carlo (10,000 trials, seed 1)");
  spill(L.simulation, `=PARTNER.SIMULATE(${assumptions},${L.uncertainty})`, simulate(block, plain));

  const h = cellRef(L.history.split(":")[0]);
  sheet.set(h.row - 1, 1, "Licence revenue of past partners by year since signing (empty: not reached yet)", { bold: true });
  data.rampHistory.forEach((cells, r) => {
    sheet.set(h.row + r, 1, `Past partner ${r + 1}`);
    cells.forEach((v, c) => sheet.set(h.row + r, h.column + c, v));
  });
  sheet.set(cellRef(L.ramp).row, 1, "Median ramp");
  spill(L.ramp, `=PARTNER.RAMP(${L.history})`, ramp(data.rampHistory));

  sheet.widths[1] = 26;
  for (let c = 2; c <= L.blockColumns; c++) sheet.widths[c] = 13;
  // Two decimals everywhere but the assumptions block, whose values keep their own precision.
  const rows = sheet.rowCount;
  for (let r = 1; r <= rows; r++) {
    if (r >= L.blockFirstRow && r <= last) continue;
    for (let c = 2; c <= L.blockColumns; c++) sheet.cell(r, c).numberFormat = "#,##0.00";
  }
  return sheet.spec({ freeze: { rows: 3 }, validations });
}
