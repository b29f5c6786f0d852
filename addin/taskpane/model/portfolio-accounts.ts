/**
 * Account planning across the network: who gets the credit for the revenue won in a period
 * (partner-sourced, partner-influenced, the vendor's own) by region and by partner, the leads
 * partners have not answered within their SLA, and the channel conflicts between registered
 * deals. The credit is the engine's `attribution` (PARTNER.ATTRIB), the lead states its
 * `leadStates` (PARTNER.LEADAGE) and the conflicts its `dealConflicts` (PARTNER.CONFLICT); this
 * module only picks the rows and groups them.
 *
 * Won revenue of a period: the Deals with Outcome Won and a Closed date inside it, credited by
 * their Source (blank: Vendor), grouped by the region of the partner that holds the deal.
 */
import { type DealConflict, type DealSource, type LeadState, accountKey, attribution, dealConflicts, leadStates } from "../../../engine/accounts";
import { isEngineError } from "../../../engine/error";
import { serialParts } from "../../../engine/excel/date";
import { periodDates } from "../../../engine/plan/period";
import type { DealRecord, LeadRecord, PartnerData } from "../../workbook/records";
import { NO_REGION } from "./portfolio-funds";

export { NO_REGION };

/**
 * Days a partner has to accept a lead when its row has no FollowUpBy date. Five working-week days
 * is a common lead-acceptance window in partner programmes (and what the sample's FollowUpBy gives).
 */
export const DEFAULT_LEAD_SLA_DAYS = 5;
/** Partners listed by the credit they earned; the rest are in the totals. */
export const TOP_PARTNERS = 10;

/** Won revenue of a group by who is credited with it. */
export interface CreditGroup {
  key: string;
  sourced: number;
  influenced: number;
  vendor: number;
  /** All the group's won revenue. */
  won: number;
  /** (sourced + influenced) ÷ won: the share the partners are credited with; `null` when nothing was won. */
  partnerShare: number | null;
  /** Won deals counted. */
  deals: number;
}

export interface PartnerCredit extends CreditGroup {
  partnerId: string;
  name: string;
}

/** A won deal left out because its Source or Amount does not read (the engine's message). */
export interface UnreadDeal {
  partnerId: string;
  dealId: string;
  message: string;
}

export interface CreditPortfolio {
  period: string;
  total: CreditGroup;
  byRegion: CreditGroup[];
  /** Partners with won revenue in the period, most credit (sourced + influenced) first. */
  byPartner: PartnerCredit[];
  unread: UnreadDeal[];
}

const isWon = (d: DealRecord) => (d.outcome ?? "").trim().toLowerCase() === "won";

/**
 * The periods the card can show: each calendar year with a won deal ("FY2026"), followed by its
 * quarters with a won deal ("2026-Q4" … "2026-Q1"), latest year first.
 */
export function creditPeriods(data: PartnerData): string[] {
  const quarters = new Map<number, Set<number>>();
  for (const d of data.deals) {
    if (!isWon(d) || d.closed === null || !Number.isFinite(d.closed) || d.closed < 1) continue;
    const { year, month } = serialParts(Math.floor(d.closed));
    const set = quarters.get(year) ?? new Set<number>();
    set.add(Math.ceil(month / 3));
    quarters.set(year, set);
  }
  return [...quarters.keys()]
    .sort((a, b) => b - a)
    .flatMap((y) => [
      `FY${y}`,
      ...[...quarters.get(y)!]
        .sort((a, b) => b - a)
        .map((q) => `${y}-Q${q}`),
    ]);
}

/** The period the card opens on: the year of `today` when it has won deals, else the latest year with some. */
export function defaultCreditPeriod(periods: readonly string[], today: number): string | undefined {
  const year = `FY${serialParts(Math.floor(today)).year}`;
  return periods.includes(year) ? year : periods[0];
}

function group(key: string, deals: readonly DealRecord[]): CreditGroup {
  const lines = attribution(deals.map((d) => ({ amount: d.amount, source: d.source })));
  // Deals reach here only once each has read on its own, so the group reads too.
  if (isEngineError(lines)) throw new Error(lines.message);
  const of = (s: DealSource | "Total") => lines.find((l) => l.source === s)!.amount;
  const won = of("Total");
  const sourced = of("Partner-sourced");
  const influenced = of("Partner-influenced");
  return { key, sourced, influenced, vendor: of("Vendor"), won, partnerShare: won > 0 ? (sourced + influenced) / won : null, deals: deals.length };
}

