import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { valueOrNull } from "../../engine/error";
import { type QbrInput, buildQbr, portfolioReview, previousQuarterOf, quarterBounds } from "../../engine/qbr";
import { auditAreas } from "../../engine/audit";
import { type NextTier, nextTier, tier } from "../../engine/tier";

const d = (y: number, m: number, day: number) => dateSerial(y, m, day);

function input(overrides: Partial<QbrInput> = {}): QbrInput {
  return {
    partner: { id: "P1", name: "Northwind Systems Ltd" },
    quarter: "2026-Q3",
    audits: [],
    scorecards: [],
    engagement: [],
    metrics: null,
    plans: [],
    tasks: [],
    deals: [],
    networkWinRates: [],
    approvals: [],
    assumptions: null,
    ...overrides,
  };
}

const qbr = (i: QbrInput) => {
  const result = buildQbr(i);
  if (result instanceof Error) throw result;
  return result;
};

describe("quarters", () => {
  it("knows their first and last days and the quarter before", () => {
    expect(quarterBounds("2026-Q3")).toEqual({ start: d(2026, 7, 1), end: d(2026, 9, 30) });
    expect(quarterBounds("2024-Q1")).toEqual({ start: d(2024, 1, 1), end: d(2024, 3, 31) });
    expect(previousQuarterOf("2026-Q1")).toBe("2025-Q4");
    expect(previousQuarterOf("2026-Q3")).toBe("2026-Q2");
  });

  it("reads the quarter in any form a plan period takes, and rejects others with a message", () => {
    expect(qbr(input({ quarter: "Q3 2026" })).quarter).toBe("2026-Q3");
    const error = buildQbr(input({ quarter: "autumn" })) as Error & { code: string };
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^quarter: expected a quarter/);
  });
});

