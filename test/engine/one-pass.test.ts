// PARTNER.RANK.PCT and PARTNER.BENCHMARK read the population once, without sorting it: they must
// give exactly what sorting the population and reading PERCENTRANK.INC and the QUARTILE.INC cuts
// from it gives — on populations with ties, blanks, negative and huge values, the value on a data
// point, between two, on a cut or outside the range. The range forms (rankPcts, benchmarks) sort
// once and must agree with the single calls cell by cell.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError, guard, isEngineError } from "../../engine/error";
import { percentRankIncSorted, quartileIncSorted, sortAscending } from "../../engine/excel/statistical";
import { QUARTILE_LABELS, benchmark, benchmarks } from "../../engine/funnel";
import { sortedPopulation } from "../../engine/input";
import { rankPct, rankPcts } from "../../engine/segment";

/** The sorted way: what both functions did before (and what the range forms do). */
function sortedRank(value: number, population: readonly (number | null)[], significance: number): number | "#N/A" {
  const sorted = sortAscending(population.filter((v): v is number => v !== null));
  return percentRankIncSorted(sorted, value, significance) ?? "#N/A";
}
function sortedLabel(value: number, population: readonly (number | null)[], higher: boolean): string {
  const sorted = sortAscending(population.filter((v): v is number => v !== null));
  const [q1, q2, q3] = ([1, 2, 3] as const).map((q) => quartileIncSorted(sorted, q)!);
  if (higher) return QUARTILE_LABELS[value >= q3 ? 0 : value >= q2 ? 1 : value >= q1 ? 2 : 3];
  return QUARTILE_LABELS[value <= q1 ? 0 : value <= q2 ? 1 : value <= q3 ? 2 : 3];
}
const outcome = (r: unknown) => (isEngineError(r) ? r.code : r);

// Few distinct values (ties), small integers, fractions that do not add up exactly, huge values.
const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -1000, max: 1000 }).map((n) => n / 7),
  fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 1e-300, -0, 5e-324, 1.7976931348623157e308, -1.7976931348623157e308),
);
const population = fc.array(fc.oneof({ weight: 6, arbitrary: number }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 1, maxLength: 40 });
/** A value drawn from the population (on a point, a tie, a cut), near it, or anywhere. */
const valueFor = (pop: readonly (number | null)[]) =>
  fc.oneof(
    fc.constantFrom(...pop.map((v) => v ?? 0)),
    fc.constantFrom(...pop.map((v) => v ?? 0)).chain((v) => fc.constantFrom(v + 0.5, v - 0.5, v * (1 + 1e-15), v / 2)),
    number,
  ).filter(Number.isFinite);

describe("one pass over the population equals sorting it", () => {
  it("PARTNER.RANK.PCT: the same rank, bit for bit, or the same #N/A", () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 1, max: 20 }), (pop, significance) => {
        if (pop.every((v) => v === null)) return;
        fc.assert(
          fc.property(valueFor(pop), (value) => {
            expect(outcome(rankPct(value, pop, significance))).toBe(sortedRank(value, pop, significance));
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 300 },
    );
  });

  it("PARTNER.BENCHMARK: the same quartile either way round", () => {
    fc.assert(
      fc.property(population, fc.boolean(), (pop, higher) => {
        if (pop.every((v) => v === null)) return;
        fc.assert(
          fc.property(valueFor(pop), (value) => {
            expect(benchmark(value, pop, higher)).toBe(sortedLabel(value, pop, higher));
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 300 },
    );
  });

  it("finds values on the cuts: quartile cuts that interpolate land in the better quartile", () => {
    // 1..8: Q1 = 2.75, median 4.5, Q3 = 6.25 — values on and around them.
    const pop = [8, 1, 7, 2, 6, 3, 5, 4];
    for (const v of [2.75, 4.5, 6.25, 2.7499999999999996, 6.250000000000001, 1, 8]) {
      expect(benchmark(v, pop, true)).toBe(sortedLabel(v, pop, true));
      expect(benchmark(v, pop, false)).toBe(sortedLabel(v, pop, false));
    }
    expect(benchmark(6.25, pop, true)).toBe("Top quartile");
    expect(benchmark(2.75, pop, false)).toBe("Top quartile");
  });

  it("names the same bad item and the same empty population as before", () => {
    const before = guard(sortedPopulation)([1, null, Number.NaN, 4]);
    expect(isEngineError(before)).toBe(true);
    for (const after of [rankPct(3, [1, null, Number.NaN, 4]), benchmark(3, [1, null, Number.NaN, 4])]) {
      expect(isEngineError(after) && after.message).toBe((before as EngineError).message);
      expect(isEngineError(after) && after.message).toMatch(/item 3/);
    }
    expect(outcome(benchmark(1, [null, null]))).toBe("#N/A");
    expect(outcome(rankPct(9, [1, 2, 3]))).toBe("#N/A");
  });
});

describe("the range forms sort once and agree with the single calls", () => {
  it("rank and place every value of a range, blanks blank and each value outside the range its own #N/A", () => {
    fc.assert(
      fc.property(population, fc.array(fc.oneof(number, fc.constant(null)), { maxLength: 30 }), fc.boolean(), (pop, values, higher) => {
        if (pop.every((v) => v === null)) return;
        const ranks = rankPcts(values, pop, 3);
        const labels = benchmarks(values, pop, higher);
        if (isEngineError(ranks) || isEngineError(labels)) throw new Error("a valid population failed");
        values.forEach((v, i) => {
          if (v === null) {
            expect(ranks[i]).toBeNull();
            expect(labels[i]).toBeNull();
            return;
          }
          expect(outcome(ranks[i])).toBe(outcome(rankPct(v, pop, 3)));
          expect(labels[i]).toBe(benchmark(v, pop, higher));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("names the cell of a value outside the population", () => {
    const ranks = rankPcts([2, 40], [1, 2, 3], 3, (i) => `value, row ${i + 1}`);
    expect(isEngineError(ranks)).toBe(false);
    const [inside, outside] = ranks as (number | EngineError)[];
    expect(inside).toBe(0.5);
    expect(outside instanceof EngineError && outside.message).toMatch(/^value, row 2: /);
  });
});
