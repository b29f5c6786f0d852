/**
 * The partner workbook's tables, once, as data: names, columns, kinds of value, validation lists
 * and number formats. Reading, validation, writing and "Set up workbook" all work from this.
 */
import { AUDIT_AREAS, AUDIT_SCALE_MAX } from "../../engine/audit";
import { ESTABLISHED, STAGES } from "../../engine/scorecard";
import { TIERS } from "../../engine/tier";

export type TableName =
  | "Partners"
  | "Audit"
  | "Engagement"
  | "Scorecard"
  | "Metrics"
  | "Assumptions"
  | "Plan"
  | "Tasks"
  | "Deals"
  | "Approvals"
  | "Library"
  | "PlanActivities"
  | "Funds"
  | "FundRequests"
  | "ValueProposition"
  | "Accounts"
  | "Leads"
  | "AccountPlans"
  | "PartnerScores"
  | "ImportMaps"
  | "PartnerAliases";

/**
 * What a column holds. `rating` is an audit rating 1..5, `metric` a scored metric 1–100, `score`
 * a 0–100 score, `amount` money of 0 or more, `share` a fraction from 0 to 1 (shown as a
 * percentage), `date` an Excel date (serial number or ISO text), `choice` one of `choices`,
 * `choices` several of them separated by commas (blank: any), `result` whatever a formula gives
 * (the add-in's own columns of live results).
 */
export type ColumnKind =
  | "id"
  | "text"
  | "number"
  | "count"
  | "amount"
  | "share"
  | "rating"
  | "metric"
  | "score"
  | "boolean"
  | "date"
  | "choice"
  | "choices"
  | "result";

export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The column must exist in the table. */
  readonly required?: boolean;
  /** Every row needs a value in this column. */
  readonly filled?: boolean;
  readonly choices?: readonly string[];
  /** Excel number format given to the column by "Set up workbook". */
  readonly numberFormat?: string;
  readonly width?: number;
}

