// The Portfolio view's funds and realism models on networks built by hand: MDF utilisation and ROI
// by region and activity type, the fund requests waiting on someone, and the plans by realism,
// checked against figures worked out from the definitions and against the Plan builder's own
// network and label for every target.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_PEERS, networkOf, realismOf } from "../../addin/taskpane/model/builder";
import { latestPlans } from "../../addin/taskpane/model/portfolio";
import { NOT_IN_LIBRARY, NO_REGION, defaultFundPeriod, fundPeriods, mdfPortfolio, waitingRequests } from "../../addin/taskpane/model/portfolio-funds";
import { REALISM_COLUMNS, aroundWithout, plansByRealism } from "../../addin/taskpane/model/portfolio-realism";
import type { RawTable } from "../../addin/workbook/snapshot";
import { around, sortAscending } from "../../engine/excel/statistical";
import { dateSerial } from "../../engine/excel/date";
import { FUND_STATES } from "../../engine/funds";
import { dataOf } from "./support";

type Row = (string | number | boolean | null)[];
const table = (name: string, headers: string[], rows: Row[]): RawTable => ({ name, sheet: name, origin: { row: 1, column: 1 }, headers, rows });

const PARTNERS = ["PartnerId", "Name", "Region"];
const LIBRARY = ["GoalId", "Goal", "Category", "ActivityId", "Activity", "KPI", "MDFEligible"];
const FUNDS = ["PartnerId", "Period", "FundType", "Allocated"];
const REQUESTS = ["RequestId", "PartnerId", "Period", "ActivityId", "FundType", "Amount", "State", "SubmittedOn", "ReviewedOn", "ClaimAmount", "ClaimedOn", "PaidOn"];
const DEALS = ["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed"];
const PLAN = ["PartnerId", "Period", "KPI", "Target", "Actual"];

const day = (m: number, d: number, y = 2026) => dateSerial(y, m, d);
const library = table("Library", LIBRARY, [
  ["G1", "Demand", "Marketing", "A1", "Joint webinar", "Leads", true],
  ["G2", "Pipeline", "Sales", "A2", "Outbound campaign", "Pipeline", true],
]);

