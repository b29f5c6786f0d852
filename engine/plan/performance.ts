/**
 * Performance to plan: attainment, pacing through a period, a traffic-light status, and roll-ups
 * of actuals and targets by territory, region or channel manager.
 */
import { fail, guard, isEngineError } from "../error";
import { type Clock, MAX_DATE_SERIAL, serialText, systemClock, todaySerial } from "../excel/date";
import { messages, where } from "../messages";

export const PLAN_STATUSES = ["On track", "At risk", "Off track"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const DEFAULT_AT_RISK = 0.1;
export const DEFAULT_OFF_TRACK = 0.25;
/** How a roll-up names the rows that have figures but no key (as a PivotTable does). */
export const BLANK_KEY = "(blank)";
/** Attainment within this of a threshold counts as reaching it (0.85 is not below 1 − 0.15). */
const TOLERANCE = 1e-12;

function checkFinite(value: number, at: string): number {
  if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber(at, value));
  return value;
}

/** A date serial in Excel's range (1900-01-01 to 9999-12-31). */
export function checkDate(serial: number, at: string): number {
  checkFinite(serial, at);
  if (serial < 1 || serial > MAX_DATE_SERIAL) fail("#VALUE!", messages.notDate(at, serial));
  return serial;
}

function ratio(actual: number, target: number): number {
  checkFinite(actual, "actual");
  checkFinite(target, "target");
  if (target <= 0) fail("#DIV/0!", messages.targetNotPositive("target", target));
  const value = actual / target;
  if (!Number.isFinite(value)) fail("#NUM!", messages.overflow("actual"));
  return value;
}

/** `PARTNER.ATTAINMENT`: actual / target; a target of 0 or less is #DIV/0!. */
export const attainment = guard((actual: number, target: number): number => ratio(actual, target));

/** One KPI of a plan: its actual and target (blank actual is 0), and its weight (see planAttainment). */
export interface KpiFigures {
  readonly actual: number | null;
  readonly target: number | null;
  readonly weight?: number | null;
}

/** How far one KPI can count towards a plan's attainment by default: its own target, 100%. */
export const DEFAULT_KPI_CAP = 1;

/**
 * `PARTNER.PLAN.ATTAINMENT`: a plan's attainment over KPIs counted in different units (revenue,
 * new customers, certified staff): the weighted mean of each KPI's own attainment, actual ÷ target,
 * each counted up to `cap` (default 1: overdoing one KPI does not make up for falling short on
 * another). KPIs without a target above 0 are left out. Weights: when no KPI has one (all blank
 * or 0), every KPI weighs the same; otherwise a blank weight is 0, as a blank cell is 0 in Excel,
 * and that KPI is left out. #N/A when no KPI is left.
 */
export const planAttainment = guard((kpis: readonly KpiFigures[], cap: number = DEFAULT_KPI_CAP): number => {
  checkFinite(cap, "cap");
  if (cap < 1) fail("#VALUE!", messages.capTooLow("cap", cap));
  let weighted = 0;
  let weights = 0;
  const weighed = kpis.some((k) => (k.weight ?? 0) > 0);
  // Weights so tiny that their products would vanish are scaled by powers of two (exact, and the
  // same for all, so the mean is unchanged) until the largest is in [1, 2); ordinary weights are
  // used as they are.
  const largest = weighed ? kpis.reduce((m, k) => (Number.isFinite(k.weight) && (k.weight as number) > m ? (k.weight as number) : m), 0) : 1;
  const up = largest < 2 ** -500 ? -Math.floor(Math.log2(largest)) : 0;
  const [scaleA, scaleB] = [2 ** Math.ceil(up / 2), 2 ** Math.floor(up / 2)];
  kpis.forEach((k, i) => {
    const target = k.target ?? 0;
    const actual = k.actual ?? 0;
    checkFinite(actual, where("actuals", { item: i + 1 }));
    checkFinite(target, where("targets", { item: i + 1 }));
    if (k.weight !== null && k.weight !== undefined) {
      checkFinite(k.weight, where("weights", { item: i + 1 }));
      if (k.weight < 0) fail("#VALUE!", messages.negative(where("weights", { item: i + 1 }), k.weight));
    }
    const weight = weighed ? (k.weight ?? 0) * scaleA * scaleB : 1;
    if (target <= 0 || weight === 0) return;
    weighted += weight * Math.min(actual / target, cap);
    weights += weight;
  });
  if (weights === 0) fail("#N/A", messages.noTargets("targets"));
  const value = weighted / weights;
  return Number.isFinite(value) ? value : fail("#NUM!", messages.overflow("actuals"));
});

/** Status of a plan by its attainment over all KPIs (planAttainment), with STATUS's thresholds. */
export const planStatus = guard((kpis: readonly KpiFigures[], cap: number = DEFAULT_KPI_CAP): PlanStatus => {
  const attained = planAttainment(kpis, cap);
  if (isEngineError(attained)) throw attained;
  const s = status(attained, 1);
  if (isEngineError(s)) throw s;
  return s;
});

/**
 * `PARTNER.PACE`: attainment divided by the share of the period elapsed on `asOf` (default today
 * by `clock`). Days count whole and inclusive: on the first day of a 90-day quarter 1/90 of it has
 * elapsed, on its last day all of it; after the period the pace is the attainment. #N/A before
 * the period starts.
 */
