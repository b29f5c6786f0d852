/**
 * The QBR laid out as a worksheet for reading: a title, then one block per topic with headings,
 * number formats and native charts for plan against actual and the cumulative profit. Attainment
 * and status are formulas over the sheet's own cells, so edits to the figures recalculate.
 */
import { AUDIT_AREAS } from "../../engine/audit";
import type { Qbr } from "../../engine/qbr";
import type { ChartSpec, SheetCell, SheetSpec } from "../workbook/sheet";
import { a1 } from "../workbook/sheet";
import { CREDIT_RULE, REALISM_RULE, SPEND_RULE, approvalOf, noAccountsText, qbrName, requestText, spentFrom } from "./format";

const AMOUNT = "#,##0";
const PERCENT = "0.0%";
const SCORE = "0.0";
const DATE = "yyyy-mm-dd";

class Layout {
  readonly cells: SheetCell[] = [];
  readonly charts: ChartSpec[] = [];
  row = 1;
  put(column: number, value: SheetCell["value"], style: Omit<SheetCell, "row" | "column" | "value"> = {}) {
    if (value === null || value === undefined) return;
    this.cells.push({ row: this.row, column, value, ...style });
  }
  line(values: (SheetCell["value"] | undefined)[], style: Omit<SheetCell, "row" | "column" | "value"> = {}) {
    values.forEach((v, i) => v !== undefined && this.put(i + 1, v, style));
    this.row++;
  }
  heading(text: string) {
    this.row++;
    this.put(1, text, { bold: true, size: 13 });
    this.row++;
  }
}

