import { useMemo } from "react";
import { type ListSummary, type PartnerSummary, summariseAll, summariseListAll } from "../model/summary";
import { useData } from "./session";

/** Every partner's summary, recomputed when the workbook's data changes. */
export function useSummaries(): PartnerSummary[] {
  const data = useData();
  return useMemo(() => summariseAll(data), [data]);
}

/** What the partner list shows of every partner (its tables are read first when a file opens). */
export function useListSummaries(): ListSummary[] {
  const data = useData();
  return useMemo(() => summariseListAll(data), [data]);
}
