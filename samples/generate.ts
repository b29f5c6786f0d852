/**
 * Writes samples/partners.xlsx, the sample partner workbook: the tables of SPEC section 3 filled
 * with a realistic, seeded (hence reproducible) partner network, and sheets whose cells use the
 * PARTNER.* functions on those tables. Cached results of every formula are computed with the
 * engine, so the workbook shows its numbers in any spreadsheet before the add-in recalculates.
 *
 * Run: npm run samples   (same seed → same workbook content)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { type Random, createRandom } from "../engine/random";
import { ASSUMPTION_YEARS, type AssumptionRow, sampleAssumptions, sampleRampHistory } from "./data/assumptions";
import { type AuditRow, sampleAudits } from "./data/audit";
import { type Partner, samplePartners } from "./data/partners";
import { addAuditScoresSheet } from "./sheets/audit-scores";
import { addPnlSheet } from "./sheets/pnl";
import { DATE_FORMAT, addTableSheet } from "./sheets/tables";

export const SAMPLE_SEED = 2026;
export const SAMPLE_PARTNERS = 240;
const here = fileURLToPath(import.meta.url);
export const SAMPLE_PATH = path.join(path.dirname(here), "partners.xlsx");

export interface SampleData {
  partners: Partner[];
  audits: AuditRow[];
  assumptions: AssumptionRow[];
  /** Past partners' licence revenue by year since signing, for PARTNER.RAMP on the P&L sheet. */
  rampHistory: (number | null)[][];
}

/** An independent random stream per table, so adding a table never changes the others. */
function stream(seed: number, table: string): Random {
  let h = seed >>> 0;
  for (const ch of table) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return createRandom(h);
}

export function sampleData(seed = SAMPLE_SEED, count = SAMPLE_PARTNERS): SampleData {
  const partners = samplePartners(stream(seed, "Partners"), count);
  const audits = sampleAudits(stream(seed, "Audit"), partners);
  const assumptions = sampleAssumptions(stream(seed, "Assumptions"), partners);
  const rampHistory = sampleRampHistory(stream(seed, "Ramp history"));
  return { partners, audits, assumptions, rampHistory };
}

export async function buildSampleWorkbook(data: SampleData = sampleData()): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PartnerFit";
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 9, 1));
  addTableSheet(
    workbook,
    "Partners",
    [
      { name: "PartnerId" },
      { name: "Name", width: 34 },
      { name: "Region" },
      { name: "Territory", width: 18 },
      { name: "ChannelManager", width: 18 },
      { name: "Type", width: 26 },
      { name: "Status" },
      { name: "SignedDate", numFmt: DATE_FORMAT },
    ],
    data.partners.map((p) => [p.id, p.name, p.region, p.territory, p.channelManager, p.type, p.status, p.signedDate]),
  );
  addTableSheet(
    workbook,
    "Audit",
    [
      { name: "PartnerId" },
      { name: "Area", width: 22 },
      { name: "Criterion", width: 50 },
      { name: "Rating" },
      { name: "Date", numFmt: DATE_FORMAT },
      { name: "Note", width: 20 },
    ],
    data.audits.map((a) => [a.partnerId, a.area, a.criterion, a.rating, a.date, a.note || null]),
  );
  addAuditScoresSheet(workbook, data);
  addTableSheet(
    workbook,
    "Assumptions",
    [
      { name: "PartnerId" },
      { name: "Name", width: 22 },
      { name: "Value", width: 12 },
      ...Array.from({ length: ASSUMPTION_YEARS - 1 }, (_, i) => ({ name: `Year${i + 2}`, width: 10 })),
    ],
    data.assumptions.map((a) => [a.partnerId, a.name, ...Array.from({ length: ASSUMPTION_YEARS }, (_, i) => a.values[i] ?? null)]),
  );
  addPnlSheet(workbook, data);
  return workbook;
}

async function main() {
  const workbook = await buildSampleWorkbook();
  await workbook.xlsx.writeFile(SAMPLE_PATH);
  console.log(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) void main();