export interface TableSchema {
  readonly name: TableName;
  readonly columns: readonly ColumnSchema[];
  /** The columns that identify a row, for updates. */
  readonly key: readonly string[];
  /** Further columns the table may have beyond `columns`, matched by header, with their kind. */
  readonly extra?: { readonly pattern: RegExp; readonly kind: ColumnKind; readonly numberFormat?: string };
  /** The PartnerId column may hold `*` (defaults every partner inherits). */
  readonly allowsDefaults?: boolean;
  /** The add-in writes this table itself (live formulas); users read it. */
  readonly owned?: boolean;
  /**
   * Of an owned table, the columns the task pane reads back (the rest hold formulas whose results
   * it computes itself, so opening a workbook skips them).
   */
  readonly readBack?: readonly string[];
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const AREA_NAMES = AUDIT_AREAS.map((a) => a.name);
export const PLAN_STATES = ["Draft", "Submitted", "Accepted", "Approved"] as const;
export const DEAL_OUTCOMES = ["Open", "Won", "Lost"] as const;
/** What a goal of the plan library is about. */
export const GOAL_CATEGORIES = ["Sales", "Marketing", "Technical", "Enablement"] as const;
/** The life stages a library activity may suit (PARTNER.STAGE's answers). */
export const LIFE_STAGES = [...STAGES, ESTABLISHED] as const;
export const TIER_IDS = TIERS.map((t) => t.id);
export const ACTIVITY_STATUSES = ["Planned", "In progress", "Done", "Cancelled"] as const;
export const FUND_TYPES = ["MDF", "Co-op", "Rebate accrual"] as const;
/** A fund request's states: Draft → Submitted → Approved or Rejected; Approved → Claimed → Paid. */
export const FUND_REQUEST_STATES = ["Draft", "Submitted", "Approved", "Rejected", "Claimed", "Paid"] as const;
/** Where an end-customer account stands with the vendor. */
export const ACCOUNT_STATUSES = ["Customer", "Prospect", "Open opportunity"] as const;
/** Who brought a deal: the partner found it, the partner helped win the vendor's deal, or the vendor alone. */
export const DEAL_SOURCES = ["Partner-sourced", "Partner-influenced", "Vendor"] as const;
/**
 * What became of a lead the vendor passed to a partner: Open (not taken up yet), Accepted (the
 * partner works it), Rejected (the partner declined it), Converted (it became a deal), Lost (worked,
 * and nothing came of it).
 */
export const LEAD_OUTCOMES = ["Open", "Accepted", "Rejected", "Converted", "Lost"] as const;

/**
 * The add-in's live results per partner (PartnerScores): the latest audit's ratings pulled from the
 * Audit table and the scores, tier, segment, life stage and plan status, all as formulas.
 */
export const SCORE_COLUMNS = [
  "LastAudit",
  ...AUDIT_AREAS.flatMap((area) => area.criteria.map((_, i) => `${area.id} ${i + 1}`)),
  "Ability",
  "SweetSpot",
  "Territory",
  "Revenue",
  "Audit",
  "Tier",
  "Segment",
  "Fit",
  "Onboarding",
  "Activation",
  "Enablement",
  "Stage",
  "PlanPeriod",
  "Attainment",
  "PlanStatus",
] as const;

const id = (name = "PartnerId"): ColumnSchema => ({ name, kind: "id", required: true, filled: true, width: 12 });
const flag = (name: string): ColumnSchema => ({ name, kind: "boolean", required: true });
const date = (name: string, required = false): ColumnSchema => ({ name, kind: "date", required, numberFormat: DATE_FORMAT, width: 12 });
const amount = (name: string, required = false): ColumnSchema => ({ name, kind: "amount", required, numberFormat: "#,##0", width: 12 });
/** Who took a step of a workflow, when, and what they said. */
const step = (who: string, when: string, comment: string): ColumnSchema[] => [
  { name: who, kind: "text", width: 18 },
  date(when),
  { name: comment, kind: "text", width: 32 },
];

export const SCHEMA: readonly TableSchema[] = [
  {
    name: "Partners",
    key: ["PartnerId"],
    columns: [
      id(),
      { name: "Name", kind: "text", required: true, filled: true, width: 32 },
      { name: "Region", kind: "text" },
      { name: "Territory", kind: "text", width: 18 },
      { name: "ChannelManager", kind: "text", width: 18 },
      { name: "Type", kind: "text", width: 22 },
      { name: "Status", kind: "text" },
      date("SignedDate"),
    ],
  },
  {
    name: "Audit",
    key: ["PartnerId", "Area", "Criterion", "Date"],
    columns: [
      id(),
      { name: "Area", kind: "choice", required: true, filled: true, choices: AREA_NAMES, width: 22 },
      { name: "Criterion", kind: "text", required: true, filled: true, width: 44 },
      { name: "Rating", kind: "rating", required: true },
      date("Date"),
      { name: "Weight", kind: "number" },
      { name: "Note", kind: "text", width: 24 },
    ],
  },
  {
    name: "Engagement",
    key: ["PartnerId", "Period"],
    columns: [
      id(),
      flag("OptIn"),
      flag("Meets"),
      flag("Access"),
      flag("Visible"),
      flag("Advises"),
      flag("Suggests"),
      flag("RefersPartners"),
      flag("Online"),
      { name: "Opportunities", kind: "count", required: true },
      { name: "Period", kind: "text" },
      { name: "Prospect", kind: "boolean" },
    ],
  },
  {
    name: "Scorecard",
    key: ["PartnerId", "Category", "Topic", "Date"],
    columns: [
      id(),
      { name: "Category", kind: "text", required: true, filled: true, width: 14 },
      { name: "Topic", kind: "text", required: true, filled: true, width: 36 },
      { name: "Score", kind: "score", required: true },
      { name: "Target", kind: "score" },
      { name: "Weight", kind: "number" },
      date("Date"),
    ],
  },
  {
    name: "Metrics",
    key: ["PartnerId"],
    columns: [id(), { name: "Potential", kind: "metric", required: true }, { name: "Performance", kind: "metric", required: true }],
    extra: { pattern: /^.+$/, kind: "metric" },
  },
  {
    name: "Assumptions",
    key: ["PartnerId", "Name"],
    allowsDefaults: true,
    columns: [
      id(),
      { name: "Name", kind: "text", required: true, filled: true, width: 22 },
      { name: "Value", kind: "number", required: true, filled: true },
    ],
    extra: { pattern: /^year\s*([2-9]|1\d|20)$/i, kind: "number" },
  },
  {
    name: "Plan",
    key: ["PartnerId", "Period", "KPI"],
    columns: [
      id(),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "KPI", kind: "text", required: true, filled: true, width: 28 },
      { name: "Target", kind: "number", required: true },
      { name: "Actual", kind: "number", required: true },
      { name: "Weight", kind: "number" },
    ],
  },
  {
    name: "Tasks",
    key: ["PartnerId", "Task"],
    columns: [
      id(),
      { name: "Task", kind: "text", required: true, filled: true, width: 40 },
      date("Due", true),
      { name: "Owner", kind: "text", width: 18 },
      date("Done"),
    ],
  },
  {
    name: "Deals",
    key: ["DealId"],
    columns: [
      id(),
      { name: "DealId", kind: "text", required: true, filled: true },
      { name: "Stage", kind: "text", required: true },
      { name: "Amount", kind: "number", required: true, numberFormat: "#,##0" },
      { name: "Outcome", kind: "choice", required: true, choices: DEAL_OUTCOMES },
      date("Opened"),
      date("Closed"),
      { name: "AccountId", kind: "id", width: 12 },
      date("Registered"),
      date("ProtectedUntil"),
      { name: "Source", kind: "choice", choices: DEAL_SOURCES, width: 18 },
      { name: "Qualified", kind: "boolean" },
    ],
  },
  {
    name: "Approvals",
    key: ["PartnerId", "Period"],
    columns: [
      id(),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "State", kind: "choice", required: true, filled: true, choices: PLAN_STATES },
      { name: "AcceptedBy", kind: "text", width: 18 },
      date("AcceptedOn"),
      { name: "ApprovedBy", kind: "text", width: 18 },
      date("ApprovedOn"),
      { name: "Comment", kind: "text", width: 36 },
    ],
  },
  {
    name: "Library",
    key: ["GoalId", "ActivityId"],
    columns: [
      { name: "GoalId", kind: "text", required: true, filled: true, width: 10 },
      { name: "Goal", kind: "text", required: true, filled: true, width: 32 },
      { name: "Category", kind: "choice", required: true, filled: true, choices: GOAL_CATEGORIES, width: 12 },
      { name: "ActivityId", kind: "text", required: true, filled: true, width: 10 },
      { name: "Activity", kind: "text", required: true, filled: true, width: 36 },
      { name: "Tactic", kind: "text", width: 36 },
      { name: "KPI", kind: "text", required: true, filled: true, width: 22 },
      { name: "Unit", kind: "text", width: 12 },
      { name: "Stage", kind: "choices", choices: LIFE_STAGES, width: 22 },
      { name: "Tier", kind: "choices", choices: TIER_IDS, width: 14 },
      { name: "MDFEligible", kind: "boolean" },
      amount("TypicalCost"),
      { name: "TypicalResult", kind: "number", numberFormat: "#,##0", width: 12 },
    ],
  },
  {
    name: "PlanActivities",
    key: ["PartnerId", "Period", "GoalId", "ActivityId"],
    columns: [
      id(),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "GoalId", kind: "text", required: true, filled: true, width: 10 },
      { name: "ActivityId", kind: "text", required: true, filled: true, width: 10 },
      { name: "Owner", kind: "text", width: 18 },
      date("Start"),
      date("End"),
      amount("Budget"),
      { name: "PartnerShare", kind: "share", numberFormat: "0%" },
      { name: "Expected", kind: "number", numberFormat: "#,##0" },
      { name: "Actual", kind: "number", numberFormat: "#,##0" },
      { name: "Status", kind: "choice", choices: ACTIVITY_STATUSES },
      { name: "RequestId", kind: "text", width: 12 },
    ],
  },
  {
    name: "Funds",
    key: ["PartnerId", "Period", "FundType"],
    columns: [
      id(),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "FundType", kind: "choice", required: true, filled: true, choices: FUND_TYPES, width: 14 },
      { ...amount("Allocated", true), filled: true },
    ],
  },
  {
    name: "FundRequests",
    key: ["RequestId"],
    columns: [
      { name: "RequestId", kind: "text", required: true, filled: true, width: 12 },
      id(),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "ActivityId", kind: "text", width: 10 },
      { name: "FundType", kind: "choice", choices: FUND_TYPES, width: 14 },
      { ...amount("Amount", true), filled: true },
      { name: "State", kind: "choice", required: true, filled: true, choices: FUND_REQUEST_STATES },
      ...step("SubmittedBy", "SubmittedOn", "SubmitComment"),
      ...step("ReviewedBy", "ReviewedOn", "ReviewComment"),
      amount("ClaimAmount"),
      { name: "ProofOfPerformance", kind: "text", width: 36 },
      ...step("ClaimedBy", "ClaimedOn", "ClaimComment"),
      ...step("PaidBy", "PaidOn", "PaymentComment"),
    ],
  },
  {
    name: "ValueProposition",
    key: ["PartnerId"],
    columns: [
      id(),
      { name: "Problem", kind: "text", width: 36 },
      { name: "QuantifiedBenefit", kind: "text", width: 32 },
      { name: "Differentiator", kind: "text", width: 32 },
      { name: "Statement", kind: "text", required: true, width: 60 },
    ],
  },
  {
    name: "Accounts",
    key: ["AccountId"],
    columns: [
      id("AccountId"),
      { name: "Name", kind: "text", required: true, filled: true, width: 32 },
      { name: "Domain", kind: "text", width: 24 },
      { name: "Industry", kind: "text", width: 22 },
      { name: "Region", kind: "text" },
      { name: "Owner", kind: "text", width: 18 },
      { name: "Status", kind: "choice", choices: ACCOUNT_STATUSES, width: 16 },
    ],
  },
  {
    name: "Leads",
    key: ["LeadId"],
    columns: [
      { name: "LeadId", kind: "text", required: true, filled: true, width: 10 },
      id("AccountId"),
      id(),
      date("Sent", true),
      date("Accepted"),
      date("FollowUpBy"),
      { name: "Outcome", kind: "choice", choices: LEAD_OUTCOMES, width: 12 },
    ],
  },
  {
    name: "AccountPlans",
    key: ["PartnerId", "AccountId", "Period"],
    columns: [
      id(),
      id("AccountId"),
      { name: "Period", kind: "text", required: true, filled: true },
      { name: "Objective", kind: "text", required: true, width: 40 },
      { name: "NextStep", kind: "text", width: 40 },
      date("Due"),
      { name: "Owner", kind: "text", width: 18 },
    ],
  },
  {
    name: "PartnerScores",
    key: ["PartnerId"],
    owned: true,
    readBack: ["PartnerId", "PlanPeriod"],
    columns: [id(), ...SCORE_COLUMNS.map((name): ColumnSchema => ({ name, kind: "result", required: true, width: name.length > 9 ? 14 : 10 }))],
  },
  {
    // How each export's columns map onto a table, remembered per source ("Salesforce opportunities").
    name: "ImportMaps",
    key: ["Source", "Table", "Column"],
    columns: [
      { name: "Source", kind: "text", required: true, filled: true, width: 28 },
      { name: "Table", kind: "text", required: true, filled: true, width: 16 },
      { name: "Column", kind: "text", required: true, filled: true, width: 16 },
      { name: "Header", kind: "text", required: true, width: 28 },
    ],
  },
  {
    // Names other systems give a partner ("ACME Corp (EMEA)"), confirmed once, resolved ever after.
    name: "PartnerAliases",
    key: ["Alias"],
    columns: [{ name: "Alias", kind: "text", required: true, filled: true, width: 32 }, id()],
  },
];

