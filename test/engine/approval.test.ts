// The plan approval workflow: every legal step from every state, every illegal one with its
// message, signatures and history, and the roll-up by quarter.
import { describe, expect, it } from "vitest";
import {
  PLAN_ACTIONS,
  PLAN_ROLES,
  PLAN_STATES,
  type PlanAction,
  type PlanApproval,
  type PlanRole,
  type PlanState,
  approvalColumnsByQuarter,
  approvalsByQuarter,
  availableActions,
  draftPlan,
  quarterOf,
  transition,
} from "../../engine/plan";
import { failure, ok } from "./support";

/** The workflow as the product describes it, written out independently of the engine's rule table. */
const LEGAL: Record<PlanState, Partial<Record<PlanAction, { roles: PlanRole[]; to: PlanState }>>> = {
  Draft: { edit: { roles: ["manager", "partner", "executive"], to: "Draft" }, submit: { roles: ["manager"], to: "Submitted" } },
  Submitted: {
    edit: { roles: ["manager", "partner", "executive"], to: "Draft" },
    accept: { roles: ["partner"], to: "Accepted" },
    approve: { roles: ["executive"], to: "Approved" },
    reject: { roles: ["partner", "executive"], to: "Draft" },
  },
  Accepted: {
    edit: { roles: ["manager", "partner", "executive"], to: "Draft" },
    approve: { roles: ["executive"], to: "Approved" },
    reject: { roles: ["partner", "executive"], to: "Draft" },
  },
  Approved: { edit: { roles: ["manager", "partner", "executive"], to: "Draft" } },
};

let minute = 0;
const at = () => new Date(Date.UTC(2026, 8, 1, 9, minute++)).toISOString();
const step = (plan: PlanApproval, action: PlanAction, by: string, role: PlanRole, comment = "because") =>
  ok(transition(plan, action, { by, role, at: at(), comment }));

/** A plan brought to each state the usual way. */
function planIn(state: PlanState): PlanApproval {
  let plan = draftPlan();
  if (state === "Draft") return plan;
  plan = step(plan, "submit", "Amelia Hart", "manager");
  if (state === "Submitted") return plan;
  plan = step(plan, "accept", "Ola Nordmann", "partner");
  if (state === "Accepted") return plan;
  return step(plan, "approve", "Dana Scully", "executive");
}

describe("plan approval workflow", () => {
  it("starts as an empty Draft", () => {
    expect(draftPlan()).toEqual({ state: "Draft", history: [], accepted: null, approved: null, approvedWithoutAcceptance: false });
  });

  for (const state of PLAN_STATES) {
    for (const action of PLAN_ACTIONS) {
      for (const role of PLAN_ROLES) {
        const legal = LEGAL[state][action];
        const allowed = legal?.roles.includes(role);
        it(`${allowed ? "lets" : "does not let"} the ${role} ${action} a ${state} plan`, () => {
          const before = planIn(state);
          const when = at();
          const result = transition(before, action, { by: "Someone", role, at: when, comment: "Reason" });
          if (allowed) {
            const plan = ok(result);
            expect(plan.state).toBe(legal!.to);
            expect(plan.history).toHaveLength(before.history.length + 1);
            expect(plan.history.at(-1)).toEqual({ action, from: state, to: legal!.to, by: "Someone", role, at: when, comment: "Reason" });
            expect(before.history).toHaveLength(plan.history.length - 1); // the input is left unchanged
          } else {
            const error = failure(result);
            expect(error.code).toBe("#VALUE!");
            expect(error.message).toMatch(legal ? /^role: a \w+ cannot / : /^action: cannot /);
          }
        });
      }
    }
  }

  it("explains illegal steps", () => {
    expect(failure(transition(planIn("Draft"), "approve", { by: "D", role: "executive", at: at() })).message).toBe(
      "action: cannot approve a plan that is Draft: submit it first.",
    );
    expect(failure(transition(planIn("Approved"), "accept", { by: "P", role: "partner", at: at() })).message).toBe(
      "action: cannot accept a plan that is Approved: it is already approved.",
    );
    expect(failure(transition(planIn("Submitted"), "accept", { by: "M", role: "manager", at: at() })).message).toBe(
      "role: a manager cannot accept a plan; only the partner can.",
    );
    expect(failure(transition(planIn("Submitted"), "reject", { by: "M", role: "manager", at: at(), comment: "x" })).message).toBe(
      "role: a manager cannot reject a plan; only the partner or the executive can.",
    );
  });

  it("records who accepted and approved, and an approval given without acceptance", () => {
    const accepted = planIn("Accepted");
    const approved = step(accepted, "approve", "Dana Scully", "executive");
    expect(approved.accepted?.by).toBe("Ola Nordmann");
    expect(approved.approved?.by).toBe("Dana Scully");
    expect(approved.approvedWithoutAcceptance).toBe(false);

    const direct = step(planIn("Submitted"), "approve", "Dana Scully", "executive", "Partner on leave; approved to start the quarter");
    expect(direct.state).toBe("Approved");
    expect(direct.accepted).toBeNull();
    expect(direct.approvedWithoutAcceptance).toBe(true);
    expect(direct.history.at(-1)!.comment).toBe("Partner on leave; approved to start the quarter");
  });

  it("sends an edited accepted or approved plan back to Draft, clearing its signatures but keeping its history", () => {
    for (const state of ["Submitted", "Accepted", "Approved"] as const) {
      const before = planIn(state);
      const edited = step(before, "edit", "Amelia Hart", "manager", "Raised the Q4 target");
      expect(edited.state).toBe("Draft");
      expect(edited.accepted).toBeNull();
      expect(edited.approved).toBeNull();
      expect(edited.approvedWithoutAcceptance).toBe(false);
      expect(edited.history.map((h) => h.action)).toEqual([...before.history.map((h) => h.action), "edit"]);
    }
    // A new cycle needs a new acceptance: approving now is recorded as without acceptance.
    const resubmitted = step(step(planIn("Accepted"), "edit", "Amelia Hart", "manager"), "submit", "Amelia Hart", "manager");
    expect(step(resubmitted, "approve", "Dana Scully", "executive").approvedWithoutAcceptance).toBe(true);
  });

  it("needs a name, a reason to reject, a valid time that does not go back, and known actions and roles", () => {
    const submitted = planIn("Submitted");
    expect(failure(transition(submitted, "accept", { by: "  ", role: "partner", at: at() })).message).toBe("by: a value is required.");
    expect(failure(transition(submitted, "reject", { by: "P", role: "partner", at: at(), comment: " " })).message).toBe(
      "comment: say why the plan is rejected.",
    );
    expect(failure(transition(submitted, "accept", { by: "P", role: "partner", at: "last Tuesday" })).message).toBe(
      'at: expected an ISO 8601 date or time, got "last Tuesday".',
    );
    expect(failure(transition(submitted, "accept", { by: "P", role: "partner", at: "2020-01-01" })).message).toMatch(
      /^at: 2020-01-01 is before the plan's last step/,
    );
    expect(failure(transition(submitted, "sign" as PlanAction, { by: "P", role: "partner", at: at() })).message).toMatch(/^action: expected one of/);
    expect(failure(transition(submitted, "accept", { by: "P", role: "ceo" as PlanRole, at: at() })).message).toMatch(/^role: expected one of/);
  });

  it("stamps a step with the clock's time when none is given", () => {
    const plan = ok(transition(draftPlan(), "submit", { by: "M", role: "manager" }, () => Date.UTC(2026, 8, 30, 8)));
    expect(plan.history[0].at).toBe("2026-09-30T08:00:00.000Z");
  });

  it("lists the actions open to each role", () => {
    expect(availableActions(planIn("Draft"))).toEqual(["edit", "submit"]);
    expect(availableActions(planIn("Submitted"), "partner")).toEqual(["edit", "accept", "reject"]);
    expect(availableActions(planIn("Accepted"), "executive")).toEqual(["edit", "approve", "reject"]);
    expect(availableActions(planIn("Approved"), "executive")).toEqual(["edit"]);
  });
});

