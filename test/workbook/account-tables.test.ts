// The account-planning tables (Accounts, Leads, AccountPlans) and the Deals table's account,
// registration, source and qualification columns, under SPEC section 3's conventions in both
// adapters: Set up workbook creates them with their headers and data validation; a saved batch
// reads back as typed records with lookups by account and partner; values that do not fit and
// AccountIds the Accounts table does not list are refused whole; and a workbook whose Deals table
// predates the new columns reads and saves as before.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import type { Change } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import { type TableName, tableSchema } from "../../addin/workbook/schema";
import type { Problem } from "../../addin/workbook/snapshot";
import { PartnerWorkbook, type WorkbookAdapter } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type FakeExcel, fakeExcelOf } from "./fake-excel";
import { tablesOf, xlsxOf } from "./fixtures";

const ACCOUNT_TABLES: TableName[] = ["Deals", "Accounts", "Leads", "AccountPlans"];
/** 2026-09-01, 2026-09-20, 2026-09-24, 2026-09-25, 2026-09-29, 2026-10-15, 2026-11-30 and 2026-12-23 as Excel serials. */
const SEP_1 = 46266;
const SEP_20 = 46285;
const SEP_24 = 46289;
const SEP_25 = 46290;
const SEP_29 = 46294;
const OCT_15 = 46310;
const NOV_30 = 46356;
const DEC_23 = 46379;

interface Subject {
  adapter: WorkbookAdapter;
  reopen(): Promise<PartnerWorkbook>;
  fake?: FakeExcel;
}

/** A workbook of 12 partners and nothing else. */
let partnersOnly: Uint8Array;
beforeAll(async () => {
  partnersOnly = await xlsxOf(tablesOf(12, ["Partners"]));
});

const subjects: [string, () => Promise<Subject>][] = [
  [
    ".xlsx",
    async () => {
      const adapter = await XlsxAdapter.open(partnersOnly);
      return { adapter, reopen: async () => PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save())) };
    },
  ],
  [
    "Office.js",
    async () => {
      const fake = fakeExcelOf(await (await XlsxAdapter.open(partnersOnly)).read());
      return { adapter: new OfficeAdapter(fake.run), fake, reopen: () => PartnerWorkbook.open(new OfficeAdapter(fake.run)) };
    },
  ],
];

/** Three accounts, two partners' deals on one of them and a vendor deal without one, two leads, two target accounts. */
const ACCOUNTS: Change[] = [
  {
    table: "Accounts",
    key: { AccountId: "A1" },
    set: { Name: "Hartwell Manufacturing Ltd", Domain: "www.Hartwell.co.uk", Industry: "Manufacturing", Region: "EMEA", Owner: "Oliver Grant", Status: "customer" },
  },
  { table: "Accounts", key: { AccountId: "A2" }, set: { Name: "Brenner Logistik GmbH", Domain: "brenner.de", Status: "OPEN OPPORTUNITY" } },
  { table: "Accounts", key: { AccountId: "A3" }, set: { Name: "Castell Health", Status: "Prospect" } },
  {
    table: "Deals",
    key: { DealId: "D1" },
    set: { PartnerId: "P0001", Stage: "Proposal", Amount: 40000, Outcome: "open", Opened: "2026-09-01", AccountId: "a1", Registered: SEP_1, ProtectedUntil: "2026-11-30", Source: "partner-sourced", Qualified: "yes" },
  },
  {
    table: "Deals",
    key: { DealId: "D2" },
    set: { PartnerId: "P0002", Stage: "Qualified", Amount: 25000, Outcome: "Open", AccountId: "A1", Registered: "2026-09-24", ProtectedUntil: DEC_23, Source: "Partner-influenced", Qualified: false },
  },
  { table: "Deals", key: { DealId: "D3" }, set: { PartnerId: "P0001", Stage: "Closed", Amount: 9000, Outcome: "Won", Source: "vendor" } },
  {
    table: "Leads",
    key: { LeadId: "L1" },
    set: { AccountId: "A2", PartnerId: "P0001", Sent: "2026-09-20", Accepted: SEP_24, FollowUpBy: "2026-09-25", Outcome: "accepted" },
  },
  { table: "Leads", key: { LeadId: "L2" }, set: { AccountId: "A3", PartnerId: "p0002", Sent: SEP_24, FollowUpBy: SEP_29, Outcome: "Open" } },
  {
    table: "AccountPlans",
    key: { PartnerId: "P0001", AccountId: "A1", Period: "FY2026" },
    set: { Objective: "Expand to a second plant", NextStep: "Joint discovery call with the COO", Due: "2026-10-15", Owner: "Amelia Hart" },
  },
  { table: "AccountPlans", key: { PartnerId: "P0001", AccountId: "A2", Period: "FY2026" }, set: { Objective: "Win the open opportunity" } },
];

