// Planning deletions: which rows a batch deletes, how they combine with updates and new rows of
// the same batch, and the validation that keeps a batch all or nothing.
import { describe, expect, it } from "vitest";
import { type Change, planChanges } from "../../addin/workbook/plan";
import { snapshotOf } from "../../addin/workbook/snapshot";
import { rawTablesOf, tablesOf } from "./fixtures";

const snapshot = snapshotOf(rawTablesOf(tablesOf(60, ["Partners", "Assumptions", "Audit"])));
const assumptions = snapshot.tables.get("Assumptions")!;
const rowOf = (partnerId: string, name: string) => assumptions.rows.findIndex((r) => r[0] === partnerId && r[1] === name);
const remove = (partnerId: string, name: string): Change => ({ table: "Assumptions", key: { PartnerId: partnerId, Name: name }, delete: true });

function planned(changes: Change[]) {
  const result = planChanges(snapshot, changes);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result;
}

describe("planning deletions", () => {
  it("lists the rows to delete in ascending order, matching keys as upserts do (case and spaces aside)", () => {
    const { plan, snapshot: after } = planned([remove("P0058", "ramp"), remove(" p0007 ", "PRODUCT_MARGIN")]);
    expect(plan.tables).toEqual([
      {
        table: "Assumptions",
        updates: [],
        filled: [],
        deletes: [rowOf("P0007", "product_margin"), rowOf("P0058", "ramp")],
        appends: [],
        // What an adapter checks before deleting: the table's size and the keys of the rows it deletes, as read.
        read: {
          rows: assumptions.rows.length,
          keyColumns: [0, 1],
          keys: new Map([
            [rowOf("P0058", "ramp"), ["P0058", "ramp"]],
            [rowOf("P0007", "product_margin"), ["P0007", "product_margin"]],
          ]),
        },
      },
    ]);
    const rows = after.tables.get("Assumptions")!.rows;
    expect(rows).toHaveLength(assumptions.rows.length - 2);
    expect(rows.some((r) => r[0] === "P0058" && r[1] === "ramp")).toBe(false);
    // The workbook as it was is unchanged.
    expect(assumptions.rows[rowOf("P0058", "ramp")][1]).toBe("ramp");
  });

  it("drops the updates of a row the batch deletes, and the rows it adds and then deletes", () => {
    const { plan } = planned([
      { table: "Assumptions", key: { PartnerId: "P0019", Name: "mdf" }, set: { Value: 1000 } },
      { table: "Assumptions", key: { PartnerId: "P0019", Name: "headcount" }, set: { Value: 3 } },
      remove("P0019", "mdf"),
      remove("P0019", "headcount"),
      { table: "Assumptions", key: { PartnerId: "P0019", Name: "retention" }, set: { Value: 0.95 } },
    ]);
    expect(plan.tables).toHaveLength(1);
    const [table] = plan.tables;
    expect(table.updates).toEqual([]);
    expect(table.deletes).toEqual([rowOf("P0019", "headcount")]);
    expect(table.appends.map((r) => r.slice(0, 3))).toEqual([["P0019", "retention", 0.95]]);
  });

  it("re-adds a deleted key as a new row, and deletes nothing when no row has the key", () => {
    const readd = planned([remove("P0025", "headcount"), { table: "Assumptions", key: { PartnerId: "P0025", Name: "headcount" }, set: { Value: 4 } }]);
    expect(readd.plan.tables[0].deletes).toEqual([rowOf("P0025", "headcount")]);
    expect(readd.plan.tables[0].appends.map((r) => r.slice(0, 3))).toEqual([["P0025", "headcount", 4]]);
    const none = planned([remove("P0025", "mdf"), remove("P9999", "mdf")]);
    expect(none.plan.tables).toEqual([]);
  });

  it("checks a deletion's key like an upsert's, and reports every problem of the batch", () => {
    const result = planChanges(snapshot, [
      { table: "Assumptions", key: { PartnerId: "P0007", Colour: "red" }, delete: true },
      { table: "Audit", key: { PartnerId: "P0001", Area: "Ability to deliver", Criterion: "Scale", Date: "soon" }, delete: true },
      { table: "Assumptions", key: { PartnerId: "P0007" }, delete: true },
      { table: "Plan", key: { PartnerId: "P0007", Period: "FY2026", KPI: "Revenue" }, delete: true },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      "table Assumptions has no Colour column",
      'Date: expected a date, got "soon"',
      "PartnerId P0007 is in rows 23 and 24 and 25 and 26 of Assumptions; remove the duplicate first",
      "the workbook has no Plan table (use Set up workbook to create it)",
    ]);
  });

  it("refuses to delete a partner whose rows other tables still hold", () => {
    const result = planChanges(snapshot, [{ table: "Partners", key: { PartnerId: "P0007" }, delete: true }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.problems.map((p) => `${p.table}: ${p.message}`))).toEqual(
      new Set(["Assumptions: PartnerId P0007 is not in the Partners table", "Audit: PartnerId P0007 is not in the Partners table"]),
    );
  });

  it("fills the blank rows at a table's end before adding rows below them, and never a blank row amid the data", () => {
    const raws = rawTablesOf(tablesOf(6, ["Partners", "Tasks"]));
    const tasks = raws.find((t) => t.name === "Tasks")!;
    const width = tasks.headers.length;
    // A blank row amid the data and two at the end (as a table grown in Excel, then emptied in part).
    tasks.rows = [...tasks.rows.slice(0, 2), Array(width).fill(null), ...tasks.rows.slice(2), Array(width).fill(null), Array(width).fill("")];
    const before = tasks.rows.length;
    const task = (n: number): Change => ({ table: "Tasks", key: { PartnerId: "P0001", Task: `New task ${n}` }, set: { Owner: "Jo" } });
    const result = planChanges(snapshotOf(raws), [task(1), task(2), task(3)]);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
    const [plan] = result.plan.tables;
    expect(plan.filled).toEqual([before - 2, before - 1]);
    expect(new Set(plan.updates.map((u) => u.row))).toEqual(new Set([before - 2, before - 1]));
    expect(plan.appends.map((r) => r[1])).toEqual(["New task 3"]);
    const rows = result.snapshot.tables.get("Tasks")!.rows;
    expect(rows[2].every((v) => v === null)).toBe(true);
    expect(rows.slice(before - 2).map((r) => [r[0], r[1], r[3]])).toEqual([1, 2, 3].map((n) => ["P0001", `New task ${n}`, "Jo"]));
  });
});

