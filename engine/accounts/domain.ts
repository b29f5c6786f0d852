/**
 * Account keys for matching account lists: a web address, an e-mail address or a domain reduces
 * to its registrable domain (`https://eu.shop.acme.co.uk/about` → `acme.co.uk`); anything else
 * is a company name, matched case- and punctuation-blind (`Acme, Inc.` → `acme inc`).
 *
 * The registrable domain is the label just under a public suffix. The full Public Suffix List
 * (npm `tldts`: 138 KB minified; its ICANN half `tldts-icann`: 85 KB) would double or triple
 * functions.js (84 KB) for suffixes account lists almost never hold, so a built-in list of the
 * common multi-part ICANN suffixes is used instead (`MULTI_PART_SUFFIXES`): country domains that
 * register under a second level (`co.uk`, `com.au`, `co.jp`, `com.br`…). Any other domain's suffix
 * is its last label (`.com`, `.de`, `.io`). Private suffixes of the full list (`github.io`,
 * `herokuapp.com`) are not suffixes here: `a.github.io` and `b.github.io` are both `github.io`.
 */

/**
 * Second-level labels under which a country domain registers names, by top-level domain (the
 * ICANN section of the Public Suffix List, the commonly used entries). `eu.shop.acme.co.uk` →
 * `acme.co.uk` because `co.uk` is listed; `acme.co.de` → `co.de` because `co` is not listed for `de`.
 */
export const MULTI_PART_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  ae: ["ac", "co", "gov", "net", "org", "sch"],
  ar: ["com", "edu", "gob", "gov", "int", "net", "org"],
  at: ["ac", "co", "gv", "or"],
  au: ["asn", "com", "edu", "gov", "id", "net", "org"],
  bd: ["ac", "com", "edu", "gov", "net", "org"],
  br: ["adv", "art", "com", "edu", "eng", "gov", "ind", "inf", "net", "org", "tur"],
  cn: ["ac", "com", "edu", "gov", "net", "org"],
  co: ["com", "edu", "gov", "net", "nom", "org"],
  cy: ["ac", "com", "gov", "net", "org"],
  ec: ["com", "edu", "gob", "gov", "net", "org"],
  eg: ["com", "edu", "gov", "net", "org"],
  es: ["com", "edu", "gob", "nom", "org"],
  fj: ["ac", "com", "gov", "org"],
  gh: ["com", "edu", "gov", "org"],
  gr: ["com", "edu", "gov", "net", "org"],
  hk: ["com", "edu", "gov", "idv", "net", "org"],
  id: ["ac", "biz", "co", "go", "my", "net", "or", "web"],
  il: ["ac", "co", "gov", "muni", "net", "org"],
  in: ["ac", "co", "edu", "firm", "gen", "gov", "ind", "net", "org", "res"],
  jp: ["ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"],
  ke: ["ac", "co", "go", "ne", "or"],
  kr: ["ac", "co", "go", "ne", "or", "re"],
  kw: ["com", "edu", "gov", "net", "org"],
  lk: ["ac", "com", "edu", "gov", "org"],
  mt: ["com", "edu", "gov", "net", "org"],
  mx: ["com", "edu", "gob", "net", "org"],
  my: ["com", "edu", "gov", "net", "org"],
  ng: ["com", "edu", "gov", "net", "org"],
  np: ["com", "edu", "gov", "net", "org"],
  nz: ["ac", "co", "geek", "gen", "govt", "iwi", "maori", "net", "org", "school"],
  om: ["co", "com", "edu", "gov", "net", "org"],
  pe: ["com", "edu", "gob", "net", "nom", "org"],
  ph: ["com", "edu", "gov", "net", "org"],
  pk: ["com", "edu", "gov", "net", "org"],
  pt: ["com", "edu", "gov", "org"],
  qa: ["com", "edu", "gov", "net", "org"],
  sa: ["com", "edu", "gov", "med", "net", "org", "sch"],
  sg: ["com", "edu", "gov", "net", "org", "per"],
  th: ["ac", "co", "go", "in", "mi", "net", "or"],
  tr: ["av", "bel", "biz", "com", "edu", "gen", "gov", "info", "k12", "net", "org", "web"],
  tw: ["club", "com", "ebiz", "edu", "game", "gov", "idv", "net", "org"],
  ua: ["com", "edu", "gov", "in", "net", "org"],
  uk: ["ac", "co", "gov", "ltd", "me", "net", "nhs", "org", "plc", "police", "sch"],
  uy: ["com", "edu", "gub", "net", "org"],
  ve: ["co", "com", "edu", "gob", "net", "org", "web"],
  vn: ["ac", "biz", "com", "edu", "gov", "info", "net", "org"],
  za: ["ac", "co", "edu", "gov", "law", "net", "nom", "org", "school", "web"],
};

const SECOND_LEVEL = new Set(Object.entries(MULTI_PART_SUFFIXES).flatMap(([tld, labels]) => labels.map((l) => `${l}.${tld}`)));

/** A domain label: letters (any script), digits and inner hyphens. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
/** A top-level domain has a letter (an IP address or a decimal number is not a domain). */
const TOP_LEVEL = /\p{L}/u;
/** 64 hexadecimal digits: an account key already hashed with PARTNER.HASH. */
const HASH = /^[0-9a-f]{64}$/i;

/** Is the text a SHA-256 digest (64 hexadecimal digits, either case), taken as an already-hashed key? */
export const isHashKey = (text: string): boolean => HASH.test(text);

/**
 * The host name of a web address, e-mail address or bare domain, lower case, without scheme,
 * user, port, path, query, fragment or trailing dot; `null` when the text is no host name (a
 * company name, a number, an IP address).
 */
export function hostOf(text: string): string | null {
  let s = text.trim().toLowerCase();
  if (s.startsWith("mailto:")) s = s.slice(7);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\/\//, "");
  const end = s.search(/[/?#\s]/);
  if (end >= 0) {
    // A space before any slash is a name with spaces ("acme co.uk ltd"), not an address with a path.
    if (/\s/.test(s[end]) && s.slice(end).trim() !== "") return null;
    s = s.slice(0, end);
  }
  const at = s.lastIndexOf("@");
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/:\d*$/, "").replace(/\.+$/, "");
  const labels = s.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l)) || !TOP_LEVEL.test(labels[labels.length - 1])) return null;
  return s;
}

/**
 * The registrable domain of a host name: its last two labels, or three under a listed
 * multi-part suffix (`eu.shop.acme.co.uk` → `acme.co.uk`). A host that is itself a suffix
 * (`co.uk`) stays as it is.
 */
export function registrableDomain(host: string): string {
  const labels = host.split(".");
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels.slice(-2).join(".")) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** The registrable domain of a web address, e-mail address or domain; `null` when there is none. */
export function normaliseDomain(text: string): string | null {
  const host = hostOf(text);
  return host === null ? null : registrableDomain(host);
}

/** A company name compared case- and punctuation-blind: letters and digits, single spaces. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The key an account is matched by: a SHA-256 digest as it is (lower case); a web address, e-mail
 * address or domain as its registrable domain; anything else as a name key. `null` for a blank
 * (or a name of punctuation only). Domain keys hold dots and name keys never do, so the two
 * never collide.
 */
export function accountKey(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (isHashKey(trimmed)) return trimmed.toLowerCase();
  const domain = normaliseDomain(trimmed);
  if (domain !== null) return domain;
  return nameKey(trimmed) || null;
}
