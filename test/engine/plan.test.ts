import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { attainment, pace, planAttainment, planStatus, rollup, status, taskStatus } from "../../engine/plan";
import { failure, ok } from "./support";

const JUL_1 = dateSerial(2026, 7, 1);
const AUG_15 = dateSerial(2026, 8, 15);
const SEP_30 = dateSerial(2026, 9, 30);
const clockOn = (serial: number) => () => Date.UTC(1899, 11, 30) + serial * 86_400_000 + 12 * 3_600_000;

describe("attainment", () => {
  it("is actual over target, #DIV/0! without a positive target", () => {
    expect(attainment(45, 60)).toBe(0.75);
    expect(attainment(-5, 50)).toBe(-0.1);
    expect(failure(attainment(5, 0)).code).toBe("#DIV/0!");
    expect(failure(attainment(5, -1)).code).toBe("#DIV/0!");
  });
});

describe("plan attainment over KPIs in different units", () => {
  it("is the weighted mean of each KPI's attainment, each up to its target; KPIs without a target or weight are left out", () => {
    const kpis = [
      { actual: 2_190_000, target: 2_400_000, weight: 3 }, // revenue: 91.25%
      { actual: 30, target: 20, weight: 1 }, // new customers: 150%, counted as 100%
      { actual: 1, target: 4, weight: 1 }, // certified staff: 25%
      { actual: 5, target: 0, weight: 2 }, // no target: left out
      { actual: 9, target: 10, weight: 0 }, // weight 0: left out
      { actual: 9, target: 10, weight: null }, // blank weight, others weighted: left out (a blank cell is 0)
    ];
    expect(planAttainment(kpis)).toBeCloseTo((3 * 0.9125 + 1 + 0.25) / 5, 12);
    expect(planAttainment(kpis, 1.5)).toBeCloseTo((3 * 0.9125 + 1.5 + 0.25) / 5, 12);
    expect(planStatus(kpis)).toBe("At risk");
    // A blank actual is 0; no weight anywhere is equal weights.
    expect(planAttainment([{ actual: null, target: 10 }])).toBe(0);
    expect(planAttainment([{ actual: 5, target: 10, weight: null }, { actual: 10, target: 10, weight: 0 }])).toBe(0.75);
    expect(failure(planAttainment([{ actual: 1, target: 0 }])).code).toBe("#N/A");
    expect(failure(planAttainment([])).code).toBe("#N/A");
    expect(failure(planAttainment([{ actual: 1, target: 1, weight: -1 }])).message).toBe("weights (item 1): must not be negative, got -1.");
    expect(failure(planAttainment([{ actual: 1, target: 1 }], 0.5)).message).toBe("cap: must be at least 1 (100%), got 0.5.");
  });

  const kpi = fc.record({
    actual: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e7, noNaN: true })),
    target: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 1e7, noNaN: true })),
    // Weights as a sheet holds them: blank, 0 or a figure (not a subnormal, which scaling by 0.1 below turns into 0).
    weight: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 1e-9, max: 10, noNaN: true })),
  });
  const counting = <K extends { target: number | null; weight: number | null }>(kpis: readonly K[]) => {
    const weighed = kpis.some((k) => (k.weight ?? 0) > 0);
    return kpis.filter((k) => (k.target ?? 0) > 0 && (!weighed || (k.weight ?? 0) > 0));
  };

  it("stays within the KPIs' own (capped) attainments, whatever the order and scale of the weights", () => {
    fc.assert(
      fc.property(fc.array(kpi, { maxLength: 8 }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (kpis, scale, cap) => {
        const result = planAttainment(kpis, cap);
        const counted = counting(kpis);
        if (!counted.length) {
          expect(failure(result).code).toBe("#N/A");
          return;
        }
        const own = counted.map((k) => Math.min((k.actual ?? 0) / k.target!, cap));
        const value = ok(result);
        expect(value).toBeGreaterThanOrEqual(Math.min(...own) - 1e-9);
        expect(value).toBeLessThanOrEqual(Math.max(...own) + 1e-9);
        expect(value).toBeLessThanOrEqual(cap + 1e-12);
        expect(ok(planAttainment([...kpis].reverse(), cap))).toBeCloseTo(value, 9);
        expect(ok(planAttainment(kpis.map((k) => ({ ...k, weight: k.weight === null ? null : k.weight * scale })), cap))).toBeCloseTo(value, 9);
      }),
    );
  });

  it("weighs tiny weights as their ratios, and never overflows what ordinary weights give", () => {
    const kpis = (weights: number[]) => [
      { actual: 50, target: 100, weight: weights[0] },
      { actual: 90, target: 100, weight: weights[1] },
    ];
    const ordinary = ok(planAttainment(kpis([1, 3])));
    expect(ordinary).toBeCloseTo((0.5 + 3 * 0.9) / 4, 12);
    for (const tiny of [[1e-200, 3e-200], [5e-324, 1.5e-323], [2 ** -1000, 3 * 2 ** -1000]]) expect(ok(planAttainment(kpis(tiny)))).toBeCloseTo(ordinary, 12);
    // A huge negative actual with a tiny weight stays the finite figure it is.
    expect(ok(planAttainment([{ actual: -1e300, target: 1, weight: 2 ** -501 }]))).toBe(-1e300);
  });

  it("of one KPI is its attainment, up to its target", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e6, noNaN: true }), (actual, target) => {
        expect(planAttainment([{ actual, target }])).toBeCloseTo(Math.min(actual / target, 1), 12);
      }),
    );
  });
});

