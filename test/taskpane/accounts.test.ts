// The Accounts tab's model on small hand-built workbooks: a partner's accounts with their deals,
// leads (against FollowUpBy, else the default SLA) and plan; the overlap with the vendor's list;
// target accounts and deal registrations saved as batches the workbook's write plan accepts, with
// conflicts against another partner's protection found before saving.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEAD_SLA_DAYS,
  type Registration,
  currentAccountPeriod,
  leadFollowUps,
  missingRegistrationColumns,
  nextId,
  nextStepTask,
  overlapOf,
  partnerAccounts,
  protectionOf,
  protectionText,
  registrationChanges,
  registrationConflicts,
  targetChanges,
} from "../../addin/taskpane/model/accounts";
import { type Upsert, planChanges } from "../../addin/workbook/plan";
import type { LeadRecord, PartnerData } from "../../addin/workbook/records";
import type { RawTable } from "../../addin/workbook/snapshot";
import { isEngineError } from "../../engine/error";
import { dateSerial } from "../../engine/excel/date";
import { applied, dataOf } from "./support";

const TODAY = dateSerial(2026, 10, 15);
const day = (offset: number) => TODAY + offset;
const DEAL_HEADERS = ["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed", "AccountId", "Registered", "ProtectedUntil", "Source", "Qualified"];

const table = (name: string, headers: string[], rows: unknown[][]): RawTable => ({ name, sheet: name, origin: { row: 1, column: 1 }, headers, rows });

/** Two partners, four vendor accounts (one without a status), deals, leads and a plan of P1. */
function workbook(options: { oldDeals?: boolean; tasks?: unknown[][] } = {}): RawTable[] {
  const deals: unknown[][] = [
    // P1 won on Acme, has an open registered deal on Brenner, lost on Castell.
    ["P1", "D00001", "Closed", 50_000, "Won", day(-200), day(-100), "A00001", day(-200), day(-110), "Partner-sourced", true],
    ["P1", "D00002", "Proposal", 20_000, "Open", day(-30), null, "A00002", day(-30), day(60), "Partner-sourced", true],
    ["P1", "D00003", "Qualified", 5_000, "Lost", day(-90), day(-20), "A00003", null, null, "Vendor", false],
    // P2 holds protection on Dunmore until day +40.
    ["P2", "D00009", "Qualified", 30_000, "Open", day(-50), null, "A00004", day(-50), day(40), "Partner-sourced", null],
  ];
  return [
    table("Partners", ["PartnerId", "Name", "Region"], [
      ["P1", "Northwind", "EMEA"],
      ["P2", "Contoso", "EMEA"],
    ]),
    table("Accounts", ["AccountId", "Name", "Domain", "Industry", "Region", "Owner", "Status"], [
      ["A00001", "Acme Manufacturing", "www.acme.com", "Manufacturing", "EMEA", "Oliver Grant", "Customer"],
      ["A00002", "Brenner Bank", "https://brenner.de/about", "Financial services", "EMEA", "Oliver Grant", "Prospect"],
      ["A00003", "Castell Health", "castell.fr", "Healthcare", "EMEA", "Elena Rossi", null],
      ["A00004", "Dunmore Retail", "shop.dunmore.co.uk", "Retail", "EMEA", "Elena Rossi", "Open opportunity"],
    ]),
    options.oldDeals ? table("Deals", DEAL_HEADERS.slice(0, 7), deals.map((d) => d.slice(0, 7))) : table("Deals", DEAL_HEADERS, deals),
    table("Leads", ["LeadId", "AccountId", "PartnerId", "Sent", "Accepted", "FollowUpBy", "Outcome"], [
      ["L00001", "A00004", "P1", day(-10), day(-8), day(-5), "Accepted"], // on time (FollowUpBy)
      ["L00002", "A00004", "P1", day(-20), day(-10), day(-18), "Accepted"], // late: 10 days > 2
      ["L00003", "A00002", "P1", day(-9), null, null, "Open"], // default SLA, overdue
      ["L00004", "A00002", "P1", day(-2), null, null, "Open"], // default SLA, open
      ["L00005", "A00002", "P1", day(-30), null, day(-25), "Rejected"],
    ]),
    table("AccountPlans", ["PartnerId", "AccountId", "Period", "Objective", "NextStep", "Due", "Owner"], [
      ["P1", "A00002", "FY2026", "Close the proposal", "Pricing workshop", day(10), "Ana"],
      ["P1", "A00001", "FY2025", "Renew", null, null, null],
    ]),
    table("Tasks", ["PartnerId", "Task", "Due", "Owner", "Done"], options.tasks ?? []),
  ];
}

