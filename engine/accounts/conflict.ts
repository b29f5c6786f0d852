/**
 * Channel conflict in deal registration: two partners holding protection on the same end-customer
 * account at the same time. A registered deal is protected from the day it is registered to its
 * ProtectedUntil day, both included; a deal without an end date is protected until further notice.
 */
import { fail, guard } from "../error";
import { MAX_DATE_SERIAL, serialText } from "../excel/date";
import { accountMessages, messages, where } from "../messages";
import { accountKey } from "./domain";

export interface RegisteredDeal {
  /** The end-customer account: an AccountId, domain or name (matched as PARTNER.OVERLAP matches accounts). */
  readonly account: string | null;
  readonly partner: string | null;
  /** Registration day (an Excel date serial); `null`: not registered, never in conflict. */
  readonly registered: number | null;
  /** Last protected day; `null`: protected without an end. */
  readonly protectedUntil: number | null;
}

/** Two deals of different partners protected on the same account on overlapping days. */
export interface DealConflict {
  readonly account: string;
  /** Positions of the two deals in the input (0-based), `row` < `otherRow`. */
  readonly row: number;
  readonly partner: string;
  readonly otherRow: number;
  readonly otherPartner: string;
  /** First and last day both are protected (whole date serials); `to` is `null` when neither protection ends. */
  readonly from: number;
  readonly to: number | null;
}

export type DealCellName = (arg: "registered" | "protected_until", index: number) => string;
const itemName: DealCellName = (arg, index) => where(arg, { item: index + 1 });

export interface ConflictOptions {
  readonly at?: DealCellName;
  /** Fail past this many pairs (a result too large to show). Default: no limit. */
  readonly maxPairs?: number;
}

/** A protection window in whole days; `end` Infinity when open. */
interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * The days two protection windows share, `null` when they share none. Symmetric: the windows'
 * order does not matter.
 */
export function sharedDays(a: Window, b: Window): Window | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start <= end ? { start, end } : null;
}

function day(value: number, at: string): number {
  if (!Number.isFinite(value) || value < 1 || value >= MAX_DATE_SERIAL + 1) fail("#VALUE!", messages.notDate(at, value));
  return Math.floor(value);
}

const partnerKey = (text: string) => text.trim().toLowerCase();

interface Active {
  readonly index: number;
  readonly end: number;
  readonly partner: string;
}

/** A binary min-heap of the active deals by last protected day. */
class ByEnd {
  private readonly items: Active[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Active {
    return this.items[0];
  }
  push(item: Active): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent].end <= a[i].end) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop(): Active {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].end < a[m].end) m = l;
        if (r < a.length && a[r].end < a[m].end) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * `PARTNER.CONFLICT`: every pair of registered deals on the same account, of different partners,
 * whose protection windows share at least one day, ordered by the first deal's position, then the
 * second's. Deals without a registration day, an account or a partner are left out; an end before
 * the registration is a #VALUE! naming its cell. Accounts are matched by `accountKey`, partners
 * by their text, case- and space-blind. The work grows with the number of deals (sorted per
 * account) and of pairs found, not with the square of the deals.
 */
export const dealConflicts = guard((deals: readonly RegisteredDeal[], options: ConflictOptions = {}): DealConflict[] => {
  const { at = itemName, maxPairs = Infinity } = options;
  const windows: (Window | null)[] = deals.map((deal, i) => {
    if (deal.registered === null) return null;
    const start = day(deal.registered, at("registered", i));
    if (deal.protectedUntil === null) return { start, end: Infinity };
    const end = day(deal.protectedUntil, at("protected_until", i));
    if (end < start) fail("#VALUE!", messages.endBeforeStart(at("protected_until", i), serialText(end), serialText(start)));
    return { start, end };
  });

  const byAccount = new Map<string, number[]>();
  deals.forEach((deal, i) => {
    if (!windows[i] || deal.partner === null || partnerKey(deal.partner) === "" || deal.account === null) return;
    const key = accountKey(deal.account);
    if (key === null) return;
    const list = byAccount.get(key);
    if (list) list.push(i);
    else byAccount.set(key, [i]);
  });

  const conflicts: DealConflict[] = [];
  for (const indices of byAccount.values()) {
    if (indices.length < 2) continue;
    indices.sort((a, b) => windows[a]!.start - windows[b]!.start || a - b);
    // Sweep by registration day: the deals still protected, by partner, and a heap to expire them.
    const heap = new ByEnd();
    const activeByPartner = new Map<string, Set<number>>();
    for (const i of indices) {
      const w = windows[i]!;
      while (heap.size && heap.peek().end < w.start) {
        const gone = heap.pop();
        const set = activeByPartner.get(gone.partner)!;
        set.delete(gone.index);
        if (!set.size) activeByPartner.delete(gone.partner);
      }
      const partner = partnerKey(deals[i].partner!);
      for (const [other, set] of activeByPartner) {
        if (other === partner) continue;
        for (const j of set) {
          const shared = sharedDays(w, windows[j]!)!;
          const [first, second] = j < i ? [j, i] : [i, j];
          conflicts.push({
            account: deals[first].account!.trim(),
            row: first,
            partner: deals[first].partner!.trim(),
            otherRow: second,
            otherPartner: deals[second].partner!.trim(),
            from: shared.start,
            to: Number.isFinite(shared.end) ? shared.end : null,
          });
          if (conflicts.length > maxPairs) fail("#VALUE!", accountMessages.tooManyConflicts("accounts", maxPairs));
        }
      }
      heap.push({ index: i, end: w.end, partner });
      const set = activeByPartner.get(partner);
      if (set) set.add(i);
      else activeByPartner.set(partner, new Set([i]));
    }
  }
  return conflicts.sort((a, b) => a.row - b.row || a.otherRow - b.otherRow);
});

export const CONFLICT_COLUMNS = ["Account", "Row", "Partner", "Other row", "Other partner", "From", "To"] as const;

/** PARTNER.CONFLICT's spill: a header row, then a row per pair, rows numbered from 1; an open end is `null`. */
export function conflictTable(conflicts: readonly DealConflict[]): (string | number | null)[][] {
  return [[...CONFLICT_COLUMNS], ...conflicts.map((c) => [c.account, c.row + 1, c.partner, c.otherRow + 1, c.otherPartner, c.from, c.to])];
}