describe("a quarterly business review", () => {
  it("compares plan with actual per KPI and over all KPIs, weighted, each up to its target (never summing units)", () => {
    const review = qbr(
      input({
        plans: [
          { period: "2026-Q3", kpi: "Revenue", target: 100_000, actual: 95_000, weight: 3 },
          { period: "2026-Q3", kpi: "New logos", target: 10, actual: 6, weight: 1 },
          { period: "2026-Q3", kpi: "Certified staff", target: 2, actual: 4, weight: 1 },
          { period: "2026-Q3", kpi: "Events", target: 4, actual: 0, weight: null },
          { period: "2026-Q2", kpi: "Revenue", target: 80_000, actual: 90_000 },
        ],
      }),
    );
    expect(review.planPeriod).toBe("2026-Q3");
    expect(review.kpis.map((k) => [k.kpi, k.attainment, k.status])).toEqual([
      ["Revenue", 0.95, "On track"],
      ["New logos", 0.6, "Off track"],
      ["Certified staff", 2, "On track"],
      ["Events", 0, "Off track"],
    ]);
    // (3 × 0.95 + 1 × 0.6 + 1 × min(2, 1)) ÷ 5, Events without a weight where others have one left out; summed, the units would give 95,010 ÷ 100,016.
    expect(review.total).toMatchObject({ kpi: "All KPIs", target: null, actual: null, status: "At risk" });
    expect(review.total!.attainment).toBeCloseTo((3 * 0.95 + 0.6 + 1) / 5, 12);
  });

  it("scores the latest audit of the quarter and its change since the quarter before", () => {
    const audits = [
      { area: "Ability to deliver", criterion: "Energy invested", rating: 3, date: d(2026, 6, 30) },
      { area: "Ability to deliver", criterion: "Energy invested", rating: 5, date: d(2026, 9, 30) },
      { area: "Revenue potential", criterion: "Revenue this year", rating: 2, date: d(2026, 9, 30) },
      { area: "Revenue potential", criterion: "Revenue this year", rating: 1, date: d(2026, 12, 31) },
    ];
    const review = qbr(input({ audits }));
    const expected = valueOrNull(auditAreas({ ability: [null, null, 5, null, null], sweetspot: [], territory: [], revenue: [null, 2, null] }))!;
    expect(review.audit.current!.overall).toBeCloseTo(expected.overall, 12);
    expect(review.audit.current!.date).toBe(d(2026, 9, 30));
    expect(review.audit.previous!.overall).toBe(50);
    expect(review.audit.change).toBeCloseTo(expected.overall - 50, 12);
  });

  it("counts the pipeline, the quarter's win rate and its network quartile", () => {
    const deals = [
      { dealId: "D1", stage: "Closed", amount: 50_000, outcome: "Won", opened: d(2026, 4, 2), closed: d(2026, 8, 1) },
      { dealId: "D2", stage: "Proposal", amount: 20_000, outcome: "Lost", opened: d(2026, 5, 2), closed: d(2026, 9, 1) },
      { dealId: "D3", stage: "Closed", amount: 10_000, outcome: "Won", opened: d(2026, 1, 2), closed: d(2026, 3, 1) },
      { dealId: "D4", stage: "Qualified", amount: 30_000, outcome: "Open", opened: d(2026, 9, 2), closed: null },
    ];
    const review = qbr(input({ deals, networkWinRates: [0.1, 0.2, 0.3, 0.4, 0.6, 0.7] }));
    expect(review.pipeline).toEqual({ openCount: 1, openAmount: 30_000, won: 1, lost: 1, wonAmount: 50_000, winRate: 0.5, networkQuartile: "Second quartile" });
  });

  it("counts tasks as of the quarter's end and lists the overdue ones", () => {
    const tasks = [
      { task: "Joint webinar", due: d(2026, 8, 15), owner: "Amelia", done: d(2026, 8, 10) },
      { task: "Certify two engineers", due: d(2026, 9, 1), owner: "Jonas", done: null },
      { task: "Account plan", due: d(2026, 10, 10), owner: null, done: null },
      { task: "QBR deck", due: d(2026, 12, 1), owner: null, done: null },
    ];
    const review = qbr(input({ tasks }));
    expect(review.tasks.counts).toEqual({ Done: 1, "Past due": 1, "Due soon": 1, Pending: 1 });
    expect(review.tasks.overdue).toEqual([{ task: "Certify two engineers", due: d(2026, 9, 1), owner: "Jonas" }]);
    expect(review.tasks.asOf).toBe(d(2026, 9, 30));
    // Reviewed after the quarter: still as of its end.
    expect(qbr(input({ tasks, asOf: d(2026, 12, 8) })).tasks).toEqual(review.tasks);
  });

  it("ranks the improvement plan as the Scorecard tab does: a topic not scored counts 0, topics on target are left out", () => {
    const scorecards = [
      { category: "Fit", topic: "Strategic alignment", score: 74, target: 70, weight: null, date: d(2026, 9, 1) },
      { category: "Fit", topic: "Target segment overlap", score: null, target: 70, weight: null, date: d(2026, 9, 1) },
      { category: "Onboarding", topic: "Contract", score: 60, target: 80, weight: null, date: d(2026, 9, 1) },
      { category: "Onboarding", topic: "Kick-off", score: 90, target: 70, weight: null, date: d(2026, 9, 1) },
    ];
    const review = qbr(input({ scorecards }));
    expect(review.scorecard.gaps).toEqual([
      { topic: "Target segment overlap", score: 0, target: 70, gap: 70 },
      { topic: "Contract", score: 60, target: 80, gap: 20 },
    ]);
    // With weights in the table, a blank weight counts 0 (as on the Scorecard tab and in PARTNER.GAPS).
    const weighted = qbr(input({ scorecards: scorecards.map((c) => (c.topic === "Contract" ? { ...c, weight: 2 } : c)) }));
    expect(weighted.scorecard.gaps).toEqual([{ topic: "Contract", score: 60, target: 80, gap: 40 }]);
  });

  it("counts tasks as of the day of the review while the quarter runs: a task due later is not overdue yet", () => {
    const tasks = [
      { task: "Certify two engineers", due: d(2026, 8, 20), owner: "Jonas", done: null },
      { task: "Joint webinar", due: d(2026, 8, 28), owner: "Amelia", done: null },
      { task: "Account plan", due: d(2026, 9, 25), owner: null, done: null },
    ];
    const review = qbr(input({ tasks, asOf: d(2026, 8, 25) }));
    expect(review.tasks.asOf).toBe(d(2026, 8, 25));
    expect(review.tasks.counts).toEqual({ Done: 0, "Past due": 1, "Due soon": 1, Pending: 1 });
    expect(review.tasks.overdue.map((t) => t.task)).toEqual(["Certify two engineers"]);
    // As of the quarter's end all three would be overdue.
    expect(qbr(input({ tasks })).tasks.counts["Past due"]).toBe(3);
  });

  it("says what the partner is missing for the next tier, as PARTNER.TIER's rules see the quarter's row", () => {
    const engagement = [
      { answers: [true, true, true, true, false, false, false, true], opportunities: 4, period: "2026-Q3", prospect: false },
      // A later quarter's row is not this quarter's.
      { answers: [true, true, true, true, true, true, true, true], opportunities: 20, period: "2026-Q4", prospect: false },
    ];
    const review = qbr(input({ engagement }));
    const expected = nextTier(engagement[0].answers, 4) as NextTier;
    expect(review.tier.current).toBe(expected.tier);
    expect(review.tier.next).toBe(expected.next);
    expect(review.tier.missing).toEqual(expected.missing);
    expect(review.tier.missing.length).toBeGreaterThan(0);
    // A prospect's only condition is to become a partner; an unrated partner has none.
    const prospect = qbr(input({ engagement: [{ ...engagement[0], prospect: true }] }));
    expect([prospect.tier.current, prospect.tier.missing.map((c) => c.id)]).toEqual(["Target", ["prospect"]]);
    expect(qbr(input({ engagement: [] })).tier).toEqual({ current: null, rated: null, previous: null, next: null, missing: [] });
  });

  it("shows the tier that holds in the quarter: its latest rating up to then, and the quarter it is of", () => {
    const mgp = [true, true, true, true, false, false, false, true];
    const all = [true, true, true, true, true, true, true, true];
    const engagement = [
      { answers: all, opportunities: 12, period: "2026-Q2", prospect: false },
      { answers: mgp, opportunities: 4, period: "2026-Q1", prospect: false },
      { answers: mgp, opportunities: 4, period: null, prospect: false },
    ];
    // Not rated in Q3: the Q2 rating holds (the table's order does not matter, a row without a period is not a rating).
    const review = qbr(input({ engagement }));
    expect(review.tier).toMatchObject({ current: "MVP", rated: "2026-Q2", previous: "MVP" });
    // In Q2 itself, and before any rating.
    expect(qbr(input({ engagement, quarter: "2026-Q2" })).tier).toMatchObject({ current: "MVP", rated: "2026-Q2", previous: "MGP" });
    expect(qbr(input({ engagement, quarter: "2025-Q4" })).tier).toMatchObject({ current: null, rated: null, previous: null });
    // Two rows of one quarter: the later one in the table.
    const twice = [...engagement, { answers: mgp, opportunities: 4, period: "2026-Q2", prospect: false }];
    expect(qbr(input({ engagement: twice })).tier).toMatchObject({ current: tier(mgp, 4), rated: "2026-Q2" });
    expect(tier(mgp, 4)).not.toBe("MVP");
  });

  it("records an approval given without the partner's acceptance as such", () => {
    const approvals = [
      { period: "2026-Q3", state: "Approved", acceptedBy: null, acceptedOn: null, approvedBy: "Dana", approvedOn: d(2026, 7, 20), comment: null },
    ];
    expect(qbr(input({ approvals })).approval).toMatchObject({ state: "Approved", withoutAcceptance: true });
    const accepted = [{ ...approvals[0], acceptedBy: "Partner CEO", acceptedOn: d(2026, 7, 18) }];
    expect(qbr(input({ approvals: accepted })).approval!.withoutAcceptance).toBe(false);
  });

  it("tracks the tier, stage and segment, and the P&L summary with its cumulative profit", () => {
    const all = [true, true, true, true, true, true, true, true];
    const review = qbr(
      input({
        engagement: [
          { answers: [true, true, true, true, false, false, false, true], opportunities: 4, period: "2026-Q2", prospect: false },
          { answers: all, opportunities: 12, period: "2026-Q3", prospect: false },
        ],
        scorecards: [
          { category: "Fit", topic: "Segment fit", score: 80, target: 90, weight: 1, date: d(2026, 6, 1) },
          { category: "Onboarding", topic: "Contract", score: 40, target: 80, weight: 1, date: d(2026, 6, 1) },
          { category: "Onboarding", topic: "Contract", score: 75, target: 80, weight: 1, date: d(2026, 9, 1) },
        ],
        metrics: { potential: 80, performance: 30 },
        assumptions: [["license_revenue", 300_000], ["years", 3], ["onboarding_cost", 80_000]],
      }),
    );
    // An MVP has no tier above it.
    expect(review.tier).toEqual({ current: "MVP", rated: "2026-Q3", previous: "MGP", next: null, missing: [] });
    expect(review.scorecard.previous).toBe("Onboarding");
    expect(review.scorecard.current).toBe("Activation");
    expect(review.scorecard.gaps.map((g) => g.topic)).toEqual(["Segment fit", "Contract"]);
    expect(review.segment).toBe("Develop");
    expect(review.pnl!.years).toBe(3);
    expect(review.pnl!.cumulative.at(-1)).toBeCloseTo(review.pnl!.summary.total, 6);
  });
});

