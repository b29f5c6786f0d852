/**
 * Performance to plan: the "Performance" sheet (revenue attainment, pace and status per partner,
 * rolled up by region, channel manager and territory), the "Task Status" sheet and the "Plan
 * Approvals" sheet (acceptance and approval by quarter).
 */
import { PLAN_STATES, approvalTable, approvalsByQuarter, attainment, pace, rollup, rollupTable, status, taskStatus } from "../../engine/plan";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { AS_OF } from "../data/partners";
import { PLAN_END, PLAN_START } from "../data/plan";
import { APPROVAL_QUARTERS } from "../data/approvals";
import { DATE_FORMAT, SheetBuilder, serialOf, unwrap } from "./tables";

export function performanceSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Performance");
  const headers = ["PartnerId", "Name", "Region", "Territory", "ChannelManager", "Revenue target", "Revenue to date", "Target to date", "Attainment", "Pace", "Status"];
  headers.forEach((h, i) => sheet.set(1, i + 1, h));
  const [start, end, asOf] = [serialOf(PLAN_START), serialOf(PLAN_END), serialOf(AS_OF)];
  ([["Plan start", PLAN_START], ["Plan end", PLAN_END], ["As of", AS_OF]] as const).forEach(([label, date], i) => {
    sheet.set(i + 1, 13, label);
    sheet.set(i + 1, 14, date, { numberFormat: DATE_FORMAT });
  });
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const revenue = data.plans.filter((p) => p.kpi === "Revenue");
  const keys: { region: string; territory: string; manager: string }[] = [];
  const actuals: number[] = [];
  const toDate: number[] = [];
  revenue.forEach((plan, i) => {
    const r = i + 2;
    const partner = partners.get(plan.partnerId)!;
    sheet.set(r, 1, plan.partnerId);
    const lookup = (column: string) => `=INDEX(Partners[${column}],MATCH($A${r},Partners[PartnerId],0))`;
    sheet.formula(r, 2, lookup("Name"), partner.name);
    sheet.formula(r, 3, lookup("Region"), partner.region);
    sheet.formula(r, 4, lookup("Territory"), partner.territory);
    sheet.formula(r, 5, lookup("ChannelManager"), partner.channelManager);
    const sumifs = (column: string) => `=SUMIFS(Plan[${column}],Plan[PartnerId],$A${r},Plan[KPI],"Revenue")`;
    sheet.formula(r, 6, sumifs("Target"), plan.target);
    sheet.formula(r, 7, sumifs("Actual"), plan.actual);
    const due = (plan.target * (asOf - start + 1)) / (end - start + 1);
    sheet.formula(r, 8, `=F${r}*($N$3-$N$1+1)/($N$2-$N$1+1)`, due);
    sheet.formula(r, 9, `=PARTNER.ATTAINMENT(G${r},F${r})`, attainment(plan.actual, plan.target));
    sheet.formula(r, 10, `=PARTNER.PACE(G${r},F${r},$N$1,$N$2,$N$3)`, pace(plan.actual, plan.target, start, end, asOf));
    sheet.formula(r, 11, `=PARTNER.STATUS(G${r},H${r})`, status(plan.actual, due));
    keys.push({ region: partner.region, territory: partner.territory, manager: partner.channelManager });
    actuals.push(plan.actual);
    toDate.push(due);
  });
  const last = revenue.length + 1;
  let r = 5;
  for (const [title, column, key] of [
    ["Revenue to date by region", "C", "region"],
    ["by channel manager", "E", "manager"],
    ["by territory", "D", "territory"],
  ] as const) {
    sheet.set(r, 13, title, { bold: true });
    const table = rollupTable(unwrap(rollup(keys.map((k) => k[key]), actuals, toDate))).map((row) => row.map((v) => v ?? ""));
    sheet.spill(r + 1, 13, `=PARTNER.ROLLUP(${column}2:${column}${last},G2:G${last},H2:H${last})`, table);
    r += table.length + 2;
  }
  [10, 34, 10, 16, 16, 14, 14, 14, 11, 9, 10, 2, 22, 14, 14, 14, 11].forEach((w, i) => (sheet.widths[i + 1] = w));
  for (const c of [6, 7, 8, 14, 15, 16]) sheet.columnFormats[c] = "#,##0";
  for (const c of [9, 10, 17]) sheet.columnFormats[c] = "0%";
  sheet.row(1, { bold: true });
  return sheet.spec({ freeze: { rows: 1, columns: 2 } });
}

export function taskStatusSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Task Status");
  ["PartnerId", "Task", "Due", "Status"].forEach((h, i) => sheet.set(1, i + 1, h));
  sheet.set(1, 6, "As of");
  sheet.set(1, 7, AS_OF, { numberFormat: DATE_FORMAT });
  const asOf = serialOf(AS_OF);
  data.tasks.forEach((task, i) => {
    const r = i + 2; // the task's row in the Tasks table
    sheet.formula(r, 1, `=Tasks!A${r}`, task.partnerId);
    sheet.formula(r, 2, `=Tasks!B${r}`, task.task);
    sheet.formula(r, 3, `=Tasks!C${r}`, task.due);
    const done = task.done ? serialOf(task.done) : null;
    sheet.formula(r, 4, `=PARTNER.TASKSTATUS(Tasks!C${r},Tasks!E${r},$G$1)`, taskStatus(serialOf(task.due), done, asOf));
  });
  [10, 40, 12, 11, 2, 8, 12].forEach((w, i) => (sheet.widths[i + 1] = w));
  sheet.columnFormats[3] = DATE_FORMAT;
  sheet.row(1, { bold: true });
  return sheet.spec({ freeze: { rows: 1 } });
}

export function approvalsSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Plan Approvals");
  sheet.set(1, 1, "Plan acceptance (by the partner) and approval (by the channel executive), by quarter", { bold: true });
  const rows = unwrap(
    approvalsByQuarter(data.approvals.map((a) => ({ period: a.period, state: a.plan.state, accepted: a.plan.accepted !== null }))),
  );
  sheet.spill(2, 1, "=PARTNER.APPROVALS(Approvals[Period],Approvals[State],Approvals[AcceptedOn])", approvalTable(rows));
  const top = 2 + rows.length + 3;
  sheet.set(top - 1, 1, "Plans by state (COUNTIFS)", { bold: true });
  ["Quarter", ...PLAN_STATES].forEach((h, i) => sheet.set(top, i + 1, h));
  APPROVAL_QUARTERS.forEach(({ period }, q) => {
    const r = top + 1 + q;
    sheet.set(r, 1, period);
    PLAN_STATES.forEach((state, s) => {
      const count = data.approvals.filter((a) => a.period === period && a.plan.state === state).length;
      const c = String.fromCharCode(66 + s);
      sheet.formula(r, s + 2, `=COUNTIFS(Approvals[Period],$A${r},Approvals[State],${c}$${top})`, count);
    });
  });
  [12, 8, 10, 10, 28, 8].forEach((w, i) => (sheet.widths[i + 1] = w));
  return sheet.spec();
}
