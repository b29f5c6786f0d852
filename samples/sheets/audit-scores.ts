/** The "Audit Scores" sheet: each partner's latest ratings pulled from the Audit table, then scored. */
import { AREA_ORDER, AUDIT_AREAS, type AreaRatings, auditAreas, score } from "../../engine/audit";
import { isEngineError } from "../../engine/error";
import { AUDIT_DATES } from "../data/audit";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { DATE_FORMAT, SheetBuilder, columnLetter } from "./tables";

export function auditScoresSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Audit Scores");
  const criteria = AUDIT_AREAS.flatMap((area) => area.criteria.map((c) => ({ area, criterion: c })));
  const first = 4; // column D
  const last = first + criteria.length - 1;
  const areaRanges: string[] = [];
  let col = first;
  for (const area of AUDIT_AREAS) {
    areaRanges.push(`${columnLetter(col)}{r}:${columnLetter(col + area.criteria.length - 1)}{r}`);
    col += area.criteria.length;
  }
  const areasCol = last + 1;
  const auditCol = areasCol + 5;
  const scoreCol = auditCol + 1;

  sheet.set(1, 1, "Area");
  sheet.set(2, 1, "PartnerId");
  sheet.set(2, 2, "Name");
  sheet.set(2, 3, "Last audit");
  criteria.forEach(({ area, criterion }, i) => {
    sheet.set(1, first + i, area.name);
    sheet.set(2, first + i, criterion.label);
  });
  // Row 1 labels the function each block of columns shows (text, not formulas).
  ["Ability to deliver", "Focus on sweet spot", "Territory alignment", "Revenue potential", "Overall"].forEach((h, i) => {
    sheet.set(1, areasCol + i, i === 0 ? "=PARTNER.AUDIT.AREAS" : null);
    sheet.set(2, areasCol + i, h);
  });
  sheet.set(1, auditCol, "=PARTNER.AUDIT");
  sheet.set(2, auditCol, "Overall");
  sheet.set(1, scoreCol, "=PARTNER.SCORE");
  sheet.set(2, scoreCol, "All criteria, equal weights");

  const latest = new Map<string, Map<string, number | null>>();
  for (const row of data.audits) {
    if (row.date.getTime() !== AUDIT_DATES[AUDIT_DATES.length - 1].getTime()) continue;
    const ratings = latest.get(row.partnerId) ?? new Map();
    ratings.set(`${row.area}|${row.criterion}`, row.rating);
    latest.set(row.partnerId, ratings);
  }

  let r = 3;
  for (const partner of data.partners) {
    const ratings = latest.get(partner.id);
    if (!ratings) continue;
    sheet.set(r, 1, partner.id);
    sheet.formula(r, 2, `=INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, partner.name);
    sheet.formula(r, 3, `=MAXIFS(Audit[Date],Audit[PartnerId],$A${r})`, AUDIT_DATES[AUDIT_DATES.length - 1]);
    const values = criteria.map(({ area, criterion }) => ratings.get(`${area.name}|${criterion.label}`) ?? null);
    values.forEach((rating, i) => {
      const c = columnLetter(first + i);
      sheet.formula(r, first + i, `=SUMIFS(Audit[Rating],Audit[PartnerId],$A${r},Audit[Area],${c}$1,Audit[Criterion],${c}$2,Audit[Date],$C${r})`, rating ?? 0);
    });
    const byArea = {} as Record<(typeof AREA_ORDER)[number], (number | null)[]>;
    let offset = 0;
    AUDIT_AREAS.forEach((area) => {
      byArea[area.id] = values.slice(offset, offset + area.criteria.length);
      offset += area.criteria.length;
    });
    const result = auditAreas(byArea as AreaRatings);
    const overall = score(values);
    if (isEngineError(result) || isEngineError(overall)) throw new Error(`sample audit of ${partner.id} does not score`);
    const ranges = areaRanges.map((range) => range.replaceAll("{r}", String(r))).join(",");
    const cells = [...result.areas.map((a) => a ?? ""), result.overall];
    sheet.spill(r, areasCol, `=PARTNER.AUDIT.AREAS(${ranges})`, [cells]);
    sheet.formula(r, auditCol, `=PARTNER.AUDIT(${ranges})`, result.overall);
    sheet.formula(r, scoreCol, `=PARTNER.SCORE(${columnLetter(first)}${r}:${columnLetter(last)}${r})`, overall);
    r++;
  }

  Object.assign(sheet.widths, { 1: 10, 2: 34, 3: 12 });
  sheet.columnFormats[3] = DATE_FORMAT;
  for (let c = first; c <= last; c++) sheet.widths[c] = 6;
  for (let c = areasCol; c <= scoreCol; c++) {
    sheet.widths[c] = 12;
    sheet.columnFormats[c] = "0.0";
  }
  sheet.row(1, { bold: true });
  sheet.row(2, { bold: true, wrap: true });
  return sheet.spec({ freeze: { rows: 2, columns: 2 } });
}

