import type { TableName } from "../../workbook/schema";

/**
 * The tables the partner list shows (`summariseForList`, summary.ts): read first when a file opens,
 * in two groups read side by side; every other table (the long Audit and Scorecard among them) is
 * read after the list is drawn. A module of its own: browser mode's first script starts reading
 * with it.
 */
export const LIST_TABLES = [["Partners", "Metrics"], ["Engagement"]] as const satisfies readonly (readonly TableName[])[];
