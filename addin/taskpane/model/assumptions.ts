/**
 * A partner's P&L assumptions as the Assumptions table gives them: the `*` rows every partner
 * inherits, with the partner's own row replacing the default row of the same driver. The task pane
 * edits a draft on top of them (overrides and reverts not saved yet), hands the merged rows to the
 * engine in the form of PARTNER.PNL's `assumptions` range, and saves the draft as table changes.
 * Nothing here computes a P&L.
 */
import { DRIVERS, driverIndex } from "../../../engine/pnl";
import type { Change } from "../../workbook/plan";
import type { AssumptionRecord, PartnerData } from "../../workbook/records";
import { scoresRow } from "./changes";
import { type DriverKind, driverTextProblem, driverWords, inputText, readDriverText } from "./drivers";

export type Values = readonly (number | null)[];

/** One driver of a partner's P&L and where its value comes from. */
export interface DriverLine {
  /** The driver's name (as in the engine's list), or the name as typed when it is not a driver. */
  readonly driver: string;
  /** A driver the engine knows (an unknown name is shown so the engine's message can name it). */
  readonly known: boolean;
  /** The driver in words, for the screen (the engine's name stays the table's). */
  readonly label: string;
  /** How its values are written and typed (a rate's box is in per cent). */
  readonly kind: DriverKind;
  /** Takes one value only (no per-year series). */
  readonly scalarOnly: boolean;
  /** What the driver means, from the engine's list of drivers. */
  readonly meaning: string;
  /** The engine's built-in value when no row gives one (`null` for a required driver). */
  readonly builtIn: number | null;
  /** The `*` rows for this driver (normally one). */
  readonly inherited: readonly AssumptionRecord[];
  /** The partner's own rows for this driver as saved (normally none or one). */
  readonly own: readonly AssumptionRecord[];
}

/**
 * An edit not saved yet: the partner's own values as typed in the driver's boxes (Value then
 * Year2 …, in the box's units: a rate's `27` is 27%), or back to the default.
 */
/**
 * A driver's edit: its boxes' text (an override) or a revert to the default. `from` holds the
 * numbers the boxes were filled with: a box whose text is still what the pane showed for its number
 * keeps that number exactly (shown text rounds: a rate to 12 digits, an amount to 6 decimals).
 */
export type Draft = { readonly kind: "override"; readonly text: readonly string[]; readonly from?: readonly (number | null)[] } | { readonly kind: "inherit" };
export type Drafts = ReadonlyMap<string, Draft>;

/** Where a driver's value comes from once the draft is applied. */
export type Source = "own" | "inherited" | "built-in";

const canonical = (name: string): string => {
  const d = driverIndex(name);
  return d >= 0 ? DRIVERS[d].name : name.trim();
};

const words = (name: string) => {
  const { label, kind } = driverWords(name);
  return { label, kind };
};

/** Every driver of the engine, in its order, then any other name the partner's rows use. */
export function assumptionLines(data: PartnerData, partnerId: string): DriverLine[] {
  const group = (records: readonly AssumptionRecord[]) => {
    const byDriver = new Map<string, AssumptionRecord[]>();
    for (const r of records) {
      const key = canonical(r.name).toLowerCase();
      const list = byDriver.get(key);
      if (list) list.push(r);
      else byDriver.set(key, [r]);
    }
    return byDriver;
  };
  const defaults = group(data.defaultAssumptions());
  const own = group(data.assumptionsOf(partnerId));
  const lines: DriverLine[] = DRIVERS.map((d) => ({
    driver: d.name,
    known: true,
    ...words(d.name),
    scalarOnly: "scalarOnly" in d && d.scalarOnly === true,
    meaning: d.meaning,
    builtIn: Number.isNaN(d.default) ? null : d.default,
    inherited: defaults.get(d.name) ?? [],
    own: own.get(d.name) ?? [],
  }));
  const known = new Set<string>(DRIVERS.map((d) => d.name));
  const unknown = [...new Set([...defaults.keys(), ...own.keys()])].filter((k) => !known.has(k));
  for (const key of unknown) {
    const rows = [...(defaults.get(key) ?? []), ...(own.get(key) ?? [])];
    lines.push({ driver: rows[0].name.trim(), known: false, ...words(rows[0].name), scalarOnly: false, meaning: "", builtIn: null, inherited: defaults.get(key) ?? [], own: own.get(key) ?? [] });
  }
  return lines;
}

/**
 * The values typed in a driver's boxes, or the first box that cannot be used and why. Blank boxes
 * are `null` (a blank later year keeps the last value); the first box, Value, is never blank: a
 * row without one would set the driver to 0 unnoticed.
 */
export function draftValues(
  line: Pick<DriverLine, "driver" | "kind">,
  text: readonly string[],
  from?: readonly (number | null)[],
): { values: (number | null)[] } | { invalid: number; message: string } {
  const values: (number | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    // A box left as it was shown keeps its number, not the rounded text.
    const kept = from?.[i];
    if (kept !== undefined && kept !== null && text[i] === inputText(line.kind, kept)) {
      values.push(kept);
      continue;
    }
    const message = driverTextProblem(line.driver, text[i]);
    if (message) return { invalid: i, message };
    values.push(readDriverText(line.kind, text[i]) ?? null);
  }
  if (values[0] === null || values[0] === undefined) return { invalid: 0, message: "Enter a value for year 1 (a blank would count as 0)." };
  return { values };
}

/** Values without the blanks that end them (the table's empty year cells). */
export function trimValues(values: Values): (number | null)[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === null) end--;
  return values.slice(0, end);
}

