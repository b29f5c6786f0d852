/**
 * The activities of the sample partners' FY2026 joint business plans, chosen from the plan library
 * as the Plan builder suggests them: goals for the partner's type, activities that suit its life
 * stage and tier (computed from its Scorecard and Engagement rows as the task pane does). Budgets,
 * the partner's share of them, expected results and, for what has run by 30 September, actuals.
 */
import { isEngineError } from "../../engine/error";
import type { Random } from "../../engine/random";
import { STAGES, stage } from "../../engine/scorecard";
import { tier } from "../../engine/tier";
import type { EngagementRow } from "./engagement";
import { LIBRARY, type LibraryActivity, type LibraryGoal } from "./library";
import { AS_OF, type Partner, pick } from "./partners";
import { PLAN_PERIOD } from "./plan";
import type { ScorecardRow } from "./scorecard";
import { DAY_MS, addDays, clamp, happens, strength } from "./shape";

export type ActivityStatus = "Planned" | "In progress" | "Done" | "Cancelled";

export interface PlanActivityRow {
  partnerId: string;
  period: string;
  goalId: string;
  activityId: string;
  owner: string;
  start: Date;
  end: Date;
  budget: number | null;
  partnerShare: number | null;
  expected: number | null;
  actual: number | null;
  status: ActivityStatus;
  /** The fund request that pays for it, when there is one (set by the fund requests' generator). */
  requestId: string | null;
}

/** A partner's life stage and tier as the task pane computes them from its rows. */
export interface Standing {
  stage: string;
  tier: string;
}

/** Each partner's life stage (PARTNER.STAGE of its stage averages) and tier (PARTNER.TIER of its last Engagement row). */
export function sampleStandings(partners: readonly Partner[], engagement: readonly EngagementRow[], scorecards: readonly ScorecardRow[]): Map<string, Standing> {
  const sums = new Map<string, number[]>();
  const counts = new Map<string, number[]>();
  for (const row of scorecards) {
    const i = (STAGES as readonly string[]).indexOf(row.category);
    if (i < 0 || row.score === null) continue;
    if (!sums.has(row.partnerId)) {
      sums.set(row.partnerId, STAGES.map(() => 0));
      counts.set(row.partnerId, STAGES.map(() => 0));
    }
    sums.get(row.partnerId)![i] += row.score;
    counts.get(row.partnerId)![i]++;
  }
  const last = new Map<string, EngagementRow>();
  for (const row of engagement) last.set(row.partnerId, row);
  const standings = new Map<string, Standing>();
  for (const partner of partners) {
    const s = sums.get(partner.id);
    const n = counts.get(partner.id);
    const averages = STAGES.map((_, i) => (s && n![i] ? s[i] / n![i] : null));
    const e = last.get(partner.id);
    const lifeStage = stage(averages);
    const rated = e ? tier(e.answers, e.opportunities, {}, e.prospect) : "Target";
    standings.set(partner.id, { stage: isEngineError(lifeStage) ? "Fit" : lifeStage, tier: isEngineError(rated) ? "Target" : rated });
  }
  return standings;
}

/** How big a partner's business is against a typical reseller's (as the Plan table's targets scale). */
export const SIZE: Record<string, number> = {
  Distributor: 2.2,
  "System integrator": 1.4,
  "Managed service provider": 1.2,
  Reseller: 1,
  "ISV alliance": 0.9,
  "Referral partner": 0.5,
};
export const partnerSize = (partner: Partner): number =>
  clamp((SIZE[partner.type] ?? 1) * (1 + 0.3 * partner.quality) * (partner.status === "Onboarding" ? 0.6 : 1), 0.3, 3);

const suits = (activity: LibraryActivity, standing: Standing) =>
  (!activity.stages.length || (activity.stages as readonly string[]).includes(standing.stage)) &&
  (!activity.tiers.length || (activity.tiers as readonly string[]).includes(standing.tier));

const forType = (goal: LibraryGoal, partner: Partner) => !goal.types || goal.types.includes(partner.type);

const round = (x: number, step: number) => Math.round(x / step) * step;

/** How likely an active partner of each tier is to have a joint plan. */
const PLANNING: Record<string, number> = { MVP: 0.95, MGP: 0.95, STP: 0.8, BZ: 0.45 };

/** How often a goal is chosen: by how much of it suits the partner, MDF-funded activities counting double; leadership goals seldom. */
const goalWeight = ({ goal, activities }: { goal: LibraryGoal; activities: readonly LibraryActivity[] }) =>
  goal.id === "G14" ? 0.5 : activities.reduce((w, a) => w + (a.mdf ? 2 : 1), 0);

/** An index drawn with probability proportional to its weight. */
function weightedIndex(random: Random, weights: readonly number[]): number {
  let u = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  return weights.length - 1;
}

const QUARTERS = [0, 3, 6, 9].map((month) => new Date(Date.UTC(2026, month, 1)));
const YEAR_END = new Date(Date.UTC(2026, 11, 31));

