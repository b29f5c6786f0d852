/**
 * The joint value proposition (seed 001): a statement of how the vendor's and the partner's
 * combined offer helps the customer. A strong one gives a quantified benefit, says why it beats
 * the alternatives without hype or jargon, and is digestible within about five seconds. These are
 * the tests a machine can run on the words; whether it names a real customer problem is left to
 * the reader.
 */
import { fail, guard } from "../error";
import { planningMessages } from "../messages";

/** Silent reading of plain prose runs at about 240 words a minute: 4 words a second. */
export const WORDS_PER_SECOND = 4;
/** The seed's reading budget for a value proposition. */
export const READ_SECONDS = 5;

export const PROPOSITION_TESTS = ["Quantified benefit", "Differentiator", "Five-second read", "Plain words"] as const;
export type PropositionTestName = (typeof PROPOSITION_TESTS)[number];

export interface PropositionTest {
  readonly test: PropositionTestName;
  readonly passes: boolean;
  /** What was found, or what to add or cut. */
  readonly detail: string;
}

export interface PropositionCheck {
  readonly words: number;
  /** Reading time at WORDS_PER_SECOND. */
  readonly seconds: number;
  readonly tests: readonly PropositionTest[];
  /** What the statement lacks, as short phrases ("a quantified benefit"); empty when it passes every test. */
  readonly lacks: readonly string[];
}

/**
 * A figure: a number in digits, standing alone (not the 2 of "B2B"), with a currency sign before
 * or a unit after; a bare year is not a figure.
 */
const FIGURE =
  /(?<![\p{L}\p{N}])([$€£¥]\s?)?(\d+(?:[.,]\d+)*)(\s?(?:%|percent|per cent|[x×]|k|m|bn|million|billion|thousand|hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|seconds?)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/giu;
/** Multiples and fractions written as words. */
const FIGURE_WORDS = /\b(?:twice|double[sd]?|doubling|triple[sd]?|tripling|half|halve[sd]?|halving|(?:two|three|four|five|six|seven|eight|nine|ten)(?:fold|\s+times))\b/i;
/** Comparative wording: how the offer differs from the alternatives. */
const COMPARISON =
  /\b(?:than|unlike|versus|vs\b\.?|compared|instead of|only|first|no other|exclusive(?:ly)?|faster|quicker|sooner|cheaper|fewer|less|lower|higher|better|smaller|simpler|easier|safer|stronger|shorter|greater|more)\b/i;
/** Hype and jargon that say nothing concrete. */
const HYPE =
  /\b(?:world[- ]class|best[- ]in[- ]class|best[- ]of[- ]breed|cutting[- ]edge|leading[- ]edge|bleeding[- ]edge|state[- ]of[- ]the[- ]art|next[- ]gen(?:eration)?|revolutionary|game[- ]chang(?:ing|ers?)|disruptive|innovative|synerg(?:y|ies|istic)|seamless(?:ly)?|robust|holistic|paradigm(?:s)?|leverag(?:e|es|ing)|turnkey|unparalleled|unrivall?ed|(?:world|industry|market)[- ]leading|leading|mission[- ]critical|one[- ]stop[- ]shop|end[- ]to[- ]end|transformative|empower(?:s|ing)?)\b/gi;

function firstFigure(statement: string): string | null {
  for (const match of statement.matchAll(FIGURE)) {
    const [text, currency, digits, unit] = match;
    const year = /^\d{4}$/.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2099;
    if (year && !currency && !unit) continue;
    return text.trim();
  }
  return statement.match(FIGURE_WORDS)?.[0] ?? null;
}

const quote = (text: string) => `"${text}"`;
const readingTime = (words: number, seconds: number) => `${words} word${words === 1 ? "" : "s"}, about ${Number(seconds.toFixed(1))} s`;

/**
 * `PARTNER.JVP.CHECK`: the statement's words against the seed's tests — a quantified benefit (a
 * figure such as 30%, $2M, 3x, 48 hours, or twice/half), a differentiator (comparative wording:
 * than, unlike, only, first, faster, fewer…), read in about five seconds (words ÷ 4 per second),
 * and plain words (no hype such as world-class or synergy). A blank statement is #N/A.
 */
export const checkProposition = guard((statement: string): PropositionCheck => {
  const text = statement.trim();
  if (text === "") fail("#N/A", planningMessages.noStatement("statement"));
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const seconds = words / WORDS_PER_SECOND;
  const figure = firstFigure(text);
  const comparison = text.match(COMPARISON)?.[0] ?? null;
  const hype = [...new Set([...text.matchAll(HYPE)].map((m) => m[0].toLowerCase()))];
  const fits = seconds <= READ_SECONDS;
  const maxWords = READ_SECONDS * WORDS_PER_SECOND;
  const reading = readingTime(words, seconds);
  const tests: PropositionTest[] = [
    {
      test: "Quantified benefit",
      passes: figure !== null,
      detail: figure !== null ? `figure: ${quote(figure)}` : "no figure: say how much the customer gains (a number, percentage, amount or time)",
    },
    {
      test: "Differentiator",
      passes: comparison !== null,
      detail: comparison !== null ? `comparison: ${quote(comparison)}` : "no comparison: say why this beats the alternatives (than, unlike, only, faster…)",
    },
    {
      test: "Five-second read",
      passes: fits,
      detail: fits ? reading : `${reading}: cut to about ${maxWords} words`,
    },
    {
      test: "Plain words",
      passes: hype.length === 0,
      detail: hype.length === 0 ? "no hype or jargon found" : `hype: ${hype.map(quote).join(", ")}`,
    },
  ];
  const lacks: string[] = [];
  if (figure === null) lacks.push("a quantified benefit");
  if (comparison === null) lacks.push("a differentiator");
  if (!fits) lacks.push(`brevity (${reading} to read)`);
  if (hype.length) lacks.push(`plain words (drop ${hype.map(quote).join(", ")})`);
  return { words, seconds, tests, lacks };
});

/** The check in one sentence: what the statement lacks, or that it passes. */
export function propositionVerdict(check: PropositionCheck): string {
  const { lacks } = check;
  if (lacks.length === 0) return `OK: ${readingTime(check.words, check.seconds)} to read`;
  const listed = lacks.length === 1 ? lacks[0] : `${lacks.slice(0, -1).join(", ")} and ${lacks[lacks.length - 1]}`;
  return `Lacks ${listed}`;
}

/** The check as PARTNER.JVP.CHECK spills it in detail: a header row, then a row per test. */
export function propositionTable(check: PropositionCheck): (string | boolean)[][] {
  return [["Test", "Passes", "Detail"], ...check.tests.map((t) => [t.test, t.passes, t.detail])];
}