/** Won revenue of `period` by who is credited with it: in total, by the partners' regions and by partner. */
export function creditPortfolio(data: PartnerData, period: string): CreditPortfolio | null {
  const span = periodDates(period);
  if (!span) return null;
  const unread: UnreadDeal[] = [];
  const byRegion = new Map<string, { name: string; deals: DealRecord[] }>();
  const byPartner = new Map<string, DealRecord[]>();
  const all: DealRecord[] = [];
  for (const d of data.deals) {
    if (!isWon(d) || d.closed === null || d.closed < span.start || d.closed >= span.end + 1) continue;
    const alone = attribution([{ amount: d.amount, source: d.source }], (arg) => `${arg === "amounts" ? "Amount" : "Source"} of deal ${d.dealId}`);
    if (isEngineError(alone)) {
      unread.push({ partnerId: d.partnerId, dealId: d.dealId, message: alone.message });
      continue;
    }
    all.push(d);
    const partner = data.partner(d.partnerId);
    const region = partner?.region?.trim() || NO_REGION;
    // Regions in any case are one region, shown as first written.
    const inRegion = byRegion.get(region.toLowerCase());
    if (inRegion) inRegion.deals.push(d);
    else byRegion.set(region.toLowerCase(), { name: region, deals: [d] });
    const id = partner?.id ?? d.partnerId;
    const list = byPartner.get(id);
    if (list) list.push(d);
    else byPartner.set(id, [d]);
  }
  const regions = [...byRegion.values()].map((r) => group(r.name, r.deals)).sort((a, b) => (a.key === NO_REGION ? 1 : b.key === NO_REGION ? -1 : a.key.localeCompare(b.key)));
  const partners = [...byPartner]
    .map(([id, deals]) => ({ ...group(id, deals), partnerId: id, name: data.partner(id)?.name ?? id }))
    .sort((a, b) => b.sourced + b.influenced - (a.sourced + a.influenced) || b.won - a.won || a.partnerId.localeCompare(b.partnerId));
  return { period, total: group("Total", all), byRegion: regions, byPartner: partners, unread };
}

/** A lead not answered within its SLA. */
export interface LateLead {
  leadId: string;
  partnerId: string;
  name: string;
  accountId: string | null;
  account: string | null;
  sent: number;
  /** The day it was due for acceptance: FollowUpBy, else Sent + DEFAULT_LEAD_SLA_DAYS. */
  due: number;
  /** Whole days past `due` on the day counted. */
  daysLate: number;
}

export interface LeadFollowUp {
  /** Leads with a state (sent), by the engine's state; Rejected leads count as answered, not here. */
  counts: Record<LeadState, number>;
  /** The Overdue leads, longest overdue first. */
  late: LateLead[];
  /** Per partner with overdue leads: how many and the longest, most leads first. */
  byPartner: { partnerId: string; name: string; count: number; longest: number }[];
  /** Leads left out because their dates do not read (the engine's message), with their ids. */
  unread: { leadId: string; message: string }[];
  /** How many leads took the default SLA (no FollowUpBy). */
  defaulted: number;
}

const answered = (l: LeadRecord) => (l.outcome ?? "").trim().toLowerCase() === "rejected";

/** The SLA days of a lead: FollowUpBy − Sent when both are there (never below 0), else the default. */
export function slaDaysOf(lead: Pick<LeadRecord, "sent" | "followUpBy">): number {
  if (lead.sent === null || lead.followUpBy === null) return DEFAULT_LEAD_SLA_DAYS;
  return Math.max(0, Math.floor(lead.followUpBy) - Math.floor(lead.sent));
}

/**
 * Every lead's state on `today` (PARTNER.LEADAGE with each lead's own SLA), and those past it
 * without an acceptance. A rejected lead was answered: it is not overdue.
 */
export function leadFollowUp(data: PartnerData, today: number): LeadFollowUp {
  const counts: Record<LeadState, number> = { "On time": 0, "Accepted late": 0, Overdue: 0, Open: 0 };
  const late: LateLead[] = [];
  const unread: LeadFollowUp["unread"] = [];
  let defaulted = 0;
  for (const lead of data.leads) {
    if (answered(lead) || lead.sent === null) continue;
    const sla = slaDaysOf(lead);
    const state = leadStates([{ sent: lead.sent, accepted: lead.accepted, slaDays: sla }], today);
    if (isEngineError(state)) {
      unread.push({ leadId: lead.leadId, message: state.message });
      continue;
    }
    if (lead.followUpBy === null) defaulted++;
    const s = state[0];
    if (s === null) continue;
    counts[s]++;
    if (s !== "Overdue") continue;
    const sent = Math.floor(lead.sent);
    const account = lead.accountId ? data.account(lead.accountId) : undefined;
    late.push({
      leadId: lead.leadId,
      partnerId: lead.partnerId,
      name: data.partner(lead.partnerId)?.name ?? lead.partnerId,
      accountId: lead.accountId,
      account: account?.name ?? lead.accountId,
      sent,
      due: sent + sla,
      daysLate: Math.floor(today) - (sent + sla),
    });
  }
  late.sort((a, b) => b.daysLate - a.daysLate || a.leadId.localeCompare(b.leadId));
  const per = new Map<string, LeadFollowUp["byPartner"][number]>();
  for (const l of late) {
    const key = l.partnerId.toLowerCase();
    const p = per.get(key);
    if (p) {
      p.count++;
      p.longest = Math.max(p.longest, l.daysLate);
    } else per.set(key, { partnerId: l.partnerId, name: l.name, count: 1, longest: l.daysLate });
  }
  const byPartner = [...per.values()].sort((a, b) => b.count - a.count || b.longest - a.longest || a.partnerId.localeCompare(b.partnerId));
  return { counts, late, byPartner, unread, defaulted };
}

