// PARTNER.FUNDS, MDF.ROI and MDF.PIPELINE through the built bundle, called as Excel calls them.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined;
const column = (...values: unknown[]) => values.map((v) => [v]);
const HEADER = ["Allocated", "Requested", "Pending", "Approved", "Claimed", "Paid", "Available", "Utilisation"];

describe("PARTNER.FUNDS", () => {
  // A FundRequests table's columns: paid in full, claimed, approved, submitted, rejected, draft.
  const requested = column(12000, 8000, 3000, 5000, 9000, 4000);
  const approved = column(12000, 6000, 3000, _, _, _);
  const claimed = column(10000, 6000, _, _, _, _);
  const paid = column(10000, _, _, _, _, _);
  const states = column("Paid", "Claimed", "approved", "Submitted", "Rejected", "Draft");

  it("spills the balances of a fund from its requests, with blanks as Excel passes them", () => {
    for (const blank of BLANKS) {
      const args = withBlanks([column(30000, 20000), requested, approved, claimed, paid, states], blank);
      expect(excel.value("FUNDS", ...args)).toEqual([
        HEADER,
        // Requested leaves the draft out; only the submitted request is pending; available = 50,000 − 21,000 − 5,000.
        [50000, 37000, 5000, 21000, 16000, 10000, 24000, 0.2],
      ]);
    }
  });

  it("reads a request without approval as pending when no states are given", () => {
    const args = withBlanks([50000, requested, approved, claimed, paid], null);
    expect(excel.value("FUNDS", ...args)).toEqual([HEADER, [50000, 41000, 18000, 21000, 16000, 10000, 11000, 0.2]]);
  });

  it("shows a blank utilisation without an allocation", () => {
    expect(excel.value("FUNDS", null, [[0]], [[0]], [[0]], [[0]])).toEqual([HEADER, [0, 0, 0, 0, 0, 0, 0, ""]]);
  });

  it("names the cell of a claim above its approval, a payment above its claim, and an unknown state", () => {
    const over = column(10000, 7000, _, _, _, _);
    expect(excel.error("FUNDS", 50000, requested, approved, over, paid, states)).toEqual({
      code: "#VALUE!",
      message: "claimed (row 2): claims 7000, more than its approval of 6000 (approved (row 2)).",
    });
    expect(excel.error("FUNDS", 50000, [[100, 200]], [[100, 200]], [[50, 200]], [[60, 0]]).message).toBe(
      "paid (column 1): pays 60, more than its claim of 50 (claimed (column 1)).",
    );
    const typo = column("Paid", "Claimed", "Aproved", "Submitted", "Rejected", "Draft");
    expect(excel.error("FUNDS", 50000, requested, approved, claimed, paid, typo).message).toBe(
      'states (row 3): expected one of "Draft", "Submitted", "Approved", "Rejected", "Claimed", "Paid", got "Aproved".',
    );
    expect(excel.error("FUNDS", 50000, requested, approved.slice(1), claimed, paid).message).toBe("approved: expected as many cells as requested (6), got 5.");
  });

  it("refuses requests beyond the allocation with #VALUE!", () => {
    const e = excel.error("FUNDS", 20000, requested, approved, claimed, paid, states);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("allocated: approved (21000) and pending (5000) requests come to 26000, more than the 20000 allocated; raise the allocation or decline requests.");
  });
});

describe("PARTNER.MDF.ROI and PARTNER.MDF.PIPELINE", () => {
  it("measure the return on funds paid and the pipeline per funded activity", () => {
    expect(excel.value("MDF.ROI", 400000, 50000)).toBe(7);
    expect(excel.value("MDF.ROI", column(250000, 90000, null), column(20000, 10000, 5000))).toBeCloseTo(305000 / 35000, 12);
    for (const blank of BLANKS) {
      expect(excel.value("MDF.PIPELINE", column(400000, 150000, 60000), column(20000, blank, 8000))).toBe(230000);
      expect(excel.error("MDF.ROI", 1000, blank).code).toBe("#DIV/0!");
    }
    expect(excel.error("MDF.PIPELINE", column(1, 2), column(0, 0)).code).toBe("#DIV/0!");
    expect(excel.error("MDF.ROI", column(100, "n/a"), 10).message).toBe('won_revenue (row 2): expected a number, got "n/a".');
  });
});
