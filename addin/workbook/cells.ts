/**
 * Reading one workbook cell as the kind of value its column holds. A cell that cannot be read
 * gives a problem text (never a silent wrong value); a blank cell reads as `null`.
 */
import { MAX_DATE_SERIAL, dateSerial, parseDateText } from "../../engine/excel/date";
import { isBlank, toBoolean, toNumber } from "../../engine/input";
import { show } from "../../engine/messages";
import { type ColumnKind, RATING_MAX } from "./schema";

export type CellValue = number | string | boolean | null;

/** A value to write as a formula rather than a constant. */
export interface Formula {
  formula: string;
}
export type CellInput = CellValue | Formula;

export const isFormula = (value: unknown): value is Formula =>
  typeof value === "object" && value !== null && typeof (value as Formula).formula === "string";

/** Excel's serial day number of a JavaScript date (its UTC calendar day and time of day). */
export const toSerial = (date: Date): number =>
  dateSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) + (date.getTime() % 86_400_000 + 86_400_000) % 86_400_000 / 86_400_000;

/** An Excel serial date from a serial number, a JavaScript Date or ISO `yyyy-mm-dd` text. */
export function toDateSerial(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : toSerial(value);
  if (typeof value === "number") return Number.isFinite(value) && value >= 1 && value <= MAX_DATE_SERIAL ? value : undefined;
  return typeof value === "string" ? parseDateText(value) : undefined;
}

export type Read = { value: CellValue } | { problem: string };

/** What cellValue gives for a cell that does not read as its column's kind. */
export const UNREADABLE: unique symbol = Symbol("unreadable");

/**
 * Reads a raw cell as `kind` (`choices` for the `choice` kind): its value, `null` when blank, or
 * UNREADABLE. The same reading as readCell without building a result, for reading whole tables.
 */
export function cellValue(raw: unknown, kind: ColumnKind, choices?: readonly string[]): CellValue | typeof UNREADABLE {
  if (isBlank(raw)) return null;
  switch (kind) {
    case "result":
      return typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean" ? raw : null;
    case "id":
      if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
      return typeof raw === "string" ? raw.trim() : UNREADABLE;
    case "text":
      if (typeof raw === "string") return raw;
      return typeof raw === "number" || typeof raw === "boolean" ? String(raw) : UNREADABLE;
    case "boolean": {
      const flag = toBoolean(raw);
      return flag === undefined || flag === null ? UNREADABLE : flag;
    }
    case "date":
      return toDateSerial(raw) ?? UNREADABLE;
    case "choice": {
      const text = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
      return choices?.find((c) => c.toLowerCase() === text) ?? UNREADABLE;
    }
    case "choices":
      return choicesOf(raw, choices) ?? UNREADABLE;
    default: {
      const number = typeof raw === "boolean" ? undefined : toNumber(raw);
      if (number === undefined) return UNREADABLE;
      if (kind === "count" && (!Number.isInteger(number) || number < 0)) return UNREADABLE;
      if (kind === "amount" && !(number >= 0)) return UNREADABLE;
      if (kind === "share" && !(number >= 0 && number <= 1)) return UNREADABLE;
      if (kind === "rating" && !(number >= 1 && number <= RATING_MAX)) return UNREADABLE;
      if (kind === "metric" && !(number >= 1 && number <= 100)) return UNREADABLE;
      if (kind === "score" && !(number >= 0 && number <= 100)) return UNREADABLE;
      return number;
    }
  }
}

/**
 * A list of choices as typed in one cell (`Onboarding, Activation`): each entry matched in any case,
 * given back in the choices' spelling, comma-separated, once each, in the order typed; `undefined`
 * when an entry is not a choice. Semicolons separate entries too.
 */
function choicesOf(raw: unknown, choices: readonly string[] | undefined): string | undefined {
  if (typeof raw !== "string" || !choices) return undefined;
  const found: string[] = [];
  for (const entry of raw.split(/[,;]/)) {
    const text = entry.trim().toLowerCase();
    if (!text) continue;
    const choice = choices.find((c) => c.toLowerCase() === text);
    if (!choice) return undefined;
    if (!found.includes(choice)) found.push(choice);
  }
  return found.length ? found.join(", ") : undefined;
}

/** Why a cell cellValue found UNREADABLE does not read as `kind`. */
function problemOf(raw: unknown, kind: ColumnKind, choices?: readonly string[]): string {
  switch (kind) {
    case "id":
      return `expected an id, got ${show(raw)}`;
    case "text":
      return `expected text, got ${show(raw)}`;
    case "boolean":
      return `expected TRUE or FALSE, got ${show(raw)}`;
    case "date":
      return `expected a date, got ${show(raw)}`;
    case "choice":
      return `expected one of ${choices?.join(", ")}, got ${show(raw)}`;
    case "choices":
      return `expected one or more of ${choices?.join(", ")} separated by commas, got ${show(raw)}`;
    default: {
      const number = typeof raw === "boolean" ? undefined : toNumber(raw);
      if (number === undefined) return `expected a number, got ${show(raw)}`;
      if (kind === "count") return `expected a whole number of 0 or more, got ${show(raw)}`;
      if (kind === "amount") return `expected an amount of 0 or more, got ${show(raw)}`;
      if (kind === "share") return `a share must be from 0% to 100%, got ${show(raw)}`;
      if (kind === "rating") return `a rating must be from 1 to ${RATING_MAX}, got ${show(raw)}`;
      if (kind === "metric") return `a metric must be from 1 to 100, got ${show(raw)}`;
      if (kind === "score") return `a score must be from 0 to 100, got ${show(raw)}`;
      return `expected a number, got ${show(raw)}`;
    }
  }
}

/** Reads a raw cell as `kind`; `choices` for the `choice` kind. */
export function readCell(raw: unknown, kind: ColumnKind, choices?: readonly string[]): Read {
  const value = cellValue(raw, kind, choices);
  return value === UNREADABLE ? { problem: problemOf(raw, kind, choices) } : { value };
}
