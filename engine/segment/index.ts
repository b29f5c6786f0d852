/** Potential segmentation: quadrants and nine-box grids, k-means clusters, percentile ranks. */
export { type Clustering, DEFAULT_CLUSTER_SEED, MAX_ROUNDS, type MetricTable, cluster } from "./cluster";
export * from "./quadrant";
export * from "./rank";
