/**
 * Plans by realism across the network: each partner's latest plan period, every KPI target placed
 * against what comparable partners reached — the same network and the same label the Plan builder
 * shows (`networkOf`, `realismOf`: the other partners' latest actual of the KPI, from partners of
 * the same tier when at least MIN_PEERS of them have one). Each KPI's network is sorted once; a
 * partner's own actual is left out of the counts around its target (`realismAround`), so that
 * 5,000 partners do not make 5,000 copies of it.
 */
import { type Around, countBelow, sortAscending } from "../../../engine/excel/statistical";
import { NO_HISTORY, REALISM_LEVELS, type RealismLevel, type TargetRealism, realismAround } from "../../../engine/plan/realism";
import { nameKey } from "../../../engine/memo";
import type { PartnerData } from "../../workbook/records";
import { MIN_PEERS } from "./builder";
import { latestPlans } from "./portfolio";

export const REALISM_COLUMNS = [...REALISM_LEVELS, NO_HISTORY] as const;
export type RealismColumn = (typeof REALISM_COLUMNS)[number];

export interface RealismRow {
  kpi: string;
  counts: Record<RealismColumn, number>;
  targets: number;
}

export interface PlacedTarget {
  partnerId: string;
  name: string;
  period: string;
  kpi: string;
  target: number;
  level: RealismLevel | null;
  label: string;
}

export interface PlansByRealism {
  /** Partners with a plan. */
  partners: number;
  /** Per KPI, most targets first. */
  byKpi: RealismRow[];
  total: RealismRow;
  /** Targets above everything the network reached, by KPI, then partner. */
  beyond: PlacedTarget[];
}

const NO_NETWORK = new Float64Array(0);
const NO_HISTORY_COLUMN = REALISM_COLUMNS.indexOf(NO_HISTORY);

/** How many values of `sorted` are at most `x` (binary search). */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The network around `x` (the engine's `Around`) as `sorted` gives it with one copy of `removed`
 * left out — a partner's own result — found by binary search, without copying the array. A
 * `removed` the array does not hold leaves it whole.
 */
export function aroundWithout(sorted: Float64Array, x: number, removed?: number): Around {
  const n = sorted.length;
  const below = countBelow(sorted, x);
  const above = countAtMost(sorted, x);
  const a = {
    x,
    n,
    below,
    equal: above - below,
    lower: below > 0 ? sorted[below - 1] : -Infinity,
    upper: above < n ? sorted[above] : Infinity,
    min: n ? sorted[0] : Infinity,
    max: n ? sorted[n - 1] : -Infinity,
  };
  if (removed === undefined) return a;
  const at = countBelow(sorted, removed);
  if (at >= n || sorted[at] !== removed) return a;
  a.n--;
  if (removed < x) {
    a.below--;
    // The largest value under x is now the one before it (another copy of it, if there is one).
    if (removed === a.lower) a.lower = below > 1 ? sorted[below - 2] : -Infinity;
  } else if (removed > x) {
    if (removed === a.upper) a.upper = above + 1 < n ? sorted[above + 1] : Infinity;
  } else a.equal--;
  if (removed === sorted[0]) a.min = n > 1 ? sorted[1] : Infinity;
  if (removed === sorted[n - 1]) a.max = n > 1 ? sorted[n - 2] : -Infinity;
  return a;
}

/** One KPI's network: each partner's latest actual, all of them sorted, and sorted per tier. */
interface KpiNetwork {
  latest: Map<string, number>;
  all: Float64Array;
  byTier: Map<string, Float64Array>;
}

function kpiNetworks(data: PartnerData, tierOf: (id: string) => string | null): Map<string, KpiNetwork> {
  const latest = new Map<string, Map<string, number>>();
  for (const row of data.plans) {
    if (row.actual === null || !Number.isFinite(row.actual)) continue;
    const kpi = nameKey(row.kpi);
    let m = latest.get(kpi);
    if (!m) latest.set(kpi, (m = new Map()));
    m.set(nameKey(row.partnerId), row.actual);
  }
  const networks = new Map<string, KpiNetwork>();
  for (const [kpi, m] of latest) {
    const tiers = new Map<string, number[]>();
    for (const [id, v] of m) {
      const tier = tierOf(id);
      if (!tier) continue;
      const list = tiers.get(nameKey(tier));
      if (list) list.push(v);
      else tiers.set(nameKey(tier), [v]);
    }
    networks.set(kpi, { latest: m, all: sortAscending([...m.values()]), byTier: new Map([...tiers].map(([t, v]) => [t, sortAscending(v)])) });
  }
  return networks;
}

/**
 * Every KPI target (above 0) of each partner's latest plan period by its realism level, per KPI
 * and in total, and the targets beyond the network. `tierOf` gives a partner's tier by id (in any
 * case), as the Plan builder reads it from the partner's summary.
 */
export function plansByRealism(data: PartnerData, tierOf: (id: string) => string | null): PlansByRealism {
  const networks = kpiNetworks(data, tierOf);
  const plans = latestPlans(data);
  // Counts by column (REALISM_COLUMNS' order) per KPI, as plain arrays in the loop: 18,000 targets of 5,000 partners.
  const rows = new Map<string, { kpi: string; counts: number[] }>();
  const total = REALISM_COLUMNS.map(() => 0);
  const beyond: PlacedTarget[] = [];
  for (const plan of plans) {
    const id = nameKey(plan.partner.id);
    const partnerTier = tierOf(plan.partner.id);
    const tier = partnerTier ? nameKey(partnerTier) : null;
    for (const r of plan.rows) {
      if (r.target === null || !Number.isFinite(r.target) || r.target <= 0) continue;
      const kpi = nameKey(r.kpi);
      const network = networks.get(kpi);
      let realism: TargetRealism;
      if (network) {
        const own = network.latest.get(id);
        const peers = tier ? network.byTier.get(tier) : undefined;
        const peerCount = peers ? peers.length - (own !== undefined ? 1 : 0) : 0;
        realism = realismAround(r.target, aroundWithout(peers && peerCount >= MIN_PEERS ? peers : network.all, r.target, own));
      } else realism = realismAround(r.target, aroundWithout(NO_NETWORK, r.target));
      const column = realism.level === null ? NO_HISTORY_COLUMN : REALISM_LEVELS.indexOf(realism.level);
      let row = rows.get(kpi);
      if (!row) rows.set(kpi, (row = { kpi: r.kpi.trim(), counts: REALISM_COLUMNS.map(() => 0) }));
      row.counts[column]++;
      total[column]++;
      if (realism.level === "Beyond the network") {
        beyond.push({ partnerId: plan.partner.id, name: plan.partner.name, period: plan.period, kpi: r.kpi.trim(), target: r.target, level: realism.level, label: realism.label });
      }
    }
  }
  const rowOf = (kpi: string, counts: readonly number[]): RealismRow => ({
    kpi,
    counts: Object.fromEntries(REALISM_COLUMNS.map((c, i) => [c, counts[i]])) as Record<RealismColumn, number>,
    targets: counts.reduce((a, b) => a + b, 0),
  });
  const byKpi = [...rows.values()].map((r) => rowOf(r.kpi, r.counts)).sort((a, b) => b.targets - a.targets || a.kpi.localeCompare(b.kpi));
  beyond.sort((a, b) => a.kpi.localeCompare(b.kpi) || a.name.localeCompare(b.name));
  return { partners: plans.length, byKpi, total: rowOf("All KPIs", total), beyond };
}
