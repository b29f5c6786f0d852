/**
 * The partner tables as typed records, read once from a snapshot and indexed by partner. Cells that
 * do not read as their column's kind come through as `null` (the snapshot lists them as problems).
 */
import { lowerCase } from "../../engine/memo";
import { ENGAGEMENT } from "../../engine/tier";
import type { TableName } from "./schema";
import { type TableSnapshot, type WorkbookSnapshot, cell } from "./snapshot";

type Value = ReturnType<typeof cell>;
const text = (v: Value): string | null => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);
const number = (v: Value): number | null => (typeof v === "number" ? v : null);
const flag = (v: Value): boolean => v === true;

export interface PartnerRecord {
  id: string;
  name: string;
  region: string | null;
  territory: string | null;
  channelManager: string | null;
  type: string | null;
  status: string | null;
  signedDate: number | null;
}
export interface AuditRecord {
  partnerId: string;
  area: string;
  criterion: string;
  rating: number | null;
  date: number | null;
  weight: number | null;
  note: string | null;
}
export interface EngagementRecord {
  partnerId: string;
  /** The eight engagement answers, in PARTNER.TIER's order (blank = FALSE). */
  answers: boolean[];
  opportunities: number | null;
  period: string | null;
  prospect: boolean;
}
export interface ScorecardRecord {
  partnerId: string;
  category: string;
  topic: string;
  score: number | null;
  target: number | null;
  weight: number | null;
  date: number | null;
}
export interface MetricsRecord {
  partnerId: string;
  potential: number | null;
  performance: number | null;
  /** Further 1–100 metric columns by header. */
  extra: Record<string, number | null>;
}
export interface AssumptionRecord {
  partnerId: string;
  name: string;
  /** Value, then Year2 … (only the years the table has). */
  values: (number | null)[];
}
export interface PlanRecord {
  partnerId: string;
  period: string;
  kpi: string;
  target: number | null;
  actual: number | null;
  weight: number | null;
}
export interface TaskRecord {
  partnerId: string;
  task: string;
  due: number | null;
  owner: string | null;
  done: number | null;
}
export interface DealRecord {
  partnerId: string;
  dealId: string;
  stage: string | null;
  amount: number | null;
  outcome: string | null;
  opened: number | null;
  closed: number | null;
  /** The end-customer account (Accounts' AccountId), when the deal names one. */
  accountId: string | null;
  /** When the partner registered the deal, and until when the registration protects it. */
  registered: number | null;
  protectedUntil: number | null;
  /** Partner-sourced, Partner-influenced or Vendor. */
  source: string | null;
  /** Whether the deal passed qualification; `null` when not (yet) said. */
  qualified: boolean | null;
}
export interface ApprovalRecord {
  partnerId: string;
  period: string;
  state: string | null;
  acceptedBy: string | null;
  acceptedOn: number | null;
  approvedBy: string | null;
  approvedOn: number | null;
  comment: string | null;
}

/** An activity of the plan library: what a plan can choose, under a goal. */
export interface LibraryRecord {
  goalId: string;
  goal: string;
  /** Sales, Marketing, Technical or Enablement (`null` when not one of them). */
  category: string | null;
  activityId: string;
  activity: string;
  tactic: string | null;
  kpi: string | null;
  unit: string | null;
  /** The life stages it suits; empty: any. */
  stages: string[];
  /** The tiers it suits; empty: any. */
  tiers: string[];
  mdfEligible: boolean;
  typicalCost: number | null;
  /** What one run of the activity typically gives, in the KPI's unit. */
  typicalResult: number | null;
}
export interface PlanActivityRecord {
  partnerId: string;
  period: string;
  goalId: string;
  activityId: string;
  owner: string | null;
  start: number | null;
  end: number | null;
  budget: number | null;
  /** The partner's share of the budget, 0–1. */
  partnerShare: number | null;
  expected: number | null;
  actual: number | null;
  status: string | null;
  requestId: string | null;
}
export interface FundRecord {
  partnerId: string;
  period: string;
  /** MDF, Co-op or Rebate accrual. */
  fundType: string;
  allocated: number | null;
}
/** Who took a step of a fund request, when, and what they said. */
export interface FundRequestStep {
  by: string | null;
  on: number | null;
  comment: string | null;
}
export interface FundRequestRecord {
  requestId: string;
  partnerId: string;
  period: string;
  activityId: string | null;
  /** MDF when the row leaves it blank. */
  fundType: string;
  amount: number | null;
  state: string | null;
  submitted: FundRequestStep;
  /** The approval or rejection. */
  reviewed: FundRequestStep;
  claimAmount: number | null;
  proofOfPerformance: string | null;
  claimed: FundRequestStep;
  paid: FundRequestStep;
}
export interface ValuePropositionRecord {
  partnerId: string;
  problem: string | null;
  quantifiedBenefit: string | null;
  differentiator: string | null;
  statement: string | null;
}