export function qbrSheet(qbr: Qbr): SheetSpec {
  const name = qbrName(qbr.partner.id, qbr.quarter);
  const s = new Layout();
  s.line([`Quarterly business review: ${qbr.partner.name}`], { bold: true, size: 16 });
  s.line([[qbr.partner.id, qbr.partner.type, qbr.partner.territory, qbr.partner.region].filter(Boolean).join(" · ")]);
  s.put(1, "Quarter");
  s.put(2, qbr.quarter);
  s.put(3, qbr.start, { numberFormat: DATE });
  s.put(4, qbr.end, { numberFormat: DATE });
  s.row++;
  if (qbr.partner.channelManager) s.line(["Channel manager", qbr.partner.channelManager]);

  s.heading(qbr.planPeriod ? `Plan against actual: plan ${qbr.planPeriod}` : "Plan against actual");
  s.line(["KPI", "Target", "Actual", "Attainment", "Status", "Weight"], { band: true });
  const first = s.row;
  for (const k of qbr.kpis) {
    s.put(1, k.kpi);
    s.put(2, k.target, { numberFormat: AMOUNT });
    s.put(3, k.actual, { numberFormat: AMOUNT });
    if (k.target !== null && k.actual !== null && k.target > 0) {
      const [target, actual] = [a1(s.row, 2), a1(s.row, 3)];
      s.put(4, { formula: `=PARTNER.ATTAINMENT(${actual},${target})` }, { numberFormat: PERCENT, result: k.attainment });
      s.put(5, { formula: `=PARTNER.STATUS(${actual},${target})` }, { result: k.status });
    }
    s.put(6, k.weight ?? 1);
    s.row++;
  }
  const last = s.row - 1;
  if (qbr.total && qbr.kpis.length > 1) {
    // The weighted mean of the KPIs' own attainment, each up to its target: live, over the rows above.
    const range = (column: number) => `${a1(first, column)}:${a1(last, column)}`;
    const overall = `PARTNER.PLAN.ATTAINMENT(${range(3)},${range(2)},${range(6)})`;
    s.put(1, "All KPIs (weighted, each up to its target)", { bold: true });
    s.put(4, { formula: `=${overall}` }, { bold: true, numberFormat: PERCENT, result: qbr.total.attainment });
    s.put(5, { formula: `=PARTNER.STATUS(${overall},1)` }, { bold: true, result: qbr.total.status });
    s.row++;
  }
  if (!qbr.kpis.length) s.line(["No plan covers this quarter."]);
  // Attainment, not target and actual: KPIs in different units share one axis only as a share of their target.
  else s.charts.push({ kind: "column", title: "Attainment by KPI (100% = target)", categories: { column: 1, first, last }, series: [{ name: "Attainment", column: 4 }], at: { row: first - 2, column: 7, rows: 15, columns: 7 } });

  planSection(s, qbr);

  s.heading("Audit");
  s.line(["Area", qbr.previousQuarter, qbr.quarter, "Change"], { band: true });
  const now = qbr.audit.current;
  const before = qbr.audit.previous && qbr.audit.previous.date !== now?.date ? qbr.audit.previous : null;
  for (const area of AUDIT_AREAS) {
    const [b, n] = [before?.areas[area.id] ?? null, now?.areas[area.id] ?? null];
    s.line([area.name, b, n, b !== null && n !== null ? n - b : null], { numberFormat: SCORE });
  }
  s.line(["Overall", before?.overall ?? null, now?.overall ?? null, qbr.audit.change], { bold: true, numberFormat: SCORE });
  if (now) s.line(["Audit of", now.date], { numberFormat: DATE });

  s.heading("Life stage and improvement plan");
  s.line(["Stage", qbr.previousQuarter, qbr.quarter], { band: true });
  for (const st of qbr.scorecard.stages) s.line([st.stage, st.previous, st.score], { numberFormat: SCORE });
  s.line(["Current stage", qbr.scorecard.previous, qbr.scorecard.current], { bold: true });
  if (qbr.scorecard.gaps.length) {
    s.row++;
    s.line(["Largest gaps", "Score", "Target", "Gap"], { band: true });
    for (const g of qbr.scorecard.gaps) s.line([g.topic, g.score, g.target, g.gap], { numberFormat: SCORE });
  }

  s.heading("Tier, segment and pipeline");
  s.line([qbr.tier.rated && qbr.tier.rated !== qbr.quarter ? `Tier (rated ${qbr.tier.rated})` : "Tier", qbr.tier.previous, qbr.tier.current]);
  qbr.tier.missing.forEach((condition, i) => s.line([i === 0 ? `Missing for ${qbr.tier.next}` : null, null, condition.label]));
  s.line(["Segment", null, qbr.segment]);
  s.line(["Open pipeline", null, qbr.pipeline.openAmount], { numberFormat: AMOUNT });
  s.line(["Open deals", null, qbr.pipeline.openCount]);
  s.line(["Won this quarter", null, qbr.pipeline.wonAmount], { numberFormat: AMOUNT });
  s.line(["Deals won / lost", null, `${qbr.pipeline.won} / ${qbr.pipeline.lost}`]);
  s.line(["Win rate", null, qbr.pipeline.winRate], { numberFormat: PERCENT });
  s.line(["Against the network", null, qbr.pipeline.networkQuartile]);

  accountSection(s, qbr);

  s.heading("Tasks and plan approval");
  const c = qbr.tasks.counts;
  s.line(["Tasks as of", qbr.tasks.asOf], { numberFormat: DATE });
  s.line(["Done", c.Done]);
  s.line(["Overdue", c["Past due"]]);
  s.line(["Due soon", c["Due soon"]]);
  s.line(["Pending", c.Pending]);
  for (const o of qbr.tasks.overdue) s.line(["Overdue:", o.task, o.due, o.owner], { numberFormat: DATE });
  const a = qbr.approval;
  s.line(["Plan state", a ? `${a.state ?? "–"} (${approvalOf(qbr)})` : qbr.planPeriod ? `no approval recorded for the ${qbr.planPeriod} plan` : "no approval recorded"]);
  if (a?.acceptedBy) s.line(["Accepted by", a.acceptedBy, a.acceptedOn], { numberFormat: DATE });
  if (a?.approvedBy) s.line(["Approved by", a.approvedBy, a.approvedOn], { numberFormat: DATE });
  if (a?.withoutAcceptance) s.line(["Note", "approved without the partner's acceptance"]);

  s.heading("Partner P&L");
  if (qbr.pnl) {
    const p = qbr.pnl.summary;
    s.line(["NPV", p.npv], { numberFormat: AMOUNT });
    s.line(["IRR", p.irr], { numberFormat: PERCENT });
    s.line(["Break-even (payback, years)", p.payback ?? "not within the horizon"], { numberFormat: SCORE });
    s.line(["First profitable year", p.firstProfitableYear]);
    s.line(["ROI", p.roi], { numberFormat: PERCENT });
    s.line(["Total profit", p.total], { numberFormat: AMOUNT });
    s.row++;
    s.line(["Year", "Profit", "Cumulative profit"], { band: true });
    const top = s.row;
    qbr.pnl.profit.forEach((profit, i) => s.line([`Year ${i + 1}`, profit, qbr.pnl!.cumulative[i]], { numberFormat: AMOUNT }));
    s.charts.push({ kind: "line", title: "Cumulative profit (break-even where it crosses 0)", categories: { column: 1, first: top, last: s.row - 1 }, series: [{ name: "Cumulative profit", column: 3 }, { name: "Profit", column: 2 }], at: { row: top - 8, column: 7, rows: 15, columns: 7 } });
  } else s.line(["No P&L assumptions for this partner."]);

  return { name, cells: s.cells, widths: { 1: 30, 2: 14, 3: 14, 4: 12, 5: 18, 6: 24 }, charts: s.charts };
}

