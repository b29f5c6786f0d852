/**
 * Writes samples/partners.xlsx, the sample partner workbook: the tables of SPEC section 3 filled
 * with a realistic, seeded (hence reproducible) partner network, and sheets whose cells use the
 * PARTNER.* functions on those tables. Cached results of every formula are computed with the
 * engine, so the workbook shows its numbers before the add-in recalculates. The file is written
 * by the add-in's own .xlsx writer, which stores formulas as Excel does (custom functions,
 * `_xlfn.` names, dynamic arrays).
 *
 * Run: npm run samples   (same seed → the same file, byte for byte)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SheetSpec } from "../addin/workbook/sheet";
import { XlsxAdapter } from "../addin/workbook/xlsx";
import { type Random, createRandom } from "../engine/random";
import { ASSUMPTION_YEARS, type AssumptionRow, sampleAssumptions, sampleRampHistory } from "./data/assumptions";
import { ENGAGEMENT } from "../engine/tier";
import { type ApprovalRow, sampleApprovals } from "./data/approvals";
import { type AuditRow, sampleAudits } from "./data/audit";
import { type DealRow, sampleDeals } from "./data/deals";
import { type EngagementRow, sampleEngagement, sampleEngagementHistory } from "./data/engagement";
import { METRIC_COLUMNS, type MetricsRow, sampleMetrics } from "./data/metrics";
import { type Partner, samplePartners } from "./data/partners";
import { type PlanRow, samplePlans } from "./data/plan";
import { type ScorecardRow, sampleScorecards } from "./data/scorecard";
import { type TaskRow, sampleTasks } from "./data/tasks";
import { type FundRequestRow, type FundRow, type RequestStep, sampleFundRequests, sampleFunds } from "./data/funds";
import { LIBRARY_ROWS } from "./data/library";
import { type PlanActivityRow, samplePlanActivities, sampleStandings } from "./data/plan-activities";
import { type ValuePropositionRow, sampleValuePropositions } from "./data/value-propositions";
import {
  type AccountPlanRow,
  type AccountRow,
  type LeadRow,
  sampleAccountPlans,
  sampleAccounts,
  sampleDealAccounts,
  sampleLeads,
} from "./data/accounts";
import { auditScoresSheet } from "./sheets/audit-scores";
import { pnlSheet } from "./sheets/pnl";
import { funnelSheet } from "./sheets/funnel";
import { approvalsSheet, performanceSheet, taskStatusSheet } from "./sheets/plan";
import { actionPlansSheet, stagesSheet } from "./sheets/scorecard";
import { segmentsSheet } from "./sheets/segments";
import { DATE_FORMAT, type TableColumn, tableSheet } from "./sheets/tables";
import { partnerScoresSheet } from "./sheets/partner-scores";
import { tiersSheet } from "./sheets/tiers";

export const SAMPLE_SEED = 2026;
export const SAMPLE_PARTNERS = 240;
const here = fileURLToPath(import.meta.url);
export const SAMPLE_PATH = path.join(path.dirname(here), "partners.xlsx");

export interface SampleData {
  partners: Partner[];
  audits: AuditRow[];
  assumptions: AssumptionRow[];
  /** Past partners' licence revenue by year since signing, for PARTNER.RAMP on the P&L sheet. */
  rampHistory: (number | null)[][];
  engagement: EngagementRow[];
  scorecards: ScorecardRow[];
  metrics: MetricsRow[];
  plans: PlanRow[];
  tasks: TaskRow[];
  /** Deals with their account, registration, source and qualification (samples/data/accounts.ts). */
  deals: DealRow[];
  approvals: ApprovalRow[];
  /** The FY2026 plans' activities, chosen from the plan library (samples/data/library.ts). */
  planActivities: PlanActivityRow[];
  funds: FundRow[];
  fundRequests: FundRequestRow[];
  valuePropositions: ValuePropositionRow[];
  /** The vendor's end-customer accounts. */
  accounts: AccountRow[];
  leads: LeadRow[];
  accountPlans: AccountPlanRow[];
}

/** An independent random stream per table, so adding a table never changes the others. */
function stream(seed: number, table: string): Random {
  let h = seed >>> 0;
  for (const ch of table) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return createRandom(h);
}

