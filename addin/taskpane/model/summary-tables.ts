import type { TableName } from "../../workbook/schema";

/**
 * The tables `summarise` (summary.ts) reads: what the partner list needs, read first when a file
 * opens, in two groups read side by side (the audit and the scorecard are the long tables). A
 * module of its own: browser mode's first script starts reading with it.
 */
export const SUMMARY_TABLES = [
  ["Audit", "Partners", "Metrics"],
  ["Scorecard", "Engagement", "Plan"],
] as const satisfies readonly (readonly TableName[])[];
