/**
 * `npm run fixtures:pnl`: regenerates test/parity/pnl.fixture.json, the LibreOffice parity fixture
 * of the partner P&L. It draws seeded random assumption sets, writes each as plain spreadsheet
 * formulas (test/parity/pnl-sheet.ts), has LibreOffice Calc recalculate the workbook headless and
 * stores the inputs with LibreOffice's results. test/parity/pnl.test.ts compares the engine with it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { createRandom } from "../../engine/random";
import { convert, SOFFICE } from "../support/libreoffice";
import {
  NONE,
  NO_CONVERGENCE,
  PARTNER_ROWS,
  type ParityCase,
  type Result,
  SUMMARY_COLUMNS,
  VENDOR_ROWS,
  parityWorkbook,
  randomCase,
  readResults,
} from "./pnl-sheet";

export const FIXTURE_SEED = 20261122;
export const FIXTURE_CASES = 320;
const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE_PATH = path.join(here, "pnl.fixture.json");

export interface FixtureCase {
  id: number;
  assumptions: ParityCase["assumptions"];
  /** One row per line of PARTNER_ROWS then VENDOR_ROWS, one value per year. */
  lines: number[][];
  /** SUMMARY_COLUMNS of the partner view; IRR "#NUM!" where it does not converge, "" where blank. */
  partner: (number | string)[];
  vendor: (number | string)[];
}

export interface Fixture {
  about: string[];
  libreoffice: string;
  seed: number;
  lines: string[];
  summary: string[];
  cases: FixtureCase[];
}

export function cases(seed: number, count: number): ParityCase[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => randomCase(random, i + 1));
}

const asNumber = (value: Result, where: string): number => {
  if (typeof value !== "number") throw new Error(`${where}: LibreOffice gave ${JSON.stringify(value)}`);
  return value;
};

/** Has LibreOffice recalculate the cases; returns them with its results. */
export async function recalculate(parity: ParityCase[]): Promise<FixtureCase[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-pnl-parity-"));
  try {
    const { workbook, layouts } = parityWorkbook(parity);
    const input = path.join(dir, "pnl-parity.xlsx");
    await workbook.xlsx.writeFile(input);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(convert(input, path.join(dir, "out")));
    return readResults(recalculated, layouts).map((r, i) => {
      const c = parity[i];
      const n = SUMMARY_COLUMNS.length;
      const summary = (offset: number, irrKind: Result) =>
        r.summary.slice(offset, offset + n).map((value, k) => {
          if (k === 1 && irrKind === NO_CONVERGENCE) return "#NUM!";
          if (value === NONE) return "";
          return asNumber(value, `case ${c.id}, ${SUMMARY_COLUMNS[k]}`);
        });
      return {
        id: c.id,
        assumptions: c.assumptions,
        lines: r.lines.map((line, k) => line.map((v, t) => asNumber(v, `case ${c.id}, line ${k + 1}, year ${t + 1}`))),
        partner: summary(0, r.summary[2 * n]),
        vendor: summary(n, r.summary[2 * n + 1]),
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** JSON with one line per case field, so that the fixture reads (and diffs) well. */
function format(fixture: Fixture): string {
  const { cases: all, ...head } = fixture;
  const lines = JSON.stringify(head, null, 2).slice(0, -2).split("\n");
  lines.push(',\n  "cases": [');
  all.forEach((c, i) => {
    const fields = Object.entries(c).map(([k, v]) => {
      if (k === "lines") return `      "lines": [\n${(v as number[][]).map((l) => `        ${JSON.stringify(l)}`).join(",\n")}\n      ]`;
      if (k === "assumptions") return `      "assumptions": [\n${(v as unknown[][]).map((l) => `        ${JSON.stringify(l)}`).join(",\n")}\n      ]`;
      return `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    });
    lines.push(`    {\n${fields.join(",\n")}\n    }${i < all.length - 1 ? "," : ""}`);
  });
  lines.push("  ]\n}\n");
  return lines.join("\n").replace("\n,\n", ",\n");
}

async function main() {
  const version = execFileSync(SOFFICE, ["--version"], { encoding: "utf8" }).trim();
  const results = await recalculate(cases(FIXTURE_SEED, FIXTURE_CASES));
  const fixture: Fixture = {
    about: [
      "LibreOffice parity fixture of the partner P&L (SPEC 2.5).",
      `Made by test/parity/pnl-fixture.ts: ${FIXTURE_CASES} random assumption sets drawn with the project's seeded generator (seed ${FIXTURE_SEED}),`,
      "each written as plain spreadsheet formulas (arithmetic, NPV, IRR, SUM, SUMPRODUCT, COUNTIF, INDEX; see test/parity/pnl-sheet.ts),",
      "recalculated headless by LibreOffice Calc and read back. Regenerate with: npm run fixtures:pnl",
      "Each case: the assumption rows as typed (null, \"\" and 0 after a series are empty cells), the yearly lines",
      "(in the order of `lines`) and the summary of each view (in the order of `summary`): IRR is \"#NUM!\" where",
      "LibreOffice's IRR does not converge, and \"\" marks a blank summary cell (never pays back, no profitable year, no cost).",
    ],
    libreoffice: version,
    seed: FIXTURE_SEED,
    lines: [...PARTNER_ROWS, ...VENDOR_ROWS],
    summary: SUMMARY_COLUMNS,
    cases: results,
  };
  fs.writeFileSync(FIXTURE_PATH, format(fixture));
  const irrFailures = results.filter((c) => c.partner[1] === "#NUM!").length;
  console.log(`Wrote ${path.relative(process.cwd(), FIXTURE_PATH)}: ${results.length} cases (${irrFailures} with IRR #NUM! in the partner view), ${version}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
