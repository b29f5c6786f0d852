/**
 * The sample partners' funds for FY2026 — marketing development funds (MDF), co-op advertising
 * funds and rebate accruals — and the fund requests their MDF-eligible plan activities raised, each
 * as far through Draft → Submitted → Approved or Rejected → Claimed → Paid as 30 September allows.
 * What is requested, approved, claimed and paid never exceeds what was allocated, and a claim never
 * exceeds its approval.
 */
import type { Random } from "../../engine/random";
import { EXECUTIVES } from "./approvals";
import { type PlanActivityRow, partnerSize } from "./plan-activities";
import { AS_OF, type Partner, pick } from "./partners";
import { PLAN_PERIOD } from "./plan";
import { LIBRARY } from "./library";
import { addDays, happens } from "./shape";

export type FundType = "MDF" | "Co-op" | "Rebate accrual";
export type FundRequestState = "Draft" | "Submitted" | "Approved" | "Rejected" | "Claimed" | "Paid";

export interface FundRow {
  partnerId: string;
  period: string;
  fundType: FundType;
  allocated: number;
}

/** Who took a step, when, and what they said. */
export interface RequestStep {
  by: string;
  on: Date;
  comment: string | null;
}

export interface FundRequestRow {
  requestId: string;
  partnerId: string;
  period: string;
  activityId: string;
  fundType: FundType;
  amount: number;
  state: FundRequestState;
  submitted: RequestStep | null;
  reviewed: RequestStep | null;
  claimAmount: number | null;
  proofOfPerformance: string | null;
  claimed: RequestStep | null;
  paid: RequestStep | null;
}

/** Who pays claims in each region. */
export const CHANNEL_FINANCE: Record<string, string> = { EMEA: "Lukas Brandt", Americas: "Dana Brooks", APAC: "Arjun Mehta" };
/** Requests above this are approved by the region's channel executive, smaller ones by the channel manager. */
export const MANAGER_APPROVAL_LIMIT = 10_000;

const round = (x: number, step: number) => Math.round(x / step) * step;

/**
 * MDF for every partner with a plan and for most other active partners (less while onboarding),
 * co-op funds for about half the resellers, distributors and managed service providers, and a
 * rebate accrual for some active resellers, distributors and integrators.
 */
export function sampleFunds(random: Random, partners: readonly Partner[], planning: ReadonlySet<string>): FundRow[] {
  const rows: FundRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const size = partnerSize(partner);
    const add = (fundType: FundType, allocated: number) => rows.push({ partnerId: partner.id, period: PLAN_PERIOD, fundType, allocated });
    if (planning.has(partner.id) || happens(random, partner.status === "Active" ? 0.4 : 0.2)) {
      add("MDF", Math.max(5_000, round(15_000 * size * (0.8 + 0.4 * random.next()), 1_000)));
    }
    if (["Reseller", "Distributor", "Managed service provider"].includes(partner.type) && happens(random, 0.5)) {
      add("Co-op", Math.max(2_000, round(8_000 * size * (0.8 + 0.4 * random.next()), 500)));
    }
    if (partner.status === "Active" && ["Reseller", "Distributor", "System integrator"].includes(partner.type) && happens(random, 0.4)) {
      add("Rebate accrual", round(250_000 * size * (0.02 + 0.02 * random.next()), 100));
    }
  }
  return rows;
}

const SUBMIT_COMMENTS = [
  "Co-funded 50/50 as agreed in the joint plan",
  "Agency quote attached",
  "Venue and catering quote attached",
  "Target account list attached",
  null,
  null,
];
const APPROVE_COMMENTS = ["Approved", "Approved: in the FY2026 joint plan", "Approved; send the attendee list with the claim", "Approved. Use the new campaign assets"];
const REJECT_COMMENTS = [
  "Not MDF-eligible: internal staff costs",
  "No target account list; resubmit with it",
  "The audience is outside our target segment",
  "Duplicate of an approved request",
];
const CLAIM_COMMENTS = ["Invoices and attendee list attached", "Final invoice lower than the quote", "Agency invoice attached; fewer leads than planned", null];
const PAYMENT_COMMENTS = ["Paid by bank transfer", "Credited against the next licence invoice", "Paid by bank transfer", null];

const onOrBefore = (date: Date) => date.getTime() <= AS_OF.getTime();
/** Library activities that are advertising, which co-op funds pay for (paid social, content syndication, email nurture). */
const ADVERTISING = new Set(["A15", "A16", "A17"]);
const MDF_ELIGIBLE = new Set(LIBRARY.flatMap((g) => g.activities.filter((a) => a.mdf).map((a) => a.id)));

/**
 * A fund request for most MDF-eligible plan activities with a vendor share; each activity that
 * gets one has its RequestId set. MDF is drawn first, co-op funds when the MDF left is too little;
 * a request that neither covers is rejected.
 */
