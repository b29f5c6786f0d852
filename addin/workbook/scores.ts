/**
 * The formulas of the PartnerScores table: for one partner, its latest audit pulled from the Audit
 * table and scored with PARTNER.AUDIT, its tier (from its last Engagement row), segment, life stage
 * (from its latest scorecard assessment) and plan status — live, so the workbook recalculates them
 * when the data tables change. Formulas use structured references in
 * their long form (`Table[[#This Row],[Column]]`), which both Excel and the file format accept.
 *
 * A partner with nothing to score shows a blank: the functions give `#N/A` for "no data", which
 * `IFNA` turns into `""`, and a plan without a target is not scored at all. No other error is
 * hidden: a workbook opened without the add-in shows `#NAME?`, and bad data its `#VALUE!`,
 * never a blank that looks like "nothing to report".
 */
import { AUDIT_AREAS, type AreaRatings, audit, score } from "../../engine/audit";
import { type EngineError, isEngineError } from "../../engine/error";
import { planAttainment, planStatus } from "../../engine/plan";
import { STAGES, stage as stageOf } from "../../engine/scorecard";
import { segment } from "../../engine/segment/quadrant";
import { tier } from "../../engine/tier";
import type { CellInput, CellValue } from "./cells";

/** A PartnerScores cell's value once calculated: a value, or an Excel error. */
export type ScoreValue = CellValue | { error: string };
import type { PartnerData } from "./records";
import { SCORE_COLUMNS } from "./schema";

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const me = (column: string) => `PartnerScores[[#This Row],[${column}]]`;
const row = (from: string, to: string) => `PartnerScores[[#This Row],[${from}]:[${to}]]`;
const ID = me("PartnerId");
const match = (table: string) => `MATCH(${ID},${table}[PartnerId],0)`;

/**
 * Position in the Engagement table of the partner's last row (the task pane appends each new
 * period), for INDEX. LOOKUP(2, 1/condition, …) finds the last match without an array formula.
 */
export const LAST_ENGAGEMENT = `LOOKUP(2,1/(Engagement[PartnerId]=${ID}),ROW(Engagement[PartnerId]))-ROW(INDEX(Engagement[PartnerId],1))+1`;

/**
 * The partner's latest date in a table's Date column. SUMPRODUCT(MAX(…)) rather than MAXIFS: a
 * file must spell MAXIFS `_xlfn.MAXIFS` (LibreOffice and Excel read plain MAXIFS as #NAME?), while
 * formulas typed through Office.js must not, and this form needs neither.
 */
const latestDate = (table: string) => `SUMPRODUCT(MAX((${table}[PartnerId]=${ID})*${table}[Date]))`;

/** Date of the partner's latest scorecard assessment (the task pane saves each one whole, on one date). */
export const LATEST_SCORECARD = latestDate("Scorecard");

/**
 * Column → formula of a partner's PartnerScores row (PlanPeriod is a value: the period to track).
 * `weights`: the Plan table has a Weight column (without one, every KPI weighs the same).
 */
export function scoreFormulas(planPeriod: string | null, options: { weights?: boolean } = {}): Record<(typeof SCORE_COLUMNS)[number], CellInput> {
  const cells: Record<string, CellInput> = {};
  cells.LastAudit = { formula: `=${latestDate("Audit")}` };
  const areaRanges: string[] = [];
  const areaColumns = ["Ability", "SweetSpot", "Territory", "Revenue"];
  AUDIT_AREAS.forEach((area, a) => {
    area.criteria.forEach((criterion, i) => {
      cells[`${area.id} ${i + 1}`] = {
        formula: `=SUMIFS(Audit[Rating],Audit[PartnerId],${ID},Audit[Area],${quote(area.name)},Audit[Criterion],${quote(criterion.label)},Audit[Date],${me("LastAudit")})`,
      };
    });
    const range = row(`${area.id} 1`, `${area.id} ${area.criteria.length}`);
    areaRanges.push(range);
    cells[areaColumns[a]] = { formula: `=IFNA(PARTNER.SCORE(${range}),"")` };
  });
  cells.Audit = { formula: `=IFNA(PARTNER.AUDIT(${areaRanges.join(",")}),"")` };
  cells.Tier = {
    formula: `=IFNA(PARTNER.TIER(INDEX(Engagement[[OptIn]:[Online]],${LAST_ENGAGEMENT},0),INDEX(Engagement[Opportunities],${LAST_ENGAGEMENT}),,,INDEX(Engagement[Prospect],${LAST_ENGAGEMENT})),"")`,
  };
  cells.Segment = {
    formula: `=IFNA(PARTNER.SEGMENT(INDEX(Metrics[Potential],${match("Metrics")}),INDEX(Metrics[Performance],${match("Metrics")})),"")`,
  };
  for (const stage of STAGES) {
    cells[stage] = {
      formula: `=IFERROR(AVERAGEIFS(Scorecard[Score],Scorecard[PartnerId],${ID},Scorecard[Category],${quote(stage)},Scorecard[Date],${LATEST_SCORECARD}),"")`,
    };
  }
  cells.Stage = { formula: `=IFNA(PARTNER.STAGE(${row(STAGES[0], STAGES[STAGES.length - 1])}),"")` };
  cells.PlanPeriod = planPeriod;
  // The plan of the period, all KPIs weighted, each up to its target: KPIs in different units do not
  // add up. No row for the period is "not planned" (FILTER would give #CALC!); no KPI with a target,
  // PLAN.ATTAINMENT's #N/A, is blank too.
  const mine = `(Plan[PartnerId]=${ID})*(Plan[Period]=${me("PlanPeriod")})`;
  const filtered = (column: string) => `FILTER(Plan[${column}],${mine})`;
  const overall = `PARTNER.PLAN.ATTAINMENT(${filtered("Actual")},${filtered("Target")}${options.weights ? `,${filtered("Weight")}` : ""})`;
  const planned = `COUNTIFS(Plan[PartnerId],${ID},Plan[Period],${me("PlanPeriod")})>0`;
  cells.Attainment = { formula: `=IF(${planned},IFNA(${overall},""),"")` };
  cells.PlanStatus = { formula: `=IF(${planned},IFNA(PARTNER.STATUS(${overall},1),""),"")` };
  for (const column of SCORE_COLUMNS) if (!(column in cells)) throw new Error(`no formula for PartnerScores[${column}]`);
  return cells as Record<(typeof SCORE_COLUMNS)[number], CellInput>;
}

