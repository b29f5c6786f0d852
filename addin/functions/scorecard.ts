/* Life-stage scorecard: PARTNER.STAGE, PARTNER.GAPS. */
import { isEngineError } from "../../engine/error";
import { gapTable, gaps as gapsModel, stage as stageModel } from "../../engine/scorecard";
import { excelFunction, read } from "./excel";

const STAGE = excelFunction(
  { stage_scores: read.numbers(), pass_mark: read.optionalNumber({ zeroMeansOmitted: true }) },
  (a) => stageModel(a.stage_scores, a.pass_mark ?? undefined),
);

const GAPS = excelFunction(
  {
    topics: read.labels(),
    scores: read.numbers(),
    targets: read.numbers(),
    weights: read.optional(read.numbers()),
    top_n: read.optionalNumber({ zeroMeansOmitted: true, integer: true, min: 1 }),
  },
  (a) => {
    const rows = gapsModel(a.topics, a.scores, a.targets, a.weights, a.top_n ?? undefined);
    return isEngineError(rows) ? rows : gapTable(rows);
  },
);

/**
 * The partner's life stage: the first of Fit, Onboarding, Activation, Enablement whose 0–100 score is below the pass mark, or Established when all four pass. A blank stage has not been passed.
 * @customfunction STAGE
 * @param stage_scores 4 scores from 0 to 100, in the order Fit, Onboarding, Activation, Enablement (blank = not passed).
 * @param [pass_mark] Score a stage needs to be passed. Default 70.
 * @returns Fit, Onboarding, Activation, Enablement or Established.
 */
export function stage(stage_scores: any[][], pass_mark?: any): string {
  return STAGE({ stage_scores, pass_mark });
}

/**
 * Improvement action plan: the topics with the largest weighted gap max(0, target − score) × weight, largest first (ties in input order), with a header row Topic, Score, Target, Gap.
 * @customfunction GAPS
 * @param topics Scorecard topics; rows with a blank topic are skipped.
 * @param scores Each topic's score (blank = 0).
 * @param targets Each topic's target (blank = 0), or one target for every topic.
 * @param [weights] Each topic's weight (blank = 0). Default: all 1.
 * @param [top_n] How many topics to list. Default 5.
 * @returns A header row and up to top_n rows of topic, score, target, gap.
 */
export function gaps(topics: any[][], scores: any[][], targets: any[][], weights?: any[][], top_n?: any): any[][] {
  return GAPS({ topics, scores, targets, weights, top_n });
}