/** An end-customer account: the vendor's list, not per partner. */
export interface AccountRecord {
  accountId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  region: string | null;
  /** The vendor's rep who owns the account. */
  owner: string | null;
  /** Customer, Prospect or Open opportunity. */
  status: string | null;
}
/** A lead the vendor passed to a partner, on an account. */
export interface LeadRecord {
  leadId: string;
  accountId: string | null;
  partnerId: string;
  sent: number | null;
  accepted: number | null;
  followUpBy: number | null;
  /** Open, Accepted, Rejected, Converted or Lost. */
  outcome: string | null;
}
/** A target account of a partner's account plan for a period. */
export interface AccountPlanRecord {
  partnerId: string;
  accountId: string;
  period: string;
  objective: string | null;
  nextStep: string | null;
  due: number | null;
  owner: string | null;
}

/** Every record of a table, skipping rows without a partner id. */
function recordsOf<T extends { partnerId: string }>(
  table: TableSnapshot | undefined,
  read: (get: (column: string) => Value, row: number) => Omit<T, "partnerId"> | undefined,
): T[] {
  if (!table) return [];
  const out: T[] = [];
  // One reader for every row (a closure per row is garbage for the collector at 100,000 rows).
  let r = 0;
  const get = (column: string) => cell(table, r, column);
  for (; r < table.rows.length; r++) {
    const partnerId = text(get("PartnerId"));
    if (!partnerId) continue;
    const rest = read(get, r) as (Omit<T, "partnerId"> & { partnerId?: string }) | undefined;
    if (!rest) continue;
    // Set on the record rather than spread into a new one: spreading 100,000 rows is slow.
    rest.partnerId = partnerId;
    out.push(rest as T);
  }
  return out;
}

/** The Engagement table's answer columns, in PARTNER.TIER's order. */
export const ENGAGEMENT_COLUMNS = ["OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online"] as const;
if (ENGAGEMENT_COLUMNS.length !== ENGAGEMENT.length) throw new Error("Engagement columns and PARTNER.TIER's questions differ");

function groupBy<T extends { partnerId: string }>(records: readonly T[], by: (record: T) => string | null = (r) => r.partnerId): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const id = by(r);
    if (id === null) continue;
    const key = lowerCase(id);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** The workbook's data as records, with per-partner lookups. */
export class PartnerData {
  readonly partners: PartnerRecord[];
  readonly audits: AuditRecord[];
  readonly engagement: EngagementRecord[];
  readonly scorecards: ScorecardRecord[];
  readonly metrics: MetricsRecord[];
  readonly assumptions: AssumptionRecord[];
  readonly plans: PlanRecord[];
  readonly tasks: TaskRecord[];
  readonly deals: DealRecord[];
  readonly approvals: ApprovalRecord[];
  /** The plan library, in the table's order (not per partner). */
  readonly library: LibraryRecord[];
  readonly planActivities: PlanActivityRecord[];
  readonly funds: FundRecord[];
  readonly fundRequests: FundRequestRecord[];
  readonly valuePropositions: ValuePropositionRecord[];
  /** The end-customer accounts, in the table's order (not per partner). */
  readonly accounts: AccountRecord[];
  readonly leads: LeadRecord[];
  readonly accountPlans: AccountPlanRecord[];
  private readonly groups = new Map<TableName, Map<string, unknown[]>>();
  /** Records grouped by their AccountId, per table. */
  private readonly accountGroups = new Map<TableName, Map<string, unknown[]>>();
  private accountById?: Map<string, AccountRecord>;
  private byId?: Map<string, PartnerRecord>;
  private activityById?: Map<string, LibraryRecord>;
  private requestById?: Map<string, FundRequestRecord>;

