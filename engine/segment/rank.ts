/** Percentile rank of a partner's metric in the network, exactly as Excel's PERCENTRANK.INC. */
import { fail, guard } from "../error";
import { percentRankIncSorted } from "../excel/statistical";
import { sortedPopulation } from "../input";
import { messages } from "../messages";

export const DEFAULT_SIGNIFICANCE = 3;

/**
 * `PARTNER.RANK.PCT`: PERCENTRANK.INC(population, value, significance). Blank population cells
 * (`null`) are left out; #N/A when nothing is left or `value` lies outside the population's range.
 */
export const rankPct = guard(
  (value: number, population: readonly (number | null)[], significance: number = DEFAULT_SIGNIFICANCE): number => {
    if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber("value", value));
    if (!Number.isFinite(significance)) fail("#VALUE!", messages.notNumber("significance", significance));
    if (significance < 1) fail("#VALUE!", messages.belowMin("significance", significance, 1));
    const sorted = sortedPopulation(population);
    const rank = percentRankIncSorted(sorted, value, significance);
    if (rank === null) fail("#N/A", messages.outsidePopulation("value", value, sorted[0], sorted[sorted.length - 1]));
    return rank;
  },
);
