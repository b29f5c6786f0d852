/**
 * Excel date serials: day 1 is 1900-01-01 and whole numbers are days, fractions times of day.
 * Serials here are exact for every date from 1900-03-01 on (Excel's serial 60 is the 29 February
 * 1900 that never was, kept for Lotus 1-2-3 compatibility).
 */

/** Milliseconds since 1970 (what `Date.now()` returns); injectable so that "today" can be fixed in tests. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_DATE_SERIAL = 2_958_465;

/** The serial of a calendar date (month 1–12). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS);
}

/** Today's date as a whole serial, in the local time zone, as Excel's TODAY() gives it. */
export function todaySerial(clock: Clock = systemClock): number {
  const now = new Date(clock());
  return dateSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A serial's calendar date. */
export function serialParts(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A serial as yyyy-mm-dd, for messages. */
export function serialText(serial: number): string {
  const { year, month, day } = serialParts(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The serial of a yyyy-mm-dd text date, or `undefined` when the text is not a real date. */
export function parseDateText(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const serial = dateSerial(year, month, day);
  const back = serialParts(serial);
  if (back.year !== year || back.month !== month || back.day !== day) return undefined;
  return serial >= 61 && serial <= MAX_DATE_SERIAL ? serial : undefined;
}