const lines = (problems: readonly Problem[]) => problems.map((p) => `${p.table}|${p.column ?? ""}|${p.message}`);

describe.each(subjects)("%s adapter: the account tables", (_name, make) => {
  it("Set up workbook creates them with the schema's headers, and a saved batch reads back as records with lookups by account and partner", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    expect(workbook.snapshot.missing).toEqual(expect.arrayContaining(ACCOUNT_TABLES));
    expect(await workbook.setUp(ACCOUNT_TABLES)).toEqual(ACCOUNT_TABLES);
    const created = (await subject.reopen()).snapshot;
    for (const name of ACCOUNT_TABLES) expect(created.tables.get(name)!.headers, name).toEqual(tableSchema(name).columns.map((c) => c.name));
    expect(created.tables.get("Deals")!.headers.slice(-5)).toEqual(["AccountId", "Registered", "ProtectedUntil", "Source", "Qualified"]);
    expect(created.problems).toEqual([]);

    expect(await workbook.save(ACCOUNTS)).toEqual({ ok: true, cells: 0, rows: ACCOUNTS.length, deleted: 0 });
    const again = await subject.reopen();
    expect(again.snapshot.problems).toEqual([]);
    const data = new PartnerData(again.snapshot);
    expect(data.accounts).toEqual([
      { accountId: "A1", name: "Hartwell Manufacturing Ltd", domain: "www.Hartwell.co.uk", industry: "Manufacturing", region: "EMEA", owner: "Oliver Grant", status: "Customer" },
      { accountId: "A2", name: "Brenner Logistik GmbH", domain: "brenner.de", industry: null, region: null, owner: null, status: "Open opportunity" },
      { accountId: "A3", name: "Castell Health", domain: null, industry: null, region: null, owner: null, status: "Prospect" },
    ]);
    expect(data.account("a2")?.name).toBe("Brenner Logistik GmbH");
    expect(data.account("A9")).toBeUndefined();
    expect(data.dealsOf("P0001")).toEqual([
      {
        partnerId: "P0001",
        dealId: "D1",
        stage: "Proposal",
        amount: 40000,
        outcome: "Open",
        opened: SEP_1,
        closed: null,
        accountId: "a1",
        registered: SEP_1,
        protectedUntil: NOV_30,
        source: "Partner-sourced",
        qualified: true,
      },
      { partnerId: "P0001", dealId: "D3", stage: "Closed", amount: 9000, outcome: "Won", opened: null, closed: null, accountId: null, registered: null, protectedUntil: null, source: "Vendor", qualified: null },
    ]);
    // Both partners' deals on A1 (named in either case), none on the others.
    expect(data.dealsOfAccount("A1").map((d) => [d.dealId, d.partnerId, d.registered, d.protectedUntil, d.source, d.qualified])).toEqual([
      ["D1", "P0001", SEP_1, NOV_30, "Partner-sourced", true],
      ["D2", "P0002", SEP_24, DEC_23, "Partner-influenced", false],
    ]);
    expect(data.dealsOfAccount("A2")).toEqual([]);
    expect(data.leadsOf("P0001")).toEqual([{ leadId: "L1", accountId: "A2", partnerId: "P0001", sent: SEP_20, accepted: SEP_24, followUpBy: SEP_25, outcome: "Accepted" }]);
    expect(data.leadsOf("P0002").map((l) => l.leadId)).toEqual(["L2"]);
    expect(data.leadsOfAccount("a3")).toEqual([{ leadId: "L2", accountId: "A3", partnerId: "p0002", sent: SEP_24, accepted: null, followUpBy: SEP_29, outcome: "Open" }]);
    expect(data.leadsOfAccount("A1")).toEqual([]);
    expect(data.accountPlansOf("p0001")).toEqual([
      { partnerId: "P0001", accountId: "A1", period: "FY2026", objective: "Expand to a second plant", nextStep: "Joint discovery call with the COO", due: OCT_15, owner: "Amelia Hart" },
      { partnerId: "P0001", accountId: "A2", period: "FY2026", objective: "Win the open opportunity", nextStep: null, due: null, owner: null },
    ]);
    expect(data.accountPlansOf("P0002")).toEqual([]);

    // A later save of one table keeps the others' records (and their lookups) as they were.
    expect(await workbook.save([{ table: "Leads", key: { LeadId: "L2" }, set: { Accepted: SEP_29, Outcome: "Accepted" } }])).toMatchObject({ ok: true, cells: 2 });
    const next = new PartnerData(workbook.snapshot, new PartnerData(again.snapshot));
    expect(next.leadsOfAccount("A3")[0]).toMatchObject({ accepted: SEP_29, outcome: "Accepted" });
    expect(next.dealsOfAccount("A1").map((d) => d.dealId)).toEqual(["D1", "D2"]);
  });

  it("refuses, writing nothing, values that do not fit their columns and AccountIds the Accounts table does not list", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    await workbook.setUp(ACCOUNT_TABLES);
    expect(await workbook.save(ACCOUNTS)).toMatchObject({ ok: true });
    const before = (await subject.reopen()).snapshot.tables;
    const result = await workbook.save([
      { table: "Accounts", key: { AccountId: "A4" }, set: { Name: "Dunmore Energy", Status: "Lead" } },
      { table: "Deals", key: { DealId: "D4" }, set: { PartnerId: "P0003", Stage: "Lead", Amount: 1000, Outcome: "Open", Registered: "soon", Source: "Reseller", Qualified: "maybe" } },
      { table: "Leads", key: { LeadId: "L3" }, set: { AccountId: "A2", PartnerId: "P0003", Sent: "2026-09-28", Outcome: "Forwarded" } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(lines(result.problems)).toEqual([
      'Accounts|Status|Status: expected one of Customer, Prospect, Open opportunity, got "Lead"',
      'Deals|Registered|Registered: expected a date, got "soon"',
      'Deals|Source|Source: expected one of Partner-sourced, Partner-influenced, Vendor, got "Reseller"',
      'Deals|Qualified|Qualified: expected TRUE or FALSE, got "maybe"',
      'Leads|Outcome|Outcome: expected one of Open, Accepted, Rejected, Converted, Lost, got "Forwarded"',
    ]);
    const unknown = await workbook.save([
      { table: "Deals", key: { DealId: "D5" }, set: { PartnerId: "P0003", Stage: "Lead", Amount: 1000, Outcome: "Open", AccountId: "A9" } },
      { table: "Leads", key: { LeadId: "L4" }, set: { AccountId: "A8", PartnerId: "P0003", Sent: "2026-09-28" } },
      { table: "AccountPlans", key: { PartnerId: "P0003", AccountId: "A7", Period: "FY2026" }, set: { Objective: "Open a first opportunity" } },
    ]);
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.problems.map((p) => `${p.table}|${p.row}|${p.column}|${p.message}`)).toEqual([
      "Deals|4|AccountId|AccountId A9 is not in the Accounts table",
      "Leads|3|AccountId|AccountId A8 is not in the Accounts table",
      "AccountPlans|3|AccountId|AccountId A7 is not in the Accounts table",
    ]);
    const after = (await subject.reopen()).snapshot.tables;
    for (const name of ACCOUNT_TABLES) expect(after.get(name)!.rows, name).toEqual(before.get(name)!.rows);

    // An account that leads and plans refer to cannot go, nor be renamed away from them.
    const removed = await workbook.save([{ table: "Accounts", key: { AccountId: "A2" }, delete: true }]);
    expect(removed.ok).toBe(false);
    if (removed.ok) return;
    expect(removed.problems.map((p) => `${p.table}|${p.row}|${p.column}|${p.message}`)).toEqual([
      "Leads|1|AccountId|AccountId A2 is not in the Accounts table",
      "AccountPlans|2|AccountId|AccountId A2 is not in the Accounts table",
    ]);
    // An account nothing refers to can, and the same batch may add the account a new deal names.
    const fine = await workbook.save([
      { table: "Accounts", key: { AccountId: "A3" }, delete: true },
      { table: "Leads", key: { LeadId: "L2" }, delete: true },
      { table: "Accounts", key: { AccountId: "A5" }, set: { Name: "Eastgate Retail", Status: "Prospect" } },
      { table: "Deals", key: { DealId: "D6" }, set: { PartnerId: "P0004", Stage: "Lead", Amount: 5000, Outcome: "Open", AccountId: "A5" } },
    ]);
    expect(fine).toMatchObject({ ok: true });
    const reread = new PartnerData((await subject.reopen()).snapshot);
    expect(reread.accounts.map((a) => a.accountId)).toEqual(["A1", "A2", "A5"]);
    expect(reread.dealsOfAccount("A5").map((d) => d.dealId)).toEqual(["D6"]);
  });

  it("reports an AccountId listed twice in Accounts, by row", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    await workbook.setUp(["Accounts"]);
    expect(await workbook.save([{ table: "Accounts", key: { AccountId: "A1" }, set: { Name: "Hartwell" } }])).toMatchObject({ ok: true });
    // A second row with the same id, as a user could type it in Excel: the key's own row is named.
    const twice = await workbook.save([{ table: "Accounts", key: { AccountId: "a1 ", Name: "Hartwell again" }, set: {} }]);
    expect(twice.ok).toBe(false);
    if (twice.ok) return;
    expect(lines(twice.problems)).toEqual(["Accounts|AccountId|AccountId a1 is also in row 1"]);
  });
});

