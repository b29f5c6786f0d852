/** The "Audit Scores" sheet: each partner's latest ratings pulled from the Audit table, then scored. */
import type ExcelJS from "exceljs";
import { AREA_ORDER, AUDIT_AREAS, type AreaRatings, auditAreas, score } from "../../engine/audit";
import { isEngineError } from "../../engine/error";
import { AUDIT_DATES } from "../data/audit";
import type { SampleData } from "../generate";
import { type ArrayFormulaValue, DATE_FORMAT, columnLetter } from "./tables";

export function addAuditScoresSheet(workbook: ExcelJS.Workbook, data: SampleData): void {
  const sheet = workbook.addWorksheet("Audit Scores");
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

  sheet.getCell("A1").value = "Area";
  sheet.getCell("A2").value = "PartnerId";
  sheet.getCell("B2").value = "Name";
  sheet.getCell("C2").value = "Last audit";
  criteria.forEach(({ area, criterion }, i) => {
    sheet.getCell(1, first + i).value = area.name;
    sheet.getCell(2, first + i).value = criterion.label;
  });
  ["Ability to deliver", "Focus on sweet spot", "Territory alignment", "Revenue potential", "Overall"].forEach((h, i) => {
    sheet.getCell(1, areasCol + i).value = i === 0 ? "=PARTNER.AUDIT.AREAS" : null;
    sheet.getCell(2, areasCol + i).value = h;
  });
  sheet.getCell(1, auditCol).value = "=PARTNER.AUDIT";
  sheet.getCell(2, auditCol).value = "Overall";
  sheet.getCell(1, scoreCol).value = "=PARTNER.SCORE";
  sheet.getCell(2, scoreCol).value = "All criteria, equal weights";

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
    sheet.getCell(r, 1).value = partner.id;
    sheet.getCell(r, 2).value = { formula: `INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, result: partner.name };
    sheet.getCell(r, 3).value = {
      formula: `_xlfn.MAXIFS(Audit[Date],Audit[PartnerId],$A${r})`,
      result: AUDIT_DATES[AUDIT_DATES.length - 1],
    };
    const values = criteria.map(({ area, criterion }) => ratings.get(`${area.name}|${criterion.label}`) ?? null);
    values.forEach((rating, i) => {
      const c = columnLetter(first + i);
      sheet.getCell(r, first + i).value = {
        formula: `SUMIFS(Audit[Rating],Audit[PartnerId],$A${r},Audit[Area],${c}$1,Audit[Criterion],${c}$2,Audit[Date],$C${r})`,
        result: rating ?? 0,
      };
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
    sheet.getCell(r, areasCol).value = {
      formula: `PARTNER.AUDIT.AREAS(${ranges})`,
      result: cells[0],
      shareType: "array",
      ref: `${columnLetter(areasCol)}${r}:${columnLetter(areasCol + 4)}${r}`,
    } as ArrayFormulaValue;
    cells.slice(1).forEach((v, i) => (sheet.getCell(r, areasCol + 1 + i).value = v));
    sheet.getCell(r, auditCol).value = { formula: `PARTNER.AUDIT(${ranges})`, result: result.overall };
    sheet.getCell(r, scoreCol).value = { formula: `PARTNER.SCORE(${columnLetter(first)}${r}:${columnLetter(last)}${r})`, result: overall };
    r++;
  }

  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(3).numFmt = DATE_FORMAT;
  for (let c = first; c <= last; c++) sheet.getColumn(c).width = 6;
  for (let c = areasCol; c <= scoreCol; c++) {
    sheet.getColumn(c).width = 12;
    sheet.getColumn(c).numFmt = "0.0";
  }
  for (const row of [1, 2]) sheet.getRow(row).font = { bold: true };
  sheet.getRow(2).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 2 }];
}

