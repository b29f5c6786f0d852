/**
 * What the task pane shows about each partner at a glance — tier, segment, audit score, life stage
 * and plan status — computed with the engine from the workbook's records. No model lives here:
 * this only picks each partner's current rows and hands them to the engine.
 */
import { AREA_ORDER, AUDIT_AREAS, auditAreas } from "../../../engine/audit";
import { valueOrNull } from "../../../engine/error";
import { lowerCase } from "../../../engine/memo";
import { type PlanStatus, planAttainment, planStatus as planStatusOf } from "../../../engine/plan";
import { ESTABLISHED, type Stage, stage } from "../../../engine/scorecard";
import type { AuditRecord, PartnerData, PartnerRecord } from "../../workbook/records";
import { type ListSummary, summariseForList } from "./list-summary";
import { latestPlan } from "./latest-plan";
import { latestScorecard, stageScores } from "./scorecard";

export interface PartnerSummary extends ListSummary {
  /** Overall score of the latest audit, 0–100. */
  audit: number | null;
  auditDate: number | null;
  stage: Stage | typeof ESTABLISHED | null;
  /** Status of the latest plan period (all KPIs, weighted, each up to its target), with its attainment. */
  plan: { period: string; status: PlanStatus; attainment: number } | null;
}

const ok = valueOrNull;

export { LIST_TABLES } from "./summary-tables";
export { type ListSummary, summariseForList, summariseListAll } from "./list-summary";
export { latestPlan } from "./latest-plan";

/** The ratings of the latest audit, by area in AREA_ORDER (criteria in the form's order). */
export function latestAudit(audits: readonly AuditRecord[]): { date: number | null; ratings: (number | null)[][] } | null {
  if (!audits.length) return null;
  const date = audits.reduce<number | null>((d, a) => (a.date !== null && (d === null || a.date > d) ? a.date : d), null);
  // The first row of each criterion on that date (names in any case), by area then criterion.
  const current = new Map<string, Map<string, AuditRecord>>();
  for (const a of audits) {
    if (a.date !== date) continue;
    const area = lowerCase(a.area);
    let criteria = current.get(area);
    if (!criteria) current.set(area, (criteria = new Map()));
    const criterion = lowerCase(a.criterion);
    if (!criteria.has(criterion)) criteria.set(criterion, a);
  }
  const ratings = CRITERION_KEYS.map(([area, criteria]) => criteria.map((criterion) => current.get(area)?.get(criterion)?.rating ?? null));
  return { date, ratings };
}

const CRITERION_KEYS = AUDIT_AREAS.map((area) => [area.name.toLowerCase(), area.criteria.map((c) => c.label.toLowerCase())] as const);


export function summarise(data: PartnerData, partner: PartnerRecord): PartnerSummary {
  const audit = latestAudit(data.auditsOf(partner.id));
  const areas = audit ? ok(auditAreas(Object.fromEntries(AREA_ORDER.map((id, i) => [id, audit.ratings[i]])) as never)) : null;

  // The latest assessment of each topic, as the Scorecard tab shows it.
  const cards = latestScorecard(data.scorecardsOf(partner.id));

  const plan = latestPlan(data.plansOf(partner.id));
  let planStatus: PartnerSummary["plan"] = null;
  if (plan) {
    const attained = ok(planAttainment(plan.rows));
    const s = ok(planStatusOf(plan.rows));
    if (s && attained !== null) planStatus = { period: plan.period, status: s, attainment: attained };
  }

  return {
    ...summariseForList(data, partner),
    audit: areas?.overall ?? null,
    auditDate: audit?.date ?? null,
    stage: cards.length ? ok(stage(stageScores(cards))) : null,
    plan: planStatus,
  };
}

/** Every partner's summary, in the Partners table's order. */
export function summariseAll(data: PartnerData): PartnerSummary[] {
  return data.partners.map((p) => summarise(data, p));
}
