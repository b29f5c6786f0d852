// The Portfolio view's account-planning model on networks built by hand: won revenue credited to
// partners and the vendor by region and by partner, leads past their SLA and channel conflicts,
// checked against figures worked out from the definitions, and on random networks (the regions and
// the partners add up to the total, every won deal of the period is counted once).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEAD_SLA_DAYS,
  NO_REGION,
  type AccountConflict,
  accountConflicts,
  conflictsByAccount,
  creditPeriods,
  creditPortfolio,
  defaultCreditPeriod,
  leadFollowUp,
} from "../../addin/taskpane/model/portfolio-accounts";
import type { RawTable } from "../../addin/workbook/snapshot";
import { dateSerial } from "../../engine/excel/date";
import { dataOf } from "./support";

type Row = (string | number | boolean | null)[];
const table = (name: string, headers: string[], rows: Row[]): RawTable => ({ name, sheet: name, origin: { row: 1, column: 1 }, headers, rows });

const PARTNERS = ["PartnerId", "Name", "Region"];
const DEALS = ["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed", "AccountId", "Registered", "ProtectedUntil", "Source"];
const ACCOUNTS = ["AccountId", "Name", "Region"];
const LEADS = ["LeadId", "AccountId", "PartnerId", "Sent", "Accepted", "FollowUpBy", "Outcome"];
const day = (m: number, d: number, y = 2026) => dateSerial(y, m, d);

const partners = table("Partners", PARTNERS, [
  ["P1", "Alpha", "EMEA"],
  ["P2", "Beta", "emea"],
  ["P3", "Gamma", "Americas"],
  ["P4", "Delta", null],
]);
const accounts = table("Accounts", ACCOUNTS, [
  ["A1", "Acme Ltd", "EMEA"],
  ["A2", "Borealis", "Americas"],
]);