describe("approvals by quarter", () => {
  it("reads quarters written in several ways, and dates", () => {
    for (const text of ["2026-Q3", "2026 q3", "Q3 2026", "q3-2026", "FY2026-Q3", "2026-08-15", "46249"]) expect(quarterOf(text)).toBe("2026-Q3");
    expect(quarterOf(46249)).toBe("2026-Q3");
    for (const bad of ["2026-Q5", "Q3", "next quarter", ""]) expect(quarterOf(bad)).toBeUndefined();
  });

  it("counts each plan once, oldest quarter first", () => {
    const rows = ok(
      approvalsByQuarter([
        { period: "2026-Q4", state: "Draft", accepted: false },
        { period: "2026-Q3", state: "Approved", accepted: true },
        { period: "Q3 2026", state: "Approved", accepted: false },
        { period: "2026-Q3", state: "Accepted", accepted: true },
        { period: "2026-Q3", state: "Submitted", accepted: false },
        { period: "2025-Q4", state: "Approved", accepted: true },
      ]),
    );
    expect(rows).toEqual([
      { quarter: "2025-Q4", plans: 1, accepted: 1, approved: 1, approvedWithoutAcceptance: 0, open: 0 },
      { quarter: "2026-Q3", plans: 4, accepted: 2, approved: 2, approvedWithoutAcceptance: 1, open: 1 },
      { quarter: "2026-Q4", plans: 1, accepted: 0, approved: 0, approvedWithoutAcceptance: 0, open: 1 },
    ]);
  });

  it("rolls an Approvals table up, naming the cell at fault", () => {
    const rows = ok(approvalColumnsByQuarter(["2026-Q3", null, "2026-Q3"], ["approved", null, "Draft"], ["2026-07-02", null, null]));
    expect(rows).toEqual([{ quarter: "2026-Q3", plans: 2, accepted: 1, approved: 1, approvedWithoutAcceptance: 0, open: 1 }]);
    expect(failure(approvalColumnsByQuarter(["2026-Q3"], ["Signed"], [null])).message).toMatch(/^states \(item 1\): expected one of "Draft"/);
    expect(failure(approvalColumnsByQuarter(["soon"], ["Draft"], [null])).message).toMatch(/^periods \(item 1\): expected a quarter/);
    expect(failure(approvalColumnsByQuarter([null], ["Draft"], [null])).message).toBe("periods (item 1): a value is required.");
    expect(failure(approvalColumnsByQuarter([null], [null], [null])).code).toBe("#N/A");
  });
});