/** Plans the batch against the workbook: the problems the save would report, or none. */
const problemsOf = (data: PartnerData, changes: Parameters<typeof planChanges>[1]) => {
  const r = planChanges(data.snapshot, changes);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe("the partner's accounts", () => {
  const data = dataOf(workbook());

  it("lists every account its deals, leads and plans name, targets of the period first, then open deals, then by name", () => {
    const { accounts } = partnerAccounts(data, "P1", "FY2026", TODAY);
    expect(accounts.map((a) => a.accountId)).toEqual(["A00002", "A00001", "A00003", "A00004"]);
    const brenner = accounts[0];
    expect(brenner.plan?.objective).toBe("Close the proposal");
    expect(brenner.deals.map((d) => d.dealId)).toEqual(["D00002"]);
    expect(accounts.find((a) => a.accountId === "A00001")!.plan).toBeUndefined(); // its plan is of FY2025
    // The partner's own status from its deals; the vendor's from Accounts.
    expect(accounts.map((a) => [a.partnerStatus, a.vendorStatus])).toEqual([
      ["Open opportunity", "Prospect"],
      ["Customer", "Customer"],
      ["Prospect", null],
      ["Prospect", "Open opportunity"],
    ]);
    // Another partner's accounts are not this one's.
    expect(partnerAccounts(data, "P2", "FY2026", TODAY).accounts.map((a) => a.accountId)).toEqual(["A00004"]);
  });

  it("states each lead against its FollowUpBy, else the default SLA; a rejected lead is Rejected", () => {
    const leads = partnerAccounts(data, "P1", "FY2026", TODAY).accounts.flatMap((a) => a.leads);
    const byId = Object.fromEntries(leads.map((l) => [l.lead.leadId, l]));
    expect(byId.L00001.state).toBe("On time");
    expect(byId.L00002.state).toBe("Accepted late");
    expect(byId.L00003.state).toBe("Overdue");
    expect(byId.L00003.slaDays).toBe(DEFAULT_LEAD_SLA_DAYS);
    expect(byId.L00003.acceptBy).toBe(day(-9 + DEFAULT_LEAD_SLA_DAYS));
    expect(byId.L00004.state).toBe("Open");
    expect(byId.L00005.state).toBe("Rejected");
  });

  it("gives a lead that is not accepted Overdue exactly when today is past its deadline (fuzzed)", () => {
    const lead = (sent: number, followUpBy: number | null): LeadRecord => ({ leadId: "L", accountId: "A", partnerId: "P", sent, accepted: null, followUpBy, outcome: "Open" });
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 0 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), (sentOffset, sla) => {
        const sent = day(sentOffset);
        const [l] = leadFollowUps([lead(sent, sla === null ? null : sent + sla)], TODAY).leads;
        const deadline = sent + (sla ?? DEFAULT_LEAD_SLA_DAYS);
        expect(l.acceptBy).toBe(deadline);
        expect(l.state).toBe(TODAY > deadline ? "Overdue" : "Open");
      }),
    );
  });

  it("words protection by the days left", () => {
    expect(protectionText(protectionOf({ registered: day(-5), protectedUntil: day(12) }, TODAY))).toBe("protection ends in 12 days");
    expect(protectionText(protectionOf({ registered: day(-5), protectedUntil: day(1) }, TODAY))).toBe("protection ends in 1 day");
    expect(protectionText(protectionOf({ registered: day(-5), protectedUntil: TODAY }, TODAY))).toBe("protection ends today");
    expect(protectionText(protectionOf({ registered: day(-95), protectedUntil: day(-1) }, TODAY))).toBe("protection expired");
    expect(protectionText(protectionOf({ registered: null, protectedUntil: null }, TODAY))).toBe("not registered");
    expect(protectionText(protectionOf({ registered: day(-5), protectedUntil: null }, TODAY))).toBe("protected, no end date");
  });

  it("maps the partner's accounts against the vendor's list by domain, leaving out accounts without a status", () => {
    const { accounts } = partnerAccounts(data, "P1", "FY2026", TODAY);
    const overlap = overlapOf(data, accounts);
    if (isEngineError(overlap)) throw overlap;
    // Castell has no vendor status: it is on the partner's list only.
    expect(overlap.shared.map((s) => [s.name, s.vendor, s.partner])).toEqual([
      ["Acme Manufacturing", "Customer", "Customer"],
      ["Brenner Bank", "Prospect", "Open opportunity"],
      ["Dunmore Retail", "Open opportunity", "Prospect"],
    ]);
    expect(overlap.partnerOnly).toBe(1);
    expect(overlap.unrated).toBe(1);
    // Rows: the vendor's status; columns: the partner's (Customer, Open opportunity, Prospect).
    expect(overlap.counts).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });

  it("opens on the shortest plan period covering today, else the year", () => {
    expect(currentAccountPeriod(data, "P1", TODAY, 2026)).toBe("FY2026");
    expect(currentAccountPeriod(data, "P1", dateSerial(2027, 2, 1), 2027)).toBe("FY2027");
  });
});

