/**
 * A partner's business plan in the task pane: its periods, the approval workflow's record read
 * from and written to the Approvals table, KPI edits (which send an accepted or approved plan back
 * to Draft in the same batch), and tasks marked done. The workflow's rules are the engine's
 * (`transition`); this only moves its records in and out of table rows.
 */
import { isEngineError } from "../../../engine/error";
import { parseDateText, serialText } from "../../../engine/excel/date";
import {
  type PlanAction,
  type PlanApproval,
  type PlanRole,
  type PlanStep,
  type Signature,
  draftPlan,
  parsePlanState,
  quarterOf,
  transition,
} from "../../../engine/plan";
import type { Upsert } from "../../workbook/plan";
import type { ApprovalRecord, PartnerData, PlanRecord } from "../../workbook/records";
import { scoresRow } from "./changes";
import { latestPlan } from "./latest-plan";

export const ROLE_LABELS: Readonly<Record<PlanRole, string>> = {
  manager: "Channel manager",
  partner: "Partner",
  executive: "Channel executive",
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const periodKey = (period: string) => quarterOf(period) ?? period;

/**
 * The periods the Plan tab can show: the partner's plan periods, then periods that only have an
 * approval record, each list latest first.
 */
export function planPeriods(data: PartnerData, partnerId: string): string[] {
  const periods: string[] = [];
  const add = (list: readonly string[]) =>
    [...list].sort((a, b) => (periodKey(b) > periodKey(a) ? 1 : periodKey(b) < periodKey(a) ? -1 : 0)).forEach((p) => {
      if (!periods.some((q) => same(q, p))) periods.push(p);
    });
  add(data.plansOf(partnerId).map((p) => p.period));
  add(data.approvalsOf(partnerId).map((a) => a.period));
  return periods;
}

/** The period the Plan tab opens on: the latest plan period, else the latest approval, else `fallback`. */
export function defaultPlanPeriod(data: PartnerData, partnerId: string, fallback: string): string {
  return latestPlan(data.plansOf(partnerId))?.period ?? planPeriods(data, partnerId)[0] ?? fallback;
}

export const kpisOf = (data: PartnerData, partnerId: string, period: string): PlanRecord[] =>
  data.plansOf(partnerId).filter((p) => same(p.period, period));

export const approvalRecordOf = (data: PartnerData, partnerId: string, period: string): ApprovalRecord | undefined =>
  data.approvalsOf(partnerId).filter((a) => same(a.period, period)).at(-1);

const signature = (by: string | null, on: number | null): Signature | null =>
  by === null && on === null ? null : { by: by ?? "", at: on === null ? "" : serialText(on) };

/**
 * The workflow's record as an Approvals row holds it: the state and the current cycle's
 * signatures. The table keeps no step-by-step history for the engine (the Comment column keeps
 * it as text), so the record starts a fresh history.
 */
export function approvalOf(record: ApprovalRecord | undefined): PlanApproval {
  if (!record) return draftPlan();
  const state = (record.state && parsePlanState(record.state)) || "Draft";
  const accepted = signature(record.acceptedBy, record.acceptedOn);
  const approved = state === "Approved" ? signature(record.approvedBy, record.approvedOn) : null;
  return { state, history: [], accepted, approved, approvedWithoutAcceptance: state === "Approved" && accepted === null };
}

const VERBS: Readonly<Record<PlanAction, string>> = {
  edit: "Edited (back to Draft)",
  submit: "Submitted",
  accept: "Accepted",
  approve: "Approved",
  reject: "Rejected",
};

/** One line of the Comment column's log: date, step, who (and as what) and the comment. */
export function stepLine(step: PlanStep, withoutAcceptance: boolean): string {
  const verb = step.action === "approve" && withoutAcceptance ? "Approved without the partner's acceptance" : VERBS[step.action];
  const line = `${step.at.slice(0, 10)} ${verb} by ${step.by} (${ROLE_LABELS[step.role].toLowerCase()})`;
  return step.comment ? `${line}: ${step.comment}` : line;
}

/** The lines of an Approvals row's Comment, oldest first. */
export const commentLines = (comment: string | null): string[] => (comment ?? "").split(/\r?\n/).filter((l) => l.trim());

export interface StepRequest {
  by: string;
  role: PlanRole;
  /** Today, as an Excel serial. */
  today: number;
  comment: string;
}

export type StepResult = { ok: true; approval: PlanApproval; changes: Upsert[] } | { ok: false; message: string };

/**
 * One step of the approval workflow on the partner's plan of `period`, by the engine's rules: the
 * Approvals row as it will be (state, signatures of the current cycle, and the step appended to
 * the Comment log), or why the step is not allowed.
 */
export function approvalStep(data: PartnerData, partnerId: string, period: string, action: PlanAction, request: StepRequest): StepResult {
  const record = approvalRecordOf(data, partnerId, period);
  const before = approvalOf(record);
  const after = transition(before, action, { by: request.by, role: request.role, at: serialText(request.today), comment: request.comment });
  if (isEngineError(after)) return { ok: false, message: after.message };
  const step = after.history.at(-1)!;
  const comment = [...commentLines(record?.comment ?? null), stepLine(step, after.approvedWithoutAcceptance)].join("\n");
  const on = (s: Signature | null) => (s && s.at ? (parseDateText(s.at.slice(0, 10)) ?? null) : null);
  const changes: Upsert[] = [
    {
      table: "Approvals",
      key: { PartnerId: partnerId, Period: record?.period ?? period.trim() },
      set: {
        State: after.state,
        AcceptedBy: after.accepted?.by || null,
        AcceptedOn: on(after.accepted),
        ApprovedBy: after.approved?.by || null,
        ApprovedOn: on(after.approved),
        Comment: comment,
      },
    },
  ];
  return { ok: true, approval: after, changes };
}

export interface KpiEdit {
  kpi: string;
  target: number;
  actual: number;
}

export type KpiResult = { ok: true; changes: Upsert[]; backToDraft: boolean } | { ok: false; message: string };

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * Saves KPI targets and actuals of the partner's plan for `period`. Changing a target changes the
 * plan: a plan past Draft goes back to Draft in the same batch (the engine's `edit` step, signed
 * by `request.by`). New actuals report progress against the plan and leave its approval as it is.
 */
export function kpiChanges(data: PartnerData, partnerId: string, period: string, edits: readonly KpiEdit[], request: Omit<StepRequest, "comment">): KpiResult {
  const rows = kpisOf(data, partnerId, period);
  const changes: Upsert[] = [];
  const retargeted: string[] = [];
  // Weighted when the table has the column and the plan's KPIs use it (all blank: every KPI weighs
  // the same, and a new one must stay blank, or it alone would count).
  const withWeights = (data.snapshot.tables.get("Plan")?.columns.has("weight") ?? false) && (rows.length === 0 || rows.some((r) => (r.weight ?? 0) > 0));
  for (const edit of edits) {
    if (!Number.isFinite(edit.target) || !Number.isFinite(edit.actual)) return { ok: false, message: `${edit.kpi}: enter numbers for the target and the actual.` };
    const row = rows.find((r) => same(r.kpi, edit.kpi));
    if (row && row.target === edit.target && row.actual === edit.actual) continue;
    if (!row || row.target !== edit.target) retargeted.push(`${edit.kpi} ${row?.target === null || !row ? "(none)" : number.format(row.target)} → ${number.format(edit.target)}`);
    // A KPI new to a weighted plan weighs 1, as PARTNER.PLAN.ATTAINMENT would not count a blank
    // Weight beside weighted KPIs (a blank cell reads 0).
    const set: Record<string, number> = { Target: edit.target, Actual: edit.actual };
    if (!row && withWeights) set.Weight = 1;
    changes.push({ table: "Plan", key: { PartnerId: partnerId, Period: row?.period ?? period.trim(), KPI: row?.kpi ?? edit.kpi.trim() }, set });
  }
  if (!changes.length) return { ok: true, changes: [], backToDraft: false };
  let backToDraft = false;
  if (retargeted.length && approvalOf(approvalRecordOf(data, partnerId, period)).state !== "Draft") {
    if (!request.by.trim()) {
      return { ok: false, message: "Enter your name: changing a target sends this plan back to Draft, and the workflow records who changed it." };
    }
    const step = approvalStep(data, partnerId, period, "edit", { ...request, comment: `Targets changed: ${retargeted.join("; ")}` });
    if (!step.ok) return step;
    changes.push(...step.changes);
    backToDraft = true;
  }
  return { ok: true, changes: [...changes, ...scoresRow(data, partnerId)], backToDraft };
}

/** Marks a task of the partner done on `done` (an Excel serial), or open again with `null`. */
export function taskDoneChanges(data: PartnerData, partnerId: string, task: string, done: number | null): Upsert[] {
  const record = data.tasksOf(partnerId).find((t) => same(t.task, task));
  return [{ table: "Tasks", key: { PartnerId: partnerId, Task: record?.task ?? task }, set: { Done: done } }, ...scoresRow(data, partnerId)];
}
