/**
 * What importing an export into a partner table would do, before anything is written: which rows
 * it adds, which it updates, which are already there as they are, and which it rejects and why
 * (unknown partner, bad number, bad date, a duplicate key in the file, a needed value blank) —
 * and the changes that write the added and updated rows in one validated save.
 *
 * A blank cell of the export leaves an existing row's value as it is (exports often leave out what
 * they do not know); values are compared as the save compares them, so importing the same file
 * again finds every row unchanged and changes nothing.
 */
import { MATCH_THRESHOLD } from "../../engine/match";
import { type CellInput, type CellValue, isFormula, readCell } from "../workbook/cells";
import type { Change } from "../workbook/plan";
import type { PartnerData } from "../workbook/records";
import { type ColumnSchema, type TableName, tableSchema } from "../workbook/schema";
import { type Mapping, choiceOf, mappingChanges } from "./mapping";
import { type PartnerSuggestion, aliasChange, aliasesOf, partnerResolver } from "./partners";
import { type ColumnChoice, type ColumnReading, isProblem, questionExamples, readingOf, typedValue, valueKindOf } from "./values";

/** The rows of an export (see readExport): headers, rows and each row's number in the file. */
export interface ExportRows {
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  rowNumbers?: readonly number[];
}

export interface ImportOptions {
  /** Per target column, the number form or date order chosen where the values do not decide. */
  choices?: Readonly<Record<string, ColumnChoice>>;
  /** Partner names of the export the user confirmed, with the PartnerId each is (saved as PartnerAliases). */
  confirmed?: Readonly<Record<string, string>>;
  /** The least Jaro–Winkler similarity of a suggested partner (0–1); default MATCH_THRESHOLD. */
  threshold?: number;
  /** The name of the export's source ("Salesforce opportunities"): the mapping is remembered for it in ImportMaps. */
  source?: string;
}

export interface ImportRow {
  /** The row's number in the file. */
  row: number;
  /** The table's key columns and their values. */
  key: Record<string, CellValue>;
  /** The values the row sets, by column (blanks of the export left out). */
  values: Record<string, CellValue>;
  /** Updated rows: the columns whose value changes. */
  changed?: string[];
}

export interface RejectedRow {
  row: number;
  /** Each reason names the row and the column: `row 12, Amount: "12,x" is not a number`. */
  reasons: string[];
}

/** A column whose values do not say how to read them: the caller chooses (ImportOptions.choices). */
export interface ImportQuestion {
  column: string;
  header: string;
  question: "numberForm" | "dateOrder";
  /** A few of the column's values that read differently either way (or, in a column that mixes forms, one of each). */
  examples: string[];
}

/** A partner name of the export that is not a known id, name or alias. */
export interface UnknownPartner {
  value: string;
  /** The file rows that give it. */
  rows: number[];
  suggestions: PartnerSuggestion[];
}

export interface ImportPreview {
  table: TableName;
  /** The mapped columns, with their header and how their values were read. */
  columns: { column: string; header: string; reading: ColumnReading }[];
  questions: ImportQuestion[];
  /** Key and filled columns with no header mapped: rows cannot be added (or, for the key, matched) without them. */
  unmapped: string[];
  /**
   * Mapped columns the workbook's table has no header for (an older table, say): their values would
   * have nowhere to go, so nothing is imported until the header is added or the column unmapped.
   */
  absent: string[];
  added: ImportRow[];
  updated: ImportRow[];
  unchanged: ImportRow[];
  rejected: RejectedRow[];
  unknownPartners: UnknownPartner[];
  /** The changes to save: added and updated rows, confirmed aliases and the remembered mapping. */
  changes: Change[];
}

/** As the save compares values (addin/workbook/plan.ts): text without case or surrounding spaces. */
const normalise = (value: CellInput): string =>
  value === null ? "" : isFormula(value) ? value.formula : typeof value === "string" ? value.trim().toLowerCase() : String(value);
const same = (current: CellInput | undefined, value: CellValue) => normalise(current ?? null) === normalise(value) && typeof (current ?? null) === typeof value;

