/**
 * The partner P&L written as plain spreadsheet formulas (arithmetic, NPV, IRR, SUM, SUMPRODUCT,
 * COUNTIF, INDEX), one block of rows per assumption set, so that an independent spreadsheet
 * application (LibreOffice Calc) can compute the same model the engine computes. Used by the parity
 * fixture (`npm run fixtures:pnl`), its live test and the P&L benchmark.
 *
 * A block: a title row, the assumption rows exactly as a user would type them (`name | value |
 * year 2 | …`), a row of year numbers, one row per P&L line with a formula per year, and one row of
 * summary formulas. Formulas refer to the typed cells: a single value, a per-year series (later
 * years use its last value), or the driver's default written as a number.
 */
import ExcelJS from "exceljs";
import { DRIVERS, MAX_YEARS } from "../../engine/pnl";
import type { Random } from "../../engine/random";
import { columnLetter } from "../../samples/sheets/tables";

export type Cell = number | string | null;

export interface ParityCase {
  id: number;
  /** The assumption rows as typed, including empty cells (null, "" or 0) after each series. */
  assumptions: Cell[][];
}

/** The lines of the formula block, in order: the partner view's, then the vendor view's. */
export const PARTNER_ROWS = ["Licence revenue", "Services revenue", "Maintenance revenue", "Gross profit", "Vendor income", "Costs", "Profit", "Cumulative profit"];
export const VENDOR_ROWS = ["Vendor net revenue", "Vendor contribution", "Cumulative contribution"];
export const SUMMARY_COLUMNS = ["NPV", "IRR", "Payback (years)", "First profitable year", "ROI", "Total"];
/** What the summary formulas show where the engine's summary shows a blank cell. */
export const NONE = "none";
/** The kind of error LibreOffice's IRR gives when Newton's method does not converge (Excel's #NUM!). */
export const NO_CONVERGENCE = "no convergence";

const byName = new Map<string, (typeof DRIVERS)[number]>(DRIVERS.map((d) => [d.name, d]));
const canonical = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");

// ---- Random assumption sets ------------------------------------------------------------------

const round = (x: number, step: number) => Number((Math.round(x / step) * step).toFixed(6));
const between = (random: Random, low: number, high: number, step: number) => round(low + random.next() * (high - low), step);

/**
 * How each driver is drawn when a case uses it: a realistic range and a step. Amounts marked
 * `scaled` are shares of the case's licence run-rate, so that costs and revenue stay comparable
 * and cases span investments that pay back, never pay back, or are profitable from year 1.
 */
const RANGES: Record<string, { low: number; high: number; step: number; scaled?: boolean }> = {
  license_revenue: { low: 0.3, high: 1.5, step: 1000, scaled: true },
  license_growth: { low: -0.2, high: 0.5, step: 0.01 },
  ramp: { low: 0, high: 1, step: 0.05 },
  product_margin: { low: -0.1, high: 0.6, step: 0.01 },
  services_attach: { low: 0, high: 2, step: 0.05 },
  services_margin: { low: 0, high: 0.6, step: 0.01 },
  maintenance_rate: { low: 0, high: 0.3, step: 0.01 },
  retention: { low: 0.4, high: 1, step: 0.01 },
  maintenance_margin: { low: 0, high: 0.5, step: 0.01 },
  rebate_rate: { low: 0, high: 0.1, step: 0.005 },
  mdf: { low: 0, high: 0.05, step: 100, scaled: true },
  onboarding_cost: { low: 0, high: 0.8, step: 100, scaled: true },
  enablement_cost: { low: 0, high: 0.08, step: 100, scaled: true },
  certification_cost: { low: 0, high: 0.03, step: 100, scaled: true },
  marketing_cost: { low: 0, high: 0.1, step: 100, scaled: true },
  headcount: { low: 0, high: 3, step: 0.5 },
  cost_per_head: { low: 0.01, high: 0.1, step: 100, scaled: true },
  cost_growth: { low: -0.05, high: 0.15, step: 0.01 },
  discount_rate: { low: 0, high: 0.3, step: 0.005 },
  vendor_margin: { low: 0.3, high: 0.95, step: 0.01 },
  vendor_program_cost: { low: 0, high: 0.05, step: 100, scaled: true },
};

