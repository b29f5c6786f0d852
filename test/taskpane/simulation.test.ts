// The task pane's Monte Carlo runner on the page (the path taken where no Web Worker is
// available; the worker path runs in the browser tests): same figures as PARTNER.SIMULATE, progress
// after each slice, and a cancel that really stops the run.
import { describe, expect, it } from "vitest";
import { isEngineError } from "../../engine/error";
import { simulate } from "../../engine/pnl";
import { runSimulation } from "../../addin/taskpane/simulation/run";
import { SLICE } from "../../addin/taskpane/simulation/slices";

const assumptions = [["years", 8], ["license_revenue", 400000], ["ramp", 0.3, 0.7, 1], ["onboarding_cost", 80000], ["headcount", 1], ["cost_per_head", 90000]];
const uncertainty = [
  ["license_revenue", "normal", 400000, 80000],
  ["product_margin", "triangular", 0.15, 0.2, 0.28],
];

describe("running a simulation in slices on the page", () => {
  it("gives PARTNER.SIMULATE's figures, reporting progress after each slice", async () => {
    const progress: number[] = [];
    const outcome = await runSimulation({ assumptions, uncertainty, trials: 12_345, seed: 9 }, { onPage: true, onProgress: (done, total) => {
      expect(total).toBe(12_345);
      progress.push(done);
    } });
    const expected = simulate(assumptions, uncertainty, 12_345, 9);
    if (isEngineError(expected)) throw expected;
    expect(outcome).toEqual({ status: "done", result: expected });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(12_345);
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(12_345 / SLICE));
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("stops when cancelled: no more progress, no result", async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const outcome = await runSimulation({ assumptions, uncertainty, trials: 100_000, seed: 1 }, {
      onPage: true,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 3 * SLICE) controller.abort();
      },
    });
    expect(outcome).toEqual({ status: "cancelled", done: 3 * SLICE });
    const reported = progress.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(progress.length).toBe(reported);
  });

  it("reports the engine's message for input it cannot run", async () => {
    const outcome = await runSimulation({ assumptions, uncertainty: [["mdf", "uniform", 5, 1]], trials: 100, seed: 1 }, { onPage: true });
    expect(outcome).toEqual({ status: "failed", message: "uncertainty (row 1): a uniform distribution needs low ≤ high." });
  });
});