  /**
   * The records of `snapshot`; those of tables that are the same as in `previous` (a save changes a
   * table or two) are taken from it rather than read again.
   */
  constructor(
    readonly snapshot: WorkbookSnapshot,
    previous?: PartnerData,
  ) {
    const t = (name: TableName) => snapshot.tables.get(name);
    const same = (name: TableName) => !!previous && previous.snapshot.tables.get(name) === t(name);
    const reuse = <K extends keyof PartnerData>(name: TableName, field: K, read: () => PartnerData[K]): PartnerData[K] => {
      if (!same(name)) return read();
      const groups = previous!.groups.get(name);
      if (groups) this.groups.set(name, groups);
      const byAccount = previous!.accountGroups.get(name);
      if (byAccount) this.accountGroups.set(name, byAccount);
      return previous![field];
    };
    this.partners = reuse("Partners", "partners", () => this.readPartners(t("Partners")));
    this.audits = reuse("Audit", "audits", () => this.readAudits(t("Audit")));
    this.engagement = reuse("Engagement", "engagement", () => this.readEngagement(t("Engagement")));
    this.scorecards = reuse("Scorecard", "scorecards", () => this.readScorecards(t("Scorecard")));
    this.metrics = reuse("Metrics", "metrics", () => this.readMetrics(t("Metrics")));
    this.assumptions = reuse("Assumptions", "assumptions", () => this.readAssumptions(t("Assumptions")));
    this.plans = reuse("Plan", "plans", () => this.readPlans(t("Plan")));
    this.tasks = reuse("Tasks", "tasks", () => this.readTasks(t("Tasks")));
    this.deals = reuse("Deals", "deals", () => this.readDeals(t("Deals")));
    this.approvals = reuse("Approvals", "approvals", () => this.readApprovals(t("Approvals")));
    this.library = reuse("Library", "library", () => this.readLibrary(t("Library")));
    this.planActivities = reuse("PlanActivities", "planActivities", () => this.readPlanActivities(t("PlanActivities")));
    this.funds = reuse("Funds", "funds", () => this.readFunds(t("Funds")));
    this.fundRequests = reuse("FundRequests", "fundRequests", () => this.readFundRequests(t("FundRequests")));
    this.valuePropositions = reuse("ValueProposition", "valuePropositions", () => this.readValuePropositions(t("ValueProposition")));
    this.accounts = reuse("Accounts", "accounts", () => this.readAccounts(t("Accounts")));
    this.leads = reuse("Leads", "leads", () => this.readLeads(t("Leads")));
    this.accountPlans = reuse("AccountPlans", "accountPlans", () => this.readAccountPlans(t("AccountPlans")));
  }

  private readPartners(table: TableSnapshot | undefined): PartnerRecord[] {
    return recordsOf<PartnerRecord & { partnerId: string }>(table, (get) => ({
      id: text(get("PartnerId"))!,
      name: text(get("Name")) ?? text(get("PartnerId"))!,
      region: text(get("Region")),
      territory: text(get("Territory")),
      channelManager: text(get("ChannelManager")),
      type: text(get("Type")),
      status: text(get("Status")),
      signedDate: number(get("SignedDate")),
    })).map(({ partnerId: _, ...p }) => p);
  }

  private readAudits(table: TableSnapshot | undefined): AuditRecord[] {
    return recordsOf<AuditRecord>(table, (get) => {
      const area = text(get("Area"));
      const criterion = text(get("Criterion"));
      if (!area || !criterion) return undefined;
      return { area, criterion, rating: number(get("Rating")), date: number(get("Date")), weight: number(get("Weight")), note: text(get("Note")) };
    });
  }

  private readEngagement(table: TableSnapshot | undefined): EngagementRecord[] {
    return recordsOf<EngagementRecord>(table, (get) => ({
      answers: ENGAGEMENT_COLUMNS.map((c) => flag(get(c))),
      opportunities: number(get("Opportunities")),
      period: text(get("Period")),
      prospect: flag(get("Prospect")),
    }));
  }

