import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGAGEMENT, PROSPECT_CONDITION, TIERS, type Tier, nextTier, tier, tierMix } from "../../engine/tier";
import { failure, ok } from "./support";

// The eight engagement answers in PARTNER.TIER's order.
const engaged = (on: string[]) =>
  ENGAGEMENT.map((e) => on.includes(e.id));
const MGP_BASE = ["optIn", "meets", "access", "visible"];
const MVP_EXTRA = ["advises", "suggests", "refersPartners"];
const ALL = ENGAGEMENT.map((e) => e.id);

describe("tier", () => {
  it("follows seed 004's rules, first match wins", () => {
    expect(tier(engaged(ALL), 12)).toBe("MVP");
    expect(tier(engaged(ALL), 9)).toBe("MGP");
    expect(tier(engaged([...MGP_BASE, ...MVP_EXTRA]), 10)).toBe("MVP");
    expect(tier(engaged([...MGP_BASE, "advises", "suggests"]), 50)).toBe("MGP");
    expect(tier(engaged(MGP_BASE), 3)).toBe("MGP");
    expect(tier(engaged(MGP_BASE), 2)).toBe("BZ");
    expect(tier(engaged([...MGP_BASE, "online"]), 2)).toBe("STP");
    expect(tier(engaged(["optIn", "online"]), 1)).toBe("STP");
    expect(tier(engaged(["optIn", "online"]), 0)).toBe("BZ");
    expect(tier(engaged(["online"]), 40)).toBe("BZ");
    expect(tier(engaged([]), 0)).toBe("BZ");
  });

  it("makes a prospect a Target whatever its engagement", () => {
    expect(tier(engaged(ALL), 40, {}, true)).toBe("Target");
    expect(tier(engaged([]), 0, {}, true)).toBe("Target");
  });

  it("uses the given opportunity thresholds, the high one never below the minimum", () => {
    expect(tier(engaged(ALL), 5, { minOpportunities: 1, highOpportunities: 5 })).toBe("MVP");
    expect(tier(engaged(ALL), 4, { minOpportunities: 1, highOpportunities: 5 })).toBe("MGP");
    expect(tier(engaged(ALL), 12, { minOpportunities: 15 })).toBe("STP");
    expect(tier(engaged(ALL), 15, { minOpportunities: 15 })).toBe("MVP");
  });

  it("rejects bad input with a message naming the argument", () => {
    expect(failure(tier([true, false], 3)).message).toBe("engagement: expected 8 TRUE/FALSE values, got 2.");
    expect(failure(tier(engaged(ALL), -1)).message).toMatch(/^opportunities: must not be negative/);
    expect(failure(tier(engaged(ALL), 3, { minOpportunities: 0.5 })).message).toMatch(/^min_opportunities: must be at least 1/);
    expect(failure(tier(engaged(ALL), 3, { minOpportunities: 5, highOpportunities: 4 })).message).toBe(
      "high_opportunities: must be at least min_opportunities (5), got 4.",
    );
    expect(failure(tier(engaged(ALL), NaN)).code).toBe("#VALUE!");
  });

  const rank: Record<Tier, number> = { MVP: 4, MGP: 3, STP: 2, BZ: 1, Target: 0 };
  const answers = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });

  it("never falls when the partner engages more or brings more opportunities", () => {
    fc.assert(
      fc.property(answers, fc.nat(8), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }), (e, flip, opportunities, extra) => {
        const more = e.map((v, i) => v || i === flip);
        const before = rank[ok(tier(e, opportunities))];
        return rank[ok(tier(more, opportunities))] >= before && rank[ok(tier(e, opportunities + extra))] >= before;
      }),
    );
  });

  it("gives every MVP the MGP engagement, and every STP or better opt-in and an opportunity", () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 30 }), (e, opportunities) => {
        const t = ok(tier(e, opportunities));
        if (t === "MVP" || t === "MGP") expect(e.slice(0, 4).every(Boolean) && opportunities >= 3).toBe(true);
        if (t !== "BZ") expect(e[0] && opportunities >= 1).toBe(true);
      }),
    );
  });
});

