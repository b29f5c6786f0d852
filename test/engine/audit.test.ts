import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AREA_ORDER, AUDIT_AREAS, type AreaRatings, audit, auditAreas, score } from "../../engine/audit";
import { EngineError } from "../../engine/error";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A non-error result, or a failed test. */
function ok<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value;
}

const rating = (max: number) => fc.integer({ min: 1, max }).map((r) => r as number | null);
const ratingOrBlank = fc.oneof(rating(5), fc.constant(null));
/** Weights as users type them: 0 or a positive number of reasonable magnitude. */
const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));

describe("score", () => {
  it("rescales ratings to 0–100 and averages them", () => {
    expect(score([5, 5, 5])).toBe(100);
    expect(score([1, 1])).toBe(0);
    expect(score([3])).toBe(50);
    expect(score([1, 5])).toBe(50);
    expect(score([2, 4, 3, 5])).toBeCloseTo(((1 + 3 + 2 + 4) / 4 / 4) * 100, 12);
  });

  it("skips blanks and renormalises the weights over the answered ratings", () => {
    expect(score([5, null, 1], [1, 100, 3])).toBeCloseTo(25, 12);
    expect(score([null, 4, null])).toBe(75);
  });

  it("uses the given scale", () => {
    expect(score([10, 1], null, 10)).toBe(50);
    expect(score([7], null, 7)).toBe(100);
    expect(score([2.5], null, 4)).toBe(50);
  });

  it("gives #N/A when nothing is rated", () => {
    const result = score([null, null]);
    expect(result).toBeInstanceOf(EngineError);
    expect((result as EngineError).code).toBe("#N/A");
    expect((result as EngineError).message).toMatch(/^ratings:/);
    expect((score([]) as EngineError).code).toBe("#N/A");
  });

  it("rejects ratings outside the scale, naming the item", () => {
    const result = score([3, 6, 2]) as EngineError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toBe("ratings (item 2): a rating must be from 1 to 5 (or blank), got 6.");
    expect((score([0.5]) as EngineError).code).toBe("#VALUE!");
    expect((score([-1]) as EngineError).code).toBe("#VALUE!");
    expect((score([NaN]) as EngineError).code).toBe("#VALUE!");
  });

  it("rejects bad weights and scales with a message naming them", () => {
    expect((score([3, 4], [1, -1]) as EngineError).message).toMatch(/^weights \(item 2\): must not be negative/);
    expect((score([3, 4], [0, 0]) as EngineError).message).toMatch(/^weights: at least one weight/);
    expect((score([3, 4], [1]) as EngineError).message).toMatch(/^weights: expected 2 weights, got 1/);
    expect((score([3], null, 1) as EngineError).message).toMatch(/^scale_max: must be greater than 1/);
    expect((score([3], null, Infinity) as EngineError).code).toBe("#VALUE!");
  });

  it("handles weights near the largest double without overflow", () => {
    expect(score([5, 1], [Number.MAX_VALUE, Number.MAX_VALUE])).toBe(50);
  });

  const scored = fc
    .array(fc.tuple(ratingOrBlank, weight), { minLength: 1, maxLength: 30 })
    .filter((pairs) => pairs.some(([r, w]) => r !== null && w > 0));

  it("always stays within 0–100", () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 2, max: 100 }), (pairs, max) => {
        const ratings = pairs.map(([r]) => (r === null ? null : Math.min(r, max)));
        const value = ok(score(ratings, pairs.map(([, w]) => w), max));
        return value >= 0 && value <= 100;
      }),
    );
  });

  it("does not change when criteria are permuted with their weights", () => {
    fc.assert(
      fc.property(scored, fc.nat(), (pairs, seed) => {
        const shuffled = [...pairs].sort((a, b) => ((a[1] * 7919 + seed) % 13) - ((b[1] * 7919 + seed) % 13));
        const before = ok(score(pairs.map((p) => p[0]), pairs.map((p) => p[1])));
        const after = ok(score(shuffled.map((p) => p[0]), shuffled.map((p) => p[1])));
        return close(before, after);
      }),
    );
  });

  it("does not change when all weights are scaled by the same factor", () => {
    fc.assert(
      fc.property(scored, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (pairs, factor) => {
        const ratings = pairs.map((p) => p[0]);
        const before = ok(score(ratings, pairs.map((p) => p[1])));
        const after = ok(score(ratings, pairs.map((p) => p[1] * factor)));
        return close(before, after);
      }),
    );
  });

  it("does not change when blank criteria are added", () => {
    fc.assert(
      fc.property(scored, fc.nat({ max: 5 }), (pairs, extra) => {
        const ratings = pairs.map((p) => p[0]);
        const weights = pairs.map((p) => p[1]);
        const before = ok(score(ratings, weights));
        const after = ok(score([...ratings, ...Array(extra).fill(null)], [...weights, ...Array(extra).fill(1)]));
        return close(before, after);
      }),
    );
  });

  it("never falls when one rating rises", () => {
    fc.assert(
      fc.property(fc.array(rating(5), { minLength: 1, maxLength: 12 }), fc.nat(), (ratings, pick) => {
        const i = pick % ratings.length;
        const raised = ratings.map((r, j) => (j === i ? Math.min(5, (r as number) + 1) : r));
        return ok(score(raised)) >= ok(score(ratings)) - 1e-12;
      }),
    );
  });

  it("equals the rating's own score when all ratings are the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 20 }), (r, n) =>
        close(ok(score(Array(n).fill(r))), ((r - 1) / 4) * 100),
      ),
    );
  });
});