describe("won revenue credited to partners and the vendor", () => {
  const data = dataOf([
    partners,
    accounts,
    table("Deals", DEALS, [
      ["P1", "D1", "Closed", 1_000, "Won", day(1, 5), day(2, 1), "A1", null, null, "Partner-sourced"],
      ["P1", "D2", "Closed", 500, "Won", day(3, 1), day(8, 1), "A1", null, null, "partner-INFLUENCED"],
      ["P1", "D3", "Closed", 9_999, "Lost", day(3, 1), day(8, 1), null, null, null, "Partner-sourced"],
      ["P2", "D4", "Closed", 2_000, "Won", day(3, 1), day(5, 1), null, null, null, null],
      ["P2", "D5", "Open", 7_777, "Open", day(3, 1), null, null, null, null, "Partner-sourced"],
      ["P3", "D6", "Closed", 4_000, "Won", day(1, 1), day(11, 30), null, null, null, "Vendor"],
      ["P3", "D7", "Closed", 300, "Won", day(1, 1), day(12, 31, 2025), null, null, null, "Partner-sourced"],
      ["P4", "D8", "Closed", 100, "Won", day(1, 1), day(6, 30), null, null, null, "Partner-influenced"],
      ["P4", "D9", "Closed", -50, "Won", day(1, 1), day(6, 30), null, null, null, "Partner-sourced"],
    ]),
  ]);

  it("lists each year with won deals, then its quarters with won deals, and opens on the year of today", () => {
    const periods = creditPeriods(data);
    expect(periods).toEqual(["FY2026", "2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "FY2025", "2025-Q4"]);
    expect(defaultCreditPeriod(periods, day(12, 7))).toBe("FY2026");
    expect(defaultCreditPeriod(periods, day(3, 1, 2027))).toBe("FY2026");
    expect(defaultCreditPeriod(periods, day(3, 1, 2025))).toBe("FY2025");
    expect(defaultCreditPeriod(periods, day(3, 1, 2024))).toBe("FY2026");
    expect(defaultCreditPeriod([], day(3, 1))).toBeUndefined();
  });

  it("credits the period's won deals by Source (blank: the vendor), by the partner's region in any case, and leaves out an Amount that does not read", () => {
    const c = creditPortfolio(data, "FY2026")!;
    // D1 sourced 1,000; D2 influenced 500; D4 vendor (blank) 2,000; D6 vendor 4,000; D8 influenced 100.
    expect(c.total).toMatchObject({ sourced: 1_000, influenced: 600, vendor: 6_000, won: 7_600, deals: 5 });
    expect(c.total.partnerShare).toBeCloseTo(1_600 / 7_600, 12);
    expect(c.byRegion.map((g) => [g.key, g.sourced, g.influenced, g.vendor, g.won])).toEqual([
      ["Americas", 0, 0, 4_000, 4_000],
      ["EMEA", 1_000, 500, 2_000, 3_500],
      [NO_REGION, 0, 100, 0, 100],
    ]);
    expect(c.byPartner.map((p) => [p.partnerId, p.name, p.sourced + p.influenced])).toEqual([
      ["P1", "Alpha", 1_500],
      ["P4", "Delta", 100],
      ["P3", "Gamma", 0],
      ["P2", "Beta", 0],
    ]);
    expect(c.byRegion.find((g) => g.key === "Americas")!.partnerShare).toBe(0);
    expect(c.unread).toEqual([{ partnerId: "P4", dealId: "D9", message: expect.stringContaining("-50") }]);
    const q3 = creditPortfolio(data, "2026-Q3")!;
    expect(q3.total).toMatchObject({ sourced: 0, influenced: 500, vendor: 0, won: 500 });
    expect(creditPortfolio(data, "2025-Q4")!.total.sourced).toBe(300);
    const none = creditPortfolio(data, "2024-Q1")!;
    expect(none.total).toMatchObject({ won: 0, partnerShare: null });
    expect(none.byRegion).toEqual([]);
    expect(creditPortfolio(data, "someday")).toBeNull();
  });

  const source = fc.constantFrom("Partner-sourced", "Partner-influenced", "Vendor", null, "partner-SOURCED", "vendor");
  const outcome = fc.constantFrom("Won", "Lost", "Open", "won");
  const deal = fc.record({
    partner: fc.constantFrom("P1", "P2", "P3", "P4", "P9"),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    outcome,
    closed: fc.option(fc.integer({ min: day(10, 1, 2025), max: day(3, 31, 2027) }), { nil: null }),
    source,
  });

  it("adds up: the regions and the partners each sum to the total, and the total is every won deal of the period once", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), fc.constantFrom("FY2026", "2026-Q2", "2025-Q4", "FY2027"), (deals, period) => {
        const d = dataOf([partners, table("Deals", DEALS, deals.map((x, i) => [x.partner, `D${i}`, "S", x.amount, x.outcome, day(1, 1, 2025), x.closed, null, null, null, x.source]))]);
        const c = creditPortfolio(d, period)!;
        const span = { FY2026: [day(1, 1), day(12, 31)], "2026-Q2": [day(4, 1), day(6, 30)], "2025-Q4": [day(10, 1, 2025), day(12, 31, 2025)], FY2027: [day(1, 1, 2027), day(12, 31, 2027)] }[period]!;
        const counted = deals.filter((x) => x.outcome.toLowerCase() === "won" && x.closed !== null && x.closed >= span[0] && x.closed <= span[1]);
        expect(c.total.won).toBe(counted.reduce((s, x) => s + x.amount, 0));
        expect(c.total.deals).toBe(counted.length);
        expect(c.total.sourced + c.total.influenced + c.total.vendor).toBe(c.total.won);
        for (const field of ["sourced", "influenced", "vendor", "won", "deals"] as const) {
          expect(c.byRegion.reduce((s, g) => s + g[field], 0)).toBe(c.total[field]);
          expect(c.byPartner.reduce((s, g) => s + g[field], 0)).toBe(c.total[field]);
        }
        const credit = c.byPartner.map((p) => p.sourced + p.influenced);
        expect(credit).toEqual([...credit].sort((a, b) => b - a));
        for (const g of [c.total, ...c.byRegion]) {
          if (g.won === 0) expect(g.partnerShare).toBeNull();
          else expect(g.partnerShare!).toBeGreaterThanOrEqual(0), expect(g.partnerShare!).toBeLessThanOrEqual(1);
        }
        expect(JSON.stringify(c)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 150 },
    );
  });
});

