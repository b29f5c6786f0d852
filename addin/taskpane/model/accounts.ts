/**
 * The Accounts tab: a partner's end-customer accounts (those it has a deal, a lead or an account
 * plan on) with their registered deals, leads against their follow-up time and plan; the overlap
 * of the partner's accounts with the vendor's own list; and the two batches the tab saves — target
 * accounts of a period (AccountPlans rows and a task per next step) and a deal registration (a
 * Deals row, and an Accounts row for a new account). Overlap, conflicts and lead states are the
 * engine's (PARTNER.OVERLAP, PARTNER.CONFLICT, PARTNER.LEADAGE); this only picks records and rows.
 */
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  type LeadState,
  accountKey,
  accountOverlap,
  accountStatusOf,
  dealConflicts,
  leadStates,
} from "../../../engine/accounts";
import { type EngineError, isEngineError } from "../../../engine/error";
import { periodDates } from "../../../engine/plan/period";
import type { Change } from "../../workbook/plan";
import type { AccountPlanRecord, AccountRecord, DealRecord, LeadRecord, PartnerData } from "../../workbook/records";
import { DEAL_SOURCES } from "../../workbook/schema";

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/**
 * Days a partner has to accept a lead when its FollowUpBy is blank: five calendar days after it
 * was sent (the sample's agreement). A lead's own FollowUpBy, when filled, is its deadline.
 */
export const DEFAULT_LEAD_SLA_DAYS = 5;
/** How long a new registration protects a deal, unless the form says otherwise. */
export const DEFAULT_PROTECTION_DAYS = 90;
/** The stages the registration form offers (the sample's funnel), before any others the Deals table uses. */
export const DEAL_STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Closed"] as const;
/** The Deals columns a registration writes beyond the original ones, as their headers read. */
export const REGISTRATION_COLUMNS = ["AccountId", "Registered", "ProtectedUntil", "Source", "Qualified"] as const;

/** Where a deal's registration stands on a day. */
export type Protection =
  | { kind: "unregistered" }
  | { kind: "running"; daysLeft: number; until: number }
  | { kind: "unending" }
  | { kind: "expired"; until: number };

export function protectionOf(deal: Pick<DealRecord, "registered" | "protectedUntil">, today: number): Protection {
  if (deal.registered === null) return { kind: "unregistered" };
  if (deal.protectedUntil === null) return { kind: "unending" };
  const until = Math.floor(deal.protectedUntil);
  const daysLeft = until - Math.floor(today);
  return daysLeft >= 0 ? { kind: "running", daysLeft, until } : { kind: "expired", until };
}

/** "protection ends in 12 days", "protection ends today", "protection expired", … */
export function protectionText(p: Protection): string {
  switch (p.kind) {
    case "unregistered":
      return "not registered";
    case "unending":
      return "protected, no end date";
    case "expired":
      return "protection expired";
    case "running":
      return p.daysLeft === 0 ? "protection ends today" : `protection ends in ${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"}`;
  }
}

/** A lead's follow-up state: the engine's SLA state, or Rejected (the partner answered, and declined). */
export type LeadFollowUp = LeadState | "Rejected";

export interface AccountLead {
  lead: LeadRecord;
  /** The days the partner had to accept it (from FollowUpBy, else the default). */
  slaDays: number;
  /** The last day to accept it; `null` without a sent day. */
  acceptBy: number | null;
  /** `null`: no sent day, so no state. */
  state: LeadFollowUp | null;
}

/** The SLA of each lead and its state on `today`; a lead whose dates do not read leaves every state blank, with the engine's message. */
export function leadFollowUps(leads: readonly LeadRecord[], today: number): { leads: AccountLead[]; problem?: string } {
  const sla = leads.map((l) => (l.sent !== null && l.followUpBy !== null && l.followUpBy >= l.sent ? Math.floor(l.followUpBy) - Math.floor(l.sent) : DEFAULT_LEAD_SLA_DAYS));
  const states = leadStates(
    leads.map((l, i) => ({ sent: l.sent, accepted: l.accepted, slaDays: sla[i] })),
    today,
    { at: (arg, i) => `lead ${leads[i].leadId} (${arg === "accepted" ? "Accepted" : arg === "sent" ? "Sent" : "FollowUpBy"})` },
  );
  const problem = isEngineError(states) ? states.message : undefined;
  return {
    problem,
    leads: leads.map((lead, i) => {
      const state = isEngineError(states) ? null : states[i];
      return {
        lead,
        slaDays: sla[i],
        acceptBy: lead.sent === null ? null : Math.floor(lead.sent) + sla[i],
        // Declined without an acceptance: answered, so neither open nor overdue.
        state: lead.accepted === null && same(lead.outcome, "Rejected") ? "Rejected" : state,
      };
    }),
  };
}

