/* Funnel benchmarks: PARTNER.WINRATE, PARTNER.FUNNEL, PARTNER.VELOCITY, PARTNER.BENCHMARK. */
import { isEngineError } from "../../engine/error";
import { benchmark as benchmarkModel, benchmarks as benchmarksModel, funnel as funnelModel, velocity as velocityModel, winRate as winRateModel } from "../../engine/funnel";
import { blankIfNull, excelFunction, isOneValue, oneValue, perCell, read, spillLike } from "./excel";

/** Counts and amounts: a blank cell is 0. */
const amount = read.number({ default: 0 });

const WINRATE = excelFunction({ won: amount, lost: amount }, (a) => winRateModel(a.won, a.lost));

const FUNNEL = excelFunction({ stage_counts: read.numbers() }, (a, context) => {
  const rates = funnelModel(a.stage_counts);
  if (isEngineError(rates)) return rates;
  return spillLike([...rates.conversions, rates.overall].map(blankIfNull), context.grid("stage_counts"));
});

const VELOCITY = excelFunction(
  { opportunities: amount, deal_size: amount, win_rate: amount, cycle_days: amount },
  (a) => velocityModel(a.opportunities, a.deal_size, a.win_rate, a.cycle_days),
);

const BENCHMARK = excelFunction(
  { value: read.figures(), population: read.numbers(), higher_is_better: read.flag(true) },
  (a) => {
    const figures = a.value;
    // One value: one pass over the population. A range of values: one sort for them all.
    if (isOneValue(figures)) {
      const label = benchmarkModel(oneValue(figures), a.population, a.higher_is_better);
      return isEngineError(label) ? label : [[label]];
    }
    const labels = benchmarksModel(figures.values, a.population, a.higher_is_better, figures.at);
    return isEngineError(labels) ? labels : perCell(figures, labels);
  },
);

/**
 * Win rate over decided deals: won / (won + lost). Open deals do not count. No decided deal gives #DIV/0!.
 * @customfunction WINRATE
 * @param won Deals won (blank = 0).
 * @param lost Deals lost (blank = 0).
 * @returns Win rate from 0 to 1.
 */
export function winRate(won: any, lost: any): number {
  return WINRATE({ won, lost });
}

/**
 * Funnel conversion: from the number of deals reaching each stage, in order, the conversion rate from each stage to the next, then the overall rate from the first stage to the last. A rate out of a stage with no deals is blank.
 * @customfunction FUNNEL
 * @param stage_counts Deals reaching each stage, first stage first (at least 2 stages; blank = 0).
 * @returns The stage-to-stage rates and the overall rate, in the orientation of stage_counts (a column stays a column).
 */
export function funnel(stage_counts: any[][]): any[][] {
  return FUNNEL({ stage_counts });
}

/**
 * Pipeline velocity: revenue the pipeline produces per day, opportunities × deal size × win rate / sales cycle in days.
 * @customfunction VELOCITY
 * @param opportunities Open qualified opportunities.
 * @param deal_size Average deal size.
 * @param win_rate Win rate from 0 to 1 (for example PARTNER.WINRATE).
 * @param cycle_days Average sales cycle in days (0 gives #DIV/0!).
 * @returns Revenue per day.
 */
export function velocity(opportunities: any, deal_size: any, win_rate: any, cycle_days: any): number {
  return VELOCITY({ opportunities, deal_size, win_rate, cycle_days });
}

/**
 * Benchmarks a partner's figure against the network: Top, Second, Third or Bottom quartile, with the network's QUARTILE.INC cuts. A value on a cut goes to the better quartile. Give a range of figures to benchmark them all at once: one result per cell, spilled in the range's shape (blank cells stay blank).
 * @customfunction BENCHMARK
 * @param value The partner's figure (blank = 0), or a range of figures.
 * @param population The network's figures; blank cells are left out.
 * @param [higher_is_better] TRUE (default) when a higher figure is better; FALSE for figures such as cost or cycle time.
 * @returns Top quartile, Second quartile, Third quartile or Bottom quartile, for each figure.
 */
export function benchmark(value: any[][], population: any[][], higher_is_better?: any): any[][] {
  return BENCHMARK({ value, population, higher_is_better });
}
