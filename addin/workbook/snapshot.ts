/**
 * A partner workbook as read: every known table with its headers matched to the schema, its raw
 * rows, and every problem found in it (named by table, row, column and cell address).
 */
import { toNumber } from "../../engine/input";
import { type CellInput, UNREADABLE, cellValue, isFormula, readCell } from "./cells";
import { type ColumnKind, type ColumnSchema, SCHEMA, type TableName, type TableSchema } from "./schema";

/** Something wrong with a table's structure that its reader found (merged cells, no header row). */
export interface RawIssue {
  /** 1-based data row, when the issue is in one. */
  row?: number;
  column?: string;
  cell?: string;
  message: string;
}

/** A table as an adapter reads it: where it is and its cells, headers first. */
export interface RawTable {
  name: string;
  sheet: string;
  /** 1-based row and column of the table's top-left (header) cell. */
  origin: { row: number; column: number };
  headers: unknown[];
  rows: unknown[][];
  issues?: RawIssue[];
}

export interface Problem {
  table: string;
  /** 1-based data row of the table (the row under the header is row 1). */
  row?: number;
  column?: string;
  /** The cell as Excel names it, e.g. `Audit!D57`. */
  cell?: string;
  message: string;
}

export interface TableSnapshot {
  readonly schema: TableSchema;
  readonly sheet: string;
  readonly origin: { row: number; column: number };
  readonly headers: readonly string[];
  /** Workbook column (0-based) of each schema column present, by lower-case name. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns beyond the schema's that the schema types (metrics, per-year values), in workbook order. */
  readonly extras: readonly { header: string; index: number; kind: ColumnKind }[];
  readonly rows: readonly (readonly CellInput[])[];
  /** What is wrong with the table's structure (reported with its cells' problems). */
  readonly issues: readonly RawIssue[];
}