export function sampleData(seed = SAMPLE_SEED, count = SAMPLE_PARTNERS): SampleData {
  const partners = samplePartners(stream(seed, "Partners"), count);
  const audits = sampleAudits(stream(seed, "Audit"), partners);
  // The previous quarter's rows come first: a partner's last row is its latest, as the task pane
  // and the PartnerScores formulas read it.
  const engagement = sampleEngagement(stream(seed, "Engagement"), partners);
  const history = sampleEngagementHistory(stream(seed, "Engagement history"), partners, engagement);
  const scorecards = sampleScorecards(stream(seed, "Scorecard"), partners);
  // Plans are built from the library for each partner's life stage and tier, as the task pane suggests them.
  const standings = sampleStandings(partners, engagement, scorecards);
  const { rows: planActivities, contacts } = samplePlanActivities(stream(seed, "PlanActivities"), partners, standings);
  const planning = new Set(contacts.keys());
  const funds = sampleFunds(stream(seed, "Funds"), partners, planning);
  // Accounts, then the deals tied to them (which set each account's status), leads and account plans.
  const deals = sampleDeals(stream(seed, "Deals"), partners);
  const accounts = sampleAccounts(stream(seed, "Accounts"), partners);
  sampleDealAccounts(stream(seed, "Deal accounts"), partners, deals, accounts);
  return {
    partners,
    audits,
    assumptions: sampleAssumptions(stream(seed, "Assumptions"), partners),
    rampHistory: sampleRampHistory(stream(seed, "Ramp history")),
    engagement: [...history, ...engagement],
    scorecards,
    metrics: sampleMetrics(stream(seed, "Metrics"), partners),
    plans: samplePlans(stream(seed, "Plan"), partners, deals),
    tasks: sampleTasks(stream(seed, "Tasks"), partners),
    deals,
    approvals: sampleApprovals(stream(seed, "Approvals"), partners),
    // Requests set the RequestId of the activities they pay for.
    fundRequests: sampleFundRequests(stream(seed, "FundRequests"), partners, planActivities, funds, contacts),
    planActivities,
    funds,
    valuePropositions: sampleValuePropositions(stream(seed, "ValueProposition"), partners, planning),
    accounts,
    leads: sampleLeads(stream(seed, "Leads"), partners, accounts, deals),
    accountPlans: sampleAccountPlans(stream(seed, "AccountPlans"), partners, planning, accounts, deals),
  };
}

/** A table of the sample workbook: its columns (with display widths and formats) and its rows. */
export interface SampleTable {
  name: string;
  columns: TableColumn[];
  rows: unknown[][];
}

const date = (name: string): TableColumn => ({ name, numFmt: DATE_FORMAT });

