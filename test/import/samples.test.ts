/**
 * The sample exports (samples/imports/) imported into the sample workbook as a user would: read,
 * the suggested mapping, the preview — whose counts must be those worked out here straight from
 * the files and the sample's data — one save, and a second import that changes nothing, also after
 * the workbook went through a real .xlsx file.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { type Mapping, previewImport, rememberedMapping, suggestMapping } from "../../addin/import";
import { readExportFile } from "../../addin/import/node";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH, sampleData } from "../../samples/generate";
import { IMPORTS_DIR, IMPORT_FILES, buildImportSamples, prmEntries } from "../../samples/imports";
import { serialOf } from "../../samples/sheets/tables";

const data = sampleData();
const file = (name: string) => path.join(IMPORTS_DIR, name);
const dealsById = new Map(data.deals.map((d) => [d.dealId, d]));

async function openSample(): Promise<{ workbook: PartnerWorkbook; adapter: XlsxAdapter }> {
  const adapter = await XlsxAdapter.open(new Uint8Array(fs.readFileSync(SAMPLE_PATH)));
  const workbook = await PartnerWorkbook.open(adapter);
  await workbook.complete();
  // The sample has the import tables, empty.
  expect(workbook.snapshot.missing).toEqual([]);
  return { workbook, adapter };
}

const counts = (p: ReturnType<typeof previewImport>) => ({ added: p.added.length, updated: p.updated.length, unchanged: p.unchanged.length, rejected: p.rejected.length });

/** A file's rows as plain text, read without the import's reader. */
function plainRows(bytes: Uint8Array, encoding: string, separator: string): string[][] {
  let text = new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: separator }).data;
}

/** `mm/dd/yyyy` or `dd.mm.yyyy` as a serial, if a real date. */
function serialFrom(year: string, month: string, day: string): number | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? serialOf(date) : undefined;
}

describe("the sample exports", () => {
  it("are what samples/imports.ts makes, byte for byte", async () => {
    for (const [name, bytes] of await buildImportSamples(data)) expect(Buffer.from(bytes).equals(fs.readFileSync(file(name))), name).toBe(true);
  });
});

