import { useCallback, useMemo, useState } from "react";
import { AREA_ORDER, AUDIT_AREAS, type AreaId, type AreaRatings, type Rating, auditAreas } from "../../../engine/audit";
import { isEngineError } from "../../../engine/error";

const blankRatings = (): AreaRatings =>
  Object.fromEntries(AUDIT_AREAS.map((area) => [area.id, area.criteria.map(() => null)])) as unknown as AreaRatings;

export interface AuditState {
  ratings: AreaRatings;
  /** Area scores by id (null while an area has no rating). */
  areaScores: Record<AreaId, number | null>;
  /** Overall score, null while nothing is rated. */
  overall: number | null;
  /** Why the engine could not score the ratings, if it could not. */
  error: string | null;
  rate(area: AreaId, criterion: number, rating: Rating): void;
  reset(): void;
}

/** Audit ratings being filled in, scored live by the engine's audit model. */
export function useAudit(): AuditState {
  const [ratings, setRatings] = useState<AreaRatings>(blankRatings);
  const result = useMemo(() => auditAreas(ratings), [ratings]);
  const rate = useCallback((area: AreaId, criterion: number, rating: Rating) => {
    setRatings((current) => ({ ...current, [area]: current[area].map((r, i) => (i === criterion ? rating : r)) }));
  }, []);
  const reset = useCallback(() => setRatings(blankRatings()), []);

  const failed = isEngineError(result);
  // "Nothing rated yet" is the form's starting point, not an error to show.
  const error = failed && result.code !== "#N/A" ? result.message : null;
  const areaScores = Object.fromEntries(
    AREA_ORDER.map((id, i) => [id, failed ? null : result.areas[i]]),
  ) as Record<AreaId, number | null>;
  return { ratings, areaScores, overall: failed ? null : result.overall, error, rate, reset };
}