const shown = (value: CellValue) => (typeof value === "string" ? value : String(value));

/**
 * Previews importing `grid` into `table` with `mapping` (target column → export header), against
 * the workbook `data` holds.
 */
export function previewImport(data: PartnerData, table: TableName, grid: ExportRows, mapping: Mapping, options: ImportOptions = {}): ImportPreview {
  const schema = tableSchema(table);
  const snapshot = data.snapshot;
  const existing = snapshot.tables.get(table);
  // A header given twice: the first column of that name.
  const headerIndex = new Map<string, number>();
  grid.headers.forEach((h, i) => headerIndex.has(h) || headerIndex.set(h, i));
  const mapped: { spec: ColumnSchema; header: string; index: number; reading: ColumnReading }[] = [];
  for (const spec of schema.columns) {
    const header = mapping[spec.name];
    const index = header ? headerIndex.get(header) : undefined;
    if (header && index !== undefined) {
      const kind = valueKindOf(spec.kind);
      mapped.push({ spec, header, index, reading: readingOf(kind === "number" || kind === "date" ? grid.rows.map((r) => r[index]) : [], kind, options.choices?.[spec.name]) });
    }
  }
  const isMapped = (name: string) => mapped.some((m) => m.spec.name === name);
  const unmapped = schema.columns.filter((c) => (schema.key.includes(c.name) || c.filled) && !isMapped(c.name)).map((c) => c.name);
  const keyMissing = schema.key.filter((k) => !isMapped(k));
  const absent = existing ? mapped.map((m) => m.spec.name).filter((name) => existing.columns.get(name.toLowerCase()) === undefined) : [];

  const questions: ImportQuestion[] = mapped.flatMap(({ spec, header, index, reading }) => {
    if (!reading.question) return [];
    return [{ column: spec.name, header, question: reading.question, examples: questionExamples(grid.rows.map((r) => r[index]), reading) }];
  });

  const resolve = partnerResolver(data.partners, aliasesOf(snapshot), options.threshold ?? MATCH_THRESHOLD);
  const confirmed = new Map(Object.entries(options.confirmed ?? {}).map(([value, id]) => [value.trim(), id]));
  const usedConfirmations = new Map<string, string>();
  const unknown = new Map<string, UnknownPartner>();

  // The table's rows by key, as the save finds them.
  const keyColumns = schema.key;
  const existingByKey = new Map<string, number[]>();
  if (existing) {
    const keyIndexes = keyColumns.map((k) => existing.columns.get(k.toLowerCase()));
    if (keyIndexes.every((i) => i !== undefined)) {
      for (let r = 0; r < existing.rows.length; r++) {
        const key = keyIndexes.map((i) => normalise(existing.rows[r][i!] ?? null)).join("\u0000");
        if (!key.replaceAll("\u0000", "")) continue;
        const list = existingByKey.get(key);
        if (list) list.push(r);
        else existingByKey.set(key, [r]);
      }
    }
  }

  const preview: ImportPreview = { table, columns: mapped.map(({ spec, header, reading }) => ({ column: spec.name, header, reading })), questions, unmapped, absent, added: [], updated: [], unchanged: [], rejected: [], unknownPartners: [], changes: [] };
  const seenKeys = new Map<string, number>();
  grid.rows.forEach((cells, i) => {
    const row = grid.rowNumbers?.[i] ?? i + 2;
    const reasons: string[] = [];
    const reject = (column: string | undefined, text: string) => reasons.push(`row ${row}${column ? `, ${column}` : ""}: ${text}`);
    const values: Record<string, CellValue> = {};
    for (const { spec, index, reading } of mapped) {
      const raw = cells[index];
      let typed = typedValue(raw, reading);
      if (isProblem(typed)) {
        reject(spec.name, typed.problem);
        continue;
      }
      if (typed === null) {
        if (spec.filled) reject(spec.name, "is blank");
        continue;
      }
      if (spec.name === "PartnerId") {
        const text = String(typed);
        const chosen = confirmed.get(text.trim());
        const found = chosen === undefined ? resolve(text) : undefined;
        if (schema.allowsDefaults && text.trim() === "*") typed = "*";
        else if (chosen !== undefined) {
          usedConfirmations.set(text.trim(), chosen);
          typed = chosen;
        } else if (found?.id !== undefined) typed = found.id;
        else {
          const entry = unknown.get(text) ?? { value: text, rows: [], suggestions: found?.suggestions ?? [] };
          entry.rows.push(row);
          unknown.set(text, entry);
          const hint = entry.suggestions.length ? ` (like ${entry.suggestions.map((s) => `${s.name} ${s.id}`).join(", ")}: confirm one to use it)` : "";
          reject(spec.name, `unknown partner "${text}"${hint}`);
          continue;
        }
      }
      if ((spec.kind === "choice" || spec.kind === "choices") && typeof typed === "string") {
        const choice = spec.kind === "choice" && spec.choices ? choiceOf(spec.name, typed, spec.choices) : undefined;
        if (choice) typed = choice;
      }
      const read = readCell(typed, spec.kind, spec.choices);
      if ("problem" in read) reject(spec.name, read.problem);
      else if (read.value !== null) values[spec.name] = read.value;
    }
    for (const k of keyMissing) reject(k, "no column of the file is mapped to it");
    const key: Record<string, CellValue> = {};
    for (const k of keyColumns) key[k] = values[k] ?? null;
    if (!keyMissing.length && !reasons.length) {
      const blankKey = keyColumns.filter((k) => key[k] === null);
      for (const k of blankKey) reject(k, "is blank");
    }
    const keyText = keyColumns.map((k) => normalise(key[k])).join("\u0000");
    if (!reasons.length) {
      const first = seenKeys.get(keyText);
      if (first !== undefined) reject(undefined, `${keyColumns.map((k) => `${k} ${shown(key[k])}`).join(", ")} is also in row ${first} of the file`);
      else seenKeys.set(keyText, row);
    }
    const matches = reasons.length ? [] : existingByKey.get(keyText) ?? [];
    if (matches.length > 1) reject(undefined, `${keyColumns.map((k) => `${k} ${shown(key[k])}`).join(", ")} is in rows ${matches.map((m) => m + 1).join(" and ")} of the ${table} table; remove the duplicate first`);
    if (!reasons.length && !matches.length) {
      const unfilled = schema.columns.filter((c) => c.filled && values[c.name] === undefined && !schema.key.includes(c.name));
      for (const c of unfilled) reject(c.name, isMapped(c.name) ? "is blank" : "a new row needs it, and no column of the file is mapped to it");
    }
    if (reasons.length) {
      preview.rejected.push({ row, reasons });
      return;
    }
    if (!matches.length) {
      preview.added.push({ row, key, values });
      return;
    }
    const r = matches[0];
    const changed = Object.keys(values).filter((name) => {
      const index = existing!.columns.get(name.toLowerCase());
      return index !== undefined && !same(existing!.rows[r][index], values[name]);
    });
    if (changed.length) preview.updated.push({ row, key, values, changed });
    else preview.unchanged.push({ row, key, values });
  });

  preview.unknownPartners = [...unknown.values()];
  // A column the table lacks: not a change to save (the view says why nothing can be imported).
  if (absent.length) return preview;
  const set = (values: Record<string, CellValue>, only?: readonly string[]) =>
    Object.fromEntries(Object.entries(values).filter(([name]) => !keyColumns.includes(name) && (!only || only.includes(name))));
  preview.changes = [
    ...[...usedConfirmations].filter(([value, id]) => resolve(value).id !== id).map(([value, id]) => aliasChange(value, id)),
    ...preview.added.map((r): Change => ({ table, key: r.key, set: set(r.values) })),
    ...preview.updated.map((r): Change => ({ table, key: r.key, set: set(r.values, r.changed) })),
    ...(options.source ? mappingChanges(snapshot, options.source, table, mapping) : []),
  ];
  return preview;
}
