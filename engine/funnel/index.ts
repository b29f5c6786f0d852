/**
 * Sales funnel benchmarks shared with partners: win rate, stage-to-stage conversion, pipeline
 * velocity, and where a partner's figure stands against the network's quartiles.
 */
import { EngineError, fail, guard } from "../error";
import { quartileIncSorted, quartileSide } from "../excel/statistical";
import { populationAround, sortedPopulation } from "../input";
import { messages, where } from "../messages";

export const QUARTILE_LABELS = ["Top quartile", "Second quartile", "Third quartile", "Bottom quartile"] as const;
export type QuartileLabel = (typeof QUARTILE_LABELS)[number];

function count(value: number, at: string): number {
  if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber(at, value));
  if (value < 0) fail("#VALUE!", messages.negative(at, value));
  return value;
}

/** `PARTNER.WINRATE`: won / (won + lost), over decided deals only; none decided is #DIV/0!. */
export const winRate = guard((won: number, lost: number): number => {
  const decided = count(won, "won") + count(lost, "lost");
  if (decided === 0) fail("#DIV/0!", messages.noDecidedDeals());
  const rate = won / decided;
  return Number.isFinite(rate) ? rate : fail("#NUM!", messages.overflow("won"));
});

export interface FunnelRates {
  /** Stage i to stage i + 1 (`null` where stage i is 0). */
  readonly conversions: readonly (number | null)[];
  /** Last stage / first stage (`null` when the first is 0). */
  readonly overall: number | null;
}

/**
 * `PARTNER.FUNNEL`: from counts of deals reaching each stage in order, the conversion from each
 * stage to the next and the overall conversion from the first stage to the last. A blank count
 * (`null`) is 0; a rate out of a stage with no deals is `null`.
 */
export const funnel = guard((stageCounts: readonly (number | null)[]): FunnelRates => {
  const counts = stageCounts.map((c, i) => count(c ?? 0, where("stage_counts", { item: i + 1 })));
  if (counts.length < 2) fail("#VALUE!", messages.tooFewStages("stage_counts", counts.length));
  const rate = (from: number, to: number) => (from > 0 && Number.isFinite(to / from) ? to / from : null);
  const conversions = counts.slice(1).map((c, i) => rate(counts[i], c));
  return { conversions, overall: rate(counts[0], counts[counts.length - 1]) };
});

/**
 * `PARTNER.VELOCITY`: pipeline velocity in revenue per day, opportunities × deal size × win rate /
 * sales cycle in days. A cycle of 0 days is #DIV/0!.
 */
export const velocity = guard((opportunities: number, dealSize: number, winRate: number, cycleDays: number): number => {
  count(opportunities, "opportunities");
  count(dealSize, "deal_size");
  count(winRate, "win_rate");
  if (winRate > 1) fail("#VALUE!", messages.shareOutOfRange("win_rate", winRate));
  count(cycleDays, "cycle_days");
  if (cycleDays === 0) fail("#DIV/0!", messages.zeroCycle("cycle_days"));
  const value = (opportunities * dealSize * winRate) / cycleDays;
  return Number.isFinite(value) ? value : fail("#NUM!", messages.overflow("deal_size"));
});

/**
 * `PARTNER.BENCHMARK`: the network quartile a value falls in, with the cuts of Excel's
 * QUARTILE.INC over the population (blanks, `null`, left out). With higher_is_better a value at or
 * above the third quartile is "Top quartile", at or above the median "Second quartile", at or above
 * the first quartile "Third quartile"; with lower_is_better the mirror image (at or below Q1 is top).
 * A value on a cut goes to the better quartile. One pass over the population, no sort (but for a
 * population whose span overflows a double, which is sorted).
 */
export const benchmark = guard(
  (value: number, population: readonly (number | null)[], higherIsBetter: boolean = true): QuartileLabel => {
    if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber("value", value));
    const seen = populationAround(population, value);
    const sides = ([1, 2, 3] as const).map((q) => quartileSide(seen, q));
    if (sides.some((s) => s === undefined || s === null)) return labelOf(value, quartileCuts(sortedPopulation(population)), higherIsBetter);
    const [s1, s2, s3] = sides as (-1 | 0 | 1)[];
    // A side is where the cut lies against the value: ≤ 0 means value ≥ cut.
    if (higherIsBetter) return QUARTILE_LABELS[s3 <= 0 ? 0 : s2 <= 0 ? 1 : s1 <= 0 ? 2 : 3];
    return QUARTILE_LABELS[s1 >= 0 ? 0 : s2 >= 0 ? 1 : s3 >= 0 ? 2 : 3];
  },
);

/**
 * `PARTNER.BENCHMARK` over a range of values: the population sorted once, its three cuts found
 * once, each value placed against them. A blank value (`null`) gives `null`.
 */
export const benchmarks = guard(
  (
    values: readonly (number | null)[],
    population: readonly (number | null)[],
    higherIsBetter: boolean = true,
    name: (index: number) => string = (i) => where("value", { item: i + 1 }),
  ): (QuartileLabel | EngineError | null)[] => {
    const cuts = quartileCuts(sortedPopulation(population));
    return values.map((value, i) => {
      if (value === null) return null;
      if (!Number.isFinite(value)) return new EngineError("#VALUE!", messages.notNumber(name(i), value));
      return labelOf(value, cuts, higherIsBetter);
    });
  },
);

const quartileCuts = (sorted: Float64Array): [number, number, number] => [quartileIncSorted(sorted, 1)!, quartileIncSorted(sorted, 2)!, quartileIncSorted(sorted, 3)!];

function labelOf(value: number, [q1, q2, q3]: [number, number, number], higherIsBetter: boolean): QuartileLabel {
  if (higherIsBetter) return QUARTILE_LABELS[value >= q3 ? 0 : value >= q2 ? 1 : value >= q1 ? 2 : 3];
  return QUARTILE_LABELS[value <= q1 ? 0 : value <= q2 ? 1 : value <= q3 ? 2 : 3];
}
