/**
 * What the short labels on the task pane's badges mean, in words: the tiers (seed 004), the
 * potential segments and the life stages (seed 003), as the engine defines them.
 */
import { DEFAULT_PASS_MARK, ESTABLISHED, STAGES } from "../../../engine/scorecard";
import { QUADRANTS } from "../../../engine/segment/quadrant";
import { TIERS } from "../../../engine/tier";

/** Seed 004's characteristics of each tier, in a sentence. */
const TIER_MEANINGS: Record<string, string> = {
  MVP: "engages fully, advises and refers new partners, and brings many opportunities; the goal is one partner in five",
  MGP: "opts in, meets, gives access and visibility, and brings a steady number of opportunities; nurture them into MVPs",
  STP: "opts in and talks by phone or online, but brings opportunities only now and then",
  BZ: "does not engage or bring opportunities; not worth the time it takes",
  Target: "a prospect with no relationship yet, worth starting one",
};

export interface Term {
  id: string;
  /** The label spelt out (MVP → Most Valuable Partner). */
  name: string;
  meaning: string;
}

export const TIER_TERMS: readonly Term[] = TIERS.map((t) => ({ id: t.id, name: t.name, meaning: TIER_MEANINGS[t.id] }));

export const SEGMENT_TERMS: readonly Term[] = QUADRANTS.map((q) => ({ id: q.id, name: q.id, meaning: q.meaning }));

/** Each stage in words: the stages before it passed, its own score below the pass mark (PARTNER.STAGE's rule). */
export const STAGE_TERMS: readonly Term[] = [
  ...STAGES.map((s, i) => ({
    id: s,
    name: s,
    meaning: `${i ? `passed ${STAGES.slice(0, i).join(", ")}; ` : ""}its ${s} score is below the pass mark of ${DEFAULT_PASS_MARK}, so ${s.toLowerCase()} is what to work on now`,
  })),
  { id: ESTABLISHED, name: ESTABLISHED, meaning: `passed all four stages (${STAGES.join(", ")}) with ${DEFAULT_PASS_MARK} or more` },
];

/** "MVP: Most Valuable Partner — engages fully, …", for a tooltip; undefined for a label it does not know. */
export function describeTier(id: string | null | undefined): string | undefined {
  const term = TIER_TERMS.find((t) => t.id === id);
  return term && `Tier ${term.id}: ${term.name} — ${term.meaning}.`;
}

export function describeSegment(id: string | null | undefined): string | undefined {
  const term = SEGMENT_TERMS.find((t) => t.id === id);
  return term && `Segment ${term.id}: ${term.meaning} (potential and performance, each on 1–100, cut at 50).`;
}

export function describeStage(id: string | null | undefined): string | undefined {
  const term = STAGE_TERMS.find((t) => t.id === id);
  return term && `Life stage ${term.id}: ${term.meaning} (from the latest scorecard).`;
}
