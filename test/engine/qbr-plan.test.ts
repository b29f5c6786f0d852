// The joint business plan in a QBR: the plan's activities with status and spend, the MDF of their
// period, and the realism of next quarter's targets, on hand-built rows.
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { type QbrActivityRow, type QbrFundRequestRow, type QbrInput, buildQbr, nextQuarterOf, nextTargets, planActivities, spendOf } from "../../engine/qbr";

const d = (y: number, m: number, day: number) => dateSerial(y, m, day);

const activity = (over: Partial<QbrActivityRow> & Pick<QbrActivityRow, "activityId">): QbrActivityRow => ({
  period: "FY2026",
  goalId: "G01",
  activity: `Activity ${over.activityId}`,
  goal: "Win new logos",
  owner: "Ana",
  start: d(2026, 7, 1),
  end: d(2026, 9, 30),
  budget: 1000,
  status: "Planned",
  requestId: null,
  ...over,
});

const request = (over: Partial<QbrFundRequestRow> & Pick<QbrFundRequestRow, "requestId">): QbrFundRequestRow => ({
  period: "FY2026",
  activityId: null,
  fundType: "MDF",
  amount: 1000,
  claimAmount: null,
  state: "Submitted",
  ...over,
});

/** Every number anywhere in a value is finite (nothing reaches a sheet or slide as NaN). */
function numbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbers);
  return [];
}

describe("the quarter after", () => {
  it("is the next in the year, or the first of the next year", () => {
    expect(nextQuarterOf("2026-Q3")).toBe("2026-Q4");
    expect(nextQuarterOf("2026-Q4")).toBe("2027-Q1");
  });
});

describe("an activity's spend", () => {
  const req = (state: "Approved" | "Claimed" | "Paid" | "Submitted", claimed: number | null) => ({ requestId: "R1", state, amount: 5000, claimed });
  it("is the claim once the fund request is claimed or paid, else the budget of a done activity, else nothing yet", () => {
    expect(spendOf("In progress", 8000, req("Claimed", 3000))).toEqual({ spend: 3000, basis: "claim" });
    expect(spendOf("Done", 8000, req("Paid", 4500))).toEqual({ spend: 4500, basis: "claim" });
    expect(spendOf("Done", 8000, req("Approved", null))).toEqual({ spend: 8000, basis: "budget" });
    expect(spendOf("done ", 8000, null)).toEqual({ spend: 8000, basis: "budget" });
    expect(spendOf("Planned", 8000, req("Submitted", null))).toEqual({ spend: 0, basis: null });
    expect(spendOf("Cancelled", 8000, null)).toEqual({ spend: 0, basis: null });
    // A done activity with no budget has spent nothing the workbook knows of: 0, not NaN.
    expect(spendOf("Done", null, null)).toEqual({ spend: 0, basis: null });
  });
});

