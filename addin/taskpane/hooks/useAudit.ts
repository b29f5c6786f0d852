import { useCallback, useEffect, useMemo, useState } from "react";
import { useByContent } from "./useByContent";
import { AREA_ORDER, AUDIT_AREAS, type AreaId, type AreaRatings, type Rating, auditAreas } from "../../../engine/audit";
import { isEngineError } from "../../../engine/error";

/** Ratings by area id, from ratings by area in form order. */
const byArea = (ratings: readonly (readonly Rating[])[]): AreaRatings =>
  Object.fromEntries(AUDIT_AREAS.map((area, i) => [area.id, area.criteria.map((_, c) => ratings[i]?.[c] ?? null)])) as unknown as AreaRatings;

export interface AuditState {
  ratings: AreaRatings;
  /** Area scores by id (null while an area has no rating). */
  areaScores: Record<AreaId, number | null>;
  /** Overall score, null while nothing is rated. */
  overall: number | null;
  /** Why the engine could not score the ratings, if it could not. */
  error: string | null;
  /** The ratings differ from the ones the form started with. */
  changed: boolean;
  rate(area: AreaId, criterion: number, rating: Rating): void;
  /** Clears every rating. */
  clear(): void;
  /** Back to the ratings the form started with. */
  revert(): void;
  /** Ratings by area in form order, as the workbook stores them. */
  asRows(): (number | null)[][];
}

/** Audit ratings being filled in, scored live by the engine's audit model. */
const NONE: readonly (readonly Rating[])[] = [];

export function useAudit(initial: readonly (readonly Rating[])[] = NONE): AuditState {
  const start = useByContent(useMemo(() => byArea(initial), [initial]));
  const [ratings, setRatings] = useState<AreaRatings>(start);
  useEffect(() => setRatings(start), [start]);
  const result = useMemo(() => auditAreas(ratings), [ratings]);
  const rate = useCallback((area: AreaId, criterion: number, rating: Rating) => {
    setRatings((current) => ({ ...current, [area]: current[area].map((r, i) => (i === criterion ? rating : r)) }));
  }, []);
  const clear = useCallback(() => setRatings(byArea([])), []);
  const revert = useCallback(() => setRatings(start), [start]);

  const failed = isEngineError(result);
  // "Nothing rated yet" is the form's starting point, not an error to show.
  const error = failed && result.code !== "#N/A" ? result.message : null;
  const areaScores = Object.fromEntries(AREA_ORDER.map((id, i) => [id, failed ? null : result.areas[i]])) as Record<AreaId, number | null>;
  const changed = AREA_ORDER.some((id) => ratings[id].some((r, i) => r !== start[id][i]));
  const asRows = () => AREA_ORDER.map((id) => [...ratings[id]]);
  return { ratings, areaScores, overall: failed ? null : result.overall, error, changed, rate, clear, revert, asRows };
}
