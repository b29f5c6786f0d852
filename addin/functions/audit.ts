/* Partner performance audit: PARTNER.SCORE, PARTNER.AUDIT, PARTNER.AUDIT.AREAS. */
import { AREA_ORDER, audit as auditModel, auditAreas as auditAreasModel, score as scoreModel } from "../../engine/audit";
import { isEngineError } from "../../engine/error";
import { blankIfNull, excelFunction, read } from "./excel";

const SCORE = excelFunction(
  { ratings: read.ratings(), weights: read.weights("ratings"), scale_max: read.number({ default: 5, above: 1, zeroMeansDefault: true }) },
  (a) => scoreModel(a.ratings, a.weights, a.scale_max),
);

const areaArgs = {
  ability: read.ratings(),
  sweetspot: read.ratings(),
  territory: read.ratings(),
  revenue: read.ratings(),
  area_weights: read.weightRow(AREA_ORDER.length),
};

const AUDIT = excelFunction(areaArgs, (a) => auditModel(a, a.area_weights));

const AUDIT_AREAS = excelFunction(areaArgs, (a) => {
  const result = auditAreasModel(a, a.area_weights);
  return isEngineError(result) ? result : [[...result.areas.map(blankIfNull), result.overall]];
});

/**
 * Scores a partner's ratings from 0 to 100. Each rating from 1 to scale_max becomes (rating − 1) / (scale_max − 1) × 100; the result is their weighted mean. Blank cells and 0 are skipped.
 * @customfunction SCORE
 * @param ratings Ratings from 1 to scale_max. Blank cells (or 0) are not answered and are skipped.
 * @param [weights] Weight of each rating, same shape as ratings, 0 or more (blank = 0). Default: all equal.
 * @param [scale_max] Top of the rating scale. Default 5.
 * @returns Score from 0 to 100.
 */
export function score(ratings: any[][], weights?: any[][], scale_max?: any): number {
  return SCORE({ ratings, weights, scale_max });
}

/**
 * Overall partner performance audit score from 0 to 100: the weighted mean of the four area scores (ability to deliver, focus on sweet spot, territory alignment, revenue potential). Areas with no rating are left out. Ratings from 1 to 5.
 * @customfunction AUDIT
 * @param ability Ability to deliver ratings, 1 to 5: scale, interest, energy, trust, partnership value understood.
 * @param sweetspot Focus on sweet spot ratings, 1 to 5: segment alignment, customer base, marketing plans.
 * @param territory Territory alignment ratings, 1 to 5: coverage, language skills, location.
 * @param revenue Revenue potential ratings, 1 to 5: revenue this quarter, this year, scale.
 * @param [area_weights] Four weights for the areas, in the order above. Default: equal.
 * @returns Overall audit score from 0 to 100.
 */
export function audit(ability: any[][], sweetspot: any[][], territory: any[][], revenue: any[][], area_weights?: any[][]): number {
  return AUDIT({ ability, sweetspot, territory, revenue, area_weights });
}

/**
 * Partner performance audit by area: a row of the four area scores (0 to 100, blank where an area has no rating) and the overall score.
 * @customfunction AUDIT.AREAS
 * @param ability Ability to deliver ratings, 1 to 5: scale, interest, energy, trust, partnership value understood.
 * @param sweetspot Focus on sweet spot ratings, 1 to 5: segment alignment, customer base, marketing plans.
 * @param territory Territory alignment ratings, 1 to 5: coverage, language skills, location.
 * @param revenue Revenue potential ratings, 1 to 5: revenue this quarter, this year, scale.
 * @param [area_weights] Four weights for the areas, in the order above. Default: equal.
 * @returns One row: ability, sweet spot, territory, revenue, overall.
 */
export function auditAreas(ability: any[][], sweetspot: any[][], territory: any[][], revenue: any[][], area_weights?: any[][]): any[][] {
  return AUDIT_AREAS({ ability, sweetspot, territory, revenue, area_weights });
}
