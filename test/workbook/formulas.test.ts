// Formulas as an .xlsx file stores them: `_xlfn.` before functions Excel added after 2007.
import { describe, expect, it } from "vitest";
import { PREFIXED_FUNCTIONS, fileFormula } from "../../addin/workbook/formulas";
import { scoreFormulas } from "../../addin/workbook/scores";

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
    expect(fileFormula("=PARTNER.MAXIFS(A1)+XMAXIFS(A1)+MAXIFS")).toBe("PARTNER.MAXIFS(A1)+XMAXIFS(A1)+MAXIFS");
    expect(fileFormula('="say ""MAXIFS(""" & MAXIFS(A:A,B:B,1)')).toBe('"say ""MAXIFS(""" & _xlfn.MAXIFS(A:A,B:B,1)');
  });

  it("covers every function the PartnerScores formulas use that Excel stores with a prefix", () => {
    const formulas = Object.values(scoreFormulas("2026-Q3")).flatMap((v) => (v && typeof v === "object" ? [v.formula] : []));
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    // Functions Excel 2010 and later added (stored with _xlfn.); the rest date from Excel 2007 or are the add-in's own.
    const modern = [...used].filter((name) => ["MAXIFS", "MINIFS", "IFS", "SWITCH", "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "FILTER", "SORT", "UNIQUE", "LET"].includes(name));
    expect(modern).toEqual(["MAXIFS"]);
    for (const name of modern) expect(PREFIXED_FUNCTIONS).toContain(name);
    expect(formulas.map(fileFormula).filter((f) => f.includes("_xlfn."))).toHaveLength(1);
  });
});
