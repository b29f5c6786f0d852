/**
 * The Plan builder: the library's activities that suit a partner (its life stage and tier, those
 * of its largest scorecard gaps first), KPI targets pre-filled from what the network reached, and
 * the one batch that saves a built plan — Plan KPIs, PlanActivities rows and a task per milestone.
 * The realism of a target is the engine's (`realismSorted`); this only picks records and rows.
 */
import { isEngineError } from "../../../engine/error";
import { serialText } from "../../../engine/excel/date";
import { percentileIncSorted, sortAscending } from "../../../engine/excel/statistical";
import { periodDates } from "../../../engine/plan/period";
import { type TargetRealism, realismSorted } from "../../../engine/plan/realism";
import { gaps } from "../../../engine/scorecard";
import type { Change, Upsert } from "../../workbook/plan";
import type { LibraryRecord, PartnerData } from "../../workbook/records";
import { type StepRequest, kpiChanges, kpisOf } from "./plan";
import { gapInputs, scorecardTopics } from "./scorecard";

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/** A library activity offered to the partner, and why. */
export interface Suggestion {
  activity: LibraryRecord;
  /** The weighted scorecard gap of the activity's category (0: no gap of that category). */
  gap: number;
  /** The scorecard topics with a gap in the activity's category, largest first. */
  gapTopics: string[];
}

/**
 * The library's activities that suit a partner of `stage` and `tier` (an activity listing no stage
 * or no tier suits any; an unknown stage or tier filters nothing), ranked by the weighted gap of
 * the partner's largest scorecard gaps (PARTNER.GAPS, top 5) in the activity's category, then in
 * the library's order.
 */
export function suggestions(data: PartnerData, partnerId: string, stage: string | null, tier: string | null): Suggestion[] {
  const topics = scorecardTopics(data, partnerId);
  const input = gapInputs(topics);
  const top = topics.length ? gaps(input.topics, input.scores, input.targets, input.weights) : [];
  const byCategory = new Map<string, { gap: number; topics: string[] }>();
  if (!isEngineError(top)) {
    for (const g of top) {
      if (!(g.gap > 0)) continue;
      const category = topics.find((t) => same(t.topic, g.topic))?.category;
      if (!category) continue;
      const entry = byCategory.get(category.toLowerCase()) ?? { gap: 0, topics: [] };
      entry.gap += g.gap;
      entry.topics.push(g.topic);
      byCategory.set(category.toLowerCase(), entry);
    }
  }
  const fits = (list: readonly string[], value: string | null) => !value || !list.length || list.some((v) => same(v, value));
  return data.library
    .map((activity, i) => ({ activity, i, ...(byCategory.get((activity.category ?? "").toLowerCase()) ?? { gap: 0, topics: [] }) }))
    .filter((s) => fits(s.activity.stages, stage) && fits(s.activity.tiers, tier))
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .map(({ activity, gap, topics: gapTopics }) => ({ activity, gap, gapTopics }));
}

/** What comparable partners reached on a KPI: the Actuals of other partners' Plan rows of that KPI. */
export interface Network {
  /** Sorted ascending. */
  reached: Float64Array;
  /** "MGP partners" or "partners" (the whole network, when too few of the tier have a figure). */
  who: string;
}

/** Partners of the same tier are compared when at least this many have a figure; else the whole network. */
export const MIN_PEERS = 5;

/**
 * The network's results on `kpi`: each other partner's latest actual of it (Plan rows, any
 * period), from partners of `tier` when at least MIN_PEERS of them have one.
 */
export function networkOf(data: PartnerData, partnerId: string, kpi: string, tierOf: (id: string) => string | null, tier: string | null): Network {
  const latest = new Map<string, number>();
  for (const row of data.plans) {
    if (!same(row.kpi, kpi) || same(row.partnerId, partnerId) || row.actual === null || !Number.isFinite(row.actual)) continue;
    latest.set(row.partnerId.toLowerCase(), row.actual);
  }
  const all = [...latest.entries()];
  const peers = tier ? all.filter(([id]) => same(tierOf(id), tier)) : [];
  const chosen = peers.length >= MIN_PEERS ? peers : all;
  return { reached: sortAscending(chosen.map(([, v]) => v)), who: peers.length >= MIN_PEERS ? `${tier} partners` : "partners" };
}

