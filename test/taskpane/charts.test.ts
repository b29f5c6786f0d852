// Axis steps of the task pane's charts: round numbers covering the range, not too many of them.
import { describe, expect, it } from "vitest";
import { ticks } from "../../addin/taskpane/components/charts/ChartFrame";

describe("axis ticks", () => {
  it("are round steps within the range, at most one more than asked for", () => {
    expect(ticks(84_000, 392_000, 3)).toEqual([100_000, 200_000, 300_000]);
    expect(ticks(-250_000, 650_000, 4)).toEqual([-200_000, 0, 200_000, 400_000, 600_000]);
    expect(ticks(0, 1, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(-0.3, 0.05, 3)).toEqual([-0.3, -0.2, -0.1, 0]);
    expect(ticks(5, 5)).toEqual([5]);
  });

  it("always include 0 when the range crosses it, for any range", () => {
    for (let i = 0; i < 200; i++) {
      const low = -Math.exp(Math.random() * 20);
      const high = Math.exp(Math.random() * 20);
      const t = ticks(low, high, 4);
      expect(t).toContain(0);
      expect(t.length).toBeLessThanOrEqual(5 + 1);
      expect(t.every((v) => v >= low && v <= high)).toBe(true);
    }
  });
});
