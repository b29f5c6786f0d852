/**
 * How the task pane reads a number someone types, and what it tells them when it cannot. Digits
 * with a sign, a decimal point and an exponent; thousands grouped by commas or spaces (300,000 ·
 * 300 000); a trailing % in a percentage field. Anything else (1,5 · 12abc) is refused rather than
 * read as some other figure, and a refused value is never computed with.
 */

/** `null` for blank text, `undefined` for text that is not a number. */
export type Typed = number | null | undefined;

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const COMMAS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const SPACES = /^[+-]?\d{1,3}( \d{3})+(\.\d*)?$/;

/** Text with the look-alikes people paste folded in: non-breaking and thin spaces, the minus sign. */
const fold = (text: string) => text.replace(/[\u00a0\u2007\u2009\u202f]/g, " ").replace(/\u2212/g, "-").trim();

/** The digits of a typed number with any grouping taken out, or `undefined` when it is not one. */
function digits(text: string): string | undefined {
  if (PLAIN.test(text)) return text;
  if (COMMAS.test(text)) return text.replaceAll(",", "");
  if (SPACES.test(text)) return text.replaceAll(" ", "");
  return undefined;
}

/** A typed number: `300000`, `300,000`, `300 000`, `-2.5`, `1e3`. */
export function readNumber(text: string): Typed {
  const clean = fold(text);
  if (!clean) return null;
  const d = digits(clean);
  if (d === undefined) return undefined;
  const n = Number(d);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A typed percentage as the fraction it stands for: `27` and `27%` are both 0.27 (the field says
 * it is in per cent). The fraction is the one the decimal text gives, not 27 / 100 rounded twice.
 */
export function readPercent(text: string): Typed {
  const clean = fold(text).replace(/\s*%$/, "");
  if (!clean) return fold(text) ? undefined : null;
  const d = digits(clean);
  if (d === undefined) return undefined;
  const n = /e/i.test(d) ? Number(d) / 100 : Number(`${d}e-2`);
  return Number.isFinite(n) ? n : undefined;
}

/** What a number field accepts. */
export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Written after each figure in messages, such as `%`. */
  unit?: string;
  /** A value the field would take, shown in the message for text that is not a number. */
  example?: string;
  /** The message for a blank field; blank is allowed when absent. */
  required?: string;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
const show = (n: number, unit = "") => `${grouped.format(n).replace(/^-/, "\u2212")}${unit}`;

/** The allowed values in words: "from 0 to 100", "of 0 or more", "of 100 or less" (empty without limits). */
export function rangeText(rule: Pick<NumberRule, "min" | "max" | "unit">): string {
  if (rule.min !== undefined && rule.max !== undefined) return `from ${show(rule.min, rule.unit)} to ${show(rule.max, rule.unit)}`;
  if (rule.min !== undefined) return `of ${show(rule.min, rule.unit)} or more`;
  if (rule.max !== undefined) return `of ${show(rule.max, rule.unit)} or less`;
  return "";
}

/**
 * Why a field's value cannot be used, or `undefined` when it can. `NaN` stands for typed text that
 * is not a number; the message says what to type instead and, for a value out of range, the range.
 */
export function numberProblem(value: number | null, rule: NumberRule = {}): string | undefined {
  const range = rangeText(rule);
  const what = `${rule.integer ? "a whole number" : "a number"}${range ? ` ${range}` : ""}`;
  if (value === null) return rule.required;
  if (Number.isNaN(value)) return `Enter ${what}, e.g. ${rule.example ?? "1,250"}.`;
  const low = rule.min !== undefined && value < rule.min;
  if (low || (rule.max !== undefined && value > rule.max)) {
    return `Enter ${what}: ${show(value, rule.unit)} is ${low ? "below" : "above"} ${show(low ? rule.min! : rule.max!, rule.unit)}.`;
  }
  if (rule.integer && !Number.isInteger(value)) return `Enter ${what}.`;
  return undefined;
}