export interface WorkbookSnapshot {
  readonly tables: ReadonlyMap<TableName, TableSnapshot>;
  /** Schema tables the workbook does not have. */
  readonly missing: readonly TableName[];
  readonly problems: readonly Problem[];
  /**
   * Schema tables the workbook has but that are not read yet: opening a file reads first the tables
   * the partner list shows, then the others (see `completeSnapshot`). Until then `problems` is empty:
   * every table is checked once all are read.
   */
  readonly pending?: readonly TableName[];
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const quoteSheet = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`);

/** The address of data row `row` (0-based), workbook column `column` (0-based) of a table. */
export function cellAddress(table: Pick<TableSnapshot, "sheet" | "origin">, row: number, column: number): string {
  return `${quoteSheet(table.sheet)}!${columnLetter(table.origin.column + column)}${table.origin.row + 1 + row}`;
}

export const headerText = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** A column with text in it is a note column, not a metric (Metrics keeps it untouched). */
const holdsText = (rows: readonly unknown[][], index: number) =>
  rows.some((row) => typeof row[index] === "string" && row[index] !== "" && toNumber(row[index]) === undefined);

/** Matches a raw table to its schema; `undefined` when the table has no schema. */
export function matchTable(raw: RawTable): TableSnapshot | undefined {
  const schema = SCHEMA.find((t) => t.name.toLowerCase() === raw.name.trim().toLowerCase());
  if (!schema) return undefined;
  const headers = raw.headers.map(headerText);
  const columns = new Map<string, number>();
  const extras: { header: string; index: number; kind: ColumnKind }[] = [];
  const issues: RawIssue[] = [...(raw.issues ?? [])];
  headers.forEach((header, index) => {
    const known = schema.columns.find((c) => c.name.toLowerCase() === header.toLowerCase());
    const twice = known && columns.get(known.name.toLowerCase());
    if (known && twice !== undefined) {
      const at = (i: number) => cellAddress({ sheet: raw.sheet, origin: raw.origin }, -1, i);
      issues.push({
        column: known.name,
        cell: at(index),
        message: `table ${schema.name} has two ${known.name} columns (${at(twice)} and ${at(index)}): rename or remove one`,
      });
    } else if (known) columns.set(known.name.toLowerCase(), index);
    else if (header && schema.extra?.pattern.test(header) && !(schema.name === "Metrics" && holdsText(raw.rows, index))) {
      extras.push({ header, index, kind: schema.extra.kind });
    }
  });
  return { schema, sheet: raw.sheet, origin: raw.origin, headers, columns, extras, rows: raw.rows as CellInput[][], issues };
}

/** The value of a schema column in a data row, read as its kind (`null` when blank, absent or unreadable). */
export function cell(table: TableSnapshot, row: number, column: string): CellInput {
  // Records read a table row by row: the last table's columns are at hand without a lookup.
  const columns = table === lastTable ? lastColumns! : columnsOf(table);
  const found = columns.get(column) ?? columns.get(column.toLowerCase());
  if (!found) return null;
  const raw = table.rows[row]?.[found.index];
  if (isFormula(raw)) return raw;
  const value = cellValue(raw, found.spec.kind, found.spec.choices);
  return value === UNREADABLE ? null : value;
}

/** Per table, each schema column it has, by its schema spelling and in lower case, found once. */
const columnIndexes = new WeakMap<TableSnapshot, Map<string, { index: number; spec: ColumnSchema }>>();

let lastTable: TableSnapshot | undefined;
let lastColumns: Map<string, { index: number; spec: ColumnSchema }> | undefined;

function columnsOf(table: TableSnapshot): Map<string, { index: number; spec: ColumnSchema }> {
  let found = columnIndexes.get(table);
  lastTable = table;
  if (!found) {
    found = new Map();
    for (const spec of table.schema.columns) {
      const index = table.columns.get(spec.name.toLowerCase());
      if (index === undefined) continue;
      found.set(spec.name, { index, spec });
      found.set(spec.name.toLowerCase(), { index, spec });
    }
    columnIndexes.set(table, found);
  }
  lastColumns = found;
  return found;
}

const isEmptyRow = (row: readonly unknown[]) => row.every((v) => v === null || v === undefined || (typeof v === "string" && !v.trim()));

/**
 * Checks one table's cells against its schema; `partnerIds` are the known partners (when Partners
 * exists), `accountIds` the known accounts (when Accounts exists). `only` limits the check of cells
 * to those rows (the table's structure is checked anyway).
 */
export function validateTable(table: TableSnapshot, partnerIds?: ReadonlySet<string>, only?: readonly number[], accountIds?: ReadonlySet<string>): Problem[] {
  const name = table.schema.name;
  const problems: Problem[] = table.issues.map((issue) => ({ table: name, ...issue }));
  for (const column of table.schema.columns) {
    if (column.required && !table.columns.has(column.name.toLowerCase())) {
      problems.push({ table: name, column: column.name, message: `table ${name} has no ${column.name} column` });
    }
  }
  const checks: { spec: Pick<ColumnSchema, "name" | "kind" | "choices" | "filled">; index: number }[] = [
    ...table.schema.columns
      .filter((c) => table.columns.has(c.name.toLowerCase()))
      .map((spec) => ({ spec, index: table.columns.get(spec.name.toLowerCase())! })),
    ...table.extras.map((e) => ({ spec: { name: e.header, kind: e.kind }, index: e.index })),
  ];
  const references = REFERENCES.flatMap((ref) => {
    const index = table.columns.get(ref.column.toLowerCase());
    return index === undefined ? [] : [{ ...ref, index, known: ref.table === "Partners" ? partnerIds : accountIds, seen: new Map<string, number>() }];
  });
  const check = (row: readonly unknown[], r: number) => {
    if (isEmptyRow(row)) return;
    for (const { spec, index } of checks) {
      const raw = row[index];
      if (isFormula(raw)) continue;
      const value = cellValue(raw, spec.kind, spec.choices);
      if (value !== UNREADABLE && (value !== null || !spec.filled)) continue;
      const at = { table: name, row: r + 1, column: spec.name, cell: cellAddress(table, r, index) };
      if (value === UNREADABLE) {
        const read = readCell(raw, spec.kind, spec.choices);
        if ("problem" in read) problems.push({ ...at, message: `${spec.name}: ${read.problem}` });
      } else problems.push({ ...at, message: `${spec.name} is blank` });
    }
    for (const ref of references) {
      const id = cellValue(row[ref.index], "id");
      if (typeof id !== "string") continue;
      const at = () => ({ table: name, row: r + 1, column: ref.column, cell: cellAddress(table, r, ref.index) });
      const key = id.toLowerCase();
      if (name === ref.table) {
        // The table the ids belong to: each once.
        const first = ref.seen.get(key);
        if (first !== undefined) problems.push({ ...at(), message: `${ref.column} ${id} is also in row ${first}` });
        else ref.seen.set(key, r + 1);
      } else if (ref.known && !(ref.table === "Partners" && table.schema.allowsDefaults && id === "*") && !ref.known.has(key)) {
        problems.push({ ...at(), message: `${ref.column} ${id} is not in the ${ref.table} table` });
      }
    }
  };
  if (only) for (const r of only) check(table.rows[r], r);
  else table.rows.forEach(check);
  return problems;
}

/**
 * The ids other tables refer to: a PartnerId must be in Partners (when the workbook has that
 * table), an AccountId in Accounts (when that table lists any account: deals may name accounts
 * before the vendor's list is kept in the workbook). A blank AccountId refers to nothing.
 */
const REFERENCES = [
  { column: "PartnerId", table: "Partners" },
  { column: "AccountId", table: "Accounts" },
] as const satisfies readonly { column: string; table: TableName }[];

/** The lower-case ids of the Accounts table; `undefined` when it lists none (AccountIds are then not checked). */
export function accountIdsOf(accounts: TableSnapshot | undefined): Set<string> | undefined {
  if (!accounts) return undefined;
  const ids = new Set<string>();
  for (let r = 0; r < accounts.rows.length; r++) {
    const id = cell(accounts, r, "AccountId");
    if (typeof id === "string" && id) ids.add(id.toLowerCase());
  }
  return ids.size ? ids : undefined;
}

/** The lower-case ids of the Partners table. */
export function partnerIdsOf(partners: TableSnapshot | undefined): Set<string> | undefined {
  if (!partners) return undefined;
  const ids = new Set<string>();
  for (let r = 0; r < partners.rows.length; r++) {
    const id = cell(partners, r, "PartnerId");
    if (typeof id === "string" && id) ids.add(id.toLowerCase());
  }
  return ids;
}

function matchAll(raws: readonly RawTable[], into = new Map<TableName, TableSnapshot>()): Map<TableName, TableSnapshot> {
  for (const raw of raws) {
    const table = matchTable(raw);
    if (table) into.set(table.schema.name, table);
  }
  return into;
}

function checked(tables: Map<TableName, TableSnapshot>): WorkbookSnapshot {
  const missing = SCHEMA.map((t) => t.name).filter((n) => !tables.has(n));
  const ids = partnerIdsOf(tables.get("Partners"));
  const accounts = accountIdsOf(tables.get("Accounts"));
  const problems = [...tables.values()].flatMap((t) => validateTable(t, ids, undefined, accounts));
  return { tables, missing, problems };
}

/** Builds the snapshot of a workbook from the tables an adapter read. */
export function snapshotOf(raws: readonly RawTable[]): WorkbookSnapshot {
  return checked(matchAll(raws));
}

/**
 * The snapshot of the tables read first, with `pendingNames` (the names in the file of the schema
 * tables left to read) as pending rather than missing; nothing is checked yet.
 */
export function partialSnapshot(raws: readonly RawTable[], pendingNames: readonly string[]): WorkbookSnapshot {
  const tables = matchAll(raws);
  const pending = SCHEMA.filter((t) => !tables.has(t.name) && pendingNames.some((n) => n.trim().toLowerCase() === t.name.toLowerCase())).map((t) => t.name);
  if (!pending.length) return checked(tables);
  const missing = SCHEMA.map((t) => t.name).filter((n) => !tables.has(n) && !pending.includes(n));
  return { tables, missing, problems: [], pending };
}

/**
 * The whole snapshot: a partial one's tables (the same objects, so records read from them are kept)
 * with the tables read since, every table checked.
 */
export function completeSnapshot(partial: WorkbookSnapshot, rest: readonly RawTable[]): WorkbookSnapshot {
  return checked(matchAll(rest, new Map(partial.tables)));
}
