/**
 * Marketing development funds (MDF) and the other partner funds (co-op, rebate accruals): the
 * balances of a fund from its allocation and its requests, and what the paid funds returned.
 *
 * A request goes Draft → Submitted → Approved or Rejected → Claimed → Paid. The ledger holds per
 * request: the amount requested, the amount approved (possibly less than requested), the amount
 * claimed against the approval, and the amount paid on the claim.
 */
import { fail, guard } from "../error";
import { messages, planningMessages, where } from "../messages";

export const FUND_STATES = ["Draft", "Submitted", "Approved", "Rejected", "Claimed", "Paid"] as const;
export type FundState = (typeof FUND_STATES)[number];

/** One fund request: blank amounts (`null`) are 0; a blank state is read from the amounts. */
export interface FundRequest {
  readonly requested: number | null;
  readonly approved: number | null;
  readonly claimed: number | null;
  readonly paid: number | null;
  readonly state?: FundState | null;
}

/** The balances of a fund (or of several added together). */
export interface FundBalances {
  /** Σ allocations. */
  readonly allocated: number;
  /** Σ amounts asked for by every request past Draft (pending, decided, rejected alike). */
  readonly requested: number;
  /** Σ amounts asked for by the requests still waiting for a decision. */
  readonly pending: number;
  /** Σ amounts approved. */
  readonly approved: number;
  /** Σ amounts claimed against approvals. */
  readonly claimed: number;
  /** Σ amounts paid on claims. */
  readonly paid: number;
  /** allocated − approved − pending: what can still be requested without going over. */
  readonly available: number;
  /** paid / allocated; `null` when nothing is allocated. */
  readonly utilisation: number | null;
}

/** A FundRequests row's State read as one of FUND_STATES (any case, spaces around); `null` when it is none of them. */
export function fundStateOf(text: string | null | undefined): FundState | null {
  const t = (text ?? "").trim().toLowerCase();
  return FUND_STATES.find((s) => s.toLowerCase() === t) ?? null;
}

const APPROVED_STATES: ReadonlySet<FundState> = new Set(["Approved", "Claimed", "Paid"]);

/**
 * A FundRequests row as the ledger counts it: the request is its Amount; once Approved (or past
 * it) the approval is the Amount too; once Claimed the claim is its ClaimAmount, and once Paid the
 * payment is the ClaimAmount as well.
 */
export function requestLedger(row: { amount: number | null; claimAmount: number | null; state: string | null }): FundRequest {
  const state = fundStateOf(row.state);
  const approved = state && APPROVED_STATES.has(state) ? row.amount : null;
  const claimed = state === "Claimed" || state === "Paid" ? row.claimAmount : null;
  return { requested: row.amount, approved, claimed, paid: state === "Paid" ? row.claimAmount : null, state };
}

/** The columns of PARTNER.FUNDS' spill, in order. */
export const FUNDS_COLUMNS = ["Allocated", "Requested", "Pending", "Approved", "Claimed", "Paid", "Available", "Utilisation"] as const;

/** Names an item of one of the ledger's arguments (the custom function names cells its own way). */
export type FundCellName = (arg: "allocated" | "requested" | "approved" | "claimed" | "paid", index: number) => string;

const itemName: FundCellName = (arg, index) => where(arg, { item: index + 1 });

/** States in which a request has no approved amount (yet, or ever). */
const UNDECIDED: ReadonlySet<FundState> = new Set(["Draft", "Submitted", "Rejected"]);

/** Sums this close to the allocation (relative) count as equal to it: cents added in floating point. */
const TOLERANCE = 1e-9;

function amount(value: number | null, at: string): number {
  const v = value ?? 0;
  if (!Number.isFinite(v)) fail("#VALUE!", messages.notNumber(at, v));
  if (v < 0) fail("#VALUE!", messages.negative(at, v));
  return v;
}

function total(value: number, arg: string): number {
  return Number.isFinite(value) ? value : fail("#NUM!", messages.overflow(arg));
}

/**
 * `PARTNER.FUNDS`: the balances of a fund from its allocations and its requests, one request per
 * item. Per request, approved ≤ requested, claimed ≤ approved and paid ≤ claimed; a request is
 * pending while it has no approval — with states given, while it is Submitted (a Draft is not yet
 * a request and counts nowhere; a Rejected one counts as requested only). `available` = allocated −
 * approved − pending must not go below 0. Each broken rule is a #VALUE! naming the request's cell.
 */