describe("target accounts", () => {
  const data = dataOf(workbook());

  it("saves the period's targets and a task per next step in one valid batch, dropping targets no longer chosen", () => {
    const result = targetChanges(data, "P1", "FY2026", [
      { accountId: "a00004", objective: "Win the evaluation", nextStep: "Demo for the finance team", due: day(20), owner: "Ana" },
      { accountId: "A00001", objective: "Expand", nextStep: "", due: null, owner: "" },
    ]);
    if (!result.ok) throw new Error(result.message);
    expect(result.removed).toBe(1); // Brenner's FY2026 row
    const after = applied(data, result.changes as Upsert[]);
    const plans = after.accountPlansOf("P1").filter((p) => p.period === "FY2026");
    expect(plans.map((p) => [p.accountId, p.objective, p.nextStep, p.due, p.owner])).toEqual([
      ["A00004", "Win the evaluation", "Demo for the finance team", day(20), "Ana"],
      ["A00001", "Expand", null, null, null],
    ]);
    expect(after.accountPlansOf("P1").some((p) => p.period === "FY2025")).toBe(true);
    const task = nextStepTask("FY2026", "Dunmore Retail", "Demo for the finance team");
    expect(result.tasks).toEqual([task]);
    expect(after.tasksOf("P1").map((t) => [t.task, t.due, t.owner])).toEqual([[task, day(20), "Ana"]]);
  });

  it("removes the open task of a next step that is replaced, cleared or no longer a target's; keeps done tasks and a step saved again", () => {
    const pricing = nextStepTask("FY2026", "Brenner Bank", "Pricing workshop");
    const kickoff = nextStepTask("FY2026", "Brenner Bank", "Kick-off");
    const other = nextStepTask("FY2025", "Brenner Bank", "Pricing workshop");
    const withTasks = dataOf(
      workbook({
        tasks: [
          ["P1", pricing, day(10), "Ana", null],
          ["P1", kickoff, day(-30), "Ana", day(-29)], // done: stays
          ["P1", other, day(-300), "Ana", null], // another period: stays
          ["P2", pricing, day(10), "Bo", null], // another partner: stays
        ],
      }),
    );
    const target = { accountId: "A00002", objective: "Close the proposal", due: day(12), owner: "Ana" };
    const tasksAfter = (r: ReturnType<typeof targetChanges>, partner = "P1") => {
      if (!r.ok) throw new Error(r.message);
      return applied(withTasks, r.changes as Upsert[]).tasksOf(partner).map((t) => t.task);
    };

    // The step replaced: its open task goes, the new one is added; the message's count says so.
    const replaced = targetChanges(withTasks, "P1", "FY2026", [{ ...target, nextStep: "Contract review" }]);
    expect(replaced.ok && replaced.withdrawn).toEqual([pricing]);
    expect(tasksAfter(replaced)).toEqual([kickoff, other, nextStepTask("FY2026", "Brenner Bank", "Contract review")]);
    expect(tasksAfter(replaced, "P2")).toEqual([pricing]);
    expect(problemsOf(withTasks, (replaced as { changes: Upsert[] }).changes)).toEqual([]);

    // The same step saved again (spaces aside): its task is kept and updated.
    const again = targetChanges(withTasks, "P1", "FY2026", [{ ...target, nextStep: " Pricing workshop " }]);
    expect(again.ok && again.withdrawn).toEqual([]);
    expect(tasksAfter(again)).toEqual([pricing, kickoff, other]);

    // The step cleared, or the account no longer a target: its open task goes.
    const cleared = targetChanges(withTasks, "P1", "FY2026", [{ ...target, nextStep: "", due: null }]);
    expect(cleared.ok && cleared.withdrawn).toEqual([pricing]);
    expect(tasksAfter(cleared)).toEqual([kickoff, other]);
    const dropped = targetChanges(withTasks, "P1", "FY2026", [{ accountId: "A00004", objective: "Win", nextStep: "", due: null, owner: "" }]);
    expect(dropped.ok && [dropped.removed, dropped.withdrawn]).toEqual([1, [pricing]]);
    expect(tasksAfter(dropped)).toEqual([kickoff, other]);

    // The replaced step's task already done: it stays, as the record of what was done.
    const done = dataOf(workbook({ tasks: [["P1", pricing, day(10), "Ana", day(9)]] }));
    const afterDone = targetChanges(done, "P1", "FY2026", [{ ...target, nextStep: "Contract review" }]);
    if (!afterDone.ok) throw new Error(afterDone.message);
    expect(afterDone.withdrawn).toEqual([]);
    expect(applied(done, afterDone.changes as Upsert[]).tasksOf("P1").map((t) => t.task)).toEqual([pricing, nextStepTask("FY2026", "Brenner Bank", "Contract review")]);
  });

  it("refuses a target without an objective, a next step without a due date, and an unknown account", () => {
    const t = { accountId: "A00004", objective: "Win", nextStep: "Call", due: day(3), owner: "" };
    expect(targetChanges(data, "P1", "FY2026", [{ ...t, objective: " " }])).toEqual({ ok: false, message: "Dunmore Retail: enter the objective." });
    expect(targetChanges(data, "P1", "FY2026", [{ ...t, due: null }])).toMatchObject({ ok: false, message: expect.stringContaining("needs a due date") });
    expect(targetChanges(data, "P1", "FY2026", [{ ...t, accountId: "A09999" }])).toMatchObject({ ok: false, message: "Account A09999 is not in the Accounts table." });
    expect(targetChanges(data, "P2", "FY2026", []).ok).toBe(false);
  });
});

