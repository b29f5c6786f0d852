import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, ln } from "../../engine/random";

describe("seeded random numbers", () => {
  it("repeats the same sequence for the same seed and differs across seeds", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 50 }, () => [random.next(), random.normal()]).flat();
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0.5)).not.toEqual(draw(0.25));
  });

  it("gives this exact sequence on every machine (frozen reference values)", () => {
    // Reference values recorded once from this implementation; they must never change, because
    // seeded functions promise identical results across runs and machines.
    const random = createRandom(1);
    const first = [random.next(), random.next(), random.next()];
    expect(first.map((x) => x.toPrecision(17))).toMatchInlineSnapshot(`
      [
        "0.42564993195549927",
        "0.69101481530153952",
        "0.96594089228128477",
      ]
    `);
  });

  it("steps the generator once per 32-bit draw, twice per uniform", () => {
    const words = createRandom(9);
    const uniforms = createRandom(9);
    for (let i = 0; i < 1000; i++) {
      const [a, b] = [words.uint32(), words.uint32()];
      for (const w of [a, b]) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
      // next() keeps the top 27 bits of one step and the top 26 of the next: 53 bits.
      expect(uniforms.next()).toBe(((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53);
    }
  });

  it("draws uniforms in [0, 1) with the right mean and variance", () => {
    const random = createRandom(7);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws standard normals with mean 0, variance 1 and 95% within ±1.96", () => {
    const random = createRandom(11);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) <= 1.959964) inside++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.015);
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(0.003);
  });

  it("draws integers below n", () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("arithmetic-only logarithm", () => {
  it("agrees with Math.log to within two units in the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const expected = Math.log(x);
        return Math.abs(ln(x) - expected) <= 2 * Number.EPSILON * Math.max(1, Math.abs(expected));
      }),
      { numRuns: 20_000 },
    );
  });

  it("handles the edges", () => {
    expect(ln(1)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(Infinity)).toBe(Infinity);
    expect(Number.isNaN(ln(-1))).toBe(true);
    expect(ln(Math.E)).toBeCloseTo(1, 15);
  });
});
