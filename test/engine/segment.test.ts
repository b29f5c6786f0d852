import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MetricTable, cluster, rankPct, segment, segments } from "../../engine/segment";
import { lloyd } from "../../engine/segment/cluster";
import { failure, ok } from "./support";

describe("segment", () => {
  it("places a partner in its quadrant, a value on the cut counting as high", () => {
    expect(segment(50, 50)).toBe("Star");
    expect(segment(80, 20)).toBe("Develop");
    expect(segment(49.9, 80)).toBe("Sustain");
    expect(segment(10, 10)).toBe("Review");
    expect(segment(60, 60, 70, 50)).toBe("Sustain");
    expect(segment(60, 60, 50, 70)).toBe("Develop");
  });

  it("answers #N/A without a score and #VALUE! outside 1–100", () => {
    expect(failure(segment(null, 50)).message).toBe("potential: there is no score (blank).");
    expect(failure(segment(50, null)).code).toBe("#N/A");
    expect(failure(segment(0.5, 50)).message).toBe("potential: a scored metric must be from 1 to 100 (or blank), got 0.5.");
    expect(failure(segment(50, 101)).message).toMatch(/^performance:/);
    expect(failure(segment(50, 50, 0)).message).toMatch(/^potential_cut:/);
  });
});

describe("segments", () => {
  const score = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.constant(null) });
  const population = fc.array(fc.tuple(score, score), { minLength: 1, maxLength: 40 }).filter((rows) => rows.some(([p, f]) => p !== null && f !== null));
  const sortedMedian = (values: (number | null)[]) => {
    const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };

  it("with fixed cuts agrees with SEGMENT on every row", () => {
    fc.assert(
      fc.property(population, (rows) => {
        const { labels } = ok(segments(rows.map((r) => r[0]), rows.map((r) => r[1])));
        rows.forEach(([p, f], i) => expect(labels[i]).toBe(p === null || f === null ? null : ok(segment(p, f))));
      }),
    );
  });

  it("with median cuts agrees with SEGMENT at each metric's median", () => {
    fc.assert(
      fc.property(population, (rows) => {
        const potentials = rows.map((r) => r[0]);
        const performances = rows.map((r) => r[1]);
        const { labels, cuts } = ok(segments(potentials, performances, "median"));
        const [mp, mf] = [sortedMedian(potentials), sortedMedian(performances)];
        expect(cuts).toEqual({ potential: [mp], performance: [mf] });
        rows.forEach(([p, f], i) => expect(labels[i]).toBe(p === null || f === null ? null : ok(segment(p, f, mp, mf))));
      }),
    );
  });

  it("cuts a nine-box grid at the terciles, potential first", () => {
    const potentials = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const performances = [9, 8, 7, 6, 5, 4, 3, 2, 1];
    const { labels } = ok(segments(potentials, performances, "nine"));
    expect(labels).toEqual([
      "Low/High", "Low/High", "Low/High",
      "Medium/Medium", "Medium/Medium", "Medium/Medium",
      "High/Low", "High/Low", "High/Low",
    ]);
  });

  it("puts a third of distinct values in each tercile", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain((q) => fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3 * q, maxLength: 3 * q })), (values) => {
        if (values.length % 3) return true;
        const { labels } = ok(segments(values, values, "nine"));
        const count = (level: string) => labels.filter((l) => l === `${level}/${level}`).length;
        return count("High") === values.length / 3 && count("Medium") === values.length / 3 && count("Low") === values.length / 3;
      }),
    );
  });

  it("checks its input", () => {
    expect(failure(segments([50, 60], [50])).message).toBe("performances: expected as many cells as potentials (2), got 1.");
    expect(failure(segments([50, 160], [50, 50])).message).toMatch(/^potentials \(item 2\): a scored metric must be from 1 to 100/);
    expect(failure(segments([null, null], [50, 50])).code).toBe("#N/A");
  });
});

// ---- k-means -----------------------------------------------------------------------------------

const table = (rows: (number | null)[][]): MetricTable => ({
  data: Float64Array.from(rows.flat().map((v) => (v === null ? NaN : v))),
  rows: rows.length,
  columns: rows[0]?.length ?? 0,
});

