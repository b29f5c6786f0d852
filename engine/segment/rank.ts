/** Percentile rank of a partner's metric in the network, exactly as Excel's PERCENTRANK.INC. */
import { fail, guard } from "../error";
import { percentRankIncSorted, sortAscending } from "../excel/statistical";
import { messages, where } from "../messages";

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
    const numbers: number[] = [];
    population.forEach((v, i) => {
      if (v === null) return;
      if (!Number.isFinite(v)) fail("#VALUE!", messages.notNumber(where("population", { item: i + 1 }), v));
      numbers.push(v);
    });
    if (numbers.length === 0) fail("#N/A", messages.noPopulation("population"));
    const sorted = sortAscending(numbers);
    const rank = percentRankIncSorted(sorted, value, significance);
    if (rank === null) fail("#N/A", messages.outsidePopulation("value", value, sorted[0], sorted[sorted.length - 1]));
    return rank;
  },
);
