/**
 * Reading a file's tables in two steps: those the first screen shows, then the others. Used on the
 * page and in the reading worker (read-worker.ts) alike.
 */
import type { Archive } from "./ooxml/zip";
import { onlyTables } from "./selection";
import type { RawTable } from "./snapshot";
import { type TableSelection, readWorkbookTables } from "./xlsx-read";

export interface FirstTables {
  tables: RawTable[];
  /** The names (as in the file) of the selected tables left to read. */
  pending: string[];
  date1904: boolean;
  /** The file has a Partners table (without one, there is no partner list to show first). */
  partners: boolean;
}

const key = (name: string) => name.trim().toLowerCase();

/** Reads the selected tables named in `first`, and names the other selected tables the file has. */
export async function readFirstTables(archive: Archive, select: TableSelection, first: readonly string[]): Promise<FirstTables> {
  const contents = await readWorkbookTables(archive, onlyTables(first, select));
  const early = new Set(first.map(key));
  const pending = contents.parts.map((p) => p.name).filter((name) => !early.has(key(name)) && select(name) !== undefined);
  return { tables: contents.tables, pending, date1904: contents.date1904, partners: contents.parts.some((p) => key(p.name) === "partners") };
}

/** What several readers read first, each a group of `first`, as one: a table is pending when no reader read it. */
export function together(reads: readonly FirstTables[]): FirstTables {
  const read = new Set(reads.flatMap((r) => r.tables.map((t) => key(t.name))));
  return {
    tables: reads.flatMap((r) => r.tables),
    pending: reads[0].pending.filter((name) => !read.has(key(name))),
    date1904: reads[0].date1904,
    partners: reads[0].partners,
  };
}

/** Reads the selected tables named in `names`. */
export async function readNamedTables(archive: Archive, select: TableSelection, names: readonly string[]): Promise<RawTable[]> {
  return names.length ? (await readWorkbookTables(archive, onlyTables(names, select))).tables : [];
}