export const pace = guard(
  (actual: number, target: number, start: number, end: number, asOf?: number | null, clock: Clock = systemClock): number => {
    const attained = ratio(actual, target);
    const first = Math.floor(checkDate(start, "period_start"));
    const last = Math.floor(checkDate(end, "period_end"));
    if (last < first) fail("#VALUE!", messages.endBeforeStart("period_end", serialText(end), serialText(start)));
    const today = Math.floor(asOf === null || asOf === undefined ? todaySerial(clock) : checkDate(asOf, "as_of"));
    if (today < first) fail("#N/A", messages.notStarted("as_of", serialText(today), serialText(start)));
    const elapsed = Math.min(1, (today - first + 1) / (last - first + 1));
    const value = attained / elapsed;
    return Number.isFinite(value) ? value : fail("#NUM!", messages.overflow("actual"));
  },
);

/**
 * `PARTNER.STATUS`: "On track" when attainment ≥ 1 − atRisk, "At risk" when ≥ 1 − offTrack,
 * else "Off track". 0 ≤ atRisk ≤ offTrack ≤ 1.
 */
export const status = guard(
  (actual: number, target: number, atRisk: number = DEFAULT_AT_RISK, offTrack: number = DEFAULT_OFF_TRACK): PlanStatus => {
    const attained = ratio(actual, target);
    checkFinite(atRisk, "at_risk");
    checkFinite(offTrack, "off_track");
    if (atRisk < 0 || atRisk > 1) fail("#VALUE!", messages.shareOutOfRange("at_risk", atRisk));
    if (offTrack < 0 || offTrack > 1) fail("#VALUE!", messages.shareOutOfRange("off_track", offTrack));
    if (offTrack < atRisk) fail("#VALUE!", messages.offTrackBelowAtRisk(offTrack, atRisk));
    if (attained + TOLERANCE >= 1 - atRisk) return "On track";
    if (attained + TOLERANCE >= 1 - offTrack) return "At risk";
    return "Off track";
  },
);

export interface RollupRow {
  /** The key as first seen (keys match case-insensitively, as SUMIFS criteria do). */
  readonly key: string;
  readonly actual: number;
  readonly target: number;
  /** Σ actual / Σ target; `null` when Σ target ≤ 0 (or the ratio exceeds the largest number). */
  readonly attainment: number | null;
}

/** The columns of PARTNER.ROLLUP's spill. */
export const ROLLUP_COLUMNS = ["Key", "Actual", "Target", "Attainment"] as const;

/** A roll-up as PARTNER.ROLLUP spills it: a header row, then a row per key (`null`: no attainment). */
export function rollupTable(rows: readonly RollupRow[]): (string | number | null)[][] {
  return [[...ROLLUP_COLUMNS], ...rows.map((r) => [r.key, r.actual, r.target, r.attainment])];
}

interface RollupGroup {
  key: string;
  actual: number;
  target: number;
}

/**
 * PARTNER.ROLLUP's grouping, a row at a time: the engine's `rollup` feeds it from arrays, and the
 * custom function straight from Excel's ranges when they are plain (no array of a million keys in
 * between). Figures must be finite numbers; `rows` gives the roll-up or fails as `rollup` does.
 */
export class RollupGroups {
  private readonly groups = new Map<string, RollupGroup>();
  private readonly order: RollupGroup[] = [];
  // Keys repeat: each spelling is normalised once.
  private readonly spellings = new Map<string, RollupGroup>();

  add(key: string | null, actual: number, target: number): void {
    if (key === null && actual === 0 && target === 0) return;
    const shown = key ?? BLANK_KEY;
    let group = this.spellings.get(shown);
    if (!group) {
      const id = shown.trim().toLowerCase();
      group = this.groups.get(id);
      if (!group) {
        group = { key: shown, actual: 0, target: 0 };
        this.groups.set(id, group);
        this.order.push(group);
      }
      this.spellings.set(shown, group);
    }
    group.actual += actual;
    group.target += target;
  }

  rows(): RollupRow[] {
    if (this.order.length === 0) fail("#N/A", messages.nothingToRollUp("keys"));
    return this.order.map(({ key, actual, target }) => {
      if (!Number.isFinite(actual) || !Number.isFinite(target)) fail("#NUM!", messages.overflow(Number.isFinite(actual) ? "targets" : "actuals"));
      const attainment = target > 0 ? actual / target : null;
      return { key, actual, target, attainment: attainment !== null && Number.isFinite(attainment) ? attainment : null };
    });
  }
}

/**
 * `PARTNER.ROLLUP`: one row per distinct key in first-seen order with Σ actual, Σ target and
 * their ratio. Blank actuals and targets (`null`) count as 0; rows with no key and no figure are
 * skipped, rows with figures but no key are grouped under "(blank)".
 */
export const rollup = guard(
  (keys: readonly (string | null)[], actuals: ArrayLike<number | null>, targets: ArrayLike<number | null>): RollupRow[] => {
    const n = keys.length;
    if (actuals.length !== n) fail("#VALUE!", messages.sameCount("actuals", "keys", n, actuals.length));
    if (targets.length !== n) fail("#VALUE!", messages.sameCount("targets", "keys", n, targets.length));
    const groups = new RollupGroups();
    for (let i = 0; i < n; i++) {
      const actual = actuals[i] ?? 0;
      const target = targets[i] ?? 0;
      if (!Number.isFinite(actual)) fail("#VALUE!", messages.notNumber(where("actuals", { item: i + 1 }), actual));
      if (!Number.isFinite(target)) fail("#VALUE!", messages.notNumber(where("targets", { item: i + 1 }), target));
      groups.add(keys[i], actual, target);
    }
    return groups.rows();
  },
);
