/* Joint account planning: PARTNER.OVERLAP, PARTNER.HASH, PARTNER.CONFLICT, PARTNER.LEADAGE, PARTNER.ATTRIB. */
import {
  type AccountRow,
  CONFLICT_COLUMNS,
  accountHash,
  accountOverlap,
  attribution,
  attributionTable,
  conflictTable,
  dealConflicts,
  leadStates,
  overlapListTable,
  overlapMatrixTable,
} from "../../engine/accounts";
import { EngineError, isEngineError } from "../../engine/error";
import { cellAt } from "../../engine/input";
import { accountMessages, messages } from "../../engine/messages";
import { MAX_SPILL_CELLS, type ReadContext, blankCells, excelFunction, labelOf, read, spillLike } from "./excel";

const fail = (message: string) => new EngineError("#VALUE!", message);

/** Names cell `index` of argument `arg` as the user sees it: `sent (row 3)`. */
const cellOf = (context: ReadContext) => (arg: string, index: number) => cellAt(arg, context.grid(arg), index);

/** Fails unless every named argument has as many cells as `like`. */
function sameCounts(like: string, n: number, lists: Record<string, readonly unknown[] | null>): EngineError | null {
  for (const [name, list] of Object.entries(lists)) if (list && list.length !== n) return fail(messages.sameCount(name, like, n, list.length));
  return null;
}

const accountList = read.labelRows(2, accountMessages.twoColumns);
const toRows = (rows: (string | null)[][]): AccountRow[] => rows.map(([account, status]) => ({ account, status }));

const OVERLAP = excelFunction({ mine: accountList, theirs: accountList, mode: read.option(["matrix", "list"] as const, "matrix") }, (a, context) => {
  const grid = (side: "mine" | "theirs") => context.grid(side);
  const result = accountOverlap(toRows(a.mine), toRows(a.theirs), (side, index, column) => cellAt(side, grid(side), index * 2 + column - 1));
  if (isEngineError(result)) return result;
  return a.mode === "list" ? overlapListTable(result) : overlapMatrixTable(result);
});

const HASH = excelFunction({ domain: read.cells() }, (a) => {
  const cells = a.domain!;
  const size = cells.length * (cells[0]?.length ?? 0);
  if (size === 0) return fail(messages.required("domain"));
  // Refused before hashing rather than after: a digest per cell of a huge range takes seconds.
  if (size > MAX_SPILL_CELLS) return fail(messages.spillTooLarge(cells.length, cells[0].length, MAX_SPILL_CELLS));
  // A list often names an account on several rows: each distinct value is hashed once.
  const digests = new Map<string, string>();
  const digestOf = (text: string) => {
    let digest = digests.get(text);
    if (digest === undefined) digests.set(text, (digest = accountHash(text) ?? ""));
    return digest;
  };
  return cells.map((row) => row.map((cell) => digestOf(labelOf(cell) ?? "")));
});

/** Conflicting pairs that fit in a spill beside the header row. */
const MAX_CONFLICTS = Math.floor(MAX_SPILL_CELLS / CONFLICT_COLUMNS.length) - 1;

const CONFLICT = excelFunction(
  { accounts: read.labels(), partners: read.labels(), registered: read.dates(), protected_until: read.dates() },
  (a, context) => {
    const n = a.accounts.length;
    const mismatch = sameCounts("accounts", n, { partners: a.partners, registered: a.registered, protected_until: a.protected_until });
    if (mismatch) return mismatch;
    const at = cellOf(context);
    const deals = a.accounts.map((account, i) => ({ account, partner: a.partners[i], registered: a.registered[i], protectedUntil: a.protected_until[i] }));
    const conflicts = dealConflicts(deals, { at, maxPairs: MAX_CONFLICTS });
    return isEngineError(conflicts) ? conflicts : blankCells(conflictTable(conflicts));
  },
);

const LEADAGE = excelFunction(
  { sent: read.dates(), accepted: read.dates(), sla_days: read.numbers(), as_of: read.date({ optional: true }) },
  (a, context) => {
    const n = a.sent.length;
    if (n === 0) return fail(messages.required("sent"));
    const mismatch = sameCounts("sent", n, { accepted: a.accepted });
    if (mismatch) return mismatch;
    const slas = a.sla_days;
    if (slas.length !== 1 && slas.length !== n) return fail(messages.sameCountOrOne("sla_days", "sent", n, slas.length));
    const cell = cellOf(context);
    const leads = a.sent.map((sent, i) => ({ sent, accepted: a.accepted[i], slaDays: slas.length === 1 ? slas[0] : slas[i] }));
    const at = (arg: "sent" | "accepted" | "sla_days", i: number) => (arg === "sla_days" && slas.length === 1 ? "sla_days" : cell(arg, i));
    const states = leadStates(leads, a.as_of, { at });
    return isEngineError(states) ? states : spillLike(states.map((s) => s ?? ""), context.grid("sent"));
  },
);