const blankAreas = (): AreaRatings => ({ ability: [], sweetspot: [], territory: [], revenue: [] });

describe("audit", () => {
  it("has the four areas of the performance audit with their criteria", () => {
    expect(AUDIT_AREAS.map((a) => a.id)).toEqual(AREA_ORDER);
    expect(AUDIT_AREAS.map((a) => a.criteria.length)).toEqual([5, 3, 3, 3]);
  });

  it("averages the area scores with equal weights by default", () => {
    const ratings = { ability: [5, 5, 5, 5, 5], sweetspot: [1, 1, 1], territory: [3, 3, 3], revenue: [4, null, 2] };
    expect(audit(ratings)).toBeCloseTo((100 + 0 + 50 + 50) / 4, 12);
    const areas = ok(auditAreas(ratings));
    expect(areas.areas).toEqual([100, 0, 50, 50]);
    expect(areas.overall).toBeCloseTo(50, 12);
  });

  it("leaves unanswered areas out and renormalises", () => {
    const ratings = { ...blankAreas(), ability: [5], revenue: [3] };
    expect(audit(ratings)).toBe(75);
    expect(ok(auditAreas(ratings)).areas).toEqual([100, null, null, 50]);
    expect(audit(ratings, [1, 1, 1, 3])).toBeCloseTo((100 + 3 * 50) / 4, 12);
  });

  it("gives #N/A when every area is blank", () => {
    const result = audit({ ...blankAreas(), ability: [null, null] }) as EngineError;
    expect(result.code).toBe("#N/A");
    expect(result.message).toMatch(/ability, sweetspot, territory and revenue are all blank/);
  });

  it("names the area of a bad rating and the area weights", () => {
    expect((audit({ ...blankAreas(), territory: [2, 9] }) as EngineError).message).toMatch(/^territory \(item 2\)/);
    expect((audit({ ...blankAreas(), ability: [3] }, [0, 1, 1, 1]) as EngineError).message).toMatch(/^area_weights: at least one/);
    expect((audit({ ...blankAreas(), ability: [3] }, [1, 1]) as EngineError).message).toMatch(/^area_weights: expected 4 weights/);
  });

  it("equals the weighted mean of the answered area scores", () => {
    const areaRatings = fc.array(ratingOrBlank, { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.tuple(areaRatings, areaRatings, areaRatings, areaRatings),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
        ([ability, sweetspot, territory, revenue], weights) => {
          const ratings = { ability, sweetspot, territory, revenue };
          const result = auditAreas(ratings, weights);
          const answered = [ability, sweetspot, territory, revenue].map((r) => r.some((x) => x !== null));
          if (!answered.some(Boolean)) return result instanceof EngineError && result.code === "#N/A";
          const { areas, overall } = ok(result);
          let sum = 0;
          let total = 0;
          areas.forEach((a, i) => {
            expect(a === null).toBe(!answered[i]);
            if (a !== null) {
              sum += a * weights[i];
              total += weights[i];
            }
          });
          return close(overall, sum / total) && close(ok(audit(ratings, weights)), overall);
        },
      ),
    );
  });
});
