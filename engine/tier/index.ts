/**
 * Partner rating: MVP, MGP, STP, BZ or Target from how a partner engages and how many
 * opportunities it brings, and the tier mix of a network against the goal of 20% MVPs.
 */
import { fail, guard } from "../error";
import { messages, where } from "../messages";

export type Tier = "MVP" | "MGP" | "STP" | "BZ" | "Target";

export const TIERS: readonly { readonly id: Tier; readonly name: string }[] = [
  { id: "MVP", name: "Most Valuable Partner" },
  { id: "MGP", name: "Most Growable Partner" },
  { id: "STP", name: "Second Tier Partner" },
  { id: "BZ", name: "Below Zero" },
  { id: "Target", name: "Target (prospect)" },
];

export type EngagementId =
  | "optIn"
  | "meets"
  | "access"
  | "visible"
  | "advises"
  | "suggests"
  | "refersPartners"
  | "online";

/** The eight engagement questions, in the order of PARTNER.TIER's `engagement` row and of the Engagement table. */
export const ENGAGEMENT: readonly { readonly id: EngagementId; readonly label: string }[] = [
  { id: "optIn", label: "Opts in to our communications" },
  { id: "meets", label: "Meets with us periodically (online and in person)" },
  { id: "access", label: "Lets us speak with others in the firm" },
  { id: "visible", label: "Makes us visible in their facilities (online and offline)" },
  { id: "advises", label: "Tells us what we need to do to succeed" },
  { id: "suggests", label: "Suggests improvements to our business" },
  { id: "refersPartners", label: "Refers us to new potential MGPs" },
  { id: "online", label: "Will speak with us by phone or online" },
];

/** Seed 004's goal: one partner in five should be an MVP. */
export const MVP_GOAL = 0.2;
export const DEFAULT_MIN_OPPORTUNITIES = 3;
export const DEFAULT_HIGH_OPPORTUNITIES = 10;

export interface TierRules {
  /** Opportunities an MGP refers or closes at least (default 3). */
  minOpportunities?: number | null;
  /** Opportunities an MVP refers or closes at least (default 10, and never below the minimum). */
  highOpportunities?: number | null;
}

const index = Object.fromEntries(ENGAGEMENT.map((e, i) => [e.id, i])) as Record<EngagementId, number>;

/** The opportunity thresholds of `rules`, checked, and the checked engagement row. */
function thresholds(engagement: readonly boolean[], opportunities: number, rules: TierRules): { min: number; high: number } {
  if (engagement.length !== ENGAGEMENT.length) {
    fail("#VALUE!", messages.wrongCount("engagement", ENGAGEMENT.length, engagement.length, "TRUE/FALSE value"));
  }
  if (!Number.isFinite(opportunities)) fail("#VALUE!", messages.notNumber("opportunities", opportunities));
  if (opportunities < 0) fail("#VALUE!", messages.negative("opportunities", opportunities));
  const min = rules.minOpportunities ?? DEFAULT_MIN_OPPORTUNITIES;
  if (!Number.isFinite(min)) fail("#VALUE!", messages.notNumber("min_opportunities", min));
  if (min < 1) fail("#VALUE!", messages.belowMin("min_opportunities", min, 1));
  const high = rules.highOpportunities ?? Math.max(DEFAULT_HIGH_OPPORTUNITIES, min);
  if (!Number.isFinite(high)) fail("#VALUE!", messages.notNumber("high_opportunities", high));
  if (high < min) fail("#VALUE!", messages.highBelowMin(high, min));
  return { min, high };
}

/** A condition of a tier, and whether the partner meets it. */
interface Condition extends TierCondition {
  readonly met: boolean;
}

type PartnerTier = "MVP" | "MGP" | "STP";

/**
 * What each partner tier asks, in seed 004's order: engagement answers, then a number of
 * opportunities (one, the minimum or the high number). MVP's include MGP's ("all of the MGP
 * characteristics plus"); its high number is never below the minimum.
 */
const REQUIRED: Record<PartnerTier, { readonly answers: readonly EngagementId[]; readonly opportunities: "one" | "min" | "high" }> = {
  STP: { answers: ["optIn", "online"], opportunities: "one" },
  MGP: { answers: ["optIn", "meets", "access", "visible"], opportunities: "min" },
  MVP: { answers: ["optIn", "meets", "access", "visible", "advises", "suggests", "refersPartners"], opportunities: "high" },
};
const ANSWERS: Record<PartnerTier, readonly number[]> = {
  STP: REQUIRED.STP.answers.map((id) => index[id]),
  MGP: REQUIRED.MGP.answers.map((id) => index[id]),
  MVP: REQUIRED.MVP.answers.map((id) => index[id]),
};
const needed = (target: PartnerTier, min: number, high: number) => (REQUIRED[target].opportunities === "one" ? 1 : REQUIRED[target].opportunities === "min" ? min : high);

/** Whether a partner meets every condition of `target` (what `conditionsOf` lists, without its words). */
function meets(target: PartnerTier, engagement: readonly boolean[], opportunities: number, min: number, high: number): boolean {
  for (const i of ANSWERS[target]) if (!engagement[i]) return false;
  return opportunities >= needed(target, min, high);
}

/** The conditions of `target` in seed 004's words, and whether the partner meets each. */
function conditionsOf(target: PartnerTier, engagement: readonly boolean[], opportunities: number, min: number, high: number): Condition[] {
  const answers = REQUIRED[target].answers.map((id): Condition => ({ id, label: ENGAGEMENT[index[id]].label, met: engagement[index[id]] }));
  const count = needed(target, min, high);
  const how = target === "STP" ? "Refers or closes" : "Consistently refers or closes";
  return [
    ...answers,
    {
      id: "opportunities",
      label: `${how} at least ${count} sales ${count === 1 ? "opportunity" : "opportunities"} (now ${opportunities})`,
      needed: count,
      met: opportunities >= count,
    },
  ];
}

