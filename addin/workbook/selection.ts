/** Which tables and columns the task pane reads from a file. */
import { SCHEMA } from "./schema";
import type { TableSelection } from "./xlsx-read";

/**
 * The tables the task pane reads: the schema's. Of the add-in's own table of live formulas
 * (PartnerScores) only the key and the plan period are read: the task pane never reads the
 * formulas' results, it computes them.
 */
export const SCHEMA_TABLES: TableSelection = (name) => {
  const schema = SCHEMA.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  return !schema ? undefined : schema.owned ? { columns: schema.readBack ?? schema.key } : {};
};

/** SCHEMA_TABLES limited to the tables named in `names` (any case). */
export function onlyTables(names: readonly string[], select: TableSelection = SCHEMA_TABLES): TableSelection {
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  return (name) => (wanted.has(name.trim().toLowerCase()) ? select(name) : undefined);
}
