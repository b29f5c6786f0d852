/**
 * Performance to plan: the "Performance" sheet (revenue attainment, pace and status per partner,
 * rolled up by region, channel manager and territory), the "Task Status" sheet and the "Plan
 * Approvals" sheet (acceptance and approval by quarter).
 */
import type ExcelJS from "exceljs";
import { PLAN_STATES, approvalTable, approvalsByQuarter, attainment, pace, rollup, rollupTable, status, taskStatus } from "../../engine/plan";
import type { SampleData } from "../generate";
import { AS_OF } from "../data/partners";
import { PLAN_END, PLAN_START } from "../data/plan";
import { APPROVAL_QUARTERS } from "../data/approvals";
import { DATE_FORMAT, serialOf, unwrap, writeFormula, writeSpill } from "./tables";

export function addPerformanceSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const sheet = workbook.addWorksheet("Performance");
  const headers = ["PartnerId", "Name", "Region", "Territory", "ChannelManager", "Revenue target", "Revenue to date", "Target to date", "Attainment", "Pace", "Status"];
  headers.forEach((h, i) => (sheet.getCell(1, i + 1).value = h));
  const [start, end, asOf] = [serialOf(PLAN_START), serialOf(PLAN_END), serialOf(AS_OF)];
  [["Plan start", PLAN_START], ["Plan end", PLAN_END], ["As of", AS_OF]].forEach(([label, date], i) => {
    sheet.getCell(i + 1, 13).value = label as string;
    sheet.getCell(i + 1, 14).value = date as Date;
  });
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const revenue = data.plans.filter((p) => p.kpi === "Revenue");
  const keys: { region: string; territory: string; manager: string }[] = [];
  const actuals: number[] = [];
  const toDate: number[] = [];
  revenue.forEach((plan, i) => {
    const r = i + 2;
    const partner = partners.get(plan.partnerId)!;
    sheet.getCell(r, 1).value = plan.partnerId;
    const lookup = (column: string) => `INDEX(Partners[${column}],MATCH($A${r},Partners[PartnerId],0))`;
    writeFormula(sheet, r, 2, lookup("Name"), partner.name);
    writeFormula(sheet, r, 3, lookup("Region"), partner.region);
    writeFormula(sheet, r, 4, lookup("Territory"), partner.territory);
    writeFormula(sheet, r, 5, lookup("ChannelManager"), partner.channelManager);
    const sumifs = (column: string) => `SUMIFS(Plan[${column}],Plan[PartnerId],$A${r},Plan[KPI],"Revenue")`;
    writeFormula(sheet, r, 6, sumifs("Target"), plan.target);
    writeFormula(sheet, r, 7, sumifs("Actual"), plan.actual);
    const due = (plan.target * (asOf - start + 1)) / (end - start + 1);
    writeFormula(sheet, r, 8, `F${r}*($N$3-$N$1+1)/($N$2-$N$1+1)`, due);
    writeFormula(sheet, r, 9, `PARTNER.ATTAINMENT(G${r},F${r})`, attainment(plan.actual, plan.target));
    writeFormula(sheet, r, 10, `PARTNER.PACE(G${r},F${r},$N$1,$N$2,$N$3)`, pace(plan.actual, plan.target, start, end, asOf));
    writeFormula(sheet, r, 11, `PARTNER.STATUS(G${r},H${r})`, status(plan.actual, due));
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
    sheet.getCell(r, 13).value = title;
    sheet.getCell(r, 13).font = { bold: true };
    const table = rollupTable(unwrap(rollup(keys.map((k) => k[key]), actuals, toDate))).map((row) => row.map((v) => v ?? ""));
    writeSpill(sheet, r + 1, 13, `PARTNER.ROLLUP(${column}2:${column}${last},G2:G${last},H2:H${last})`, table);
    r += table.length + 2;
  }
  [10, 34, 10, 16, 16, 14, 14, 14, 11, 9, 10, 2, 22, 14, 14, 14, 11].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const c of [6, 7, 8, 14, 15, 16]) sheet.getColumn(c).numFmt = "#,##0";
  for (const c of [9, 10, 17]) sheet.getColumn(c).numFmt = "0%";
  for (const row of [1, 2, 3]) sheet.getCell(row, 14).numFmt = DATE_FORMAT;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
}

export function addTaskStatusSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const sheet = workbook.addWorksheet("Task Status");
  ["PartnerId", "Task", "Due", "Status"].forEach((h, i) => (sheet.getCell(1, i + 1).value = h));
  sheet.getCell(1, 6).value = "As of";
  sheet.getCell(1, 7).value = AS_OF;
  const asOf = serialOf(AS_OF);
  data.tasks.forEach((task, i) => {
    const r = i + 2; // the task's row in the Tasks table
    writeFormula(sheet, r, 1, `Tasks!A${r}`, task.partnerId);
    writeFormula(sheet, r, 2, `Tasks!B${r}`, task.task);
    writeFormula(sheet, r, 3, `Tasks!C${r}`, task.due);
    const done = task.done ? serialOf(task.done) : null;
    writeFormula(sheet, r, 4, `PARTNER.TASKSTATUS(Tasks!C${r},Tasks!E${r},$G$1)`, taskStatus(serialOf(task.due), done, asOf));
  });
  [10, 40, 12, 11, 2, 8, 12].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(3).numFmt = DATE_FORMAT;
  sheet.getCell(1, 7).numFmt = DATE_FORMAT;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

export function addApprovalsSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const sheet = workbook.addWorksheet("Plan Approvals");
  sheet.getCell(1, 1).value = "Plan acceptance (by the partner) and approval (by the channel executive), by quarter";
  sheet.getCell(1, 1).font = { bold: true };
  const rows = unwrap(
    approvalsByQuarter(data.approvals.map((a) => ({ period: a.period, state: a.plan.state, accepted: a.plan.accepted !== null }))),
  );
  writeSpill(sheet, 2, 1, "PARTNER.APPROVALS(Approvals[Period],Approvals[State],Approvals[AcceptedOn])", approvalTable(rows));
  const top = 2 + rows.length + 3;
  sheet.getCell(top - 1, 1).value = "Plans by state (COUNTIFS)";
  sheet.getCell(top - 1, 1).font = { bold: true };
  ["Quarter", ...PLAN_STATES].forEach((h, i) => (sheet.getCell(top, i + 1).value = h));
  APPROVAL_QUARTERS.forEach(({ period }, q) => {
    const r = top + 1 + q;
    sheet.getCell(r, 1).value = period;
    PLAN_STATES.forEach((state, s) => {
      const count = data.approvals.filter((a) => a.period === period && a.plan.state === state).length;
      const c = String.fromCharCode(66 + s);
      writeFormula(sheet, r, s + 2, `COUNTIFS(Approvals[Period],$A${r},Approvals[State],${c}$${top})`, count);
    });
  });
  [12, 8, 10, 10, 28, 8].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}
