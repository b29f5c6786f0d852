import { useMemo } from "react";
import { type ListSummary, summariseListAll } from "../model/list-summary";
import { useData } from "./session";

/** What the partner list shows of every partner (its tables are read first when a file opens). */
export function useListSummaries(): ListSummary[] {
  const data = useData();
  return useMemo(() => summariseListAll(data), [data]);
}
