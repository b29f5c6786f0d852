/**
 * Turns a batch of changes into a write plan, validating everything first: the changed values,
 * the tables they produce and the partner ids they refer to. Either the whole batch is valid and
 * the plan says exactly which cells to write and which rows to delete, or nothing is planned and
 * every problem is listed.
 */
import { type CellInput, type CellValue, isFormula, readCell } from "./cells";
import { type TableName, tableSchema } from "./schema";
import { type Problem, type TableSnapshot, type WorkbookSnapshot, accountIdsOf, cell, cellAddress, partnerIdsOf, validateTable } from "./snapshot";

/** Sets `set` on the row identified by `key`, adding the row when there is none. */
export interface Upsert {
  table: TableName;
  key: Readonly<Record<string, CellValue>>;
  set: Readonly<Record<string, CellInput>>;
  /** Only adds: a row the key already names is a problem, not a row to update (a new partner's id must be new). */
  add?: true;
}

/** Deletes the row identified by `key` (nothing to do when there is none). */
export interface Delete {
  table: TableName;
  key: Readonly<Record<string, CellValue>>;
  delete: true;
}

/** One change of a batch: rows are set (upserted) or deleted, in the batch's order. */
export type Change = Upsert | Delete;

export const isDelete = (change: Change): change is Delete => (change as Delete).delete === true;

export interface TablePlan {
  table: TableName;
  /**
   * Existing data rows (0-based, as read) and workbook columns (0-based) to overwrite. Rows that
   * are also deleted are not updated.
   */
  updates: { row: number; column: number; value: CellInput }[];
  /** Existing data rows (0-based, as read) to delete, ascending; applied after the updates. */
  deletes: number[];
  /** New rows, in workbook column order (columns the change does not set are blank); added last. */
  appends: CellInput[][];
  /**
   * Blank rows at the end of the table (0-based, as read) that new rows filled instead of being
   * appended below them — the empty row Excel gives a new table — written by `updates`.
   */
  filled: number[];
  /**
   * The table as the plan read it: its number of data rows and, for every row the plan updates or
   * deletes, the cells of its key columns (workbook columns, 0-based) — so that an adapter on a
   * workbook others can change meanwhile (Excel: the user sorting, a co-author) can refuse to
   * write by a row index that no longer holds the same row.
   */
  read: { rows: number; keyColumns: number[]; keys: Map<number, CellInput[]> };
}

export interface WritePlan {
  tables: TablePlan[];
}

/** Excel's limits: the characters a cell holds, and the length of a formula. */
export const MAX_TEXT = 32_767;
export const MAX_FORMULA = 8_192;

export type PlanResult = { ok: true; plan: WritePlan; snapshot: WorkbookSnapshot } | { ok: false; problems: Problem[] };

const normalise = (value: CellInput): string =>
  value === null ? "" : isFormula(value) ? value.formula : typeof value === "string" ? value.trim().toLowerCase() : String(value);
const keyOf = (values: readonly CellInput[]) => values.map(normalise).join("\u0000");

type Index = Map<string, number[]>;

/**
 * Indexes that hold for a table's rows as a plan left them, by that rows array and key columns:
 * the next plan on the same table starts from a copy rather than reading every row again.
 */
const carried = new WeakMap<readonly (readonly CellInput[])[], Map<string, Index>>();