export interface PartnerAccount {
  accountId: string;
  /** The vendor's record; `undefined` when the AccountId is not in the Accounts table. */
  account: AccountRecord | undefined;
  name: string;
  /** The vendor's status (Accounts' Status), read as PARTNER.OVERLAP reads it; `null` when blank or unknown. */
  vendorStatus: AccountStatus | null;
  /** The partner's status with the account: Customer (a won deal), Open opportunity (an open deal), else Prospect. */
  partnerStatus: AccountStatus;
  deals: DealRecord[];
  leads: AccountLead[];
  /** The account's plan for the period, when it is a target. */
  plan: AccountPlanRecord | undefined;
}

export interface PartnerAccounts {
  accounts: PartnerAccount[];
  /** Why lead states are missing, when a lead's dates do not read. */
  leadProblem?: string;
}

/** The partner's status with an account, from its deals there. */
export function partnerStatusOf(deals: readonly Pick<DealRecord, "outcome">[]): AccountStatus {
  if (deals.some((d) => same(d.outcome, "Won"))) return "Customer";
  if (deals.some((d) => same(d.outcome, "Open"))) return "Open opportunity";
  return "Prospect";
}

/**
 * The partner's accounts: every AccountId its deals, leads and account plans name, targets of
 * `period` first, then accounts with an open deal, then by name.
 */
