/**
 * The engagement checklist of one partner and period: where the form starts from, and the batch
 * that saves it to the Engagement table (one row per partner and period).
 */
import { serialText } from "../../../engine/excel/date";
import { quarterOf } from "../../../engine/plan";
import type { Upsert } from "../../workbook/plan";
import { ENGAGEMENT_COLUMNS, type EngagementRecord, type PartnerData } from "../../workbook/records";
import { scoresRow } from "./changes";

export interface EngagementEntry {
  period: string;
  /** The eight answers, in ENGAGEMENT's order. */
  answers: readonly boolean[];
  opportunities: number;
  prospect: boolean;
}

/** The quarter of an Excel date, as "2026-Q4": the period a new checklist is recorded for. */
export const quarterOfDay = (serial: number): string => quarterOf(serialText(serial))!;

const samePeriod = (a: string | null, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What the form starts from for `period`: that period's row when the partner has one, else the
 * partner's current row (its last in the table), else nothing.
 */
export function engagementStart(records: readonly EngagementRecord[], period: string): { record: EngagementRecord | null; samePeriod: boolean } {
  const own = records.filter((r) => samePeriod(r.period, period)).at(-1);
  if (own) return { record: own, samePeriod: true };
  return { record: records.at(-1) ?? null, samePeriod: false };
}

/** Why an entry cannot be saved, or `undefined` when it can. */
export function engagementProblem(entry: EngagementEntry): string | undefined {
  if (!entry.period.trim()) return "Enter the period the answers are for (for example 2026-Q4).";
  if (!Number.isInteger(entry.opportunities) || entry.opportunities < 0) return "Opportunities must be a whole number, 0 or more.";
  return undefined;
}

/** The partner's Engagement row for the entry's period (added, or updated when it exists), and its PartnerScores row. */
export function engagementChanges(data: PartnerData, partnerId: string, entry: EngagementEntry): Upsert[] {
  const table = data.snapshot.tables.get("Engagement");
  const set: Record<string, boolean | number | null> = Object.fromEntries(ENGAGEMENT_COLUMNS.map((c, i) => [c, entry.answers[i] === true]));
  set.Opportunities = entry.opportunities;
  // Prospect is optional: a workbook without the column only has partners, so FALSE needs no cell.
  set.Prospect = entry.prospect ? true : table && !table.columns.has("prospect") ? null : false;
  return [{ table: "Engagement", key: { PartnerId: partnerId, Period: entry.period.trim() }, set }, ...scoresRow(data, partnerId)];
}
