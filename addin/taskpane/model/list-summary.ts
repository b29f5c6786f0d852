/**
 * What the partner list shows of each partner — tier and segment — from the tables it reads first
 * (Partners, Engagement, Metrics). Apart from the whole summary (summary.ts), which the list's
 * first download does not need.
 */
import { valueOrNull as ok } from "../../../engine/error";
import { ratingAsOf } from "../../../engine/qbr/quarter";
import { type Quadrant, segment } from "../../../engine/segment/quadrant";
import { type Tier, tier } from "../../../engine/tier";
import type { PartnerData, PartnerRecord } from "../../workbook/records";

/** What the partner list shows of a partner: from the Partners, Engagement and Metrics tables only. */
export interface ListSummary {
  partner: PartnerRecord;
  tier: Tier | null;
  /** The quarter of the rating `tier` comes from (the latest Engagement row); null when its period is not a quarter. */
  tierRated: string | null;
  segment: Quadrant | null;
}

/** A partner's tier and segment, as the partner list shows them. */
export function summariseForList(data: PartnerData, partner: PartnerRecord): ListSummary {
  // The latest rating by quarter, as the QBR and the portfolio read it (a row without a quarter only when no row has one).
  const rows = data.engagementOf(partner.id);
  const rated = ratingAsOf(rows);
  const engagement = rated?.row ?? rows.at(-1);
  const metrics = data.metricsOf(partner.id)[0];
  return {
    partner,
    tier: engagement ? ok(tier(engagement.answers, engagement.opportunities ?? 0, {}, engagement.prospect)) : null,
    tierRated: rated?.quarter ?? null,
    segment: metrics ? ok(segment(metrics.potential, metrics.performance)) : null,
  };
}

/** Every partner's tier and segment, in the Partners table's order. */
export function summariseListAll(data: PartnerData): ListSummary[] {
  return data.partners.map((p) => summariseForList(data, p));
}