/** A score cell's value: `IFNA(…, "")`'s blank for `#N/A`, any other error as the error it is. */
const orBlank = <T>(value: T | EngineError): T | "" | { error: string } => (!isEngineError(value) ? value : value.code === "#N/A" ? "" : { error: value.code });
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
/** A range of numbers as the PARTNER.* functions read one: 0 and "" are blank for ratings and metrics. */
const blankZero = (x: number | "" | null) => (x === "" || x === null || x === 0 ? null : x);

/**
 * The values a partner's PartnerScores formulas give once Excel has calculated them, computed by
 * the engine from the workbook's records: for each column what scoreFormulas' formula does —
 * the latest date (SUMPRODUCT(MAX)), SUMIFS and AVERAGEIFS over the partner's rows (text compared
 * in any case, as Excel's criteria are), the partner's last Engagement row (LOOKUP) and first
 * Metrics row (MATCH), each PARTNER.*
 * function through the engine with its arguments read as the function reads them, "" where IFNA
 * or IF gives its blank, and `{ error }` for any other error. The sample workbook caches these; tests check them against LibreOffice
 * (the built-in parts) and the built add-in (the PARTNER.* parts).
 */
export function scoreValues(data: PartnerData, partnerId: string, planPeriod: string | null, weights = true): Record<(typeof SCORE_COLUMNS)[number], ScoreValue> {
  const values: Record<string, ScoreValue> = {};
  const audits = data.auditsOf(partnerId);
  // MAXIFS over no rows (or no dates) is 0.
  const lastAudit = audits.reduce((max, a) => (a.date !== null && a.date > max ? a.date : max), 0);
  values.LastAudit = lastAudit;
  const areas = AUDIT_AREAS.map((area) =>
    area.criteria.map((criterion, i) => {
      const sum = audits
        .filter((a) => same(a.area, area.name) && same(a.criterion, criterion.label) && a.date === lastAudit)
        .reduce((n, a) => n + (a.rating ?? 0), 0);
      values[`${area.id} ${i + 1}`] = sum;
      return sum;
    }),
  );
  const areaColumns = ["Ability", "SweetSpot", "Territory", "Revenue"];
  const ratings = Object.fromEntries(AUDIT_AREAS.map((area, a) => [area.id, areas[a].map(blankZero)])) as unknown as AreaRatings;
  AUDIT_AREAS.forEach((area, a) => (values[areaColumns[a]] = orBlank(score(ratings[area.id]))));
  values.Audit = orBlank(audit(ratings));

  const engagement = data.engagementOf(partnerId).at(-1);
  values.Tier = engagement ? orBlank(tier(engagement.answers, engagement.opportunities ?? 0, {}, engagement.prospect)) : "";
  const metrics = data.metricsOf(partnerId)[0];
  values.Segment = metrics ? orBlank(segment(blankZero(metrics.potential), blankZero(metrics.performance))) : "";

  const cards = data.scorecardsOf(partnerId);
  const stageScores = STAGES.map((stage) => {
    const scores = cards.filter((c) => same(c.category, stage) && c.score !== null).map((c) => c.score!);
    // AVERAGEIFS over no number is #DIV/0!, so IFERROR's blank.
    const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : "";
    values[stage] = average;
    return average;
  });
  values.Stage = orBlank(stageOf(stageScores.map((s) => (s === "" ? null : s))));

  values.PlanPeriod = planPeriod;
  // SUMIFS whose criterion is an empty cell looks for 0: no period matches.
  const rows = planPeriod === null ? [] : data.plansOf(partnerId).filter((p) => same(p.period, planPeriod));
  const kpis = weights ? rows : rows.map((p) => ({ ...p, weight: null }));
  values.Attainment = rows.length ? orBlank(planAttainment(kpis)) : "";
  values.PlanStatus = rows.length ? orBlank(planStatus(kpis)) : "";
  for (const column of SCORE_COLUMNS) if (!(column in values)) throw new Error(`no value for PartnerScores[${column}]`);
  return values as Record<(typeof SCORE_COLUMNS)[number], ScoreValue>;
}
