/** How each sample partner engages (seed 004's eight questions) and the opportunities it brings. */
import type { Random } from "../../engine/random";
import { ENGAGEMENT, type EngagementId } from "../../engine/tier";
import type { Partner } from "./partners";
import { chance, happens, strength } from "./shape";

export interface EngagementRow {
  partnerId: string;
  period: string;
  answers: boolean[];
  opportunities: number;
  prospect: boolean;
}

export const ENGAGEMENT_PERIOD = "2026-Q3";
export const PREVIOUS_ENGAGEMENT_PERIOD = "2026-Q2";
const PREVIOUS_PERIOD_END = Date.UTC(2026, 5, 30);

/** How hard each behaviour is: the score a partner of average strength starts from. */
const EASE: Record<EngagementId, number> = {
  optIn: 1.6,
  meets: 0.7,
  access: 0.4,
  visible: 0.3,
  advises: -0.5,
  suggests: -0.7,
  refersPartners: -0.9,
  online: 1.3,
};

export function sampleEngagement(random: Random, partners: readonly Partner[]): EngagementRow[] {
  return partners.map((partner) => {
    const prospect = partner.status === "Prospect";
    const s = strength(partner);
    const answers = ENGAGEMENT.map(({ id }) =>
      prospect ? happens(random, id === "optIn" || id === "online" ? 0.35 : 0.05) : happens(random, chance(1.4 * (EASE[id] + 1.3 * s))),
    );
    const level = 1.6 + 0.9 * s + 0.5 * random.normal();
    const opportunities = prospect ? 0 : Math.max(0, Math.round(1.8 * level * Math.abs(level)));
    return { partnerId: partner.id, period: ENGAGEMENT_PERIOD, answers, opportunities, prospect };
  });
}

/**
 * The quarter before: a row for each partner signed by the end of 2026-Q2, mostly the same
 * behaviours as now, a little less engaged on the whole (a behaviour seen now was missing then more
 * often than the reverse) and with fewer opportunities, so that some partners move tier between the
 * two quarters, in both directions.
 */
export function sampleEngagementHistory(random: Random, partners: readonly Partner[], current: readonly EngagementRow[]): EngagementRow[] {
  const now = new Map(current.map((row) => [row.partnerId, row]));
  return partners.flatMap((partner) => {
    const row = now.get(partner.id);
    if (!row || row.prospect || !partner.signedDate || partner.signedDate.getTime() > PREVIOUS_PERIOD_END) return [];
    const answers = row.answers.map((seen) => (seen ? !happens(random, 0.18) : happens(random, 0.07)));
    const opportunities = Math.max(0, Math.round(row.opportunities * (0.55 + 0.55 * random.next())));
    return [{ partnerId: partner.id, period: PREVIOUS_ENGAGEMENT_PERIOD, answers, opportunities, prospect: false }];
  });
}
