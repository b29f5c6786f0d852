/**
 * Excel-compatible statistics over plain numbers. Each function says which Excel function it
 * mirrors; blanks and text are the caller's business (these take numbers only). Functions named
 * `*Sorted` expect their input sorted ascending, so that a population is sorted once and queried
 * many times.
 */

/** The numbers in ascending order, as a new typed array (a numeric sort, unlike Array#sort). */
export function sortAscending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** How many values of `sorted` are strictly less than `x` (binary search). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rounds `x` to 15 significant digits, as spreadsheets do before a floor or a truncation, so that
 * a product such as 0.57 × 100 = 56.99999999999999 counts as the 57 it stands for.
 */
function toSpreadsheetPrecision(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15));
}

/**
 * Truncates (never rounds) `x` ≥ 0 to `digits` decimal places, the way PERCENTRANK.INC reports
 * its result: 0.5555… with 3 digits is 0.555. Digits beyond 15 leave the number as it is.
 */
export function truncateDigits(x: number, digits: number): number {
  if (digits > 15) return x;
  const scale = 10 ** digits;
  return Math.floor(toSpreadsheetPrecision(x * scale)) / scale;
}

/**
 * Excel's PERCENTRANK.INC(array, x, [significance]) over an ascending array: the share of the other
 * values that lie below x, i.e. (values < x) / (n − 1), truncated to `significance` decimal places
 * (default 3). Between two data points it interpolates linearly from the last copy of the lower
 * value to the first copy of the upper one. `null` when x lies outside [min, max] or the array is
 * empty (Excel: #N/A and #NUM!). A one-value array ranks its value 1, as LibreOffice does.
 */
export function percentRankIncSorted(sorted: ArrayLike<number>, x: number, significance = 3): number | null {
  const n = sorted.length;
  if (n === 0 || !(x >= sorted[0] && x <= sorted[n - 1])) return null;
  if (n === 1) return 1;
  const below = countBelow(sorted, x);
  let rank: number;
  if (sorted[below] === x) rank = below / (n - 1);
  else {
    const lower = sorted[below - 1];
    const upper = sorted[below];
    // Near the largest double the span overflows; halved, it stays finite.
    const span = upper - lower;
    const fraction = Number.isFinite(span) ? (x - lower) / span : (x / 2 - lower / 2) / (upper / 2 - lower / 2);
    rank = (below - 1 + fraction) / (n - 1);
  }
  return truncateDigits(rank, Math.floor(significance));
}

/** PERCENTRANK.INC over any array of numbers (sorted here). */
export function percentRankInc(values: ArrayLike<number>, x: number, significance = 3): number | null {
  return percentRankIncSorted(sortAscending(values), x, significance);
}

/**
 * Excel's PERCENTILE.INC(array, p) over an ascending array: the value at position (n − 1)·p,
 * interpolating between neighbours. `null` for an empty array or p outside [0, 1].
 */
export function percentileIncSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return null;
  const position = (n - 1) * p;
  const index = Math.floor(position);
  const fraction = position - index;
  if (index + 1 >= n || fraction === 0) return sorted[index];
  const [a, b] = [sorted[index], sorted[index + 1]];
  const span = b - a;
  return Number.isFinite(span) ? a + fraction * span : a * (1 - fraction) + b * fraction;
}

/** Excel's QUARTILE.INC(array, quart) for quart 0–4 (0 = MIN, 2 = MEDIAN, 4 = MAX). */
export function quartileIncSorted(sorted: ArrayLike<number>, quart: 0 | 1 | 2 | 3 | 4): number | null {
  return percentileIncSorted(sorted, quart / 4);
}

/** Excel's MEDIAN. `null` for an empty array. */
export function median(values: ArrayLike<number>): number | null {
  const sorted = sortAscending(values);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >>> 1;
  if (n % 2) return sorted[mid];
  const sum = sorted[mid - 1] + sorted[mid];
  return Number.isFinite(sum) ? sum / 2 : sorted[mid - 1] / 2 + sorted[mid] / 2;
}

/**
 * The two tercile cuts of a population: PERCENTILE.INC at 1/3 and 2/3, the boundaries of a
 * nine-box grid's low, medium and high thirds. `null` for an empty array.
 */
export function tercileCutsSorted(sorted: ArrayLike<number>): [number, number] | null {
  const low = percentileIncSorted(sorted, 1 / 3);
  const high = percentileIncSorted(sorted, 2 / 3);
  return low === null || high === null ? null : [low, high];
}
