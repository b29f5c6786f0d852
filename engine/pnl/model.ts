/**
 * The partner P&L of SPEC 2.5, year by year, on plain loops over typed arrays: every line of both
 * views is computed in one pass into one preallocated buffer, so the Monte Carlo and the tornado
 * table can re-evaluate a model thousands of times without allocating.
 */
import { irrOf, npvOf, paybackOf } from "../excel/financial";
import type { PnlModel } from "./assumptions";
import { D } from "./drivers";
import { doubles } from "./slab";

export const PARTNER_LINES = [
  "Licence revenue",
  "Services revenue",
  "Maintenance revenue",
  "Gross profit",
  "Vendor income",
  "Costs",
  "Profit",
  "Cumulative profit",
] as const;
export const VENDOR_LINES = ["Vendor net revenue", "Vendor contribution", "Cumulative contribution"] as const;

/** Line numbers within the buffer (partner lines, vendor lines, then the vendor's spend). */
export const LINE = {
  licence: 0,
  services: 1,
  maintenance: 2,
  grossProfit: 3,
  vendorIncome: 4,
  costs: 5,
  profit: 6,
  cumulative: 7,
  vendorNet: 8,
  contribution: 9,
  cumulativeContribution: 10,
  /** What the vendor spends on the partner each year: vendor income paid plus program cost. */
  vendorSpend: 11,
} as const;
const LINE_COUNT = 12;

export interface PnlLines {
  readonly years: number;
  /** Line k, year t (0-based) at `k * years + t`. */
  readonly buffer: Float64Array;
}

export function allocateLines(years: number): PnlLines {
  return { years, buffer: doubles(LINE_COUNT * years) };
}

const scratch: PnlLines[] = [];
/**
 * A reusable buffer for a horizon, for computations whose lines do not outlive the call (a summary,
 * a tornado row, a trial): the engine is synchronous, so one buffer per horizon is enough.
 */
export function scratchLines(years: number): PnlLines {
  return (scratch[years] ??= allocateLines(years));
}

/** Line `k` of the P&L as a view on the buffer (no copy). */
export const line = (lines: PnlLines, k: number): Float64Array => lines.buffer.subarray(k * lines.years, (k + 1) * lines.years);

// Driver positions as plain constants: the year loop below runs millions of times in a simulation.
const LICENSE = D.license_revenue;
const RAMP = D.ramp;
const RETENTION = D.retention;
const MAINTENANCE_RATE = D.maintenance_rate;
const SERVICES_ATTACH = D.services_attach;
const PRODUCT_MARGIN = D.product_margin;
const SERVICES_MARGIN = D.services_margin;
const MAINTENANCE_MARGIN = D.maintenance_margin;
const REBATE = D.rebate_rate;
const MDF = D.mdf;
const ENABLEMENT = D.enablement_cost;
const CERTIFICATION = D.certification_cost;
const MARKETING = D.marketing_cost;
const HEADCOUNT = D.headcount;
const COST_PER_HEAD = D.cost_per_head;
const VENDOR_MARGIN = D.vendor_margin;
const VENDOR_PROGRAM = D.vendor_program_cost;
const L_LICENCE = LINE.licence;
const L_SERVICES = LINE.services;
const L_MAINTENANCE = LINE.maintenance;
const L_GROSS = LINE.grossProfit;
const L_INCOME = LINE.vendorIncome;
const L_COSTS = LINE.costs;
const L_PROFIT = LINE.profit;
const L_CUMULATIVE = LINE.cumulative;
const L_VENDOR_NET = LINE.vendorNet;
const L_CONTRIBUTION = LINE.contribution;
const L_CUMULATIVE_CONTRIBUTION = LINE.cumulativeContribution;
const L_VENDOR_SPEND = LINE.vendorSpend;

/**
 * Computes every line of the P&L of `model` into `lines` (whose horizon must match), in the order
 * of operations the README's formulas show. Returns false when a value overflows.
 */