const squared = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
const centroidOf = (result: { centroids: Float64Array }, label: number, m: number) => result.centroids.subarray((label - 1) * m, label * m);

/**
 * Well-separated blobs: cluster j sits at 10 + 20·slot + j in each coordinate (a different slot
 * per cluster and coordinate), its points within ±1 of that centre, so clusters are at least 16
 * apart in every coordinate and their means differ.
 */
const blobs = fc
  .record({ k: fc.integer({ min: 2, max: 5 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ k, m }) =>
    fc.record({
      k: fc.constant(k),
      m: fc.constant(m),
      slots: fc.array(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
      sizes: fc.array(fc.integer({ min: 2, max: 12 }), { minLength: k, maxLength: k }),
      noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 60 * 4, maxLength: 60 * 4 }),
      seed: fc.integer(),
    }),
  )
  .map(({ k, m, slots, sizes, noise, seed }) => {
    const rows: number[][] = [];
    const truth: number[] = [];
    let n = 0;
    for (let j = 0; j < k; j++) {
      for (let p = 0; p < sizes[j]; p++) {
        rows.push(Array.from({ length: m }, (_, d) => 10 + 20 * slots[d][j] + j + noise[(n * 4 + d) % noise.length]));
        truth.push(j);
        n++;
      }
    }
    return { k, m, rows, truth, seed };
  });

