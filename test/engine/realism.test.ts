import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { around } from "../../engine/excel/statistical";
import { type PipelineDeal, attainmentProbability, planCheck, realismAround, targetRealism } from "../../engine/plan/realism";
import { failure, ok } from "./support";

describe("where a target sits in the network", () => {
  // Five partners reached 10, 20, 30, 40, 50: each step up the list is a quarter of the way.
  const network = [50, 10, 40, 20, 30];

  it("is the target's PERCENTRANK.INC among what the network reached, in whole percents, with its level", () => {
    expect(targetRealism(30, network)).toEqual({ percentile: 0.5, level: "Within reach", label: "Within reach — P50" });
    // 45 lies half way from 40 (3/4) to 50 (4/4): 7/8 = 0.875, truncated to 0.87.
    expect(targetRealism(45, network)).toEqual({ percentile: 0.87, level: "Stretch", label: "Stretch — P87" });
    expect(targetRealism(40, network).label).toBe("Stretch — P75");
    expect(targetRealism(39.9, network).label).toBe("Within reach — P74");
    expect(targetRealism(20, network)).toEqual({ percentile: 0.25, level: "Below median", label: "Below median — P25" });
    expect(targetRealism(50, network).label).toBe("Stretch — P100");
  });

  it("places a target above every partner beyond the network, and one below every partner at P0", () => {
    expect(targetRealism(50.01, network)).toEqual({ percentile: 1, level: "Beyond the network", label: "Beyond the network — P100+" });
    expect(targetRealism(5, network)).toEqual({ percentile: 0, level: "Below median", label: "Below median — P0" });
    expect(targetRealism(5, [])).toEqual({ percentile: null, level: null, label: "No history" });
  });

  it("never gets easier as the target rises", () => {
    const order = ["Below median", "Within reach", "Stretch", "Beyond the network"];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: -10, max: 1010 }), fc.integer({ min: 0, max: 200 }), (reached, target, rise) => {
        const low = targetRealism(target, reached);
        const high = targetRealism(target + rise, reached);
        expect(high.percentile!).toBeGreaterThanOrEqual(low.percentile!);
        expect(order.indexOf(high.level!)).toBeGreaterThanOrEqual(order.indexOf(low.level!));
      }),
    );
  });

  it("is the same from one pass around the target as from the sorted network", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), fc.integer({ min: -5, max: 65 }), fc.boolean(), (reached, whole, half) => {
        // Halves fall between the network's values (interpolated ranks) as well as on them.
        const target = half ? whole + 0.5 : whole;
        expect(realismAround(target, around(reached, target))).toEqual(targetRealism(target, reached));
      }),
    );
  });
});

/** The exact probability that booked + won deals reach the target, over all 2^n outcomes. */
function exactProbability(target: number, deals: readonly { amount: number; winRate: number }[], booked = 0): number {
  let total = 0;
  for (let outcome = 0; outcome < 2 ** deals.length; outcome++) {
    let chance = 1;
    let revenue = booked;
    deals.forEach((d, i) => {
      const won = (outcome >> i) & 1;
      chance *= won ? d.winRate : 1 - d.winRate;
      if (won) revenue += d.amount;
    });
    if (revenue >= target) total += chance;
  }
  return total;
}