/** One side of a channel conflict: a partner's registered deal. */
export interface ConflictSide {
  partnerId: string;
  name: string;
  dealId: string;
  registered: number;
  protectedUntil: number | null;
}

/** Two partners' registrations protecting the same account on the same days. */
export interface AccountConflict {
  accountId: string;
  account: string;
  first: ConflictSide;
  second: ConflictSide;
  /** First and last day both are protected; `to` is `null` when neither protection ends. */
  from: number;
  to: number | null;
  /** Whether the shared days reach `today` or later (still to resolve now). */
  current: boolean;
}

/**
 * The Deals table's channel conflicts (PARTNER.CONFLICT over AccountId, PartnerId, Registered and
 * ProtectedUntil), the ones still running first, then the latest. An engine error (a protection
 * ending before its registration) comes back as its message.
 */
export function accountConflicts(data: PartnerData, today: number): { conflicts: AccountConflict[]; error: string | null } {
  const deals = data.deals;
  const found = dealConflicts(deals.map((d) => ({ account: d.accountId, partner: d.partnerId, registered: d.registered, protectedUntil: d.protectedUntil })));
  if (isEngineError(found)) return { conflicts: [], error: found.message };
  const side = (row: number): ConflictSide => {
    const d = deals[row];
    return { partnerId: d.partnerId, name: data.partner(d.partnerId)?.name ?? d.partnerId, dealId: d.dealId, registered: Math.floor(d.registered!), protectedUntil: d.protectedUntil === null ? null : Math.floor(d.protectedUntil) };
  };
  const conflicts = found.map((c: DealConflict): AccountConflict => {
    const typed = deals[c.row].accountId!.trim();
    // As the Accounts table spells the id (the Deals table's may differ in case).
    const record = data.account(typed);
    const accountId = record?.accountId ?? typed;
    return {
      accountId,
      account: record?.name ?? accountId,
      first: side(c.row),
      second: side(c.otherRow),
      from: c.from,
      to: c.to,
      current: c.to === null || c.to >= Math.floor(today),
    };
  });
  conflicts.sort((a, b) => Number(b.current) - Number(a.current) || b.from - a.from || a.accountId.localeCompare(b.accountId));
  return { conflicts, error: null };
}

/** A partner with deals in the conflicts on one account. */
export interface ConflictingPartner {
  partnerId: string;
  name: string;
  /** Its deals in those conflicts, by deal id. */
  dealIds: string[];
}

/** The conflicts on one account, together: who is involved, with which deals, and when. */
export interface AccountConflictGroup {
  accountId: string;
  account: string;
  /** In the order of their first registration among the conflicts. */
  partners: ConflictingPartner[];
  /** How many pairs of deals of two partners share days of protection. */
  pairs: number;
  /** The first and last day any two of them are protected together; `to` is `null` when some pair's shared days have no end. */
  from: number;
  to: number | null;
  /** Whether any of those shared days reach `today` or later. */
  current: boolean;
}

/**
 * The conflicts of `accountConflicts` by account: an account where three partners registered, or a
 * partner registered several deals, is one line to resolve rather than a pair per two deals. The
 * accounts with a conflict still running come first, then the latest.
 */
export function conflictsByAccount(conflicts: readonly AccountConflict[]): AccountConflictGroup[] {
  type Side = { partnerId: string; name: string; deals: Set<string>; first: number };
  const groups = new Map<string, Omit<AccountConflictGroup, "partners"> & { sides: Map<string, Side> }>();
  for (const c of conflicts) {
    // Accounts and partners matched as PARTNER.CONFLICT matched them (an account's key: its domain, or
    // its name without case or punctuation; a partner id without case or spaces around it).
    const key = accountKey(c.accountId) ?? c.accountId.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { accountId: c.accountId, account: c.account, pairs: 0, from: c.from, to: c.to, current: false, sides: new Map() };
      groups.set(key, g);
    }
    g.pairs++;
    g.from = Math.min(g.from, c.from);
    g.to = g.to === null || c.to === null ? null : Math.max(g.to, c.to);
    g.current ||= c.current;
    for (const side of [c.first, c.second]) {
      const partner = side.partnerId.trim().toLowerCase();
      let entry = g.sides.get(partner);
      if (!entry) g.sides.set(partner, (entry = { partnerId: side.partnerId, name: side.name, deals: new Set(), first: side.registered }));
      entry.deals.add(side.dealId);
      entry.first = Math.min(entry.first, side.registered);
    }
  }
  const byId = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  const result = [...groups.values()].map(({ sides, ...g }): AccountConflictGroup => ({
    ...g,
    partners: [...sides.values()]
      .sort((a, b) => a.first - b.first || byId(a.partnerId, b.partnerId))
      .map((p) => ({ partnerId: p.partnerId, name: p.name, dealIds: [...p.deals].sort(byId) })),
  }));
  const latest = (g: AccountConflictGroup) => g.to ?? Infinity;
  return result.sort((a, b) => Number(b.current) - Number(a.current) || latest(b) - latest(a) || b.from - a.from || byId(a.accountId, b.accountId));
}