describe("plan periods", () => {
  it("follow one plan: the quarter's own, else its year's, with that plan's approval", () => {
    const plans = [
      { period: "FY2026", kpi: "Revenue", target: 400_000, actual: 310_000 },
      { period: "FY2026", kpi: "Logos", target: 20, actual: 9 },
      { period: "Q3 2026", kpi: "Pipeline", target: 300_000, actual: 280_000 },
      { period: "FY2025", kpi: "Revenue", target: 1, actual: 1 },
      { period: "2026-Q2", kpi: "Pipeline", target: 1, actual: 1 },
    ];
    const approval = (period: string, state: string) => ({ period, state, acceptedBy: null, acceptedOn: null, approvedBy: null, approvedOn: null, comment: null });
    const approvals = [approval("FY2026", "Approved"), approval("2026-Q3", "Submitted")];
    const quarterly = qbr(input({ plans, approvals }));
    expect(quarterly.planPeriod).toBe("Q3 2026");
    expect(quarterly.kpis.map((k) => `${k.period} ${k.kpi}`)).toEqual(["Q3 2026 Pipeline"]);
    expect(quarterly.approval?.state).toBe("Submitted");
    // No plan of its own in Q4: the year's, with the year's approval.
    const yearly = qbr(input({ quarter: "2026-Q4", plans, approvals }));
    expect(yearly.planPeriod).toBe("FY2026");
    expect(yearly.kpis.map((k) => `${k.period} ${k.kpi}`)).toEqual(["FY2026 Revenue", "FY2026 Logos"]);
    expect(yearly.approval?.state).toBe("Approved");
    expect(qbr(input({ quarter: "2027-Q1", plans, approvals })).planPeriod).toBeNull();
  });
});

