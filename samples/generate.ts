/**
 * Writes samples/partners.xlsx, the sample partner workbook: the tables of SPEC section 3 filled
 * with a realistic, seeded (hence reproducible) partner network, and sheets whose cells use the
 * PARTNER.* functions on those tables. Cached results of every formula are computed with the
 * engine, so the workbook shows its numbers in any spreadsheet before the add-in recalculates.
 *
 * Run: npm run samples   (same seed → same workbook content)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { type Random, createRandom } from "../engine/random";
import { ENGAGEMENT } from "../engine/tier";
import { type ApprovalRow, sampleApprovals } from "./data/approvals";
import { type AuditRow, sampleAudits } from "./data/audit";
import { type DealRow, sampleDeals } from "./data/deals";
import { type EngagementRow, sampleEngagement } from "./data/engagement";
import { METRIC_COLUMNS, type MetricsRow, sampleMetrics } from "./data/metrics";
import { type Partner, samplePartners } from "./data/partners";
import { type PlanRow, samplePlans } from "./data/plan";
import { type ScorecardRow, sampleScorecards } from "./data/scorecard";
import { type TaskRow, sampleTasks } from "./data/tasks";
import { addAuditScoresSheet } from "./sheets/audit-scores";
import { addFunnelSheet } from "./sheets/funnel";
import { addApprovalsSheet, addPerformanceSheet, addTaskStatusSheet } from "./sheets/plan";
import { addActionPlansSheet, addStagesSheet } from "./sheets/scorecard";
import { addSegmentsSheet } from "./sheets/segments";
import { DATE_FORMAT, addTableSheet } from "./sheets/tables";
import { addTiersSheet } from "./sheets/tiers";

export const SAMPLE_SEED = 2026;
export const SAMPLE_PARTNERS = 240;
const here = fileURLToPath(import.meta.url);
export const SAMPLE_PATH = path.join(path.dirname(here), "partners.xlsx");

export interface SampleData {
  partners: Partner[];
  audits: AuditRow[];
  engagement: EngagementRow[];
  scorecards: ScorecardRow[];
  metrics: MetricsRow[];
  plans: PlanRow[];
  tasks: TaskRow[];
  deals: DealRow[];
  approvals: ApprovalRow[];
}

/** An independent random stream per table, so adding a table never changes the others. */
function stream(seed: number, table: string): Random {
  let h = seed >>> 0;
  for (const ch of table) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return createRandom(h);
}

export function sampleData(seed = SAMPLE_SEED): SampleData {
  const partners = samplePartners(stream(seed, "Partners"), SAMPLE_PARTNERS);
  const audits = sampleAudits(stream(seed, "Audit"), partners);
  return {
    partners,
    audits,
    engagement: sampleEngagement(stream(seed, "Engagement"), partners),
    scorecards: sampleScorecards(stream(seed, "Scorecard"), partners),
    metrics: sampleMetrics(stream(seed, "Metrics"), partners),
    plans: samplePlans(stream(seed, "Plan"), partners),
    tasks: sampleTasks(stream(seed, "Tasks"), partners),
    deals: sampleDeals(stream(seed, "Deals"), partners),
    approvals: sampleApprovals(stream(seed, "Approvals"), partners),
  };
}

export async function buildSampleWorkbook(data: SampleData = sampleData()): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PartnerFit";
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 9, 1));
  addTableSheet(
    workbook,
    "Partners",
    [
      { name: "PartnerId" },
      { name: "Name", width: 34 },
      { name: "Region" },
      { name: "Territory", width: 18 },
      { name: "ChannelManager", width: 18 },
      { name: "Type", width: 26 },
      { name: "Status" },
      { name: "SignedDate", numFmt: DATE_FORMAT },
    ],
    data.partners.map((p) => [p.id, p.name, p.region, p.territory, p.channelManager, p.type, p.status, p.signedDate]),
  );
  addTableSheet(
    workbook,
    "Audit",
    [
      { name: "PartnerId" },
      { name: "Area", width: 22 },
      { name: "Criterion", width: 50 },
      { name: "Rating" },
      { name: "Date", numFmt: DATE_FORMAT },
      { name: "Note", width: 20 },
    ],
    data.audits.map((a) => [a.partnerId, a.area, a.criterion, a.rating, a.date, a.note || null]),
  );
  addToolkitTables(workbook, data);
  addAuditScoresSheet(workbook, data);
  addTiersSheet(workbook, data);
  addStagesSheet(workbook, data);
  addActionPlansSheet(workbook, data);
  addSegmentsSheet(workbook, data);
  addPerformanceSheet(workbook, data);
  addTaskStatusSheet(workbook, data);
  addFunnelSheet(workbook, data);
  addApprovalsSheet(workbook, data);
  return workbook;
}

