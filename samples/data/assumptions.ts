/**
 * Partner P&L assumptions of the sample network: the defaults every partner inherits (PartnerId
 * `*`) and each modelled partner's own rows, which replace the default row of the same name.
 */
import type { Random } from "../../engine/random";
import type { Partner } from "./partners";

export interface AssumptionRow {
  partnerId: string;
  name: string;
  /** Year 1 value, then years 2, 3, … for a per-year series. */
  values: number[];
}

/** The Assumptions table's year columns: Value (year 1), then Year2 … Year10. */
export const ASSUMPTION_YEARS = 10;

/** A typical reseller's economics, as a channel finance team would set them. */
export const DEFAULT_ASSUMPTIONS: [string, number[]][] = [
  ["years", [7]],
  ["license_revenue", [300000]],
  ["license_growth", [0.08]],
  ["ramp", [0.2, 0.5, 0.8, 1]],
  ["product_margin", [0.22]],
  ["services_attach", [0.5]],
  ["services_margin", [0.35]],
  ["maintenance_rate", [0.18]],
  ["retention", [0.9]],
  ["maintenance_margin", [0.15]],
  ["rebate_rate", [0.03]],
  ["mdf", [15000, 10000, 5000]],
  ["onboarding_cost", [90000]],
  ["enablement_cost", [15000]],
  ["certification_cost", [8000]],
  ["marketing_cost", [25000]],
  ["headcount", [1]],
  ["cost_per_head", [90000]],
  ["cost_growth", [0.03]],
  ["discount_rate", [0.1]],
  ["vendor_margin", [0.8]],
  ["vendor_program_cost", [8000]],
];

/** How many active partners get their own P&L assumptions. */
export const MODELLED_PARTNERS = 5;

const round = (x: number, step: number) => Number((Math.round(x / step) * step).toFixed(6));

export function sampleAssumptions(random: Random, partners: readonly Partner[]): AssumptionRow[] {
  const rows: AssumptionRow[] = DEFAULT_ASSUMPTIONS.map(([name, values]) => ({ partnerId: "*", name, values }));
  // The strongest active partners are the "top partners" finance models in full (seed 003, step 6).
  const modelled = partners
    .filter((p) => p.status === "Active")
    .sort((a, b) => b.quality - a.quality)
    .slice(0, MODELLED_PARTNERS)
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const partner of modelled) {
    // Twice the typical run-rate or so, a dedicated team from year 2, sometimes a faster ramp.
    const own: [string, number[]][] = [["license_revenue", [round(300000 * (1.6 + 0.8 * random.next()), 5000)]]];
    if (random.next() < 0.6) {
      const start = round(0.2 + 0.15 * random.next(), 0.05);
      own.push(["ramp", [start, round(start + 0.35, 0.05), 0.9, 1]]);
    }
    if (random.next() < 0.5) own.push(["product_margin", [round(0.2 + 0.08 * random.next(), 0.01)]]);
    if (random.next() < 0.5) own.push(["services_attach", [round(0.4 + 0.4 * random.next(), 0.05)]]);
    own.push(["headcount", [1, 2]]);
    if (random.next() < 0.5) own.push(["marketing_cost", [round(40000 + 20000 * random.next(), 1000), 30000, 25000]]);
    for (const [name, values] of own) rows.push({ partnerId: partner.id, name, values });
  }
  return rows;
}

/**
 * Licence revenue of eight past partners by year since signing (null: not reached yet): each ramps
 * towards its own run-rate at its own pace, as seed 001 suggests basing a new partner's
 * expectations on those who went before.
 */
export function sampleRampHistory(random: Random): (number | null)[][] {
  return Array.from({ length: 8 }, (_, i) => {
    const runRate = round(150000 + 250000 * random.next(), 1000);
    const pace = 0.5 + 0.9 * random.next();
    const reached = 3 + ((i * 5) % 4); // 3 to 6 years of history
    return Array.from({ length: 6 }, (_, t) =>
      t < reached ? round(runRate * (1 - Math.exp(-pace * (t + 1))) * (0.9 + 0.2 * random.next()), 1000) : null,
    );
  });
}