describe("the portfolio review", () => {
  const partners = [
    { id: "P1", name: "Northwind" },
    { id: "P2", name: "Bluepeak" },
    { id: "P3", name: "Cedar" },
  ];
  const mgp = [true, true, true, true, false, false, false, true];
  const all = [true, true, true, true, true, true, true, true];
  const review = portfolioReview({
    quarter: "2026-Q3",
    partners,
    engagement: [
      { partnerId: "P1", answers: mgp, opportunities: 5, period: "2026-Q2", prospect: false },
      { partnerId: "P1", answers: all, opportunities: 12, period: "2026-Q3", prospect: false },
      { partnerId: "P2", answers: all, opportunities: 12, period: "2026-Q2", prospect: false },
      { partnerId: "P2", answers: mgp, opportunities: 1, period: "2026-Q3", prospect: false },
      { partnerId: "P3", answers: mgp, opportunities: 5, period: "2026-Q3", prospect: false },
    ],
    plans: [
      { partnerId: "P1", period: "2026-Q3", target: 100, actual: 95 },
      { partnerId: "P2", period: "FY2026", target: 400, actual: 100 },
      { partnerId: "P3", period: "2026-Q3", target: 100, actual: 50 },
      { partnerId: "P3", period: "2026-Q2", target: 100, actual: 500 },
    ],
    approvals: [
      { partnerId: "P1", period: "2026-Q3", state: "Approved", acceptedOn: 46220, acceptedBy: "A" },
      { partnerId: "P2", period: "2026-Q3", state: "Approved", acceptedOn: null, acceptedBy: null },
      { partnerId: "P3", period: "2026-Q3", state: "Submitted", acceptedOn: null, acceptedBy: null },
      { partnerId: "P1", period: "2026-Q2", state: "Accepted", acceptedOn: 46120, acceptedBy: "A" },
    ],
  });
  if (review instanceof Error) throw review;

  it("rolls acceptance and approval up by quarter", () => {
    expect(review.approvals).toEqual([
      { quarter: "2026-Q2", plans: 1, accepted: 1, approved: 0, approvedWithoutAcceptance: 0, open: 0 },
      { quarter: "2026-Q3", plans: 3, accepted: 1, approved: 2, approvedWithoutAcceptance: 1, open: 1 },
    ]);
  });

  it("lists the partners off track in the quarter, weakest first", () => {
    expect(review.offTrack).toEqual([
      { id: "P2", name: "Bluepeak", attainment: 0.25 },
      { id: "P3", name: "Cedar", attainment: 0.5 },
    ]);
  });

  it("lists tier moves since the quarter before, moves up first", () => {
    expect(review.tierMoves).toEqual([
      { id: "P1", name: "Northwind", from: "MGP", to: "MVP", up: true },
      { id: "P2", name: "Bluepeak", from: "MVP", to: "STP", up: false },
    ]);
    expect(review.rated).toBe(3);
  });

  it("compares the tiers that hold at each quarter's end: a partner not rated in a quarter keeps its last tier", () => {
    const later = portfolioReview({ quarter: "2026-Q4", partners, engagement: [], plans: [], approvals: [] });
    if (later instanceof Error) throw later;
    expect([later.tierMoves, later.rated]).toEqual([[], 0]);
    const rows = [
      { partnerId: "P1", answers: all, opportunities: 12, period: "2026-Q2", prospect: false },
      // Rated again in Q4 only: Q3 held the Q2 tier, so the move is since Q3's end.
      { partnerId: "P1", answers: mgp, opportunities: 5, period: "2026-Q4", prospect: false },
      // Rated in Q2 and never since: no move.
      { partnerId: "P2", answers: mgp, opportunities: 5, period: "2026-Q2", prospect: false },
    ];
    const q4 = portfolioReview({ quarter: "2026-Q4", partners, engagement: rows, plans: [], approvals: [] });
    if (q4 instanceof Error) throw q4;
    expect(q4.tierMoves).toEqual([{ id: "P1", name: "Northwind", from: "MVP", to: "MGP", up: false }]);
    expect(q4.rated).toBe(1);
  });
});