describe("AccountIds while the Accounts table lists no account", () => {
  it("are not checked: deals may name accounts of another system, and adding the first accounts is not refused for them", async () => {
    const adapter = await XlsxAdapter.open(partnersOnly);
    const workbook = await PartnerWorkbook.open(adapter);
    await workbook.setUp(["Deals", "Accounts"]);
    const deal = { table: "Deals", key: { DealId: "D1" }, set: { PartnerId: "P0001", Stage: "Lead", Amount: 1000, Outcome: "Open", AccountId: "CRM-0001" } } as const;
    expect(await workbook.save([deal])).toMatchObject({ ok: true });
    expect(await workbook.save([{ table: "Accounts", key: { AccountId: "A1" }, set: { Name: "Hartwell" } }])).toMatchObject({ ok: true });
    // Once it lists accounts, the deal's is checked, and reported when the workbook is opened again.
    const reopened = await PartnerWorkbook.open(await XlsxAdapter.open(await adapter.save()));
    expect(lines(reopened.snapshot.problems)).toEqual(["Deals|AccountId|AccountId CRM-0001 is not in the Accounts table"]);
  });
});

describe("a workbook whose Deals table predates the account columns", () => {
  const file = path.resolve(__dirname, "../fixtures/workbooks/libreoffice-saved.xlsx");

  it("reads as before: no problems, each deal's cells as they are, no account, registration, source or qualification", async () => {
    const adapter = await XlsxAdapter.open(new Uint8Array(fs.readFileSync(file)));
    const workbook = await PartnerWorkbook.open(adapter);
    expect(workbook.snapshot.problems).toEqual([]);
    expect(workbook.snapshot.missing).toEqual(expect.arrayContaining(["Accounts", "Leads", "AccountPlans"]));
    const table = workbook.snapshot.tables.get("Deals")!;
    expect(table.headers).toEqual(["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed"]);
    expect(table.rows.length).toBeGreaterThan(100);
    const value = (row: readonly unknown[], header: string) => row[table.headers.indexOf(header)] ?? null;
    const expected = table.rows.map((row) => ({
      partnerId: value(row, "PartnerId"),
      dealId: value(row, "DealId"),
      stage: value(row, "Stage"),
      amount: value(row, "Amount"),
      outcome: value(row, "Outcome"),
      opened: value(row, "Opened"),
      closed: value(row, "Closed"),
      accountId: null,
      registered: null,
      protectedUntil: null,
      source: null,
      qualified: null,
    }));
    expect(new PartnerData(workbook.snapshot).deals).toEqual(expected);

    // It saves as before, and says which column it lacks for an account.
    const first = expected[0];
    expect(await workbook.save([{ table: "Deals", key: { DealId: first.dealId as string }, set: { Stage: "Negotiation" } }])).toMatchObject({ ok: true, cells: 1 });
    const refused = await workbook.save([{ table: "Deals", key: { DealId: first.dealId as string }, set: { AccountId: "A1" } }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(lines(refused.problems)).toEqual(["Deals|AccountId|table Deals has no AccountId column"]);
  });
});

describe("Set up workbook's validation and formats on the account tables", () => {
  it("Office.js: lists for statuses, sources and outcomes, TRUE/FALSE for qualification, dates for registration and follow-up", async () => {
    const fake = fakeExcelOf([]);
    await (await PartnerWorkbook.open(new OfficeAdapter(fake.run))).setUp(ACCOUNT_TABLES);
    const table = (name: string) => fake.tables.find((t) => t.name === name)!;
    const column = (name: TableName, header: string) => tableSchema(name).columns.findIndex((c) => c.name === header);
    const rule = (name: TableName, header: string) => table(name).validations![column(name, header)]?.rule;
    expect(rule("Accounts", "Status")).toEqual({ list: { inCellDropDown: true, source: "Customer,Prospect,Open opportunity" } });
    expect(rule("Deals", "Source")).toEqual({ list: { inCellDropDown: true, source: "Partner-sourced,Partner-influenced,Vendor" } });
    expect(rule("Deals", "Qualified")).toEqual({ list: { inCellDropDown: true, source: "TRUE,FALSE" } });
    expect(rule("Deals", "ProtectedUntil")).toMatchObject({ date: {} });
    expect(rule("Leads", "Outcome")).toEqual({ list: { inCellDropDown: true, source: "Open,Accepted,Rejected,Converted,Lost" } });
    expect(rule("Leads", "FollowUpBy")).toMatchObject({ date: {} });
    expect(rule("AccountPlans", "Due")).toMatchObject({ date: {} });
    expect(rule("Accounts", "Domain")).toBeUndefined();
    expect(table("Leads").formats![column("Leads", "Sent")]).toEqual([["yyyy-mm-dd"]]);
    expect(table("Deals").formats![column("Deals", "Registered")]).toEqual([["yyyy-mm-dd"]]);
  });
});