/**
 * The plan's activities with status and spend (totals as formulas over the rows), the MDF of the
 * plan period (available and utilisation as formulas over the balances above them) and the realism
 * of the next quarter's targets.
 */
function planSection(s: Layout, qbr: Qbr): void {
  const plan = qbr.activities;
  s.heading(plan.period ? `Plan activities and funds: plan ${plan.period}` : "Plan activities and funds");
  if (plan.lines.length) {
    s.line(["Activity", "Status", "Budget", "Spend", "Spend counted from", "Fund request"], { band: true });
    const first = s.row;
    for (const l of plan.lines) {
      s.line([l.activity, l.status, l.budget, l.spend, spentFrom(l), requestText(l)], { numberFormat: AMOUNT });
    }
    const last = s.row - 1;
    const sum = (column: number) => ({ formula: `=SUM(${a1(first, column)}:${a1(last, column)})` });
    // The statuses in the first cell, which runs on into the empty one beside it.
    s.put(1, `All activities (${plan.lines.length}): ${plan.statuses.map((x) => `${x.count} ${x.status.toLowerCase()}`).join(", ")}`, { bold: true });
    s.put(3, sum(3), { bold: true, numberFormat: AMOUNT, result: plan.budget });
    s.put(4, sum(4), { bold: true, numberFormat: AMOUNT, result: plan.spend });
    s.row++;
    s.line([SPEND_RULE]);
  } else s.line(["No plan activities cover this quarter."]);

  s.row++;
  const mdf = plan.mdf;
  s.line([plan.period ? `MDF of ${plan.period}` : "MDF"], { bold: true });
  if (mdf.balances) {
    const b = mdf.balances;
    const at: Record<string, string> = {};
    for (const [label, value] of [["Allocated", b.allocated], ["Requested", b.requested], ["Pending a decision", b.pending], ["Approved", b.approved], ["Claimed", b.claimed], ["Paid", b.paid]] as const) {
      at[label] = a1(s.row, 2);
      s.line([label, value], { numberFormat: AMOUNT });
    }
    s.put(1, "Available", { bold: true });
    s.put(2, { formula: `=${at.Allocated}-${at.Approved}-${at["Pending a decision"]}` }, { bold: true, numberFormat: AMOUNT, result: b.available });
    s.put(3, "allocated − approved − pending");
    s.row++;
    s.put(1, "Utilisation", { bold: true });
    s.put(2, { formula: `=IF(${at.Allocated}>0,${at.Paid}/${at.Allocated},"")` }, { bold: true, numberFormat: PERCENT, result: b.utilisation ?? "" });
    s.put(3, "paid ÷ allocated");
    s.row++;
  } else if (mdf.error) s.line([`The MDF ledger does not add up: ${mdf.error}`]);
  else s.line([plan.period ? `No funds allocated for ${plan.period}.` : "No funds allocated."]);

  const next = qbr.next;
  s.heading(next.period ? `Targets for ${next.quarter}: plan ${next.period}, against the network` : `Targets for ${next.quarter}`);
  if (next.lines.length) {
    s.line(["KPI", "Target", "Percentile", "Partners", "Realism", "Compared with"], { band: true });
    for (const t of next.lines) {
      s.put(1, t.kpi);
      s.put(2, t.target, { numberFormat: AMOUNT });
      s.put(3, t.percentile, { numberFormat: "0%" });
      s.put(4, t.peers);
      s.put(5, t.label);
      s.put(6, t.peers ? `${t.who}' latest actuals` : "no other partner's actual");
      s.row++;
    }
    s.line([REALISM_RULE]);
  } else s.line([`No plan sets targets for ${next.quarter} yet.`]);
}

