/**
 * Account mapping between a vendor and a partner (or two partners), as people do it today by
 * swapping spreadsheets: which accounts are on both lists, and how the population splits by the
 * status each side has with the account.
 */
import { fail, guard } from "../error";
import { messages, where } from "../messages";
import { accountKey, isHashKey } from "./domain";
import { sha256 } from "./sha256";

/** Account statuses, most advanced first: when a list holds an account twice, the first of these wins. */
export const ACCOUNT_STATUSES = ["Customer", "Open opportunity", "Prospect"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * The words a status cell may hold, in any case, with spaces, hyphens or underscores between
 * words: the three statuses and a few words people use for them.
 */
export const STATUS_WORDS: Readonly<Record<string, AccountStatus>> = {
  customer: "Customer",
  client: "Customer",
  "open opportunity": "Open opportunity",
  opportunity: "Open opportunity",
  "open opp": "Open opportunity",
  opp: "Open opportunity",
  prospect: "Prospect",
};

const STATUS_OPTIONS = ["customer", "prospect", "open opportunity"] as const;

/** A status as its canonical word; `undefined` when the text is none of STATUS_WORDS. */
export function accountStatusOf(text: string): AccountStatus | undefined {
  return STATUS_WORDS[text.trim().toLowerCase().replace(/[\s_-]+/g, " ")];
}

/** One row of an account list: a domain, web or e-mail address, company name or PARTNER.HASH digest, and a status. */
export interface AccountRow {
  readonly account: string | null;
  readonly status: string | null;
}

/** An account on both lists: its key (domain, name key or digest) and each side's status. */
export interface AccountMatch {
  readonly account: string;
  readonly mine: AccountStatus;
  readonly theirs: AccountStatus;
}

export interface Overlap {
  /** counts[m][t]: accounts on both lists with my status ACCOUNT_STATUSES[m] and theirs ACCOUNT_STATUSES[t]. */
  readonly counts: number[][];
  /** The matches, sorted by account. */
  readonly matches: AccountMatch[];
}

export type Side = "mine" | "theirs";
/** Names a cell of a list (row `index`, 0-based; column 1 the account, 2 the status) for messages. */
export type AccountCellName = (side: Side, index: number, column: 1 | 2) => string;

const cellName: AccountCellName = (side, index, column) => where(side, { row: index + 1, column });

interface Entry {
  status: AccountStatus;
  /** The account as shown in the list of matches: its plain key, unless the list held only its digest. */
  shown: string;
  hashed: boolean;
}

const rank = (status: AccountStatus) => ACCOUNT_STATUSES.indexOf(status);

function entries(rows: readonly AccountRow[], side: Side, at: AccountCellName): Map<string, Entry> {
  const out = new Map<string, Entry>();
  rows.forEach((row, i) => {
    const key = row.account === null ? null : accountKey(row.account);
    if (key === null) return;
    const status = row.status === null ? undefined : accountStatusOf(row.status);
    if (status === undefined) fail("#VALUE!", messages.unknownOption(at(side, i, 2), row.status, STATUS_OPTIONS));
    const known = out.get(key);
    if (!known || rank(status) < rank(known.status)) out.set(key, { status, shown: key, hashed: isHashKey(key) });
  });
  return out;
}

/** The same list keyed by digests: plain keys hashed, entries that meet on one digest merged. */
function byDigest(list: Map<string, Entry>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [key, entry] of list) {
    const digest = entry.hashed ? key : sha256(key);
    const known = out.get(digest);
    if (!known) out.set(digest, entry);
    else
      out.set(digest, {
        status: rank(entry.status) < rank(known.status) ? entry.status : known.status,
        shown: known.hashed ? entry.shown : known.shown,
        hashed: known.hashed && entry.hashed,
      });
  }
  return out;
}

/**
 * `PARTNER.OVERLAP`: the accounts on both lists. Accounts are matched by `accountKey` (registrable
 * domain, name key, or a PARTNER.HASH digest as it is); when either list holds a digest, every
 * plain key is hashed too, so that a hashed list matches a plain one exactly as the plain lists
 * would match. Each distinct account counts once per list, with its most advanced status
 * (Customer, then Open opportunity, then Prospect). Rows with a blank account are skipped; a
 * status that is not one of STATUS_WORDS is a #VALUE! naming its cell.
 */
export const accountOverlap = guard((mine: readonly AccountRow[], theirs: readonly AccountRow[], at: AccountCellName = cellName): Overlap => {
  let left = entries(mine, "mine", at);
  let right = entries(theirs, "theirs", at);
  const anyHashed = (list: Map<string, Entry>) => [...list.values()].some((e) => e.hashed);
  if (anyHashed(left) || anyHashed(right)) {
    left = byDigest(left);
    right = byDigest(right);
  }
  const counts = ACCOUNT_STATUSES.map(() => ACCOUNT_STATUSES.map(() => 0));
  const matches: AccountMatch[] = [];
  const [small, large, smallIsMine] = left.size <= right.size ? [left, right, true] : [right, left, false];
  for (const [key, entry] of small) {
    const other = large.get(key);
    if (!other) continue;
    const [m, t] = smallIsMine ? [entry, other] : [other, entry];
    counts[rank(m.status)][rank(t.status)]++;
    matches.push({ account: m.hashed ? t.shown : m.shown, mine: m.status, theirs: t.status });
  }
  matches.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  return { counts, matches };
});

/** The corner cell of the matrix: rows are my statuses, columns theirs. */
export const OVERLAP_CORNER = "Mine \\ Theirs";
export const OVERLAP_LIST_COLUMNS = ["Account", "Mine", "Theirs"] as const;

/** PARTNER.OVERLAP's matrix: a header row and column of statuses around the counts. */
export function overlapMatrixTable(overlap: Overlap): (string | number)[][] {
  return [[OVERLAP_CORNER, ...ACCOUNT_STATUSES], ...ACCOUNT_STATUSES.map((status, m) => [status, ...overlap.counts[m]])];
}

/** PARTNER.OVERLAP's list: a header row, then one row per match. */
export function overlapListTable(overlap: Overlap): string[][] {
  return [[...OVERLAP_LIST_COLUMNS], ...overlap.matches.map((m) => [m.account, m.mine, m.theirs])];
}

/**
 * `PARTNER.HASH`: the SHA-256 digest (64 lower-case hexadecimal digits) of an account's key, so
 * that two firms can match lists without showing them in the clear. A digest is kept as it is
 * (lower case); a blank is `null`.
 */
export function accountHash(text: string): string | null {
  const key = accountKey(text);
  if (key === null) return null;
  return isHashKey(key) ? key : sha256(key);
}
