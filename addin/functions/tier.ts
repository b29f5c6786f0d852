/* Partner rating: PARTNER.TIER, PARTNER.TIER.MIX. */
import { isEngineError } from "../../engine/error";
import { ENGAGEMENT, tier as tierModel, tierMix as tierMixModel, tierMixTable } from "../../engine/tier";
import { blankCells, excelFunction, read } from "./excel";

const TIER = excelFunction(
  {
    engagement: read.flags(ENGAGEMENT.length),
    opportunities: read.number({ default: 0 }),
    min_opportunities: read.optionalNumber({ zeroMeansOmitted: true }),
    high_opportunities: read.optionalNumber({ zeroMeansOmitted: true }),
    prospect: read.flag(false),
  },
  (a) =>
    tierModel(a.engagement, a.opportunities, { minOpportunities: a.min_opportunities, highOpportunities: a.high_opportunities }, a.prospect),
);

const TIER_MIX = excelFunction({ tiers: read.labels() }, (a) => {
  const mix = tierMixModel(a.tiers, "tiers");
  return isEngineError(mix) ? mix : blankCells(tierMixTable(mix));
});

/**
 * Rates a partner MVP, MGP, STP, BZ or Target from its engagement and the opportunities it brings. First match wins: prospect → Target; MGP engagement plus advises, suggests, refers MGPs and at least high_opportunities → MVP; opts in, meets, gives access, makes us visible and at least min_opportunities → MGP; opts in, speaks online and at least 1 opportunity → STP; otherwise BZ.
 * @customfunction TIER
 * @param engagement 8 TRUE/FALSE cells (blank = FALSE) in this order: opts in to communications; meets periodically; lets us speak with others in the firm; makes us visible in their facilities; tells us what we need to do to succeed; suggests improvements; refers new potential MGPs; will speak by phone/online.
 * @param opportunities Opportunities the partner referred or closed in the period (blank = 0).
 * @param [min_opportunities] Opportunities an MGP brings at least. Default 3 (blank or 0 = default).
 * @param [high_opportunities] Opportunities an MVP brings at least. Default 10, never below min_opportunities.
 * @param [prospect] TRUE for a prospect with no relationship yet (a Target). Default FALSE.
 * @returns MVP, MGP, STP, BZ or Target.
 */
export function tier(engagement: any[][], opportunities: any, min_opportunities?: any, high_opportunities?: any, prospect?: any): string {
  return TIER({ engagement, opportunities, min_opportunities, high_opportunities, prospect });
}

/**
 * Tier mix of a partner network: MVP, MGP, STP, BZ and Target with their shares, then the MVP gap to the goal of 20% MVPs. Partner tiers are shares of the partners (Targets left out); Target is a share of all labelled rows.
 * @customfunction TIER.MIX
 * @param tiers Tier labels (MVP, MGP, STP, BZ, Target, any case); blank cells are ignored.
 * @returns 6 rows of label and share: MVP, MGP, STP, BZ, Target, MVP gap.
 */
export function tierMix(tiers: any[][]): any[][] {
  return TIER_MIX({ tiers });
}