/** How often a case gives each driver (others fall back to their defaults). */
const USED: Record<string, number> = { license_revenue: 1, onboarding_cost: 0.8, headcount: 0.65, cost_per_head: 0.65, ramp: 0.7 };

/** A random, valid assumption set as a user could type it, with noise that must not matter. */
export function randomCase(random: Random, id: number, fixedYears?: number): ParityCase {
  const u = random.next();
  const years = fixedYears ?? (u < 0.05 ? 1 : u < 0.1 ? 2 : u < 0.8 ? 3 + random.int(8) : 11 + random.int(MAX_YEARS - 10));
  const width = 1 + Math.min(MAX_YEARS, years + random.int(4));
  const rows: Cell[][] = [];
  const spelled = (name: string) => {
    const v = random.next();
    return v < 0.8 ? name : v < 0.9 ? name.toUpperCase() : name.replace(/_/g, " ");
  };
  const emptyCell = (): Cell => [null, "", 0][random.int(3)];
  const pushRow = (name: string, values: Cell[]) => {
    const row: Cell[] = [spelled(name), ...values];
    while (row.length < width) row.push(emptyCell());
    rows.push(row.slice(0, Math.max(width, row.length)));
  };
  if (fixedYears !== undefined || random.next() < 0.9) pushRow("years", [years]);
  const runRate = between(random, 10_000, 2_000_000, 1000);
  for (const driver of DRIVERS) {
    if (driver.name === "years") continue;
    if (random.next() >= (USED[driver.name] ?? 0.55)) continue;
    const { low, high, step, scaled } = RANGES[driver.name];
    const scale = scaled ? runRate : 1;
    const draw = () => between(random, low * scale, high * scale, step);
    const asSeries = !("scalarOnly" in driver && driver.scalarOnly) && random.next() < (driver.name === "ramp" ? 0.8 : 0.3);
    if (!asSeries) {
      pushRow(driver.name, [draw()]);
      continue;
    }
    const length = 2 + random.int(Math.max(1, Math.min(width - 1, MAX_YEARS) - 1));
    const values: Cell[] = [];
    for (let t = 0; t < length; t++) {
      if (driver.name === "ramp") values.push(Math.min(1, round((t + 1) / Math.max(2, length - random.int(2)) + random.next() * 0.1, 0.05)));
      else values.push(random.next() < 0.08 ? null : draw());
    }
    // The series must end on a value (its last non-empty cell is where it ends).
    if (values[length - 1] === null || values[length - 1] === 0) values[length - 1] = round(high * scale, step);
    pushRow(driver.name, values);
  }
  // Shuffle the rows: order never matters.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { id, assumptions: rows };
}

// ---- The formula block -----------------------------------------------------------------------

export interface BlockLayout {
  years: number;
  /** Sheet row (1-based) of each line, in PARTNER_ROWS then VENDOR_ROWS order. */
  lineRows: number[];
  summaryRow: number;
  /** The row after the block. */
  next: number;
}

/** The number of values a typed row holds: its last non-empty cell. */
function seriesLength(row: Cell[]): number {
  let n = row.length;
  while (n > 1 && (row[n - 1] === null || row[n - 1] === "" || row[n - 1] === 0)) n--;
  return n - 1;
}

const literal = (x: number) => (Object.is(x, -0) ? "0" : String(x));

/**
 * Writes one case at `start` with `put(row, column, value)` (1-based; a value is a number, a string
 * or `{ formula }`), returning where its results are.
 */
