/**
 * Matching a partner name as another system spells it ("ACME Corp.", "Acme Corporation Ltd") to
 * the partner list: names are compared after normalisation (case, accents, punctuation, spacing
 * and legal-form suffixes such as Inc, Ltd, LLC, GmbH, AG, S.A., SAS, BV are ignored), and names
 * that are not the same are scored by Jaro–Winkler similarity (0 = nothing in common, 1 = equal).
 */
import { EngineError } from "../error";
import { memoText } from "../memo";

/** Legal-form words left out of a name before comparing (after normalisation: lower case, no punctuation). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc",
  "gmbh", "ag", "kg", "mbh", "ug", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj",
  "pty", "pvt", "pte", "kk", "sl", "slu", "se", "aps", "sp", "zoo",
]);

/** Below this Jaro–Winkler similarity a name is not suggested as a match. */
export const MATCH_THRESHOLD = 0.88;

/**
 * A name as it is compared: lower case, accents removed, `&` read as "and", punctuation and runs
 * of spaces made single spaces, and legal-form words at the end left out ("Acme Pty. Ltd." →
 * "acme"; `dropLegalForm` false keeps them). Dotted abbreviations count as one word ("S.A." → "sa").
 */
export function normaliseName(name: string, dropLegalForm = true): string {
  // A partner list is compared again for every name looked up in it: each name is worked out once.
  return dropLegalForm ? bareName(name) : fullName(name);
}

const fullName = memoText((name) => normalise(name, false));
const bareName = memoText((name) => normalise(name, true));

function normalise(name: string, dropLegalForm: boolean): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\b([a-z])\.(?=[a-z]\.?)/g, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  // Suffixes come off the end only ("AG Solutions" keeps its AG), and never the whole name.
  while (dropLegalForm && words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(" ");
}

/** Jaro similarity of two strings (0–1). */
function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro–Winkler similarity (0–1) of two names after normaliseName: Jaro's count of matching
 * characters near the same place, raised for a common start of up to 4 characters (scale 0.1).
 */
export function nameSimilarity(a: string, b: string, dropLegalForm = true): number {
  const x = normaliseName(a, dropLegalForm);
  const y = normaliseName(b, dropLegalForm);
  const j = jaro(x, y);
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

export interface NameCandidate {
  /** The index of the name in the list. */
  index: number;
  similarity: number;
}

/**
 * The names of `names` most like `name`, best first: every one at or above `threshold`, at most
 * `limit`. A name equal after normalisation scores 1; among equal scores, the name whose legal
 * form is alike too comes first, then the earlier in the list.
 */
export function similarNames(name: string, names: readonly string[], threshold = MATCH_THRESHOLD, limit = 3): NameCandidate[] {
  const found: (NameCandidate & { full: number })[] = [];
  for (let index = 0; index < names.length; index++) {
    const similarity = nameSimilarity(name, names[index]);
    if (similarity >= threshold) found.push({ index, similarity, full: nameSimilarity(name, names[index], false) });
  }
  // Names alike but for their legal form: the one whose legal form is alike too comes first.
  return found
    .sort((p, q) => q.similarity - p.similarity || q.full - p.full || p.index - q.index)
    .slice(0, limit)
    .map(({ index, similarity }) => ({ index, similarity }));
}

/**
 * The id of the partner called `name`: the one whose name is the same after normalisation, or
 * else the most similar at or above `threshold` (ties: the first in the list); #N/A when none is.
 */
export function matchPartner(name: string, names: readonly string[], ids: readonly string[], threshold = MATCH_THRESHOLD): string | EngineError {
  if (names.length !== ids.length) return new EngineError("#VALUE!", `names and ids must be the same size (${names.length} names, ${ids.length} ids)`);
  if (!(threshold >= 0 && threshold <= 1)) return new EngineError("#VALUE!", "threshold must be between 0 and 1");
  const target = normaliseName(name);
  if (!target) return new EngineError("#N/A", "the name is blank");
  // The same name with its legal form first ("Cedar Solutions BV" is not "Cedar Solutions Ltd"), then without.
  const full = normaliseName(name, false);
  const exact = names.findIndex((n) => normaliseName(n, false) === full);
  if (exact >= 0) return ids[exact];
  const named = names.findIndex((n) => normaliseName(n) === target);
  if (named >= 0) return ids[named];
  const best = similarNames(name, names, threshold, 1)[0];
  return best ? ids[best.index] : new EngineError("#N/A", `no partner name is like "${name}"`);
}
