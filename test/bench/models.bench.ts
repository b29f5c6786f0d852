// The analyst's toolkit on a large partner network: PARTNER.CLUSTER (100,000 partners × 8 metrics,
// k = 5), PARTNER.SEGMENTS and PARTNER.ROLLUP (100,000 rows), each as Excel calls it (2-D ranges in,
// a spill out, through the shared argument readers) and as the engine alone, against plain
// JavaScript written the obvious way.
import { benchmark as benchmarkFunction } from "../../addin/functions/funnel";
import { cluster as clusterFunction, rankPct as rankPctFunction, segments as segmentsFunction } from "../../addin/functions/segment";
import { rollup as rollupFunction } from "../../addin/functions/plan";
import { createRandom } from "../../engine/random";
import { cluster, segments } from "../../engine/segment";
import { rollup } from "../../engine/plan";
import { quartileIncSorted } from "../../engine/excel/statistical";
import { sortedPopulation } from "../../engine/input";
import { measure, report } from "./measure";

const PARTNERS = 100_000;
const METRICS = 8;
const K = 5;

/** Partner metrics driven by a latent strength, as in the sample workbook: correlated, not clustered. */
function partnerMetrics(): number[][] {
  const random = createRandom(17);
  return Array.from({ length: PARTNERS }, () => {
    const quality = random.normal();
    return Array.from({ length: METRICS }, () => Math.min(100, Math.max(1, Math.round(50 + 15 * quality + 12 * random.normal()))));
  });
}

/** Textbook k-means on arrays of points: random distinct start, plain Lloyd rounds. */
function naiveKMeans(points: number[][], k: number, seed: number): number[] {
  const random = createRandom(seed);
  const centres: number[][] = [];
  while (centres.length < k) {
    const p = points[random.int(points.length)];
    if (!centres.some((c) => c.every((v, d) => v === p[d]))) centres.push([...p]);
  }
  let labels = points.map(() => -1);
  for (let round = 0; round < 100; round++) {
    const next = points.map((p) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((c, j) => {
        const distance = c.reduce((s, v, d) => s + (v - p[d]) ** 2, 0);
        if (distance < bestDistance) [best, bestDistance] = [j, distance];
      });
      return best;
    });
    const changed = next.some((l, i) => l !== labels[i]);
    labels = next;
    if (!changed) break;
    centres.forEach((c, j) => {
      const members = points.filter((_, i) => labels[i] === j);
      if (members.length) c.forEach((_, d) => (c[d] = members.reduce((s, p) => s + p[d], 0) / members.length));
    });
  }
  return labels;
}

function clusterBench() {
  const rows = partnerMetrics();
  const table = { data: Float64Array.from(rows.flat()), rows: PARTNERS, columns: METRICS };
  const result = cluster(table, K);
  if (result instanceof Error) throw result;
  const engine = measure(() => cluster(table, K));
  const excel = measure(() => clusterFunction(rows, K));
  const naive = measure(() => naiveKMeans(rows, K, 1), { runs: 3, warmup: 1 });
  report(
    `PARTNER.CLUSTER on ${PARTNERS.toLocaleString("en-US")} partners × ${METRICS} metrics, k = ${K}`,
    [
      { name: "engine (typed arrays, Hamerly bounds)", timing: engine, note: `${result.rounds} Lloyd rounds, converged: ${result.converged}` },
      { name: "PARTNER.CLUSTER (range in, spill out)", timing: excel, note: "target ≤ 200 ms" },
      { name: "naive JavaScript k-means", timing: naive },
    ],
    "PARTNER.CLUSTER (range in, spill out)",
  );
}

