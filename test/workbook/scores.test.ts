// The PartnerScores formulas that use only built-in functions, recalculated by LibreOffice Calc:
// the latest audit date, each life stage's score from the latest scorecard assessment, and the
// partner's last Engagement row that PARTNER.TIER reads (LibreOffice cannot run PARTNER.*).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LAST_ENGAGEMENT, LATEST_SCORECARD, scoreFormulas } from "../../addin/workbook/scores";
import { STAGES } from "../../engine/scorecard";
import { addTableSheet } from "../support/exceljs-workbook";
import { convert, libreOfficeAvailable } from "../support/libreoffice";

const formulaOf = (value: unknown) => (value as { formula: string }).formula.slice(1);

describe("PartnerScores formulas", () => {
  const formulas = scoreFormulas("FY2026");

  it("read the tier from the partner's last Engagement row and stages from the latest assessment", () => {
    expect(formulaOf(formulas.Tier).split(LAST_ENGAGEMENT)).toHaveLength(4);
    for (const stage of STAGES) expect(formulaOf(formulas[stage])).toContain(`Scorecard[Date],${LATEST_SCORECARD}`);
    // Functions newer than Excel 2007 need an _xlfn. prefix in a file but not through Office.js: none is used.
    for (const value of Object.values(formulas)) if (value && typeof value === "object") expect(value.formula).not.toMatch(/(?<![A-Z])(MAXIFS|MINIFS|XLOOKUP|IFS|SWITCH|TEXTJOIN|CONCAT)\(/);
  });

  it.skipIf(!libreOfficeAvailable())("give the expected values when LibreOffice recalculates them", async () => {
    const workbook = new ExcelJS.Workbook();
    const answers = (n: number) => Array.from({ length: 8 }, (_, i) => i < n);
    addTableSheet(
      workbook,
      "Engagement",
      ["PartnerId", "OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online", "Opportunities", "Period", "Prospect"].map((name) => ({ name })),
      [
        ["P1", ...answers(5), 3, "2026-Q3", false],
        ["P2", ...answers(2), 1, "2026-Q3", false],
        ["p1", ...answers(8), 12, "2026-Q4", false],
      ],
    );
    addTableSheet(
      workbook,
      "Scorecard",
      ["PartnerId", "Category", "Topic", "Score", "Target", "Weight", "Date"].map((name) => ({ name })),
      [
        ["P1", "Fit", "A", 50, 70, 1, 46000],
        ["P1", "Fit", "B", 60, 70, 1, 46000],
        ["P1", "Onboarding", "C", 40, 70, 1, 46000],
        ["P1", "Fit", "A", 80, 70, 1, 46100],
        ["P1", "Fit", "B", 90, 70, 1, 46100],
        ["P1", "Onboarding", "C", 75, 70, 1, 46100],
        ["P2", "Fit", "A", 10, 70, 1, 46200],
      ],
    );
    addTableSheet(workbook, "Audit", ["PartnerId", "Area", "Criterion", "Rating", "Date"].map((name) => ({ name })), [
      ["P1", "Ability to deliver", "Energy invested", 4, 46010],
      ["P1", "Ability to deliver", "Energy invested", 5, 46290],
      ["P2", "Ability to deliver", "Energy invested", 3, 46100],
    ]);
    const probes = ["LastAudit", ...STAGES, "Row", "Opportunities", "Answers"];
    const sheet = workbook.addWorksheet("Scores");
    sheet.addTable({
      name: "PartnerScores",
      ref: "A1",
      headerRow: true,
      columns: ["PartnerId", ...probes].map((name) => ({ name })),
      rows: [["P1"], ["P2"], ["P3"]].map((r) => [...r, ...probes.map(() => null)]),
    });
    const cells: Record<string, string> = {
      LastAudit: formulaOf(formulas.LastAudit),
      ...Object.fromEntries(STAGES.map((s) => [s, formulaOf(formulas[s])])),
      Row: `IFERROR(${LAST_ENGAGEMENT},"none")`,
      Opportunities: `IFERROR(INDEX(Engagement[Opportunities],${LAST_ENGAGEMENT}),"none")`,
      Answers: `IFERROR(SUMPRODUCT(INDEX(Engagement[[OptIn]:[Online]],${LAST_ENGAGEMENT},0)*1),"none")`,
    };
    for (let r = 2; r <= 4; r++) probes.forEach((name, i) => (sheet.getCell(r, 2 + i).value = { formula: cells[name] } as ExcelJS.CellFormulaValue));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-scores-"));
    try {
      const input = path.join(dir, "scores.xlsx");
      await workbook.xlsx.writeFile(input);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(convert(input, path.join(dir, "out")));
      const read = (r: number) =>
        probes.map((_, i) => {
          const v = back.getWorksheet("Scores")!.getCell(r, 2 + i).value as { result?: unknown } | null;
          // exceljs reads a cached "" (and 0) as no result.
          return v && typeof v === "object" && "result" in v ? (v.result ?? "") : "";
        });
      // LastAudit, Fit, Onboarding, Activation, Enablement, Row, Opportunities, Answers
      expect(read(2)).toEqual([46290, 85, 75, "", "", 3, 12, 8]);
      expect(read(3)).toEqual([46100, 10, "", "", "", 2, 1, 2]);
      expect(read(4)).toEqual(["", "", "", "", "", "none", "none", "none"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