export const fundBalances = guard(
  (allocations: readonly (number | null)[], requests: readonly FundRequest[], at: FundCellName = itemName): FundBalances => {
    let allocated = 0;
    allocations.forEach((a, i) => {
      allocated += amount(a, at("allocated", i));
    });
    let requested = 0;
    let pending = 0;
    let approved = 0;
    let claimed = 0;
    let paid = 0;
    requests.forEach((request, i) => {
      const r = amount(request.requested, at("requested", i));
      const a = amount(request.approved, at("approved", i));
      const c = amount(request.claimed, at("claimed", i));
      const p = amount(request.paid, at("paid", i));
      const state = request.state ?? null;
      if (state !== null) {
        if (UNDECIDED.has(state) && a > 0) fail("#VALUE!", planningMessages.approvalInUndecided(at("approved", i), state, a));
        if (!UNDECIDED.has(state) && a === 0) fail("#VALUE!", planningMessages.approvalMissing(at("approved", i), state));
      }
      if (a > r) fail("#VALUE!", planningMessages.approvalAboveRequest(at("approved", i), a, at("requested", i), r));
      if (c > a) fail("#VALUE!", planningMessages.claimAboveApproval(at("claimed", i), c, at("approved", i), a));
      if (p > c) fail("#VALUE!", planningMessages.paymentAbovePaidClaim(at("paid", i), p, at("claimed", i), c));
      if (state === "Draft") return;
      requested += r;
      if (a > 0) {
        approved += a;
        claimed += c;
        paid += p;
      } else if (state === null || state === "Submitted") pending += r;
    });
    total(allocated, "allocated");
    total(requested, "requested");
    total(approved, "approved");
    let available = allocated - approved - pending;
    if (!Number.isFinite(available)) fail("#NUM!", messages.overflow("requested"));
    if (available < 0) {
      if (-available <= TOLERANCE * Math.max(allocated, approved + pending)) available = 0;
      else fail("#VALUE!", planningMessages.overCommitted("allocated", allocated, approved, pending));
    }
    return { allocated, requested, pending, approved, claimed, paid, available, utilisation: allocated > 0 ? paid / allocated : null };
  },
);

/** Balances as PARTNER.FUNDS spills them: the header row, then the figures (`null`: no utilisation). */
export function fundsTable(b: FundBalances): (string | number | null)[][] {
  return [[...FUNDS_COLUMNS], [b.allocated, b.requested, b.pending, b.approved, b.claimed, b.paid, b.available, b.utilisation]];
}

function sum(values: ArrayLike<number | null>, arg: string, at: (index: number) => string): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += amount(values[i], at(i));
  return total(s, arg);
}

/**
 * `PARTNER.MDF.ROI`: the return on the funds paid, (won revenue − paid) / paid, over the totals of
 * both ranges: 0 means the funded activities won back exactly what they cost, 4 that every 1 of
 * funds brought 5 of revenue. Nothing paid is #DIV/0!.
 */
export const mdfRoi = guard(
  (won: ArrayLike<number | null>, paid: ArrayLike<number | null>, at: (arg: "won_revenue" | "paid", index: number) => string = (arg, i) => where(arg, { item: i + 1 })): number => {
    const revenue = sum(won, "won_revenue", (i) => at("won_revenue", i));
    const spent = sum(paid, "paid", (i) => at("paid", i));
    if (spent === 0) fail("#DIV/0!", planningMessages.nothingPaid("paid"));
    const roi = (revenue - spent) / spent;
    return Number.isFinite(roi) ? roi : fail("#NUM!", messages.overflow("won_revenue"));
  },
);

/**
 * `PARTNER.MDF.PIPELINE`: the pipeline a funded activity brings on average, Σ pipeline of the
 * activities with funds above 0 / their number. Unfunded activities are left out; none funded is
 * #DIV/0!.
 */
export const pipelinePerActivity = guard(
  (pipeline: ArrayLike<number | null>, funds: ArrayLike<number | null>, at: (arg: "pipeline" | "funds", index: number) => string = (arg, i) => where(arg, { item: i + 1 })): number => {
    if (funds.length !== pipeline.length) fail("#VALUE!", messages.sameCount("funds", "pipeline", pipeline.length, funds.length));
    let sumPipeline = 0;
    let funded = 0;
    for (let i = 0; i < pipeline.length; i++) {
      const value = amount(pipeline[i], at("pipeline", i));
      if (amount(funds[i], at("funds", i)) === 0) continue;
      sumPipeline += value;
      funded++;
    }
    if (funded === 0) fail("#DIV/0!", planningMessages.nothingFunded("funds"));
    return total(sumPipeline, "pipeline") / funded;
  },
);
