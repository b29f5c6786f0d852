/* Potential segmentation: PARTNER.SEGMENT, PARTNER.SEGMENTS, PARTNER.CLUSTER, PARTNER.RANK.PCT. */
import { isEngineError } from "../../engine/error";
import {
  SEGMENT_METHODS,
  cluster as clusterModel,
  rankPct as rankPctModel,
  rankPcts as rankPctsModel,
  segment as segmentModel,
  segments as segmentsModel,
} from "../../engine/segment";
import { type ExcelScalar, excelFunction, isOneValue, oneValue, perCell, read, spillLike } from "./excel";

/** Scored metrics run 1–100, so a 0 is an empty cell. */
const metric = read.optionalNumber({ zeroMeansOmitted: true });

const SEGMENT = excelFunction(
  { potential: metric, performance: metric, potential_cut: metric, performance_cut: metric },
  (a) => segmentModel(a.potential, a.performance, a.potential_cut ?? undefined, a.performance_cut ?? undefined),
);

const SEGMENTS = excelFunction(
  {
    potentials: read.numbers({ zeroIsBlank: true }),
    performances: read.numbers({ zeroIsBlank: true }),
    method: read.option(SEGMENT_METHODS, "fixed"),
  },
  (a, context) => {
    const result = segmentsModel(a.potentials, a.performances, a.method);
    if (isEngineError(result)) return result;
    return spillLike(result.labels.map((l) => l ?? ""), context.grid("potentials"));
  },
);

const CLUSTER = excelFunction(
  { metrics: read.table({ zeroIsBlank: true }), k: read.number({ integer: true, min: 1 }), seed: read.optionalNumber({ zeroMeansOmitted: true }) },
  (a) => {
    const result = clusterModel(a.metrics, a.k, a.seed ?? undefined);
    if (isEngineError(result)) return result;
    const { labels } = result;
    const spill: ExcelScalar[][] = new Array(labels.length);
    for (let i = 0; i < labels.length; i++) spill[i] = [labels[i] === 0 ? "" : labels[i]];
    return spill;
  },
);

const RANK_PCT = excelFunction(
  { value: read.figures(), population: read.numbers(), significance: read.optionalNumber({ zeroMeansOmitted: true }) },
  (a) => {
    const figures = a.value;
    // One value: one pass over the population. A range of values: one sort for them all.
    if (isOneValue(figures)) {
      const rank = rankPctModel(oneValue(figures), a.population, a.significance ?? undefined);
      return isEngineError(rank) ? rank : [[rank]];
    }
    const ranks = rankPctsModel(figures.values, a.population, a.significance ?? undefined, figures.at);
    return isEngineError(ranks) ? ranks : perCell(figures, ranks);
  },
);

/**
 * Potential segment of a partner from two scored metrics on 1–100: Star (high potential, high performance), Develop (high potential, low performance: invest here), Sustain (low potential, high performance) or Review. A value equal to its cut counts as high.
 * @customfunction SEGMENT
 * @param potential Potential score, 1 to 100.
 * @param performance Performance score, 1 to 100 (for example performance to plan).
 * @param [potential_cut] Potential at or above which a partner counts as high potential. Default 50.
 * @param [performance_cut] Performance at or above which a partner counts as performing. Default 50.
 * @returns Star, Develop, Sustain or Review.
 */
export function segment(potential: any, performance: any, potential_cut?: any, performance_cut?: any): string {
  return SEGMENT({ potential, performance, potential_cut, performance_cut });
}

/**
 * Segments a whole partner population: a label per row from potential and performance scores on 1–100. Rows with a blank score get a blank.
 * @customfunction SEGMENTS
 * @param potentials Potential scores, 1 to 100, one per partner.
 * @param performances Performance scores, 1 to 100, one per partner (same count as potentials).
 * @param [method] "fixed" (cuts at 50, default), "median" (cuts at each score's median) or "nine" (tercile cuts, nine-box labels High/High … Low/Low, potential first).
 * @returns A label per partner, in the orientation of potentials.
 */
export function segments(potentials: any[][], performances: any[][], method?: any): any[][] {
  return SEGMENTS({ potentials, performances, method });
}

/**
 * Clusters partners by k-means on their scored metrics (k-means++ start from a seeded random generator, so the same input and seed give the same clusters everywhere). Clusters are numbered 1 to k by descending average centroid: cluster 1 is the strongest.
 * @customfunction CLUSTER
 * @param metrics One row per partner, one column per scored metric (1 to 100). Rows with a blank metric get a blank.
 * @param k Number of clusters, from 1 to the number of distinct complete rows.
 * @param [seed] Seed of the random start. Default 1.
 * @returns A column with each partner's cluster number.
 */
export function cluster(metrics: any[][], k: any, seed?: any): any[][] {
  return CLUSTER({ metrics, k, seed });
}

/**
 * Percentile rank of a value in the network, exactly as Excel's PERCENTRANK.INC(population, value): the share of the population below it, interpolated between data points and truncated to 3 decimals. #N/A when the value is outside the population's range. Give a range of values to rank them all at once: one rank per cell, spilled in the range's shape (blank cells stay blank).
 * @customfunction RANK.PCT
 * @param value The partner's figure to rank (blank = 0), or a range of figures.
 * @param population The network's figures; blank cells are left out.
 * @param [significance] Decimals kept (truncated, not rounded). Default 3.
 * @returns Percentile rank from 0 to 1, for each figure.
 */
export function rankPct(value: any[][], population: any[][], significance?: any): any[][] {
  return RANK_PCT({ value, population, significance });
}