/** The tables of rating, scorecards, segmentation, plans, tasks, deals and approvals (SPEC section 3). */
function addToolkitTables(workbook: ExcelJS.Workbook, data: SampleData): void {
  const engagementColumns = ["OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online"];
  if (engagementColumns.length !== ENGAGEMENT.length) throw new Error("the Engagement table must have one column per engagement question");
  addTableSheet(
    workbook,
    "Engagement",
    [{ name: "PartnerId" }, ...engagementColumns.map((name) => ({ name })), { name: "Opportunities" }, { name: "Period" }, { name: "Prospect" }],
    data.engagement.map((e) => [e.partnerId, ...e.answers, e.opportunities, e.period, e.prospect]),
  );
  addTableSheet(
    workbook,
    "Scorecard",
    [
      { name: "PartnerId" },
      { name: "Category", width: 14 },
      { name: "Topic", width: 32 },
      { name: "Score" },
      { name: "Target" },
      { name: "Weight" },
      { name: "Date", numFmt: DATE_FORMAT },
    ],
    data.scorecards.map((s) => [s.partnerId, s.category, s.topic, s.score, s.target, s.weight, s.date]),
  );
  addTableSheet(
    workbook,
    "Metrics",
    [{ name: "PartnerId" }, ...METRIC_COLUMNS.map((name) => ({ name }))],
    data.metrics.map((m) => [m.partnerId, ...m.values]),
  );
  addTableSheet(
    workbook,
    "Plan",
    [{ name: "PartnerId" }, { name: "Period" }, { name: "KPI", width: 18 }, { name: "Target", numFmt: "#,##0" }, { name: "Actual", numFmt: "#,##0" }, { name: "Weight" }],
    data.plans.map((p) => [p.partnerId, p.period, p.kpi, p.target, p.actual, p.weight]),
  );
  addTableSheet(
    workbook,
    "Tasks",
    [{ name: "PartnerId" }, { name: "Task", width: 40 }, { name: "Due", numFmt: DATE_FORMAT }, { name: "Owner", width: 18 }, { name: "Done", numFmt: DATE_FORMAT }],
    data.tasks.map((t) => [t.partnerId, t.task, t.due, t.owner, t.done]),
  );
  addTableSheet(
    workbook,
    "Deals",
    [
      { name: "PartnerId" },
      { name: "DealId" },
      { name: "Stage", width: 14 },
      { name: "Amount", numFmt: "#,##0" },
      { name: "Outcome" },
      { name: "Opened", numFmt: DATE_FORMAT },
      { name: "Closed", numFmt: DATE_FORMAT },
    ],
    data.deals.map((d) => [d.partnerId, d.dealId, d.stage, d.amount, d.outcome, d.opened, d.closed]),
  );
  const day = (at: string | undefined) => (at ? new Date(`${at.slice(0, 10)}T00:00:00Z`) : null);
  addTableSheet(
    workbook,
    "Approvals",
    [
      { name: "PartnerId" },
      { name: "Period" },
      { name: "State" },
      { name: "AcceptedBy", width: 18 },
      { name: "AcceptedOn", numFmt: DATE_FORMAT },
      { name: "ApprovedBy", width: 18 },
      { name: "ApprovedOn", numFmt: DATE_FORMAT },
      { name: "Comment", width: 50 },
    ],
    data.approvals.map(({ partnerId, period, plan }) => [
      partnerId,
      period,
      plan.state,
      plan.accepted?.by ?? null,
      day(plan.accepted?.at),
      plan.approved?.by ?? null,
      day(plan.approved?.at),
      plan.history.at(-1)?.comment || null,
    ]),
  );
}

async function main() {
  const workbook = await buildSampleWorkbook();
  await workbook.xlsx.writeFile(SAMPLE_PATH);
  console.log(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) void main();
