/**
 * A plan's actuals worked out from the deals rather than typed: revenue won, pipeline created,
 * new customers, deals won and deals registered, per partner and period. Imported by its own path
 * (like ./realism): the task pane's first download does not need it.
 */
import { fail, guard } from "../error";
import { messages, planningMessages, where } from "../messages";
import { type PeriodDates, periodDates } from "./period";

/** What can be measured from deals, named as plan KPIs usually are. */
export const ACTUAL_MEASURES = ["Revenue", "Pipeline", "New customers", "Deals won", "Deals registered"] as const;
export type ActualMeasure = (typeof ACTUAL_MEASURES)[number];

/** Other names a measure goes by (any case, spaces or hyphens between words). */
const MEASURE_WORDS: Readonly<Record<string, ActualMeasure>> = {
  revenue: "Revenue",
  "won revenue": "Revenue",
  bookings: "Revenue",
  won: "Revenue",
  pipeline: "Pipeline",
  "pipeline created": "Pipeline",
  "new customers": "New customers",
  "new logos": "New customers",
  "new logo": "New customers",
  "deals won": "Deals won",
  wins: "Deals won",
  "deals registered": "Deals registered",
  registrations: "Deals registered",
};

const words = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, " ");

/** The measure a name (a KPI's, say) stands for; `undefined` when it is none of them. */
export const measureOf = (name: string): ActualMeasure | undefined => MEASURE_WORDS[words(name)];

/** Deal outcomes, as the Deals table holds them (Open, Won, Lost); `closed won`/`closed lost` too. */
const OUTCOMES: Readonly<Record<string, "won" | "lost" | "open">> = { won: "won", "closed won": "won", lost: "lost", "closed lost": "lost", open: "open" };

export interface ActualsDeal {
  readonly partner: string | null;
  readonly amount: number | null;
  readonly outcome: string | null;
  readonly opened: number | null;
  readonly closed: number | null;
  /** The end-customer account (for new customers). */
  readonly account?: string | null;
  /** When the deal was registered (for deals registered). */
  readonly registered?: number | null;
}

export type ActualsCellName = (arg: "amounts" | "outcomes" | "periods", index: number) => string;
const itemName: ActualsCellName = (arg, index) => where(arg, { item: index + 1 });

/**
 * A period as `PARTNER.ACTUALS` reads it: what `periodDates` reads (a quarter, a year, a month),
 * and a whole number from 1900 to 9999 as that year (a year typed in a cell is a number).
 */
export function actualsPeriod(period: string | number | null): PeriodDates | undefined {
  if (period === null) return undefined;
  if (typeof period === "number" && Number.isInteger(period) && period >= 1900 && period <= 9999) return periodDates(String(period));
  return periodDates(period);
}

const key = (id: string) => id.trim().toLowerCase();

/**
 * `PARTNER.ACTUALS`: for each partner (rows) and period (columns), the measure over `deals`.
 * - Revenue: the amounts of deals won with a Closed date in the period.
 * - Deals won: how many deals were won with a Closed date in the period.
 * - Pipeline: the amounts of deals opened in the period, whatever became of them (pipeline created).
 * - New customers: accounts the partner won its first deal on in the period (deals without an
 *   account are not counted).
 * - Deals registered: deals with a Registered date in the period.
 * Partners match their id in any case; a partner without deals gets 0. Outcomes are Won, Lost or
 * Open (any case; blank is open); another outcome, a negative or non-numeric amount, or a period
 * that is no quarter, year or month is a #VALUE! naming its cell.
 */
export const dealActuals = guard(
  (
    deals: readonly ActualsDeal[],
    partners: readonly (string | null)[],
    periods: readonly (string | number | null)[],
    measure: ActualMeasure,
    at: ActualsCellName = itemName,
  ): number[][] => {
    const spans = periods.map((p, i) => actualsPeriod(p) ?? fail("#VALUE!", planningMessages.notAPeriod(at("periods", i), p)));
    // The deals of each partner asked for, in one pass.
    const wanted = new Map<string, number[]>();
    for (const p of partners) if (p) wanted.set(key(p), []);
    deals.forEach((deal, i) => {
      const outcome = deal.outcome === null ? "open" : OUTCOMES[words(deal.outcome)];
      if (!outcome) fail("#VALUE!", planningMessages.notAnOutcome(at("outcomes", i), deal.outcome));
      const amount = deal.amount ?? 0;
      if (!Number.isFinite(amount)) fail("#VALUE!", messages.notNumber(at("amounts", i), amount));
      if (amount < 0) fail("#VALUE!", messages.negative(at("amounts", i), amount));
      if (deal.partner) wanted.get(key(deal.partner))?.push(i);
    });
    const won = (d: ActualsDeal) => d.outcome !== null && OUTCOMES[words(d.outcome)] === "won";
    const inSpan = (date: number | null | undefined, span: PeriodDates) => date !== null && date !== undefined && date >= span.start && date < span.end + 1;

    return partners.map((p) => {
      const mine = p ? (wanted.get(key(p)) ?? []).map((i) => deals[i]) : [];
      // New customers: the first win on each account, once per partner.
      let firstWins: number[] | undefined;
      if (measure === "New customers") {
        const first = new Map<string, number>();
        for (const d of mine) {
          if (!won(d) || d.closed === null || !d.account) continue;
          const account = key(d.account);
          const before = first.get(account);
          if (before === undefined || d.closed < before) first.set(account, d.closed);
        }
        firstWins = [...first.values()];
      }
      return spans.map((span) => {
        let total = 0;
        switch (measure) {
          case "Revenue":
            for (const d of mine) if (won(d) && inSpan(d.closed, span)) total += d.amount ?? 0;
            return total;
          case "Deals won":
            for (const d of mine) if (won(d) && inSpan(d.closed, span)) total++;
            return total;
          case "Pipeline":
            for (const d of mine) if (inSpan(d.opened, span)) total += d.amount ?? 0;
            return total;
          case "Deals registered":
            for (const d of mine) if (inSpan(d.registered, span)) total++;
            return total;
          case "New customers":
            for (const date of firstWins!) if (inSpan(date, span)) total++;
            return total;
        }
      });
    });
  },
);
