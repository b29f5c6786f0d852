/**
 * Writes samples/imports/: exports as other systems would give them, made from the sample's
 * partners and deals, to try the import on samples/partners.xlsx:
 * - crm-opportunities.csv — a CRM opportunity report: `,`-separated, UTF-8 with a byte order mark,
 *   US numbers (`61,000.00`), mm/dd/yyyy dates, quoted fields holding commas, quotes and line
 *   breaks. Most deals are in the workbook as they are; some amounts grew; some deals are new; a
 *   few rows are wrong (an unknown partner, an amount "TBD", a deal id given twice).
 * - prm-partners.xlsx — a PRM partner list (.xlsx) naming partners its own way: some names
 *   misspelt, some without their legal form or in capitals, two partners the workbook lacks; a
 *   few partner managers changed.
 * - erp-sell-through.csv — an ERP sell-through file: `;`-separated, windows-1252 without a byte
 *   order mark, European numbers (`12.345,67`), dd.mm.yyyy dates; one bad amount, one bad date.
 *
 * Run: npm run samples (or npx tsx samples/imports.ts)   (the same sample → the same bytes)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SheetCell } from "../addin/workbook/sheet";
import { XlsxAdapter } from "../addin/workbook/xlsx";
import { createRandom } from "../engine/random";
import type { DealRow } from "./data/deals";
import type { Partner } from "./data/partners";
import { type SampleData, sampleData } from "./generate";
import { serialOf } from "./sheets/tables";

const here = fileURLToPath(import.meta.url);
export const IMPORTS_DIR = path.join(path.dirname(here), "imports");
export const IMPORT_FILES = { crm: "crm-opportunities.csv", prm: "prm-partners.xlsx", erp: "erp-sell-through.csv" } as const;

const two = (n: number) => String(n).padStart(2, "0");
const usDate = (d: Date | null) => (d ? `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}` : "");
const dottedDate = (d: Date) => `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
/** `1234.5` → `1,234.50` (US) or `1.234,50` (European). */
function money(value: number, form: "us" | "eu"): string {
  const [whole, cents] = value.toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, form === "us" ? "," : ".");
  return `${grouped}${form === "us" ? "." : ","}${cents}`;
}

/** A CSV field, quoted when it holds the separator, a quote or a line break (quotes doubled). */
const field = (value: string, separator: string) => (value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csv = (rows: readonly (readonly string[])[], separator: string) => rows.map((r) => r.map((v) => field(v, separator)).join(separator)).join("\r\n") + "\r\n";

const CRM_OUTCOME: Record<DealRow["outcome"], string> = { Won: "Closed Won", Lost: "Closed Lost", Open: "Open" };
const NEXT_STEPS = ["", "Send quote, then book a demo", 'Call "procurement" on Monday\nThen send the revised quote', "Waiting for the customer's budget, Q4"];

/** The CRM opportunity report. */
export function crmOpportunities(data: SampleData): string {
  const random = createRandom(14_001);
  const byId = new Map(data.partners.map((p) => [p.id, p]));
  const rows: string[][] = [["Opportunity ID", "Opportunity Name", "Partner Account", "Stage", "Amount", "Created Date", "Close Date", "Won/Lost", "Next Step"]];
  const deals = data.deals.slice(0, 160);
  deals.forEach((deal, i) => {
    const partner = byId.get(deal.partnerId)!;
    // Every tenth deal grew since it was recorded.
    const amount = i % 10 === 4 ? deal.amount + 2_500 : deal.amount;
    const account = i % 9 === 2 ? partner.name.toUpperCase() : partner.name;
    rows.push([deal.dealId, `${partner.name.split(" ")[0]} – licences, ${5 + random.int(40)} seats`, account, deal.stage, money(amount, "us"), usDate(deal.opened), usDate(deal.closed), CRM_OUTCOME[deal.outcome], NEXT_STEPS[i % NEXT_STEPS.length]]);
  });
  const active = data.partners.filter((p) => p.status === "Active");
  for (let n = 1; n <= 20; n++) {
    const partner = active[random.int(active.length)];
    const opened = new Date(Date.UTC(2026, 9, 1 + random.int(28)));
    rows.push([`D9${String(n).padStart(4, "0")}`, `${partner.name.split(" ")[0]} – new logo, ${10 + random.int(90)} seats`, partner.name, n % 2 ? "Lead" : "Qualified", money(5_000 + 500 * random.int(100), "us"), usDate(opened), "", "Open", NEXT_STEPS[n % NEXT_STEPS.length]]);
  }
  rows.push(["D90101", "Globex – pilot, 3 seats", "Globex Intergalactic", "Lead", "12,000.00", "10/02/2026", "", "Open", ""]);
  rows.push(["D90102", "Summit – renewal", active[0].name, "Proposal", "TBD", "10/05/2026", "", "Open", "Amount to follow"]);
  rows.push(["D90001", "Duplicate of the first new deal", active[1].name, "Lead", "9,500.00", "10/06/2026", "", "Open", ""]);
  return csv(rows, ",");
}

/** A misspelling of a name: two letters of its first word swapped. */
function misspell(name: string, random: ReturnType<typeof createRandom>): string {
  const first = name.split(" ")[0];
  const at = 1 + random.int(Math.max(1, first.length - 2));
  const swapped = first.slice(0, at) + first[at + 1] + first[at] + first.slice(at + 2);
  return swapped + name.slice(first.length);
}

/** What the PRM list says of a partner, and how it names it. */
export interface PrmEntry {
  name: string;
  /** The partner it is (undefined: a partner the workbook lacks). */
  partnerId?: string;
  misspelt: boolean;
}

/** The PRM partner list's rows, before they are written. */
export function prmEntries(data: SampleData): { entries: PrmEntry[]; rows: (string | number | null)[][] } {
  const random = createRandom(14_002);
  const managers = [...new Set(data.partners.map((p) => p.channelManager))].sort();
  const entries: PrmEntry[] = [];
  const rows: (string | number | null)[][] = [];
  const add = (entry: PrmEntry, partner: Partial<Partner>, manager: string) => {
    entries.push(entry);
    rows.push([entry.name, partner.type ?? "Reseller", partner.region ?? "EMEA", partner.territory ?? "", manager, partner.signedDate ? serialOf(partner.signedDate) : null, partner.status ?? "Prospect", `PRM-${10_000 + rows.length * 7}`]);
  };
  data.partners.slice(0, 60).forEach((partner, i) => {
    const misspelt = i % 10 === 3;
    const name = misspelt ? misspell(partner.name, random) : i % 10 === 7 ? partner.name.replace(/\s+(Inc\.|Ltd|GmbH|S\.A\.|S\.L\.|AB|Pty Ltd|Pvt Ltd|LLC|BV|SAS)$/, "") : i % 10 === 8 ? partner.name.toUpperCase() : partner.name;
    const manager = i % 12 === 5 ? managers[(managers.indexOf(partner.channelManager) + 1) % managers.length] : partner.channelManager;
    add({ name, partnerId: partner.id, misspelt }, partner, manager);
  });
  add({ name: "Quasar Ridge Partners", misspelt: false }, { region: "Americas", territory: "US West" }, managers[0]);
  add({ name: "Lakeside Ventures Oy", misspelt: false }, { region: "EMEA", territory: "Nordics" }, managers[1]);
  return { entries, rows };
}

/** The PRM partner list (.xlsx bytes). */
export async function prmPartners(data: SampleData): Promise<Uint8Array> {
  const headers = ["Partner Name", "Partner Type", "Region", "Country", "Partner Manager", "Partner Since", "Partner Status", "PRM ID"];
  const cells: SheetCell[] = headers.map((value, c) => ({ row: 1, column: c + 1, value, bold: true }));
  prmEntries(data).rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) cells.push({ row: r + 2, column: c + 1, value, ...(c === 5 ? { numberFormat: "dd/mm/yyyy" } : {}) });
    }),
  );
  const adapter = XlsxAdapter.blank(new Date(Date.UTC(2026, 9, 1)));
  await adapter.writeSheet({ name: "Partner list", cells, widths: { 1: 34, 2: 22, 5: 20, 6: 14 }, charts: [], freeze: { rows: 1 } });
  return adapter.save();
}

