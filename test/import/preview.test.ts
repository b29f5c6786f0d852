// The preview of an import on a small workbook: what it adds, updates, leaves and rejects, and why.
import { describe, expect, it } from "vitest";
import { previewImport } from "../../addin/import/preview";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { dateSerial } from "../../engine/excel/date";

const data = new PartnerData(
  snapshotOf([
    {
      name: "Partners",
      sheet: "Partners",
      origin: { row: 1, column: 1 },
      headers: ["PartnerId", "Name"],
      rows: [["P1", "Summit Cloud Inc."], ["P2", "Cedar Solutions BV"], ["P3", "Cedar Solutions Ltd"]],
    },
    {
      name: "Deals",
      sheet: "Deals",
      origin: { row: 1, column: 1 },
      headers: ["PartnerId", "DealId", "Stage", "Amount", "Outcome", "Opened", "Closed"],
      rows: [["P1", "D1", "Lead", 1000, "Open", dateSerial(2026, 1, 5), null]],
    },
    { name: "PartnerAliases", sheet: "Aliases", origin: { row: 1, column: 1 }, headers: ["Alias", "PartnerId"], rows: [["Summit (EMEA)", "P1"]] },
    { name: "Assumptions", sheet: "Assumptions", origin: { row: 1, column: 1 }, headers: ["PartnerId", "Name", "Value"], rows: [] },
  ]),
);
const mapping = { DealId: "Id", PartnerId: "Partner", Stage: "Stage", Amount: "Amount", Outcome: "Result", Opened: null, Closed: "Closed" };
const headers = ["Id", "Partner", "Stage", "Amount", "Result", "Closed"];

describe("previewImport", () => {
  it("sorts rows into added, updated, unchanged and rejected, with reasons naming row and column", () => {
    const rows = [
      ["D1", "summit cloud", "Lead", "1,000", "open", null], // the same deal, in other words
      ["D1", "P1", "Proposal", "1,500.50", "Open", "03/31/2026"], // D1 again
      ["D2", "Summit (EMEA)", "Lead", "2,000.00", "Closed Won", "31/03/2026"],
      ["D3", "Cedar Solutions", "Lead", "5", "Open", null],
      ["D4", "P1", null, "lots", "Maybe", "2026-02-30"],
      [null, "P1", "Lead", "5", "Open", null],
    ];
    const preview = previewImport(data, "Deals", { headers, rows }, mapping);
    expect(preview.unchanged.map((r) => r.row)).toEqual([2]);
    // 31/03/2026 only reads day-first, though the column also has 03/31/2026: it is read so, and the column asked about.
    expect(preview.added.map((r) => [r.row, r.values.Closed])).toEqual([[4, dateSerial(2026, 3, 31)]]);
    expect(preview.questions).toEqual([{ column: "Closed", header: "Closed", question: "dateOrder", examples: ["31/03/2026", "03/31/2026"] }]);
    expect(preview.rejected).toEqual([
      { row: 3, reasons: ["row 3: DealId D1 is also in row 2 of the file"] },
      { row: 5, reasons: ['row 5, PartnerId: unknown partner "Cedar Solutions" (like Cedar Solutions BV P2, Cedar Solutions Ltd P3: confirm one to use it)'] },
      {
        row: 6,
        reasons: [
          'row 6, Amount: "lots" is not a number',
          'row 6, Outcome: expected one of Open, Won, Lost, got "Maybe"',
          'row 6, Closed: "2026-02-30" is not a date (ISO yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or an Excel date)',
        ],
      },
      { row: 7, reasons: ["row 7, DealId: is blank"] },
    ]);
    expect(preview.unknownPartners).toEqual([{ value: "Cedar Solutions", rows: [5], suggestions: [expect.objectContaining({ id: "P2" }), expect.objectContaining({ id: "P3" })] }]);
  });

  it("updates only what changes, leaves what the file leaves blank, and saves confirmed names as aliases", () => {
    const rows = [
      ["D1", "P1", "Proposal", "1,500.50", null, null],
      ["D9", "Cedar Solutions", "Lead", "700.25", "Open", "2026-04-01"],
    ];
    const preview = previewImport(data, "Deals", { headers, rows }, mapping, { confirmed: { "Cedar Solutions": "P3" } });
    expect(preview.updated).toEqual([{ row: 2, key: { DealId: "D1" }, values: { DealId: "D1", PartnerId: "P1", Stage: "Proposal", Amount: 1500.5 }, changed: ["Stage", "Amount"] }]);
    expect(preview.added.map((r) => r.values)).toEqual([{ DealId: "D9", PartnerId: "P3", Stage: "Lead", Amount: 700.25, Outcome: "Open", Closed: dateSerial(2026, 4, 1) }]);
    expect(preview.changes).toEqual([
      { table: "PartnerAliases", key: { Alias: "Cedar Solutions" }, set: { PartnerId: "P3" } },
      { table: "Deals", key: { DealId: "D9" }, set: { PartnerId: "P3", Stage: "Lead", Amount: 700.25, Outcome: "Open", Closed: dateSerial(2026, 4, 1) } },
      { table: "Deals", key: { DealId: "D1" }, set: { Stage: "Proposal", Amount: 1500.5 } },
    ]);
  });

  it("asks about a column whose values do not decide, and rejects those rows until answered", () => {
    const rows = [["D7", "P1", "Lead", "1,500", "Open", null], ["D8", "P1", "Lead", "2,250", "Open", null]];
    const asked = previewImport(data, "Deals", { headers, rows }, mapping);
    expect(asked.questions).toEqual([{ column: "Amount", header: "Amount", question: "numberForm", examples: ["1,500", "2,250"] }]);
    expect(asked.rejected).toHaveLength(2);
    const answered = previewImport(data, "Deals", { headers, rows }, mapping, { choices: { Amount: { numberForm: "us" } } });
    expect(answered.added.map((r) => r.values.Amount)).toEqual([1500, 2250]);
  });

  it("needs the key mapped, and a new row's filled columns", () => {
    const noKey = previewImport(data, "Deals", { headers, rows: [["D5", "P1", "Lead", "1", "Open", null]] }, { ...mapping, DealId: null });
    expect(noKey.unmapped).toEqual(["DealId"]);
    expect(noKey.rejected[0].reasons).toEqual(["row 2, DealId: no column of the file is mapped to it"]);
    const assumptions = previewImport(data, "Assumptions", { headers: ["Partner", "Driver"], rows: [["*", "ramp"]] }, { PartnerId: "Partner", Name: "Driver", Value: null });
    expect(assumptions.rejected[0].reasons).toEqual(["row 2, Value: a new row needs it, and no column of the file is mapped to it"]);
  });

  it("saves nothing while a mapped column has no header in the workbook's table, and names it", () => {
    // The workbook's Deals table is an older one, without AccountId: the value would have nowhere to go.
    const file = { headers: [...headers, "Account"], rows: [["D1", "P1", "Lead", "1000", "Open", null, "A-7"], ["D9", "P2", "Lead", "50", "Open", null, "A-8"]] };
    const preview = previewImport(data, "Deals", file, { ...mapping, AccountId: "Account" });
    expect(preview.absent).toEqual(["AccountId"]);
    expect(preview.changes).toEqual([]);
    // Unmapped, the same file imports what the table can hold.
    const without = previewImport(data, "Deals", file, { ...mapping, AccountId: null });
    expect(without.absent).toEqual([]);
    expect(without.changes.length).toBe(1);
    expect(without.added.map((r) => r.key.DealId)).toEqual(["D9"]);
  });
});
