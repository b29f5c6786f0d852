import { describe, expect, it } from "vitest";
import { checkProposition, propositionTable, propositionVerdict } from "../../engine/plan/proposition";
import { failure, ok } from "./support";

const passes = (statement: string) => Object.fromEntries(ok(checkProposition(statement)).tests.map((t) => [t.test, t.passes]));
const verdict = (statement: string) => propositionVerdict(ok(checkProposition(statement)));

describe("the joint value proposition check", () => {
  it("passes a short statement with a figure and a comparison", () => {
    const statement = "Close the books in 2 days instead of 10 with our joint finance service.";
    expect(passes(statement)).toEqual({ "Quantified benefit": true, Differentiator: true, "Five-second read": true, "Plain words": true });
    expect(verdict(statement)).toBe("OK: 14 words, about 3.5 s to read");
  });

  it("finds a quantified benefit in percentages, money, multiples, times and number words, not in names or bare years", () => {
    for (const figure of ["Cut costs by 30%", "Save $2M a year", "Save €450k", "Get 3x the leads", "Answers in 48 hours", "Serve 1,200 stores", "Halve your churn", "Win twice the deals", "Grow threefold"]) {
      expect(passes(figure)["Quantified benefit"], figure).toBe(true);
    }
    for (const none of ["The B2B platform for 2026", "Run on M365 everywhere", "Happier customers"]) {
      expect(passes(none)["Quantified benefit"], none).toBe(false);
    }
    expect(ok(checkProposition("Cut costs by 30% in 2026")).tests[0].detail).toBe('figure: "30%"');
  });

  it("finds a differentiator in comparative wording", () => {
    for (const comparison of ["Faster deployments", "Better than the rest", "Unlike generic resellers", "The only certified partner in Ohio", "Fewer outages"]) {
      expect(passes(comparison).Differentiator, comparison).toBe(true);
    }
    expect(passes("A great service for retailers").Differentiator).toBe(false);
  });

  it("times the reading at 4 words a second against 5 seconds", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    expect(ok(checkProposition(twenty)).seconds).toBe(5);
    expect(passes(twenty)["Five-second read"]).toBe(true);
    expect(passes(`${twenty} more`)["Five-second read"]).toBe(false);
    // Dashes and stray punctuation are not words.
    expect(ok(checkProposition("Fast — and 30% cheaper !")).words).toBe(4);
  });

  it("says what the statement lacks", () => {
    expect(verdict("A world-class, seamless platform leveraging synergies across the ecosystem for every customer you serve in every market you are in today and tomorrow")).toBe(
      'Lacks a quantified benefit, a differentiator, brevity (23 words, about 5.8 s to read) and plain words (drop "world-class", "seamless", "leveraging", "synergies")',
    );
    expect(verdict("Save $2M a year")).toBe("Lacks a differentiator");
    expect(verdict("Twice faster.")).toBe("OK: 2 words, about 0.5 s to read");
    expect(verdict("Cheaper×2")).toBe("OK: 1 word, about 0.3 s to read");
    expect(propositionTable(ok(checkProposition("Save $2M a year")))).toEqual([
      ["Test", "Passes", "Detail"],
      ["Quantified benefit", true, 'figure: "$2M"'],
      ["Differentiator", false, "no comparison: say why this beats the alternatives (than, unlike, only, faster…)"],
      ["Five-second read", true, "4 words, about 1 s"],
      ["Plain words", true, "no hype or jargon found"],
    ]);
  });

  it("has nothing to check in a blank statement", () => {
    expect(failure(checkProposition("   ")).code).toBe("#N/A");
  });
});