describe("leads past their SLA", () => {
  const today = day(9, 30);
  const data = dataOf([
    partners,
    accounts,
    table("Leads", LEADS, [
      ["L1", "A1", "P1", day(9, 1), null, day(9, 6), "Open"], // 24 days past due
      ["L2", "A1", "P1", day(9, 1), day(9, 3), day(9, 6), "Accepted"], // on time
      ["L3", "A2", "P2", day(9, 1), day(9, 20), day(9, 6), "Accepted"], // accepted late
      ["L4", "A2", "P2", day(9, 1), null, day(9, 6), "Rejected"], // answered
      ["L5", "A2", "P3", day(9, 20), null, null, "Open"], // default SLA: due 9-25, 5 days past
      ["L6", "A2", "P3", day(9, 27), null, day(10, 2), "Open"], // still open
      ["L7", "A9", "P1", day(9, 10), null, day(9, 30), "Open"], // due today: open
      ["L8", null, "P1", day(8, 1), null, day(8, 1), null], // same-day SLA: 60 days past
    ]),
  ]);

  it("counts a lead from its FollowUpBy (else the default SLA), leaves a rejected lead out and lists the overdue ones, longest first", () => {
    const f = leadFollowUp(data, today);
    expect(f.counts).toEqual({ "On time": 1, "Accepted late": 1, Overdue: 3, Open: 2 });
    expect(f.late.map((l) => [l.leadId, l.due, l.daysLate])).toEqual([
      ["L8", day(8, 1), 60],
      ["L1", day(9, 6), 24],
      ["L5", day(9, 20) + DEFAULT_LEAD_SLA_DAYS, 5],
    ]);
    expect(f.late[1]).toMatchObject({ account: "Acme Ltd", name: "Alpha" });
    expect(f.late[0].account).toBeNull();
    expect(f.byPartner).toEqual([
      { partnerId: "P1", name: "Alpha", count: 2, longest: 60 },
      { partnerId: "P3", name: "Gamma", count: 1, longest: 5 },
    ]);
    expect(f.defaulted).toBe(1);
  });

  it("reports a lead accepted before it was sent rather than failing the others", () => {
    const bad = dataOf([partners, table("Leads", LEADS, [["L1", null, "P1", day(9, 10), day(9, 1), null, "Accepted"], ["L2", null, "P1", day(9, 1), null, null, null]])]);
    const f = leadFollowUp(bad, today);
    expect(f.unread).toEqual([{ leadId: "L1", message: expect.stringMatching(/before/) }]);
    expect(f.late.map((l) => l.leadId)).toEqual(["L2"]);
  });

  it("calls a lead overdue exactly when it is not accepted, not rejected, and today is past its due day", () => {
    const lead = fc.record({
      sent: fc.integer({ min: day(1, 1), max: day(12, 31) }),
      accepted: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      sla: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      rejected: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(lead, { maxLength: 30 }), fc.integer({ min: day(1, 1), max: day(3, 1, 2027) }), (leads, asOf) => {
        const d = dataOf([
          partners,
          table(
            "Leads",
            LEADS,
            leads.map((l, i) => [`L${i}`, null, "P1", l.sent, l.accepted === null ? null : l.sent + l.accepted, l.sla === null ? null : l.sent + l.sla, l.rejected ? "Rejected" : "Open"]),
          ),
        ]);
        const f = leadFollowUp(d, asOf);
        const expected = leads.flatMap((l, i) => (!l.rejected && l.accepted === null && asOf > l.sent + (l.sla ?? DEFAULT_LEAD_SLA_DAYS) ? [`L${i}`] : []));
        expect(f.late.map((l) => l.leadId).sort()).toEqual(expected.sort());
        expect(f.late.every((l) => l.daysLate > 0)).toBe(true);
        expect(f.byPartner.reduce((s, p) => s + p.count, 0)).toBe(f.late.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("channel conflicts", () => {
  it("pairs two partners' registrations protecting the same account on shared days, running ones first, with names", () => {
    const data = dataOf([
      partners,
      accounts,
      table("Deals", DEALS, [
        ["P1", "D1", "Open", 100, "Open", day(1, 1), null, "A1", day(1, 1), day(3, 31), "Partner-sourced"],
        ["P2", "D2", "Open", 100, "Open", day(1, 1), null, "a1", day(3, 1), day(5, 31), "Partner-sourced"],
        ["P1", "D3", "Open", 100, "Open", day(1, 1), null, "A1", day(4, 1), day(4, 30), "Partner-sourced"], // same partner as D1: not a conflict with it
        ["P3", "D4", "Open", 100, "Open", day(1, 1), null, "A2", day(9, 1), null, "Partner-sourced"],
        ["P4", "D5", "Open", 100, "Open", day(1, 1), null, "A2", day(9, 15), day(12, 31), "Partner-sourced"],
        ["P4", "D6", "Open", 100, "Open", day(1, 1), null, "A2", null, null, "Vendor"], // not registered
      ]),
    ]);
    const { conflicts, error } = accountConflicts(data, day(10, 1));
    expect(error).toBeNull();
    expect(conflicts.map((c) => [c.account, c.first.dealId, c.second.dealId, c.from, c.to, c.current])).toEqual([
      ["Borealis", "D4", "D5", day(9, 15), day(12, 31), true],
      ["Acme Ltd", "D2", "D3", day(4, 1), day(4, 30), false],
      ["Acme Ltd", "D1", "D2", day(3, 1), day(3, 31), false],
    ]);
    expect(conflicts[0].first).toMatchObject({ partnerId: "P3", name: "Gamma", protectedUntil: null });

    // By account: Acme's two pairs are one account to resolve, Alpha (two deals) and Beta (one).
    expect(conflictsByAccount(conflicts)).toEqual([
      { accountId: "A2", account: "Borealis", partners: [{ partnerId: "P3", name: "Gamma", dealIds: ["D4"] }, { partnerId: "P4", name: "Delta", dealIds: ["D5"] }], pairs: 1, from: day(9, 15), to: day(12, 31), current: true },
      { accountId: "A1", account: "Acme Ltd", partners: [{ partnerId: "P1", name: "Alpha", dealIds: ["D1", "D3"] }, { partnerId: "P2", name: "Beta", dealIds: ["D2"] }], pairs: 2, from: day(3, 1), to: day(4, 30), current: false },
    ]);
  });

  it("by account: a third partner joins its account's line, and shared days with no end leave the span open", () => {
    const data = dataOf([
      partners,
      accounts,
      table("Deals", DEALS, [
        ["P2", "D10", "Open", 100, "Open", day(1, 1), null, "A1", day(6, 1), null, "Partner-sourced"],
        ["P1", "D2", "Open", 100, "Open", day(1, 1), null, "A1", day(5, 1), day(8, 31), "Partner-sourced"],
        ["P3", "D3", "Open", 100, "Open", day(1, 1), null, "A1", day(7, 1), null, "Partner-sourced"],
      ]),
    ]);
    const { conflicts } = accountConflicts(data, day(10, 1));
    expect(conflicts).toHaveLength(3);
    const [acme] = conflictsByAccount(conflicts);
    expect(acme.partners.map((p) => [p.partnerId, p.dealIds])).toEqual([
      ["P1", ["D2"]],
      ["P2", ["D10"]],
      ["P3", ["D3"]],
    ]);
    expect(acme).toMatchObject({ pairs: 3, from: day(6, 1), to: null, current: true });
  });

  it("by account: accounts and partners as PARTNER.CONFLICT matched them (a web address as its domain, an id in any case)", () => {
    const data = dataOf([
      partners,
      table("Deals", DEALS, [
        ["P1", "D1", "Open", 100, "Open", day(1, 1), null, "acme.com", day(5, 1), day(8, 31), "Partner-sourced"],
        ["P2", "D2", "Open", 100, "Open", day(1, 1), null, "www.acme.com", day(6, 1), day(9, 30), "Partner-sourced"],
        ["P3", "D3", "Open", 100, "Open", day(1, 1), null, "acme.com", day(7, 1), day(9, 30), "Partner-sourced"],
        ["p1", "D4", "Open", 100, "Open", day(1, 1), null, "https://acme.com/about", day(7, 15), day(8, 15), "Partner-sourced"],
      ]),
    ]);
    const { conflicts } = accountConflicts(data, day(10, 1));
    expect(conflicts.length).toBeGreaterThanOrEqual(5);
    const groups = conflictsByAccount(conflicts);
    expect(groups).toHaveLength(1);
    expect(groups[0].pairs).toBe(conflicts.length);
    expect(groups[0].partners.map((p) => [p.partnerId.toUpperCase(), p.dealIds])).toEqual([
      ["P1", ["D1", "D4"]],
      ["P2", ["D2"]],
      ["P3", ["D3"]],
    ]);
  });

  it("by account: every pair counted once, every deal of a pair under its partner on its account, the span holding each pair's days", () => {
    const side = fc.record({ partnerId: fc.constantFrom("P1", "P2", "P3", "P4"), dealId: fc.integer({ min: 1, max: 40 }).map((n) => `D${n}`), registered: fc.integer({ min: 0, max: 100 }) });
    const conflict = fc
      .record({ accountId: fc.constantFrom("A1", "a1", "A2", "A3"), first: side, second: side, from: fc.integer({ min: 0, max: 200 }), length: fc.option(fc.integer({ min: 0, max: 90 })), today: fc.integer({ min: 0, max: 300 }) })
      .filter((c) => c.first.partnerId !== c.second.partnerId)
      .map(({ accountId, first, second, from, length, today }): AccountConflict => {
        const to = length === null ? null : from + length;
        const full = (s: typeof first) => ({ ...s, name: `Name of ${s.partnerId}`, protectedUntil: null });
        return { accountId, account: `Account ${accountId}`, first: full(first), second: full(second), from, to, current: to === null || to >= today };
      });
    fc.assert(
      fc.property(fc.array(conflict, { maxLength: 30 }), (conflicts) => {
        const groups = conflictsByAccount(conflicts);
        expect(groups.reduce((n, g) => n + g.pairs, 0)).toBe(conflicts.length);
        expect(new Set(groups.map((g) => g.accountId.toLowerCase())).size).toBe(groups.length);
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
        for (const c of conflicts) {
          const g = groups.find((x) => same(x.accountId, c.accountId))!;
          for (const s of [c.first, c.second]) expect(g.partners.find((p) => p.partnerId === s.partnerId)?.dealIds).toContain(s.dealId);
          expect(g.from).toBeLessThanOrEqual(c.from);
          if (g.to !== null) expect(c.to).not.toBeNull();
          if (g.to !== null) expect(g.to).toBeGreaterThanOrEqual(c.to!);
          if (c.current) expect(g.current).toBe(true);
        }
        for (const g of groups) {
          const own = conflicts.filter((c) => same(c.accountId, g.accountId));
          expect(g.pairs).toBe(own.length);
          expect(g.current).toBe(own.some((c) => c.current));
          const partnersIn = new Set(own.flatMap((c) => [c.first.partnerId, c.second.partnerId]));
          expect(new Set(g.partners.map((p) => p.partnerId))).toEqual(partnersIn);
        }
        // Running accounts come first.
        const firstPast = groups.findIndex((g) => !g.current);
        if (firstPast >= 0) expect(groups.slice(firstPast).every((g) => !g.current)).toBe(true);
      }),
    );
  });

  it("says why when a protection ends before its registration", () => {
    const data = dataOf([partners, table("Deals", DEALS, [["P1", "D1", "Open", 1, "Open", null, null, "A1", day(3, 1), day(2, 1), null]])]);
    const result = accountConflicts(data, day(10, 1));
    expect(result.conflicts).toEqual([]);
    expect(result.error).toMatch(/before/);
  });
});