describe("importing the CRM opportunity report into Deals", () => {
  let workbook: PartnerWorkbook;
  let adapter: XlsxAdapter;
  beforeAll(async () => ({ workbook, adapter } = await openSample()));

  it("previews, saves once, and changes nothing the second time, also after a round trip through the file", async () => {
    const grid = await readExportFile(file(IMPORT_FILES.crm));
    expect(grid.dialect).toEqual({ format: "csv", encoding: "utf-8", bom: true, separator: "," });
    const mapping = suggestMapping(grid.headers, "Deals");
    expect(mapping).toEqual({ DealId: "Opportunity ID", PartnerId: "Partner Account", Stage: "Stage", Amount: "Amount", Outcome: "Won/Lost", Opened: "Created Date", Closed: "Close Date", AccountId: null, Registered: null, ProtectedUntil: null, Source: null, Qualified: null });

    // What the preview must find, worked out from the file and the sample's deals.
    const rows = plainRows(fs.readFileSync(file(IMPORT_FILES.crm)), "utf-8", ",").slice(1);
    expect(rows).toHaveLength(grid.rows.length);
    const outcome: Record<string, string> = { "Closed Won": "Won", "Closed Lost": "Lost", Open: "Open" };
    const expected = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
    const seen = new Set<string>();
    for (const [id, , account, stage, amount, created, closed, won] of rows) {
      const partners = data.partners.filter((p) => p.name.toLowerCase() === account.toLowerCase());
      if (partners.length !== 1 || !/^[\d,]+\.\d\d$/.test(amount) || seen.has(id)) {
        expected.rejected++;
        continue;
      }
      seen.add(id);
      const deal = dealsById.get(id);
      if (!deal) {
        expected.added++;
        continue;
      }
      const us = (text: string) => (text ? serialFrom(text.slice(6), text.slice(0, 2), text.slice(3, 5)) : undefined);
      const same =
        deal.partnerId === partners[0].id && deal.stage === stage && deal.amount === Number(amount.replaceAll(",", "")) && deal.outcome === outcome[won] &&
        serialOf(deal.opened) === us(created) && (closed ? deal.closed !== null && serialOf(deal.closed) === us(closed) : true);
      if (same) expected.unchanged++;
      else expected.updated++;
    }
    expect(expected.updated).toBeGreaterThan(0);

    const preview = previewImport(new PartnerData(workbook.snapshot), "Deals", grid, mapping, { source: "CRM opportunities" });
    expect(counts(preview)).toEqual(expected);
    expect(preview.questions).toEqual([]);
    expect(preview.columns.find((c) => c.column === "Opened")?.reading.dateOrder).toBe("mdy");
    expect(preview.rejected.map((r) => r.reasons)).toEqual([
      [`row ${rows.length - 1}, PartnerId: unknown partner "Globex Intergalactic"`],
      [`row ${rows.length}, Amount: "TBD" is not a number`],
      [`row ${rows.length + 1}: DealId D90001 is also in row ${grid.rowNumbers[grid.rows.findIndex((r) => r[0] === "D90001")]} of the file`],
    ]);
    const saved = await workbook.save(preview.changes);
    expect(saved).toMatchObject({ ok: true, rows: expected.added + Object.keys(mapping).length });

    const again = previewImport(new PartnerData(workbook.snapshot), "Deals", grid, mapping, { source: "CRM opportunities" });
    expect(counts(again)).toEqual({ added: 0, updated: 0, unchanged: expected.added + expected.updated + expected.unchanged, rejected: expected.rejected });
    expect(again.changes).toEqual([]);

    // The saved file holds the deals and the remembered mapping.
    const reopened = await PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save()));
    await reopened.complete();
    const remembered = rememberedMapping(reopened.snapshot, "crm opportunities", "Deals");
    expect(remembered).toEqual({ ...mapping });
    const fromFile = previewImport(new PartnerData(reopened.snapshot), "Deals", grid, suggestMapping(grid.headers, "Deals", remembered), { source: "CRM opportunities" });
    expect(fromFile.changes).toEqual([]);
    expect(fromFile.unchanged).toHaveLength(again.unchanged.length);
    const d90001 = new PartnerData(reopened.snapshot).deals.find((d) => d.dealId === "D90001");
    const line = rows.find((r) => r[0] === "D90001")!;
    expect(d90001).toMatchObject({ stage: line[3], amount: Number(line[4].replaceAll(",", "")), outcome: "Open", closed: null });
  });
});

describe("importing the PRM partner list into Partners", () => {
  let workbook: PartnerWorkbook;
  beforeAll(async () => ({ workbook } = await openSample()));

  it("suggests the misspelt partners, and the confirmed ones resolve from then on", async () => {
    const grid = await readExportFile(file(IMPORT_FILES.prm));
    expect(grid.dialect).toEqual({ format: "xlsx", sheet: "Partner list" });
    const mapping = suggestMapping(grid.headers, "Partners");
    expect(mapping).toEqual({ PartnerId: "Partner Name", Name: null, Region: "Region", Territory: "Country", ChannelManager: "Partner Manager", Type: "Partner Type", Status: "Partner Status", SignedDate: "Partner Since" });

    // A name resolves when it is one partner's name in any case, or one partner's name less its legal form.
    const FORMS = ["Inc.", "Ltd", "GmbH", "S.A.", "S.L.", "AB", "Pty Ltd", "Pvt Ltd", "LLC", "BV", "SAS", "KK", "S.r.l.", "AG", "Oy"];
    const partnerOf = (name: string) => {
      const lower = name.toLowerCase();
      const exact = data.partners.filter((p) => p.name.toLowerCase() === lower);
      if (exact.length) return exact.length === 1 ? exact[0] : undefined;
      const bare = data.partners.filter((p) => FORMS.some((f) => p.name.toLowerCase() === `${lower} ${f.toLowerCase()}`));
      return bare.length === 1 ? bare[0] : undefined;
    };
    const { entries } = prmEntries(data);
    const expected = (confirmed: ReadonlyMap<string, string>) => {
      const tally = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
      grid.rows.forEach((row) => {
        const name = String(row[0]);
        const partner = confirmed.has(name) ? data.partners.find((p) => p.id === confirmed.get(name)) : partnerOf(name);
        if (!partner) return void tally.rejected++;
        const same =
          row[1] === partner.type && row[2] === partner.region && row[3] === partner.territory && row[4] === partner.channelManager &&
          row[5] === (partner.signedDate ? serialOf(partner.signedDate) : null) && row[6] === partner.status;
        if (same) tally.unchanged++;
        else tally.updated++;
      });
      return tally;
    };

    const first = previewImport(new PartnerData(workbook.snapshot), "Partners", grid, mapping);
    expect(counts(first)).toEqual(expected(new Map()));
    // Each misspelt name is unknown, and the partner it misspells is the first suggestion.
    const misspelt = entries.filter((e) => e.misspelt);
    expect(misspelt.length).toBeGreaterThan(3);
    for (const entry of misspelt) {
      const unknown = first.unknownPartners.find((u) => u.value === entry.name);
      expect(unknown?.suggestions[0]?.id, entry.name).toBe(entry.partnerId);
    }

    const confirmed = new Map(misspelt.map((e) => [e.name, first.unknownPartners.find((u) => u.value === e.name)!.suggestions[0].id]));
    const preview = previewImport(new PartnerData(workbook.snapshot), "Partners", grid, mapping, { confirmed: Object.fromEntries(confirmed) });
    expect(counts(preview)).toEqual(expected(confirmed));
    expect(preview.changes.filter((c) => c.table === "PartnerAliases")).toHaveLength(misspelt.length);
    expect(await workbook.save(preview.changes)).toMatchObject({ ok: true });

    // The aliases now resolve the misspelt names without asking.
    const again = previewImport(new PartnerData(workbook.snapshot), "Partners", grid, mapping);
    expect(again.changes).toEqual([]);
    expect(counts(again)).toEqual({ ...expected(confirmed), updated: 0, unchanged: expected(confirmed).updated + expected(confirmed).unchanged });
    expect(again.unknownPartners.map((u) => u.value).sort()).toEqual(entries.filter((e) => !e.misspelt && !partnerOf(e.name)).map((e) => e.name).sort());
  });
});

