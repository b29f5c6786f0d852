/**
 * A partner's MDF in the task pane: the fund meter of a plan period (the engine's ledger over the
 * Funds and FundRequests rows), the steps of a fund request (Draft → Submitted → Approved or
 * Rejected → Claimed → Paid), each signed with who and when, and the partner's `mdf` assumption
 * that the approved MDF becomes. Rules of the ledger are the engine's (`fundBalances`).
 */
import { isEngineError } from "../../../engine/error";
import { type FundRequest, type FundState, fundBalances, fundStateOf, requestLedger } from "../../../engine/funds";
import { periodDates } from "../../../engine/plan/period";
import { serialText } from "../../../engine/excel/date";
import type { Change, Upsert } from "../../workbook/plan";
import type { FundRequestRecord, PartnerData } from "../../workbook/records";
import { scoresRow } from "./changes";
import { yearColumns } from "./assumptions";

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
const isMdf = (fundType: string | null) => !fundType || same(fundType, "MDF");

export const stateOf = (r: Pick<FundRequestRecord, "state">): FundState | null => fundStateOf(r.state);
const APPROVED: ReadonlySet<FundState> = new Set(["Approved", "Claimed", "Paid"]);

/** A request as the ledger counts it: an approval is its Amount; a claim (and a payment) its ClaimAmount. */
export const ledgerRequest = (r: FundRequestRecord): FundRequest => requestLedger(r);

/** The partner's MDF requests of `period`. */
export const mdfRequestsOf = (data: PartnerData, partnerId: string, period: string): FundRequestRecord[] =>
  data.fundRequestsOf(partnerId).filter((r) => same(r.period, period) && isMdf(r.fundType));

/** The MDF meter of a partner's plan period (allocated, approved, pending, available…), or the ledger's error. */
export function mdfMeter(data: PartnerData, partnerId: string, period: string, requests = mdfRequestsOf(data, partnerId, period)): ReturnType<typeof fundBalances> {
  const allocations = data.fundsOf(partnerId).filter((f) => same(f.period, period) && isMdf(f.fundType)).map((f) => f.allocated);
  return fundBalances(allocations, requests.map(ledgerRequest));
}

