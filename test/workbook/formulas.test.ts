// Formulas as an .xlsx file stores them: `_xlfn.` before functions Excel added after 2007; and
// PartnerScores formulas saved through the .xlsx adapter, recalculated by LibreOffice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { STAGES } from "../../engine/scorecard";
import { scoresRow } from "../../addin/taskpane/model/changes";
import { latestPlan } from "../../addin/taskpane/model/summary";
import { PREFIXED_FUNCTIONS, excelFormula, fileFormula } from "../../addin/workbook/formulas";
import { PartnerData } from "../../addin/workbook/records";
import { SCORE_COLUMNS } from "../../addin/workbook/schema";
import { scoreFormulas, scoreValues } from "../../addin/workbook/scores";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { tablesOf, xlsxOf } from "./fixtures";

describe("fileFormula", () => {
  it("drops the leading = and prefixes MAXIFS, MINIFS and the .INC statistics", () => {
    expect(fileFormula("=MAXIFS(Audit[Date],Audit[PartnerId],A2)")).toBe("_xlfn.MAXIFS(Audit[Date],Audit[PartnerId],A2)");
    expect(fileFormula("=minifs(B:B,A:A,1)+PERCENTILE.INC(C2:C9,0.5)")).toBe("_xlfn.minifs(B:B,A:A,1)+_xlfn.PERCENTILE.INC(C2:C9,0.5)");
    expect(fileFormula("IFERROR(QUARTILE.INC(A1:A9,1),PERCENTRANK.INC(A1:A9,A1))")).toBe("IFERROR(_xlfn.QUARTILE.INC(A1:A9,1),_xlfn.PERCENTRANK.INC(A1:A9,A1))");
  });

  it("leaves other functions, text, sheet names, structured references and prefixed names alone", () => {
    expect(fileFormula('=SUMIFS(Plan[Actual],Plan[KPI],"MAXIFS(")')).toBe('SUMIFS(Plan[Actual],Plan[KPI],"MAXIFS(")');
    expect(fileFormula("='MAXIFS(x'!A1+Metrics[[#This Row],[MAXIFS(]]")).toBe("'MAXIFS(x'!A1+Metrics[[#This Row],[MAXIFS(]]");
    expect(fileFormula("=_xlfn.MAXIFS(A:A,B:B,1)")).toBe("_xlfn.MAXIFS(A:A,B:B,1)");
    expect(fileFormula("=XMAXIFS(A1)+MAXIFS+MyMAXIFS(B2)")).toBe("XMAXIFS(A1)+MAXIFS+MyMAXIFS(B2)");
    expect(fileFormula('="say ""MAXIFS(""" & MAXIFS(A:A,B:B,1)')).toBe('"say ""MAXIFS(""" & _xlfn.MAXIFS(A:A,B:B,1)');
  });

  it("stores the add-in's functions as Excel stores JavaScript custom functions, and reads them back", () => {
    expect(fileFormula('=IFNA(PARTNER.SCORE(B2:E2),"")')).toBe('_xlfn.IFNA(_xldudf_PARTNER_SCORE(B2:E2),"")');
    expect(fileFormula("=partner.rank.pct(A2,A:A)+PARTNER.AUDIT.AREAS(A1,B1,C1,D1)")).toBe("_xldudf_PARTNER_RANK_PCT(A2,A:A)+_xldudf_PARTNER_AUDIT_AREAS(A1,B1,C1,D1)");
    // A name that only starts like the namespace, text, sheet names and structured references are not calls.
    expect(fileFormula('=PARTNERS(A1)+"PARTNER.SCORE(x)"+\'PARTNER.SCORE(\'!A1+T[PARTNER.SCORE(]+PARTNER.SCORE')).toBe(
      'PARTNERS(A1)+"PARTNER.SCORE(x)"+\'PARTNER.SCORE(\'!A1+T[PARTNER.SCORE(]+PARTNER.SCORE',
    );
    expect(excelFormula('_xlfn.IFNA(_xldudf_PARTNER_SCORE(B2:E2),"")')).toBe('=IFNA(PARTNER.SCORE(B2:E2),"")');
    expect(excelFormula("_xldudf_PARTNER_RANK_PCT(A2,A:A)+_xlfn._xlws.SORT(A1:A9)")).toBe("=PARTNER.RANK.PCT(A2,A:A)+SORT(A1:A9)");
    // A formula another tool stored in the shown form reads the same.
    expect(excelFormula("PARTNER.SCORE(B2:E2)")).toBe("=PARTNER.SCORE(B2:E2)");
  });

  it("round-trips every function id: file form and back gives the shown form", () => {
    const ids = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../functions/ids.golden.json"), "utf8")) as string[] | Record<string, unknown>;
    const list = Array.isArray(ids) ? ids : Object.keys(ids);
    expect(list.length).toBeGreaterThan(25);
    for (const id of list) {
      // The reverse mapping relies on ids without "_".
      expect(id).not.toContain("_");
      const shown = `=PARTNER.${id}(A1)`;
      expect(fileFormula(shown)).toBe(`_xldudf_PARTNER_${id.replace(/\./g, "_")}(A1)`);
      expect(excelFormula(fileFormula(shown))).toBe(shown);
    }
  });

  it("covers every function the PartnerScores formulas use that Excel stores with a prefix", () => {
    const formulas = Object.values(scoreFormulas("2026-Q3")).flatMap((v) => (v && typeof v === "object" ? [v.formula] : []));
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    // Functions Excel 2010 and later added (stored with _xlfn.); the rest date from Excel 2007 or are the add-in's own.
    const modern = [...used].filter((name) => ["IFNA", "MAXIFS", "MINIFS", "IFS", "SWITCH", "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "FILTER", "SORT", "UNIQUE", "LET"].includes(name));
    for (const name of modern) expect(PREFIXED_FUNCTIONS).toContain(name);
    const usingModern = formulas.filter((f) => modern.some((name) => f.includes(`${name}(`)));
    expect(formulas.map(fileFormula).filter((f) => f.includes("_xlfn."))).toHaveLength(usingModern.length);
  });
});

describe.skipIf(!libreOfficeAvailable())("PartnerScores formulas saved by the .xlsx adapter", () => {
  it("are stored as Excel stores them, and LibreOffice computes their built-in parts as the engine expects", async () => {
    const adapter = await XlsxAdapter.open(await xlsxOf(tablesOf(30)));
    const workbook = await PartnerWorkbook.open(adapter);
    expect(await workbook.setUp()).toEqual(["PartnerScores"]);
    const data = new PartnerData(workbook.snapshot);
    // A partner audited twice, one audited once (onboarding), one never (a prospect), and an unknown-to-Audit id's neighbour.
    const chosen = ["Active", "Onboarding", "Prospect"].map((status) => data.partners.find((p) => p.status === status)!.id);
    const result = await workbook.save(chosen.flatMap((id) => scoresRow(data, id)));
    // The add-in's own table is not counted among the rows the user's records gained.
    expect(result).toMatchObject({ ok: true, rows: 0 });
    expect(workbook.snapshot.tables.get("PartnerScores")!.rows.flatMap((r) => (r[0] === null ? [] : [r[0]]))).toEqual(chosen);
    const bytes = await adapter.save();

    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet")).map((n) => zip.file(n)!.async("string")));
    const scoresSheet = sheets.find((xml) => xml.includes("PartnerScores[[#This Row]"))!;
    // No function that a file stores with a prefix appears without it; no custom function is bare
    // or hidden by IFERROR (a workbook opened without the add-in must show #NAME?, not a blank).
    for (const name of PREFIXED_FUNCTIONS) expect(scoresSheet).not.toMatch(new RegExp(`[>(,]${name.replace(".", "\\.")}\\(`));
    expect(scoresSheet).toContain("_xlfn.IFNA(_xldudf_PARTNER_AUDIT(");
    expect(scoresSheet).not.toMatch(/[^_]PARTNER\.[A-Z]/);
    const formulas = [...scoresSheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.filter((f) => f.includes("_xldudf_")).length).toBeGreaterThan(10);
    expect(formulas.filter((f) => f.includes("_xldudf_") && f.includes("IFERROR("))).toEqual([]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-scores-"));
    try {
      const input = path.join(dir, "scores.xlsx");
      fs.writeFileSync(input, bytes);
      const recalculated = fs.readFileSync(convert(input, path.join(dir, "out")));
      const scores = (await readXlsxTables(recalculated)).tables.find((t) => t.name === "PartnerScores")!;
      const column = (name: string) => scores.headers.indexOf(name);
      const builtIn = ["LastAudit", ...SCORE_COLUMNS.filter((c) => / \d+$/.test(c)), ...STAGES];
      let compared = 0;
      for (const id of chosen) {
        const row = scores.rows.find((r) => r[0] === id)!;
        const expected = scoreValues(data, id, latestPlan(data.plansOf(id))?.period ?? null);
        for (const name of builtIn) {
          // IFERROR's "" is an empty text cell, which reads as blank.
          expect(row[column(name)], `${id} ${name}`).toEqual(expected[name as keyof typeof expected] === "" ? null : expected[name as keyof typeof expected]);
          compared++;
        }
        // LibreOffice has no PARTNER.* functions: they show #NAME?, as in Excel without the add-in.
        expect(row[column("Audit")]).toBe("#NAME?");
      }
      expect(compared).toBe(3 * 19);
      // The audited partner's criteria hold its latest ratings.
      expect(scores.rows.find((r) => r[0] === chosen[0])!.slice(2, 16).filter((v) => typeof v === "number" && v > 0).length).toBeGreaterThan(8);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
