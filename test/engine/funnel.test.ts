import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchmark, funnel, velocity, winRate } from "../../engine/funnel";
import { failure, ok } from "./support";

describe("win rate", () => {
  it("counts decided deals only", () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 4)).toBe(0);
    expect(failure(winRate(0, 0)).code).toBe("#DIV/0!");
    expect(failure(winRate(-1, 3)).message).toMatch(/^won: must not be negative/);
  });
});

describe("funnel", () => {
  it("gives stage-to-stage conversions and the overall rate", () => {
    expect(ok(funnel([200, 80, 40, 10]))).toEqual({ conversions: [0.4, 0.5, 0.25], overall: 0.05 });
    expect(ok(funnel([50, 0, 0]))).toEqual({ conversions: [0, null], overall: 0 });
    expect(ok(funnel([0, 5]))).toEqual({ conversions: [null], overall: null });
    expect(ok(funnel([10, null]))).toEqual({ conversions: [0], overall: 0 });
  });

  it("multiplies its conversions into the overall rate", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }), (counts) => {
        const { conversions, overall } = ok(funnel(counts));
        return Math.abs(conversions.reduce((p, c) => p! * c!, 1)! - overall!) < 1e-12 * Math.max(1, overall!);
      }),
    );
  });

  it("needs two stages and counts of 0 or more", () => {
    expect(failure(funnel([5])).message).toBe("stage_counts: a funnel needs at least 2 stages, got 1.");
    expect(failure(funnel([5, -1])).message).toMatch(/^stage_counts \(item 2\): must not be negative/);
  });
});

describe("velocity", () => {
  it("is opportunities × deal size × win rate / cycle days", () => {
    expect(velocity(20, 5000, 0.25, 50)).toBe(500);
    expect(velocity(0, 5000, 0.25, 50)).toBe(0);
    expect(failure(velocity(20, 5000, 0.25, 0)).code).toBe("#DIV/0!");
    expect(failure(velocity(20, 5000, 1.25, 30)).message).toMatch(/^win_rate: must be from 0 to 1/);
  });
});

describe("benchmark", () => {
  // QUARTILE.INC of 1..8: Q1 = 2.75, Q2 = 4.5, Q3 = 6.25.
  const network = [8, 1, 7, 2, 6, 3, 5, 4];

  it("places a value in the network's quartiles, a value on a cut going to the better one", () => {
    expect([7, 6.25, 6, 4.5, 3, 2.75, 2, 100].map((v) => benchmark(v, network))).toEqual([
      "Top quartile", "Top quartile", "Second quartile", "Second quartile",
      "Third quartile", "Third quartile", "Bottom quartile", "Top quartile",
    ]);
  });

  it("mirrors the quartiles when lower is better", () => {
    expect([1, 2.75, 3, 4.5, 5, 6.25, 7].map((v) => benchmark(v, network, false))).toEqual([
      "Top quartile", "Top quartile", "Second quartile", "Second quartile",
      "Third quartile", "Third quartile", "Bottom quartile",
    ]);
  });

  it("ignores blanks and answers #N/A without a population", () => {
    expect(benchmark(7, [...network, null, null])).toBe("Top quartile");
    expect(failure(benchmark(7, [null])).message).toBe("population: there are no numbers to compare with (every cell is blank).");
  });

  it("never ranks a higher value in a lower quartile", () => {
    const order = ["Bottom quartile", "Third quartile", "Second quartile", "Top quartile"];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -10, max: 110 }), fc.nat(20), (population, v, up) =>
        order.indexOf(ok(benchmark(v + up, population))) >= order.indexOf(ok(benchmark(v, population))),
      ),
    );
  });
});