const ATTRIB = excelFunction({ amounts: read.numbers(), sources: read.labels(), outcomes: read.optional(read.labels()) }, (a, context) => {
  const n = a.amounts.length;
  const mismatch = sameCounts("amounts", n, { sources: a.sources, outcomes: a.outcomes });
  if (mismatch) return mismatch;
  const deals = a.amounts.map((amount, i) => ({ amount, source: a.sources[i], outcome: a.outcomes ? a.outcomes[i] : undefined }));
  const lines = attribution(deals, cellOf(context));
  return isEngineError(lines) ? lines : blankCells(attributionTable(lines));
});

/**
 * Account mapping: which accounts are on both lists, by each side's status (customer, open opportunity, prospect). Accounts match by registrable domain (case, www., subdomains, paths and e-mail user names ignored), by company name, or by PARTNER.HASH digest. Spills a 4×4 matrix of counts (rows: my status, columns: theirs) or, with mode "list", the matches.
 * @customfunction OVERLAP
 * @param mine My account list: 2 columns, domain (or web or e-mail address, name, digest) and status: customer, prospect or open opportunity.
 * @param theirs Their account list, in the same 2 columns.
 * @param [mode] "matrix" (default): counts by status; "list": one row per account on both lists.
 * @returns The overlap matrix, or Account, Mine, Theirs per match.
 */
export function overlap(mine: any[][], theirs: any[][], mode?: any): any[][] {
  return OVERLAP({ mine, theirs, mode });
}

/**
 * SHA-256 of an account's normalised domain (or name), as 64 lower-case hexadecimal digits, so that two firms can match account lists with PARTNER.OVERLAP without showing them in the clear. Give a range to get one digest per cell; blank cells stay blank.
 * @customfunction HASH
 * @param domain A domain, web or e-mail address, or company name; or a range of them.
 * @returns The digest of each value.
 */
export function hash(domain: any[][]): any[][] {
  return HASH({ domain });
}

/**
 * Channel conflict between registered deals: every pair of deals on the same account, of different partners, whose protection windows (registered to protected until, both days included) overlap. Spills Account, Row, Partner, Other row, Other partner, From, To (the days both are protected), one row per pair; only the header when there is none.
 * @customfunction CONFLICT
 * @param accounts The end-customer account of each deal (AccountId, domain or name).
 * @param partners The partner that registered each deal.
 * @param registered Day each deal was registered; blank: not registered.
 * @param protected_until Last day of each deal's protection; blank: no end.
 * @returns One row per conflicting pair; rows are positions within the ranges, from 1.
 */
export function conflict(accounts: any[][], partners: any[][], registered: any[][], protected_until: any[][]): any[][] {
  return CONFLICT({ accounts, partners, registered, protected_until });
}

/**
 * Each lead's state against its service-level agreement: On time (accepted within sla_days of being sent), Accepted late, Overdue (not accepted, more than sla_days since sent) or Open (not accepted, still within the SLA). Whole days; a lead without a sent date is blank.
 * @customfunction LEADAGE
 * @param sent Day each lead was sent to the partner.
 * @param accepted Day each lead was accepted; blank while not accepted.
 * @param sla_days Days allowed to accept: one number for all leads, or one per lead (blank = 0, the same day).
 * @param [as_of] Day to judge open leads on. Default today.
 * @returns One state per lead.
 */
export function leadAge(sent: any[][], accepted: any[][], sla_days: any[][], as_of?: any): any[][] {
  return LEADAGE({ sent, accepted, sla_days, as_of });
}

/**
 * Attribution of won revenue: the amounts won from partner-sourced, partner-influenced and vendor deals, each one's share, and the total. With outcomes, only deals whose outcome is Won count; without, every amount is won revenue.
 * @customfunction ATTRIB
 * @param amounts Amount of each deal (blank = 0).
 * @param sources Source of each deal: partner-sourced, partner-influenced or vendor (blank = vendor).
 * @param [outcomes] Outcome of each deal: Won counts; Open, Lost or blank do not.
 * @returns Source, Won revenue, Share for each source, then Total.
 */
export function attrib(amounts: any[][], sources: any[][], outcomes?: any[][]): any[][] {
  return ATTRIB({ amounts, sources, outcomes });
}
