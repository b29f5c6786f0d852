/**
 * The plan acceptance and approval workflow, as a pure state machine: a joint business plan is
 * drafted, submitted, accepted by the partner and approved by the channel executive. Approval
 * without the partner's acceptance is allowed but recorded as such; any edit, and any rejection,
 * sends the plan back to Draft for a new cycle. Every step records who, when and why.
 */
import { EngineError, fail, guard } from "../error";
import { type Clock, MAX_DATE_SERIAL, parseDateText, serialParts, systemClock } from "../excel/date";
import { memoText } from "../memo";
import { messages, where } from "../messages";

export const PLAN_STATES = ["Draft", "Submitted", "Accepted", "Approved"] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_ACTIONS = ["edit", "submit", "accept", "approve", "reject"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
/** The channel manager drafts and submits, the partner accepts, the channel executive approves. */
export const PLAN_ROLES = ["manager", "partner", "executive"] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

interface Rule {
  readonly from: readonly PlanState[];
  readonly by: readonly PlanRole[];
  readonly to: PlanState;
}

/** Which action is legal from which state, by whom. */
export const PLAN_RULES: Readonly<Record<PlanAction, Rule>> = {
  edit: { from: PLAN_STATES, by: PLAN_ROLES, to: "Draft" },
  submit: { from: ["Draft"], by: ["manager"], to: "Submitted" },
  accept: { from: ["Submitted"], by: ["partner"], to: "Accepted" },
  approve: { from: ["Submitted", "Accepted"], by: ["executive"], to: "Approved" },
  reject: { from: ["Submitted", "Accepted"], by: ["partner", "executive"], to: "Draft" },
};

export interface Signature {
  readonly by: string;
  /** ISO 8601 date or date-time. */
  readonly at: string;
}

export interface PlanStep extends Signature {
  readonly action: PlanAction;
  readonly from: PlanState;
  readonly to: PlanState;
  readonly role: PlanRole;
  readonly comment: string;
}

export interface PlanApproval {
  readonly state: PlanState;
  /** Every step since the plan was created, oldest first. */
  readonly history: readonly PlanStep[];
  /** The partner's acceptance in the current cycle. */
  readonly accepted: Signature | null;
  /** The executive's approval in the current cycle. */
  readonly approved: Signature | null;
  /** True when the current approval was given before the partner accepted. */
  readonly approvedWithoutAcceptance: boolean;
}

/** A new plan: Draft, with no history. */
export function draftPlan(): PlanApproval {
  return { state: "Draft", history: [], accepted: null, approved: null, approvedWithoutAcceptance: false };
}

export interface StepInput {
  readonly by: string;
  readonly role: PlanRole;
  /** ISO 8601 date or date-time; default now by `clock`. */
  readonly at?: string;
  readonly comment?: string;
}

const HINTS: Partial<Record<`${PlanAction}:${PlanState}`, string>> = {
  "accept:Draft": "submit it first",
  "approve:Draft": "submit it first",
  "reject:Draft": "only a submitted or accepted plan can be rejected",
  "submit:Submitted": "it is already waiting for the partner",
  "submit:Accepted": "it has been accepted; edit it to start a new cycle",
  "submit:Approved": "it has been approved; edit it to start a new cycle",
  "accept:Accepted": "it is already accepted",
  "accept:Approved": "it is already approved",
  "approve:Approved": "it is already approved",
  "reject:Approved": "an approved plan goes back to Draft only by an edit",
};

/**
 * Applies one step of the workflow and returns the plan's new record (the input is not changed).
 * An illegal step — wrong state, wrong role, no name, no reason for a rejection, a time before the
 * last step — fails with a message that says why.
 */
export const transition = guard((plan: PlanApproval, action: PlanAction, step: StepInput, clock: Clock = systemClock): PlanApproval => {
  const rule = PLAN_RULES[action as PlanAction];
  if (!rule) fail("#VALUE!", messages.unknownOption("action", action, PLAN_ACTIONS));
  if (!PLAN_ROLES.includes(step.role)) fail("#VALUE!", messages.unknownOption("role", step.role, PLAN_ROLES));
  const by = typeof step.by === "string" ? step.by.trim() : "";
  if (!by) fail("#VALUE!", messages.required("by"));
  const comment = (step.comment ?? "").trim();
  if (action === "reject" && !comment) fail("#VALUE!", messages.rejectWithoutReason());
  const at = step.at ?? new Date(clock()).toISOString();
  const time = Date.parse(at);
  if (!Number.isFinite(time)) fail("#VALUE!", messages.notTimestamp("at", at));
  const last = plan.history[plan.history.length - 1];
  if (last && time < Date.parse(last.at)) fail("#VALUE!", messages.stepBeforeLast(at, last.at));
  if (!rule.from.includes(plan.state)) {
    fail("#VALUE!", messages.illegalStep(action, plan.state, HINTS[`${action}:${plan.state}`]));
  }
  if (!rule.by.includes(step.role)) fail("#VALUE!", messages.wrongRole(action, step.role, rule.by));

  const record: PlanStep = { action, from: plan.state, to: rule.to, by, role: step.role, at, comment };
  const history = [...plan.history, record];
  switch (action) {
    case "accept":
      return { ...plan, state: rule.to, history, accepted: { by, at } };
    case "approve":
      return { ...plan, state: rule.to, history, approved: { by, at }, approvedWithoutAcceptance: plan.accepted === null };
    case "submit":
      return { ...plan, state: rule.to, history };
    default:
      // An edit or a rejection starts a new cycle: earlier signatures no longer apply.
      return { state: rule.to, history, accepted: null, approved: null, approvedWithoutAcceptance: false };
  }
});

/** The actions a role may take on a plan now (all roles when none is given). */
export function availableActions(plan: PlanApproval, role?: PlanRole): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => PLAN_RULES[a].from.includes(plan.state) && (!role || PLAN_RULES[a].by.includes(role)));
}

