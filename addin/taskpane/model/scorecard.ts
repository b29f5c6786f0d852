/**
 * A partner's life-stage scorecard as the task pane shows it: every topic the workbook scores
 * (the brand's categories and topics, as found in the Scorecard table) with the partner's latest
 * assessment of it, the stage scores the engine places the partner with, and the batch that saves
 * a new assessment.
 */
import { lowerCase, nameKey } from "../../../engine/memo";
import { CAPABILITIES, type GapRow, STAGES } from "../../../engine/scorecard";
import type { Upsert } from "../../workbook/plan";
import type { PartnerData, ScorecardRecord } from "../../workbook/records";
import { scoresRow } from "./changes";

export interface ScorecardTopic {
  category: string;
  topic: string;
  score: number | null;
  target: number | null;
  weight: number | null;
  /** Date of the partner's latest assessment of the topic; `null` when never assessed (or undated). */
  date: number | null;
  /** The partner has a row for this topic. */
  own: boolean;
}

const keyOf = (r: { category: string; topic: string }) => `${nameKey(r.category)}\u0000${nameKey(r.topic)}`;
/** Rows with a date come after undated ones; among equal dates, later rows in the table win. */
const isLater = (a: ScorecardRecord, b: ScorecardRecord) => (a.date ?? -Infinity) >= (b.date ?? -Infinity);

/** The latest row of each topic (by date, then table order), in the order topics first appear. */
export function latestScorecard(records: readonly ScorecardRecord[]): ScorecardRecord[] {
  const latest = new Map<string, ScorecardRecord>();
  for (const r of records) {
    const key = keyOf(r);
    const seen = latest.get(key);
    if (!seen || isLater(r, seen)) latest.set(key, r);
  }
  return [...latest.values()];
}

/** Categories in the product's order (stages, then capabilities), then any other in first-seen order. */
const CATEGORY_ORDER: readonly string[] = [...STAGES, ...CAPABILITIES].map((c) => c.toLowerCase());
const categoryRank = (category: string) => {
  const i = CATEGORY_ORDER.indexOf(nameKey(category));
  return i === -1 ? CATEGORY_ORDER.length : i;
};

// The network's topics are worked out once per workbook state.
const networkTopics = new WeakMap<PartnerData, ScorecardRecord[]>();

/**
 * Every topic of the Scorecard table (any partner's) with this partner's latest assessment of it.
 * Topics the partner was never assessed on take the latest target and weight used for them.
 */
export function scorecardTopics(data: PartnerData, partnerId: string): ScorecardTopic[] {
  let network = networkTopics.get(data);
  if (!network) {
    network = latestScorecard(data.scorecards);
    networkTopics.set(data, network);
  }
  const own = new Map(latestScorecard(data.scorecardsOf(partnerId)).map((r) => [keyOf(r), r]));
  const topics = network.map((n): ScorecardTopic => {
    const mine = own.get(keyOf(n));
    return mine
      ? { category: mine.category, topic: mine.topic, score: mine.score, target: mine.target, weight: mine.weight, date: mine.date, own: true }
      : { category: n.category, topic: n.topic, score: null, target: n.target, weight: n.weight, date: null, own: false };
  });
  return topics
    .map((t, i) => ({ t, i }))
    .sort((a, b) => categoryRank(a.t.category) - categoryRank(b.t.category) || a.i - b.i)
    .map(({ t }) => t);
}

/** Mean score of each life stage in STAGES order (`null`: no score), as PARTNER.STAGE takes them. */
export function stageScores(topics: readonly Pick<ScorecardTopic, "category" | "score">[]): (number | null)[] {
  return STAGES.map((stage) => {
    const scores = topics.filter((t) => nameKey(t.category) === lowerCase(stage) && t.score !== null).map((t) => t.score!);
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  });
}

/** The columns PARTNER.GAPS takes, from the topics (weights only when the table gives any). */
export function gapInputs(topics: readonly ScorecardTopic[]) {
  const weighted = topics.some((t) => t.weight !== null);
  return {
    topics: topics.map((t) => t.topic),
    scores: topics.map((t) => t.score),
    targets: topics.map((t) => t.target),
    weights: weighted ? topics.map((t) => t.weight) : null,
  };
}

const figure = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * How a gap of the improvement plan is worked out, in figures: `gap 36 = (75 − 57) × weight 2`.
 * `weight` is the topic's weight when the table gives weights (a blank one counts as 0), and
 * `undefined` when it gives none (every topic then weighs 1 and no weight is shown); a topic not
 * scored yet counts its score as 0 (PARTNER.GAPS's rule).
 */
export function gapExplanation(row: Pick<GapRow, "score" | "target" | "gap">, weight: number | null | undefined, scored = true): string {
  const difference = `${figure.format(row.target)} − ${figure.format(row.score)}`;
  const sum = weight === undefined ? difference : `(${difference}) × weight ${figure.format(weight ?? 0)}`;
  return `${scored ? "" : "Not scored, so 0: "}gap ${figure.format(row.gap)} = ${sum}`;
}

/**
 * A scorecard assessment of `partnerId` on `date` (an Excel serial): one Scorecard row per topic
 * the partner has, or that now has a score, so that the assessment of that date is complete (the
 * PartnerScores stage formulas read the latest date). Rows of that date are updated, others added.
 */
export function scorecardChanges(data: PartnerData, partnerId: string, date: number, topics: readonly ScorecardTopic[]): Upsert[] {
  const changes: Upsert[] = topics
    .filter((t) => t.own || t.score !== null)
    .map((t) => ({
      table: "Scorecard",
      key: { PartnerId: partnerId, Category: t.category, Topic: t.topic, Date: date },
      set: { Score: t.score, Target: t.target, Weight: t.weight },
    }));
  return [...changes, ...scoresRow(data, partnerId)];
}
