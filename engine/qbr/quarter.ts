/** Quarters of a review: their days, the quarter before, and which plan periods cover them. */
import { fail } from "../error";
import { messages } from "../messages";
import { periodDates, quarterOf } from "../plan";

/** First and last day of a quarter "yyyy-Qn". */
export function quarterBounds(quarter: string): { start: number; end: number } {
  const dates = periodDates(quarter);
  if (!dates) fail("#VALUE!", messages.notQuarter("quarter", quarter));
  return { start: dates.start, end: dates.end };
}

export function previousQuarterOf(quarter: string): string {
  const [year, q] = quarter.split("-Q").map(Number);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** A plan period that covers the whole quarter: the quarter itself, or its year ("FY2026", "2026"). */
export function periodCovers(period: string, quarter: string): boolean {
  const dates = periodDates(period);
  const q = periodDates(quarter);
  return dates !== undefined && q !== undefined && dates.start <= q.start && dates.end >= q.end;
}


/**
 * The plan period a review of `quarter` follows: the quarter's own plan when there is one, else the
 * shortest period with a plan covering the quarter (its year). One period, so that the targets, the
 * actuals and the approval the review shows belong to the same plan.
 */
export function reviewPeriod(periods: readonly string[], quarter: string): string | null {
  let best: { period: string; days: number } | null = null;
  for (const period of new Set(periods)) {
    if (!periodCovers(period, quarter)) continue;
    const dates = periodDates(period)!;
    const days = dates.end - dates.start;
    if (!best || days < best.days) best = { period, days };
  }
  return best?.period ?? null;
}

/** Two ways of writing one plan period ("2026-Q3" and "Q3 2026", "FY2026" and "2026"): the same days. */
export function samePeriod(a: string, b: string): boolean {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return true;
  const [x, y] = [periodDates(a), periodDates(b)];
  return x !== undefined && y !== undefined && x.start === y.start && x.end === y.end;
}

/**
 * The rating that holds in a quarter: the latest row of that quarter or before (of two rows of the
 * same quarter, the later one in the table), and its quarter. Without `upTo`, the latest of all.
 * Rows whose period does not read as a quarter are left out. The one rule for "current" wherever a
 * tier is shown: the partner's header, the QBR, the portfolio's tier moves.
 */
export function ratingAsOf<T extends { period: string | null }>(rows: readonly T[], upTo?: string): { row: T; quarter: string } | null {
  let best: { row: T; quarter: string } | null = null;
  for (const row of rows) {
    const quarter = row.period === null ? undefined : quarterOf(row.period);
    if (!quarter || (upTo !== undefined && quarter > upTo)) continue;
    if (!best || quarter >= best.quarter) best = { row, quarter };
  }
  return best;
}