describe("pace", () => {
  it("divides attainment by the share of the period elapsed, counting whole days inclusively", () => {
    // Q3 2026 has 92 days; on 15 August 46 of them have gone by: half the quarter.
    expect(pace(60, 100, JUL_1, SEP_30, AUG_15)).toBeCloseTo(1.2, 12);
    expect(pace(1, 92, JUL_1, SEP_30, JUL_1)).toBeCloseTo(1, 12);
    expect(pace(50, 100, JUL_1, SEP_30, SEP_30)).toBe(0.5);
    expect(pace(50, 100, JUL_1, SEP_30, SEP_30 + 40)).toBe(0.5);
    expect(pace(60, 100, JUL_1 + 0.9, SEP_30 + 0.1, AUG_15 + 0.5)).toBeCloseTo(1.2, 12);
  });

  it("takes today from the clock when as_of is omitted", () => {
    expect(pace(60, 100, JUL_1, SEP_30, null, clockOn(AUG_15))).toBeCloseTo(1.2, 12);
    expect(pace(60, 100, JUL_1, SEP_30, undefined, clockOn(AUG_15))).toBeCloseTo(1.2, 12);
  });

  it("has no pace before the period and rejects a period that ends before it starts", () => {
    expect(failure(pace(0, 100, JUL_1, SEP_30, JUL_1 - 1)).message).toBe(
      "as_of: on 2026-06-30 the period (from 2026-07-01) has not started; there is no pace yet.",
    );
    expect(failure(pace(0, 100, SEP_30, JUL_1, AUG_15)).message).toBe("period_end: the period ends (2026-07-01) before it starts (2026-09-30).");
    expect(failure(pace(0, 100, 0, SEP_30, AUG_15)).message).toMatch(/^period_start: expected a date/);
    expect(failure(pace(0, 0, JUL_1, SEP_30, AUG_15)).code).toBe("#DIV/0!");
  });
});

describe("status", () => {
  it("is On track from 90% of plan, At risk from 75%, Off track below", () => {
    expect(status(95, 100)).toBe("On track");
    expect(status(90, 100)).toBe("On track");
    expect(status(89.99, 100)).toBe("At risk");
    expect(status(75, 100)).toBe("At risk");
    expect(status(74.9, 100)).toBe("Off track");
    expect(status(120, 100)).toBe("On track");
  });

  it("takes other thresholds, a value on a threshold counting as the better status", () => {
    expect(status(85, 100, 0.15, 0.3)).toBe("On track");
    expect(status(70, 100, 0.15, 0.3)).toBe("At risk");
    expect(status(69, 100, 0.15, 0.3)).toBe("Off track");
    expect(status(99, 100, 0, 0.5)).toBe("At risk");
  });

  it("rejects thresholds out of order or outside 0–1", () => {
    expect(failure(status(1, 1, 0.3, 0.2)).message).toBe("off_track: must be at least at_risk (0.3), got 0.2.");
    expect(failure(status(1, 1, 1.5)).message).toBe("at_risk: must be from 0 to 1 (0% to 100%), got 1.5.");
  });
});