describe("deal registration", () => {
  const data = dataOf(workbook());
  const base: Registration = { account: { accountId: "A00004" }, amount: 12_000, stage: "Qualified", source: "Partner-sourced", qualified: true, protectionDays: 90 };

  it("registers on an existing account, flagging the other partner's protection with the days both hold", () => {
    const result = registrationChanges(data, "P1", base, TODAY);
    if (!result.ok) throw new Error(result.message);
    expect(result.dealId).toBe("D00010");
    expect(result.protectedUntil).toBe(day(90));
    expect(result.conflicts.map((c) => [c.deal.dealId, c.partnerName, c.from, c.to])).toEqual([["D00009", "Contoso", TODAY, day(40)]]);
    const after = applied(data, result.changes as Upsert[]);
    const deal = after.dealsOf("P1").find((d) => d.dealId === "D00010")!;
    expect([deal.accountId, deal.stage, deal.amount, deal.outcome, deal.opened, deal.registered, deal.protectedUntil, deal.source, deal.qualified]).toEqual([
      "A00004",
      "Qualified",
      12_000,
      "Open",
      TODAY,
      TODAY,
      day(90),
      "Partner-sourced",
      true,
    ]);
    expect(after.accounts).toHaveLength(4);
  });

  it("finds no conflict with the partner's own deal, nor once the other protection has ended", () => {
    const own = registrationChanges(data, "P1", { ...base, account: { accountId: "A00002" } }, TODAY);
    expect(own.ok && own.conflicts).toEqual([]);
    const later = registrationConflicts(data, "P1", "A00004", day(41), day(100));
    expect(later).toEqual([]);
  });

  it("finds a conflict exactly when the two windows share a day (fuzzed against the dates)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 200 }), (start, days) => {
        const found = registrationConflicts(data, "P1", "A00004", day(start), day(start + days));
        if (isEngineError(found)) throw found;
        const [from, to] = [Math.max(day(start), day(-50)), Math.min(day(start + days), day(40))];
        expect(found.map((c) => [c.from, c.to])).toEqual(from <= to ? [[from, to]] : []);
      }),
    );
  });

  it("adds a new account with the deal, and refuses one already on the list by its domain or name", () => {
    const result = registrationChanges(data, "P1", { ...base, account: { name: "Elmstead Logistics", domain: "https://www.elmstead.se/" } }, TODAY);
    if (!result.ok) throw new Error(result.message);
    expect([result.accountId, result.newAccount, result.conflicts]).toEqual(["A00005", true, []]);
    const after = applied(data, result.changes as Upsert[]);
    expect(after.account("A00005")).toMatchObject({ name: "Elmstead Logistics", domain: "https://www.elmstead.se/", status: "Open opportunity", region: "EMEA" });
    expect(after.dealsOfAccount("A00005").map((d) => d.dealId)).toEqual(["D00010"]);
    const again = registrationChanges(data, "P1", { ...base, account: { name: "Dunmore Stores", domain: "DUNMORE.co.uk" } }, TODAY);
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("Dunmore Retail (A00004, shop.dunmore.co.uk) is already in the Accounts table") });
    expect(registrationChanges(data, "P1", { ...base, account: { name: "acme manufacturing", domain: "" } }, TODAY).ok).toBe(false);
  });

  it("refuses figures that do not read", () => {
    expect(registrationChanges(data, "P1", { ...base, amount: null }, TODAY).ok).toBe(false);
    expect(registrationChanges(data, "P1", { ...base, amount: Number.NaN }, TODAY).ok).toBe(false);
    expect(registrationChanges(data, "P1", { ...base, protectionDays: 0 }, TODAY).ok).toBe(false);
    expect(registrationChanges(data, "P1", { ...base, protectionDays: 2.5 }, TODAY).ok).toBe(false);
    expect(registrationChanges(data, "P1", { ...base, source: "Someone" }, TODAY).ok).toBe(false);
    expect(registrationChanges(data, "P1", { ...base, account: { accountId: "nope" } }, TODAY).ok).toBe(false);
  });

  it("says which Deals columns an older table lacks, before any form is filled, and refuses to register into it", () => {
    const old = dataOf(workbook({ oldDeals: true }));
    expect(missingRegistrationColumns(old)).toEqual(["AccountId", "Registered", "ProtectedUntil", "Source", "Qualified"]);
    expect(missingRegistrationColumns(data)).toEqual([]);
    const result = registrationChanges(old, "P1", base, TODAY);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("The Deals table has no AccountId, Registered, ProtectedUntil, Source, Qualified columns") });
    // What the save would have said without the check: the table lacks the column.
    const direct = registrationChanges(data, "P1", base, TODAY);
    if (!direct.ok) throw new Error(direct.message);
    expect(problemsOf(old, direct.changes).join("; ")).toContain("table Deals has no AccountId column");
  });

  it("numbers new ids after the largest, as wide as the widest", () => {
    expect(nextId(["D00001", "D00009", "X7"], "D")).toBe("D00010");
    expect(nextId([], "A")).toBe("A00001");
    expect(nextId(["A1234567"], "A")).toBe("A1234568");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999 }), { maxLength: 20 }), (ns) => {
        const ids = ns.map((n) => `D${String(n).padStart(5, "0")}`);
        const next = nextId(ids, "D");
        expect(ids).not.toContain(next);
        expect(Number(next.slice(1))).toBe(Math.max(0, ...ns) + 1);
      }),
    );
  });
});