  private readScorecards(table: TableSnapshot | undefined): ScorecardRecord[] {
    return recordsOf<ScorecardRecord>(table, (get) => {
      const category = text(get("Category"));
      const topic = text(get("Topic"));
      if (!category || !topic) return undefined;
      return { category, topic, score: number(get("Score")), target: number(get("Target")), weight: number(get("Weight")), date: number(get("Date")) };
    });
  }

  private readMetrics(metricsTable: TableSnapshot | undefined): MetricsRecord[] {
    return recordsOf<MetricsRecord>(metricsTable, (get, r) => ({
      potential: number(get("Potential")),
      performance: number(get("Performance")),
      extra: Object.fromEntries(
        (metricsTable?.extras ?? []).map((e) => {
          const v = metricsTable!.rows[r][e.index];
          return [e.header, typeof v === "number" ? v : null];
        }),
      ),
    }));
  }

  private readAssumptions(assumptionsTable: TableSnapshot | undefined): AssumptionRecord[] {
    return recordsOf<AssumptionRecord>(assumptionsTable, (get, r) => {
      const name = text(get("Name"));
      if (!name) return undefined;
      const years = [...(assumptionsTable?.extras ?? [])].sort((a, b) => yearOf(a.header) - yearOf(b.header));
      const values: (number | null)[] = [number(get("Value"))];
      for (const e of years) {
        const v = assumptionsTable!.rows[r][e.index];
        values[yearOf(e.header) - 1] = typeof v === "number" ? v : null;
      }
      return { name, values: Array.from(values, (v) => v ?? null) };
    });
  }

  private readPlans(table: TableSnapshot | undefined): PlanRecord[] {
    return recordsOf<PlanRecord>(table, (get) => {
      const period = text(get("Period"));
      const kpi = text(get("KPI"));
      if (!period || !kpi) return undefined;
      return { period, kpi, target: number(get("Target")), actual: number(get("Actual")), weight: number(get("Weight")) };
    });
  }

  private readTasks(table: TableSnapshot | undefined): TaskRecord[] {
    return recordsOf<TaskRecord>(table, (get) => {
      const task = text(get("Task"));
      if (!task) return undefined;
      return { task, due: number(get("Due")), owner: text(get("Owner")), done: number(get("Done")) };
    });
  }

  private readDeals(table: TableSnapshot | undefined): DealRecord[] {
    return recordsOf<DealRecord>(table, (get) => {
      const dealId = text(get("DealId"));
      if (!dealId) return undefined;
      const qualified = get("Qualified");
      return {
        dealId,
        stage: text(get("Stage")),
        amount: number(get("Amount")),
        outcome: text(get("Outcome")),
        opened: number(get("Opened")),
        closed: number(get("Closed")),
        accountId: text(get("AccountId")),
        registered: number(get("Registered")),
        protectedUntil: number(get("ProtectedUntil")),
        source: text(get("Source")),
        qualified: typeof qualified === "boolean" ? qualified : null,
      };
    });
  }

  private readApprovals(table: TableSnapshot | undefined): ApprovalRecord[] {
    return recordsOf<ApprovalRecord>(table, (get) => {
      const period = text(get("Period"));
      if (!period) return undefined;
      return {
        period,
        state: text(get("State")),
        acceptedBy: text(get("AcceptedBy")),
        acceptedOn: number(get("AcceptedOn")),
        approvedBy: text(get("ApprovedBy")),
        approvedOn: number(get("ApprovedOn")),
        comment: text(get("Comment")),
      };
    });
  }

  private readLibrary(table: TableSnapshot | undefined): LibraryRecord[] {
    if (!table) return [];
    const out: LibraryRecord[] = [];
    const list = (v: Value) => text(v)?.split(", ") ?? [];
    for (let r = 0; r < table.rows.length; r++) {
      const get = (column: string) => cell(table, r, column);
      const goalId = text(get("GoalId"));
      const activityId = text(get("ActivityId"));
      if (!goalId || !activityId) continue;
      out.push({
        goalId,
        goal: text(get("Goal")) ?? goalId,
        category: text(get("Category")),
        activityId,
        activity: text(get("Activity")) ?? activityId,
        tactic: text(get("Tactic")),
        kpi: text(get("KPI")),
        unit: text(get("Unit")),
        stages: list(get("Stage")),
        tiers: list(get("Tier")),
        mdfEligible: flag(get("MDFEligible")),
        typicalCost: number(get("TypicalCost")),
        typicalResult: number(get("TypicalResult")),
      });
    }
    return out;
  }