export function sampleFundRequests(
  random: Random,
  partners: readonly Partner[],
  activities: readonly PlanActivityRow[],
  funds: readonly FundRow[],
  contacts: ReadonlyMap<string, string>,
): FundRequestRow[] {
  const rows: FundRequestRow[] = [];
  const byId = new Map(partners.map((p) => [p.id, p]));
  // What each partner's funds have left: allocated less what is requested, approved, claimed or paid.
  const left = new Map(funds.map((f) => [`${f.partnerId}|${f.fundType}`, f.allocated]));
  let next = 1;
  for (const activity of activities) {
    if (!activity.budget || activity.partnerShare === null || activity.partnerShare >= 1 || !MDF_ELIGIBLE.has(activity.activityId)) continue;
    const partner = byId.get(activity.partnerId)!;
    const mdf = left.get(`${partner.id}|MDF`) ?? 0;
    if (!happens(random, 0.85)) continue;
    const amount = round(activity.budget * (1 - activity.partnerShare), 100);
    if (amount <= 0) continue;
    const coop = left.get(`${partner.id}|Co-op`);
    // Advertising draws on co-op funds first; anything else on MDF, and on co-op funds when the MDF left is too little.
    const fromCoop = coop !== undefined && amount <= coop && (ADVERTISING.has(activity.activityId) || amount > mdf);
    const fundType: FundType = fromCoop ? "Co-op" : "MDF";
    const available = left.get(`${partner.id}|${fundType}`) ?? 0;
    const fits = amount <= available;
    const contact = contacts.get(partner.id) ?? partner.channelManager;
    const submittedOn = addDays(activity.start, -(10 + random.int(25)));
    const reviewedOn = addDays(submittedOn, 2 + random.int(12));
    const draft = !onOrBefore(submittedOn) || (activity.status === "Planned" && happens(random, 0.25));
    // A draft that the fund cannot cover is not written up yet; a cancelled activity's request was never sent or turned down.
    if (draft && !fits) continue;
    if (activity.status === "Cancelled" && (draft || happens(random, 0.5))) continue;
    const requestId = `R${String(next++).padStart(5, "0")}`;
    activity.requestId = requestId;
    const row: FundRequestRow = {
      requestId,
      partnerId: partner.id,
      period: activity.period,
      activityId: activity.activityId,
      fundType,
      amount,
      state: "Draft",
      submitted: null,
      reviewed: null,
      claimAmount: null,
      proofOfPerformance: null,
      claimed: null,
      paid: null,
    };
    rows.push(row);
    // Requested, approved, claimed and paid money (and drafts) count against the fund until rejected.
    const take = () => left.set(`${partner.id}|${fundType}`, available - amount);
    if (draft) {
      take();
      continue;
    }
    row.submitted = { by: contact, on: submittedOn, comment: pick(random, SUBMIT_COMMENTS) };
    const reviewer = amount > MANAGER_APPROVAL_LIMIT ? EXECUTIVES[partner.region] : partner.channelManager;
    if (activity.status === "Cancelled" || !fits) {
      // Turned down within days: the activity did not run, or nothing is left to fund it.
      row.state = "Rejected";
      const on = new Date(Math.min(addDays(submittedOn, 1 + random.int(3)).getTime(), AS_OF.getTime()));
      row.reviewed = { by: reviewer, on, comment: activity.status === "Cancelled" ? "Activity cancelled by the partner" : `Over the partner's remaining ${fundType} for ${activity.period}` };
      continue;
    }
    row.state = "Submitted";
    // Requests for the coming quarter queue up for review.
    if (!onOrBefore(reviewedOn) || (activity.status === "Planned" && happens(random, 0.4))) {
      take();
      continue;
    }
    if (happens(random, 0.07)) {
      row.state = "Rejected";
      row.reviewed = { by: reviewer, on: reviewedOn, comment: pick(random, REJECT_COMMENTS) };
      continue;
    }
    take();
    row.state = "Approved";
    row.reviewed = { by: reviewer, on: reviewedOn, comment: pick(random, APPROVE_COMMENTS) };
    if (activity.status !== "Done") continue;
    const claimedOn = addDays(activity.end, 5 + random.int(40));
    if (!onOrBefore(claimedOn) || happens(random, 0.1)) continue;
    row.state = "Claimed";
    // What was spent, up to what was approved.
    row.claimAmount = Math.min(amount, round(amount * (0.75 + 0.3 * random.next()), 100));
    row.proofOfPerformance = happens(random, 0.6)
      ? `https://partners.example.com/mdf/${requestId}/proof`
      : pick(random, ["Invoices and attendee list (shared folder)", "Invoice, screenshots of the ads and the lead report", "Agency invoice and campaign report"]);
    row.claimed = { by: contact, on: claimedOn, comment: pick(random, CLAIM_COMMENTS) };
    const paidOn = addDays(claimedOn, 10 + random.int(35));
    if (!onOrBefore(paidOn)) continue;
    row.state = "Paid";
    row.paid = { by: CHANNEL_FINANCE[partner.region], on: paidOn, comment: pick(random, PAYMENT_COMMENTS) };
  }
  return rows;
}
