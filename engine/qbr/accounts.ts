/**
 * The account plan in a quarterly business review: the partner's top end-customer accounts by
 * open pipeline with the next step and owner of its account plan, and the deals it registered and
 * won in the quarter with the partner's credit for the wins (partner-sourced, partner-influenced,
 * the vendor's own — PARTNER.ATTRIB). Pure: the sheet, the deck and the task pane only lay it out.
 */
import { type AttributionLine, attribution } from "../accounts";
import { isEngineError } from "../error";
import { reviewPeriod, samePeriod } from "./quarter";

/** Accounts listed in the review (by open pipeline, then planned ones without pipeline). */
export const QBR_TOP_ACCOUNTS = 8;

export interface QbrAccountRow {
  accountId: string;
  name: string;
  region?: string | null;
  status?: string | null;
}

export interface QbrAccountPlanRow {
  accountId: string;
  period: string;
  objective: string | null;
  nextStep: string | null;
  due: number | null;
  owner: string | null;
}

/** A deal as the account plan reads it. */
export interface QbrAccountDeal {
  dealId: string;
  amount: number | null;
  outcome: string | null;
  closed: number | null;
  accountId?: string | null;
  registered?: number | null;
  source?: string | null;
}

export interface QbrAccountsInput {
  /** The quarter under review, "yyyy-Qn". */
  quarter: string;
  start: number;
  end: number;
  deals: readonly QbrAccountDeal[];
  /** The accounts the partner's deals and plans name (others are not looked up). */
  accounts: readonly QbrAccountRow[];
  accountPlans: readonly QbrAccountPlanRow[];
}

export interface AccountLine {
  accountId: string;
  /** The account's name, or its id when the Accounts table lacks it. */
  name: string;
  status: string | null;
  openDeals: number;
  openAmount: number;
  /** The account plan row of the period the review follows (`plan`), if the partner has one. */
  objective: string | null;
  nextStep: string | null;
  due: number | null;
  owner: string | null;
}

export interface QbrAccounts {
  /** The account-plan period the review follows (the quarter's own, else the shortest covering it); `null` when none covers it. */
  period: string | null;
  /** Accounts in that plan. */
  planned: number;
  /** Accounts with open deals of the partner. */
  withPipeline: number;
  /** Accounts with pipeline or in the plan (the top ones and the rest). */
  count: number;
  /** The top QBR_TOP_ACCOUNTS accounts: by open pipeline, then the planned ones without pipeline. */
  top: AccountLine[];
  /** Deals registered in the quarter. */
  registered: { count: number; amount: number };
  /** Deals won in the quarter, and the credit for them (PARTNER.ATTRIB's lines; shares `null` when nothing was won). */
  won: { count: number; amount: number; credit: AttributionLine[] | null; error: string | null };
}

const key = (id: string) => id.trim().toLowerCase();
const isOpen = (d: QbrAccountDeal) => (d.outcome ?? "Open").trim().toLowerCase() === "open";
const isWon = (d: QbrAccountDeal) => (d.outcome ?? "").trim().toLowerCase() === "won";
const inside = (serial: number | null | undefined, start: number, end: number) => serial !== null && serial !== undefined && serial >= start && serial < end + 1;

export function accountPlan(input: QbrAccountsInput): QbrAccounts {
  const { start, end } = input;
  const period = reviewPeriod(
    input.accountPlans.map((p) => p.period),
    input.quarter,
  );
  const plans = new Map<string, QbrAccountPlanRow>();
  if (period !== null) for (const p of input.accountPlans) if (samePeriod(p.period, period) && !plans.has(key(p.accountId))) plans.set(key(p.accountId), p);
  const accounts = new Map(input.accounts.map((a) => [key(a.accountId), a]));

  const open = new Map<string, { id: string; count: number; amount: number }>();
  for (const d of input.deals) {
    if (!isOpen(d) || !d.accountId?.trim()) continue;
    const k = key(d.accountId);
    const o = open.get(k) ?? { id: d.accountId.trim(), count: 0, amount: 0 };
    o.count++;
    o.amount += d.amount !== null && Number.isFinite(d.amount) ? d.amount : 0;
    open.set(k, o);
  }
  const line = (k: string, id: string): AccountLine => {
    const a = accounts.get(k);
    const p = plans.get(k);
    const o = open.get(k);
    return {
      accountId: a?.accountId ?? id,
      name: a?.name ?? id,
      status: a?.status ?? null,
      openDeals: o?.count ?? 0,
      openAmount: o?.amount ?? 0,
      objective: p?.objective ?? null,
      nextStep: p?.nextStep ?? null,
      due: p?.due ?? null,
      owner: p?.owner ?? null,
    };
  };
  const withPipeline = [...open].map(([k, o]) => line(k, o.id)).sort((a, b) => b.openAmount - a.openAmount || a.name.localeCompare(b.name));
  const plannedOnly = [...plans]
    .filter(([k]) => !open.has(k))
    .map(([k, p]) => line(k, p.accountId.trim()))
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.name.localeCompare(b.name));

  const registered = input.deals.filter((d) => inside(d.registered, start, end));
  const won = input.deals.filter((d) => isWon(d) && inside(d.closed, start, end));
  const credit = attribution(
    won.map((d) => ({ amount: d.amount, source: d.source ?? null })),
    (arg, i) => `${arg === "amounts" ? "Amount" : "Source"} of deal ${won[i].dealId}`,
  );
  const sum = (deals: readonly QbrAccountDeal[]) => deals.reduce((n, d) => n + (d.amount !== null && Number.isFinite(d.amount) ? d.amount : 0), 0);
  return {
    period,
    planned: plans.size,
    withPipeline: open.size,
    count: withPipeline.length + plannedOnly.length,
    top: [...withPipeline, ...plannedOnly].slice(0, QBR_TOP_ACCOUNTS),
    registered: { count: registered.length, amount: sum(registered) },
    won: { count: won.length, amount: sum(won), credit: isEngineError(credit) ? null : credit, error: isEngineError(credit) ? credit.message : null },
  };
}
