// Partner data for the task pane's model tests: the sample generator's tables, read as the task pane reads them.
import type { Upsert } from "../../addin/workbook/plan";
import { planChanges } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import { SCORE_COLUMNS } from "../../addin/workbook/schema";
import { type RawTable, snapshotOf } from "../../addin/workbook/snapshot";
import { rawTablesOf, tablesOf } from "../workbook/fixtures";

/** The sample's tables for `partners` partners, with an empty PartnerScores table when `scores`. */
export function sampleRaw(partners = 24, options: { scores?: boolean; only?: string[] } = {}): RawTable[] {
  const raws = rawTablesOf(tablesOf(partners, options.only));
  if (options.scores) raws.push({ name: "PartnerScores", sheet: "Scores", origin: { row: 1, column: 1 }, headers: ["PartnerId", ...SCORE_COLUMNS], rows: [] });
  return raws;
}

export const dataOf = (raws: readonly RawTable[]) => new PartnerData(snapshotOf(raws));

/** Saves a batch the way the workbook does (validated whole) and returns the data after it, or fails the test. */
export function applied(data: PartnerData, changes: readonly Upsert[]): PartnerData {
  const result = planChanges(data.snapshot, changes);
  if (!result.ok) throw new Error(`the batch does not validate: ${result.problems.map((p) => p.message).join("; ")}`);
  return new PartnerData(result.snapshot);
}

/** A partner of the sample with rows in every per-partner table (an active partner). */
export function activePartner(data: PartnerData): string {
  const found = data.partners.find((p) => data.plansOf(p.id).length && data.tasksOf(p.id).length && data.scorecardsOf(p.id).length && data.approvalsOf(p.id).length);
  if (!found) throw new Error("the sample has no active partner");
  return found.id;
}
