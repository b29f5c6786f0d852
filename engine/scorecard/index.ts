/**
 * Life-stage scorecard: where a partner stands among the stages of a partnership (fit,
 * onboarding, activation, enablement) and which scorecard topics to work on first.
 */
import { fail, guard } from "../error";
import { messages, where } from "../messages";

export const STAGES = ["Fit", "Onboarding", "Activation", "Enablement"] as const;
export type Stage = (typeof STAGES)[number];
/** What PARTNER.STAGE answers when every stage is passed. */
export const ESTABLISHED = "Established";
/** The capability categories scored beside the stages. */
export const CAPABILITIES = ["Sales", "Marketing", "Technical"] as const;
export const DEFAULT_PASS_MARK = 70;
export const DEFAULT_TOP_GAPS = 5;

const checkScore = (value: number, at: string) => {
  if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber(at, value));
  if (value < 0 || value > 100) fail("#VALUE!", messages.scoreOutOfRange(at, value));
};

/**
 * `PARTNER.STAGE`: the first stage, in order, whose 0–100 score is below the pass mark (a blank,
 * `null`, has not been passed), or "Established" when all four are passed.
 */
export const stage = guard(
  (scores: readonly (number | null)[], passMark: number = DEFAULT_PASS_MARK): Stage | typeof ESTABLISHED => {
    if (scores.length !== STAGES.length) fail("#VALUE!", messages.wrongCount("stage_scores", STAGES.length, scores.length, "stage score"));
    if (!Number.isFinite(passMark)) fail("#VALUE!", messages.notNumber("pass_mark", passMark));
    if (!(passMark > 0 && passMark <= 100)) fail("#VALUE!", messages.passMarkOutOfRange(passMark));
    scores.forEach((s, i) => s !== null && checkScore(s, where("stage_scores", { item: i + 1 })));
    const current = STAGES.findIndex((_, i) => scores[i] === null || scores[i]! < passMark);
    return current === -1 ? ESTABLISHED : STAGES[current];
  },
);

export interface GapRow {
  readonly topic: string;
  readonly score: number;
  readonly target: number;
  /** max(0, target − score) × weight */
  readonly gap: number;
}

/** The columns of PARTNER.GAPS's spill. */
export const GAP_COLUMNS = ["Topic", "Score", "Target", "Gap"] as const;

/** Gaps as PARTNER.GAPS spills them: a header row, then a row per topic. */
export function gapTable(rows: readonly GapRow[]): (string | number)[][] {
  return [[...GAP_COLUMNS], ...rows.map((r) => [r.topic, r.score, r.target, r.gap])];
}

/**
 * `PARTNER.GAPS`: the `topN` topics with the largest weighted gap max(0, target − score) × weight,
 * largest first, ties in input order. Rows without a topic are skipped; a blank score or target
 * counts as 0; `targets` may hold one value for every topic; `weights` default to 1 (a blank
 * weight is 0). Fewer topics than `topN` give fewer rows; topics on target (gap 0) fill the list
 * only after every topic with a gap.
 */
export const gaps = guard(
  (
    topics: readonly (string | null)[],
    scores: readonly (number | null)[],
    targets: readonly (number | null)[],
    weights?: readonly (number | null)[] | null,
    topN: number = DEFAULT_TOP_GAPS,
  ): GapRow[] => {
    const n = topics.length;
    if (scores.length !== n) fail("#VALUE!", messages.sameCount("scores", "topics", n, scores.length));
    if (targets.length !== n && targets.length !== 1) fail("#VALUE!", messages.sameCountOrOne("targets", "topics", n, targets.length));
    if (weights && weights.length !== n) fail("#VALUE!", messages.sameCount("weights", "topics", n, weights.length));
    if (!Number.isInteger(topN) || topN < 1) fail("#VALUE!", messages.belowMin("top_n", topN, 1));
    const rows: (GapRow & { order: number })[] = [];
    for (let i = 0; i < n; i++) {
      const topic = topics[i];
      if (topic === null) continue;
      const score = scores[i] ?? 0;
      const target = (targets.length === 1 ? targets[0] : targets[i]) ?? 0;
      const weight = weights ? (weights[i] ?? 0) : 1;
      const item = { item: i + 1 };
      for (const [arg, value] of [["scores", score], ["targets", target], ["weights", weight]] as const) {
        const at = where(arg, arg === "targets" && targets.length === 1 ? undefined : item);
        if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber(at, value));
        if (value < 0) fail("#VALUE!", messages.negative(at, value));
      }
      const gap = Math.max(0, target - score) * weight;
      rows.push({ topic, score, target, gap: Number.isFinite(gap) ? gap : fail("#NUM!", messages.overflow("weights")), order: i });
    }
    if (rows.length === 0) fail("#N/A", messages.noTopics("topics"));
    rows.sort((a, b) => b.gap - a.gap || a.order - b.order);
    return rows.slice(0, topN).map(({ topic, score, target, gap }) => ({ topic, score, target, gap }));
  },
);