describe("MDF across the network", () => {
  const data = dataOf([
    table("Partners", PARTNERS, [
      ["P1", "Alpha", "EMEA"],
      ["P2", "Beta", "emea"],
      ["P3", "Gamma", "Americas"],
      ["P4", "Delta", null],
    ]),
    library,
    table("Funds", FUNDS, [
      ["P1", "FY2026", "MDF", 10_000],
      ["P1", "FY2026", "Co-op", 3_000],
      ["P2", "FY2026", "MDF", 5_000],
      ["P3", "FY2026", "MDF", 8_000],
      ["P3", "FY2025", "MDF", 4_000],
      ["P4", "FY2026", "MDF", 1_000],
    ]),
    table("FundRequests", REQUESTS, [
      ["R1", "P1", "FY2026", "A1", "MDF", 4_000, "Paid", day(2, 1), day(2, 10), 3_000, day(4, 1), day(4, 20)],
      ["R2", "P1", "FY2026", "A2", "MDF", 2_000, "Paid", day(2, 1), day(2, 10), 1_000, day(5, 1), day(5, 20)],
      ["R3", "P2", "FY2026", "A1", "MDF", 3_000, "Approved", day(3, 1), day(3, 5), null, null, null],
      ["R4", "P3", "FY2026", "A2", "MDF", 1_000, "Submitted", day(9, 1), null, null, null, null],
      ["R5", "P3", "FY2026", "A1", "MDF", 500, "Draft", null, null, null, null, null],
      ["R6", "P1", "FY2026", "A1", "Co-op", 1_000, "Paid", day(2, 1), day(2, 2), 1_000, day(3, 1), day(3, 2)],
      ["R7", "P2", "FY2026", "A9", "MDF", 1_000, "Claimed", day(6, 1), day(6, 2), 800, day(9, 20), null],
      ["R8", "P4", "FY2026", "A1", "MDF", 700, "Submitted", null, null, null, null, null],
    ]),
    table("Deals", DEALS, [
      ["P1", "D1", "Closed", 20_000, "Won", day(1, 5), day(3, 1)],
      ["P1", "D2", "Closed", 5_000, "Won", day(10, 1, 2025), day(12, 1, 2025)],
      ["P1", "D3", "Closed", 9_999, "Lost", day(1, 5), day(3, 1)],
      ["P1", "D4", "Negotiation", 50_000, "Open", day(1, 5), null],
      ["P2", "D5", "Closed", 7_000, "Won", day(1, 5), day(3, 1)],
      ["P3", "D6", "Closed", 1_000, "won", day(1, 5), day(3, 1)],
    ]),
  ]);

  it("adds up the MDF of the period: allocated, approved, paid, utilisation, and the won revenue of the partners paid MDF with its ROI", () => {
    const mdf = mdfPortfolio(data, "FY2026");
    // Co-op rows and the FY2025 allocation are not MDF of FY2026; the Draft counts nowhere.
    expect(mdf.partners).toBe(4);
    expect(mdf.funded).toBe(1);
    // Approved: R1 4,000 + R2 2,000 + R3 3,000 + R7 1,000 (claimed, so approved). Paid: the two paid claims, 3,000 + 1,000.
    // Won: only Alpha was paid MDF, and only its deal won inside 2026 counts: 20,000; ROI (20,000 − 4,000) / 4,000 = 4.
    expect(mdf.total).toEqual({ key: "Network", allocated: 24_000, approved: 10_000, paid: 4_000, utilisation: 4_000 / 24_000, won: 20_000, roi: 4 });
    expect(mdf.byRegion).toEqual([
      { key: "Americas", allocated: 8_000, approved: 0, paid: 0, utilisation: 0, won: 0, roi: null },
      { key: "EMEA", allocated: 15_000, approved: 10_000, paid: 4_000, utilisation: 4_000 / 15_000, won: 20_000, roi: 4 },
      { key: NO_REGION, allocated: 1_000, approved: 0, paid: 0, utilisation: 0, won: 0, roi: null },
    ]);
    // Alpha's 20,000 shared by what each request was paid: 3/4 to the webinar (Marketing), 1/4 to the outbound campaign (Sales).
    expect(mdf.byCategory).toEqual([
      { key: "Marketing", allocated: null, approved: 7_000, paid: 3_000, utilisation: null, won: 15_000, roi: 4 },
      { key: "Sales", allocated: null, approved: 2_000, paid: 1_000, utilisation: null, won: 5_000, roi: 4 },
      { key: NOT_IN_LIBRARY, allocated: null, approved: 1_000, paid: 0, utilisation: null, won: 0, roi: null },
    ]);
    expect(mdf.unread).toEqual([]);
  });

  it("attributes no revenue to a period it cannot date, and leaves out a partner whose ledger breaks a rule, naming it", () => {
    const undated = mdfPortfolio(data, "Someday");
    expect(undated.partners).toBe(0);
    expect(undated.total.won).toBeNull();
    expect(undated.total.roi).toBeNull();
    const broken = dataOf([
      table("Partners", PARTNERS, [["P1", "Alpha", "EMEA"]]),
      library,
      table("Funds", FUNDS, [["P1", "FY2026", "MDF", 1_000]]),
      table("FundRequests", REQUESTS, [["R1", "P1", "FY2026", "A1", "MDF", 5_000, "Approved", day(1, 1), day(1, 2), null, null, null]]),
    ]);
    const mdf = mdfPortfolio(broken, "FY2026");
    expect(mdf.unread.map((u) => u.name)).toEqual(["Alpha"]);
    expect(mdf.unread[0].message).toMatch(/\S/);
    expect(mdf.partners).toBe(0);
    expect(mdf.total.allocated).toBe(0);
  });

  it("offers the periods with funds latest first, and opens on the latest that has begun", () => {
    const periods = fundPeriods(data);
    expect(periods).toEqual(["FY2026", "FY2025"]);
    expect(defaultFundPeriod(periods, day(10, 1))).toBe("FY2026");
    // Before 2026 begins, FY2026 is still to come.
    expect(defaultFundPeriod(periods, day(12, 1, 2025))).toBe("FY2025");
    expect(defaultFundPeriod(["2027-Q2", "2027-Q1", "Someday"], day(10, 1))).toBe("2027-Q1");
    expect(defaultFundPeriod(["Someday"], day(10, 1))).toBe("Someday");
    expect(defaultFundPeriod([], day(10, 1))).toBeUndefined();
  });

  it("lists the requests waiting on the approver, the partner's claim and finance, with amounts and ages", () => {
    const today = day(10, 1);
    const waiting = waitingRequests(data, today);
    expect(waiting.map((w) => [w.state, w.on, w.count, w.amount, w.oldest, w.undated])).toEqual([
      // R4 submitted on 1 September (30 days) and R8 without a date; the Draft waits on nobody.
      ["Submitted", "Vendor approver", 2, 1_700, 30, 1],
      // R3 approved on 5 March: 210 days.
      ["Approved", "Partner", 1, 3_000, 210, 0],
      // R7's claim of 800 (not its 1,000 approval) since 20 September.
      ["Claimed", "Finance", 1, 800, 11, 0],
    ]);
    expect(waiting[0].requests.map((r) => [r.requestId, r.name, r.age])).toEqual([
      ["R4", "Gamma", 30],
      ["R8", "Delta", null],
    ]);
  });
});

