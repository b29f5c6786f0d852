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

/**
 * What PERCENTRANK.INC and the QUARTILE.INC cuts need to know of a population around one value
 * `x`, found in one pass without sorting: the sorted population is `below` values under x, then
 * `equal` copies of x, then the rest, with `lower` (the largest value under x) just before the
 * copies and `upper` (the smallest value over x) just after them.
 */
export interface Around {
  readonly x: number;
  readonly n: number;
  readonly below: number;
  readonly equal: number;
  /** The largest value below x (`-Infinity` when there is none). */
  readonly lower: number;
  /** The smallest value above x (`Infinity` when there is none). */
  readonly upper: number;
  readonly min: number;
  readonly max: number;
}

/**
 * One pass over `values` around `x`; `null` values (blank cells) are left out, and a value that
 * is not a finite number goes to `invalid` (which throws) or, without it, is left out too.
 */
export function around(values: ArrayLike<number | null>, x: number, invalid?: (index: number, value: number) => never): Around {
  let n = 0;
  let below = 0;
  let equal = 0;
  let lower = -Infinity;
  let upper = Infinity;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (!Number.isFinite(v)) {
      if (invalid) invalid(i, v);
      continue;
    }
    n++;
    if (v < x) {
      below++;
      if (v > lower) lower = v;
    } else if (v > x) {
      if (v < upper) upper = v;
    } else equal++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { x, n, below, equal, lower, upper, min, max };
}

/** PERCENTRANK.INC from one pass around its value: the same result as `percentRankIncSorted`, bit for bit. */
export function percentRankIncAround(a: Around, significance = 3): number | null {
  const { n, x, below } = a;
  if (n === 0 || !(x >= a.min && x <= a.max)) return null;
  if (n === 1) return 1;
  let rank: number;
  if (a.equal > 0) rank = below / (n - 1);
  else {
    // As the sorted form: the last value below x and the first above it.
    const { lower, upper } = a;
    const span = upper - lower;
    const fraction = Number.isFinite(span) ? (x - lower) / span : (x / 2 - lower / 2) / (upper / 2 - lower / 2);
    rank = (below - 1 + fraction) / (n - 1);
  }
  return truncateDigits(rank, Math.floor(significance));
}

/**
 * Where the population's quartile `quart` (QUARTILE.INC, computed exactly as `quartileIncSorted`
 * would) lies against x: −1 below, 0 equal, 1 above; `null` for an empty population, and
 * `undefined` when one pass cannot tell (a population whose span overflows a double), for the
 * caller to sort. A cut between two values both under x is under x (it interpolates at most 3/4 of
 * the way up, so rounding cannot carry it past the upper value), and between two over x, over it;
 * otherwise both neighbours are x, `lower` or `upper`, known exactly.
 */
export function quartileSide(a: Around, quart: 1 | 2 | 3): -1 | 0 | 1 | null | undefined {
  const { n, x, below, equal } = a;
  if (n === 0) return null;
  if (!Number.isFinite(a.max - a.min)) return undefined;
  const position = (n - 1) * (quart / 4);
  const index = Math.floor(position);
  const fraction = position - index;
  const side = (i: number): -1 | 0 | 1 => (i < below ? -1 : i < below + equal ? 0 : 1);
  if (index + 1 >= n || fraction === 0) return side(index);
  if (index + 1 < below) return -1;
  if (index >= below + equal) return 1;
  const value = (i: number) => (i < below ? a.lower : i < below + equal ? x : a.upper);
  const [lo, hi] = [value(index), value(index + 1)];
  const span = hi - lo;
  const q = Number.isFinite(span) ? lo + fraction * span : lo * (1 - fraction) + hi * fraction;
  return q < x ? -1 : q > x ? 1 : 0;
}
