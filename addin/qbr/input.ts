/** A partner's QBR input gathered from the workbook's records. */
import { winRate } from "../../engine/funnel";
import { valueOrNull } from "../../engine/error";
import { todaySerial } from "../../engine/excel/date";
import { quarterOf } from "../../engine/plan";
import { type QbrInput, type QbrKpiNetwork, quarterBounds } from "../../engine/qbr";
import { assumptionLines, mergedAssumptions } from "../taskpane/model/assumptions";
import { networkOf } from "../taskpane/model/builder";
import { summarise } from "../taskpane/model/summary";
import type { PartnerData } from "../workbook/records";

/** Each partner's win rate in the quarter (partners with decided deals only). */
export function networkWinRates(data: PartnerData, quarter: string): Map<string, number> {
  const { start, end } = quarterBounds(quarter);
  const counts = new Map<string, { won: number; lost: number }>();
  for (const d of data.deals) {
    if (d.closed === null || d.closed < start || d.closed > end) continue;
    const outcome = d.outcome?.toLowerCase();
    if (outcome !== "won" && outcome !== "lost") continue;
    const key = d.partnerId.toLowerCase();
    const c = counts.get(key) ?? { won: 0, lost: 0 };
    c[outcome]++;
    counts.set(key, c);
  }
  const rates = new Map<string, number>();
  for (const [id, c] of counts) {
    const rate = valueOrNull(winRate(c.won, c.lost));
    if (rate !== null) rates.set(id, rate);
  }
  return rates;
}

/**
 * What every partner's review reads of the whole network, kept per PartnerData (records never change
 * in place; a save makes new ones): building every partner's QBR reads it once, not once a partner.
 */
const networkCache = new WeakMap<PartnerData, { winRates: Map<string, Map<string, number>>; tiers: Map<string, string | null> }>();
function networkOfData(data: PartnerData) {
  let cached = networkCache.get(data);
  if (!cached) networkCache.set(data, (cached = { winRates: new Map(), tiers: new Map() }));
  return cached;
}

export function qbrInput(data: PartnerData, partnerId: string, quarter: string, today: number = todaySerial()): QbrInput {
  const partner = data.partner(partnerId);
  if (!partner) throw new Error(`no partner ${partnerId}`);
  const q = quarterOf(quarter) ?? quarter;
  const assumptions = mergedAssumptions(assumptionLines(data, partner.id)).rows;
  const cache = networkOfData(data);
  if (!cache.winRates.has(q)) cache.winRates.set(q, networkWinRates(data, q));
  const rates = new Map(cache.winRates.get(q));
  rates.delete(partner.id.toLowerCase());
  const metrics = data.metricsOf(partner.id)[0];
  return {
    partner,
    quarter: q,
    audits: data.auditsOf(partner.id),
    scorecards: data.scorecardsOf(partner.id),
    engagement: data.engagementOf(partner.id),
    metrics: metrics ? { potential: metrics.potential, performance: metrics.performance } : null,
    plans: data.plansOf(partner.id),
    tasks: data.tasksOf(partner.id),
    asOf: today,
    deals: data.dealsOf(partner.id),
    networkWinRates: [...rates.values()],
    approvals: data.approvalsOf(partner.id),
    assumptions: assumptions.length ? assumptions : null,
    planActivities: data.planActivitiesOf(partner.id).map((a) => {
      const library = data.libraryActivity(a.activityId);
      return { ...a, activity: library?.activity ?? null, goal: library?.goal ?? null };
    }),
    funds: data.fundsOf(partner.id),
    fundRequests: data.fundRequestsOf(partner.id),
    networks: kpiNetworks(data, partner.id),
    ...accountRows(data, partner.id),
  };
}

/**
 * What other partners reached on each of the partner's plan KPIs, as the Plan builder measures a
 * target: partners of its tier when enough of them have a figure, else the whole network.
 */
function kpiNetworks(data: PartnerData, partnerId: string): QbrKpiNetwork[] {
  const kpis = [...new Map(data.plansOf(partnerId).map((p) => [p.kpi.trim().toLowerCase(), p.kpi])).values()];
  if (!kpis.length) return [];
  const { tiers } = networkOfData(data);
  const tierOf = (id: string) => {
    const key = id.toLowerCase();
    if (!tiers.has(key)) {
      const partner = data.partner(id);
      tiers.set(key, partner ? summarise(data, partner).tier : null);
    }
    return tiers.get(key) ?? null;
  };
  const own = tierOf(partnerId);
  return kpis.map((kpi) => {
    const network = networkOf(data, partnerId, kpi, tierOf, own);
    return { kpi, reached: [...network.reached], who: network.who };
  });
}

/** The partner's AccountPlans rows and the accounts they and its deals name. */
function accountRows(data: PartnerData, partnerId: string): Pick<QbrInput, "accounts" | "accountPlans"> {
  const accountPlans = data.accountPlansOf(partnerId);
  const ids = new Set([...data.dealsOf(partnerId).map((d) => d.accountId), ...accountPlans.map((p) => p.accountId)].filter((id): id is string => !!id).map((id) => id.toLowerCase()));
  const accounts = [...ids].flatMap((id) => {
    const a = data.account(id);
    return a ? [{ accountId: a.accountId, name: a.name, region: a.region, status: a.status }] : [];
  });
  return { accounts, accountPlans };
}