describe("the plan's activities and funds in a review", () => {
  it("says plainly there is no plan: no period, no lines, zero totals and no funds", () => {
    const plan = planActivities({ quarter: "2026-Q3", activities: [], funds: [], fundRequests: [] });
    expect(plan).toEqual({ period: null, lines: [], statuses: [], budget: 0, spend: 0, mdf: { balances: null, error: null } });
  });

  it("takes the activities of the quarter's own plan over the year's, in the order they run, with their Library names", () => {
    const plan = planActivities({
      quarter: "2026-Q3",
      activities: [
        activity({ activityId: "A1", period: "FY2026" }),
        activity({ activityId: "A2", period: "2026-Q3", start: d(2026, 8, 1) }),
        activity({ activityId: "A3", period: "Q3 2026", start: d(2026, 7, 15), activity: null }),
        activity({ activityId: "A4", period: "2026-Q2" }),
      ],
      funds: [],
      fundRequests: [],
    });
    expect(plan.period).toBe("2026-Q3");
    // Two ways of writing the same quarter are one plan; the activity missing from the Library shows its id.
    expect(plan.lines.map((l) => l.activity)).toEqual(["A3", "Activity A2"]);
  });

  it("falls back to the year's plan, and leaves out plans that do not cover the quarter", () => {
    const plan = planActivities({
      quarter: "2026-Q3",
      activities: [activity({ activityId: "A1", period: "FY2026" }), activity({ activityId: "A9", period: "FY2025" })],
      funds: [],
      fundRequests: [],
    });
    expect(plan.period).toBe("FY2026");
    expect(plan.lines.map((l) => l.activityId)).toEqual(["A1"]);
  });

  it("links each activity to its fund request, counts its spend and totals budget and spend", () => {
    const plan = planActivities({
      quarter: "2026-Q3",
      activities: [
        activity({ activityId: "A1", status: "Done", budget: 8000, requestId: "R1", start: d(2026, 1, 10) }),
        activity({ activityId: "A2", status: "Done", budget: 6000, requestId: "R2", start: d(2026, 2, 10) }),
        // No RequestId: the period's request for the same activity.
        activity({ activityId: "A3", status: "In progress", budget: 4000, start: d(2026, 3, 10) }),
        activity({ activityId: "A4", status: "Planned", budget: 2000, start: d(2026, 4, 10) }),
        activity({ activityId: "A5", status: "Cancelled", budget: 900, start: d(2026, 5, 10) }),
        activity({ activityId: "A6", status: "Done", budget: null, start: null }),
      ],
      funds: [{ period: "FY2026", fundType: "MDF", allocated: 20_000 }],
      fundRequests: [
        request({ requestId: "R1", activityId: "A1", amount: 4000, claimAmount: 3500, state: "Paid" }),
        request({ requestId: "R2", activityId: "A2", amount: 3000, state: "Approved" }),
        request({ requestId: "R3", activityId: "A3", amount: 2000, claimAmount: 1500, state: "Claimed" }),
      ],
    });
    expect(plan.lines.map((l) => [l.activityId, l.request?.requestId ?? null, l.spend, l.basis])).toEqual([
      ["A1", "R1", 3500, "claim"],
      ["A2", "R2", 6000, "budget"],
      ["A3", "R3", 1500, "claim"],
      ["A4", null, 0, null],
      ["A5", null, 0, null],
      ["A6", null, 0, null],
    ]);
    expect(plan.budget).toBe(8000 + 6000 + 4000 + 2000 + 900);
    expect(plan.spend).toBe(3500 + 6000 + 1500);
    expect(plan.statuses).toEqual([
      { status: "Planned", count: 1 },
      { status: "In progress", count: 1 },
      { status: "Done", count: 3 },
      { status: "Cancelled", count: 1 },
    ]);
    expect(numbers(plan).every(Number.isFinite)).toBe(true);
  });

  it("gives the MDF ledger of the plan period: other fund types and periods, and drafts, left out", () => {
    const plan = planActivities({
      quarter: "2026-Q3",
      activities: [activity({ activityId: "A1" })],
      funds: [
        { period: "FY2026", fundType: "MDF", allocated: 6000 },
        { period: "FY2026", fundType: null, allocated: 4000 },
        { period: "FY2026", fundType: "Co-op", allocated: 50_000 },
        { period: "FY2025", fundType: "MDF", allocated: 70_000 },
      ],
      fundRequests: [
        request({ requestId: "R1", amount: 3000, claimAmount: 2500, state: "Paid" }),
        request({ requestId: "R2", amount: 2000, state: "Approved" }),
        request({ requestId: "R3", amount: 1000, state: "Submitted" }),
        request({ requestId: "R4", amount: 500, state: "Draft" }),
        request({ requestId: "R5", amount: 700, state: "Rejected" }),
        request({ requestId: "R6", amount: 9000, state: "Approved", fundType: "Co-op" }),
        request({ requestId: "R7", amount: 9000, state: "Approved", period: "FY2025" }),
      ],
    });
    const b = plan.mdf.balances!;
    expect(plan.mdf.error).toBeNull();
    expect(b.allocated).toBe(10_000);
    expect(b.approved).toBe(5000);
    expect(b.pending).toBe(1000);
    expect(b.paid).toBe(2500);
    // available = allocated − approved − pending; utilisation = paid / allocated.
    expect(b.available).toBe(4000);
    expect(b.utilisation).toBe(0.25);
  });

  it("has no funds when nothing is allocated and nothing requested, and says what is wrong with a ledger that breaks a rule", () => {
    const none = planActivities({ quarter: "2026-Q3", activities: [activity({ activityId: "A1" })], funds: [{ period: "FY2026", fundType: "Co-op", allocated: 5000 }], fundRequests: [] });
    expect(none.mdf).toEqual({ balances: null, error: null });
    const over = planActivities({
      quarter: "2026-Q3",
      activities: [activity({ activityId: "A1" })],
      funds: [{ period: "FY2026", fundType: "MDF", allocated: 1000 }],
      fundRequests: [request({ requestId: "R1", amount: 3000, state: "Approved" })],
    });
    expect(over.mdf.balances).toBeNull();
    expect(over.mdf.error).toMatch(/allocated/);
    const claimTooHigh = planActivities({
      quarter: "2026-Q3",
      activities: [],
      funds: [{ period: "FY2026", fundType: "MDF", allocated: 10_000 }],
      fundRequests: [request({ requestId: "R7", amount: 1000, claimAmount: 2000, state: "Claimed" })],
    });
    expect(claimTooHigh.mdf.error).toContain("FundRequests, request R7, ClaimAmount");
  });
});