/**
 * A driver's source and rows once the draft is applied; `invalid` (the box) and `message` when a
 * typed value cannot be used.
 */
export function effective(line: DriverLine, draft: Draft | undefined): { source: Source; rows: { name: string; values: Values }[]; invalid?: number; message?: string } {
  if (draft?.kind === "override") {
    const parsed = draftValues(line, draft.text, draft.from);
    const name = line.own[0]?.name ?? line.inherited[0]?.name ?? line.driver;
    if ("invalid" in parsed) return { source: "own", rows: [], invalid: parsed.invalid, message: parsed.message };
    return { source: "own", rows: [{ name, values: trimValues(parsed.values) }] };
  }
  if (draft?.kind !== "inherit" && line.own.length) return { source: "own", rows: line.own.map((r) => ({ name: r.name, values: trimValues(r.values) })) };
  if (line.inherited.length) return { source: "inherited", rows: line.inherited.map((r) => ({ name: r.name, values: trimValues(r.values) })) };
  return { source: "built-in", rows: [] };
}

export type AssumptionRows = (string | number | null)[][];

/**
 * The partner's assumptions as the engine's `assumptions` range: the `*` rows with the partner's
 * own rows (and the draft) in place of the default rows of the same drivers; drivers no row gives
 * keep the engine's built-in defaults. `invalid` names the drivers whose typed values cannot be used.
 */
export function mergedAssumptions(lines: readonly DriverLine[], drafts: Drafts = new Map()): { rows: AssumptionRows; drivers: string[]; invalid: string[] } {
  const rows: AssumptionRows = [];
  const drivers: string[] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    const result = effective(line, drafts.get(line.driver));
    if (result.invalid !== undefined) invalid.push(line.driver);
    for (const row of result.rows) {
      rows.push([row.name, ...row.values]);
      drivers.push(line.driver);
    }
  }
  return { rows, drivers, invalid };
}

/** The Assumptions table's year columns (Year2 …) in year order, as their headers are spelled. */
export function yearColumns(data: PartnerData): string[] {
  const table = data.snapshot.tables.get("Assumptions");
  if (!table) return [];
  const year = (header: string) => Number(/(\d+)\s*$/.exec(header)?.[1] ?? 0);
  return table.extras.map((e) => e.header).sort((a, b) => year(a) - year(b));
}

/** Whether the draft's values are the ones the partner's row already holds. */
function sameValues(line: DriverLine, values: Values): boolean {
  if (line.own.length !== 1) return false;
  const saved = trimValues(line.own[0].values);
  const typed = trimValues(values);
  return saved.length === typed.length && saved.every((v, i) => v === typed[i]);
}

/**
 * The table changes that save a partner's draft: an override writes the partner's row (key
 * PartnerId + Name; Value and each year column the table has, blank beyond the series); a revert
 * deletes the partner's rows for that driver. With any change, the partner's PartnerScores row.
 */
export function assumptionChanges(data: PartnerData, partnerId: string, lines: readonly DriverLine[], drafts: Drafts): Change[] {
  const years = yearColumns(data);
  const changes: Change[] = [];
  for (const line of lines) {
    const draft = drafts.get(line.driver);
    if (!draft) continue;
    if (draft.kind === "inherit") {
      for (const row of line.own) changes.push({ table: "Assumptions", key: { PartnerId: row.partnerId, Name: row.name }, delete: true });
      continue;
    }
    const parsed = draftValues(line, draft.text, draft.from);
    if ("invalid" in parsed) throw new Error(`${line.driver}: ${parsed.message}`);
    if (sameValues(line, parsed.values)) continue;
    const values = trimValues(parsed.values);
    const set: Record<string, number | null> = { Value: values[0] ?? null };
    years.forEach((column, i) => (set[column] = values[i + 1] ?? null));
    // Values beyond the table's year columns are named so that the save reports the missing column.
    for (let i = years.length + 1; i < values.length; i++) set[`Year${i + 1}`] = values[i];
    const name = line.own[0]?.name ?? line.inherited[0]?.name ?? line.driver;
    changes.push({ table: "Assumptions", key: { PartnerId: partnerId, Name: name }, set });
  }
  return changes.length ? [...changes, ...scoresRow(data, partnerId)] : [];
}

/** The year a column of an assumptions row holds: column 2 is Value (year 1), column 3 Year 2… */
export const yearLabel = (year: number): string => (year === 1 ? "Value (year 1)" : `Year ${year}`);

/**
 * An engine message about the merged rows (`assumptions (row 9, column 2): …`) told in the user's
 * terms: the driver (in words) and year it is about.
 */
export function locateError(message: string, drivers: readonly string[]): { driver?: string; message: string } {
  if (message.startsWith("assumptions: ")) {
    // About the rows as a whole (a driver missing): named by the driver the message names first.
    const rest = message.slice("assumptions: ".length);
    const named = DRIVERS.map((d) => d.name).find((name) => rest.startsWith(name));
    return named ? { driver: named, message: rest } : { message: rest };
  }
  const match = /^assumptions \(row (\d+)(?:, column (\d+))?\): /.exec(message);
  const driver = match ? drivers[Number(match[1]) - 1] : undefined;
  if (!match || !driver) return { message };
  const column = match[2] ? Number(match[2]) : undefined;
  const label = driverWords(driver).label;
  const where = column === undefined || column < 2 ? label : `${label}, ${yearLabel(column - 1)}`;
  return { driver, message: `${where}: ${message.slice(match[0].length)}` };
}