describe("probability of reaching the target from the pipeline", () => {
  const pipeline = [
    { amount: 300_000, winRate: 0.5 },
    { amount: 450_000, winRate: 0.3 },
    { amount: 200_000, winRate: 0.8 },
    { amount: 500_000, winRate: 0.25 },
  ];

  it("is 0 without a pipeline, and 1 when what is booked already reaches the target", () => {
    expect(attainmentProbability(100_000, [])).toBe(0);
    expect(attainmentProbability(100_000, [], { booked: 99_999 })).toBe(0);
    expect(attainmentProbability(100_000, [], { booked: 100_000 })).toBe(1);
    // Deals that cannot be won (win rate 0) or are worth nothing are no pipeline.
    expect(attainmentProbability(100_000, [{ amount: 1e6, winRate: 0 }, { amount: 0, winRate: 1 }, { amount: null, winRate: 0.5 }])).toBe(0);
  });

  it("is 1 with sure deals (win rate 1) that cover the target, and 0 when even every deal won falls short", () => {
    expect(attainmentProbability(500_000, [{ amount: 500_000, winRate: 1 }])).toBe(1);
    // Booked 50,000 + a sure 300,000 reach 500,000 exactly when the 150,000 deal is won: half the time.
    const half = ok(attainmentProbability(500_000, [{ amount: 300_000, winRate: 1 }, { amount: 150_000, winRate: 0.5 }], { booked: 50_000 }));
    expect(Math.abs(half - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 10_000));
    expect(attainmentProbability(0.3, [{ amount: 0.1, winRate: 1 }, { amount: 0.2, winRate: 1 }])).toBe(1);
    expect(attainmentProbability(1_500_000, pipeline)).toBe(0);
  });

  it("matches the exact probability within the simulation's error", () => {
    for (const [target, booked] of [[1_200_000, 400_000], [600_000, 0], [900_000, 100_000]]) {
      const exact = exactProbability(target, pipeline, booked);
      const simulated = ok(attainmentProbability(target, pipeline, { booked, trials: 20_000 }));
      // Five standard errors of 20,000 trials.
      expect(Math.abs(simulated - exact)).toBeLessThan(5 * Math.sqrt((exact * (1 - exact)) / 20_000) + 1e-9);
    }
    // 800,000 to win: A+D, B+D, A+B+C, A+B+D, A+C+D, B+C+D or all four.
    expect(exactProbability(1_200_000, pipeline, 400_000)).toBeCloseTo(0.0175 + 0.0075 + 0.09 + 0.0075 + 0.07 + 0.03 + 0.03, 12);
  });

  it("gives the same answer for the same seed, and draws anew for another", () => {
    const a = ok(attainmentProbability(800_000, pipeline, { seed: 42, trials: 5000 }));
    expect(ok(attainmentProbability(800_000, pipeline, { seed: 42, trials: 5000 }))).toBe(a);
    expect(ok(attainmentProbability(800_000, pipeline, { seed: 43, trials: 5000 }))).not.toBe(a);
  });

  const deal = fc.record({ amount: fc.integer({ min: 0, max: 500 }), winRate: fc.double({ min: 0, max: 1, noNaN: true }) });
  const deals = fc.array(deal, { maxLength: 8 });
  const case_ = fc.record({ deals, target: fc.integer({ min: 1, max: 2000 }), booked: fc.integer({ min: 0, max: 500 }), seed: fc.integer() });
  const run = (target: number, d: readonly PipelineDeal[], booked: number, seed: number) => ok(attainmentProbability(target, d, { booked, seed, trials: 300 }));

  it("never falls when a deal grows, its win rate rises, or a deal is added (same seed)", () => {
    fc.assert(
      fc.property(case_, fc.nat(), fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), deal, ({ deals: d, target, booked, seed }, pick, grow, raise, extra) => {
        const base = run(target, d, booked, seed);
        expect(base).toBeGreaterThanOrEqual(0);
        expect(base).toBeLessThanOrEqual(1);
        expect(run(target, [...d, extra], booked, seed)).toBeGreaterThanOrEqual(base);
        if (d.length === 0) return;
        const i = pick % d.length;
        const bigger = d.map((x, j) => (j === i ? { ...x, amount: x.amount + grow } : x));
        expect(run(target, bigger, booked, seed)).toBeGreaterThanOrEqual(base);
        const likelier = d.map((x, j) => (j === i ? { ...x, winRate: x.winRate + (1 - x.winRate) * raise } : x));
        expect(run(target, likelier, booked, seed)).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it("never rises with the target", () => {
    fc.assert(
      fc.property(case_, fc.integer({ min: 0, max: 500 }), ({ deals: d, target, booked, seed }, rise) => {
        expect(run(target + rise, d, booked, seed)).toBeLessThanOrEqual(run(target, d, booked, seed));
      }),
    );
  });

  it("refuses win rates outside 0 to 1, negative amounts and too many draws", () => {
    expect(failure(attainmentProbability(10, [{ amount: 5, winRate: 1.5 }])).message).toBe("win_rates (item 1): must be from 0 to 1 (0% to 100%), got 1.5.");
    expect(failure(attainmentProbability(10, [{ amount: -5, winRate: 0.5 }])).message).toBe("pipeline (item 1): must not be negative, got -5.");
    const many = Array.from({ length: 200 }, () => ({ amount: 1, winRate: 0.5 }));
    expect(failure(attainmentProbability(100, many, { trials: 100_000 })).message).toBe(
      "trials: 100,000 trials of 200 deals is more than the 10,000,000 draws allowed; use fewer trials.",
    );
    expect(failure(attainmentProbability(100, many, { trials: 0 })).message).toBe("trials: must be at least 1, got 0.");
  });
});

describe("the plan check", () => {
  it("gives each KPI target its realism, and the pipeline's KPI its probability", () => {
    const lines = ok(
      planCheck({
        targets: [40, 1_200_000, null],
        reached: [[25, 60, 30, 20], [800_000, 1_500_000, 950_000, 1_100_000, 600_000], [1, 2]],
        deals: [{ amount: 900_000, winRate: 1 }],
        pipelineKpi: 1,
        simulation: { booked: 400_000 },
      }),
    );
    expect(lines).toEqual([
      // 40 lies a third of the way from 30 (2/3) to 60 (3/3): 7/9 = 0.777…
      { target: 40, percentile: 0.77, label: "Stretch — P77", probability: null },
      // 1.2M lies a quarter of the way from 1.1M (3/4) to 1.5M (4/4): 0.8125.
      { target: 1_200_000, percentile: 0.81, label: "Stretch — P81", probability: 1 },
      { target: null, percentile: null, label: null, probability: null },
    ]);
  });

  it("needs the network's history for every target and a pipeline KPI among them", () => {
    expect(failure(planCheck({ targets: [1, 2], reached: [[1]], deals: [] })).message).toBe("history: expected one column per target (2 columns), got 1.");
    expect(failure(planCheck({ targets: [1, 2], reached: [[1], [2]], deals: [], pipelineKpi: 2 })).message).toBe(
      "pipeline_kpi: expected the number of a target from 1 to 2, got 3.",
    );
    expect(failure(planCheck({ targets: [-1], reached: [[1]], deals: [] })).message).toBe("targets (item 1): must not be negative, got -1.");
  });
});