describe("importing the ERP sell-through file into Deals", () => {
  let workbook: PartnerWorkbook;
  beforeAll(async () => ({ workbook } = await openSample()));

  it("reads windows-1252, semicolons, European amounts and dotted dates", async () => {
    const grid = await readExportFile(file(IMPORT_FILES.erp));
    expect(grid.dialect).toEqual({ format: "csv", encoding: "windows-1252", bom: false, separator: ";" });
    expect(grid.rows.some((r) => r[3] === "Lösung Premium – Lizenz")).toBe(true);
    const mapping: Mapping = suggestMapping(grid.headers, "Deals");
    expect(mapping).toEqual({ DealId: "Invoice No", PartnerId: "Reseller", Stage: null, Amount: "Net Amount", Outcome: "Status", Opened: null, Closed: "Invoice Date", AccountId: null, Registered: null, ProtectedUntil: null, Source: null, Qualified: null });

    const rows = plainRows(fs.readFileSync(file(IMPORT_FILES.erp)), "windows-1252", ";").slice(1);
    const valid = rows.filter(([, reseller, date, , amount]) => {
      const [d, m, y] = date.split(".");
      return /^\d{1,3}(\.\d{3})*,\d\d$/.test(amount) && serialFrom(y, m, d) !== undefined && data.partners.filter((p) => p.name === reseller).length === 1;
    });
    const preview = previewImport(new PartnerData(workbook.snapshot), "Deals", grid, mapping);
    expect(preview.columns.find((c) => c.column === "Amount")?.reading.numberForm).toBe("eu");
    expect(counts(preview)).toEqual({ added: valid.length, updated: 0, unchanged: 0, rejected: rows.length - valid.length });
    expect(preview.rejected.flatMap((r) => r.reasons)).toEqual([`row ${rows.length}, Amount: "12.34x" is not a number`, `row ${rows.length + 1}, Closed: "31.02.2026" is not a date (ISO yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or an Excel date)`]);
    expect(await workbook.save(preview.changes)).toMatchObject({ ok: true, rows: valid.length });

    const deals = new PartnerData(workbook.snapshot).deals;
    for (const [id, , date, , amount, , status] of valid) {
      const [d, m, y] = date.split(".");
      expect(deals.find((deal) => deal.dealId === id)).toMatchObject({ amount: Number(amount.replaceAll(".", "").replace(",", ".")), closed: serialFrom(y, m, d), outcome: status === "Cancelled" ? "Lost" : "Won" });
    }
    expect(previewImport(new PartnerData(workbook.snapshot), "Deals", grid, mapping).changes).toEqual([]);
  });
});
