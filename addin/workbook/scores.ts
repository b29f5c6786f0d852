/**
 * The formulas of the PartnerScores table: for one partner, its latest audit pulled from the Audit
 * table and scored with PARTNER.AUDIT, its tier (from its last Engagement row), segment, life stage
 * (from its latest scorecard assessment) and plan status — live, so the workbook recalculates them
 * when the data tables change. Formulas use structured references in
 * their long form (`Table[[#This Row],[Column]]`), which both Excel and the file format accept.
 */
import { AUDIT_AREAS } from "../../engine/audit";
import { STAGES } from "../../engine/scorecard";
import type { CellInput } from "./cells";
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

/** Column → formula of a partner's PartnerScores row (PlanPeriod is a value: the period to track). */
export function scoreFormulas(planPeriod: string | null): Record<(typeof SCORE_COLUMNS)[number], CellInput> {
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
    cells[areaColumns[a]] = { formula: `=IFERROR(PARTNER.SCORE(${range}),"")` };
  });
  cells.Audit = { formula: `=IFERROR(PARTNER.AUDIT(${areaRanges.join(",")}),"")` };
  cells.Tier = {
    formula: `=IFERROR(PARTNER.TIER(INDEX(Engagement[[OptIn]:[Online]],${LAST_ENGAGEMENT},0),INDEX(Engagement[Opportunities],${LAST_ENGAGEMENT}),,,INDEX(Engagement[Prospect],${LAST_ENGAGEMENT})),"")`,
  };
  cells.Segment = {
    formula: `=IFERROR(PARTNER.SEGMENT(INDEX(Metrics[Potential],${match("Metrics")}),INDEX(Metrics[Performance],${match("Metrics")})),"")`,
  };
  for (const stage of STAGES) {
    cells[stage] = {
      formula: `=IFERROR(AVERAGEIFS(Scorecard[Score],Scorecard[PartnerId],${ID},Scorecard[Category],${quote(stage)},Scorecard[Date],${LATEST_SCORECARD}),"")`,
    };
  }
  cells.Stage = { formula: `=IFERROR(PARTNER.STAGE(${row(STAGES[0], STAGES[STAGES.length - 1])}),"")` };
  cells.PlanPeriod = planPeriod;
  const sum = (column: string) => `SUMIFS(Plan[${column}],Plan[PartnerId],${ID},Plan[Period],${me("PlanPeriod")})`;
  cells.Attainment = { formula: `=IFERROR(PARTNER.ATTAINMENT(${sum("Actual")},${sum("Target")}),"")` };
  cells.PlanStatus = { formula: `=IFERROR(PARTNER.STATUS(${sum("Actual")},${sum("Target")}),"")` };
  for (const column of SCORE_COLUMNS) if (!(column in cells)) throw new Error(`no formula for PartnerScores[${column}]`);
  return cells as Record<(typeof SCORE_COLUMNS)[number], CellInput>;
}
