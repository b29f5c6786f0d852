/** Life-stage scorecards of the sample partners: stages passed in order, capabilities built with strength. */
import type { Random } from "../../engine/random";
import { STAGES } from "../../engine/scorecard";
import { AS_OF, type Partner } from "./partners";
import { happens, score0to100, strength } from "./shape";

export interface ScorecardRow {
  partnerId: string;
  category: string;
  topic: string;
  score: number | null;
  target: number;
  weight: number;
  date: Date;
}

/** Scorecard topics by category: the four life stages, then the three capabilities. */
export const SCORECARD_TOPICS: readonly { category: string; topics: readonly [string, string]; target: number }[] = [
  { category: "Fit", topics: ["Strategic alignment", "Target segment overlap"], target: 70 },
  { category: "Onboarding", topics: ["Contract and portal set up", "Onboarding training completed"], target: 70 },
  { category: "Activation", topics: ["First deal registered", "Joint marketing launched"], target: 70 },
  { category: "Enablement", topics: ["Sales certification", "Technical certification"], target: 70 },
  { category: "Sales", topics: ["Pipeline management", "Deal registration discipline"], target: 75 },
  { category: "Marketing", topics: ["Campaign execution", "Lead follow-up"], target: 75 },
  { category: "Technical", topics: ["Solution architects", "Support readiness"], target: 75 },
];

export function sampleScorecards(random: Random, partners: readonly Partner[]): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const s = strength(partner);
    // How far along the life stages the partner has come: onboarding partners are early on.
    const progress = partner.status === "Onboarding" ? 1 + random.int(2) : 2 + s + random.normal() * 0.6;
    for (const { category, topics, target } of SCORECARD_TOPICS) {
      const stageIndex = (STAGES as readonly string[]).indexOf(category);
      const base = stageIndex >= 0 ? 88 - 18 * Math.max(0, stageIndex - progress) : 62 + 14 * s;
      topics.forEach((topic, i) => {
        // Now and then the second topic of a category has not been assessed yet (never both).
        const assessed = i === 0 || !happens(random, 0.08);
        rows.push({
          partnerId: partner.id,
          category,
          topic,
          score: assessed ? score0to100(base + 9 * random.normal()) : null,
          target,
          weight: i === 0 ? 2 : 1,
          date: AS_OF,
        });
      });
    }
  }
  return rows;
}