export function evaluate(model: PnlModel, lines: PnlLines): boolean {
  const Y = model.years;
  const v = model.values;
  const s = model.series;
  const out = lines.buffer;
  const licenceGrowth = 1 + v[D.license_growth * Y];
  const costGrowth = 1 + v[D.cost_growth * Y];
  const onboarding = v[D.onboarding_cost * Y];
  const licenseSeries = (s & (1 << LICENSE)) !== 0;
  // A single value grows with cost_growth, a series is taken as given.
  const enablementGrows = (s & (1 << ENABLEMENT)) === 0;
  const certificationGrows = (s & (1 << CERTIFICATION)) === 0;
  const marketingGrows = (s & (1 << MARKETING)) === 0;
  const costPerHeadGrows = (s & (1 << COST_PER_HEAD)) === 0;

  let licenceFactor = 1;
  let costFactor = 1;
  let base = 0; // installed base at the end of the previous year
  let cumulative = 0;
  let cumulativeContribution = 0;
  for (let t = 0; t < Y; t++) {
    if (t > 0) {
      licenceFactor *= licenceGrowth;
      costFactor *= costGrowth;
    }
    const L = licenseSeries ? v[LICENSE * Y + t] : v[LICENSE * Y + t] * licenceFactor * v[RAMP * Y + t];
    const retention = v[RETENTION * Y + t];
    const M = v[MAINTENANCE_RATE * Y + t] * base * retention;
    base = base * retention + L;
    const S = v[SERVICES_ATTACH * Y + t] * L;
    const productMargin = v[PRODUCT_MARGIN * Y + t];
    const maintenanceMargin = v[MAINTENANCE_MARGIN * Y + t];
    const GP = L * productMargin + S * v[SERVICES_MARGIN * Y + t] + M * maintenanceMargin;
    const I = v[REBATE * Y + t] * L + v[MDF * Y + t];
    const enablement = enablementGrows ? v[ENABLEMENT * Y + t] * costFactor : v[ENABLEMENT * Y + t];
    const certification = certificationGrows ? v[CERTIFICATION * Y + t] * costFactor : v[CERTIFICATION * Y + t];
    const marketing = marketingGrows ? v[MARKETING * Y + t] * costFactor : v[MARKETING * Y + t];
    const costPerHead = costPerHeadGrows ? v[COST_PER_HEAD * Y + t] * costFactor : v[COST_PER_HEAD * Y + t];
    const C = (t === 0 ? onboarding : 0) + enablement + certification + marketing + v[HEADCOUNT * Y + t] * costPerHead;
    const P = GP + I - C;
    cumulative += P;
    const V = L * (1 - productMargin) + M * (1 - maintenanceMargin);
    const vendorProgram = v[VENDOR_PROGRAM * Y + t];
    const contribution = V * v[VENDOR_MARGIN * Y + t] - I - vendorProgram;
    cumulativeContribution += contribution;

    out[L_LICENCE * Y + t] = L;
    out[L_SERVICES * Y + t] = S;
    out[L_MAINTENANCE * Y + t] = M;
    out[L_GROSS * Y + t] = GP;
    out[L_INCOME * Y + t] = I;
    out[L_COSTS * Y + t] = C;
    out[L_PROFIT * Y + t] = P;
    out[L_CUMULATIVE * Y + t] = cumulative;
    out[L_VENDOR_NET * Y + t] = V;
    out[L_CONTRIBUTION * Y + t] = contribution;
    out[L_CUMULATIVE_CONTRIBUTION * Y + t] = cumulativeContribution;
    out[L_VENDOR_SPEND * Y + t] = I + vendorProgram;
  }
  // Every line feeds one of the running totals or the installed base: an overflow anywhere shows there.
  return Number.isFinite(cumulative) && Number.isFinite(cumulativeContribution) && Number.isFinite(base);
}

export type View = "partner" | "vendor";

/** The figures of PARTNER.PNL.SUMMARY; `null` where the cell shows blank. */
export interface PnlSummary {
  readonly npv: number;
  /** Excel IRR of the yearly flows; null where Excel gives #NUM!. */
  readonly irr: number | null;
  /** Years from the start of year 1 until the cumulative turns non-negative for good; null if not within the horizon. */
  readonly payback: number | null;
  /** First year (1-based) with a positive flow; null if none. */
  readonly firstProfitableYear: number | null;
  /** Total flow over total cost; null when the cost is 0. */
  readonly roi: number | null;
  readonly total: number;
}

/**
 * The summary of a view. Partner view: flows are the yearly profits and cost is Costs. Vendor
 * view: flows are the vendor's contributions and cost is what the vendor spends on the partner
 * (vendor income paid plus program cost).
 */
export function summarise(lines: PnlLines, discountRate: number, view: View): PnlSummary {
  const Y = lines.years;
  const buffer = lines.buffer;
  // Offsets into the buffer rather than subarrays: no allocation per summary.
  const flows = (view === "partner" ? LINE.profit : LINE.contribution) * Y;
  const cost = (view === "partner" ? LINE.costs : LINE.vendorSpend) * Y;
  const total = buffer[(view === "partner" ? LINE.cumulative : LINE.cumulativeContribution) * Y + Y - 1];
  let costTotal = 0;
  let first: number | null = null;
  for (let t = 0; t < Y; t++) {
    costTotal += buffer[cost + t];
    if (first === null && buffer[flows + t] > 0) first = t + 1;
  }
  const irr = irrOf(buffer, 0.1, Y, flows);
  const payback = paybackOf(0, buffer, Y, flows);
  const roi = costTotal === 0 ? null : total / costTotal;
  return {
    npv: npvOf(discountRate, buffer, Y, flows),
    irr: Number.isNaN(irr) ? null : irr,
    payback: Number.isFinite(payback) ? payback : null,
    firstProfitableYear: first,
    roi: roi === null || !Number.isFinite(roi) ? null : roi,
    total,
  };
}

/** The discount rate of a model (a single value). */
export const discountRate = (model: PnlModel): number => model.values[D.discount_rate * model.years];
