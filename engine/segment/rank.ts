/** Percentile rank of a partner's metric in the network, exactly as Excel's PERCENTRANK.INC. */
import { EngineError, fail, guard } from "../error";
import { percentRankIncAround, percentRankIncSorted } from "../excel/statistical";
import { populationAround, sortedPopulation } from "../input";
import { messages, where } from "../messages";

export const DEFAULT_SIGNIFICANCE = 3;

function checkSignificance(significance: number): void {
  if (!Number.isFinite(significance)) fail("#VALUE!", messages.notNumber("significance", significance));
  if (significance < 1) fail("#VALUE!", messages.belowMin("significance", significance, 1));
}

/**
 * `PARTNER.RANK.PCT`: PERCENTRANK.INC(population, value, significance). Blank population cells
 * (`null`) are left out; #N/A when nothing is left or `value` lies outside the population's range.
 * One pass over the population, no sort: a column of these calls costs what it reads.
 */
export const rankPct = guard(
  (value: number, population: readonly (number | null)[], significance: number = DEFAULT_SIGNIFICANCE): number => {
    if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber("value", value));
    checkSignificance(significance);
    const seen = populationAround(population, value);
    const rank = percentRankIncAround(seen, significance);
    if (rank === null) fail("#N/A", messages.outsidePopulation("value", value, seen.min, seen.max));
    return rank;
  },
);

/**
 * `PARTNER.RANK.PCT` over a range of values: the population sorted once, each value ranked in it.
 * A blank value (`null`) gives `null`; a value outside the population's range gives its #N/A, in
 * its place, so that one bad cell does not hide the others.
 */
export const rankPcts = guard(
  (
    values: readonly (number | null)[],
    population: readonly (number | null)[],
    significance: number = DEFAULT_SIGNIFICANCE,
    name: (index: number) => string = (i) => where("value", { item: i + 1 }),
  ): (number | EngineError | null)[] => {
    checkSignificance(significance);
    const sorted = sortedPopulation(population);
    return values.map((value, i) => {
      if (value === null) return null;
      const at = name(i);
      if (!Number.isFinite(value)) return new EngineError("#VALUE!", messages.notNumber(at, value));
      const rank = percentRankIncSorted(sorted, value, significance);
      return rank ?? new EngineError("#N/A", messages.outsidePopulation(at, value, sorted[0], sorted[sorted.length - 1]));
    });
  },
);
