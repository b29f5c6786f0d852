import { useMemo } from "react";
import { type PartnerSummary, summariseAll } from "../model/summary";
import { useData } from "./session";

/** Every partner's summary, recomputed when the workbook's data changes. */
export function useSummaries(): PartnerSummary[] {
  const data = useData();
  return useMemo(() => summariseAll(data), [data]);
}