describe("cluster", () => {
  it("finds obvious groups and numbers the strongest 1", () => {
    const result = ok(cluster(table([[10, 12], [90, 91], [11, 10], [88, 90], [50, 52], [49, 50]]), 3));
    expect(Array.from(result.labels)).toEqual([3, 1, 3, 1, 2, 2]);
    expect(result.converged).toBe(true);
    expect(Array.from(result.centroids)).toEqual([89, 90.5, 49.5, 51, 10.5, 11]);
  });

  it("gives rows with a blank metric no cluster (0) and clusters the rest", () => {
    const result = ok(cluster(table([[10, 12], [null, 91], [11, 10], [88, 90], [90, null], [89, 88]]), 2));
    expect(Array.from(result.labels)).toEqual([2, 0, 2, 1, 0, 1]);
  });

  it("puts every complete row in a cluster 1..k, uses every cluster, numbers them by descending centroid mean", () => {
    const metric = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.constant(null) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((m) => fc.array(fc.array(metric, { minLength: m, maxLength: m }), { minLength: 1, maxLength: 60 })), fc.integer({ min: 1, max: 6 }), fc.integer(), (rows, k, seed) => {
        const result = cluster(table(rows), k, seed);
        const complete = rows.filter((r) => r.every((v) => v !== null));
        const distinct = new Set(complete.map((r) => r.join(","))).size;
        if (complete.length === 0) return failure(result).code === "#N/A";
        if (k > distinct) return failure(result).code === "#VALUE!";
        const { labels, centroids } = ok(result);
        const m = rows[0].length;
        rows.forEach((r, i) => {
          if (r.includes(null)) expect(labels[i]).toBe(0);
          else expect(labels[i] >= 1 && labels[i] <= k).toBe(true);
        });
        expect(new Set(Array.from(labels).filter((l) => l > 0)).size).toBe(k);
        const means = Array.from({ length: k }, (_, j) => centroids.subarray(j * m, (j + 1) * m).reduce((s, v) => s + v, 0) / m);
        for (let j = 1; j < k; j++) expect(means[j - 1]).toBeGreaterThanOrEqual(means[j]);
        return true;
      }),
    );
  });

  it("gives the same clusters for the same input and seed", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }), { minLength: 8, maxLength: 80 }), fc.integer(), (rows, seed) => {
        const once = cluster(table(rows), 3, seed);
        const again = cluster(table(rows.map((r) => [...r])), 3, seed);
        expect(again).toEqual(once);
      }),
    );
  });

  it("leaves every converged point nearest to its own centroid, so moving it toward that centroid keeps it there", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 2 }), { minLength: 10, maxLength: 80 }),
        fc.integer({ min: 2, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, k, t) => {
          const result = cluster(table(rows), k);
          if (result instanceof Error) return true; // too few distinct rows
          if (!result.converged) return true;
          // Each centroid is the mean of its members…
          for (let j = 1; j <= k; j++) {
            const members = rows.filter((_, i) => result.labels[i] === j);
            const mean = [0, 1].map((d) => members.reduce((s, r) => s + r[d], 0) / members.length);
            expect(Array.from(centroidOf(result, j, 2)).map((v, d) => Math.abs(v - mean[d]) < 1e-9)).toEqual([true, true]);
          }
          // …and each point is nearest its own (Voronoi cells are convex: the segment to the centroid stays inside).
          rows.forEach((row, i) => {
            const own = centroidOf(result, result.labels[i], 2);
            const moved = row.map((v, d) => v + t * (own[d] - v));
            for (let j = 1; j <= k; j++) {
              expect(squared(moved, own)).toBeLessThanOrEqual(squared(moved, centroidOf(result, j, 2)) + 1e-9);
            }
          });
          return true;
        },
      ),
    );
  });

  it("on well-separated data finds the groups, whatever the seed", () => {
    fc.assert(
      fc.property(blobs, ({ k, rows, truth, seed }) => {
        const { labels } = ok(cluster(table(rows), k, seed));
        // Same group ⇔ same cluster.
        for (let i = 0; i < rows.length; i++) for (let j = 0; j < i; j++) expect(labels[i] === labels[j]).toBe(truth[i] === truth[j]);
      }),
      { numRuns: 200 },
    );
  });

  it("on well-separated data, permuting the rows permutes the labels with them", () => {
    fc.assert(
      fc.property(blobs, fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), ({ k, rows, seed }, keys) => {
        const order = rows.map((_, i) => i).sort((a, b) => keys[a % keys.length] - keys[b % keys.length] || a - b);
        const labels = ok(cluster(table(rows), k, seed)).labels;
        const permuted = ok(cluster(table(order.map((i) => rows[i])), k, seed)).labels;
        expect(Array.from(permuted)).toEqual(order.map((i) => labels[i]));
      }),
      { numRuns: 200 },
    );
  });

  it("on well-separated data, moving a point toward its centroid never changes any cluster", () => {
    fc.assert(
      fc.property(blobs, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), ({ k, m, rows, seed }, pick, t) => {
        const result = ok(cluster(table(rows), k, seed));
        const i = pick % rows.length;
        const own = centroidOf(result, result.labels[i], m);
        const moved = rows.map((r, j) => (j === i ? r.map((v, d) => v + t * (own[d] - v)) : r));
        expect(Array.from(ok(cluster(table(moved), k, seed)).labels)).toEqual(Array.from(result.labels));
      }),
      { numRuns: 200 },
    );
  });

  it("rejects impossible requests with a message naming the argument", () => {
    const rows = table([[10, 10], [10, 10], [20, 20]]);
    expect(failure(cluster(rows, 3)).message).toBe("k: cannot make 3 clusters: the complete rows of metrics hold only 2 distinct rows.");
    expect(failure(cluster(rows, 4)).message).toBe("k: cannot make 4 clusters from 3 complete rows of metrics.");
    expect(failure(cluster(rows, 0)).message).toMatch(/^k: must be at least 1/);
    expect(failure(cluster(rows, 1.5)).message).toMatch(/^k: expected a whole number/);
    expect(failure(cluster(table([[10, 10], [10, 101]]), 1)).message).toBe(
      "metrics (row 2, column 2): a scored metric must be from 1 to 100 (or blank), got 101.",
    );
    expect(failure(cluster(table([[null, 10]]), 1)).code).toBe("#N/A");
  });

  it("assigns exactly as plain Lloyd rounds from the same start (the distance bounds only skip work)", () => {
    // Whole-number metrics keep every cluster sum exact, so both compute the very same centres.
    const nearest = (x: Float64Array, i: number, centres: Float64Array, k: number, m: number) => {
      let best = 0;
      let bestDistance = Infinity;
      for (let j = 0; j < k; j++) {
        const d = squared(x.subarray(i * m, i * m + m), centres.subarray(j * m, j * m + m));
        if (d < bestDistance) [best, bestDistance] = [j, d];
      }
      return best;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((m) =>
          fc.record({
            m: fc.constant(m),
            rows: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: m, maxLength: m }), { minLength: 8, maxLength: 150 }),
            k: fc.integer({ min: 2, max: 6 }),
            starts: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
          }),
        ),
        ({ m, rows, k, starts }) => {
          const c = rows.length;
          const x = Float64Array.from(rows.flat());
          const start = new Float64Array(k * m);
          for (let j = 0; j < k; j++) start.set(rows[starts[j] % c], j * m);
          // Plain Lloyd: every point measured against every centre, means recomputed from scratch.
          const centres = start.slice();
          let labels = Array.from({ length: c }, (_, i) => nearest(x, i, centres, k, m));
          let rounds = 0;
          let converged = false;
          while (rounds < 100) {
            rounds++;
            const counts = new Array(k).fill(0);
            const sums = new Float64Array(k * m);
            labels.forEach((j, i) => {
              counts[j]++;
              for (let d = 0; d < m; d++) sums[j * m + d] += x[i * m + d];
            });
            fc.pre(counts.every((n) => n > 0)); // an emptied cluster is refilled: a rule of its own, tested below
            const before = centres.slice();
            for (let j = 0; j < k; j++) for (let d = 0; d < m; d++) centres[j * m + d] = sums[j * m + d] / counts[j];
            if (centres.every((v, i) => v === before[i])) {
              converged = true;
              break;
            }
            const next = labels.map((_, i) => nearest(x, i, centres, k, m));
            const changed = next.some((j, i) => j !== labels[i]);
            labels = next;
            if (!changed) {
              converged = true;
              break;
            }
          }
          const bounded = lloyd(x, c, m, k, start.slice());
          expect(Array.from(bounded.assigned)).toEqual(labels);
          expect([bounded.rounds, bounded.converged]).toEqual([rounds, converged]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives an emptied cluster the point farthest from its centre, and still converges", () => {
    // A start with a centre far from every point: its cluster is empty from the first round.
    const x = Float64Array.from([1, 2, 3, 10, 11, 12, 40]);
    const centres = Float64Array.from([2, 100, 11]);
    const { assigned, converged } = lloyd(x, 7, 1, 3, centres);
    expect(converged).toBe(true);
    expect(new Set(assigned).size).toBe(3);
    // The lone point at 40 ends up with a cluster of its own; every point is nearest its centroid.
    expect(assigned[6]).not.toBe(assigned[5]);
    for (let i = 0; i < 7; i++) {
      const own = Math.abs(x[i] - centres[assigned[i]]);
      for (let j = 0; j < 3; j++) expect(own).toBeLessThanOrEqual(Math.abs(x[i] - centres[j]));
    }
    expect(Array.from(centres).sort((a, b) => a - b)).toEqual([2, 11, 40]);
  });

  it("puts everything in cluster 1 when k is 1", () => {
    expect(Array.from(ok(cluster(table([[5], [50], [95]]), 1)).labels)).toEqual([1, 1, 1]);
  });
});

describe("rank.pct", () => {
  it("is PERCENTRANK.INC of the population, blanks left out", () => {
    expect(rankPct(4, [13, 12, 11, 8, 4, 3, 2, 1, 1, 1])).toBe(0.555);
    expect(rankPct(4, [13, null, 12, 11, 8, null, 4, 3, 2, 1, 1, 1])).toBe(0.555);
    expect(rankPct(4, [13, 12, 11, 8, 4, 3, 2, 1, 1, 1], 5)).toBe(0.55555);
  });

  it("answers #N/A outside the population or without one", () => {
    expect(failure(rankPct(14, [1, 13])).message).toBe("value: 14 is outside the population's range (1 to 13).");
    expect(failure(rankPct(1, [null])).code).toBe("#N/A");
    expect(failure(rankPct(1, [1, 2], 0)).message).toMatch(/^significance: must be at least 1/);
  });
});