/** The sample's tables (SPEC section 3), in workbook order. */
export function sampleTables(data: SampleData): SampleTable[] {
  const engagementColumns = ["OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online"];
  if (engagementColumns.length !== ENGAGEMENT.length) throw new Error("the Engagement table must have one column per engagement question");
  const day = (at: string | undefined) => (at ? new Date(`${at.slice(0, 10)}T00:00:00Z`) : null);
  return [
    {
      name: "Partners",
      columns: [
        { name: "PartnerId" },
        { name: "Name", width: 34 },
        { name: "Region" },
        { name: "Territory", width: 18 },
        { name: "ChannelManager", width: 18 },
        { name: "Type", width: 26 },
        { name: "Status" },
        date("SignedDate"),
      ],
      rows: data.partners.map((p) => [p.id, p.name, p.region, p.territory, p.channelManager, p.type, p.status, p.signedDate]),
    },
    {
      name: "Audit",
      columns: [{ name: "PartnerId" }, { name: "Area", width: 22 }, { name: "Criterion", width: 50 }, { name: "Rating" }, date("Date"), { name: "Note", width: 20 }],
      rows: data.audits.map((a) => [a.partnerId, a.area, a.criterion, a.rating, a.date, a.note || null]),
    },
    {
      name: "Engagement",
      columns: [{ name: "PartnerId" }, ...engagementColumns.map((name) => ({ name })), { name: "Opportunities" }, { name: "Period" }, { name: "Prospect" }],
      rows: data.engagement.map((e) => [e.partnerId, ...e.answers, e.opportunities, e.period, e.prospect]),
    },
    {
      name: "Scorecard",
      columns: [{ name: "PartnerId" }, { name: "Category", width: 14 }, { name: "Topic", width: 32 }, { name: "Score" }, { name: "Target" }, { name: "Weight" }, date("Date")],
      rows: data.scorecards.map((s) => [s.partnerId, s.category, s.topic, s.score, s.target, s.weight, s.date]),
    },
    {
      name: "Metrics",
      columns: [{ name: "PartnerId" }, ...METRIC_COLUMNS.map((name) => ({ name }))],
      rows: data.metrics.map((m) => [m.partnerId, ...m.values]),
    },
    {
      name: "Plan",
      columns: [{ name: "PartnerId" }, { name: "Period" }, { name: "KPI", width: 18 }, { name: "Target", numFmt: "#,##0" }, { name: "Actual", numFmt: "#,##0" }, { name: "Weight" }],
      rows: data.plans.map((p) => [p.partnerId, p.period, p.kpi, p.target, p.actual, p.weight]),
    },
    {
      name: "Tasks",
      columns: [{ name: "PartnerId" }, { name: "Task", width: 40 }, date("Due"), { name: "Owner", width: 18 }, date("Done")],
      rows: data.tasks.map((t) => [t.partnerId, t.task, t.due, t.owner, t.done]),
    },
    {
      name: "Deals",
      columns: [
        { name: "PartnerId" },
        { name: "DealId" },
        { name: "Stage", width: 14 },
        { name: "Amount", numFmt: "#,##0" },
        { name: "Outcome" },
        date("Opened"),
        date("Closed"),
        { name: "AccountId" },
        date("Registered"),
        date("ProtectedUntil"),
        { name: "Source", width: 18 },
        { name: "Qualified" },
      ],
      rows: data.deals.map((d) => [d.partnerId, d.dealId, d.stage, d.amount, d.outcome, d.opened, d.closed, d.accountId, d.registered, d.protectedUntil, d.source, d.qualified]),
    },
    {
      name: "Approvals",
      columns: [
        { name: "PartnerId" },
        { name: "Period" },
        { name: "State" },
        { name: "AcceptedBy", width: 18 },
        date("AcceptedOn"),
        { name: "ApprovedBy", width: 18 },
        date("ApprovedOn"),
        { name: "Comment", width: 50 },
      ],
      rows: data.approvals.map(({ partnerId, period, plan }) => [
        partnerId,
        period,
        plan.state,
        plan.accepted?.by ?? null,
        day(plan.accepted?.at),
        plan.approved?.by ?? null,
        day(plan.approved?.at),
        plan.history.at(-1)?.comment || null,
      ]),
    },
    {
      name: "Assumptions",
      columns: [
        { name: "PartnerId" },
        { name: "Name", width: 22 },
        { name: "Value", width: 12 },
        ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => ({ name: `Year${i + 2}`, width: 10 })),
      ],
      rows: data.assumptions.map((a) => [a.partnerId, a.name, ...Array.from({ length: ASSUMPTION_YEARS }, (_, i) => a.values[i] ?? null)]),
    },
    {
      name: "Library",
      columns: [
        { name: "GoalId" },
        { name: "Goal", width: 40 },
        { name: "Category", width: 12 },
        { name: "ActivityId" },
        { name: "Activity", width: 34 },
        { name: "Tactic", width: 60 },
        { name: "KPI", width: 20 },
        { name: "Unit", width: 11 },
        { name: "Stage", width: 34 },
        { name: "Tier", width: 16 },
        { name: "MDFEligible" },
        { name: "TypicalCost", numFmt: "#,##0" },
        { name: "TypicalResult", numFmt: "#,##0" },
      ],
      rows: LIBRARY_ROWS.map(({ goal, activity: a }) => [
        goal.id,
        goal.goal,
        goal.category,
        a.id,
        a.activity,
        a.tactic,
        a.kpi,
        a.unit,
        a.stages.join(", ") || null,
        a.tiers.join(", ") || null,
        a.mdf,
        a.cost,
        a.result,
      ]),
    },
    {
      name: "PlanActivities",
      columns: [
        { name: "PartnerId" },
        { name: "Period" },
        { name: "GoalId" },
        { name: "ActivityId" },
        { name: "Owner", width: 18 },
        date("Start"),
        date("End"),
        { name: "Budget", numFmt: "#,##0" },
        { name: "PartnerShare", numFmt: "0%" },
        { name: "Expected", numFmt: "#,##0" },
        { name: "Actual", numFmt: "#,##0" },
        { name: "Status", width: 12 },
        { name: "RequestId" },
      ],
      rows: data.planActivities.map((a) => [a.partnerId, a.period, a.goalId, a.activityId, a.owner, a.start, a.end, a.budget, a.partnerShare, a.expected, a.actual, a.status, a.requestId]),
    },
    {
      name: "Funds",
      columns: [{ name: "PartnerId" }, { name: "Period" }, { name: "FundType", width: 15 }, { name: "Allocated", numFmt: "#,##0" }],
      rows: data.funds.map((f) => [f.partnerId, f.period, f.fundType, f.allocated]),
    },
    {
      name: "FundRequests",
      columns: [
        { name: "RequestId" },
        { name: "PartnerId" },
        { name: "Period" },
        { name: "ActivityId" },
        { name: "FundType", width: 15 },
        { name: "Amount", numFmt: "#,##0" },
        { name: "State" },
        ...stepColumns("SubmittedBy", "SubmittedOn", "SubmitComment"),
        ...stepColumns("ReviewedBy", "ReviewedOn", "ReviewComment"),
        { name: "ClaimAmount", numFmt: "#,##0" },
        { name: "ProofOfPerformance", width: 44 },
        ...stepColumns("ClaimedBy", "ClaimedOn", "ClaimComment"),
        ...stepColumns("PaidBy", "PaidOn", "PaymentComment"),
      ],
      rows: data.fundRequests.map((q) => [
        q.requestId,
        q.partnerId,
        q.period,
        q.activityId,
        q.fundType,
        q.amount,
        q.state,
        ...stepCells(q.submitted),
        ...stepCells(q.reviewed),
        q.claimAmount,
        q.proofOfPerformance,
        ...stepCells(q.claimed),
        ...stepCells(q.paid),
      ]),
    },
    {
      name: "ValueProposition",
      columns: [{ name: "PartnerId" }, { name: "Problem", width: 50 }, { name: "QuantifiedBenefit", width: 36 }, { name: "Differentiator", width: 40 }, { name: "Statement", width: 80 }],
      rows: data.valuePropositions.map((v) => [v.partnerId, v.problem, v.quantifiedBenefit, v.differentiator, v.statement]),
    },
    {
      name: "Accounts",
      columns: [{ name: "AccountId" }, { name: "Name", width: 34 }, { name: "Domain", width: 30 }, { name: "Industry", width: 20 }, { name: "Region" }, { name: "Owner", width: 16 }, { name: "Status", width: 16 }],
      rows: data.accounts.map((a) => [a.accountId, a.name, a.domain, a.industry, a.region, a.owner, a.status]),
    },
    {
      name: "Leads",
      columns: [{ name: "LeadId" }, { name: "AccountId" }, { name: "PartnerId" }, date("Sent"), date("Accepted"), date("FollowUpBy"), { name: "Outcome" }],
      rows: data.leads.map((l) => [l.leadId, l.accountId, l.partnerId, l.sent, l.accepted, l.followUpBy, l.outcome]),
    },
    {
      name: "AccountPlans",
      columns: [{ name: "PartnerId" }, { name: "AccountId" }, { name: "Period" }, { name: "Objective", width: 40 }, { name: "NextStep", width: 44 }, date("Due"), { name: "Owner", width: 18 }],
      rows: data.accountPlans.map((p) => [p.partnerId, p.accountId, p.period, p.objective, p.nextStep, p.due, p.owner]),
    },
    // Filled by importing exports (samples/imports/): the mappings remembered per source, and partner names confirmed.
    { name: "ImportMaps", columns: [{ name: "Source", width: 28 }, { name: "Table", width: 16 }, { name: "Column", width: 16 }, { name: "Header", width: 28 }], rows: [] },
    { name: "PartnerAliases", columns: [{ name: "Alias", width: 36 }, { name: "PartnerId" }], rows: [] },
  ];
}

