/**
 * The drivers of the partner P&L (SPEC 2.5): the names an assumptions range may use, their
 * defaults and the limits a value must respect. The order here is the order of the tornado table's
 * ties and of the README's reference.
 */
export const MAX_YEARS = 20;

export interface Driver {
  /** The name users type (case-insensitive; spaces and hyphens read as underscores). */
  readonly name: string;
  readonly default: number;
  /** What the driver means, for the README and messages. */
  readonly meaning: string;
  /** Takes one value only: a per-year series is refused. */
  readonly scalarOnly?: boolean;
  /** A scalar grows each year with this growth driver (a series is taken as given). */
  readonly grows?: "license_growth" | "cost_growth";
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly above?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Left out of the tornado table (the horizon is not a driver one flexes). */
  readonly notFlexed?: boolean;
}

export const DRIVERS = [
  { name: "years", default: 5, meaning: "horizon in years, 1 to 20", scalarOnly: true, min: 1, max: MAX_YEARS, integer: true, notFlexed: true },
  { name: "license_revenue", default: Number.NaN, meaning: "partner's annual resale revenue of the vendor's product at full ramp, or a per-year series", grows: "license_growth", min: 0 },
  { name: "license_growth", default: 0, meaning: "annual growth of the licence run-rate after year 1", scalarOnly: true, min: -1 },
  { name: "ramp", default: 1, meaning: "share of the run-rate reached each year (later years keep the last value)", min: 0 },
  { name: "product_margin", default: 0.2, meaning: "partner's gross margin on resale", max: 1 },
  { name: "services_attach", default: 0, meaning: "services revenue per 1 of licence revenue", min: 0 },
  { name: "services_margin", default: 0.35, meaning: "gross margin on services", max: 1 },
  { name: "maintenance_rate", default: 0, meaning: "annual maintenance fee as a share of the installed base", min: 0 },
  { name: "retention", default: 0.9, meaning: "share of the installed base renewing each year", min: 0, max: 1 },
  { name: "maintenance_margin", default: 0.15, meaning: "partner's margin on maintenance", max: 1 },
  { name: "rebate_rate", default: 0, meaning: "vendor rebate to the partner, share of licence revenue", min: 0 },
  { name: "mdf", default: 0, meaning: "vendor marketing development funds to the partner, per year", min: 0 },
  { name: "onboarding_cost", default: 0, meaning: "one-off cost in year 1", scalarOnly: true, min: 0 },
  { name: "enablement_cost", default: 0, meaning: "recurring annual cost", grows: "cost_growth", min: 0 },
  { name: "certification_cost", default: 0, meaning: "recurring annual cost", grows: "cost_growth", min: 0 },
  { name: "marketing_cost", default: 0, meaning: "recurring annual cost", grows: "cost_growth", min: 0 },
  { name: "headcount", default: 0, meaning: "dedicated staff", min: 0 },
  { name: "cost_per_head", default: 0, meaning: "loaded annual cost of one person", grows: "cost_growth", min: 0 },
  { name: "cost_growth", default: 0, meaning: "annual growth of recurring costs", scalarOnly: true, min: -1 },
  { name: "discount_rate", default: 0.1, meaning: "discount rate for NPV", scalarOnly: true, above: -1 },
  { name: "vendor_margin", default: 0.8, meaning: "vendor's gross margin on its net revenue (vendor view)", max: 1 },
  { name: "vendor_program_cost", default: 0, meaning: "vendor's annual cost of managing the partner (vendor view)", min: 0 },
] as const satisfies readonly Driver[];

export type DriverName = (typeof DRIVERS)[number]["name"];

/** Index of every driver in DRIVERS, by name. */
export const D = Object.fromEntries(DRIVERS.map((d, i) => [d.name, i])) as { readonly [K in DriverName]: number };

export const DRIVER_COUNT = DRIVERS.length;

const BY_NAME = new Map<string, number>(DRIVERS.map((d, i) => [d.name, i]));

/** Names as typed (other spellings of the drivers' names), remembered: a workbook repeats them. */
const TYPED = new Map<string, number>();

/** The driver a typed name refers to, or -1. Exact names take a fast path. */
export function driverIndex(name: string): number {
  const exact = BY_NAME.get(name) ?? TYPED.get(name);
  if (exact !== undefined) return exact;
  const found = BY_NAME.get(name.trim().toLowerCase().replace(/[\s-]+/g, "_")) ?? -1;
  if (TYPED.size > 1000) TYPED.clear();
  TYPED.set(name, found);
  return found;
}

/** The closest driver name to a mistyped one (small edit distance), for "did you mean". */
export function closestDriver(name: string): string | undefined {
  const typed = name.trim().toLowerCase().replace(/[\s-]+/g, "_");
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(typed.length / 4)) + 1;
  for (const d of DRIVERS) {
    const distance = editDistance(typed, d.name);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = d.name;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Holds a value within the limits of driver `d` (for flexed and simulated values). */
export function clampToLimits(d: number, value: number): number {
  let v = value;
  if (v < LIMITS.min[d]) v = LIMITS.min[d];
  if (v <= LIMITS.above[d]) v = LIMITS.above[d] + 1e-9;
  if (v > LIMITS.max[d]) v = LIMITS.max[d];
  return v;
}

/**
 * The drivers' limits and flags as flat arrays, for the hot paths (reading assumptions, flexing
 * and drawing values): every entry has the same shape, so lookups stay fast.
 */
export const LIMITS = {
  min: Float64Array.from(DRIVERS, (d: Driver) => d.min ?? -Infinity),
  /** Exclusive lower bound. */
  above: Float64Array.from(DRIVERS, (d: Driver) => d.above ?? -Infinity),
  max: Float64Array.from(DRIVERS, (d: Driver) => d.max ?? Infinity),
  integer: Uint8Array.from(DRIVERS, (d: Driver) => (d.integer ? 1 : 0)),
  scalarOnly: Uint8Array.from(DRIVERS, (d: Driver) => (d.scalarOnly ? 1 : 0)),
  defaults: Float64Array.from(DRIVERS, (d: Driver) => d.default),
};

/** Whether `value` respects the limits of driver `d`. */
export const withinDriverLimits = (d: number, value: number): boolean =>
  value >= LIMITS.min[d] && value > LIMITS.above[d] && value <= LIMITS.max[d] && (LIMITS.integer[d] === 0 || Number.isInteger(value));
