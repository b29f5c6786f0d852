// The plan library, plan activities, funds, fund requests and value propositions, under SPEC
// section 3's conventions in both adapters: Set up workbook creates them with their headers, number
// formats and data validation; a saved batch reads back as typed records (choices in the lists'
// spelling, shares as fractions, dates as serials); values that do not fit their column are refused
// whole, naming table and column; and saving other tables keeps them byte for byte.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { OfficeAdapter } from "../../addin/workbook/office";
import { OoxmlPackage } from "../../addin/workbook/ooxml/package";
import { tablesOf as tableEntriesOf } from "../../addin/workbook/ooxml/tables";
import { sheetsOf, workbookPartOf } from "../../addin/workbook/ooxml/workbook-part";
import type { Change } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import { type TableName, tableSchema } from "../../addin/workbook/schema";
import { PartnerWorkbook, type WorkbookAdapter } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";
import { SAMPLE_PATH } from "../../samples/generate";
import { type FakeExcel, fakeExcelOf } from "./fake-excel";
import { tablesOf, xlsxOf } from "./fixtures";
import { compareParts } from "./parts";

const PLAN_TABLES: TableName[] = ["Library", "PlanActivities", "Funds", "FundRequests", "ValueProposition"];
/** 2026-10-05, 2026-09-20 and 2026-09-24 as Excel serials. */
const OCT_5 = 46300;
const SEP_20 = 46285;
const SEP_24 = 46289;

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

/** A plan built by hand: two library activities, one of them planned with a fund request, the funds, a value proposition. */
const PLAN: Change[] = [
  {
    table: "Library",
    key: { GoalId: "G01", ActivityId: "A14" },
    set: {
      Goal: "Generate pipeline",
      Category: "marketing",
      Activity: "Joint webinar",
      Tactic: "One-hour webinar with a customer speaker",
      KPI: "Leads",
      Unit: "leads",
      Stage: "activation; ESTABLISHED",
      Tier: "mgp, MVP, mgp",
      MDFEligible: "yes",
      TypicalCost: 4000,
      TypicalResult: 60,
    },
  },
  { table: "Library", key: { GoalId: "G01", ActivityId: "A45" }, set: { Goal: "Generate pipeline", Category: "Sales", Activity: "Quarterly business review", KPI: "Revenue" } },
  {
    table: "PlanActivities",
    key: { PartnerId: "P0001", Period: "FY2026", GoalId: "G01", ActivityId: "A14" },
    set: { Owner: "Amelia Hart", Start: "2026-10-05", End: OCT_5, Budget: 4000, PartnerShare: "50%", Expected: 60, Status: "planned", RequestId: "R1" },
  },
  { table: "Funds", key: { PartnerId: "P0001", Period: "FY2026", FundType: "mdf" }, set: { Allocated: 20000 } },
  { table: "Funds", key: { PartnerId: "P0001", Period: "FY2026", FundType: "Co-op" }, set: { Allocated: "5000" } },
  {
    table: "FundRequests",
    key: { RequestId: "R1" },
    set: { PartnerId: "p0001", Period: "FY2026", ActivityId: "A14", Amount: 2000, State: "submitted", SubmittedBy: "Ana Costa", SubmittedOn: "2026-09-20", SubmitComment: "Quote attached" },
  },
  {
    table: "ValueProposition",
    key: { PartnerId: "P0002" },
    set: {
      Problem: "Manufacturers close their books in ten days",
      QuantifiedBenefit: "Month-end close in 4 days instead of 10",
      Differentiator: "Certified manufacturing templates",
      Statement: "We help manufacturers close the month in 4 days, on certified templates.",
    },
  },
];