  private readPlanActivities(table: TableSnapshot | undefined): PlanActivityRecord[] {
    return recordsOf<PlanActivityRecord>(table, (get) => {
      const period = text(get("Period"));
      const goalId = text(get("GoalId"));
      const activityId = text(get("ActivityId"));
      if (!period || !goalId || !activityId) return undefined;
      return {
        period,
        goalId,
        activityId,
        owner: text(get("Owner")),
        start: number(get("Start")),
        end: number(get("End")),
        budget: number(get("Budget")),
        partnerShare: number(get("PartnerShare")),
        expected: number(get("Expected")),
        actual: number(get("Actual")),
        status: text(get("Status")),
        requestId: text(get("RequestId")),
      };
    });
  }

  private readFunds(table: TableSnapshot | undefined): FundRecord[] {
    return recordsOf<FundRecord>(table, (get) => {
      const period = text(get("Period"));
      const fundType = text(get("FundType"));
      if (!period || !fundType) return undefined;
      return { period, fundType, allocated: number(get("Allocated")) };
    });
  }

  private readFundRequests(table: TableSnapshot | undefined): FundRequestRecord[] {
    return recordsOf<FundRequestRecord>(table, (get) => {
      const requestId = text(get("RequestId"));
      const period = text(get("Period"));
      if (!requestId || !period) return undefined;
      const step = (by: string, on: string, comment: string): FundRequestStep => ({ by: text(get(by)), on: number(get(on)), comment: text(get(comment)) });
      return {
        requestId,
        period,
        activityId: text(get("ActivityId")),
        fundType: text(get("FundType")) ?? "MDF",
        amount: number(get("Amount")),
        state: text(get("State")),
        submitted: step("SubmittedBy", "SubmittedOn", "SubmitComment"),
        reviewed: step("ReviewedBy", "ReviewedOn", "ReviewComment"),
        claimAmount: number(get("ClaimAmount")),
        proofOfPerformance: text(get("ProofOfPerformance")),
        claimed: step("ClaimedBy", "ClaimedOn", "ClaimComment"),
        paid: step("PaidBy", "PaidOn", "PaymentComment"),
      };
    });
  }

  private readValuePropositions(table: TableSnapshot | undefined): ValuePropositionRecord[] {
    return recordsOf<ValuePropositionRecord>(table, (get) => ({
      problem: text(get("Problem")),
      quantifiedBenefit: text(get("QuantifiedBenefit")),
      differentiator: text(get("Differentiator")),
      statement: text(get("Statement")),
    }));
  }

  private readAccounts(table: TableSnapshot | undefined): AccountRecord[] {
    if (!table) return [];
    const out: AccountRecord[] = [];
    let r = 0;
    const get = (column: string) => cell(table, r, column);
    for (; r < table.rows.length; r++) {
      const accountId = text(get("AccountId"));
      if (!accountId) continue;
      out.push({
        accountId,
        name: text(get("Name")) ?? accountId,
        domain: text(get("Domain")),
        industry: text(get("Industry")),
        region: text(get("Region")),
        owner: text(get("Owner")),
        status: text(get("Status")),
      });
    }
    return out;
  }

  private readLeads(table: TableSnapshot | undefined): LeadRecord[] {
    return recordsOf<LeadRecord>(table, (get) => {
      const leadId = text(get("LeadId"));
      if (!leadId) return undefined;
      return {
        leadId,
        accountId: text(get("AccountId")),
        sent: number(get("Sent")),
        accepted: number(get("Accepted")),
        followUpBy: number(get("FollowUpBy")),
        outcome: text(get("Outcome")),
      };
    });
  }

  private readAccountPlans(table: TableSnapshot | undefined): AccountPlanRecord[] {
    return recordsOf<AccountPlanRecord>(table, (get) => {
      const accountId = text(get("AccountId"));
      const period = text(get("Period"));
      if (!accountId || !period) return undefined;
      return { accountId, period, objective: text(get("Objective")), nextStep: text(get("NextStep")), due: number(get("Due")), owner: text(get("Owner")) };
    });
  }

