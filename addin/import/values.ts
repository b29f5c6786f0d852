/**
 * Typed values from an export's text, decided per column from the evidence in the column itself:
 * - numbers in the US form (`1,234.56`) or the European forms (`1.234,56`, `1 234,56`): a value
 *   that only one form reads (`12,5`, `1,234.56`) decides the column; a separator followed by
 *   exactly three digits (`1,234`, `1.234`) reads both ways and decides nothing;
 * - dates as ISO text (`2026-03-31`, with a time or not), `dd.mm.yyyy`, `dd/mm/yyyy` or
 *   `mm/dd/yyyy`, and Excel serial numbers: in a column of slashed dates a first part above 12
 *   decides day-first, a second part above 12 month-first.
 * When nothing in a column decides and its values would read differently either way, or its values
 * decide both ways, the column is ambiguous: its reading says so and the caller chooses (never a
 * silent guess); meanwhile a value that reads only one way is read so, and one that reads both ways
 * waits. A value that does not read stays a problem naming what it is, for the preview to reject its row.
 */
import { MAX_DATE_SERIAL, dateSerial } from "../../engine/excel/date";
import { toBoolean } from "../../engine/input";
import type { ColumnKind } from "../workbook/schema";

export type NumberForm = "us" | "eu";
export type DateOrder = "dmy" | "mdy";
export type ValueKind = "number" | "date" | "boolean" | "text";

/** The choices a caller makes for a column whose values do not decide. */
export interface ColumnChoice {
  numberForm?: NumberForm;
  dateOrder?: DateOrder;
}

/** What the values of one column showed and how they were read. */
export interface ColumnReading {
  kind: ValueKind;
  /** The number form used (numbers): decided by the values, chosen, or US when it makes no difference. */
  numberForm?: NumberForm;
  /** The date order used for slashed dates: decided by the values, chosen, or day-first when it makes no difference. */
  dateOrder?: DateOrder;
  /** What the caller must choose because the values do not decide (and it matters to them). */
  question?: "numberForm" | "dateOrder";
  /** Values only the US / European form reads; slashed dates only day-first / month-first reads. */
  evidence: { us: number; eu: number; dmy: number; mdy: number };
}

export type Typed = string | number | boolean | null;
export type TypedCell = Typed | { problem: string };
export const isProblem = (cell: TypedCell): cell is { problem: string } => typeof cell === "object" && cell !== null;

