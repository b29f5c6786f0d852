import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STAGES, gaps, stage } from "../../engine/scorecard";
import { failure, ok } from "./support";

describe("stage", () => {
  it("is the first stage below the pass mark, or Established", () => {
    expect(stage([80, 75, 60, 90])).toBe("Activation");
    expect(stage([69.9, 100, 100, 100])).toBe("Fit");
    expect(stage([70, 70, 70, 70])).toBe("Established");
    expect(stage([90, 90, 90, 10])).toBe("Enablement");
    expect(stage([90, 90, 60, 10], 55)).toBe("Enablement");
  });

  it("counts a blank stage as not passed", () => {
    expect(stage([null, 90, 90, 90])).toBe("Fit");
    expect(stage([90, 90, null, null])).toBe("Activation");
  });

  it("rejects bad scores and pass marks", () => {
    expect(failure(stage([80, 75, 60])).message).toBe("stage_scores: expected 4 stage scores, got 3.");
    expect(failure(stage([80, 175, 60, 1])).message).toBe("stage_scores (item 2): a score must be from 0 to 100 (or blank), got 175.");
    expect(failure(stage([80, 75, 60, 1], 0)).message).toMatch(/^pass_mark: must be greater than 0/);
    expect(failure(stage([80, 75, 60, 1], 101)).code).toBe("#VALUE!");
  });

  it("never moves back when a score rises", () => {
    const score = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }));
    const order = [...STAGES, "Established"];
    fc.assert(
      fc.property(fc.array(score, { minLength: 4, maxLength: 4 }), fc.nat(3), fc.integer({ min: 0, max: 100 }), (scores, i, raise) => {
        const raised = scores.map((s, j) => (j === i ? Math.max(s ?? 0, raise) : s));
        return order.indexOf(ok(stage(raised))) >= order.indexOf(ok(stage(scores)));
      }),
    );
  });
});

describe("gaps", () => {
  const topics = ["Sales training", "Demo kit", "Marketing plan", "Certified engineers", "Reference customers", "Deal registration"];

  it("ranks topics by weighted gap, ties in input order", () => {
    const rows = ok(gaps(topics, [40, 70, 55, 80, 20, 90], [80, 80, 80, 80, 60, 80], [1, 2, 1, 1, 1, 1], 4));
    expect(rows).toEqual([
      { topic: "Sales training", score: 40, target: 80, gap: 40 },
      { topic: "Reference customers", score: 20, target: 60, gap: 40 },
      { topic: "Marketing plan", score: 55, target: 80, gap: 25 },
      { topic: "Demo kit", score: 70, target: 80, gap: 20 },
    ]);
  });

  it("takes one target for all, blank scores as 0, and lists topics on target last", () => {
    const rows = ok(gaps(["A", "B", null, "C"], [90, null, 50, 75], [80]));
    expect(rows.map((r) => [r.topic, r.gap])).toEqual([
      ["B", 80],
      ["C", 5],
      ["A", 0],
    ]);
  });

  it("rejects mismatched ranges and bad numbers", () => {
    expect(failure(gaps(["A", "B"], [1], [2])).message).toBe("scores: expected as many cells as topics (2), got 1.");
    expect(failure(gaps(["A", "B"], [1, 2], [2, 3, 4])).message).toBe("targets: expected one value or as many cells as topics (2), got 3.");
    expect(failure(gaps(["A"], [1], [2], [1, 1])).message).toBe("weights: expected as many cells as topics (1), got 2.");
    expect(failure(gaps(["A", "B"], [1, -2], [3])).message).toMatch(/^scores \(item 2\): must not be negative/);
    expect(failure(gaps(["A"], [1], [3], null, 0)).message).toMatch(/^top_n: must be at least 1/);
    expect(failure(gaps([null, null], [1, 2], [3])).code).toBe("#N/A");
  });

  it("lists min(top_n, topics) rows in non-increasing gap order, each gap = max(0, target − score) × weight", () => {
    const row = fc.record({ score: fc.integer({ min: 0, max: 100 }), target: fc.integer({ min: 0, max: 100 }), weight: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 10 }), (input, topN) => {
        const names = input.map((_, i) => `T${i}`);
        const out = ok(gaps(names, input.map((r) => r.score), input.map((r) => r.target), input.map((r) => r.weight), topN));
        expect(out).toHaveLength(Math.min(topN, input.length));
        for (let i = 1; i < out.length; i++) expect(out[i - 1].gap).toBeGreaterThanOrEqual(out[i].gap);
        for (const r of out) {
          const source = input[names.indexOf(r.topic)];
          expect(r.gap).toBe(Math.max(0, source.target - source.score) * source.weight);
        }
        // Nothing left out has a larger gap than the last one listed.
        const listed = new Set(out.map((r) => r.topic));
        const rest = input.map((r, i) => ({ ...r, name: names[i] })).filter((r) => !listed.has(r.name));
        for (const r of rest) expect(Math.max(0, r.target - r.score) * r.weight).toBeLessThanOrEqual(out[out.length - 1].gap);
      }),
    );
  });
});