  /** The records of a table that name an account, by that account (grouped once per table). */
  private ofAccount<T extends { partnerId: string; accountId: string | null }>(table: TableName, records: readonly T[], accountId: string): T[] {
    let groups = this.accountGroups.get(table);
    if (!groups) {
      groups = groupBy(records, (r) => r.accountId) as Map<string, unknown[]>;
      this.accountGroups.set(table, groups);
    }
    return (groups.get(lowerCase(accountId)) as T[] | undefined) ?? [];
  }

  private of<T extends { partnerId: string }>(table: TableName, records: readonly T[], partnerId: string): T[] {
    let groups = this.groups.get(table);
    if (!groups) {
      groups = groupBy(records) as Map<string, unknown[]>;
      this.groups.set(table, groups);
    }
    return (groups.get(lowerCase(partnerId)) as T[] | undefined) ?? [];
  }

  partner(id: string): PartnerRecord | undefined {
    this.byId ??= new Map(this.partners.map((p) => [p.id.toLowerCase(), p]));
    return this.byId.get(id.toLowerCase());
  }
  auditsOf = (id: string) => this.of("Audit", this.audits, id);
  engagementOf = (id: string) => this.of("Engagement", this.engagement, id);
  scorecardsOf = (id: string) => this.of("Scorecard", this.scorecards, id);
  metricsOf = (id: string) => this.of("Metrics", this.metrics, id);
  /** The partner's own assumption rows (not the `*` defaults). */
  assumptionsOf = (id: string) => this.of("Assumptions", this.assumptions, id);
  plansOf = (id: string) => this.of("Plan", this.plans, id);
  tasksOf = (id: string) => this.of("Tasks", this.tasks, id);
  dealsOf = (id: string) => this.of("Deals", this.deals, id);
  approvalsOf = (id: string) => this.of("Approvals", this.approvals, id);
  planActivitiesOf = (id: string) => this.of("PlanActivities", this.planActivities, id);
  fundsOf = (id: string) => this.of("Funds", this.funds, id);
  fundRequestsOf = (id: string) => this.of("FundRequests", this.fundRequests, id);
  valuePropositionsOf = (id: string) => this.of("ValueProposition", this.valuePropositions, id);
  /** The partner's value proposition: its last row in the table. */
  valuePropositionOf = (id: string): ValuePropositionRecord | undefined => this.valuePropositionsOf(id).at(-1);
  /** A library activity by its ActivityId (in any case; the first row with it). */
  libraryActivity(activityId: string): LibraryRecord | undefined {
    if (!this.activityById) {
      this.activityById = new Map();
      for (const a of this.library) if (!this.activityById.has(a.activityId.toLowerCase())) this.activityById.set(a.activityId.toLowerCase(), a);
    }
    return this.activityById.get(activityId.toLowerCase());
  }
  /** A fund request by its RequestId (in any case; the first row with it). */
  fundRequest(requestId: string): FundRequestRecord | undefined {
    if (!this.requestById) {
      this.requestById = new Map();
      for (const q of this.fundRequests) if (!this.requestById.has(q.requestId.toLowerCase())) this.requestById.set(q.requestId.toLowerCase(), q);
    }
    return this.requestById.get(requestId.toLowerCase());
  }
  /** An account by its AccountId (in any case; the first row with it). */
  account(accountId: string): AccountRecord | undefined {
    if (!this.accountById) {
      this.accountById = new Map();
      for (const a of this.accounts) if (!this.accountById.has(a.accountId.toLowerCase())) this.accountById.set(a.accountId.toLowerCase(), a);
    }
    return this.accountById.get(accountId.toLowerCase());
  }
  /** Every partner's deals on an account. */
  dealsOfAccount = (accountId: string) => this.ofAccount("Deals", this.deals, accountId);
  /** The leads passed to a partner. */
  leadsOf = (id: string) => this.of("Leads", this.leads, id);
  /** Every partner's leads on an account. */
  leadsOfAccount = (accountId: string) => this.ofAccount("Leads", this.leads, accountId);
  /** The partner's target accounts, every period. */
  accountPlansOf = (id: string) => this.of("AccountPlans", this.accountPlans, id);
  /** The `*` rows every partner inherits. */
  defaultAssumptions = () => this.of("Assumptions", this.assumptions, "*");
}

function yearOf(header: string): number {
  return Number(/(\d+)\s*$/.exec(header)?.[1] ?? 0);
}
