/**
 * Percentile of sorted numbers with Excel's PERCENTILE.INC interpolation: the value at rank
 * p × (n − 1), interpolated linearly between the two nearest order statistics.
 */
export function percentileSorted(sorted: ArrayLike<number>, count: number, p: number): number {
  const rank = p * (count - 1);
  const low = Math.floor(rank);
  const fraction = rank - low;
  if (fraction === 0 || low + 1 >= count) return sorted[low];
  return sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
}
