/**
 * Marketing development funds (MDF) across the network: utilisation and return by region and by
 * activity type for a plan period, and the fund requests waiting on someone. The ledger and the
 * return are the engine's (`fundBalances` through `mdfMeter`, `mdfRoi`); this module only groups
 * partners and requests and attributes the won revenue.
 *
 * Won revenue attributed: the Deals a partner won (Outcome "Won") with a Closed date inside the
 * period, for partners paid some MDF of that period; a partner's won revenue is shared among its
 * paid requests in proportion to what each was paid, so the activity types add up to the whole.
 */
import { isEngineError } from "../../../engine/error";
import { type FundState, mdfRoi } from "../../../engine/funds";
import { periodDates } from "../../../engine/plan/period";
import type { FundRequestRecord, FundRequestStep, PartnerData } from "../../workbook/records";
import { ledgerRequest, mdfMeter, mdfRequestsOf, stateOf } from "./funds";

/** The group of a partner without a Region, and of a request whose activity is not in the Library. */
export const NO_REGION = "No region";
export const NOT_IN_LIBRARY = "Not in the library";

/** One row of the MDF table: a region, an activity type, or the whole network. */
export interface MdfGroup {
  key: string;
  /** Σ MDF allocations; `null` for an activity type (funds are allocated to partners, not to activities). */
  allocated: number | null;
  approved: number;
  paid: number;
  /** paid / allocated; `null` when nothing (or no allocation) is there to divide by. */
  utilisation: number | null;
  /** Won revenue attributed to the group's paid MDF; `null` when the period cannot be dated. */
  won: number | null;
  /** The engine's MDF ROI, (won − paid) / paid; `null` when nothing was paid or no revenue could be attributed. */
  roi: number | null;
}

/** A partner left out of the figures because its MDF ledger of the period breaks a rule of the engine's. */
export interface UnreadLedger {
  partnerId: string;
  name: string;
  message: string;
}

