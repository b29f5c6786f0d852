// A plan's actuals from the deals (PARTNER.ACTUALS): known cases, and against a plain filter-and-sum.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEngineError } from "../../engine/error";
import { dateSerial } from "../../engine/excel/date";
import { ACTUAL_MEASURES, type ActualMeasure, type ActualsDeal, actualsPeriod, dealActuals, measureOf } from "../../engine/plan/actuals";

const d = (y: number, m: number, day: number) => dateSerial(y, m, day);

const DEALS: ActualsDeal[] = [
  { partner: "P1", amount: 100, outcome: "Won", opened: d(2025, 11, 3), closed: d(2026, 1, 15), account: "A", registered: d(2025, 11, 5) },
  { partner: "p1", amount: 50, outcome: "won", opened: d(2026, 2, 1), closed: d(2026, 3, 31), account: "a", registered: d(2026, 2, 2) },
  { partner: "P1", amount: 70, outcome: "Closed won", opened: d(2026, 4, 1), closed: d(2026, 5, 2), account: "B", registered: null },
  { partner: "P1", amount: 30, outcome: "Lost", opened: d(2026, 1, 10), closed: d(2026, 2, 10), account: "C", registered: d(2026, 1, 11) },
  { partner: "P1", amount: 40, outcome: null, opened: d(2026, 3, 31), closed: null, account: null, registered: d(2026, 4, 1) },
  { partner: "P2", amount: 999, outcome: "Won", opened: d(2026, 1, 1), closed: d(2026, 1, 2), account: "A", registered: null },
];

const run = (measure: ActualMeasure, partners: (string | null)[], periods: (string | number)[]) => dealActuals(DEALS, partners, periods, measure);

describe("a plan's actuals from the deals", () => {
  it("adds revenue won and closed in the period, by partner in any case", () => {
    expect(run("Revenue", ["P1", "P2", "P3"], ["2026-Q1", "2026-Q2", 2026])).toEqual([
      [150, 70, 220],
      [999, 0, 999],
      [0, 0, 0],
    ]);
    // The last day of a quarter is in it; a deal closed at noon on that day too.
    expect(dealActuals([{ ...DEALS[1], closed: d(2026, 3, 31) + 0.5 }], ["P1"], ["2026-Q1"], "Revenue")).toEqual([[50]]);
  });

  it("counts deals won, pipeline created (whatever became of it) and deals registered", () => {
    expect(run("Deals won", ["P1"], ["2026-Q1", "2026-Q2"])).toEqual([[2, 1]]);
    expect(run("Pipeline", ["P1"], ["2025-Q4", "2026-Q1", "2026-Q2"])).toEqual([[100, 50 + 30 + 40, 70]]);
    expect(run("Deals registered", ["P1"], ["2025-11", "2026-Q1", "2026-04"])).toEqual([[1, 2, 1]]);
  });

  it("counts an account as a new customer in the period of the partner's first win on it only", () => {
    // A (any case) first won in January, again in March: one new customer in Q1; B in Q2; C was lost.
    expect(run("New customers", ["P1", "P2"], ["2026-Q1", "2026-Q2", "2026"])).toEqual([
      [1, 1, 2],
      [1, 0, 1],
    ]);
  });

  it("refuses an unknown outcome, a negative amount and a period that is none, naming the cell", () => {
    const bad = (deals: ActualsDeal[], periods: (string | number)[] = ["2026"]) => dealActuals(deals, ["P1"], periods, "Revenue");
    const outcome = bad([{ ...DEALS[0], outcome: "Maybe" }]);
    expect(isEngineError(outcome) && outcome.message).toMatch(/outcomes \(item 1\).*Won, Lost or Open.*"Maybe"/);
    const negative = bad([DEALS[0], { ...DEALS[1], amount: -5 }]);
    expect(isEngineError(negative) && negative.message).toMatch(/amounts \(item 2\)/);
    const period = bad(DEALS, ["2026-Q1", "last quarter"]);
    expect(isEngineError(period) && period.message).toMatch(/periods \(item 2\).*a period/);
  });

  it("reads a year typed as a number, and names measures as plan KPIs do", () => {
    expect(actualsPeriod(2026)).toEqual(actualsPeriod("2026"));
    expect(actualsPeriod(46023)).toEqual(actualsPeriod("2026-Q1"));
    expect(measureOf("New logos")).toBe("New customers");
    expect(measureOf(" pipeline_created ")).toBe("Pipeline");
    expect(measureOf("Certified staff")).toBeUndefined();
  });

  // A plain filter-and-sum of each measure, to compare with.
  const plain = (deals: readonly ActualsDeal[], partner: string, start: number, end: number, measure: ActualMeasure): number => {
    const mine = deals.filter((x) => x.partner !== null && x.partner.toLowerCase() === partner.toLowerCase());
    const won = (x: ActualsDeal) => x.outcome !== null && ["won", "closed won"].includes(x.outcome.toLowerCase());
    const within = (date: number | null | undefined) => date != null && date >= start && date < end + 1;
    if (measure === "Revenue") return mine.filter((x) => won(x) && within(x.closed)).reduce((s, x) => s + (x.amount ?? 0), 0);
    if (measure === "Deals won") return mine.filter((x) => won(x) && within(x.closed)).length;
    if (measure === "Pipeline") return mine.filter((x) => within(x.opened)).reduce((s, x) => s + (x.amount ?? 0), 0);
    if (measure === "Deals registered") return mine.filter((x) => within(x.registered)).length;
    const accounts = new Set(mine.filter((x) => won(x) && x.closed !== null && x.account).map((x) => x.account!.toLowerCase()));
    return [...accounts].filter((a) => {
      const first = Math.min(...mine.filter((x) => won(x) && x.closed !== null && x.account?.toLowerCase() === a).map((x) => x.closed!));
      return within(first);
    }).length;
  };

  const deal = fc.record({
    partner: fc.constantFrom("P1", "p1", "P2", null),
    amount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    outcome: fc.constantFrom("Won", "won", "Lost", "Open", null),
    opened: fc.option(fc.integer({ min: d(2025, 10, 1), max: d(2027, 1, 31) }), { nil: null }),
    closed: fc.option(fc.integer({ min: d(2025, 10, 1), max: d(2027, 1, 31) }), { nil: null }),
    account: fc.constantFrom("A", "a", "B", "C", null),
    registered: fc.option(fc.integer({ min: d(2025, 10, 1), max: d(2027, 1, 31) }), { nil: null }),
  });
  const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];

  it("gives what a plain filter-and-sum gives, and a year is the sum of its quarters", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), fc.constantFrom(...ACTUAL_MEASURES), (deals, measure) => {
        const result = dealActuals(deals, ["P1", "P2"], [...QUARTERS, "2026"], measure);
        if (isEngineError(result)) throw result;
        ["P1", "P2"].forEach((p, r) => {
          QUARTERS.forEach((q, c) => {
            const span = actualsPeriod(q)!;
            expect(result[r][c]).toBe(plain(deals, p, span.start, span.end, measure));
          });
          expect(result[r][4]).toBe(result[r].slice(0, 4).reduce((a, b) => a + b, 0));
        });
      }),
      { numRuns: 300 },
    );
  });
});