/** A workflow step's columns: who, when, and their comment. */
const stepColumns = (who: string, when: string, comment: string): TableColumn[] => [{ name: who, width: 18 }, date(when), { name: comment, width: 36 }];
const stepCells = (step: RequestStep | null) => [step?.by ?? null, step?.on ?? null, step?.comment ?? null];

/** The sample's sheets, in workbook order: the tables, then the sheets of formulas over them. */
export function sampleSheets(data: SampleData): SheetSpec[] {
  return [
    ...sampleTables(data).map((table) => tableSheet(table.name, table.columns, table.rows)),
    partnerScoresSheet(data),
    auditScoresSheet(data),
    tiersSheet(data),
    stagesSheet(data),
    actionPlansSheet(data),
    segmentsSheet(data),
    performanceSheet(data),
    taskStatusSheet(data),
    funnelSheet(data),
    approvalsSheet(data),
    pnlSheet(data),
  ];
}

/** The sample workbook's file (.xlsx bytes). */
export async function buildSampleWorkbook(data: SampleData = sampleData()): Promise<Uint8Array> {
  const adapter = XlsxAdapter.blank(new Date(Date.UTC(2026, 9, 1)));
  for (const sheet of sampleSheets(data)) await adapter.writeSheet(sheet);
  return adapter.save();
}

async function main() {
  fs.writeFileSync(SAMPLE_PATH, await buildSampleWorkbook());
  console.log(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) void main();