/** Characters of windows-1252 outside Latin-1's printable range, by code point. */
const CP1252: Record<number, number> = { 0x20ac: 0x80, 0x2013: 0x96, 0x2014: 0x97, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94 };

/** Text as windows-1252 bytes (only the characters the sample uses). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = CP1252[code];
    if (byte === undefined) throw new Error(`${ch} is not in windows-1252`);
    return byte;
  });
}

const PRODUCTS = ["Lösung Premium – Lizenz", "Wartung 12 Monate", "Schulung „Grundlagen“", "Cloud-Speicher 1 TB (€/Monat)"].map((p) => p.replace(/[„“]/g, '"'));

/** The ERP sell-through file's text (written as windows-1252). */
export function erpSellThrough(data: SampleData): string {
  const random = createRandom(14_003);
  const active = data.partners.filter((p) => p.status === "Active");
  const rows: string[][] = [["Invoice No", "Reseller", "Invoice Date", "Product", "Net Amount", "Currency", "Status"]];
  for (let n = 1; n <= 80; n++) {
    const partner = active[random.int(active.length)];
    const date = new Date(Date.UTC(2026, 6 + random.int(3), 1 + random.int(28)));
    const amount = 200 + random.int(40_000) + random.int(100) / 100;
    rows.push([`INV-2026-${String(n).padStart(5, "0")}`, partner.name, dottedDate(date), PRODUCTS[n % PRODUCTS.length], money(amount, "eu"), "EUR", n % 11 === 0 ? "Cancelled" : "Invoiced"]);
  }
  rows.push(["INV-2026-00081", active[2].name, "14.08.2026", PRODUCTS[0], "12.34x", "EUR", "Invoiced"]);
  rows.push(["INV-2026-00082", active[3].name, "31.02.2026", PRODUCTS[1], "1.250,00", "EUR", "Invoiced"]);
  return csv(rows, ";");
}

/** Every sample export, by file name, as bytes. */
export async function buildImportSamples(data: SampleData = sampleData()): Promise<Map<string, Uint8Array>> {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
  const crm = new TextEncoder().encode(crmOpportunities(data));
  return new Map([
    [IMPORT_FILES.crm, new Uint8Array([...bom, ...crm])],
    [IMPORT_FILES.prm, await prmPartners(data)],
    [IMPORT_FILES.erp, windows1252(erpSellThrough(data))],
  ]);
}

async function main() {
  fs.mkdirSync(IMPORTS_DIR, { recursive: true });
  for (const [name, bytes] of await buildImportSamples()) {
    fs.writeFileSync(path.join(IMPORTS_DIR, name), bytes);
    console.log(`Wrote ${path.relative(process.cwd(), path.join(IMPORTS_DIR, name))}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) void main();