/** The state as a table cell spells it, in any case; `undefined` when unknown. */
export function parsePlanState(label: string): PlanState | undefined {
  const word = label.trim().toLowerCase();
  return PLAN_STATES.find((s) => s.toLowerCase() === word);
}

const QUARTER_FIRST = /^(?:fy)?(\d{4})\s*[-/ ]?\s*q([1-4])$/i;
const QUARTER_LAST = /^q([1-4])\s*[-/ ]?\s*(?:fy)?(\d{4})$/i;

/**
 * The quarter of a plan period, as "2026-Q3": text such as "2026-Q3", "2026 Q3", "Q3 2026",
 * "Q3-2026", a yyyy-mm-dd date, or an Excel date serial (as a number or as text). `undefined`
 * for anything else.
 */
export function quarterOf(period: string | number): string | undefined {
  return typeof period === "number" ? quarterOfAny(period) : quarterOfText(period);
}

function quarterOfAny(period: string | number): string | undefined {
  let year: number;
  let quarter: number;
  if (typeof period === "number") {
    if (!(period >= 61 && period <= MAX_DATE_SERIAL)) return undefined;
    const { year: y, month } = serialParts(period);
    [year, quarter] = [y, Math.ceil(month / 3)];
  } else {
    const text = period.trim();
    const first = QUARTER_FIRST.exec(text);
    const last = QUARTER_LAST.exec(text);
    const serial = /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
    if (serial !== undefined) return quarterOfAny(serial);
    const date = parseDateText(text);
    if (first) [year, quarter] = [Number(first[1]), Number(first[2])];
    else if (last) [year, quarter] = [Number(last[2]), Number(last[1])];
    else if (date !== undefined) [year, quarter] = [serialParts(date).year, Math.ceil(serialParts(date).month / 3)];
    else return undefined;
  }
  return `${year}-Q${quarter}`;
}

/** A plan's periods repeat on every KPI row: each text is read once. */
const quarterOfText = memoText((text: string) => quarterOfAny(text));