export function writeBlock(c: ParityCase, start: number, put: (row: number, column: number, value: unknown) => void): BlockLayout {
  put(start, 1, `case ${c.id}`);
  const given = new Map<string, { row: number; length: number }>();
  c.assumptions.forEach((cells, i) => {
    const row = start + 1 + i;
    cells.forEach((cell, col) => {
      if (cell !== null) put(row, col + 1, cell);
    });
    given.set(canonical(cells[0] as string), { row, length: seriesLength(cells) });
  });
  const yearsEntry = given.get("years");
  const years = yearsEntry ? (c.assumptions[yearsEntry.row - start - 1][1] as number) : 5;
  const yearRow = start + 1 + c.assumptions.length;
  const col = (t: number) => columnLetter(1 + t); // year t (1-based) is in column t + 1: B = year 1
  put(yearRow, 1, "Year");
  for (let t = 1; t <= years; t++) put(yearRow, 1 + t, t);

  /** The driver's value in year t as a formula operand: a cell or a number. */
  const value = (name: string, t: number): string => {
    const g = given.get(name);
    if (!g) return literal(byName.get(name)!.default);
    if (g.length === 0) return "0";
    if (g.length === 1) return `$B$${g.row}`;
    return `${col(Math.min(t, g.length))}$${g.row}`;
  };
  const isSeries = (name: string) => (given.get(name)?.length ?? 0) > 1;
  const grown = (name: string, growth: string, t: number) =>
    isSeries(name) || t === 1 ? value(name, t) : `${value(name, t)}*(1+${value(growth, 1)})^(${t}-1)`;

  const first = yearRow + 1;
  const names = ["L", "S", "M", "GP", "I", "C", "P", "K", "V", "contribution", "cumulativeContribution", "base", "spend"];
  const rowOf = Object.fromEntries(names.map((n, i) => [n, first + i])) as Record<string, number>;
  const labels = [...PARTNER_ROWS, ...VENDOR_ROWS, "Installed base", "Vendor spend"];
  labels.forEach((label, i) => put(first + i, 1, label));
  const at = (line: string, t: number) => `${col(t)}${rowOf[line]}`;
  for (let t = 1; t <= years; t++) {
    const f = (line: string, formula: string) => put(rowOf[line], 1 + t, { formula });
    f("L", isSeries("license_revenue") ? value("license_revenue", t) : `${grown("license_revenue", "license_growth", t)}*${value("ramp", t)}`);
    const previousBase = t === 1 ? "0" : at("base", t - 1);
    f("M", `${value("maintenance_rate", t)}*${previousBase}*${value("retention", t)}`);
    f("base", `${previousBase}*${value("retention", t)}+${at("L", t)}`);
    f("S", `${value("services_attach", t)}*${at("L", t)}`);
    f("GP", `${at("L", t)}*${value("product_margin", t)}+${at("S", t)}*${value("services_margin", t)}+${at("M", t)}*${value("maintenance_margin", t)}`);
    f("I", `${value("rebate_rate", t)}*${at("L", t)}+${value("mdf", t)}`);
    const recurring = ["enablement_cost", "certification_cost", "marketing_cost"].map((n) => grown(n, "cost_growth", t)).join("+");
    const people = `${value("headcount", t)}*${grown("cost_per_head", "cost_growth", t)}`;
    f("C", `${t === 1 ? `${value("onboarding_cost", 1)}+` : ""}${recurring}+${people}`);
    f("P", `${at("GP", t)}+${at("I", t)}-${at("C", t)}`);
    f("K", t === 1 ? at("P", t) : `${at("K", t - 1)}+${at("P", t)}`);
    f("V", `${at("L", t)}*(1-${value("product_margin", t)})+${at("M", t)}*(1-${value("maintenance_margin", t)})`);
    f("contribution", `${at("V", t)}*${value("vendor_margin", t)}-${at("I", t)}-${value("vendor_program_cost", t)}`);
    f("cumulativeContribution", t === 1 ? at("contribution", t) : `${at("cumulativeContribution", t - 1)}+${at("contribution", t)}`);
    f("spend", `${at("I", t)}+${value("vendor_program_cost", t)}`);
  }

  const summaryRow = first + labels.length;
  put(summaryRow, 1, "Summary");
  const range = (line: string) => `$B$${rowOf[line]}:$${col(years)}$${rowOf[line]}`;
  const yearsRange = `$B$${yearRow}:$${col(years)}$${yearRow}`;
  const summary = (flows: string, cumulative: string, cost: string): string[] => {
    // The last year with a negative cumulative (0 if none) decides the payback.
    const lastNegative = `SUMPRODUCT(MAX((${range(cumulative)}<0)*${yearsRange}))`;
    return [
      `NPV(${value("discount_rate", 1)},${range(flows)})`,
      `IRR(${range(flows)})`,
      `IF(${lastNegative}=0,0,IF(${lastNegative}=${years},"${NONE}",${lastNegative}-INDEX(${range(cumulative)},${lastNegative})/INDEX(${range(flows)},${lastNegative}+1)))`,
      `IF(COUNTIF(${range(flows)},">0")=0,"${NONE}",${years + 1}-SUMPRODUCT(MAX((${range(flows)}>0)*(${years + 1}-${yearsRange}))))`,
      `IF(SUM(${range(cost)})=0,"${NONE}",${col(years)}${rowOf[cumulative]}/SUM(${range(cost)}))`,
      `${col(years)}${rowOf[cumulative]}`,
    ];
  };
  const formulas = [...summary("P", "K", "C"), ...summary("contribution", "cumulativeContribution", "spend")];
  // Which error each IRR gives: LibreOffice saves its own error codes (such as Err:523, no
  // convergence) as #N/A in .xlsx, so the kind of error is recorded beside it.
  const errorKind = (cell: string) => `IF(ISNA(${cell}),"#N/A",IF(ISERROR(${cell}),"${NO_CONVERGENCE}","${NONE}"))`;
  formulas.push(errorKind(`${col(2)}${summaryRow}`), errorKind(`${col(2 + SUMMARY_COLUMNS.length)}${summaryRow}`));
  formulas.forEach((formula, i) => put(summaryRow, 2 + i, { formula }));
  return {
    years,
    lineRows: [...PARTNER_ROWS.map((_, i) => first + i), rowOf.V, rowOf.contribution, rowOf.cumulativeContribution],
    summaryRow,
    next: summaryRow + 2,
  };
}

