/**
 * The "Stages" sheet (each partner's life stage from its scorecard averages) and the "Action
 * Plans" sheet (the largest scorecard gaps of a few partners, their improvement plans).
 */
import { CAPABILITIES, STAGES, gapTable, gaps, stage } from "../../engine/scorecard";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { SheetBuilder, columnLetter, unwrap } from "./tables";

const CATEGORIES = [...STAGES, ...CAPABILITIES];

export function stagesSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Stages");
  sheet.set(1, 3, "Life stages: average score (Scorecard table)");
  sheet.set(1, 7, "=PARTNER.STAGE (pass mark 70)");
  sheet.set(1, 8, "Capabilities: average score");
  ["PartnerId", "Name", ...STAGES, "Current stage", ...CAPABILITIES].forEach((h, i) => sheet.set(2, i + 1, h));
  const names = new Map(data.partners.map((p) => [p.id, p.name]));
  const scores = new Map<string, Map<string, number[]>>();
  for (const row of data.scorecards) {
    const byCategory = scores.get(row.partnerId) ?? new Map<string, number[]>();
    if (row.score !== null) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row.score]);
    scores.set(row.partnerId, byCategory);
  }
  let r = 3;
  for (const [partnerId, byCategory] of scores) {
    sheet.set(r, 1, partnerId);
    sheet.formula(r, 2, `=INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, names.get(partnerId)!);
    const averages = CATEGORIES.map((category) => {
      const values = byCategory.get(category)!;
      return values.reduce((s, v) => s + v, 0) / values.length;
    });
    const columns = [3, 4, 5, 6, 8, 9, 10];
    averages.forEach((average, i) => {
      const c = columns[i];
      sheet.formula(r, c, `=AVERAGEIFS(Scorecard[Score],Scorecard[PartnerId],$A${r},Scorecard[Category],${columnLetter(c)}$2)`, average);
    });
    const current = unwrap(stage(averages.slice(0, STAGES.length)));
    sheet.formula(r, 7, `=PARTNER.STAGE(C${r}:F${r})`, current);
    r++;
  }
  [10, 34, 11, 11, 11, 11, 14, 11, 11, 11].forEach((w, i) => (sheet.widths[i + 1] = w));
  for (const c of [3, 4, 5, 6, 8, 9, 10]) sheet.columnFormats[c] = "0.0";
  for (const row of [1, 2]) sheet.row(row, { bold: true });
  return sheet.spec({ freeze: { rows: 2, columns: 2 } });
}

/** How many partners the Action Plans sheet shows (the first active ones). */
export const ACTION_PLAN_PARTNERS = 10;

export function actionPlansSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Action Plans");
  sheet.set(1, 1, "Improvement action plans: the five scorecard topics with the largest weighted gap to target (=PARTNER.GAPS)");
  const active = data.partners.filter((p) => p.status === "Active").slice(0, ACTION_PLAN_PARTNERS);
  let r = 3;
  for (const partner of active) {
    // The partner's rows in the Scorecard table (table row i is sheet row i + 2).
    const first = data.scorecards.findIndex((s) => s.partnerId === partner.id);
    const rows = data.scorecards.filter((s) => s.partnerId === partner.id);
    const [a, b] = [first + 2, first + rows.length + 1];
    const plan = unwrap(gaps(rows.map((s) => s.topic), rows.map((s) => s.score), rows.map((s) => s.target), rows.map((s) => s.weight), 5));
    sheet.set(r, 1, `${partner.id} · ${partner.name}`, { bold: true });
    sheet.spill(r + 1, 1, `=PARTNER.GAPS(Scorecard!C${a}:C${b},Scorecard!D${a}:D${b},Scorecard!E${a}:E${b},Scorecard!F${a}:F${b},5)`, gapTable(plan));
    r += plan.length + 4;
  }
  [34, 8, 8, 8].forEach((w, i) => (sheet.widths[i + 1] = w));
  return sheet.spec();
}