/** The next free RequestId in the sample's form (R00001…). */
export function nextRequestId(data: PartnerData): string {
  let max = 0;
  for (const r of data.fundRequests) {
    const m = /^R(\d+)$/i.exec(r.requestId.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `R${String(max + 1).padStart(5, "0")}`;
}

/**
 * The approved MDF of each calendar year (by the year its request's period starts in): year 1 is
 * the year of the partner's first MDF request with a period the pane can date, and years with no
 * approval are 0. Empty when nothing is approved.
 */
export function approvedMdfByYear(requests: readonly FundRequestRecord[]): { first: number; values: number[] } | null {
  const byYear = new Map<number, number>();
  for (const r of requests) {
    if (!isMdf(r.fundType)) continue;
    const dates = periodDates(r.period);
    if (!dates) continue;
    const year = Number(serialText(dates.start).slice(0, 4));
    const state = stateOf(r);
    byYear.set(year, (byYear.get(year) ?? 0) + (state && APPROVED.has(state) ? (r.amount ?? 0) : 0));
  }
  const approved = [...byYear.entries()].filter(([, v]) => v > 0);
  if (!approved.length) return null;
  const first = Math.min(...byYear.keys());
  const last = Math.max(...approved.map(([y]) => y));
  return { first, values: Array.from({ length: last - first + 1 }, (_, i) => byYear.get(first + i) ?? 0) };
}

/**
 * The partner's `mdf` row of the Assumptions table as the approved MDF makes it: Value is the
 * first year's approved MDF, Year2… the following years'; the engine keeps the last year's value
 * for the years after it. Nothing when no MDF is approved.
 */
export function mdfAssumption(data: PartnerData, partnerId: string, requests: readonly FundRequestRecord[]): Upsert[] {
  const byYear = approvedMdfByYear(requests);
  if (!byYear) return [];
  const own = data.assumptionsOf(partnerId).find((a) => same(a.name, "mdf"));
  const set: Record<string, number | null> = { Value: byYear.values[0] };
  const years = yearColumns(data);
  years.forEach((column, i) => (set[column] = byYear.values[i + 1] ?? null));
  // Years beyond the table's columns are named, so that the save says which column is missing.
  for (let i = years.length + 1; i < byYear.values.length; i++) set[`Year${i + 1}`] = byYear.values[i];
  return [{ table: "Assumptions", key: { PartnerId: partnerId, Name: own?.name ?? "mdf" }, set }];
}

export type FundAction = "submit" | "approve" | "reject" | "claim" | "pay";
export const FUND_ACTIONS: Readonly<Record<FundAction, { from: FundState; to: FundState; label: string }>> = {
  submit: { from: "Draft", to: "Submitted", label: "Submit" },
  approve: { from: "Submitted", to: "Approved", label: "Approve" },
  reject: { from: "Submitted", to: "Rejected", label: "Reject" },
  claim: { from: "Approved", to: "Claimed", label: "Claim" },
  pay: { from: "Claimed", to: "Paid", label: "Mark paid" },
};

export interface FundStepRequest {
  by: string;
  /** Today, as an Excel serial. */
  today: number;
  comment: string;
  claimAmount?: number | null;
  proof?: string;
  /**
   * With an approval: the amount approved when it is less than the request's. The request's Amount
   * becomes it (the FundRequests table has one amount), and the review comment says what was asked.
   * `null` (a box left empty) is refused; omitted, the request is approved at its Amount.
   */
  approvedAmount?: number | null;
}

/**
 * What an approval makes of the P&L's `mdf`: the year of the P&L the request's period falls in
 * (1 = the year of the partner's first MDF request), that calendar year, and the year's approved MDF.
 */
export interface MdfYear {
  year: number;
  calendar: number;
  value: number;
}

export type FundResult = { ok: true; changes: Change[]; state: FundState; mdf?: MdfYear } | { ok: false; message: string };

const amountText = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * A new Draft request of `amount` for a plan activity of the partner, and the activity's RequestId
 * set to it — refused when the activity is not MDF-eligible or the amount is more than the MDF
 * still available.
 */
export function newRequest(
  data: PartnerData,
  partnerId: string,
  period: string,
  activity: { goalId: string; activityId: string },
  amount: number,
): FundResult {
  const library = data.libraryActivity(activity.activityId);
  if (!library?.mdfEligible) return { ok: false, message: `FundRequests: activity ${activity.activityId} is not MDF-eligible in the Library table.` };
  if (!Number.isFinite(amount) || amount <= 0) return { ok: false, message: "FundRequests, Amount: enter an amount above 0." };
  const meter = mdfMeter(data, partnerId, period);
  if (isEngineError(meter)) return { ok: false, message: `FundRequests: ${meter.message}` };
  if (amount > meter.available) return { ok: false, message: `FundRequests, Amount: ${amountText.format(amount)} is more than the ${amountText.format(meter.available)} of MDF still available for ${period}.` };
  const requestId = nextRequestId(data);
  return {
    ok: true,
    state: "Draft",
    changes: [
      { table: "FundRequests", key: { RequestId: requestId }, add: true, set: { PartnerId: partnerId, Period: period, ActivityId: library.activityId, FundType: "MDF", Amount: amount, State: "Draft" } },
      { table: "PlanActivities", key: { PartnerId: partnerId, Period: period, GoalId: activity.goalId, ActivityId: activity.activityId }, set: { RequestId: requestId } },
      ...scoresRow(data, partnerId),
    ],
  };
}

/**
 * One step of a fund request, signed by `by` on `today`: its FundRequests row as it will be. An
 * approval is refused when the MDF would go over its allocation, and writes the partner's `mdf`
 * assumption in the same batch; a rejection needs a reason; a claim needs its amount (at most the
 * approval) and its proof of performance.
 */
export function fundStep(data: PartnerData, requestId: string, action: FundAction, request: FundStepRequest): FundResult {
  const record = data.fundRequest(requestId);
  if (!record) return { ok: false, message: `FundRequests: there is no request ${requestId}.` };
  const rule = FUND_ACTIONS[action];
  const state = stateOf(record);
  if (state !== rule.from) return { ok: false, message: `FundRequests, request ${record.requestId}: a ${state ?? "blank"} request cannot be ${rule.to.toLowerCase()}; only a ${rule.from} one.` };
  if (!request.by.trim()) return { ok: false, message: "Enter your name above: every step of a fund request records who took it." };
  const comment = request.comment.trim() || null;
  const set: Record<string, string | number | null> = { State: rule.to };
  const sign = (prefix: "Submitted" | "Reviewed" | "Claimed" | "Paid", commentColumn: string) => {
    set[`${prefix}By`] = request.by.trim();
    set[`${prefix}On`] = request.today;
    set[commentColumn] = comment;
  };
  if (action === "submit") sign("Submitted", "SubmitComment");
  if (action === "approve" || action === "reject") sign("Reviewed", "ReviewComment");
  if (action === "approve" && request.approvedAmount !== undefined && request.approvedAmount !== record.amount) {
    const approved = request.approvedAmount ?? Number.NaN;
    const asked = record.amount ?? 0;
    if (!Number.isFinite(approved) || approved <= 0) return { ok: false, message: `FundRequests, request ${record.requestId}, Amount: enter the amount approved (above 0), or reject the request.` };
    if (approved > asked) {
      return { ok: false, message: `FundRequests, request ${record.requestId}, Amount: ${amountText.format(approved)} is more than the ${amountText.format(asked)} requested; the partner can make a new request for more.` };
    }
    set.Amount = approved;
    set.ReviewComment = [`Approved ${amountText.format(approved)} of the ${amountText.format(asked)} requested.`, comment].filter(Boolean).join(" ");
  }
  if (action === "reject" && !comment) return { ok: false, message: `FundRequests, request ${record.requestId}, ReviewComment: a rejection needs a reason.` };
  if (action === "claim") {
    const claim = request.claimAmount ?? null;
    if (claim === null || !Number.isFinite(claim) || claim <= 0) return { ok: false, message: `FundRequests, request ${record.requestId}, ClaimAmount: enter the amount spent (above 0).` };
    if (claim > (record.amount ?? 0)) {
      return { ok: false, message: `FundRequests, request ${record.requestId}, ClaimAmount: ${amountText.format(claim)} is more than the ${amountText.format(record.amount ?? 0)} approved.` };
    }
    if (!request.proof?.trim()) return { ok: false, message: `FundRequests, request ${record.requestId}, ProofOfPerformance: give the proof of performance (a note or a link).` };
    set.ClaimAmount = claim;
    set.ProofOfPerformance = request.proof.trim();
    sign("Claimed", "ClaimComment");
  }
  if (action === "pay") sign("Paid", "PaymentComment");
  const after: FundRequestRecord = { ...record, state: rule.to, amount: typeof set.Amount === "number" ? set.Amount : record.amount };
  const changes: Change[] = [{ table: "FundRequests", key: { RequestId: record.requestId }, set }];
  if (action === "approve") {
    const period = mdfRequestsOf(data, record.partnerId, record.period).map((r) => (r === record ? after : r));
    const meter = mdfMeter(data, record.partnerId, record.period, period);
    if (isEngineError(meter)) return { ok: false, message: `FundRequests, request ${record.requestId}: ${meter.message}` };
    const all = data.fundRequestsOf(record.partnerId).map((r) => (r === record ? after : r));
    changes.push(...mdfAssumption(data, record.partnerId, all));
    const byYear = approvedMdfByYear(all);
    const dates = periodDates(record.period);
    if (byYear && dates) {
      const calendar = Number(serialText(dates.start).slice(0, 4));
      const mdf = { year: calendar - byYear.first + 1, calendar, value: byYear.values[calendar - byYear.first] ?? 0 };
      return { ok: true, state: rule.to, changes: [...changes, ...scoresRow(data, record.partnerId)], mdf };
    }
  }
  return { ok: true, state: rule.to, changes: [...changes, ...scoresRow(data, record.partnerId)] };
}