function rate(engagement: readonly boolean[], opportunities: number, rules: TierRules, prospect: boolean): { tier: Tier; min: number; high: number } {
  const { min, high } = thresholds(engagement, opportunities, rules);
  if (prospect) return { tier: "Target", min, high };
  const is = (t: PartnerTier) => meets(t, engagement, opportunities, min, high);
  const tier: Tier = is("MVP") ? "MVP" : is("MGP") ? "MGP" : is("STP") ? "STP" : "BZ";
  return { tier, min, high };
}

/**
 * `PARTNER.TIER`: the first rule that matches wins — a prospect is a Target; a partner with the
 * MGP engagement (opts in, meets, gives access, makes us visible, at least the minimum of
 * opportunities) who also advises, suggests, refers MGPs and brings the high number of
 * opportunities is an MVP; otherwise an MGP; one that opts in, speaks online and brings at least
 * one opportunity is an STP; anyone else is BZ.
 */
export const tier = guard(
  (engagement: readonly boolean[], opportunities: number, rules: TierRules = {}, prospect: boolean = false): Tier =>
    rate(engagement, opportunities, rules, prospect).tier,
);

/** Something a partner must do to reach a tier, as seed 004 describes the tier. */
export interface TierCondition {
  /** The engagement question, `opportunities`, or `prospect` (a Target must first become a partner). */
  readonly id: EngagementId | "opportunities" | "prospect";
  readonly label: string;
  /** For `opportunities`: how many the tier needs. */
  readonly needed?: number;
}

export interface NextTier {
  readonly tier: Tier;
  /** The tier one step up (BZ → STP → MGP → MVP); `null` for an MVP. A Target's next tier is the one it would have as a partner. */
  readonly next: Tier | null;
  /** The conditions of `next` the partner does not meet yet, in the seed's order. */
  readonly missing: readonly TierCondition[];
}

/** The tiers from the bottom up. */
const LADDER: readonly Tier[] = ["BZ", "STP", "MGP", "MVP"];

/** Condition of a Target: the relationship has to start before any tier applies. */
export const PROSPECT_CONDITION: TierCondition = { id: "prospect", label: "Establish a 1to1 relationship (no longer a prospect)" };

/**
 * What a partner needs for the next tier up: its tier (as PARTNER.TIER gives it), the next tier
 * and the conditions of that tier it does not meet yet. Meeting every one of them reaches at
 * least the next tier. A Target's only condition is to become a partner, after which its
 * engagement rates it.
 */
export const nextTier = guard(
  (engagement: readonly boolean[], opportunities: number, rules: TierRules = {}, prospect: boolean = false): NextTier => {
    const { tier: current, min, high } = rate(engagement, opportunities, rules, prospect);
    if (current === "Target") return { tier: current, next: rate(engagement, opportunities, rules, false).tier, missing: [PROSPECT_CONDITION] };
    const next = LADDER[LADDER.indexOf(current) + 1] as PartnerTier | undefined;
    if (!next) return { tier: current, next: null, missing: [] };
    const missing = conditionsOf(next, engagement, opportunities, min, high)
      .filter((c) => !c.met)
      .map(({ met: _, ...condition }) => condition);
    return { tier: current, next, missing };
  },
);

/** The canonical tier for a label typed in any case, or `undefined`. */
export function parseTier(label: string): Tier | undefined {
  const word = label.trim().toLowerCase();
  return TIERS.find((t) => t.id.toLowerCase() === word)?.id;
}

export interface TierMix {
  /** Each tier in TIERS order with its share: partner tiers of the partners, Target of all rows; `null` when there is no partner. */
  readonly shares: readonly { readonly tier: Tier; readonly count: number; readonly share: number | null }[];
  /** MVP goal minus the MVP share of the partners (positive: MVPs missing); `null` when there is no partner. */
  readonly mvpGap: number | null;
  /** Rated partners (every non-blank label but Target). */
  readonly partners: number;
  readonly total: number;
}

/** The label of TIER.MIX's last row. */
export const MVP_GAP_LABEL = "MVP gap";

/** The mix as PARTNER.TIER.MIX spills it: each tier and its share, then the MVP gap (`null`: no partner). */
export function tierMixTable(mix: TierMix): (string | number | null)[][] {
  return [...mix.shares.map((s) => [s.tier, s.share]), [MVP_GAP_LABEL, mix.mvpGap]];
}

/**
 * `PARTNER.TIER.MIX`: the share of each tier. Targets are prospects, not partners: their share is
 * of every labelled row, and they are left out of the denominator of the partner tiers. Blank
 * labels (`null`) are ignored; an unknown label fails, naming its item.
 */
export const tierMix = guard((labels: readonly (string | null)[], name: string = "tiers"): TierMix => {
  const counts = new Map<Tier, number>(TIERS.map((t) => [t.id, 0]));
  let total = 0;
  labels.forEach((label, i) => {
    if (label === null) return;
    const found = parseTier(label);
    if (!found) fail("#VALUE!", messages.unknownOption(where(name, { item: i + 1 }), label, TIERS.map((t) => t.id)));
    counts.set(found, counts.get(found)! + 1);
    total++;
  });
  if (total === 0) fail("#N/A", messages.noTiers(name));
  const partners = total - counts.get("Target")!;
  const shares = TIERS.map(({ id }) => {
    const count = counts.get(id)!;
    const share = id === "Target" ? count / total : partners ? count / partners : null;
    return { tier: id, count, share };
  });
  const mvpShare = shares[0].share;
  return { shares, mvpGap: mvpShare === null ? null : MVP_GOAL - mvpShare, partners, total };
});