/**
 * The account plan: the top accounts with their open pipeline, objective, next step, due day and
 * owner; the deals registered and won in the quarter; the won revenue by source with each share as
 * a formula over the amounts beside it.
 */
function accountSection(s: Layout, qbr: Qbr): void {
  const a = qbr.accounts;
  s.heading(a.period ? `Account plan: ${a.period}` : "Account plan");
  if (a.top.length) {
    s.line(["Account", "Open pipeline", "Open deals", "Objective", "Next step", "Due", "Owner"], { band: true });
    for (const l of a.top) {
      s.put(1, l.name);
      s.put(2, l.openAmount, { numberFormat: AMOUNT });
      s.put(3, l.openDeals);
      s.put(4, l.objective ?? "not in the plan");
      s.put(5, l.nextStep);
      s.put(6, l.due, { numberFormat: DATE });
      s.put(7, l.owner);
      s.row++;
    }
    const more = a.count - a.top.length;
    if (more > 0) s.line([`And ${more} more ${more === 1 ? "account" : "accounts"} with pipeline or in the plan.`]);
  } else s.line([noAccountsText(a)]);
  s.row++;
  s.line(["Registered this quarter", a.registered.amount, `${a.registered.count} ${a.registered.count === 1 ? "deal" : "deals"}`], { numberFormat: AMOUNT });
  s.line(["Won this quarter", a.won.amount, `${a.won.count} ${a.won.count === 1 ? "deal" : "deals"}`], { numberFormat: AMOUNT });
  if (a.won.error) s.line([`The won deals do not read: ${a.won.error}`]);
  else if (a.won.count && a.won.credit) {
    s.row++;
    s.line(["Partner's credit", "Won revenue", "Share"], { band: true });
    const first = s.row;
    const lines = a.won.credit.filter((l) => l.source !== "Total");
    const total = first + lines.length;
    for (const l of lines) {
      s.put(1, l.source);
      s.put(2, l.amount, { numberFormat: AMOUNT });
      s.put(3, { formula: `=IF(${a1(total, 2)}>0,${a1(s.row, 2)}/${a1(total, 2)},"")` }, { numberFormat: PERCENT, result: l.share ?? "" });
      s.row++;
    }
    s.put(1, "Total", { bold: true });
    s.put(2, { formula: `=SUM(${a1(first, 2)}:${a1(total - 1, 2)})` }, { bold: true, numberFormat: AMOUNT, result: a.won.amount });
    s.row++;
  } else s.line(["No deal won in the quarter: no credit to share."]);
  s.line([CREDIT_RULE]);
}