export interface PlanStatusRow {
  readonly period: string | number;
  readonly state: PlanState;
  /** The partner accepted the plan in its current cycle. */
  readonly accepted: boolean;
}

export interface QuarterApprovals {
  readonly quarter: string;
  readonly plans: number;
  /** Plans the partner has accepted (now Accepted, or Approved after acceptance). */
  readonly accepted: number;
  readonly approved: number;
  readonly approvedWithoutAcceptance: number;
  /** Plans still in Draft or Submitted. */
  readonly open: number;
}

/** The columns of PARTNER.APPROVALS's spill. */
export const APPROVAL_ROLLUP_COLUMNS = ["Quarter", "Plans", "Accepted", "Approved", "Approved without acceptance", "Open"] as const;

/** The quarterly roll-up as PARTNER.APPROVALS spills it: a header row, then a row per quarter. */
export function approvalTable(rows: readonly QuarterApprovals[]): (string | number)[][] {
  return [[...APPROVAL_ROLLUP_COLUMNS], ...rows.map((r) => [r.quarter, r.plans, r.accepted, r.approved, r.approvedWithoutAcceptance, r.open])];
}

/**
 * Roll-up of plan acceptance and approval by quarter, oldest quarter first. Each plan counts once:
 * plans = accepted + approved without acceptance + open.
 */
export const approvalsByQuarter = guard((plans: readonly PlanStatusRow[], name: string = "periods"): QuarterApprovals[] => {
  const byQuarter = new Map<string, { plans: number; accepted: number; approved: number; approvedWithoutAcceptance: number; open: number }>();
  plans.forEach((plan, i) => {
    const quarter = quarterOf(plan.period);
    if (!quarter) fail("#VALUE!", messages.notQuarter(where(name, { item: i + 1 }), plan.period));
    let row = byQuarter.get(quarter);
    if (!row) byQuarter.set(quarter, (row = { plans: 0, accepted: 0, approved: 0, approvedWithoutAcceptance: 0, open: 0 }));
    row.plans++;
    if (plan.state === "Approved") row.approved++;
    if (plan.state === "Accepted" || (plan.state === "Approved" && plan.accepted)) row.accepted++;
    else if (plan.state === "Approved") row.approvedWithoutAcceptance++;
    else row.open++;
  });
  if (byQuarter.size === 0) fail("#N/A", messages.noPlans(name));
  const key = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6));
  return [...byQuarter].sort(([a], [b]) => key(a) - key(b)).map(([quarter, row]) => ({ quarter, ...row }));
});


/**
 * The same roll-up from the columns of an Approvals table (PARTNER.APPROVALS): each row's period,
 * state (any case) and acceptance date (any non-blank value counts as accepted). Rows with neither
 * period nor state are skipped.
 */
export const approvalColumnsByQuarter = guard(
  (periods: readonly (string | null)[], states: readonly (string | null)[], acceptedOn: readonly (string | null)[]): QuarterApprovals[] => {
    const n = periods.length;
    if (states.length !== n) fail("#VALUE!", messages.sameCount("states", "periods", n, states.length));
    if (acceptedOn.length !== n) fail("#VALUE!", messages.sameCount("accepted_on", "periods", n, acceptedOn.length));
    const plans: PlanStatusRow[] = [];
    for (let i = 0; i < n; i++) {
      const period = periods[i];
      const label = states[i];
      if (period === null && label === null) continue;
      if (period === null) fail("#VALUE!", messages.required(where("periods", { item: i + 1 })));
      const state = label === null ? undefined : parsePlanState(label);
      if (!state) fail("#VALUE!", messages.unknownOption(where("states", { item: i + 1 }), label, PLAN_STATES));
      if (!quarterOf(period)) fail("#VALUE!", messages.notQuarter(where("periods", { item: i + 1 }), period));
      plans.push({ period, state, accepted: acceptedOn[i] !== null });
    }
    return unwrap(approvalsByQuarter(plans, "periods"));
  },
);

/** Rethrows an EngineError inside a guarded computation. */
function unwrap<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw value;
  return value;
}
