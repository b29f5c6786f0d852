// PARTNER.ACTUALS through the built bundle, called as Excel calls it, and on the sample's Deals table.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { periodDates } from "../../engine/plan/period";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { SCHEMA_TABLES } from "../../addin/workbook/xlsx";
import { readXlsxTables } from "../../addin/workbook/xlsx-read";
import { SAMPLE_PATH } from "../../samples/generate";
import { BLANKS, excelHost } from "../excel-host";

const excel = excelHost();
const d = (y: number, m: number, day: number) => dateSerial(y, m, day);

// Four deals of P1 and one of P2 as columns of a Deals table.
const IDS = [["P1"], ["P1"], ["p1"], ["P1"], ["P2"]];
const AMOUNTS = [[100], [50], [70], [30], [999]];
const OUTCOMES = [["Won"], ["Won"], ["Won"], ["Lost"], ["Won"]];
const OPENED = [[d(2025, 11, 3)], [d(2026, 2, 1)], [d(2026, 4, 1)], [d(2026, 1, 10)], [d(2026, 1, 1)]];
const CLOSED = [[d(2026, 1, 15)], [d(2026, 3, 31)], [d(2026, 5, 2)], [d(2026, 2, 10)], [d(2026, 1, 2)]];
const DEALS = [IDS, AMOUNTS, OUTCOMES, OPENED, CLOSED] as const;

describe("PARTNER.ACTUALS", () => {
  it("gives one figure for a partner and a period, and spills partners down and periods across", () => {
    expect(excel.value("ACTUALS", ...DEALS, "P1", "2026-Q1", null, null, null)).toEqual([[150]]);
    expect(excel.value("ACTUALS", ...DEALS, [["P1"], ["P2"], ["P9"]], [["2026-Q1", "2026-Q2", 2026]], null, null, null)).toEqual([
      [150, 70, 220],
      [999, 0, 999],
      [0, 0, 0],
    ]);
    expect(excel.value("ACTUALS", ...DEALS, "P1", [["2026-Q1", "2026-Q2"]], "Deals won", null, null)).toEqual([[2, 1]]);
    expect(excel.value("ACTUALS", ...DEALS, "P1", 2026, "pipeline created", null, null)).toEqual([[50 + 70 + 30]]);
    // A gap in a row of periods is a blank column.
    for (const blank of BLANKS) expect(excel.value("ACTUALS", ...DEALS, "P1", [["2026-Q1", blank, "2026-Q2"]], null, null, null)).toEqual([[150, "", 70]]);
  });

  it("reads blank cells as Excel passes them (null, 0 or \"\"): a blank amount is 0, a blank outcome open, a blank date none", () => {
    for (const blank of BLANKS) {
      const amounts = [[blank], ...AMOUNTS.slice(1)];
      expect(excel.value("ACTUALS", IDS, amounts, OUTCOMES, OPENED, CLOSED, "P1", "2026-Q1", blank, blank, blank)).toEqual([[50]]);
      const outcomes = [[blank], ...OUTCOMES.slice(1)];
      expect(excel.value("ACTUALS", IDS, AMOUNTS, outcomes, OPENED, CLOSED, "P1", "2026-Q1", null, null, null)).toEqual([[50]]);
      const closed = [[blank], ...CLOSED.slice(1)];
      expect(excel.value("ACTUALS", IDS, AMOUNTS, OUTCOMES, OPENED, closed, "P1", "2026-Q1", null, null, null)).toEqual([[50]]);
    }
  });

  it("counts new customers and deals registered from the optional columns, and says when they are missing", () => {
    const accounts = [["A"], ["a"], ["B"], ["C"], ["A"]];
    expect(excel.value("ACTUALS", ...DEALS, "P1", [["2026-Q1", "2026-Q2"]], "New customers", accounts, null)).toEqual([[1, 1]]);
    const registered = [[d(2025, 11, 5)], [d(2026, 2, 2)], [null], [d(2026, 1, 11)], [null]];
    expect(excel.value("ACTUALS", ...DEALS, "P1", "2026-Q1", "Deals registered", null, registered)).toEqual([[2]]);
    expect(excel.error("ACTUALS", ...DEALS, "P1", "2026", "New logos", null, null).message).toBe("New customers needs the accounts argument (a column of the Deals table).");
    expect(excel.error("ACTUALS", ...DEALS, "P1", "2026", "Deals registered", null, null).message).toMatch(/needs the registered argument/);
  });

  it("names the cell or argument at fault", () => {
    const bad = [["Won"], ["Won"], ["Pending"], ["Lost"], ["Won"]];
    expect(excel.error("ACTUALS", IDS, AMOUNTS, bad, OPENED, CLOSED, "P1", "2026", null, null, null).message).toBe(
      'outcomes (row 3): expected a deal outcome (Won, Lost or Open), got "Pending".',
    );
    expect(excel.error("ACTUALS", ...DEALS, "P1", [["2026-Q1", "soon"]], null, null, null).message).toMatch(/^period \(column 2\): expected a period/);
    expect(excel.error("ACTUALS", ...DEALS, "P1", "2026", "Margin", null, null).message).toMatch(/^measure: expected one of "Revenue", "Pipeline"/);
    expect(excel.error("ACTUALS", IDS, AMOUNTS.slice(1), OUTCOMES, OPENED, CLOSED, "P1", "2026", null, null, null).message).toBe(
      "amounts: expected as many cells as partner_ids (5), got 4.",
    );
  });

  it("gives, for every partner of the sample and each quarter of 2026, the revenue its won deals add up to", async () => {
    const data = new PartnerData(snapshotOf((await readXlsxTables(fs.readFileSync(SAMPLE_PATH), SCHEMA_TABLES)).tables));
    const deals = data.deals;
    const column = <T>(f: (x: (typeof deals)[number]) => T) => deals.map((x) => [f(x) ?? null]);
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    const partners = data.partners.map((p) => [p.id]);
    const grid = excel.value(
      "ACTUALS",
      column((x) => x.partnerId),
      column((x) => x.amount),
      column((x) => x.outcome),
      column((x) => x.opened),
      column((x) => x.closed),
      partners,
      [quarters],
      "Revenue",
      null,
      null,
    ) as number[][];
    expect(grid.length).toBe(partners.length);
    let nonZero = 0;
    data.partners.forEach((p, r) =>
      quarters.forEach((q, c) => {
        const { start, end } = periodDates(q)!;
        const expected = deals
          .filter((x) => x.partnerId === p.id && x.outcome === "Won" && x.closed !== null && x.closed >= start && x.closed <= end)
          .reduce((s, x) => s + (x.amount ?? 0), 0);
        expect(grid[r][c]).toBe(expected);
        if (expected) nonZero++;
      }),
    );
    expect(nonZero).toBeGreaterThan(100);
  });
});
