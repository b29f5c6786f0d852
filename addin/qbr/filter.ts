/**
 * Which partners a batch of QBRs is for (region, channel manager, tier), apart from the decks
 * themselves: the Portfolio's picker counts partners with it without loading the deck writer.
 */
import { TIERS } from "../../engine/tier";
import { summariseForList } from "../taskpane/model/summary";
import type { PartnerData, PartnerRecord } from "../workbook/records";

/** Which partners get a deck; an empty or missing value means any. Values compare ignoring case. */
export interface QbrFilter {
  region?: string | null;
  /** The Partners table's ChannelManager. */
  manager?: string | null;
  /** The tier as the partner list shows it ("MVP", "STP"…; its full name works too). */
  tier?: string | null;
}

export const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
export const given = (v: string | null | undefined): v is string => !!v && v.trim() !== "";

/** The partners of `filter`, in the Partners table's order. */
export function matchingPartners(data: PartnerData, filter: QbrFilter = {}): PartnerRecord[] {
  const { region, manager, tier } = filter;
  const tierId = given(tier) ? (TIERS.find((t) => same(t.id, tier) || same(t.name, tier))?.id ?? tier) : null;
  return data.partners.filter(
    (p) =>
      (!given(region) || same(p.region, region)) &&
      (!given(manager) || same(p.channelManager, manager)) &&
      (tierId === null || same(summariseForList(data, p).tier, tierId)),
  );
}

/** The values each filter can take in the workbook, sorted (for a picker, or to say what exists). */
export function filterChoices(data: PartnerData): { regions: string[]; managers: string[]; tiers: string[] } {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter(given).map((v) => v.trim()))].sort((a, b) => a.localeCompare(b));
  return {
    regions: distinct(data.partners.map((p) => p.region)),
    managers: distinct(data.partners.map((p) => p.channelManager)),
    tiers: distinct(data.partners.map((p) => summariseForList(data, p).tier)),
  };
}

/** The filter in words: "region EMEA, tier MVP", or "all partners". */
export function filterText(filter: QbrFilter = {}): string {
  const parts = [
    given(filter.region) ? `region ${filter.region.trim()}` : "",
    given(filter.manager) ? `channel manager ${filter.manager.trim()}` : "",
    given(filter.tier) ? `tier ${filter.tier.trim()}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "all partners";
}

