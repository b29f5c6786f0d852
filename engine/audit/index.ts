/**
 * Partner performance audit: scores 1..scale_max ratings on 0–100, per area and overall.
 */
import { fail, guard } from "../error";
import { messages, where } from "../messages";
import { AUDIT_SCALE_MAX, type AreaId } from "./criteria";

export * from "./criteria";

/** A rating or a blank (`null`). */
export type Rating = number | null;

const SCORE_NAMES = { ratings: "ratings", weights: "weights", scaleMax: "scale_max" } as const;

function checkScaleMax(scaleMax: number, name: string): void {
  if (!Number.isFinite(scaleMax)) fail("#VALUE!", messages.notNumber(name, scaleMax));
  if (scaleMax <= 1) fail("#VALUE!", messages.notAbove(name, scaleMax, 1));
}

/** Ratings on 1..scaleMax as 0–100 values (`null` stays blank); out-of-scale ratings fail. */
function normalise(ratings: readonly Rating[], scaleMax: number, name: string): (number | null)[] {
  return ratings.map((r, i) => {
    if (r === null) return null;
    if (!(r >= 1 && r <= scaleMax)) fail("#VALUE!", messages.ratingOutOfScale(where(name, { item: i + 1 }), r, scaleMax));
    return ((r - 1) / (scaleMax - 1)) * 100;
  });
}

/**
 * Weighted mean of the non-blank values, or `null` when every value is blank. A blank weight
 * counts as 0. Weights are divided by the largest one first so that no sum can overflow.
 */
function weightedMean(
  values: readonly (number | null)[],
  weights: readonly Rating[] | null | undefined,
  weightsName: string,
): number | null {
  if (weights && weights.length !== values.length) {
    fail("#VALUE!", messages.wrongCount(weightsName, values.length, weights.length, "weight"));
  }
  let largest = 0;
  if (weights) {
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (w === null) continue;
      const at = where(weightsName, { item: i + 1 });
      if (!Number.isFinite(w)) fail("#VALUE!", messages.notNumber(at, w));
      if (w < 0) fail("#VALUE!", messages.negative(at, w));
      if (w > largest) largest = w;
    }
  }
  let sum = 0;
  let weightSum = 0;
  let answered = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    answered++;
    const w = weights ? (weights[i] ?? 0) / (largest || 1) : 1;
    sum += w * v;
    weightSum += w;
  }
  if (answered === 0) return null;
  if (weightSum === 0) fail("#VALUE!", messages.allZero(weightsName));
  return clampPercent(sum / weightSum);
}

const clampPercent = (x: number) => Math.min(100, Math.max(0, x));

/**
 * `PARTNER.SCORE`: ratings on 1..scaleMax → 0–100. Each rating becomes (r − 1)/(scaleMax − 1) × 100
 * and the result is their weighted mean over the non-blank ratings (weights default to equal;
 * a blank weight counts as 0). No rating at all → #N/A.
 */
export const score = guard(
  (ratings: readonly Rating[], weights?: readonly Rating[] | null, scaleMax: number = AUDIT_SCALE_MAX): number => {
    checkScaleMax(scaleMax, SCORE_NAMES.scaleMax);
    const result = weightedMean(normalise(ratings, scaleMax, SCORE_NAMES.ratings), weights, SCORE_NAMES.weights);
    if (result === null) fail("#N/A", messages.noRatings(SCORE_NAMES.ratings));
    return result;
  },
);

export type AreaRatings = Readonly<Record<AreaId, readonly Rating[]>>;

export const AREA_ORDER: readonly AreaId[] = ["ability", "sweetspot", "territory", "revenue"];

export interface AuditResult {
  /** Score of each area in AREA_ORDER, `null` where the area has no rating. */
  readonly areas: readonly (number | null)[];
  readonly overall: number;
}

function auditCore(
  ratings: AreaRatings,
  areaWeights: readonly Rating[] | null | undefined,
  scaleMax: number,
): AuditResult {
  checkScaleMax(scaleMax, "scale_max");
  const areas = AREA_ORDER.map((id) => weightedMean(normalise(ratings[id], scaleMax, id), null, "weights"));
  const overall = weightedMean(areas, areaWeights, "area_weights");
  if (overall === null) fail("#N/A", messages.noAreaRatings());
  return { areas, overall };
}

/**
 * `PARTNER.AUDIT.AREAS`: the four area scores (null for an unanswered area) and the overall score,
 * the weighted mean of the answered areas. Every area blank → #N/A.
 */
export const auditAreas = guard(
  (ratings: AreaRatings, areaWeights?: readonly Rating[] | null, scaleMax: number = AUDIT_SCALE_MAX): AuditResult =>
    auditCore(ratings, areaWeights, scaleMax),
);

/** `PARTNER.AUDIT`: the overall audit score 0–100. */
export const audit = guard(
  (ratings: AreaRatings, areaWeights?: readonly Rating[] | null, scaleMax: number = AUDIT_SCALE_MAX): number =>
    auditCore(ratings, areaWeights, scaleMax).overall,
);