/** The target a KPI starts from: the plan's own target for the period, else the network's median, else the activities' expected results. */
export function startingTarget(existing: number | null, network: Network, expected: number): number {
  if (existing !== null && Number.isFinite(existing)) return existing;
  const median = network.reached.length ? percentileIncSorted(network.reached, 0.5) : null;
  return median !== null && median > 0 ? Math.round(median) : expected;
}

export const realismOf = (target: number, network: Network): TargetRealism => realismSorted(target, network.reached);

/** One activity of the built plan, as the builder's form holds it. */
export interface ChosenActivity {
  goalId: string;
  activityId: string;
  owner: string;
  budget: number;
  expected: number;
}

export type BuildResult = { ok: true; changes: Change[]; backToDraft: boolean; tasks: string[] } | { ok: false; message: string };

/**
 * The tasks of an activity's milestones: kick-off on the period's first day — or today, for a plan
 * built once its period has begun (a task due on a day gone by would be overdue the moment it is
 * made), but never after the period — and results on its last day.
 */
export function milestoneTasks(period: string, activity: string, start: number, end: number, today: number = start): { task: string; due: number }[] {
  return [
    { task: `${period} ${activity}: kick-off`, due: Math.min(Math.max(start, Math.floor(today)), end) },
    { task: `${period} ${activity}: results reported`, due: end },
  ];
}

/**
 * The batch that saves a plan built from the library for `period`: the KPIs' targets (through
 * `kpiChanges`, so that a plan past Draft goes back to Draft), a PlanActivities row per chosen
 * activity (Planned, over the period, with its owner, budget and expected result) and its
 * milestones as Tasks. Nothing when an activity is not in the library or a figure is not a number.
 */
export function buildChanges(
  data: PartnerData,
  partnerId: string,
  period: string,
  chosen: readonly ChosenActivity[],
  targets: Readonly<Record<string, number>>,
  request: Omit<StepRequest, "comment">,
): BuildResult {
  if (!chosen.length) return { ok: false, message: "Choose at least one activity from the library." };
  const dates = periodDates(period);
  if (!dates) return { ok: false, message: `The plan period ${period} is not one the task pane can date (2026-Q3, FY2026, 2026-07): choose another period above.` };
  const changes: Upsert[] = [];
  const tasks: string[] = [];
  const existing = kpisOf(data, partnerId, period);
  const kpis = new Set<string>();
  for (const c of chosen) {
    const activity = data.libraryActivity(c.activityId);
    if (!activity || !same(activity.goalId, c.goalId)) return { ok: false, message: `Activity ${c.activityId} of goal ${c.goalId} is not in the Library table.` };
    if (!Number.isFinite(c.budget) || c.budget < 0) return { ok: false, message: `${activity.activity}: the budget must be an amount of 0 or more.` };
    if (!Number.isFinite(c.expected) || c.expected < 0) return { ok: false, message: `${activity.activity}: the expected result must be a number of 0 or more.` };
    if (activity.kpi) kpis.add(activity.kpi);
    changes.push({
      table: "PlanActivities",
      key: { PartnerId: partnerId, Period: period, GoalId: activity.goalId, ActivityId: activity.activityId },
      set: { Owner: c.owner.trim() || null, Start: dates.start, End: dates.end, Budget: c.budget, Expected: c.expected, Status: "Planned" },
    });
    for (const t of milestoneTasks(period, activity.activity, dates.start, dates.end, request.today)) {
      changes.push({ table: "Tasks", key: { PartnerId: partnerId, Task: t.task }, set: { Due: t.due, Owner: c.owner.trim() || null } });
      tasks.push(t.task);
    }
  }
  const edits = [...kpis].map((kpi) => {
    const row = existing.find((r) => same(r.kpi, kpi));
    return { kpi: row?.kpi ?? kpi, target: targets[kpi], actual: row?.actual ?? 0 };
  });
  const missing = edits.find((e) => !Number.isFinite(e.target) || e.target < 0);
  if (missing) return { ok: false, message: `${missing.kpi}: enter a target of 0 or more.` };
  const kpiResult = kpiChanges(data, partnerId, period, edits, request);
  if (!kpiResult.ok) return kpiResult;
  return { ok: true, changes: [...changes, ...kpiResult.changes], backToDraft: kpiResult.backToDraft, tasks };
}

/** Today as the pane writes it (YYYY-MM-DD). */
export const dayText = (serial: number) => serialText(serial).slice(0, 10);
