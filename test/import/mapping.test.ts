// Column mapping: suggested from header names and synonyms, remembered per source in ImportMaps.
import { describe, expect, it } from "vitest";
import { choiceOf, mappingChanges, normaliseHeader, rememberedMapping, suggestMapping } from "../../addin/import/mapping";
import { snapshotOf } from "../../addin/workbook/snapshot";

describe("suggestMapping", () => {
  it("matches headers by name without case, spaces or punctuation, and by common export names", () => {
    expect(normaliseHeader(" Opportunity_ID ")).toBe("opportunityid");
    expect(suggestMapping(["opportunity id", "Account", "Deal Value", "Close Date", "Partner"], "Deals")).toEqual({
      DealId: "opportunity id", PartnerId: "Partner", Stage: null, Amount: "Deal Value", Outcome: null, Opened: null, Closed: "Close Date",
      // "Account" in a CRM report is the customer's name, not an AccountId of the Accounts table: left for the user.
      AccountId: null, Registered: null, ProtectedUntil: null, Source: null, Qualified: null,
    });
    expect(suggestMapping(["Revenue", "Reseller", "Deal ID", "amount"], "Deals")).toMatchObject({ Amount: "amount", PartnerId: "Reseller", DealId: "Deal ID" });
  });

  it("gives a header to one column only, the key first", () => {
    // "Partner Name" could be Partners' PartnerId or Name: the key takes it.
    expect(suggestMapping(["Partner Name", "Region"], "Partners")).toMatchObject({ PartnerId: "Partner Name", Name: null, Region: "Region" });
    expect(suggestMapping(["Partner ID", "Partner Name"], "Partners")).toMatchObject({ PartnerId: "Partner ID", Name: "Partner Name" });
  });

  it("starts from the remembered mapping for the headers the export has", () => {
    const remembered = { DealId: "Opp #", Amount: null, Closed: "Gone header" };
    expect(suggestMapping(["Opp #", "Amount", "Close Date"], "Deals", remembered)).toMatchObject({ DealId: "Opp #", Amount: null, Closed: "Close Date" });
  });
});

describe("ImportMaps", () => {
  const snapshot = snapshotOf([
    {
      name: "ImportMaps",
      sheet: "Imports",
      origin: { row: 1, column: 1 },
      headers: ["Source", "Table", "Column", "Header"],
      rows: [
        ["Salesforce opportunities", "Deals", "DealId", "Opportunity ID"],
        ["Salesforce opportunities", "Deals", "Amount", null],
        ["ERP", "Deals", "DealId", "Invoice No"],
      ],
    },
  ]);

  it("reads back the mapping remembered for a source and table, in any case", () => {
    expect(rememberedMapping(snapshot, "salesforce OPPORTUNITIES", "Deals")).toEqual({ DealId: "Opportunity ID", Amount: null });
    expect(rememberedMapping(snapshot, "Salesforce opportunities", "Partners")).toBeUndefined();
  });

  it("writes only what changes", () => {
    expect(mappingChanges(snapshot, "Salesforce opportunities", "Deals", { DealId: "Opportunity ID", Amount: null, Closed: "Close Date" })).toEqual([
      { table: "ImportMaps", key: { Source: "Salesforce opportunities", Table: "Deals", Column: "Closed" }, set: { Header: "Close Date" } },
    ]);
  });
});

describe("choice values in exports' words", () => {
  it("reads CRM outcomes as Won, Lost or Open", () => {
    const outcomes = ["Open", "Won", "Lost"];
    expect(["Closed Won", "closed  lost", "WON", "Invoiced", "maybe"].map((v) => choiceOf("Outcome", v, outcomes))).toEqual(["Won", "Lost", "Won", "Won", undefined]);
  });
});