/** The partner's contact who runs its side of the plan (marketing or alliance manager). */
const FIRST = ["Alex", "Bianca", "Carlos", "Dana", "Emre", "Fatima", "Georg", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nora", "Oscar", "Petra", "Ravi", "Sara", "Tom", "Yuki"];
const LAST = ["Andersen", "Baker", "Costa", "Dumont", "Eriksen", "Fischer", "Gupta", "Hughes", "Ito", "Jansen", "Kowalski", "Laurent", "Moreno", "Ng", "Okafor", "Peeters", "Rao", "Schmidt"];
export const contactName = (random: Random): string => `${pick(random, FIRST)} ${pick(random, LAST)}`;

/**
 * Plan activities for most active partners and about half of those still onboarding. Returns the
 * rows and each planning partner's contact (who submits its fund requests).
 */
export function samplePlanActivities(
  random: Random,
  partners: readonly Partner[],
  standings: ReadonlyMap<string, Standing>,
): { rows: PlanActivityRow[]; contacts: Map<string, string> } {
  const rows: PlanActivityRow[] = [];
  const contacts = new Map<string, string>();
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const standing = standings.get(partner.id)!;
    // Engaged partners plan with us; those below zero seldom do.
    if (!happens(random, partner.status === "Onboarding" ? 0.55 : (PLANNING[standing.tier] ?? 0.5))) continue;
    const goals = LIBRARY.filter((g) => forType(g, partner))
      .map((goal) => ({ goal, activities: goal.activities.filter((a) => suits(a, standing)) }))
      .filter((g) => g.activities.length);
    if (!goals.length) continue;
    const contact = contactName(random);
    contacts.set(partner.id, contact);
    const s = strength(partner);
    const size = partnerSize(partner);
    // Better partners deliver more of what they plan, and drop fewer activities.
    const delivery = clamp(0.85 + 0.25 * s + 0.15 * random.normal(), 0.2, 1.8);
    const earliest = partner.signedDate && partner.signedDate.getTime() > QUARTERS[0].getTime() ? partner.signedDate : QUARTERS[0];
    const planned: PlanActivityRow[] = [];
    const goalCount = Math.min(goals.length, 2 + random.int(3));
    for (let g = 0; g < goalCount; g++) {
      const { goal, activities } = goals.splice(weightedIndex(random, goals.map(goalWeight)), 1)[0];
      const open = [...activities];
      const count = Math.min(open.length, 1 + random.int(2));
      for (let a = 0; a < count; a++) {
        const activity = open.splice(weightedIndex(random, open.map((x) => (x.mdf ? 2 : 1))), 1)[0];
        // A quarter of the year, from the partner's signing on.
        const quarters = QUARTERS.filter((_, i) => (QUARTERS[i + 1] ?? YEAR_END).getTime() > earliest.getTime());
        const quarter = pick(random, quarters);
        const from = Math.max(quarter.getTime(), earliest.getTime());
        const start = addDays(new Date(from), random.int(45));
        const end = new Date(Math.min(addDays(start, 1 + random.int(60)).getTime(), YEAR_END.getTime()));
        const budget = activity.cost > 0 ? Math.max(500, round(activity.cost * size * (0.8 + 0.4 * random.next()), 500)) : null;
        // MDF-eligible activities are co-funded (most often half and half); others the partner pays, or we do.
        const partnerShare =
          budget === null ? null : activity.mdf ? pick(random, [0.5, 0.5, 0.5, 0.5, 0.3, 0.25, 0]) : happens(random, 0.7) ? 1 : 0;
        const step = activity.unit === "amount" ? 5_000 : 1;
        const expected = activity.result === null ? null : Math.max(step, round(activity.result * size * (0.8 + 0.5 * random.next()), step));
        const started = start.getTime() <= AS_OF.getTime();
        const ended = end.getTime() < AS_OF.getTime();
        let status: ActivityStatus = !started ? "Planned" : !ended ? "In progress" : "Done";
        if (ended && !happens(random, 0.5 + 0.5 * clamp(0.8 + 0.3 * s, 0, 1))) status = happens(random, 0.5) ? "Cancelled" : "In progress";
        let actual: number | null = null;
        if (expected !== null && (status === "Done" || status === "In progress")) {
          const elapsed = status === "Done" ? 1 : clamp((AS_OF.getTime() - start.getTime()) / Math.max(DAY_MS, end.getTime() - start.getTime()), 0.1, 0.9);
          actual = Math.max(0, round(expected * elapsed * delivery * (1 + 0.2 * random.normal()), step));
        } else if (status === "Cancelled" && expected !== null) actual = 0;
        planned.push({
          partnerId: partner.id,
          period: PLAN_PERIOD,
          goalId: goal.id,
          activityId: activity.id,
          owner: goal.category === "Marketing" || happens(random, 0.4) ? contact : partner.channelManager,
          start,
          end,
          budget,
          partnerShare,
          expected,
          actual,
          status,
          requestId: null,
        });
      }
    }
    // A partner's activities in the order they start, as a plan is read.
    rows.push(...planned.sort((a, b) => a.start.getTime() - b.start.getTime()));
  }
  return { rows, contacts };
}