// ---- Workbooks ---------------------------------------------------------------------------------

export const SHEET = "P&L parity";

/** An in-memory workbook with every case, and where each case's results are. */
export function parityWorkbook(cases: ParityCase[]): { workbook: ExcelJS.Workbook; layouts: BlockLayout[] } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  let row = 1;
  const layouts = cases.map((c) => {
    const layout = writeBlock(c, row, (r, col, value) => (sheet.getCell(r, col).value = value as ExcelJS.CellValue));
    row = layout.next;
    return layout;
  });
  return { workbook, layouts };
}

/** Writes the cases to an .xlsx file with exceljs' streaming writer (for large workbooks). */
export async function writeParityFile(file: string, cases: Iterable<ParityCase>, options: { valuesOnly?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(SHEET);
  let row = 1;
  let pending = new Map<number, Map<number, unknown>>();
  const flush = (upTo: number) => {
    for (const r of [...pending.keys()].sort((a, b) => a - b)) {
      if (r >= upTo) break;
      const cells = pending.get(r)!;
      const values: unknown[] = [];
      for (const [c, v] of cells) values[c] = options.valuesOnly && v && typeof v === "object" ? 0 : v;
      sheet.getRow(r).values = values as ExcelJS.CellValue[];
      sheet.getRow(r).commit();
      pending.delete(r);
    }
  };
  for (const c of cases) {
    const layout = writeBlock(c, row, (r, col, value) => {
      let cells = pending.get(r);
      if (!cells) pending.set(r, (cells = new Map()));
      cells.set(col, value);
    });
    row = layout.next;
    flush(row);
  }
  flush(Infinity);
  pending = new Map();
  await workbook.commit();
}

/** A number, an error code such as "#NUM!", or "" read back from a recalculated cell. */
export type Result = number | string;

function resultOf(cell: ExcelJS.Cell): Result {
  const v = cell.value as unknown;
  const raw = v && typeof v === "object" && "formula" in v ? (v as { result?: unknown }).result : v;
  if (raw === undefined || raw === null) return 0; // exceljs reads a cached 0 back as no result
  if (typeof raw === "number" || typeof raw === "string") return raw;
  if (typeof raw === "object" && raw && "error" in raw) return String((raw as { error: unknown }).error);
  throw new Error(`unexpected result ${JSON.stringify(raw)} in ${cell.address}`);
}

export interface CaseResults {
  /** PARTNER_ROWS then VENDOR_ROWS, one value per year. */
  lines: Result[][];
  /** SUMMARY_COLUMNS for the partner view, then for the vendor view. */
  summary: Result[];
}

/** Reads the recalculated results of every case from a workbook LibreOffice saved. */
export function readResults(workbook: ExcelJS.Workbook, layouts: BlockLayout[]): CaseResults[] {
  const sheet = workbook.getWorksheet(SHEET)!;
  return layouts.map((layout) => ({
    lines: layout.lineRows.map((r) => Array.from({ length: layout.years }, (_, t) => resultOf(sheet.getCell(r, 2 + t)))),
    summary: Array.from({ length: 2 * SUMMARY_COLUMNS.length + 2 }, (_, i) => resultOf(sheet.getCell(layout.summaryRow, 2 + i))),
  }));
}