describe.each(subjects)("%s adapter: the plan tables", (_name, make) => {
  it("Set up workbook creates them with the schema's headers, and a saved plan reads back as records", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    expect(workbook.snapshot.missing).toEqual(expect.arrayContaining(PLAN_TABLES));
    expect(await workbook.setUp(PLAN_TABLES)).toEqual(PLAN_TABLES);
    const created = (await subject.reopen()).snapshot;
    for (const name of PLAN_TABLES) expect(created.tables.get(name)!.headers, name).toEqual(tableSchema(name).columns.map((c) => c.name));
    expect(created.problems).toEqual([]);

    expect(await workbook.save(PLAN)).toEqual({ ok: true, cells: 0, rows: PLAN.length, deleted: 0 });
    // The review, a later step of the request: the submission stays as it was.
    const reviewed = await workbook.save([{ table: "FundRequests", key: { RequestId: "R1" }, set: { State: "APPROVED", ReviewedBy: "Helena Vogt", ReviewedOn: "2026-09-24", ReviewComment: "Approved" } }]);
    expect(reviewed).toEqual({ ok: true, cells: 4, rows: 0, deleted: 0 });

    const again = await subject.reopen();
    expect(again.snapshot.problems).toEqual([]);
    const data = new PartnerData(again.snapshot);
    expect(data.library).toEqual([
      {
        goalId: "G01",
        goal: "Generate pipeline",
        category: "Marketing",
        activityId: "A14",
        activity: "Joint webinar",
        tactic: "One-hour webinar with a customer speaker",
        kpi: "Leads",
        unit: "leads",
        stages: ["Activation", "Established"],
        tiers: ["MGP", "MVP"],
        mdfEligible: true,
        typicalCost: 4000,
        typicalResult: 60,
      },
      {
        goalId: "G01",
        goal: "Generate pipeline",
        category: "Sales",
        activityId: "A45",
        activity: "Quarterly business review",
        tactic: null,
        kpi: "Revenue",
        unit: null,
        stages: [],
        tiers: [],
        mdfEligible: false,
        typicalCost: null,
        typicalResult: null,
      },
    ]);
    expect(data.libraryActivity("a14")?.activity).toBe("Joint webinar");
    expect(data.planActivitiesOf("p0001")).toEqual([
      {
        partnerId: "P0001",
        period: "FY2026",
        goalId: "G01",
        activityId: "A14",
        owner: "Amelia Hart",
        start: OCT_5,
        end: OCT_5,
        budget: 4000,
        partnerShare: 0.5,
        expected: 60,
        actual: null,
        status: "Planned",
        requestId: "R1",
      },
    ]);
    expect(data.fundsOf("P0001").map((f) => [f.fundType, f.allocated])).toEqual([
      ["MDF", 20000],
      ["Co-op", 5000],
    ]);
    expect(data.fundRequestsOf("P0001")).toEqual([data.fundRequest("r1")]);
    expect(data.fundRequest("R1")).toEqual({
      requestId: "R1",
      partnerId: "p0001",
      period: "FY2026",
      activityId: "A14",
      fundType: "MDF",
      amount: 2000,
      state: "Approved",
      submitted: { by: "Ana Costa", on: SEP_20, comment: "Quote attached" },
      reviewed: { by: "Helena Vogt", on: SEP_24, comment: "Approved" },
      claimAmount: null,
      proofOfPerformance: null,
      claimed: { by: null, on: null, comment: null },
      paid: { by: null, on: null, comment: null },
    });
    expect(data.valuePropositionOf("P0002")?.quantifiedBenefit).toBe("Month-end close in 4 days instead of 10");
    expect(data.valuePropositionOf("P0001")).toBeUndefined();
  });

  it("refuses, writing nothing, values that do not fit their columns and ids Partners does not have", async () => {
    const subject = await make();
    const workbook = await PartnerWorkbook.open(subject.adapter);
    await workbook.setUp(PLAN_TABLES);
    expect(await workbook.save(PLAN)).toMatchObject({ ok: true });
    const before = (await subject.reopen()).snapshot.tables;
    const result = await workbook.save([
      { table: "Library", key: { GoalId: "G02", ActivityId: "A20" }, set: { Goal: "Raise the profile", Category: "Branding", Activity: "Case study", KPI: "References", Stage: "Growth, Activation" } },
      { table: "PlanActivities", key: { PartnerId: "P0001", Period: "FY2026", GoalId: "G01", ActivityId: "A14" }, set: { PartnerShare: 1.5, Budget: -4000 } },
      { table: "Funds", key: { PartnerId: "P0001", Period: "FY2026", FundType: "Rebate" }, set: { Allocated: 1000 } },
      { table: "FundRequests", key: { RequestId: "R1" }, set: { State: "Paid out", ClaimAmount: "all of it" } },
      { table: "ValueProposition", key: { PartnerId: "P9999" }, set: { Statement: "Faster." } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.table}|${p.column ?? ""}|${p.message}`)).toEqual([
      "Library|Category|Category: expected one of Sales, Marketing, Technical, Enablement, got \"Branding\"",
      "Library|Stage|Stage: expected one or more of Fit, Onboarding, Activation, Enablement, Established separated by commas, got \"Growth, Activation\"",
      "PlanActivities|PartnerShare|PartnerShare: a share must be from 0% to 100%, got 1.5",
      "PlanActivities|Budget|Budget: expected an amount of 0 or more, got -4000",
      "Funds|FundType|FundType: expected one of MDF, Co-op, Rebate accrual, got \"Rebate\"",
      "FundRequests|State|State: expected one of Draft, Submitted, Approved, Rejected, Claimed, Paid, got \"Paid out\"",
      "FundRequests|ClaimAmount|ClaimAmount: expected a number, got \"all of it\"",
      "ValueProposition|PartnerId|PartnerId P9999 is not in the Partners table",
    ]);
    const after = (await subject.reopen()).snapshot.tables;
    for (const name of PLAN_TABLES) expect(after.get(name)!.rows, name).toEqual(before.get(name)!.rows);
  });
});

describe("Set up workbook's validation and formats on the plan tables", () => {
  it("Office.js: lists for categories, fund types, states and statuses; shares 0–1 as percentages; amounts of 0 or more", async () => {
    const fake = fakeExcelOf([]);
    await (await PartnerWorkbook.open(new OfficeAdapter(fake.run))).setUp(PLAN_TABLES);
    const table = (name: string) => fake.tables.find((t) => t.name === name)!;
    const column = (name: TableName, header: string) => tableSchema(name).columns.findIndex((c) => c.name === header);
    const rule = (name: TableName, header: string) => table(name).validations![column(name, header)]?.rule;
    expect(rule("Library", "Category")).toEqual({ list: { inCellDropDown: true, source: "Sales,Marketing,Technical,Enablement" } });
    expect(rule("Library", "MDFEligible")).toEqual({ list: { inCellDropDown: true, source: "TRUE,FALSE" } });
    // A list of several stages in one cell is checked by the task pane, not by an Excel drop-down of one.
    expect(rule("Library", "Stage")).toBeUndefined();
    expect(rule("Funds", "FundType")).toEqual({ list: { inCellDropDown: true, source: "MDF,Co-op,Rebate accrual" } });
    expect(rule("Funds", "Allocated")).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(rule("PlanActivities", "PartnerShare")).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(rule("PlanActivities", "Status")).toEqual({ list: { inCellDropDown: true, source: "Planned,In progress,Done,Cancelled" } });
    expect(rule("FundRequests", "State")).toEqual({ list: { inCellDropDown: true, source: "Draft,Submitted,Approved,Rejected,Claimed,Paid" } });
    expect(rule("FundRequests", "PaidOn")).toMatchObject({ date: {} });
    expect(table("PlanActivities").formats![column("PlanActivities", "PartnerShare")]).toEqual([["0%"]]);
    expect(table("FundRequests").formats![column("FundRequests", "ClaimAmount")]).toEqual([["#,##0"]]);
  });

  it(".xlsx: the same rules, as exceljs reads them from the saved file", async () => {
    const adapter = await XlsxAdapter.open(partnersOnly);
    await (await PartnerWorkbook.open(adapter)).setUp(PLAN_TABLES);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await adapter.save()) as unknown as ArrayBuffer);
    const cell = (sheet: string, header: string) => {
      const ws = workbook.getWorksheet(sheet)!;
      const c = tableSchema(sheet as TableName).columns.findIndex((x) => x.name === header) + 1;
      expect(ws.getCell(1, c).value).toBe(header);
      return ws.getCell(2, c);
    };
    expect(cell("Funds", "FundType").dataValidation).toMatchObject({ type: "list", formulae: ['"MDF,Co-op,Rebate accrual"'] });
    expect(cell("Funds", "Allocated").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    expect(cell("PlanActivities", "PartnerShare").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 1] });
    expect(cell("PlanActivities", "PartnerShare").numFmt).toBe("0%");
    expect(cell("FundRequests", "State").dataValidation).toMatchObject({ type: "list", formulae: ['"Draft,Submitted,Approved,Rejected,Claimed,Paid"'] });
    expect(cell("Library", "Stage").dataValidation).toBeUndefined();
    expect(cell("FundRequests", "SubmittedOn").numFmt).toBe("yyyy-mm-dd");
  });
});

describe("the sample workbook's plan tables on save", () => {
  it("are kept, part for part, when another table is saved, and read back the same after a save of their own", async () => {
    const original = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
    const pkg = await OoxmlPackage.open(original);
    const entries = await tableEntriesOf(pkg, await sheetsOf(pkg, await workbookPartOf(pkg)));
    const sheetOf = (name: string) => entries.find((t) => t.name === name)!.sheetPart;
    const rowsOf = async (bytes: Uint8Array) => new Map((await readXlsxTables(bytes)).tables.map((t) => [t.name, t.rows]));
    const before = await rowsOf(original);

    const adapter = await XlsxAdapter.open(original);
    const workbook = await PartnerWorkbook.open(adapter);
    expect(await workbook.save([{ table: "Partners", key: { PartnerId: "P0001" }, set: { Status: "Active" } }])).toMatchObject({ ok: true });
    const parts = await compareParts(original, await adapter.save());
    for (const name of PLAN_TABLES) expect(parts.same, name).toContain(sheetOf(name));

    // A claim on an approved request: that one row changes, every other row of every plan table stays.
    const data = new PartnerData(workbook.snapshot);
    const approved = data.fundRequests.find((q) => q.state === "Approved")!;
    const claim = { State: "Claimed", ClaimAmount: approved.amount! - 100, ProofOfPerformance: "https://partners.example.com/proof", ClaimedBy: "Ana Costa", ClaimedOn: "2026-09-30" };
    expect(await workbook.save([{ table: "FundRequests", key: { RequestId: approved.requestId }, set: claim }])).toMatchObject({ ok: true, cells: 5 });
    const saved = await adapter.save();
    const after = await rowsOf(saved);
    for (const name of PLAN_TABLES.filter((n) => n !== "FundRequests")) expect(after.get(name), name).toEqual(before.get(name));
    const requests = { before: before.get("FundRequests")!, after: after.get("FundRequests")! };
    const changed = requests.after.flatMap((row, r) => (JSON.stringify(row) === JSON.stringify(requests.before[r]) ? [] : [row[0]]));
    expect(changed).toEqual([approved.requestId]);
    const reread = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(saved))).snapshot).fundRequest(approved.requestId)!;
    expect([reread.state, reread.claimAmount, reread.claimed.by, reread.claimed.on, reread.reviewed]).toEqual(["Claimed", approved.amount! - 100, "Ana Costa", 46295, approved.reviewed]);
  });
});