describe("rollup", () => {
  it("sums actuals and targets per key in first-seen order, keys matched case-insensitively", () => {
    const rows = ok(rollup(["EMEA", "APAC", "emea ", "Americas", null, null], [10, 5, 20, 0, null, 7], [20, 10, 20, 0, null, 10]));
    expect(rows).toEqual([
      { key: "EMEA", actual: 30, target: 40, attainment: 0.75 },
      { key: "APAC", actual: 5, target: 10, attainment: 0.5 },
      { key: "Americas", actual: 0, target: 0, attainment: null },
      { key: "(blank)", actual: 7, target: 10, attainment: 0.7 },
    ]);
  });

  it("checks its ranges", () => {
    expect(failure(rollup(["A"], [1, 2], [1])).message).toBe("actuals: expected as many cells as keys (1), got 2.");
    expect(failure(rollup([null], [null], [0])).code).toBe("#N/A");
    expect(failure(rollup(["A"], [NaN], [1])).message).toMatch(/^actuals \(item 1\)/);
  });

  it("keeps every figure: the roll-up's sums equal the input's", () => {
    const row = fc.record({
      key: fc.constantFrom("North", "north", "South", "East", "West", null),
      actual: fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.constant(null)),
      target: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(null)),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), (input) => {
        const result = rollup(input.map((r) => r.key), input.map((r) => r.actual), input.map((r) => r.target));
        const sum = (f: (r: (typeof input)[number]) => number | null) => input.reduce((s, r) => s + (f(r) ?? 0), 0);
        if (input.every((r) => r.key === null && !r.actual && !r.target)) return failure(result).code === "#N/A";
        const rows = ok(result);
        expect(rows.reduce((s, r) => s + r.actual, 0)).toBe(sum((r) => r.actual));
        expect(rows.reduce((s, r) => s + r.target, 0)).toBe(sum((r) => r.target));
        expect(new Set(rows.map((r) => r.key.toLowerCase())).size).toBe(rows.length);
        for (const r of rows) expect(r.attainment).toBe(r.target > 0 ? r.actual / r.target : null);
        return true;
      }),
    );
  });
});

describe("task status", () => {
  it("is Done, Past due, Due soon or Pending", () => {
    expect(taskStatus(AUG_15, AUG_15 + 3, SEP_30)).toBe("Done");
    expect(taskStatus(AUG_15, true, SEP_30)).toBe("Done");
    expect(taskStatus(AUG_15, false, SEP_30)).toBe("Past due");
    expect(taskStatus(SEP_30 - 1, null, SEP_30)).toBe("Past due");
    expect(taskStatus(SEP_30, null, SEP_30)).toBe("Due soon");
    expect(taskStatus(SEP_30 + 14, null, SEP_30)).toBe("Due soon");
    expect(taskStatus(SEP_30 + 15, null, SEP_30)).toBe("Pending");
    expect(taskStatus(null, null, SEP_30)).toBe("Pending");
    expect(taskStatus(SEP_30 + 0.75, null, SEP_30 + 0.5)).toBe("Due soon");
  });

  it("takes today from the clock when as_of is omitted", () => {
    expect(taskStatus(AUG_15, null, null, clockOn(AUG_15 + 1))).toBe("Past due");
    expect(taskStatus(AUG_15, null, null, clockOn(AUG_15))).toBe("Due soon");
  });

  it("rejects what is not a date", () => {
    expect(failure(taskStatus(-3, null, SEP_30)).message).toMatch(/^due: expected a date/);
    expect(failure(taskStatus(AUG_15, 3e6, SEP_30)).message).toMatch(/^done: expected a date/);
  });
});

describe("numbers at the edge of the double range", () => {
  it("never answers infinity", () => {
    expect(ok(rollup(["A"], [5], [5e-324]))[0].attainment).toBeNull();
    expect(failure(pace(1e308, 1, JUL_1, SEP_30, JUL_1)).code).toBe("#NUM!");
    expect(failure(attainment(1e308, 1e-10)).code).toBe("#NUM!");
  });
});