export const RATING_MAX = AUDIT_SCALE_MAX;

export function tableSchema(name: TableName): TableSchema {
  const found = SCHEMA.find((t) => t.name === name);
  if (!found) throw new Error(`No table ${name} in the schema`);
  return found;
}

/** The Excel data validation a column kind gets from "Set up workbook", independent of the adapter. */
export interface ValidationRule {
  type: "list" | "decimal" | "whole" | "date";
  /** List entries (`list`). */
  values?: readonly string[];
  min?: number;
  max?: number;
  message: string;
}

export function validationRule(column: Pick<ColumnSchema, "kind" | "choices">): ValidationRule | undefined {
  switch (column.kind) {
    case "rating":
      return { type: "list", values: ["1", "2", "3", "4", "5"], message: `Choose a rating from 1 to ${RATING_MAX}.` };
    case "boolean":
      return { type: "list", values: ["TRUE", "FALSE"], message: "Choose TRUE or FALSE." };
    case "metric":
      return { type: "decimal", min: 1, max: 100, message: "Enter a number from 1 to 100." };
    case "score":
      return { type: "decimal", min: 0, max: 100, message: "Enter a number from 0 to 100." };
    case "count":
      return { type: "whole", min: 0, message: "Enter a whole number, 0 or more." };
    case "amount":
      return { type: "decimal", min: 0, message: "Enter an amount, 0 or more." };
    case "share":
      return { type: "decimal", min: 0, max: 1, message: "Enter a percentage from 0% to 100%." };
    case "choice":
      return column.choices ? { type: "list", values: column.choices, message: `Choose one of ${column.choices.join(", ")}.` } : undefined;
    case "date":
      return { type: "date", min: 1, message: "Enter a date." };
    default:
      return undefined;
  }
}