describe("next tier", () => {
  const label = (id: string) => ENGAGEMENT.find((e) => e.id === id)!.label;

  it("names the conditions of the tier one step up that the partner does not meet, in the seed's words", () => {
    expect(ok(nextTier(engaged([]), 0))).toEqual({
      tier: "BZ",
      next: "STP",
      missing: [
        { id: "optIn", label: "Opts in to our communications" },
        { id: "online", label: "Will speak with us by phone or online" },
        { id: "opportunities", label: "Refers or closes at least 1 sales opportunity (now 0)", needed: 1 },
      ],
    });
    expect(ok(nextTier(engaged(["optIn", "online"]), 2))).toEqual({
      tier: "STP",
      next: "MGP",
      missing: [
        { id: "meets", label: label("meets") },
        { id: "access", label: label("access") },
        { id: "visible", label: label("visible") },
        { id: "opportunities", label: "Consistently refers or closes at least 3 sales opportunities (now 2)", needed: 3 },
      ],
    });
    expect(ok(nextTier(engaged([...MGP_BASE, "suggests"]), 4))).toEqual({
      tier: "MGP",
      next: "MVP",
      missing: [
        { id: "advises", label: "Tells us what we need to do to succeed" },
        { id: "refersPartners", label: "Refers us to new potential MGPs" },
        { id: "opportunities", label: "Consistently refers or closes at least 10 sales opportunities (now 4)", needed: 10 },
      ],
    });
    expect(ok(nextTier(engaged(ALL), 10))).toEqual({ tier: "MVP", next: null, missing: [] });
  });

  it("uses the given thresholds", () => {
    const step = ok(nextTier(engaged(ALL), 4, { minOpportunities: 2, highOpportunities: 5 }));
    expect(step.tier).toBe("MGP");
    expect(step.missing).toEqual([{ id: "opportunities", label: "Consistently refers or closes at least 5 sales opportunities (now 4)", needed: 5 }]);
  });

  it("asks a Target to become a partner first, and says which tier its engagement would give", () => {
    expect(ok(nextTier(engaged(MGP_BASE), 3, {}, true))).toEqual({ tier: "Target", next: "MGP", missing: [PROSPECT_CONDITION] });
    expect(ok(nextTier(engaged([]), 0, {}, true)).next).toBe("BZ");
  });

  it("fails as PARTNER.TIER does on bad input", () => {
    expect(failure(nextTier([true], 3)).message).toBe("engagement: expected 8 TRUE/FALSE values, got 1.");
    expect(failure(nextTier(engaged(ALL), -2)).code).toBe("#VALUE!");
  });

  const answers = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });
  const thresholds = fc.integer({ min: 1, max: 12 }).chain((min) => fc.tuple(fc.constant(min), fc.integer({ min, max: 20 })));
  const ladder: Tier[] = ["BZ", "STP", "MGP", "MVP"];

  it("agrees with PARTNER.TIER, and meeting every missing condition reaches at least the next tier", () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 25 }), thresholds, fc.boolean(), (e, opportunities, [min, high], prospect) => {
        const rules = { minOpportunities: min, highOpportunities: high };
        const step = ok(nextTier(e, opportunities, rules, prospect));
        expect(step.tier).toBe(ok(tier(e, opportunities, rules, prospect)));
        if (step.next === null) return step.tier === "MVP" && step.missing.length === 0;
        // Meet every missing condition: answer yes, bring the opportunities needed, start the relationship.
        const after = e.map((v, i) => v || step.missing.some((c) => c.id === ENGAGEMENT[i].id));
        const needed = Math.max(opportunities, ...step.missing.map((c) => c.needed ?? 0));
        const reached = ok(tier(after, needed, rules, prospect && !step.missing.some((c) => c.id === "prospect")));
        expect(step.missing.length).toBeGreaterThan(0);
        return ladder.indexOf(reached) >= ladder.indexOf(step.next);
      }),
    );
  });

  it("lists only conditions the partner does not meet", () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 25 }), (e, opportunities) => {
        const step = ok(nextTier(e, opportunities));
        for (const c of step.missing) {
          if (c.id === "prospect") continue;
          if (c.id === "opportunities") expect(opportunities).toBeLessThan(c.needed!);
          else expect(e[ENGAGEMENT.findIndex((q) => q.id === c.id)]).toBe(false);
        }
        return true;
      }),
    );
  });
});

describe("tier mix", () => {
  it("shares partner tiers among partners and Targets among all rows, with the MVP gap", () => {
    const mix = ok(tierMix(["MVP", "mgp", " MGP ", "STP", "BZ", "Target", null, "target"]));
    expect(mix.partners).toBe(5);
    expect(mix.total).toBe(7);
    expect(mix.shares.map((s) => [s.tier, s.count, s.share])).toEqual([
      ["MVP", 1, 0.2],
      ["MGP", 2, 0.4],
      ["STP", 1, 0.2],
      ["BZ", 1, 0.2],
      ["Target", 2, 2 / 7],
    ]);
    expect(mix.mvpGap).toBeCloseTo(0, 15);
    expect(ok(tierMix(["MGP", "BZ", "BZ", "STP"])).mvpGap).toBe(0.2);
    expect(ok(tierMix(["MVP", "MVP", "BZ"])).mvpGap).toBeCloseTo(0.2 - 2 / 3, 15);
  });

  it("leaves partner shares empty when there are only Targets", () => {
    const mix = ok(tierMix(["Target", null, "Target"]));
    expect(mix.shares.map((s) => s.share)).toEqual([null, null, null, null, 1]);
    expect(mix.mvpGap).toBeNull();
  });

  it("answers #N/A for no label and #VALUE! naming an unknown one", () => {
    expect(failure(tierMix([null, null])).code).toBe("#N/A");
    const error = failure(tierMix(["MVP", "Gold"]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(`tiers (item 2): expected one of ${TIERS.map((t) => `"${t.id}"`).join(", ")}, got "Gold".`);
  });

  it("has partner shares that add up to 1 and counts that add up to the labelled rows", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("MVP", "MGP", "STP", "BZ", "Target", null), { maxLength: 60 }), (labels) => {
        const result = tierMix(labels);
        const labelled = labels.filter((l) => l !== null).length;
        if (!labelled) return failure(result).code === "#N/A";
        const mix = ok(result);
        expect(mix.shares.reduce((s, t) => s + t.count, 0)).toBe(labelled);
        if (mix.partners) expect(mix.shares.slice(0, 4).reduce((s, t) => s + t.share!, 0)).toBeCloseTo(1, 12);
        return true;
      }),
    );
  });
});
