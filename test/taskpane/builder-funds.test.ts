// The Plan builder's and the funds' models: suggestions filtered by stage and tier, a built plan
// saved as one valid batch, and a fund request taken through its steps, each validated by the
// workbook's write plan, with the approved MDF written as the partner's mdf assumption.
import { describe, expect, it } from "vitest";
import { buildChanges, milestoneTasks, suggestions } from "../../addin/taskpane/model/builder";
import { approvedMdfByYear, fundStep, mdfMeter, newRequest } from "../../addin/taskpane/model/funds";
import { summarise } from "../../addin/taskpane/model/summary";
import type { Upsert } from "../../addin/workbook/plan";
import type { PartnerData } from "../../addin/workbook/records";
import { isEngineError } from "../../engine/error";
import { dateSerial } from "../../engine/excel/date";
import { applied, dataOf, sampleRaw } from "./support";

const today = dateSerial(2026, 10, 15);
const PERIOD = "FY2026";

function meter(data: PartnerData, id: string) {
  const m = mdfMeter(data, id, PERIOD);
  if (isEngineError(m)) throw m;
  return m;
}

describe("plan builder and funds models", () => {
  const data = dataOf(sampleRaw());
  // A partner with MDF left and an MDF-eligible suggestion not in its plan yet.
  const pick = data.partners
    .map((p) => {
      const s = summarise(data, p);
      const planned = new Set(data.planActivitiesOf(p.id).map((a) => a.activityId));
      const found = suggestions(data, p.id, s.stage, s.tier).find((x) => x.activity.mdfEligible && !planned.has(x.activity.activityId));
      const m = mdfMeter(data, p.id, PERIOD);
      return { p, s, found, available: isEngineError(m) ? 0 : m.available };
    })
    .find((x) => x.found && x.available >= 1000 && x.s.stage && x.s.tier)!;
  const partner = pick.p.id;

  it("suggests only activities that list the partner's stage and tier (or none)", () => {
    const offered = suggestions(data, partner, pick.s.stage, pick.s.tier);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(data.library.length);
    for (const { activity } of offered) {
      expect(!activity.stages.length || activity.stages.includes(pick.s.stage!)).toBe(true);
      expect(!activity.tiers.length || activity.tiers.includes(pick.s.tier!)).toBe(true);
    }
    // Ranked by gap, largest first.
    const gaps = offered.map((s) => s.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });

  it("saves a built plan as one valid batch: the KPI target, the activity and its two milestone tasks", () => {
    const a = pick.found!.activity;
    const result = buildChanges(data, partner, PERIOD, [{ goalId: a.goalId, activityId: a.activityId, owner: "Ana", budget: 5000, expected: 7 }], { [a.kpi!]: 99 }, { by: "Ana", role: "manager", today });
    if (!result.ok) throw new Error(result.message);
    const after = applied(data, result.changes as Upsert[]);
    const row = after.planActivitiesOf(partner).find((r) => r.activityId === a.activityId && r.period === PERIOD)!;
    expect([row.budget, row.expected, row.status, row.owner, row.start, row.end]).toEqual([5000, 7, "Planned", "Ana", dateSerial(2026, 1, 1), dateSerial(2026, 12, 31)]);
    expect(after.plansOf(partner).find((k) => k.kpi === a.kpi && k.period === PERIOD)?.target).toBe(99);
    const tasks = milestoneTasks(PERIOD, a.activity, dateSerial(2026, 1, 1), dateSerial(2026, 12, 31)).map((t) => t.task);
    // Built on 15 October: the kick-off is due today, not on 1 January (it would be overdue at once).
    expect(after.tasksOf(partner).filter((t) => tasks.includes(t.task)).map((t) => t.due)).toEqual([today, dateSerial(2026, 12, 31)]);
    // A period not begun yet keeps its first day; one that is over, its last.
    expect(milestoneTasks("FY2027", "x", dateSerial(2027, 1, 1), dateSerial(2027, 12, 31), today).map((t) => t.due)).toEqual([dateSerial(2027, 1, 1), dateSerial(2027, 12, 31)]);
    expect(milestoneTasks("2026-Q2", "x", dateSerial(2026, 4, 1), dateSerial(2026, 6, 30), today).map((t) => t.due)).toEqual([dateSerial(2026, 6, 30), dateSerial(2026, 6, 30)]);
    expect(buildChanges(data, partner, PERIOD, [], {}, { by: "Ana", role: "manager", today }).ok).toBe(false);
    expect(buildChanges(data, partner, "someday", [{ goalId: a.goalId, activityId: a.activityId, owner: "", budget: 1, expected: 1 }], { [a.kpi!]: 1 }, { by: "Ana", role: "manager", today }).ok).toBe(false);
  });

  it("takes a request from Draft to Paid, each step signed, and writes the approved MDF as the mdf assumption", () => {
    const a = pick.found!.activity;
    const built = buildChanges(data, partner, PERIOD, [{ goalId: a.goalId, activityId: a.activityId, owner: "", budget: 3000, expected: 1 }], { [a.kpi!]: 5 }, { by: "Ana", role: "manager", today });
    if (!built.ok) throw new Error(built.message);
    let d = applied(data, built.changes as Upsert[]);
    const before = meter(d, partner);
    expect(newRequest(d, partner, PERIOD, a, before.available + 1).ok).toBe(false);
    const created = newRequest(d, partner, PERIOD, a, 1000);
    if (!created.ok) throw new Error(created.message);
    d = applied(d, created.changes as Upsert[]);
    const id = d.planActivitiesOf(partner).find((r) => r.activityId === a.activityId)!.requestId!;
    expect(d.fundRequest(id)?.state).toBe("Draft");
    const step = (action: Parameters<typeof fundStep>[2], extra = {}) => {
      const r = fundStep(d, id, action, { by: "Ana", today, comment: "ok", ...extra });
      if (!r.ok) throw new Error(r.message);
      d = applied(d, r.changes as Upsert[]);
    };
    expect(fundStep(d, id, "approve", { by: "Ana", today, comment: "" }).ok).toBe(false); // a Draft is not approved
    step("submit");
    expect(meter(d, partner).pending).toBe(before.pending + 1000);
    expect(fundStep(d, id, "reject", { by: "Ana", today, comment: " " }).ok).toBe(false); // a rejection needs a reason
    const approval = fundStep(d, id, "approve", { by: "Ana", today, comment: "ok" });
    // The approval says what the P&L's mdf becomes: year 1 of the P&L is the first MDF request's year.
    expect(approval.ok && approval.mdf).toEqual({ year: 1, calendar: 2026, value: before.approved + 1000 });
    // With a request of an earlier year on the table (rejected: nothing approved then), FY2026 is year 2.
    const earlier = applied(d, [{ table: "FundRequests", key: { RequestId: "R90000" }, set: { PartnerId: partner, Period: "FY2025", FundType: "MDF", Amount: 700, State: "Rejected" } }]);
    const later = fundStep(earlier, id, "approve", { by: "Ana", today, comment: "ok" });
    expect(later.ok && later.mdf).toEqual({ year: 2, calendar: 2026, value: before.approved + 1000 });
    step("approve");
    expect(meter(d, partner).approved).toBe(before.approved + 1000);
    const mdf = d.assumptionsOf(partner).find((r) => r.name === "mdf")!;
    expect(mdf.values[0]).toBe(before.approved + 1000);
    expect(approvedMdfByYear(d.fundRequestsOf(partner))).toEqual({ first: 2026, values: [before.approved + 1000] });
    expect(fundStep(d, id, "claim", { by: "Ana", today, comment: "", claimAmount: 1001, proof: "x" }).ok).toBe(false); // above the approval
    expect(fundStep(d, id, "claim", { by: "Ana", today, comment: "", claimAmount: 900, proof: "" }).ok).toBe(false); // no proof
    step("claim", { claimAmount: 900, proof: "report.pdf" });
    step("pay");
    const r = d.fundRequest(id)!;
    expect([r.state, r.claimAmount, r.proofOfPerformance, r.submitted.by, r.reviewed.on, r.paid.by, r.paid.on]).toEqual(["Paid", 900, "report.pdf", "Ana", today, "Ana", today]);
    expect(meter(d, partner).paid).toBe(before.paid + 900);
  });

  it("approves less than was asked: the Amount becomes the approval, the comment says what was asked, the mdf assumption follows", () => {
    const a = pick.found!.activity;
    const built = buildChanges(data, partner, PERIOD, [{ goalId: a.goalId, activityId: a.activityId, owner: "", budget: 3000, expected: 1 }], { [a.kpi!]: 5 }, { by: "Ana", role: "manager", today });
    if (!built.ok) throw new Error(built.message);
    let d = applied(data, built.changes as Upsert[]);
    const before = meter(d, partner);
    const created = newRequest(d, partner, PERIOD, a, 2000);
    if (!created.ok) throw new Error(created.message);
    d = applied(d, created.changes as Upsert[]);
    const id = d.planActivitiesOf(partner).find((r) => r.activityId === a.activityId)!.requestId!;
    const submitted = fundStep(d, id, "submit", { by: "Ana", today, comment: "" });
    if (!submitted.ok) throw new Error(submitted.message);
    d = applied(d, submitted.changes as Upsert[]);
    // More than asked, or nothing, is refused with a message naming the request and column.
    const more = fundStep(d, id, "approve", { by: "Bo", today, comment: "", approvedAmount: 2500 });
    expect(!more.ok && more.message).toMatch(new RegExp(`request ${id}, Amount: 2,500 is more than the 2,000 requested`));
    expect(fundStep(d, id, "approve", { by: "Bo", today, comment: "", approvedAmount: 0 }).ok).toBe(false);
    // An amount box left empty is no approval of the whole request.
    const empty = fundStep(d, id, "approve", { by: "Bo", today, comment: "", approvedAmount: null });
    expect(!empty.ok && empty.message).toMatch(/Amount: enter the amount approved/);
    const part = fundStep(d, id, "approve", { by: "Bo", today, comment: "Event budget trimmed.", approvedAmount: 1500 });
    if (!part.ok) throw new Error(part.message);
    d = applied(d, part.changes as Upsert[]);
    const r = d.fundRequest(id)!;
    expect([r.state, r.amount, r.reviewed.comment]).toEqual(["Approved", 1500, "Approved 1,500 of the 2,000 requested. Event budget trimmed."]);
    expect(meter(d, partner).approved).toBe(before.approved + 1500);
    expect(d.assumptionsOf(partner).find((x) => x.name === "mdf")!.values[0]).toBe(before.approved + 1500);
    // The claim is capped by what was approved.
    expect(fundStep(d, id, "claim", { by: "Ana", today, comment: "", claimAmount: 1600, proof: "x" }).ok).toBe(false);
  });
});