// Random networks: a few partners in a few regions, requests in every state with amounts that keep
// each partner's ledger within its allocation, and won deals.
const networkArb = fc
  .array(
    fc.record({
      region: fc.constantFrom("EMEA", "APAC", "Americas", null),
      allocated: fc.integer({ min: 0, max: 50 }),
      requests: fc.array(fc.record({ state: fc.constantFrom(...FUND_STATES), share: fc.integer({ min: 1, max: 10 }), claim: fc.integer({ min: 1, max: 10 }), activity: fc.constantFrom("A1", "A2", "A9", null), age: fc.option(fc.integer({ min: 0, max: 400 })) }), { maxLength: 5 }),
      won: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((partners) => {
    const funds: Row[] = [];
    const requests: Row[] = [];
    const deals: Row[] = [];
    let n = 0;
    partners.forEach((p, i) => {
      const id = `P${i + 1}`;
      const allocated = p.allocated * 1_000;
      if (allocated) funds.push([id, "FY2026", "MDF", allocated]);
      // Each request asks for at most its share of the allocation, so approvals never go over it.
      const total = p.requests.reduce((s, r) => s + r.share, 0);
      for (const r of p.requests) {
        const amount = allocated ? Math.floor((allocated * r.share) / total) : 0;
        if (!amount) continue;
        const claim = Math.max(1, Math.floor((amount * r.claim) / 10));
        const claimed = r.state === "Claimed" || r.state === "Paid";
        const since = r.age === null ? null : dateSerial(2026, 10, 1) - r.age;
        requests.push([`R${++n}`, id, "FY2026", r.activity, "MDF", amount, r.state, since, since, claimed ? claim : null, since, null]);
      }
      p.won.forEach((w, j) => deals.push([id, `${id}-D${j}`, "Closed", w, "Won", dateSerial(2026, 1, 1), dateSerial(2026, 6, 1)]));
    });
    return dataOf([
      table("Partners", PARTNERS, partners.map((p, i) => [`P${i + 1}`, `Partner ${i + 1}`, p.region])),
      library,
      table("Funds", FUNDS, funds),
      table("FundRequests", REQUESTS, requests),
      table("Deals", DEALS, deals),
    ]);
  });

describe("MDF sums across random networks", () => {
  it("adds up: the regions and the activity types to the network's totals, and the waiting requests to the requests in those states", () => {
    fc.assert(
      fc.property(networkArb, (data) => {
        const mdf = mdfPortfolio(data, "FY2026");
        expect(mdf.unread).toEqual([]);
        const sum = (groups: typeof mdf.byRegion, key: "allocated" | "approved" | "paid" | "won") => groups.reduce((s, g) => s + (g[key] ?? 0), 0);
        for (const key of ["allocated", "approved", "paid", "won"] as const) expect(sum(mdf.byRegion, key)).toBeCloseTo(mdf.total[key] ?? 0, 6);
        for (const key of ["approved", "paid", "won"] as const) expect(sum(mdf.byCategory, key)).toBeCloseTo(mdf.total[key] ?? 0, 6);
        for (const g of [mdf.total, ...mdf.byRegion, ...mdf.byCategory]) {
          expect(g.paid).toBeLessThanOrEqual(g.approved);
          for (const v of [g.utilisation, g.roi]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          expect(g.roi === null).toBe(g.paid === 0);
        }
        const waiting = waitingRequests(data, dateSerial(2026, 10, 1));
        for (const w of waiting) {
          const inState = data.fundRequests.filter((r) => r.state === w.state);
          expect(w.count).toBe(inState.length);
          expect(w.requests.map((r) => r.requestId).sort()).toEqual(inState.map((r) => r.requestId).sort());
          expect(w.amount).toBe(inState.reduce((s, r) => s + ((w.state === "Claimed" ? r.claimAmount : r.amount) ?? 0), 0));
          const ages = w.requests.map((r) => r.age).filter((a) => a !== null);
          expect(w.oldest).toBe(ages.length ? Math.max(...ages) : null);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("plans by realism", () => {
  it("leaves one copy of a partner's own result out of the counts around a target, as removing it from the array would", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 25 }), fc.nat(), fc.integer({ min: -2, max: 22 }), fc.boolean(), (values, pick, whole, half) => {
        const sorted = sortAscending(values);
        const own = values[pick % values.length];
        const x = half ? whole + 0.5 : whole;
        const rest = [...values];
        rest.splice(pick % values.length, 1);
        const expected = around(rest, x);
        const got = aroundWithout(sorted, x, own);
        expect({ ...got, lower: got.n ? got.lower : null, upper: got.n ? got.upper : null }).toEqual({ ...expected, lower: expected.n ? expected.lower : null, upper: expected.n ? expected.upper : null });
        expect(aroundWithout(sorted, x, 99)).toEqual(around(values, x));
      }),
    );
  });

  const TIERS = ["MVP", "MGP", "STP"];
  const plansArb = fc.array(
    fc.record({
      tier: fc.option(fc.constantFrom(...TIERS)),
      rows: fc.array(fc.record({ period: fc.constantFrom("2026-Q2", "2026-Q3"), kpi: fc.constantFrom("Revenue", "Leads", "revenue"), target: fc.option(fc.integer({ min: 0, max: 30 })), actual: fc.option(fc.integer({ min: 0, max: 30 })) }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 14 },
  );

  it("labels every target of each partner's latest plan as the Plan builder does, against the same network", () => {
    fc.assert(
      fc.property(plansArb, (partners) => {
        const data = dataOf([
          table("Partners", PARTNERS, partners.map((_, i) => [`P${i + 1}`, `Partner ${i + 1}`, null])),
          table("Plan", PLAN, partners.flatMap((p, i) => p.rows.map((r) => [`P${i + 1}`, r.period, r.kpi, r.target, r.actual]))),
        ]);
        const tierOf = (id: string) => partners[Number(id.slice(1)) - 1]?.tier ?? null;
        const result = plansByRealism(data, tierOf);
        // Expected: the builder's network and label for every target above 0, counted.
        const counts = new Map<string, number>();
        let beyond = 0;
        for (const plan of latestPlans(data)) {
          for (const r of plan.rows) {
            if (r.target === null || r.target <= 0) continue;
            const realism = realismOf(r.target, networkOf(data, plan.partner.id, r.kpi, tierOf, tierOf(plan.partner.id)));
            const column = realism.level ?? "No history";
            counts.set(column, (counts.get(column) ?? 0) + 1);
            if (realism.level === "Beyond the network") beyond++;
          }
        }
        expect(result.total.counts).toEqual(Object.fromEntries(REALISM_COLUMNS.map((c) => [c, counts.get(c) ?? 0])));
        expect(result.beyond).toHaveLength(beyond);
        // KPIs are matched in any case, and the per-KPI rows add up to the total.
        expect(result.byKpi.map((k) => k.kpi.toLowerCase()).sort()).toEqual([...new Set(result.byKpi.map((k) => k.kpi.toLowerCase()))].sort());
        for (const c of REALISM_COLUMNS) expect(result.byKpi.reduce((s, k) => s + k.counts[c], 0)).toBe(result.total.counts[c]);
      }),
      { numRuns: 200 },
    );
  });

  it("compares a partner with its tier once enough peers have a result, and with the whole network before", () => {
    // Peers of tier MGP reached 10…10+k; the rest of the network reached 100. Alpha (MGP) aims for 50.
    const build = (peers: number) => {
      const rows: Row[] = [["P0", "2026-Q3", "Revenue", 50, 0]];
      for (let i = 1; i <= peers; i++) rows.push([`P${i}`, "2026-Q3", "Revenue", 1, 10 + i]);
      for (let i = 1; i <= 3; i++) rows.push([`Q${i}`, "2026-Q3", "Revenue", 1, 100]);
      const names = rows.map((r) => [r[0], String(r[0]), null] as Row);
      return dataOf([table("Partners", PARTNERS, names), table("Plan", PLAN, rows)]);
    };
    const tierOf = (id: string) => (id.toUpperCase().startsWith("Q") ? "MVP" : "MGP");
    const alpha = (peers: number) => {
      const data = build(peers);
      const r = plansByRealism(data, tierOf);
      return r.beyond.some((b) => b.partnerId === "P0") ? "Beyond the network" : null;
    };
    // With MIN_PEERS peers, 50 is above all of them; with one fewer, the whole network's 100s are in and it is not.
    expect(alpha(MIN_PEERS)).toBe("Beyond the network");
    expect(alpha(MIN_PEERS - 1)).toBeNull();
  });
});
