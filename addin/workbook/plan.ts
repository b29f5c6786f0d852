/**
 * Turns a batch of changes into a write plan, validating everything first: the changed values,
 * the tables they produce and the partner ids they refer to. Either the whole batch is valid and
 * the plan says exactly which cells to write, or nothing is planned and every problem is listed.
 */
import { type CellInput, type CellValue, isFormula, readCell } from "./cells";
import { type TableName, tableSchema } from "./schema";
import { type Problem, type TableSnapshot, type WorkbookSnapshot, cell, partnerIdsOf, validateTable } from "./snapshot";

/** Sets `set` on the row identified by `key`, adding the row when there is none. */
export interface Upsert {
  table: TableName;
  key: Readonly<Record<string, CellValue>>;
  set: Readonly<Record<string, CellInput>>;
}

export interface TablePlan {
  table: TableName;
  /** Existing data rows (0-based) and workbook columns (0-based) to overwrite. */
  updates: { row: number; column: number; value: CellInput }[];
  /** New rows, in workbook column order (columns the change does not set are blank). */
  appends: CellInput[][];
}

export interface WritePlan {
  tables: TablePlan[];
}

export type PlanResult = { ok: true; plan: WritePlan; snapshot: WorkbookSnapshot } | { ok: false; problems: Problem[] };

const normalise = (value: CellInput): string =>
  value === null ? "" : isFormula(value) ? value.formula : typeof value === "string" ? value.trim().toLowerCase() : String(value);
const keyOf = (values: readonly CellInput[]) => values.map(normalise).join("\u0000");

/** Rows by key, built once per table and set of key columns, kept current as rows are appended. */
class KeyIndex {
  private readonly indexes = new Map<string, Map<string, number[]>>();
  rows(table: TableSnapshot, columns: readonly string[]): Map<string, number[]> {
    const id = `${table.schema.name}|${columns.join("|").toLowerCase()}`;
    let index = this.indexes.get(id);
    if (!index) {
      index = new Map();
      for (let r = 0; r < table.rows.length; r++) {
        const key = keyOf(columns.map((c) => cell(table, r, c)));
        const list = index.get(key);
        if (list) list.push(r);
        else index.set(key, [r]);
      }
      this.indexes.set(id, index);
    }
    return index;
  }
}

interface Working {
  table: TableSnapshot;
  rows: CellInput[][];
  plan: TablePlan;
}

/** Reads the change's values as their columns' kinds; problems for anything that does not fit. */
function readChange(change: Upsert, table: TableSnapshot, problems: Problem[]): Map<string, [number, CellInput]> | undefined {
  const schema = tableSchema(change.table);
  const values = new Map<string, [number, CellInput]>();
  const before = problems.length;
  for (const [name, value] of [...Object.entries(change.key), ...Object.entries(change.set)]) {
    const lower = name.toLowerCase();
    const extra = table.extras.find((e) => e.header.toLowerCase() === lower);
    const index = table.columns.get(lower) ?? extra?.index;
    if (index === undefined) {
      if (value !== null) problems.push({ table: change.table, column: name, message: `table ${change.table} has no ${name} column` });
      continue;
    }
    if (isFormula(value)) {
      if (!value.formula.startsWith("=")) problems.push({ table: change.table, column: name, message: `${name}: a formula must start with "="` });
      values.set(lower, [index, value]);
      continue;
    }
    const spec = schema.columns.find((c) => c.name.toLowerCase() === lower);
    const read = readCell(value, spec?.kind ?? extra!.kind, spec?.choices);
    if ("problem" in read) problems.push({ table: change.table, column: name, message: `${name}: ${read.problem}` });
    else values.set(lower, [index, read.value]);
  }
  return problems.length === before ? values : undefined;
}

/** Plans `changes` against the snapshot; the returned snapshot is the workbook after the write. */
export function planChanges(snapshot: WorkbookSnapshot, changes: readonly Upsert[]): PlanResult {
  const problems: Problem[] = [];
  const working = new Map<TableName, Working>();
  const index = new KeyIndex();
  const knownIds = partnerIdsOf(snapshot.tables.get("Partners"));
  for (const change of changes) {
    const id = change.table === "Partners" ? change.key.PartnerId : undefined;
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
    if (knownIds && change.table !== "Partners" && typeof id === "string" && !(table.schema.allowsDefaults && id === "*") && !knownIds.has(id.toLowerCase())) {
      problems.push({ table: change.table, column: "PartnerId", message: `PartnerId ${id} is not in the Partners table` });
    }
    if (!values) continue;
    let work = working.get(change.table);
    if (!work) {
      work = { table, rows: table.rows.map((r) => [...r]), plan: { table: change.table, updates: [], appends: [] } };
      working.set(change.table, work);
    }
    const keyColumns = Object.keys(change.key);
    const rowsByKey = index.rows({ ...table, rows: work.rows }, keyColumns);
    const key = keyOf(keyColumns.map((k) => values.get(k.toLowerCase())?.[1] ?? null));
    const matches = rowsByKey.get(key) ?? [];
    if (matches.length > 1) {
      const described = keyColumns.map((k) => `${k} ${change.key[k]}`).join(", ");
      problems.push({ table: change.table, message: `${described} is in rows ${matches.map((m) => m + 1).join(" and ")} of ${change.table}; remove the duplicate first` });
      continue;
    }
    if (matches.length === 1) {
      const r = matches[0];
      for (const [column, value] of values.values()) {
        const current = work.rows[r][column];
        if (normalise(current) === normalise(value) && typeof current === typeof value) continue;
        work.rows[r][column] = value;
        if (r < table.rows.length) work.plan.updates.push({ row: r, column, value });
      }
    } else {
      const row: CellInput[] = table.headers.map(() => null);
      for (const [column, value] of values.values()) row[column] = value;
      work.rows.push(row);
      work.plan.appends.push(row);
      rowsByKey.set(key, [work.rows.length - 1]);
    }
  }
  if (problems.length) return { ok: false, problems };

  // Every changed table must be valid as it will be, against the Partners table as it will be.
  const tables = new Map(snapshot.tables);
  for (const [name, work] of working) tables.set(name, { ...work.table, rows: work.rows });
  const ids = partnerIdsOf(tables.get("Partners"));
  for (const name of working.keys()) problems.push(...validateTable(tables.get(name)!, ids));
  if (working.has("Partners")) {
    // Ids elsewhere must still resolve; problems those tables already had were reported on load.
    const known = new Set(snapshot.problems.map((p) => `${p.cell}|${p.message}`));
    for (const [name, table] of tables) {
      if (!working.has(name)) problems.push(...validateTable(table, ids).filter((p) => !known.has(`${p.cell}|${p.message}`)));
    }
  }
  if (problems.length) return { ok: false, problems };
  const plan = { tables: [...working.values()].map((w) => w.plan).filter((p) => p.updates.length || p.appends.length) };
  return { ok: true, plan, snapshot: { ...snapshot, tables } };
}
