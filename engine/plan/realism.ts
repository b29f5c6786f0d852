/**
 * The realism of a joint business plan (seed 001: realistic KPIs from the network's benchmarks):
 * where each KPI target sits among what comparable partners reached, and how likely the partner's
 * pipeline is to reach its revenue target.
 */
import { fail, guard, isEngineError } from "../error";
import { type Around, percentRankIncAround, percentRankIncSorted, sortAscending } from "../excel/statistical";
import { checkNumber } from "../input";
import { messages, planningMessages, where } from "../messages";
import { createRandom } from "../random";

export const REALISM_LEVELS = ["Beyond the network", "Stretch", "Within reach", "Below median"] as const;
export type RealismLevel = (typeof REALISM_LEVELS)[number];

/** A target at or above this percentile of the network is a stretch (the network's top quartile). */
export const STRETCH_FROM = 0.75;
/** Below this percentile the target is under what half the network reached. */
export const MEDIAN_PERCENTILE = 0.5;
/** Trials of the pipeline simulation by default, and at most. */
export const DEFAULT_PLAN_TRIALS = 10_000;
export const MAX_PLAN_TRIALS = 100_000;
/** Deals × trials above this would keep Excel busy too long. */
export const MAX_PLAN_DRAWS = 10_000_000;
/** Revenue this close to the target (relative) reaches it: amounts added in floating point. */
const TOLERANCE = 1e-9;

export interface TargetRealism {
  /**
   * PERCENTRANK.INC of the target among what the network reached, truncated to whole percents
   * (0 below the lowest, 1 at or above the highest); `null` with no history.
   */
  readonly percentile: number | null;
  readonly level: RealismLevel | null;
  /** "Stretch — P85", "Beyond the network — P100+", or "No history". */
  readonly label: string;
}

export const NO_HISTORY = "No history";

/**
 * Where `target` sits among the results the network `reached` (numbers only: blanks already left
 * out): its percentile with Excel's PERCENTRANK.INC(reached, target, 2), and the level —
 * `Beyond the network` above every result, `Stretch` from P75, `Within reach` from P50, `Below
 * median` under P50. The network is sorted here; `realismSorted` takes it sorted.
 */
export function targetRealism(target: number, reached: ArrayLike<number>): TargetRealism {
  return realismSorted(target, sortAscending(reached));
}

export function realismSorted(target: number, sorted: ArrayLike<number>): TargetRealism {
  const n = sorted.length;
  if (n === 0) return NONE;
  if (target > sorted[n - 1]) return BEYOND;
  return realismAt(target < sorted[0] ? 0 : (percentRankIncSorted(sorted, target, 2) as number));
}

/**
 * The same realism from one pass around the target (`around` of the network at `target`), for a
 * caller that knows the network's counts around each target without an array per target — the
 * portfolio, which leaves each partner's own result out of a network sorted once.
 */
export function realismAround(target: number, a: Around): TargetRealism {
  if (a.n === 0) return NONE;
  if (target > a.max) return BEYOND;
  return realismAt(target < a.min ? 0 : (percentRankIncAround(a, 2) as number));
}

const NONE: TargetRealism = { percentile: null, level: null, label: NO_HISTORY };
const BEYOND: TargetRealism = { percentile: 1, level: "Beyond the network", label: "Beyond the network — P100+" };

function realismAt(percentile: number): TargetRealism {
  const level: RealismLevel = percentile >= STRETCH_FROM ? "Stretch" : percentile >= MEDIAN_PERCENTILE ? "Within reach" : "Below median";
  return { percentile, level, label: `${level} — P${Math.round(percentile * 100)}` };
}

/** An open deal of the partner's pipeline: its amount and its chance of being won (0 to 1). */
export interface PipelineDeal {
  readonly amount: number | null;
  readonly winRate: number | null;
}

export interface SimulationOptions {
  /** What the partner has already reached in the period (counts towards the target). Default 0. */
  readonly booked?: number;
  readonly trials?: number;
  readonly seed?: number;
  /** Names a deal's amount or win rate for messages. */
  readonly at?: (arg: "pipeline" | "win_rates", index: number) => string;
}

/**
 * The probability that the partner reaches `target`: the share of `trials` simulated periods in
 * which what is booked plus the deals won reach it. In each trial every deal is won with its win
 * rate, independently. Each deal draws from its own stream, seeded from `seed` and its position, so
 * the answer is the same for the same input and seed, and never falls when a deal grows, its win
 * rate rises or a deal is added: no pipeline (and too little booked) gives 0, deals certain to be
 * won that cover the target give 1.
 */
