// The plan tab's model: periods, the approval workflow read from and written to the Approvals
// table, KPI edits that send a plan back to Draft in the same batch, and tasks marked done.
import { describe, expect, it } from "vitest";
import {
  approvalOf,
  approvalRecordOf,
  approvalStep,
  commentLines,
  defaultPlanPeriod,
  kpiChanges,
  kpisOf,
  planPeriods,
  taskDoneChanges,
} from "../../addin/taskpane/model/plan";
import type { Upsert } from "../../addin/workbook/plan";
import type { ApprovalRecord, PartnerData } from "../../addin/workbook/records";
import { planAttainment } from "../../engine/plan";
import { dateSerial } from "../../engine/excel/date";
import { activePartner, applied, dataOf, sampleRaw } from "./support";

const today = dateSerial(2026, 10, 15);
const base = { today, comment: "" };

function step(data: PartnerData, partner: string, period: string, action: Parameters<typeof approvalStep>[3], by: string, role: "manager" | "partner" | "executive", comment = "") {
  const result = approvalStep(data, partner, period, action, { by, role, today, comment });
  if (!result.ok) throw new Error(result.message);
  return applied(data, result.changes);
}

describe("plan model", () => {
  const data = dataOf(sampleRaw());
  const partner = activePartner(data);
  const manager = data.partner(partner)!.channelManager!;

  it("offers the plan periods first, then periods with only an approval, latest first", () => {
    expect(planPeriods(data, partner)).toEqual(["FY2026", "2026-Q4", "2026-Q3", "2026-Q2"]);
    expect(defaultPlanPeriod(data, partner, "2026-Q4")).toBe("FY2026");
    const prospect = data.partners.find((p) => !data.plansOf(p.id).length && !data.approvalsOf(p.id).length)!.id;
    expect(planPeriods(data, prospect)).toEqual([]);
    expect(defaultPlanPeriod(data, prospect, "2026-Q4")).toBe("2026-Q4");
  });

  it("reads the workflow's state and signatures from an Approvals row", () => {
    const record: ApprovalRecord = {
      partnerId: "P",
      period: "2026-Q3",
      state: "approved",
      acceptedBy: null,
      acceptedOn: null,
      approvedBy: "Helena Vogt",
      approvedOn: dateSerial(2026, 6, 20),
      comment: "x",
    };
    expect(approvalOf(record)).toEqual({
      state: "Approved",
      history: [],
      accepted: null,
      approved: { by: "Helena Vogt", at: "2026-06-20" },
      approvedWithoutAcceptance: true,
    });
    expect(approvalOf({ ...record, acceptedBy: "Ana", acceptedOn: dateSerial(2026, 6, 18) }).approvedWithoutAcceptance).toBe(false);
    expect(approvalOf(undefined).state).toBe("Draft");
  });

  it("moves a new plan through submit, accept and approve, recording who, when and each comment", () => {
    let d = step(data, partner, "FY2026", "submit", manager, "manager", "Joint plan agreed");
    d = step(d, partner, "FY2026", "accept", "Chloé Dubois", "partner", "Signed");
    d = step(d, partner, "FY2026", "approve", "Helena Vogt", "executive", "Go");
    const record = approvalRecordOf(d, partner, "FY2026")!;
    expect(record).toEqual({
      partnerId: partner,
      period: "FY2026",
      state: "Approved",
      acceptedBy: "Chloé Dubois",
      acceptedOn: today,
      approvedBy: "Helena Vogt",
      approvedOn: today,
      comment: [
        `2026-10-15 Submitted by ${manager} (channel manager): Joint plan agreed`,
        "2026-10-15 Accepted by Chloé Dubois (partner): Signed",
        "2026-10-15 Approved by Helena Vogt (channel executive): Go",
      ].join("\n"),
    });
    // The other periods' rows are untouched.
    expect(d.approvalsOf(partner).filter((a) => a.period !== "FY2026")).toEqual(data.approvalsOf(partner));
  });

  it("records an approval without the partner's acceptance as such", () => {
    let d = step(data, partner, "FY2026", "submit", manager, "manager");
    d = step(d, partner, "FY2026", "approve", "Helena Vogt", "executive", "Start the year");
    const record = approvalRecordOf(d, partner, "FY2026")!;
    expect([record.state, record.acceptedBy, record.acceptedOn]).toEqual(["Approved", null, null]);
    expect(commentLines(record.comment).at(-1)).toBe("2026-10-15 Approved without the partner's acceptance by Helena Vogt (channel executive): Start the year");
    expect(approvalOf(record).approvedWithoutAcceptance).toBe(true);
  });

  it("refuses a step the engine does not allow, with the engine's reason", () => {
    const accept = approvalStep(data, partner, "FY2026", "accept", { ...base, by: "Chloé", role: "partner" });
    expect(accept).toEqual({ ok: false, message: expect.stringMatching(/submit it first/) });
    const wrongRole = approvalStep(data, partner, "FY2026", "submit", { ...base, by: "Chloé", role: "partner" });
    expect(wrongRole.ok).toBe(false);
    const nobody = approvalStep(data, partner, "FY2026", "submit", { ...base, by: "  ", role: "manager" });
    expect(nobody).toEqual({ ok: false, message: expect.stringMatching(/^by: /) });
    const submitted = step(data, partner, "FY2026", "submit", manager, "manager");
    expect(approvalStep(submitted, partner, "FY2026", "reject", { ...base, by: "Chloé", role: "partner" }).ok).toBe(false);
  });

  it("appends steps to an existing row's comment and keeps its period's spelling", () => {
    const row = data.approvals.find((a) => a.state !== "Approved")!;
    const partner = row.partnerId;
    const action = row.state === "Draft" ? "submit" : row.state === "Submitted" ? "accept" : "approve";
    const role = action === "submit" ? "manager" : action === "accept" ? "partner" : "executive";
    const d = step(data, partner, row.period.toLowerCase(), action, "Sam Walsh", role, "ok");
    const after = approvalRecordOf(d, partner, row.period)!;
    expect(after.period).toBe(row.period);
    expect(commentLines(after.comment)).toEqual([...commentLines(row.comment), expect.stringMatching(/^2026-10-15 .* by Sam Walsh .*: ok$/)]);
    expect(d.approvalsOf(partner)).toHaveLength(data.approvalsOf(partner).length);
  });

  it("saves new actuals without touching the approval", () => {
    let d = step(data, partner, "FY2026", "submit", manager, "manager");
    d = step(d, partner, "FY2026", "accept", "Chloé", "partner");
    const kpis = kpisOf(d, partner, "FY2026");
    const edits = kpis.map((k) => ({ kpi: k.kpi, target: k.target!, actual: k.actual! + (k.kpi === "Revenue" ? 1000 : 0) }));
    const result = kpiChanges(d, partner, "FY2026", edits, { by: "", role: "manager", today });
    expect(result).toEqual({
      ok: true,
      backToDraft: false,
      changes: [{ table: "Plan", key: { PartnerId: partner, Period: "FY2026", KPI: "Revenue" }, set: { Target: kpis[0].target, Actual: kpis[0].actual! + 1000 } }],
    });
    if (!result.ok) return;
    const after = applied(d, result.changes);
    expect(kpisOf(after, partner, "FY2026")[0].actual).toBe(kpis[0].actual! + 1000);
    expect(approvalRecordOf(after, partner, "FY2026")!.state).toBe("Accepted");
  });

  it("sends an accepted or approved plan back to Draft when a target changes, in the same batch", () => {
    for (const upTo of ["accept", "approve"] as const) {
      let d = step(data, partner, "FY2026", "submit", manager, "manager");
      d = step(d, partner, "FY2026", "accept", "Chloé", "partner");
      if (upTo === "approve") d = step(d, partner, "FY2026", "approve", "Helena", "executive");
      const kpis = kpisOf(d, partner, "FY2026");
      const edits = kpis.map((k) => ({ kpi: k.kpi, target: k.kpi === "Pipeline" ? 2_000_000 : k.target!, actual: k.actual! }));
      expect(kpiChanges(d, partner, "FY2026", edits, { by: " ", role: "manager", today })).toEqual({ ok: false, message: expect.stringMatching(/^Enter your name/) });
      const result = kpiChanges(d, partner, "FY2026", edits, { by: manager, role: "manager", today });
      if (!result.ok) throw new Error(result.message);
      expect(result.backToDraft).toBe(true);
      expect(result.changes.map((c) => c.table)).toEqual(["Plan", "Approvals"]);
      const after = applied(d, result.changes);
      const record = approvalRecordOf(after, partner, "FY2026")!;
      expect([record.state, record.acceptedBy, record.acceptedOn, record.approvedBy, record.approvedOn]).toEqual(["Draft", null, null, null, null]);
      const pipeline = kpis.find((k) => k.kpi === "Pipeline")!.target!.toLocaleString("en-US");
      expect(commentLines(record.comment).at(-1)).toBe(`2026-10-15 Edited (back to Draft) by ${manager} (channel manager): Targets changed: Pipeline ${pipeline} → 2,000,000`);
    }
  });

  it("leaves a Draft plan's approval alone when a target changes", () => {
    const kpis = kpisOf(data, partner, "FY2026");
    const result = kpiChanges(data, partner, "FY2026", [{ kpi: kpis[1].kpi, target: 1, actual: kpis[1].actual! }], { by: "", role: "manager", today });
    expect(result.ok && result.changes.map((c) => c.table)).toEqual(["Plan"]);
  });

  it("weighs a KPI new to the plan 1, so that all KPIs together count it beside the weighted ones; an edited KPI keeps its weight", () => {
    const kpis = kpisOf(data, partner, "FY2026");
    expect(kpis.every((k) => (k.weight ?? 0) > 0)).toBe(true);
    const edits = [...kpis.map((k) => ({ kpi: k.kpi, target: k.target!, actual: k.actual! })), { kpi: "Leads", target: 40, actual: 0 }];
    edits[0] = { ...edits[0], actual: edits[0].actual + 1 };
    const result = kpiChanges(data, partner, "FY2026", edits, { by: "Ana", role: "manager", today });
    if (!result.ok) throw new Error(result.message);
    const after = applied(data, result.changes as Upsert[]);
    const rows = kpisOf(after, partner, "FY2026");
    expect(rows.find((k) => k.kpi === "Leads")?.weight).toBe(1);
    expect(rows.find((k) => k.kpi === kpis[0].kpi)?.weight).toBe(kpis[0].weight);
    // Leads at 0 of 40 pulls the plan's attainment down by its weight's share.
    const before = planAttainment(kpis) as number;
    const now = planAttainment(rows) as number;
    const total = kpis.reduce((n, k) => n + k.weight!, 0);
    expect(now).toBeCloseTo((planAttainment(rows.filter((k) => k.kpi !== "Leads")) as number) * (total / (total + 1)), 9);
    expect(now).toBeLessThan(before);

    // A plan whose KPIs have no weights: the new KPI stays blank too, so that all weigh the same
    // (weighed 1, it alone would count).
    const blank = applied(data, kpis.map((k) => ({ table: "Plan", key: { PartnerId: partner, Period: k.period, KPI: k.kpi }, set: { Weight: null } }) as Upsert));
    const unweighted = kpiChanges(blank, partner, "FY2026", [...kpis.map((k) => ({ kpi: k.kpi, target: k.target!, actual: k.actual! })), { kpi: "Leads", target: 40, actual: 0 }], { by: "Ana", role: "manager", today });
    if (!unweighted.ok) throw new Error(unweighted.message);
    const plain = kpisOf(applied(blank, unweighted.changes as Upsert[]), partner, "FY2026");
    expect(plain.map((k) => k.weight)).toEqual(plain.map(() => null));
    expect(planAttainment(plain)).toBeCloseTo((planAttainment(kpisOf(blank, partner, "FY2026")) as number) * (kpis.length / (kpis.length + 1)), 9);
  });

  it("marks a task done on a day, and open again", () => {
    const task = data.tasksOf(partner).find((t) => t.done === null) ?? data.tasksOf(partner)[0];
    const done = applied(data, taskDoneChanges(data, partner, task.task.toUpperCase(), today));
    expect(done.tasksOf(partner).find((t) => t.task === task.task)).toEqual({ ...task, done: today });
    const open = applied(done, taskDoneChanges(done, partner, task.task, null));
    expect(open.tasksOf(partner).find((t) => t.task === task.task)).toEqual({ ...task, done: null });
    expect(open.tasksOf(partner)).toHaveLength(data.tasksOf(partner).length);
  });
});
