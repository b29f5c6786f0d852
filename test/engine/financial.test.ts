import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../engine/error";
import { irr, irrOf, npv, npvOf, payback, paybackOf } from "../../engine/excel";

function ok<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value;
}
const code = (value: unknown) => (value as EngineError).code;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

describe("npv (Excel NPV)", () => {
  it("gives Microsoft's published examples", () => {
    expect(round(ok(npv(0.1, [-10000, 3000, 4200, 6800])), 2)).toBe(1188.44);
    // Example 2: an 8% rate, a 40,000 investment at the start, five yearly returns.
    const returns = [8000, 9200, 10000, 12000, 14500];
    expect(round(ok(npv(0.08, returns)) - 40000, 2)).toBe(1922.06);
    expect(round(ok(npv(0.08, [...returns, -9000])) - 40000, 2)).toBe(-3749.47);
  });

  it("discounts the first value once and sums the discounted values", () => {
    expect(ok(npv(0.5, [3]))).toBe(2);
    expect(ok(npv(0, [1, 2, 3]))).toBe(6);
    expect(ok(npv(1, [2, 4, 8]))).toBe(3);
  });

  it("answers #DIV/0! for a rate of -100%, #N/A without cash flows, #NUM! on overflow", () => {
    expect(code(npv(-1, [1, 2]))).toBe("#DIV/0!");
    expect(code(npv(0.1, []))).toBe("#N/A");
    expect((npv(0.1, []) as EngineError).message).toMatch(/^values: there are no cash flows/);
    expect(code(npv(-0.999, [1e300, 1e300, 1e300]))).toBe("#NUM!");
  });

  const flows = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
  const rate = fc.double({ min: -0.9, max: 2, noNaN: true });

  it("is linear in the values", () => {
    fc.assert(
      fc.property(rate, flows, fc.double({ min: -100, max: 100, noNaN: true }), (r, values, k) => {
        const a = ok(npv(r, values));
        const scaled = ok(npv(r, values.map((v) => k * v)));
        const scale = values.reduce((s, v, i) => s + Math.abs(v) / (1 + r) ** (i + 1), 0);
        return Math.abs(scaled - k * a) <= 1e-9 * Math.abs(k) * scale + 1e-300;
      }),
    );
  });

  it("equals the sum of each value over (1 + rate)^period", () => {
    fc.assert(
      fc.property(rate, flows, (r, values) => {
        const expected = values.reduce((s, v, i) => s + v / (1 + r) ** (i + 1), 0);
        const scale = values.reduce((s, v, i) => s + Math.abs(v) / (1 + r) ** (i + 1), 0);
        return Math.abs(ok(npv(r, values)) - expected) <= 1e-12 * scale;
      }),
    );
  });
});