function segmentsBench() {
  const random = createRandom(23);
  const potentials = Array.from({ length: PARTNERS }, () => 1 + random.int(100));
  const performances = Array.from({ length: PARTNERS }, () => 1 + random.int(100));
  const potentialColumn = potentials.map((v) => [v]);
  const performanceColumn = performances.map((v) => [v]);
  // The obvious JavaScript: medians by sorting copies, then a label per row.
  const naive = () => {
    const median = (values: number[]) => {
      const s = [...values].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const [mp, mf] = [median(potentials), median(performances)];
    return potentials.map((p, i) => (p >= mp ? (performances[i] >= mf ? "Star" : "Develop") : performances[i] >= mf ? "Sustain" : "Review"));
  };
  report(
    `PARTNER.SEGMENTS on ${PARTNERS.toLocaleString("en-US")} partners`,
    [
      { name: "engine, median cuts", timing: measure(() => segments(potentials, performances, "median")) },
      { name: "PARTNER.SEGMENTS fixed", timing: measure(() => segmentsFunction(potentialColumn, performanceColumn, "fixed")) },
      { name: "PARTNER.SEGMENTS median", timing: measure(() => segmentsFunction(potentialColumn, performanceColumn, "median")) },
      { name: "PARTNER.SEGMENTS nine", timing: measure(() => segmentsFunction(potentialColumn, performanceColumn, "nine")) },
      { name: "naive JavaScript, median cuts", timing: measure(naive) },
    ],
    "PARTNER.SEGMENTS median",
  );
}

function rollupBench() {
  const random = createRandom(29);
  const territories = ["UK & Ireland", "DACH", "France", "Benelux", "Nordics", "Iberia", "Italy", "US East", "US West", "Canada", "Latin America", "Australia & NZ", "Japan", "India", "Southeast Asia"];
  const keys = Array.from({ length: PARTNERS }, () => territories[random.int(territories.length)]);
  const targets = Array.from({ length: PARTNERS }, () => 10_000 * (1 + random.int(20)));
  const actuals = targets.map((t) => Math.round(t * (0.5 + random.next())));
  const [keyColumn, actualColumn, targetColumn] = [keys, actuals, targets].map((c) => c.map((v) => [v]));
  // What a sheet of SUMIFS does: for each distinct key, a pass over all rows.
  const sumifs = () =>
    [...new Set(keys)].map((key) => {
      let a = 0;
      let t = 0;
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) [a, t] = [a + actuals[i], t + targets[i]];
      return [key, a, t, a / t];
    });
  // A plain group-by with a Map (case-sensitive, no validation).
  const groupBy = () => {
    const groups = new Map<string, [number, number]>();
    keys.forEach((key, i) => {
      const g = groups.get(key) ?? [0, 0];
      groups.set(key, [g[0] + actuals[i], g[1] + targets[i]]);
    });
    return [...groups].map(([key, [a, t]]) => [key, a, t, a / t]);
  };
  report(
    `PARTNER.ROLLUP of ${PARTNERS.toLocaleString("en-US")} plan rows by ${territories.length} territories`,
    [
      { name: "engine", timing: measure(() => rollup(keys, actuals, targets)) },
      { name: "PARTNER.ROLLUP (ranges in, spill out)", timing: measure(() => rollupFunction(keyColumn, actualColumn, targetColumn)) },
      { name: "naive JavaScript, a SUMIFS pass per key", timing: measure(sumifs) },
      { name: "naive JavaScript, Map group-by", timing: measure(groupBy) },
    ],
    "PARTNER.ROLLUP (ranges in, spill out)",
  );
}

/**
 * A network ranked the way a sheet does it: a column of 10,000 BENCHMARK (or RANK.PCT) cells over
 * the 10,000 win rates, one call per cell, each reading the whole population; or one call given
 * the column, spilling a result per value. Beside them, what a call cost when it sorted the
 * population every time (timed on 1,000 calls, scaled to 10,000).
 */
function networkRankBench() {
  const random = createRandom(31);
  const rates = Array.from({ length: 10_000 }, () => Math.round(random.next() * 1000) / 1000);
  const column = rates.map((r) => [r]);
  const cells = (fn: (value: unknown[][], population: unknown[][]) => unknown) => () => {
    for (let i = 0; i < column.length; i++) fn([column[i]], column);
  };
  const sortingPerCall = () => {
    for (let i = 0; i < 1000; i++) {
      const sorted = sortedPopulation(rates);
      const cuts = [1, 2, 3].map((q) => quartileIncSorted(sorted, q as 1 | 2 | 3)!);
      if (rates[i] >= cuts[2] && cuts[0] > cuts[2]) throw new Error("unreachable");
    }
  };
  const sorting = measure(sortingPerCall, { runs: 5, warmup: 1 });
  report(
    "A column of 10,000 BENCHMARK cells over 10,000 values (target: ≤ 1.5 s as cells, ≤ 20 ms as one spill)",
    [
      { name: "PARTNER.BENCHMARK, 10,000 calls", timing: measure(cells(benchmarkFunction as never), { runs: 3, warmup: 1 }) },
      { name: "PARTNER.RANK.PCT, 10,000 calls", timing: measure(cells(rankPctFunction as never), { runs: 3, warmup: 1 }) },
      { name: "PARTNER.BENCHMARK, one call spilling 10,000", timing: measure(() => benchmarkFunction(column, column)) },
      { name: "PARTNER.RANK.PCT, one call spilling 10,000", timing: measure(() => rankPctFunction(column, column)) },
      { name: "sorting per call (before), 10,000 calls", timing: { ...sorting, median: sorting.median * 10, min: sorting.min * 10 }, note: "1,000 calls timed, ×10" },
    ],
    "PARTNER.BENCHMARK, 10,000 calls",
  );
}

/** PARTNER.ROLLUP on a million rows: through the function (reading three columns) and the engine alone (target: ≤ 2×). */
function millionRollupBench() {
  const n = 1_000_000;
  const random = createRandom(37);
  const regions = ["APAC", "EMEA", "North America", "Latin America", "Japan", "India"];
  const keys = Array.from({ length: n }, () => regions[random.int(regions.length)]);
  const targets = Array.from({ length: n }, () => 1000 * (1 + random.int(50)));
  const actuals = targets.map((t) => Math.round(t * (0.5 + random.next())));
  const [keyColumn, actualColumn, targetColumn] = [keys, actuals, targets].map((c) => c.map((v) => [v]));
  report(
    "PARTNER.ROLLUP of 1,000,000 plan rows (target: the function ≤ 2× the engine)",
    [
      { name: "engine", timing: measure(() => rollup(keys, actuals, targets), { runs: 5 }) },
      { name: "PARTNER.ROLLUP (ranges in, spill out)", timing: measure(() => rollupFunction(keyColumn, actualColumn, targetColumn), { runs: 5 }) },
    ],
    "engine",
  );
}

export default function modelsBench() {
  networkRankBench();
  millionRollupBench();
  clusterBench();
  segmentsBench();
  rollupBench();
}