describe("adding a partner (a change that only adds)", () => {
  const partners = snapshot.tables.get("Partners")!;
  const existing = partners.rows[4];

  it("refuses an id the Partners table already has, in any case and spacing, naming its row and cell", () => {
    const result = planChanges(snapshot, [{ table: "Partners", key: { PartnerId: ` ${String(existing[0]).toLowerCase()} ` }, set: { Name: "Someone else" }, add: true }]);
    expect(result).toEqual({
      ok: false,
      problems: [{ table: "Partners", row: 5, cell: "Partners!A6", column: "PartnerId", message: `PartnerId ${existing[0]} is already in the Partners table; choose another` }],
    });
  });

  it("refuses the same new id twice in one batch", () => {
    const add = { table: "Partners" as const, key: { PartnerId: "N001" }, set: { Name: "New One" }, add: true as const };
    const result = planChanges(snapshot, [add, { ...add, set: { Name: "New Two" } }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual(["PartnerId N001 is already in the Partners table; choose another"]);
  });

  it("adds a new id, and checks its columns as any save does: a blank name, text too long for a cell", () => {
    const ok = planChanges(snapshot, [{ table: "Partners", key: { PartnerId: "N001" }, set: { Name: "New One", Region: "EMEA" }, add: true }]);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.plan.tables[0].appends.map((r) => r.slice(0, 3))).toEqual([["N001", "New One", "EMEA"]]);
    const blank = planChanges(snapshot, [{ table: "Partners", key: { PartnerId: "N001" }, set: { Name: "  " }, add: true }]);
    expect(blank.ok ? [] : blank.problems.map((p) => [p.column, p.message])).toEqual([["Name", "Name is blank"]]);
    const long = planChanges(snapshot, [{ table: "Partners", key: { PartnerId: "N001" }, set: { Name: "x".repeat(32_768) }, add: true }]);
    expect(long.ok ? [] : long.problems.map((p) => [p.column, p.message])).toEqual([["Name", "Name: the text is 32,768 characters long, more than the 32,767 an Excel cell holds"]]);
  });

  it("reports a blank id as blank, not as taken, on a new table whose only row is blank", () => {
    const raws = rawTablesOf(tablesOf(1, ["Partners"]));
    raws[0].rows = [raws[0].headers.map(() => null)];
    const result = planChanges(snapshotOf(raws), [{ table: "Partners", key: { PartnerId: " " }, set: { Name: "" }, add: true }]);
    expect(result.ok ? [] : result.problems.map((p) => [p.column, p.message])).toEqual([
      ["PartnerId", "PartnerId is blank"],
      ["Name", "Name is blank"],
    ]);
  });
});
