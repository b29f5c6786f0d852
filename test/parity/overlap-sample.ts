/**
 * The account lists of the sample workbook that PARTNER.OVERLAP's LibreOffice fixture is made of:
 * the vendor's Accounts table ("mine": domain and status) against the channel's own view of the
 * same market ("theirs"): every account a partner has a deal or a lead on, a customer where a
 * partner won a deal, an open opportunity where one is open, a prospect otherwise. Domains are
 * given as OVERLAP keys them (so that COUNTIFS, which cannot normalise, counts the same thing).
 */
import fs from "node:fs";
import { accountKey } from "../../engine/accounts/domain";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";
import { SCHEMA_TABLES } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";
import type { AccountListRow } from "./overlap-sheet";

export const OVERLAP_FIXTURE = new URL("./overlap-sample.fixture.json", import.meta.url);

export interface OverlapFixture {
  mine: AccountListRow[];
  theirs: AccountListRow[];
  /** LibreOffice Calc's 3×3 counts (rows: the vendor's status, columns: the channel's). */
  counts: number[][];
}

/** With `asWritten`, domains as the sample writes them (`www.`, subdomains, capitals, addresses) rather than keyed. */
export async function sampleAccountLists(asWritten = false): Promise<{ mine: AccountListRow[]; theirs: AccountListRow[] }> {
  const data = new PartnerData(snapshotOf((await readXlsxTables(fs.readFileSync(SAMPLE_PATH), SCHEMA_TABLES)).tables));
  const keyOf = (domain: string | null) => (domain ? (asWritten ? (accountKey(domain) ? domain : null) : accountKey(domain)) : null);
  const mine: AccountListRow[] = [];
  for (const a of data.accounts) {
    const key = keyOf(a.domain);
    if (key && a.status) mine.push([key, a.status.toLowerCase()]);
  }
  const domainOf = new Map(data.accounts.map((a) => [a.accountId.toLowerCase(), keyOf(a.domain)]));
  const theirs: AccountListRow[] = [];
  for (const d of data.deals) {
    const key = d.accountId ? domainOf.get(d.accountId.toLowerCase()) : null;
    if (!key) continue;
    theirs.push([key, d.outcome === "Won" ? "customer" : d.outcome === "Open" ? "open opportunity" : "prospect"]);
  }
  for (const l of data.leads) {
    const key = l.accountId ? domainOf.get(l.accountId.toLowerCase()) : null;
    if (key) theirs.push([key, "prospect"]);
  }
  return { mine, theirs };
}