export function partnerAccounts(data: PartnerData, partnerId: string, period: string, today: number): PartnerAccounts {
  const ids = new Map<string, string>();
  const note = (id: string | null) => {
    if (id && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  };
  const deals = data.dealsOf(partnerId);
  const plans = data.accountPlansOf(partnerId);
  deals.forEach((d) => note(d.accountId));
  data.leadsOf(partnerId).forEach((l) => note(l.accountId));
  plans.forEach((p) => note(p.accountId));
  const followUps = leadFollowUps(data.leadsOf(partnerId), today);
  const accounts = [...ids.values()].map((accountId): PartnerAccount => {
    const account = data.account(accountId);
    const own = deals.filter((d) => same(d.accountId, accountId));
    return {
      accountId: account?.accountId ?? accountId,
      account,
      name: account?.name ?? accountId,
      vendorStatus: account?.status ? (accountStatusOf(account.status) ?? null) : null,
      partnerStatus: partnerStatusOf(own),
      deals: own,
      leads: followUps.leads.filter((l) => same(l.lead.accountId, accountId)),
      plan: plans.find((p) => same(p.accountId, accountId) && same(p.period, period)),
    };
  });
  const open = (a: PartnerAccount) => a.deals.some((d) => same(d.outcome, "Open"));
  accounts.sort((a, b) => Number(!!b.plan) - Number(!!a.plan) || Number(open(b)) - Number(open(a)) || a.name.localeCompare(b.name));
  return { accounts, leadProblem: followUps.problem };
}

/** An account on both lists, with the vendor's and the partner's status. */
export interface SharedAccount {
  key: string;
  account: AccountRecord | undefined;
  name: string;
  vendor: AccountStatus;
  partner: AccountStatus;
}

export interface OverlapView {
  /** counts[v][p]: shared accounts with the vendor's status ACCOUNT_STATUSES[v] and the partner's ACCOUNT_STATUSES[p]. */
  counts: number[][];
  shared: SharedAccount[];
  /** Accounts of the partner that are not on the vendor's list (an AccountId not in Accounts, or one without a status). */
  partnerOnly: number;
  /** Vendor accounts left out of the matching because their Status is blank or not a status. */
  unrated: number;
}

/** The key PARTNER.OVERLAP matches an account by: its domain, else its name. */
const keyOf = (account: Pick<AccountRecord, "domain" | "name">) => accountKey(account.domain ?? "") ?? accountKey(account.name);

/**
 * Account mapping of the partner against the vendor (PARTNER.OVERLAP): the vendor's list is the
 * Accounts table with its statuses; the partner's is its accounts with the status its own deals
 * give them. Both are matched by domain (else name), as two firms swapping lists would.
 */
export function overlapOf(data: PartnerData, accounts: readonly PartnerAccount[]): OverlapView | EngineError {
  const vendor = data.accounts.filter((a) => a.status !== null && accountStatusOf(a.status) !== undefined);
  const byKey = new Map<string, AccountRecord>();
  for (const a of vendor) {
    const key = keyOf(a);
    if (key !== null && !byKey.has(key)) byKey.set(key, a);
  }
  const partnerRows = accounts.map((a) => ({ account: a.account ? (a.account.domain ?? a.account.name) : a.accountId, status: a.partnerStatus as string }));
  const overlap = accountOverlap(
    vendor.map((a) => ({ account: a.domain ?? a.name, status: a.status })),
    partnerRows,
    (side, index) => (side === "mine" ? `Accounts, account ${vendor[index].accountId} (Status)` : `the partner's account ${accounts[index].accountId}`),
  );
  if (isEngineError(overlap)) return overlap;
  const shared = overlap.matches.map((m) => {
    const account = byKey.get(m.account);
    return { key: m.account, account, name: account?.name ?? m.account, vendor: m.mine, partner: m.theirs };
  });
  shared.sort((a, b) => a.name.localeCompare(b.name));
  return { counts: overlap.counts, shared, partnerOnly: accounts.length - shared.length, unrated: data.accounts.length - vendor.length };
}

export const OVERLAP_STATUSES = ACCOUNT_STATUSES;

/** The periods the target form offers: the partner's account-plan and plan periods, latest first, with `current` among them. */
export function accountPlanPeriods(data: PartnerData, partnerId: string, current: string): string[] {
  const periods: string[] = [];
  const add = (p: string) => {
    if (p.trim() && !periods.some((q) => same(q, p))) periods.push(p);
  };
  add(current);
  data.accountPlansOf(partnerId).forEach((p) => add(p.period));
  data.plansOf(partnerId).forEach((p) => add(p.period));
  const start = (p: string) => periodDates(p)?.start ?? -Infinity;
  return periods.sort((a, b) => start(b) - start(a) || a.localeCompare(b));
}

/**
 * The period the account plan opens on: the shortest of the partner's account-plan and plan
 * periods that covers `today` (a quarter before its year), else the calendar year of `today`.
 */
export function currentAccountPeriod(data: PartnerData, partnerId: string, today: number, year: number): string {
  const candidates = [...data.accountPlansOf(partnerId).map((p) => p.period), ...data.plansOf(partnerId).map((p) => p.period)];
  let best: { period: string; days: number } | undefined;
  for (const period of candidates) {
    const dates = periodDates(period);
    if (!dates || dates.start > today || dates.end < today) continue;
    const days = dates.end - dates.start;
    if (!best || days < best.days) best = { period, days };
  }
  return best?.period ?? `FY${year}`;
}

/** A target account as the form holds it. */
export interface TargetDraft {
  accountId: string;
  objective: string;
  nextStep: string;
  due: number | null;
  owner: string;
}

/** The task a target's next step becomes: named by the period, the account and the step. */
export const nextStepTask = (period: string, accountName: string, nextStep: string) => `${period} ${accountName}: ${nextStep.trim()}`;

export type TargetResult = { ok: true; changes: Change[]; tasks: string[]; removed: number; withdrawn: string[] } | { ok: false; message: string };

/**
 * The batch that saves the target accounts of `period`: an AccountPlans row per target (added or
 * updated), the removal of the period's rows of accounts no longer chosen, and a task per next
 * step, due on the step's day with its owner. The task of a next step that is replaced, cleared or
 * whose account is no longer a target is removed while it is not done (`withdrawn`); a done task
 * stays. An account not in the Accounts table, a target without an objective, or a next step
 * without a due day is refused, naming the account.
 */
export function targetChanges(data: PartnerData, partnerId: string, period: string, targets: readonly TargetDraft[]): TargetResult {
  if (!period.trim()) return { ok: false, message: "Choose the period of the account plan." };
  const changes: Change[] = [];
  const tasks: string[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const account = data.account(t.accountId);
    if (!account) return { ok: false, message: `Account ${t.accountId} is not in the Accounts table.` };
    if (seen.has(account.accountId.toLowerCase())) return { ok: false, message: `${account.name} is chosen twice.` };
    seen.add(account.accountId.toLowerCase());
    if (!t.objective.trim()) return { ok: false, message: `${account.name}: enter the objective.` };
    if (t.due !== null && !Number.isFinite(t.due)) return { ok: false, message: `${account.name}: the due date is not a date (YYYY-MM-DD).` };
    if (t.nextStep.trim() && t.due === null) return { ok: false, message: `${account.name}: a next step needs a due date (it becomes a task).` };
    const owner = t.owner.trim() || null;
    changes.push({
      table: "AccountPlans",
      key: { PartnerId: partnerId, AccountId: account.accountId, Period: period },
      set: { Objective: t.objective.trim(), NextStep: t.nextStep.trim() || null, Due: t.due, Owner: owner },
    });
    if (t.nextStep.trim()) {
      const task = nextStepTask(period, account.name, t.nextStep);
      changes.push({ table: "Tasks", key: { PartnerId: partnerId, Task: task }, set: { Due: t.due, Owner: owner } });
      tasks.push(task);
    }
  }
  const before = data.accountPlansOf(partnerId).filter((p) => same(p.period, period));
  const dropped = before.filter((p) => !seen.has(p.accountId.toLowerCase()));
  for (const p of dropped) changes.push({ table: "AccountPlans", key: { PartnerId: partnerId, AccountId: p.accountId, Period: p.period }, delete: true });
  if (!changes.length) return { ok: false, message: "Choose at least one target account." };
  // The tasks of the steps this save replaces: each account's step before it, where it is not the
  // step saved now (or the account is no longer a target), and its task is still open.
  const saved = new Set(tasks.map((t) => t.toLowerCase()));
  const open = new Map(data.tasksOf(partnerId).filter((t) => t.done === null).map((t) => [t.task.trim().toLowerCase(), t.task]));
  const withdrawn: string[] = [];
  for (const p of before) {
    const name = data.account(p.accountId)?.name;
    if (!p.nextStep?.trim() || !name) continue;
    const task = open.get(nextStepTask(period, name, p.nextStep).toLowerCase());
    if (!task || saved.has(task.toLowerCase()) || withdrawn.includes(task)) continue;
    changes.push({ table: "Tasks", key: { PartnerId: partnerId, Task: task }, delete: true });
    withdrawn.push(task);
  }
  return { ok: true, changes, tasks, removed: dropped.length, withdrawn };
}

/**
 * The Deals columns a registration needs that the workbook's Deals table lacks, by header
 * (every one of them when there is no Deals table).
 */
export function missingRegistrationColumns(data: PartnerData): string[] {
  const deals = data.snapshot.tables.get("Deals");
  return REGISTRATION_COLUMNS.filter((c) => !deals?.columns.has(c.toLowerCase()));
}

/** The next id after the largest of `ids` that is `prefix` and digits, as wide as the widest of them. */
export function nextId(ids: Iterable<string>, prefix: string, width = 5): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`, "i");
  let max = 0;
  let digits = width;
  const taken = new Set<string>();
  for (const id of ids) {
    taken.add(id.toLowerCase());
    const m = pattern.exec(id.trim());
    if (!m) continue;
    max = Math.max(max, Number(m[1]));
    digits = Math.max(digits, m[1].length);
  }
  let n = max + 1;
  while (taken.has(`${prefix}${String(n).padStart(digits, "0")}`.toLowerCase())) n++;
  return `${prefix}${String(n).padStart(digits, "0")}`;
}

/** The account a registration is on: one of the Accounts table, or a new one. */
export type DealAccount = { accountId: string } | { name: string; domain: string };

export interface Registration {
  account: DealAccount;
  amount: number | null;
  stage: string;
  source: string;
  qualified: boolean | null;
  /** Days of protection from today (today included as the registration day). */
  protectionDays: number | null;
}

/** Another partner's deal whose protection overlaps the new registration's, on the same account. */
export interface RegistrationConflict {
  deal: DealRecord;
  partnerName: string;
  /** First and last day both are protected; `to` null when neither protection ends. */
  from: number;
  to: number | null;
}

/** An existing account whose domain (else name) is the same as the new account's: adding it again would hide conflicts. */
export function sameAccount(data: PartnerData, name: string, domain: string): AccountRecord | undefined {
  const byDomain = domain.trim() ? accountKey(domain) : null;
  const byName = accountKey(name);
  return data.accounts.find((a) => (byDomain !== null && accountKey(a.domain ?? "") === byDomain) || (byName !== null && accountKey(a.name) === byName));
}

/**
 * Other partners' deals on `accountId` whose protection overlaps a registration by `partnerId`
 * from `registered` to `protectedUntil` (PARTNER.CONFLICT on the account's deals and the new one).
 */
export function registrationConflicts(
  data: PartnerData,
  partnerId: string,
  accountId: string,
  registered: number,
  protectedUntil: number,
): RegistrationConflict[] | EngineError {
  const deals = data.dealsOfAccount(accountId);
  const rows = [
    ...deals.map((d) => ({ account: d.accountId, partner: d.partnerId, registered: d.registered, protectedUntil: d.protectedUntil })),
    { account: accountId, partner: partnerId, registered, protectedUntil },
  ];
  const found = dealConflicts(rows, { at: (arg, i) => `deal ${deals[i]?.dealId ?? "being registered"} (${arg === "registered" ? "Registered" : "ProtectedUntil"})` });
  if (isEngineError(found)) return found;
  return found
    .filter((c) => c.otherRow === deals.length)
    .map((c) => ({ deal: deals[c.row], partnerName: data.partner(deals[c.row].partnerId)?.name ?? deals[c.row].partnerId, from: c.from, to: c.to }));
}

export type RegistrationResult =
  | { ok: true; changes: Change[]; dealId: string; accountId: string; newAccount: boolean; protectedUntil: number; conflicts: RegistrationConflict[] }
  | { ok: false; message: string };

/**
 * The batch that registers a deal of `partnerId` today: a new Deals row (Open, opened and
 * registered today, protected for the given days, with its source and qualification) and, for a
 * new account, its Accounts row (an open opportunity, in the partner's region). Conflicts with
 * other partners' protected deals do not stop it — they are returned, to be shown before saving
 * and resolved after — but a Deals table without the registration columns, a new account that is
 * already on the list, or a figure that does not read is refused.
 */
export function registrationChanges(data: PartnerData, partnerId: string, r: Registration, today: number): RegistrationResult {
  const missing = missingRegistrationColumns(data);
  if (missing.length) return { ok: false, message: `The Deals table has no ${missing.join(", ")} ${missing.length === 1 ? "column" : "columns"}: add ${missing.length === 1 ? "it" : "them"} as headers of the Deals table to register deals here.` };
  const partner = data.partner(partnerId);
  if (!partner) return { ok: false, message: `Partner ${partnerId} is not in the Partners table.` };
  if (r.amount === null || !Number.isFinite(r.amount) || r.amount < 0) return { ok: false, message: "Enter the deal's amount (0 or more)." };
  if (!r.stage.trim()) return { ok: false, message: "Choose the deal's stage." };
  if (!(DEAL_SOURCES as readonly string[]).includes(r.source)) return { ok: false, message: `Choose the source: ${DEAL_SOURCES.join(", ")}.` };
  const days = r.protectionDays;
  if (days === null || !Number.isInteger(days) || days < 1 || days > 3650) return { ok: false, message: "Protection: enter a whole number of days from 1 to 3,650." };
  const changes: Change[] = [];
  let accountId: string;
  let newAccount = false;
  if ("accountId" in r.account) {
    const account = data.account(r.account.accountId);
    if (!account) return { ok: false, message: "Choose the account from the list, or enter a new one." };
    accountId = account.accountId;
  } else {
    const name = r.account.name.trim();
    const domain = r.account.domain.trim();
    if (!name) return { ok: false, message: "Enter the new account's name." };
    if (domain && accountKey(domain)?.includes(".") !== true) return { ok: false, message: `${domain} is not a domain (example: acme.com).` };
    const known = sameAccount(data, name, domain);
    if (known) return { ok: false, message: `${known.name} (${known.accountId}${known.domain ? `, ${known.domain}` : ""}) is already in the Accounts table: choose it rather than adding it again.` };
    accountId = nextId(
      data.accounts.map((a) => a.accountId),
      "A",
    );
    newAccount = true;
    changes.push({ table: "Accounts", key: { AccountId: accountId }, set: { Name: name, Domain: domain || null, Region: partner.region, Status: "Open opportunity" }, add: true });
  }
  const protectedUntil = Math.floor(today) + days;
  const conflicts = newAccount ? [] : registrationConflicts(data, partnerId, accountId, Math.floor(today), protectedUntil);
  if (isEngineError(conflicts)) return { ok: false, message: `The account's deals could not be checked for conflicts: ${conflicts.message}` };
  const dealId = nextId(
    data.deals.map((d) => d.dealId),
    "D",
  );
  changes.push({
    table: "Deals",
    key: { DealId: dealId },
    set: {
      PartnerId: partner.id,
      Stage: r.stage.trim(),
      Amount: r.amount,
      Outcome: "Open",
      Opened: Math.floor(today),
      AccountId: accountId,
      Registered: Math.floor(today),
      ProtectedUntil: protectedUntil,
      Source: r.source,
      Qualified: r.qualified,
    },
    add: true,
  });
  return { ok: true, changes, dealId, accountId, newAccount, protectedUntil, conflicts };
}