/** The index of `table`'s rows by `columns`. */
function buildIndex(table: TableSnapshot, columns: readonly string[]): Index {
  const index: Index = new Map();
  for (let r = 0; r < table.rows.length; r++) {
    const key = keyOf(columns.map((c) => cell(table, r, c)));
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  return index;
}

/**
 * Builds, ahead of the first save, the index each table's rows will be looked up by (its key
 * columns, as the task pane's changes name them): the first save then starts from a copy.
 */
export function indexTables(snapshot: WorkbookSnapshot, only?: readonly TableName[]): void {
  for (const table of snapshot.tables.values()) {
    if (only && !only.includes(table.schema.name)) continue;
    const columns = table.schema.key;
    const columnsId = columns.join("|").toLowerCase();
    let byColumns = carried.get(table.rows);
    if (byColumns?.has(columnsId)) continue;
    if (!byColumns) carried.set(table.rows, (byColumns = new Map()));
    byColumns.set(columnsId, buildIndex(table, columns));
  }
}

/** Rows by key, built once per table and set of key columns, kept current as rows are appended. */
class KeyIndex {
  private readonly indexes = new Map<string, Index>();
  /** `rows` are the working rows; `read` the snapshot's, by which an earlier plan's index is found. */
  rows(table: TableSnapshot, read: readonly (readonly CellInput[])[], columns: readonly string[]): Index {
    const columnsId = columns.join("|").toLowerCase();
    const id = `${table.schema.name}|${columnsId}`;
    let index = this.indexes.get(id);
    if (!index) {
      const earlier = carried.get(read)?.get(columnsId);
      index = earlier ? new Map(earlier) : buildIndex(table, columns);
      this.indexes.set(id, index);
    }
    return index;
  }

  /** The indexes of one table (by key columns). */
  of(table: string): Map<string, Index> {
    const found = new Map<string, Index>();
    for (const [id, index] of this.indexes) if (id.startsWith(`${table}|`)) found.set(id.slice(table.length + 1), index);
    return found;
  }
}

interface Working {
  table: TableSnapshot;
  /** The table's rows as the batch leaves them: rows read first, then rows added. */
  rows: CellInput[][];
  /** Rows of `rows` the batch deleted (their index stays, so the key index stays valid). */
  deleted: Set<number>;
  /** The blank rows at the table's end not yet filled, in order. */
  free: number[];
  plan: TablePlan;
  /** Rows changed or added: each is a copy of its own (rows not changed are the snapshot's, shared). */
  changed: Set<CellInput[]>;
}

/** Row `r` of the working table, copied the first time the batch changes it. */
function changing(work: Working, r: number): CellInput[] {
  const row = work.rows[r];
  if (work.changed.has(row)) return row;
  const copy = [...row];
  work.rows[r] = copy;
  work.changed.add(copy);
  return copy;
}

const blank = (v: CellInput) => v === null || (typeof v === "string" && v.trim() === "");

/** The blank rows at the end of a table's rows (indexes, ascending). */
function trailingBlankRows(rows: readonly (readonly CellInput[])[]): number[] {
  let first = rows.length;
  while (first > 0 && rows[first - 1].every(blank)) first--;
  return Array.from({ length: rows.length - first }, (_, i) => first + i);
}

/** Reads the change's values as their columns' kinds; problems for anything that does not fit. */
function readChange(change: Change, table: TableSnapshot, problems: Problem[]): Map<string, [number, CellInput]> | undefined {
  const schema = tableSchema(change.table);
  const values = new Map<string, [number, CellInput]>();
  const before = problems.length;
  const set = isDelete(change) ? {} : change.set;
  for (const [name, value] of [...Object.entries(change.key), ...Object.entries(set)]) {
    const lower = name.toLowerCase();
    const extra = table.extras.find((e) => e.header.toLowerCase() === lower);
    const index = table.columns.get(lower) ?? extra?.index;
    if (index === undefined) {
      if (value !== null) problems.push({ table: change.table, column: name, message: `table ${change.table} has no ${name} column` });
      continue;
    }
    if (isFormula(value)) {
      if (!value.formula.startsWith("=")) problems.push({ table: change.table, column: name, message: `${name}: a formula must start with "="` });
      else if (value.formula.length > MAX_FORMULA) problems.push({ table: change.table, column: name, message: `${name}: the formula is ${value.formula.length.toLocaleString("en-US")} characters long, more than the ${MAX_FORMULA.toLocaleString("en-US")} Excel allows` });
      values.set(lower, [index, value]);
      continue;
    }
    const spec = schema.columns.find((c) => c.name.toLowerCase() === lower);
    const read = readCell(value, spec?.kind ?? extra!.kind, spec?.choices);
    if ("problem" in read) problems.push({ table: change.table, column: name, message: `${name}: ${read.problem}` });
    else if (typeof read.value === "string" && read.value.length > MAX_TEXT) {
      problems.push({ table: change.table, column: name, message: `${name}: the text is ${read.value.length.toLocaleString("en-US")} characters long, more than the ${MAX_TEXT.toLocaleString("en-US")} an Excel cell holds` });
    } else values.set(lower, [index, read.value]);
  }
  return problems.length === before ? values : undefined;
}

/** Plans `changes` against the snapshot; the returned snapshot is the workbook after the write. */
/**
 * How an adapter deletes a table row: `remove` takes the row out (Excel does, and adjusts every
 * reference to the rows below); `clear` empties the table's cells of that row and leaves it in
 * the table, so that nothing below moves (a file, where references to moved cells would not follow).
 */
export type Deletion = "remove" | "clear";

export function planChanges(snapshot: WorkbookSnapshot, changes: readonly Change[], deletion: Deletion = "remove"): PlanResult {
  const problems: Problem[] = [];
  const working = new Map<TableName, Working>();
  const index = new KeyIndex();
  const knownIds = partnerIdsOf(snapshot.tables.get("Partners"));
  for (const change of changes) {
    const id = change.table === "Partners" && !isDelete(change) ? change.key.PartnerId : undefined;
    if (knownIds && typeof id === "string") knownIds.add(id.trim().toLowerCase());
  }

  for (const change of changes) {
    const table = snapshot.tables.get(change.table);
    if (!table) {
      problems.push({ table: change.table, message: `the workbook has no ${change.table} table (use Set up workbook to create it)` });
      continue;
    }
    const values = readChange(change, table, problems);
    const rawId = Object.entries(change.key).find(([k]) => k.toLowerCase() === "partnerid")?.[1];
    const id = typeof rawId === "number" ? String(rawId) : typeof rawId === "string" ? rawId.trim() : undefined;
    // Deleting a row of an unknown partner is cleaning up, not a mistake.
    if (
      knownIds &&
      !isDelete(change) &&
      change.table !== "Partners" &&
      typeof id === "string" &&
      !(table.schema.allowsDefaults && id === "*") &&
      !knownIds.has(id.toLowerCase())
    ) {
      problems.push({ table: change.table, column: "PartnerId", message: `PartnerId ${id} is not in the Partners table` });
    }
    if (!values) continue;
    let work = working.get(change.table);
    if (!work) {
      work = {
        table,
        rows: [...table.rows] as CellInput[][],
        changed: new Set(),
        deleted: new Set(),
        free: trailingBlankRows(table.rows),
        plan: { table: change.table, updates: [], deletes: [], appends: [], filled: [], read: { rows: table.rows.length, keyColumns: [], keys: new Map() } },
      };
      working.set(change.table, work);
    }
    const keyColumns = Object.keys(change.key);
    const rowsByKey = index.rows({ ...table, rows: work.rows }, table.rows, keyColumns);
    const key = keyOf(keyColumns.map((k) => values.get(k.toLowerCase())?.[1] ?? null));
    // An index built before a delete still lists the deleted row: skip it.
    const matches = (rowsByKey.get(key) ?? []).filter((r) => !work.deleted.has(r));
    if (matches.length > 1) {
      const described = keyColumns.map((k) => `${k} ${change.key[k]}`).join(", ");
      problems.push({ table: change.table, message: `${described} is in rows ${matches.map((m) => m + 1).join(" and ")} of ${change.table}; remove the duplicate first` });
      continue;
    }
    if (!isDelete(change) && change.add) {
      // A new row needs what every row needs (an empty one would not even be written), and a key of its own.
      const unfilled = table.schema.columns.filter((c) => c.filled && blank(values.get(c.name.toLowerCase())?.[1] ?? null));
      for (const c of unfilled) problems.push({ table: change.table, column: c.name, message: `${c.name} is blank` });
      if (unfilled.length) continue;
      if (matches.length === 1) {
        // Named as the table has it (the change may differ in case or spacing).
        const existing = (k: string) => (matches[0] < table.rows.length ? cell(table, matches[0], k) : values.get(k.toLowerCase())?.[1]);
        const described = keyColumns.map((k) => `${k} ${String(existing(k) ?? "")}`).join(", ");
        const at = matches[0] < table.rows.length ? cellAddress(table, matches[0], table.columns.get(keyColumns[0].toLowerCase()) ?? 0) : undefined;
        problems.push({
          table: change.table,
          ...(matches[0] < table.rows.length ? { row: matches[0] + 1, cell: at } : {}),
          column: keyColumns[0],
          message: `${described} is already in the ${change.table} table; choose another`,
        });
        continue;
      }
    }
    if (isDelete(change)) {
      if (matches.length === 1) {
        work.deleted.add(matches[0]);
        rowsByKey.delete(key);
      }
      continue;
    }
    if (matches.length === 1) {
      const r = matches[0];
      for (const [column, value] of values.values()) {
        const current = work.rows[r][column];
        if (normalise(current) === normalise(value) && typeof current === typeof value) continue;
        changing(work, r)[column] = value;
        if (r < table.rows.length) work.plan.updates.push({ row: r, column, value });
      }
    } else if (work.free.length) {
      // A new row goes into the blank row at the table's end first, as typing in Excel would.
      const r = work.free.shift()!;
      const row = changing(work, r);
      for (const [column, value] of values.values()) {
        row[column] = value;
        if (value !== null) work.plan.updates.push({ row: r, column, value });
      }
      work.plan.filled.push(r);
      rowsByKey.set(key, [r]);
    } else {
      const row: CellInput[] = table.headers.map(() => null);
      for (const [column, value] of values.values()) row[column] = value;
      work.rows.push(row);
      work.changed.add(row);
      work.plan.appends.push(row);
      rowsByKey.set(key, [work.rows.length - 1]);
    }
  }
  if (problems.length) return { ok: false, problems };

  // Deleted rows leave the plan's updates and appends, and the tables as they will be.
  const reindexed = new Set<TableName>();
  for (const work of working.values()) {
    if (!work.deleted.size) continue;
    // Rows move (removed, or added and deleted in this batch): the indexes no longer hold.
    if (deletion === "remove" || [...work.deleted].some((r) => r >= work.table.rows.length)) reindexed.add(work.plan.table);
    const read = work.table.rows.length;
    const plan = work.plan;
    plan.updates = plan.updates.filter((u) => !work.deleted.has(u.row));
    plan.filled = plan.filled.filter((r) => !work.deleted.has(r));
    plan.deletes = [...work.deleted].filter((r) => r < read).sort((a, b) => a - b);
    const added = new Set(work.rows.slice(read));
    work.rows.forEach((row, r) => {
      if (r >= read && work.deleted.has(r)) added.delete(row);
    });
    plan.appends = plan.appends.filter((row) => added.has(row));
    // Rows this batch added and deleted are never written; rows read are removed or emptied.
    work.rows =
      deletion === "remove"
        ? work.rows.filter((_, r) => !work.deleted.has(r))
        : work.rows.flatMap((row, r) => (!work.deleted.has(r) ? [row] : r < read ? [row.map(() => null)] : []));
  }

  // Every changed table must be valid as it will be, against the Partners and Accounts tables as
  // they will be. A table that was valid only needs its changed rows checked (Partners and
  // Accounts, whose ids must stay unique, are checked whole); one that had problems is checked
  // whole, and refused with them.
  const tables = new Map(snapshot.tables);
  for (const [name, work] of working) tables.set(name, { ...work.table, rows: work.rows });
  const ids = partnerIdsOf(tables.get("Partners"));
  const accounts = accountIdsOf(tables.get("Accounts"));
  for (const [name, work] of working) {
    const table = tables.get(name)!;
    const valid = name !== "Partners" && name !== "Accounts" && !snapshot.problems.some((p) => p.table === name);
    const rows = valid ? work.rows.flatMap((row, r) => (work.changed.has(row) ? [r] : [])) : undefined;
    problems.push(...validateTable(table, ids, rows, accounts));
  }
  const same = (before: Set<string> | undefined, after: Set<string> | undefined) => !!before && !!after && before.size === after.size && [...after].every((id) => before.has(id));
  // Accounts added never break a reference (the first ones, to a list that had none, are not
  // held against the deals already there: those are reported when the workbook is next opened).
  const accountsLost = () => {
    const before = accountIdsOf(snapshot.tables.get("Accounts"));
    return !!before && [...before].some((id) => !accounts?.has(id));
  };
  const idsChanged = (working.has("Partners") && !same(partnerIdsOf(snapshot.tables.get("Partners")), ids)) || (working.has("Accounts") && accountsLost());
  if (idsChanged) {
    // Ids elsewhere must still resolve; problems those tables already had were reported on load.
    const known = new Set(snapshot.problems.map((p) => `${p.cell}|${p.message}`));
    for (const [name, table] of tables) {
      if (!working.has(name)) problems.push(...validateTable(table, ids, undefined, accounts).filter((p) => !known.has(`${p.cell}|${p.message}`)));
    }
  }
  if (problems.length) return { ok: false, problems };
  for (const work of working.values()) {
    const { plan, table } = work;
    plan.read.keyColumns = table.schema.key.flatMap((k) => table.columns.get(k.toLowerCase()) ?? []);
    for (const row of [...plan.updates.map((u) => u.row), ...plan.deletes]) {
      if (!plan.read.keys.has(row)) plan.read.keys.set(row, plan.read.keyColumns.map((c) => table.rows[row]?.[c] ?? null));
    }
  }
  for (const [name, work] of working) if (!reindexed.has(name)) carried.set(work.rows, index.of(name));
  const plan = { tables: [...working.values()].map((w) => w.plan).filter((p) => p.updates.length || p.deletes.length || p.appends.length) };
  return { ok: true, plan, snapshot: { ...snapshot, tables } };
}
