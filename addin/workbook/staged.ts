/**
 * Reading a file's tables in two steps: those the first screen shows, then the others. Used on the
 * page and in the reading worker (read-worker.ts) alike.
 */
import type { Archive } from "./ooxml/zip";
import { onlyTables } from "./selection";
import { parseArea } from "./ooxml/refs";
import type { RawTable } from "./snapshot";
import { type TableSelection, readWorkbookTables } from "./xlsx-read";

export interface FirstTables {
  tables: RawTable[];
  /** The names (as in the file) of the selected tables left to read. */
  pending: string[];
  /** Of each pending table, how many cells its range spans (to share the reading of them out evenly). */
  cells?: number[];
  date1904: boolean;
  /** The file has a Partners table (without one, there is no partner list to show first). */
  partners: boolean;
}

const key = (name: string) => name.trim().toLowerCase();

/** Reads the selected tables named in `first`, and names the other selected tables the file has. */
export async function readFirstTables(archive: Archive, select: TableSelection, first: readonly string[]): Promise<FirstTables> {
  const contents = await readWorkbookTables(archive, onlyTables(first, select));
  const early = new Set(first.map(key));
  const left = contents.parts.filter((p) => !early.has(key(p.name)) && select(p.name) !== undefined);
  const cells = left.map((p) => {
    const area = parseArea(p.ref);
    return area ? (area.bottom - area.top + 1) * (area.right - area.left + 1) : 0;
  });
  return { tables: contents.tables, pending: left.map((p) => p.name), cells, date1904: contents.date1904, partners: contents.parts.some((p) => key(p.name) === "partners") };
}

/** What several readers read first, each a group of `first`, as one: a table is pending when no reader read it. */
export function together(reads: readonly FirstTables[]): FirstTables {
  const read = new Set(reads.flatMap((r) => r.tables.map((t) => key(t.name))));
  const left = reads[0].pending.map((name, i) => ({ name, cells: reads[0].cells?.[i] ?? 0 })).filter(({ name }) => !read.has(key(name)));
  return {
    tables: reads.flatMap((r) => r.tables),
    pending: left.map((p) => p.name),
    cells: left.map((p) => p.cells),
    date1904: reads[0].date1904,
    partners: reads[0].partners,
  };
}

/** Reads the selected tables named in `names`. */
export async function readNamedTables(archive: Archive, select: TableSelection, names: readonly string[]): Promise<RawTable[]> {
  return names.length ? (await readWorkbookTables(archive, onlyTables(names, select))).tables : [];
}

/**
 * `names` shared out among `count` readers so that each has about as many cells to read (the
 * largest first, each to the reader with the fewest so far); readers left without any are omitted.
 */
export function shareOut(names: readonly string[], cells: readonly number[] | undefined, count: number): string[][] {
  const shares = Array.from({ length: Math.max(1, count) }, () => ({ names: [] as string[], cells: 0 }));
  const order = names.map((name, i) => ({ name, cells: cells?.[i] ?? 0 })).sort((a, b) => b.cells - a.cells);
  for (const table of order) {
    const least = shares.reduce((a, b) => (b.cells < a.cells ? b : a));
    least.names.push(table.name);
    least.cells += table.cells;
  }
  return shares.map((s) => s.names).filter((n) => n.length);
}