export function valueKindOf(kind: ColumnKind): ValueKind {
  switch (kind) {
    case "number":
    case "count":
    case "amount":
    case "share":
    case "rating":
    case "metric":
    case "score":
      return "number";
    case "date":
      return "date";
    case "boolean":
      return "boolean";
    default:
      return "text";
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

const SPACE_GROUPS = /^(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)((?:[.,]\d+)?)$/;
const NUMBER_FORMS: Record<NumberForm, { grouped: RegExp; plain: RegExp; group: string; decimal: string }> = {
  us: { grouped: /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, plain: /^(?:\d+(?:\.\d*)?|\.\d+)$/, group: ",", decimal: "." },
  eu: { grouped: /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, plain: /^(?:\d+(?:,\d*)?|,\d+)$/, group: ".", decimal: "," },
};

/** A number's text without its sign, currency, percent sign and spaces: the digits to read, and how to scale them. */
function numberParts(text: string): { digits: string; sign: number; scale: number } | undefined {
  let s = text.trim();
  let sign = 1;
  let scale = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  // A currency symbol or code on either side ("$1,200", "1.200 EUR", "€ 45").
  s = s.replace(/^(?:[$€£¥]|[A-Z]{3}(?=[\s\d]))\s*/, "").replace(/\s*(?:[$€£¥]|(?<=[\d\s])[A-Z]{3})$/, "");
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (/^[-+]/.test(s)) {
    if (s[0] === "-") sign = -sign;
    s = s.slice(1).trim();
  } else if (/\d-$/.test(s)) {
    // A trailing minus, as some ERP systems write credits.
    sign = -sign;
    s = s.slice(0, -1);
  }
  const spaced = SPACE_GROUPS.exec(s);
  if (spaced) s = spaced[1] + spaced[2].replace(/[ \u00a0\u202f]/g, "") + spaced[3];
  return /^[\d.,]+$/.test(s) && /\d/.test(s) ? { digits: s, sign, scale } : undefined;
}

/** The number `text` is in the given form, or undefined. */
export function parseNumberText(text: string, form: NumberForm): number | undefined {
  const parts = numberParts(text);
  if (!parts) return undefined;
  const f = NUMBER_FORMS[form];
  if (!f.grouped.test(parts.digits) && !f.plain.test(parts.digits)) return undefined;
  const value = Number(parts.digits.split(f.group).join("").replace(f.decimal, "."));
  if (!Number.isFinite(value)) return undefined;
  // Scaling by a power of ten exactly as Excel shows "12.5%": 0.125, not 0.12500000000000003; "-0" is 0.
  const signed = parts.scale === 1 ? parts.sign * value : Number((parts.sign * value * parts.scale).toPrecision(15));
  return signed === 0 ? 0 : signed;
}

/** Which forms read `text`, and whether they read it alike. */
function numberEvidence(text: string): "us" | "eu" | "same" | "differ" | "none" {
  const us = parseNumberText(text, "us");
  const eu = parseNumberText(text, "eu");
  if (us === undefined) return eu === undefined ? "none" : "eu";
  if (eu === undefined) return "us";
  return us === eu ? "same" : "differ";
}

// ---------------------------------------------------------------------------------------------
// Dates

const TIME = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}\s*(?:Z|[+-]\d{2}:?\d{2})?$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})${TIME}$`);
const SERIAL = /^\d+(?:\.\d+)?$/;

/** The serial of a real calendar date and time of day, or undefined. */
function serialOf(year: number, month: number, day: number, time: (string | undefined)[]): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const serial = dateSerial(year, month, day);
  if (serial < 1 || serial > MAX_DATE_SERIAL) return undefined;
  const [h, m, s, meridiem] = time;
  if (h === undefined) return serial;
  let hours = Number(h);
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  const minutes = Number(m);
  const seconds = Number(s ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return serial + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** How a slashed date's parts decide its order: "dmy", "mdy", "same" (either order reads it alike), "differ" or "none" (not one). */
function dateEvidence(text: string): DateOrder | "same" | "differ" | "none" {
  const m = SLASHED.exec(text.trim());
  if (!m) return "none";
  const time = m.slice(4);
  const dmy = serialOf(Number(m[3]), Number(m[2]), Number(m[1]), time);
  const mdy = serialOf(Number(m[3]), Number(m[1]), Number(m[2]), time);
  if (dmy === undefined) return mdy === undefined ? "none" : "mdy";
  if (mdy === undefined) return "dmy";
  return dmy === mdy ? "same" : "differ";
}

/** The Excel serial of a date value (serial number, ISO, dotted or slashed text in `order`), or undefined. */
export function parseDateValue(value: unknown, order: DateOrder): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 1 && value <= MAX_DATE_SERIAL ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  let m = ISO.exec(text);
  if (m) return serialOf(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
  m = DOTTED.exec(text);
  if (m) return serialOf(Number(m[3]), Number(m[2]), Number(m[1]), m.slice(4));
  m = SLASHED.exec(text);
  if (m) return order === "dmy" ? serialOf(Number(m[3]), Number(m[2]), Number(m[1]), m.slice(4)) : serialOf(Number(m[3]), Number(m[1]), Number(m[2]), m.slice(4));
  if (SERIAL.test(text)) return parseDateValue(Number(text), order);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Columns

const blank = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** Looks at a column's values and decides how to read them (`choice`: what the caller chose). */
export function readingOf(values: readonly unknown[], kind: ValueKind, choice: ColumnChoice = {}): ColumnReading {
  const evidence = { us: 0, eu: 0, dmy: 0, mdy: 0 };
  const reading: ColumnReading = { kind, evidence };
  let differ = 0;
  if (kind === "number") {
    for (const v of values) {
      if (typeof v !== "string" || blank(v)) continue;
      const e = numberEvidence(v);
      if (e === "us" || e === "eu") evidence[e]++;
      else if (e === "differ") differ++;
    }
    const decided = evidence.us && !evidence.eu ? "us" : evidence.eu && !evidence.us ? "eu" : undefined;
    reading.numberForm = choice.numberForm ?? decided ?? "us";
    if (!choice.numberForm && !decided && (differ || (evidence.us && evidence.eu))) reading.question = "numberForm";
  } else if (kind === "date") {
    for (const v of values) {
      if (typeof v !== "string" || blank(v)) continue;
      const e = dateEvidence(v);
      if (e === "dmy" || e === "mdy") evidence[e]++;
      else if (e === "differ") differ++;
    }
    const decided = evidence.dmy && !evidence.mdy ? "dmy" : evidence.mdy && !evidence.dmy ? "mdy" : undefined;
    reading.dateOrder = choice.dateOrder ?? decided ?? "dmy";
    if (!choice.dateOrder && !decided && (differ || (evidence.dmy && evidence.mdy))) reading.question = "dateOrder";
  }
  return reading;
}

/**
 * Values of a column with a question that show it: those that read differently either way, or
 * (when the column mixes forms) the first that only one form reads and the first that only the other does.
 */
export function questionExamples(values: readonly unknown[], reading: ColumnReading, limit = 3): string[] {
  const texts = [...new Set(values.filter((v): v is string => typeof v === "string" && !blank(v)).map((v) => v.trim()))];
  const evidenceOf = (v: string) => (reading.question === "numberForm" ? numberEvidence(v) : reading.question === "dateOrder" ? dateEvidence(v) : "none");
  const differ = texts.filter((v) => evidenceOf(v) === "differ");
  if (differ.length) return differ.slice(0, limit);
  const sides = reading.question === "numberForm" ? (["us", "eu"] as const) : (["dmy", "mdy"] as const);
  return sides.flatMap((side) => texts.filter((v) => evidenceOf(v) === side).slice(0, 1));
}

const shown = (value: unknown) => (typeof value === "string" ? `"${value.trim()}"` : String(value));

/** One value of a column read as `reading` says: the typed value, null when blank, or the problem. */
export function typedValue(value: unknown, reading: ColumnReading): TypedCell {
  if (blank(value)) return null;
  switch (reading.kind) {
    case "number": {
      if (typeof value === "number") return Number.isFinite(value) ? value : { problem: `${shown(value)} is not a number` };
      if (typeof value !== "string") return { problem: `${shown(value)} is not a number` };
      // Until the caller chooses, a value only one form reads is read so; one both read differently waits.
      const evidence = reading.question === "numberForm" ? numberEvidence(value) : undefined;
      if (evidence === "differ") {
        return { problem: `${shown(value)} reads as ${parseNumberText(value, "us")} (US form) or ${parseNumberText(value, "eu")} (European form): choose the column's number form` };
      }
      const n = parseNumberText(value, evidence === "us" || evidence === "eu" ? evidence : reading.numberForm ?? "us");
      if (n !== undefined) return n;
      const other = parseNumberText(value, reading.numberForm === "eu" ? "us" : "eu");
      return { problem: other === undefined ? `${shown(value)} is not a number` : `${shown(value)} is not a number in the column's ${reading.numberForm === "eu" ? "European" : "US"} form` };
    }
    case "date": {
      const evidence = typeof value === "string" && reading.question === "dateOrder" ? dateEvidence(value) : undefined;
      if (evidence === "differ") return { problem: `${shown(value)} could be day/month or month/day: choose the column's date order` };
      const serial = parseDateValue(value, evidence === "dmy" || evidence === "mdy" ? evidence : reading.dateOrder ?? "dmy");
      return serial ?? { problem: `${shown(value)} is not a date (ISO yyyy-mm-dd, dd.mm.yyyy, ${reading.dateOrder === "mdy" ? "mm/dd/yyyy" : "dd/mm/yyyy"} or an Excel date)` };
    }
    case "boolean": {
      const flag = toBoolean(value);
      return typeof flag === "boolean" ? flag : { problem: `${shown(value)} is not TRUE or FALSE` };
    }
    default:
      return typeof value === "string" ? value.trim() : typeof value === "number" || typeof value === "boolean" ? String(value) : { problem: `${shown(value)} is not text` };
  }
}
