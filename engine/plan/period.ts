/** The calendar span of a plan period, so that a plan's pace can be measured through it. */
import { dateSerial } from "../excel/date";
import { quarterOf } from "./approval";

export interface PeriodDates {
  /** First day of the period (Excel serial). */
  readonly start: number;
  /** Last day of the period (Excel serial). */
  readonly end: number;
}

const YEAR = /^(?:fy|cy)?\s*(\d{4})$/i;
const MONTH = /^(\d{4})-(\d{1,2})$/;

/**
 * The first and last day of a plan period: a quarter as `quarterOf` reads it ("2026-Q3", "Q3
 * 2026", a date or serial inside the quarter), a year ("2026", "FY2026" — fiscal years are taken
 * as calendar years), or a month ("2026-07"). `undefined` for anything else.
 */
export function periodDates(period: string | number): PeriodDates | undefined {
  const text = typeof period === "string" ? period.trim() : undefined;
  // A four-digit text is a year here, not the date serial quarterOf would read it as.
  const year = text === undefined ? null : YEAR.exec(text);
  if (year) {
    const y = Number(year[1]);
    return y >= 1900 ? { start: dateSerial(y, 1, 1), end: dateSerial(y, 12, 31) } : undefined;
  }
  const quarter = quarterOf(period);
  if (quarter) {
    const y = Number(quarter.slice(0, 4));
    const q = Number(quarter.slice(6));
    return { start: dateSerial(y, 3 * q - 2, 1), end: dateSerial(y, 3 * q + 1, 1) - 1 };
  }
  const month = text === undefined ? null : MONTH.exec(text);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return y >= 1900 && m >= 1 && m <= 12 ? { start: dateSerial(y, m, 1), end: dateSerial(y, m + 1, 1) - 1 } : undefined;
  }
  return undefined;
}