export interface MdfPortfolio {
  period: string;
  /** Whether the period reads as dates (deals can be attributed to it). */
  dated: boolean;
  /** Partners with an MDF allocation or request in the period. */
  partners: number;
  /** Partners paid some MDF in the period (whose won revenue is attributed). */
  funded: number;
  total: MdfGroup;
  byRegion: MdfGroup[];
  byCategory: MdfGroup[];
  unread: UnreadLedger[];
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/** The plan periods that have funds or fund requests, latest first (datable periods by their start, then the rest by name). */
export function fundPeriods(data: PartnerData): string[] {
  const seen = new Map<string, string>();
  for (const r of [...data.funds, ...data.fundRequests]) if (!seen.has(r.period.toLowerCase())) seen.set(r.period.toLowerCase(), r.period);
  const start = (p: string) => periodDates(p)?.start ?? -Infinity;
  return [...seen.values()].sort((a, b) => start(b) - start(a) || a.localeCompare(b));
}

/** The period the card opens on (of `fundPeriods`' list): the latest that has begun by `today`, else the earliest to come, else the first. */
export function defaultFundPeriod(periods: readonly string[], today: number): string | undefined {
  const dated = periods.filter((p) => periodDates(p) !== undefined);
  return dated.find((p) => periodDates(p)!.start <= today) ?? dated.at(-1) ?? periods[0];
}

/** Σ Amount of the partner's deals won with a Closed date from `start` to `end`. */
export function wonRevenue(data: PartnerData, partnerId: string, start: number, end: number): number {
  let won = 0;
  for (const d of data.dealsOf(partnerId)) {
    if (!same(d.outcome, "Won") || d.closed === null || d.closed < start || d.closed > end || d.amount === null || !Number.isFinite(d.amount)) continue;
    won += d.amount;
  }
  return won;
}

interface Sums {
  allocated: number;
  approved: number;
  paid: number;
  won: number;
}

function groupOf(key: string, s: Sums, dated: boolean, allocated: boolean): MdfGroup {
  const roi = dated && s.paid > 0 ? mdfRoi([s.won], [s.paid]) : null;
  return {
    key,
    allocated: allocated ? s.allocated : null,
    approved: s.approved,
    paid: s.paid,
    utilisation: allocated && s.allocated > 0 ? s.paid / s.allocated : null,
    won: dated ? s.won : null,
    roi: roi === null || isEngineError(roi) ? null : roi,
  };
}

/** Sums of one group under its first-seen spelling (regions and categories are matched in any case). */
type Group = Sums & { key: string };

function add(groups: Map<string, Group>, key: string, s: Partial<Sums>) {
  let g = groups.get(key.toLowerCase());
  if (!g) groups.set(key.toLowerCase(), (g = { key, allocated: 0, approved: 0, paid: 0, won: 0 }));
  g.allocated += s.allocated ?? 0;
  g.approved += s.approved ?? 0;
  g.paid += s.paid ?? 0;
  g.won += s.won ?? 0;
}

/** The groups in alphabetical order, the catch-all group (`last`) at the end. */
const rows = (groups: Map<string, Group>, dated: boolean, allocated: boolean, last: string) =>
  [...groups.values()].map((g) => groupOf(g.key, g, dated, allocated)).sort((a, b) => Number(a.key === last) - Number(b.key === last) || a.key.localeCompare(b.key));

/** The network's MDF of `period`: allocated, approved and paid, utilisation, won revenue and ROI in total, by region and by the Library Category of each request's activity. */
export function mdfPortfolio(data: PartnerData, period: string): MdfPortfolio {
  const dates = periodDates(period);
  const dated = dates !== undefined;
  const total: Sums = { allocated: 0, approved: 0, paid: 0, won: 0 };
  const regions = new Map<string, Group>();
  const categories = new Map<string, Group>();
  const unread: UnreadLedger[] = [];
  let partners = 0;
  let funded = 0;
  for (const partner of data.partners) {
    const requests = mdfRequestsOf(data, partner.id, period);
    const meter = mdfMeter(data, partner.id, period, requests);
    if (isEngineError(meter)) {
      unread.push({ partnerId: partner.id, name: partner.name, message: meter.message });
      continue;
    }
    if (meter.allocated === 0 && !requests.length) continue;
    partners++;
    const won = dates && meter.paid > 0 ? wonRevenue(data, partner.id, dates.start, dates.end) : 0;
    if (meter.paid > 0) funded++;
    const sums = { allocated: meter.allocated, approved: meter.approved, paid: meter.paid, won };
    total.allocated += sums.allocated;
    total.approved += sums.approved;
    total.paid += sums.paid;
    total.won += sums.won;
    add(regions, partner.region ?? NO_REGION, sums);
    for (const r of requests) {
      const ledger = ledgerRequest(r);
      if (ledger.state === "Draft") continue;
      const paid = ledger.paid ?? 0;
      const category = (r.activityId && data.libraryActivity(r.activityId)?.category) || NOT_IN_LIBRARY;
      add(categories, category, { approved: ledger.approved ?? 0, paid, won: meter.paid > 0 ? (won * paid) / meter.paid : 0 });
    }
  }
  return {
    period,
    dated,
    partners,
    funded,
    total: groupOf("Network", total, dated, true),
    byRegion: rows(regions, dated, true, NO_REGION),
    byCategory: rows(categories, dated, false, NOT_IN_LIBRARY),
    unread,
  };
}

/** Who a fund request in each open state waits on, and for what. */
export const WAITING = [
  { state: "Submitted", on: "Vendor approver", what: "approval or rejection", since: "submitted" },
  { state: "Approved", on: "Partner", what: "the claim with proof of performance", since: "reviewed" },
  { state: "Claimed", on: "Finance", what: "payment of the claim", since: "claimed" },
] as const satisfies readonly { state: FundState; on: string; what: string; since: keyof FundRequestRecord }[];
export type WaitingState = (typeof WAITING)[number]["state"];

export interface WaitingRequest {
  requestId: string;
  partnerId: string;
  name: string;
  fundType: string;
  period: string;
  /** What waits: the amount asked for (Submitted), approved (Approved) or claimed (Claimed). */
  amount: number;
  /** The day the request reached its state; `null` when the row does not say. */
  since: number | null;
  /** Whole days from `since` to today. */
  age: number | null;
}

export interface WaitingGroup {
  state: WaitingState;
  on: string;
  what: string;
  count: number;
  amount: number;
  /** The age of the longest-waiting request with a date, in days; `null` when none has one. */
  oldest: number | null;
  /** Requests without the date of their step. */
  undated: number;
  /** Longest waiting first; undated ones last. */
  requests: WaitingRequest[];
}

/** The fund requests of every fund type and period that wait on someone, by whom, with their amounts and ages as of `today`. */
export function waitingRequests(data: PartnerData, today: number): WaitingGroup[] {
  return WAITING.map((w) => {
    const requests: WaitingRequest[] = [];
    for (const r of data.fundRequests) {
      if (stateOf(r) !== w.state) continue;
      const since = (r[w.since] as FundRequestStep).on;
      const amount = (w.state === "Claimed" ? r.claimAmount : r.amount) ?? 0;
      requests.push({
        requestId: r.requestId,
        partnerId: r.partnerId,
        name: data.partner(r.partnerId)?.name ?? r.partnerId,
        fundType: r.fundType,
        period: r.period,
        amount: Number.isFinite(amount) ? amount : 0,
        since,
        age: since === null ? null : Math.max(0, Math.floor(today - since)),
      });
    }
    requests.sort((a, b) => (b.age ?? -1) - (a.age ?? -1) || a.requestId.localeCompare(b.requestId));
    const ages = requests.filter((r) => r.age !== null);
    return {
      state: w.state,
      on: w.on,
      what: w.what,
      count: requests.length,
      amount: requests.reduce((s, r) => s + r.amount, 0),
      oldest: ages.length ? ages[0].age : null,
      undated: requests.length - ages.length,
      requests,
    };
  });
}
