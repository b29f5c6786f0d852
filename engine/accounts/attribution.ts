/**
 * Who gets the credit for won revenue: deals the partner found (partner-sourced), deals the
 * partner helped win (partner-influenced), and the vendor's own.
 */
import { fail, guard } from "../error";
import { messages, where } from "../messages";

export const DEAL_SOURCES = ["Partner-sourced", "Partner-influenced", "Vendor"] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];

/**
 * The words a source cell may hold, in any case, with spaces, hyphens or underscores between
 * words. A blank source is Vendor: a deal no partner is credited with.
 */
export const SOURCE_WORDS: Readonly<Record<string, DealSource>> = {
  "partner sourced": "Partner-sourced",
  sourced: "Partner-sourced",
  partner: "Partner-sourced",
  "partner influenced": "Partner-influenced",
  influenced: "Partner-influenced",
  vendor: "Vendor",
  "vendor sourced": "Vendor",
  direct: "Vendor",
};

/** Outcome words: what counts as won, and what is known not to be (anything else is a typo). */
export const WON_WORDS = ["won", "closed won", "true", "yes", "y", "1"] as const;
export const NOT_WON_WORDS = ["open", "lost", "closed lost", "false", "no", "n"] as const;

const words = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, " ");

export interface AttributedDeal {
  readonly amount: number | null;
  readonly source: string | null;
  /** The deal's outcome (Open, Won, Lost); `undefined` when no outcomes are given: every deal counts as won. */
  readonly outcome?: string | null;
}

export interface AttributionLine {
  readonly source: DealSource | "Total";
  readonly amount: number;
  /** Share of the won revenue; `null` when nothing was won. */
  readonly share: number | null;
}

export type AttributionCellName = (arg: "amounts" | "sources" | "outcomes", index: number) => string;
const itemName: AttributionCellName = (arg, index) => where(arg, { item: index + 1 });

/**
 * `PARTNER.ATTRIB`: won revenue by source, and each source's share of it, then the total. A deal
 * is won when its outcome is Won (or Closed won, TRUE, yes); Open, Lost, Closed lost, FALSE, no
 * and blank are not won; any other outcome, an unknown source or a negative amount is a #VALUE!
 * naming its cell. Blank amounts are 0.
 */
export const attribution = guard((deals: readonly AttributedDeal[], at: AttributionCellName = itemName): AttributionLine[] => {
  const sums = DEAL_SOURCES.map(() => 0);
  deals.forEach((deal, i) => {
    const amount = deal.amount ?? 0;
    if (!Number.isFinite(amount)) fail("#VALUE!", messages.notNumber(at("amounts", i), amount));
    if (amount < 0) fail("#VALUE!", messages.negative(at("amounts", i), amount));
    const source = deal.source === null ? "Vendor" : SOURCE_WORDS[words(deal.source)];
    if (source === undefined) fail("#VALUE!", messages.unknownOption(at("sources", i), deal.source, ["partner-sourced", "partner-influenced", "vendor"]));
    if (deal.outcome !== undefined && deal.outcome !== null) {
      const outcome = words(deal.outcome);
      if (!(WON_WORDS as readonly string[]).includes(outcome)) {
        if ((NOT_WON_WORDS as readonly string[]).includes(outcome)) return;
        fail("#VALUE!", messages.unknownOption(at("outcomes", i), deal.outcome, ["Won", "Lost", "Open"]));
      }
    } else if (deal.outcome === null) return;
    sums[DEAL_SOURCES.indexOf(source)] += amount;
  });
  const total = sums.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(total)) fail("#NUM!", messages.overflow("amounts"));
  const share = (x: number) => (total > 0 ? x / total : null);
  return [...DEAL_SOURCES.map((source, k) => ({ source, amount: sums[k], share: share(sums[k]) })), { source: "Total", amount: total, share: share(total) }];
});

export const ATTRIB_COLUMNS = ["Source", "Won revenue", "Share"] as const;

/** PARTNER.ATTRIB's spill: a header row, a row per source and the total; a share of nothing is `null`. */
export function attributionTable(lines: readonly AttributionLine[]): (string | number | null)[][] {
  return [[...ATTRIB_COLUMNS], ...lines.map((l) => [l.source, l.amount, l.share])];
}
