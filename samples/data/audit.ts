/** Performance audits of the sample partners: the last two quarters for most, one for new partners. */
import { AUDIT_AREAS, AUDIT_SCALE_MAX } from "../../engine/audit";
import type { Random } from "../../engine/random";
import type { Partner } from "./partners";

export interface AuditRow {
  partnerId: string;
  area: string;
  criterion: string;
  rating: number | null;
  date: Date;
  note: string;
}

export const AUDIT_DATES = [new Date(Date.UTC(2026, 5, 30)), new Date(Date.UTC(2026, 8, 30))];

const clampRating = (x: number) => Math.min(AUDIT_SCALE_MAX, Math.max(1, Math.round(x)));

export function sampleAudits(random: Random, partners: readonly Partner[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const dates = partner.status === "Onboarding" ? AUDIT_DATES.slice(1) : AUDIT_DATES;
    // Partners improve (or slip) between audits.
    const drift = random.normal() * 0.35;
    dates.forEach((date, round) => {
      for (const area of AUDIT_AREAS) {
        const areaBias = random.normal() * 0.5;
        for (const criterion of area.criteria) {
          const unrated = random.next() < 0.06;
          const level = 3 + 1.1 * partner.quality + areaBias + drift * round + random.normal() * 0.7;
          rows.push({
            partnerId: partner.id,
            area: area.name,
            criterion: criterion.label,
            rating: unrated ? null : clampRating(level),
            date,
            note: unrated ? "Not assessed yet" : "",
          });
        }
      }
    });
  }
  return rows;
}