describe("the realism of next quarter's targets", () => {
  const networks = [
    { kpi: "Revenue", reached: [50, 10, 40, 20, 30], who: "MGP partners" },
    { kpi: "Deals", reached: [1, 2, 3], who: "partners" },
  ];

  it("places each target of the plan covering the next quarter among what the network reached", () => {
    const next = nextTargets({
      quarter: "2026-Q3",
      plans: [
        { period: "2026-Q4", kpi: "Revenue", target: 45 },
        { period: "2026-Q4", kpi: "revenue ", target: 60 },
        { period: "2026-Q4", kpi: "Deals", target: 1.5 },
        { period: "2026-Q4", kpi: "Events", target: 4 },
        { period: "2026-Q4", kpi: "Blank", target: null },
        { period: "2026-Q3", kpi: "Revenue", target: 10 },
      ],
      networks,
    });
    expect(next.quarter).toBe("2026-Q4");
    expect(next.period).toBe("2026-Q4");
    expect(next.lines.map((l) => [l.kpi, l.percentile, l.label, l.peers, l.who])).toEqual([
      // Between 40 (P75) and 50 (P100), half way: P87.5, truncated to whole percents as PERCENTRANK.INC(…, 2).
      ["Revenue", 0.87, "Stretch — P87", 5, "MGP partners"],
      ["revenue ", 1, "Beyond the network — P100+", 5, "MGP partners"],
      // Half way between 1 (P0) and 2 (P50).
      ["Deals", 0.25, "Below median — P25", 3, "partners"],
      ["Events", null, "No history", 0, "partners"],
    ]);
  });

  it("uses the year's plan when it covers the next quarter, and has none when no plan does yet", () => {
    const plans = [{ period: "FY2026", kpi: "Revenue", target: 30 }];
    expect(nextTargets({ quarter: "2026-Q3", plans, networks }).lines.map((l) => l.label)).toEqual(["Within reach — P50"]);
    expect(nextTargets({ quarter: "2026-Q4", plans, networks })).toEqual({ quarter: "2027-Q1", period: null, lines: [] });
  });
});

describe("a review with the plan's activities", () => {
  const base: QbrInput = {
    partner: { id: "P1", name: "Northwind" },
    quarter: "Q3 2026",
    audits: [],
    scorecards: [],
    engagement: [],
    metrics: null,
    plans: [{ period: "FY2026", kpi: "Revenue", target: 100, actual: 40 }],
    tasks: [],
    deals: [],
    networkWinRates: [],
    approvals: [],
    assumptions: null,
  };

  it("holds them, and next quarter's targets, for the quarter it reviews", () => {
    const review = buildQbr({
      ...base,
      planActivities: [activity({ activityId: "A1", status: "Done", budget: 700 })],
      funds: [{ period: "FY2026", fundType: "MDF", allocated: 2000 }],
      fundRequests: [],
      networks: [{ kpi: "Revenue", reached: [50, 150], who: "partners" }],
    });
    if (review instanceof Error) throw review;
    expect(review.activities.lines.map((l) => [l.activityId, l.spend])).toEqual([["A1", 700]]);
    expect(review.activities.mdf.balances?.available).toBe(2000);
    expect(review.next.quarter).toBe("2026-Q4");
    expect(review.next.lines.map((l) => l.label)).toEqual(["Within reach — P50"]);
  });

  it("without the plan's rows, has no activities and targets measured against no history", () => {
    const review = buildQbr(base);
    if (review instanceof Error) throw review;
    expect(review.activities.lines).toEqual([]);
    expect(review.activities.mdf.balances).toBeNull();
    expect(review.next.lines.map((l) => l.label)).toEqual(["No history"]);
  });
});
