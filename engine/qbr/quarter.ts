/** Quarters of a review: their days, the quarter before, and which plan periods cover them. */
import { fail } from "../error";
import { messages } from "../messages";
import { periodDates } from "../plan";

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

