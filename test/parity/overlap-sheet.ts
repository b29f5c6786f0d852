/**
 * PARTNER.OVERLAP's matrix written as plain spreadsheet formulas (MATCH, MINIFS — `_xlfn.MINIFS` in the file, as Excel writes it —, COUNTIF,
 * COUNTIFS), so that LibreOffice Calc can count the same overlap independently. Takes any two
 * account lists of already-normalised domains and statuses, so it can run on random lists or on
 * a workbook's Accounts table.
 *
 * Sheets `Mine` and `Theirs`: A domain, B status, then per row C the status's rank (1 customer,
 * 2 open opportunity, 3 prospect), D the domain's best rank on its own list (MINIFS), E 1 on the
 * domain's first row, F its best rank on the other list (0 when absent). Sheet `Overlap`: B2:D4 =
 * COUNTIFS(Mine!E:E, 1, Mine!D:D, my rank, Mine!F:F, their rank).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { convert } from "../support/libreoffice";

export type AccountListRow = readonly [domain: string, status: string];

const RANKS = '{"customer";"open opportunity";"prospect"}';

function listSheet(workbook: ExcelJS.Workbook, name: string, other: string, rows: readonly AccountListRow[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(["Domain", "Status", "Rank", "Best", "First", "Other"]);
  const last = rows.length + 1;
  rows.forEach(([domain, status], i) => {
    const r = i + 2;
    sheet.addRow([
      domain,
      status,
      { formula: `MATCH(LOWER(B${r}),${RANKS},0)` },
      { formula: `_xlfn.MINIFS($C$2:$C$${last},$A$2:$A$${last},A${r})` },
      { formula: `IF(COUNTIF($A$2:A${r},A${r})=1,1,0)` },
      { formula: `IF(COUNTIF(${other}!$A:$A,A${r})=0,0,_xlfn.MINIFS(${other}!$C:$C,${other}!$A:$A,A${r}))` },
    ]);
  });
}

/** The workbook: both lists and the 3×3 matrix of counts (rows: my status, columns: theirs). */
export function overlapWorkbook(mine: readonly AccountListRow[], theirs: readonly AccountListRow[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  listSheet(workbook, "Mine", "Theirs", mine);
  listSheet(workbook, "Theirs", "Mine", theirs);
  const sheet = workbook.addWorksheet("Overlap");
  sheet.addRow(["Mine \\ Theirs", "Customer", "Open opportunity", "Prospect"]);
  for (let m = 1; m <= 3; m++) {
    const counts = [1, 2, 3].map((t) => ({ formula: `COUNTIFS(Mine!$E:$E,1,Mine!$D:$D,${m},Mine!$F:$F,${t})` }));
    sheet.addRow([["Customer", "Open opportunity", "Prospect"][m - 1], ...counts]);
  }
  return workbook;
}

/** LibreOffice's counts for two lists: the workbook written, recalculated headless and read back. */
export async function libreOfficeOverlap(mine: readonly AccountListRow[], theirs: readonly AccountListRow[]): Promise<number[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-overlap-parity-"));
  try {
    const input = path.join(dir, "overlap-parity.xlsx");
    await overlapWorkbook(mine, theirs).xlsx.writeFile(input);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convert(input, path.join(dir, "out")));
    const sheet = recalculated.getWorksheet("Overlap")!;
    return [2, 3, 4].map((r) =>
      [2, 3, 4].map((c) => {
        const value = sheet.getCell(r, c).value as ExcelJS.CellFormulaValue;
        // exceljs reads a cached result of 0 back as undefined.
        const result = value && typeof value === "object" && "formula" in value ? (value.result ?? 0) : value;
        if (typeof result !== "number") throw new Error(`Overlap!${String.fromCharCode(64 + c)}${r}: LibreOffice gave ${JSON.stringify(result)}`);
        return result;
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
