/** Potential segmentation: quadrants and nine-box grids, k-means clusters, percentile ranks. */
export * from "./cluster";
export * from "./quadrant";
export * from "./rank";