export const attainmentProbability = guard((target: number, deals: readonly PipelineDeal[], options: SimulationOptions = {}): number => {
  const { booked = 0, trials = DEFAULT_PLAN_TRIALS, seed = 1, at = (arg, i) => where(arg, { item: i + 1 }) } = options;
  if (!Number.isFinite(target)) fail("#VALUE!", messages.notNumber("targets", target));
  if (!Number.isFinite(booked)) fail("#VALUE!", messages.notNumber("booked", booked));
  checkNumber(trials, "trials", { integer: true, min: 1, max: MAX_PLAN_TRIALS });
  if (!Number.isFinite(seed)) fail("#VALUE!", messages.notNumber("seed", seed));
  const amounts = new Float64Array(deals.length);
  const rates = new Float64Array(deals.length);
  let possible = 0;
  let uncertain = 0;
  deals.forEach((deal, i) => {
    const amount = deal.amount ?? 0;
    const rate = deal.winRate ?? 0;
    if (!Number.isFinite(amount)) fail("#VALUE!", messages.notNumber(at("pipeline", i), amount));
    if (amount < 0) fail("#VALUE!", messages.negative(at("pipeline", i), amount));
    if (!(rate >= 0 && rate <= 1)) fail("#VALUE!", messages.shareOutOfRange(at("win_rates", i), rate));
    amounts[i] = amount;
    rates[i] = rate;
    if (amount > 0 && rate > 0) {
      possible += amount;
      if (rate < 1) uncertain++;
    }
  });
  if (!Number.isFinite(possible)) fail("#NUM!", messages.overflow("pipeline"));
  const reaches = (revenue: number) => booked + revenue >= target - TOLERANCE * Math.abs(target);
  // Nothing to draw: the target is reached with no deal won, or missed with every deal won.
  if (reaches(0)) return 1;
  if (!reaches(possible)) return 0;
  if (uncertain * trials > MAX_PLAN_DRAWS) fail("#VALUE!", planningMessages.tooManyDraws("trials", trials, uncertain, MAX_PLAN_DRAWS));
  const streams = createRandom(seed);
  const revenue = new Float64Array(trials);
  for (let i = 0; i < deals.length; i++) {
    // One seed per position, drawn for blank deals too, so that a deal's draws never depend on the others.
    const dealSeed = Math.floor(streams.next() * 0x100000000);
    const amount = amounts[i];
    const rate = rates[i];
    if (amount === 0 || rate === 0) continue;
    // Won when a 32-bit draw falls under rate × 2^32: always at rate 1, never at 0, one step of the generator per draw.
    const threshold = rate * 0x100000000;
    const draws = createRandom(dealSeed);
    for (let t = 0; t < trials; t++) if (draws.uint32() < threshold) revenue[t] += amount;
  }
  let reached = 0;
  for (let t = 0; t < trials; t++) if (reaches(revenue[t])) reached++;
  return reached / trials;
});

/** One KPI's line of the realism check; a blank target gives a line of `null`s. */
export interface PlanCheckLine {
  readonly target: number | null;
  readonly percentile: number | null;
  readonly label: string | null;
  /** Only for the KPI the pipeline counts towards. */
  readonly probability: number | null;
}

/** The columns of PARTNER.PLAN.CHECK's spill. */
export const PLAN_CHECK_COLUMNS = ["Target", "Percentile", "Realism", "Probability"] as const;

export interface PlanCheckInput {
  /** One target per KPI; blank (`null`) or 0 is no target. */
  readonly targets: readonly (number | null)[];
  /** Per KPI, what comparable partners reached (blanks left out). */
  readonly reached: readonly ArrayLike<number>[];
  /** The partner's open deals, counting towards the KPI numbered `pipelineKpi` (0-based). */
  readonly deals: readonly PipelineDeal[];
  readonly pipelineKpi?: number;
  readonly simulation?: SimulationOptions;
  /** Names a target for messages. */
  readonly targetAt?: (index: number) => string;
}

/** `PARTNER.PLAN.CHECK`: each KPI target's realism against the network, and the pipeline's probability of reaching its KPI. */
export const planCheck = guard((input: PlanCheckInput): PlanCheckLine[] => {
  const { targets, reached, deals, pipelineKpi = 0, simulation = {}, targetAt = (i) => where("targets", { item: i + 1 }) } = input;
  if (reached.length !== targets.length) fail("#VALUE!", planningMessages.historyColumns("history", targets.length, reached.length));
  if (!Number.isInteger(pipelineKpi) || pipelineKpi < 0 || pipelineKpi >= targets.length) {
    fail("#VALUE!", planningMessages.kpiOutOfRange("pipeline_kpi", pipelineKpi + 1, targets.length));
  }
  return targets.map((target, k) => {
    if (target !== null && !Number.isFinite(target)) fail("#VALUE!", messages.notNumber(targetAt(k), target));
    if (target !== null && target < 0) fail("#VALUE!", messages.negative(targetAt(k), target));
    const network = reached[k];
    for (let i = 0; i < network.length; i++) if (!Number.isFinite(network[i])) fail("#VALUE!", messages.notNumber("history", network[i]));
    if (!target) return { target: null, percentile: null, label: null, probability: null };
    const realism = targetRealism(target, network);
    let probability: number | null = null;
    if (k === pipelineKpi) {
      const p = attainmentProbability(target, deals, simulation);
      if (isEngineError(p)) throw p;
      probability = p;
    }
    return { target, percentile: realism.percentile, label: realism.label, probability };
  });
});

/** A check as PARTNER.PLAN.CHECK spills it: the header row, then a line per KPI (`null`: blank). */
export function planCheckTable(lines: readonly PlanCheckLine[]): (string | number | null)[][] {
  return [[...PLAN_CHECK_COLUMNS], ...lines.map((l) => [l.target, l.percentile, l.label, l.probability])];
}
