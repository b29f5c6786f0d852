/**
 * Writes the LibreOffice-computed fixtures of Excel's statistical functions that the engine mirrors:
 *   test/fixtures/percentrank-inc.tsv   PERCENTRANK.INC (PARTNER.RANK.PCT)
 *   test/fixtures/percentile-inc.tsv    PERCENTILE.INC, QUARTILE.INC, MEDIAN (nine-box and benchmark cuts)
 * Seeded random populations (many ties, decimals, n from 1 to 121) and values to rank (members,
 * values between members, the extremes, values outside the range) go into an .xlsx as formulas;
 * LibreOffice Calc recalculates it headless and the results are read back.
 *
 * LibreOffice's own PERCENTRANK.INC rounds its result to significant digits, where Excel truncates
 * to decimal places (Microsoft's example: 0.555 for 5/9). So the fixture asks LibreOffice for the
 * rank to 15 digits and for Excel's default form as ROUNDDOWN(rank, significance), both computed
 * by LibreOffice.
 *
 * Run: npm run fixtures:statistics   (needs LibreOffice: apt-get install -y libreoffice-calc)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { createRandom } from "../engine/random";
import { SOFFICE, convert } from "../test/support/libreoffice";
import { columnLetter } from "../samples/sheets/tables";

export const FIXTURE_SEED = 20261122;
const RANK_PATH = "test/fixtures/percentrank-inc.tsv";
const PERCENTILE_PATH = "test/fixtures/percentile-inc.tsv";
const POPULATIONS = 70;
const FIRST_VALUE_COLUMN = 8;

const random = createRandom(FIXTURE_SEED);
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** A population drawn from one of several shapes a partner network's figures take. */
function population(i: number): number[] {
  const sizes = [1, 2, 3, 4, 5, 8, 10, 11, 20, 37, 101, 121];
  const n = i < sizes.length ? sizes[i] : 1 + random.int(60);
  switch (i % 5) {
    case 0: // small integers: many ties
      return Array.from({ length: n }, () => 1 + random.int(12));
    case 1: // win rates with two decimals
      return Array.from({ length: n }, () => round(random.next(), 2));
    case 2: // revenues
      return Array.from({ length: n }, () => round(Math.exp(8 + 3 * random.next()), 1));
    case 3: // 1–100 scores
      return Array.from({ length: n }, () => 1 + random.int(100));
    default: // signed values with one decimal
      return Array.from({ length: n }, () => round((random.next() - 0.4) * 200, 1));
  }
}

/** Values to rank: members, midpoints and fractions between members, extremes, and outsiders. */
function valuesToRank(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = () => sorted[random.int(sorted.length)];
  const between = () => {
    const a = pick();
    const b = pick();
    return round(a + (b - a) * random.next(), 3);
  };
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return [pick(), pick(), between(), between(), lo, hi, round(lo - 1 - random.next(), 2), round(hi + 0.5, 2)];
}

interface RankCase {
  values: number[];
  x: number;
  significance: number | null;
}

async function main() {
  if (!fs.existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: apt-get install -y libreoffice-calc`);
  const populations = Array.from({ length: POPULATIONS }, (_, i) => population(i));
  const cases: RankCase[] = populations.flatMap((values) =>
    valuesToRank(values).map((x) => ({ values, x, significance: random.next() < 0.5 ? null : 1 + random.int(5) })),
  );

  const workbook = new ExcelJS.Workbook();
  const ranks = workbook.addWorksheet("Ranks");
  cases.forEach((c, i) => {
    const r = i + 1;
    const range = `$${columnLetter(FIRST_VALUE_COLUMN)}${r}:$${columnLetter(FIRST_VALUE_COLUMN + c.values.length - 1)}${r}`;
    ranks.getCell(r, 1).value = c.x;
    ranks.getCell(r, 2).value = c.significance ?? 3;
    ranks.getCell(r, 3).value = { formula: `_xlfn.PERCENTRANK.INC(${range},A${r},15)` };
    ranks.getCell(r, 4).value = { formula: `ROUNDDOWN(C${r},B${r})` };
    c.values.forEach((v, j) => (ranks.getCell(r, FIRST_VALUE_COLUMN + j).value = v));
  });
  const stats = workbook.addWorksheet("Percentiles");
  const STAT_FORMULAS = ["_xlfn.PERCENTILE.INC({range},1/3)", "_xlfn.PERCENTILE.INC({range},2/3)", "_xlfn.QUARTILE.INC({range},1)", "_xlfn.QUARTILE.INC({range},2)", "_xlfn.QUARTILE.INC({range},3)", "MEDIAN({range})"];
  populations.forEach((values, i) => {
    const r = i + 1;
    const range = `$${columnLetter(FIRST_VALUE_COLUMN)}${r}:$${columnLetter(FIRST_VALUE_COLUMN + values.length - 1)}${r}`;
    STAT_FORMULAS.forEach((f, j) => (stats.getCell(r, j + 1).value = { formula: f.replace("{range}", range) }));
    values.forEach((v, j) => (stats.getCell(r, FIRST_VALUE_COLUMN + j).value = v));
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-fixtures-"));
  try {
    const input = path.join(dir, "statistics.xlsx");
    await workbook.xlsx.writeFile(input);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convert(input, path.join(dir, "out")));
    const version = execFileSync(SOFFICE, ["--version"], { encoding: "utf8" }).trim();
    // exceljs reads a cached result of 0 back as no result; an error comes back as { error }.
    const cached = (sheet: ExcelJS.Worksheet, r: number, c: number): string => {
      const result = (sheet.getCell(r, c).value as { result?: unknown }).result;
      if (result && typeof result === "object" && "error" in result) return "error";
      return String(result ?? 0);
    };
    const header = (what: string, columns: string) =>
      [
        `# ${what}, recalculated by ${version} (headless) from formulas written by`,
        `# scripts/fixtures-statistics.ts (npm run fixtures:statistics), random seed ${FIXTURE_SEED}. Do not edit by hand.`,
        ...columns.split("\n").map((l) => `# ${l}`),
      ].join("\n");

    const outRanks = cases.map((c, i) =>
      [c.values.join(" "), c.x, c.significance ?? "", cached(recalculated.getWorksheet("Ranks")!, i + 1, 3), cached(recalculated.getWorksheet("Ranks")!, i + 1, 4)].join("\t"),
    );
    fs.writeFileSync(
      RANK_PATH,
      `${header(
        "PERCENTRANK.INC(population, x, significance)",
        "rank15 = PERCENTRANK.INC(population, x, 15); expected = ROUNDDOWN(rank15, significance), Excel's form of the result\n" +
          "(significance blank: the default, 3). \"error\": x outside the population's range (Excel: #N/A).\n" +
          "population (space-separated)\tx\tsignificance\trank15\texpected",
      )}\n${outRanks.join("\n")}\n`,
    );
    const outStats = populations.map((values, i) =>
      [values.join(" "), ...STAT_FORMULAS.map((_, j) => cached(recalculated.getWorksheet("Percentiles")!, i + 1, j + 1))].join("\t"),
    );
    fs.writeFileSync(
      PERCENTILE_PATH,
      `${header("PERCENTILE.INC, QUARTILE.INC and MEDIAN", "population (space-separated)\tPERCENTILE.INC(1/3)\tPERCENTILE.INC(2/3)\tQUARTILE.INC(1)\tQUARTILE.INC(2)\tQUARTILE.INC(3)\tMEDIAN")}\n${outStats.join("\n")}\n`,
    );
    console.log(`Wrote ${RANK_PATH} (${cases.length} cases) and ${PERCENTILE_PATH} (${populations.length} populations)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