describe("irr (Excel IRR)", () => {
  it("gives Microsoft's published examples", () => {
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(round(ok(irr(flows.slice(0, 5))) * 100, 2)).toBe(-2.12);
    expect(round(ok(irr(flows)) * 100, 2)).toBe(8.66);
    expect(round(ok(irr(flows.slice(0, 3), -0.1)) * 100, 2)).toBe(-44.35);
  });

  it("answers #NUM! without a sign change or without convergence", () => {
    expect(code(irr([1, 2, 3]))).toBe("#NUM!");
    expect(code(irr([-1, -2]))).toBe("#NUM!");
    expect(code(irr([0, 0]))).toBe("#NUM!");
    expect(code(irr([]))).toBe("#NUM!");
    expect(code(irr([-5]))).toBe("#NUM!");
    // Newton from 10% overshoots below -100% and never settles within 20 steps.
    expect(Number.isNaN(irrOf([-100, 1]))).toBe(true);
    expect(ok(irr([-100, 1], -0.985))).toBeCloseTo(-0.99, 12);
  });

  it("treats a guess of -1 as 10% and snaps a tiny rate to 0 when the guess is 0", () => {
    expect(ok(irr([-100, 110], -1))).toBeCloseTo(0.1, 12);
    expect(ok(irr([-100, 100], 0))).toBe(0);
  });

  it("makes the NPV zero wherever it finds a rate", () => {
    const investment = fc.tuple(
      fc.double({ min: 100, max: 1e6, noNaN: true }),
      fc.array(fc.integer({ min: 5, max: 60 }).map((percent) => percent / 100), { minLength: 3, maxLength: 20 }),
    );
    let found = 0;
    fc.assert(
      fc.property(investment, ([outlay, returns]) => {
        const flows = [-outlay, ...returns.map((share) => share * outlay)];
        const rate = irrOf(flows);
        if (Number.isNaN(rate)) return true;
        found++;
        // NPV at the IRR, with the first flow at time 0.
        const value = flows.reduce((s, v, t) => s + v / (1 + rate) ** t, 0);
        const scale = flows.reduce((s, v, t) => s + Math.abs(v) / (1 + rate) ** t, 0);
        return Math.abs(value) <= 1e-8 * scale;
      }),
    );
    expect(found).toBeGreaterThan(50);
  });

  it("finds the conventional investment's rate from the default guess", () => {
    // Outlay then returns: the root is unique; check it against the closed form of a two-period flow.
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.9, max: 3, noNaN: true }), (outlay, multiple) => {
        const rate = ok(irr([-outlay, outlay * multiple]));
        return Math.abs(rate - (multiple - 1)) <= 1e-9 * Math.max(1, multiple);
      }),
    );
  });
});

describe("payback", () => {
  it("interpolates within the period that recovers the outlay", () => {
    expect(ok(payback([-10000, 4000, 4000, 3000]))).toBeCloseTo(2 + 2000 / 3000, 12);
    expect(round(ok(payback([-10000, 4000, 4000, 3000])), 2)).toBe(2.67);
    expect(ok(payback([-100, 100]))).toBe(1);
    expect(ok(payback([-100, 50, 50, 10]))).toBe(2);
  });

  it("gives 0 when the running total is never negative and #N/A when it never recovers", () => {
    expect(ok(payback([0, 5, 5]))).toBe(0);
    expect(ok(payback([100, -50, 10]))).toBe(0);
    expect(code(payback([-100, 50, 40]))).toBe("#N/A");
    expect((payback([-100, 50]) as EngineError).message).toMatch(/^cashflows: the running total is still negative/);
    expect(code(payback([]))).toBe("#N/A");
  });

  it("counts from the last time the running total was negative", () => {
    // Recovers in period 1, falls back below zero in period 2, recovers for good in period 3.
    expect(ok(payback([-100, 150, -100, 100]))).toBeCloseTo(2 + 50 / 100, 12);
    expect(paybackOf(0, [-10, 20])).toBe(1.5);
  });

  it("never pays back later when a later flow grows", () => {
    const flows = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(flows, fc.nat(), fc.integer({ min: 1, max: 500 }), (values, at, extra) => {
        const i = 1 + (at % (values.length - 1));
        const better = values.map((v, j) => (j === i ? v + extra : v));
        const before = paybackOf(values[0], values.slice(1));
        const after = paybackOf(better[0], better.slice(1));
        return after <= before + 1e-12;
      }),
    );
  });
});

describe("the fast cores", () => {
  it("read only the first `count` values of a buffer", () => {
    const buffer = new Float64Array([-100, 60, 60, 999, 999]);
    expect(npvOf(0.1, buffer, 3)).toBeCloseTo(-100 / 1.1 + 60 / 1.21 + 60 / 1.331, 10);
    expect(irrOf(buffer, 0.1, 3)).toBeCloseTo(ok(irr([-100, 60, 60])), 14);
    expect(paybackOf(0, buffer, 3)).toBeCloseTo(2 + 40 / 60, 14);
    expect(paybackOf(0, buffer, 2)).toBe(Infinity);
  });
});
