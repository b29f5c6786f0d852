// Opening a file in two steps (browser mode's first screen): the partner list's tables first, the
// others when the workbook is completed — and the result the same as reading everything at once.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUMMARY_TABLES, summariseAll } from "../../addin/taskpane/model/summary";
import { pack, unpack } from "../../addin/workbook/packed";
import { PartnerData } from "../../addin/workbook/records";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { SCHEMA_TABLES, XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";
import { tablesOf, xlsxOf } from "./fixtures";

const LIST_TABLES = SUMMARY_TABLES.flat() as string[];

const opened = async (bytes: Uint8Array, staged: boolean) => {
  const adapter = await XlsxAdapter.open(bytes.slice(), SCHEMA_TABLES, staged ? SUMMARY_TABLES : undefined);
  return { adapter, workbook: await PartnerWorkbook.open(adapter) };
};

const rowsOf = (workbook: PartnerWorkbook) => new Map([...workbook.snapshot.tables].map(([name, t]) => [name, { sheet: t.sheet, headers: t.headers, rows: t.rows }]));

describe("tables packed for the trip from the reading worker", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom("", " ", "Audit", "P0001"),
    fc.boolean(),
    fc.record({ formula: fc.string() }),
  );
  const table = fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 12 }))
    .chain(([width, height]) =>
      fc.record({
        name: fc.string(),
        sheet: fc.string(),
        origin: fc.record({ row: fc.nat(), column: fc.nat() }),
        headers: fc.array(fc.oneof(fc.string(), fc.constant(null)), { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
      }),
    );

  it("come back cell for cell: numbers (-0 and NaN too), texts, booleans, blanks and formulas", () => {
    fc.assert(
      fc.property(fc.array(table, { maxLength: 4 }), (tables) => {
        const { packed } = pack(tables as RawTable[]);
        // What the worker posts is a structured clone: packed data must survive one.
        const back = unpack(structuredClone(packed));
        expect(back).toEqual(tables);
        back.forEach((t, i) => t.rows.forEach((row, r) => row.forEach((v, c) => expect(Object.is(v, tables[i].rows[r][c])).toBe(typeof v !== "object" || v === null))));
      }),
      { numRuns: 300 },
    );
  });
});

describe("a file opened with the partner list's tables first", () => {
  const sample = new Uint8Array(fs.readFileSync(SAMPLE_PATH));

  it("reads the list's tables, leaves the others pending, and reports no problems until all are read", async () => {
    const { workbook } = await opened(sample, true);
    const snapshot = workbook.snapshot;
    expect([...snapshot.tables.keys()].sort()).toEqual([...LIST_TABLES].sort());
    expect(snapshot.pending?.length).toBeGreaterThan(0);
    for (const name of snapshot.pending ?? []) expect(LIST_TABLES).not.toContain(name);
    // Pending tables are not missing ones: Set up workbook would offer to create them otherwise.
    for (const name of snapshot.pending ?? []) expect(snapshot.missing).not.toContain(name);
    expect(snapshot.problems).toEqual([]);
  });

  it("completes to exactly what reading everything at once gives: tables, missing tables, problems", async () => {
    const staged = (await opened(sample, true)).workbook;
    const whole = (await opened(sample, false)).workbook;
    const completed = await staged.complete();
    expect(completed.pending ?? []).toEqual([]);
    expect(rowsOf(staged)).toEqual(rowsOf(whole));
    expect(completed.missing).toEqual(whole.snapshot.missing);
    expect(completed.problems).toEqual(whole.snapshot.problems);
  });

  it("gives the same problems as a whole read on a workbook that has some", async () => {
    const tables = tablesOf(12);
    const audit = tables.find((t) => t.name === "Audit")!;
    const tasks = tables.find((t) => t.name === "Tasks")!;
    audit.rows[2][audit.columns.findIndex((c) => c.name === "Rating")] = "great";
    tasks.rows[1][tasks.columns.findIndex((c) => c.name === "PartnerId")] = "NOBODY";
    const bytes = await xlsxOf(tables);
    const staged = (await opened(bytes, true)).workbook;
    const whole = (await opened(bytes, false)).workbook;
    expect(whole.snapshot.problems.length).toBeGreaterThanOrEqual(2);
    expect((await staged.complete()).problems).toEqual(whole.snapshot.problems);
  });

  it("reads the pending tables before a save, so the save sees the whole workbook", async () => {
    const { workbook } = await opened(sample, true);
    const task = workbook.snapshot.pending?.includes("Tasks");
    expect(task).toBe(true);
    const partner = (new PartnerData(workbook.snapshot).partners[0]).id;
    const result = await workbook.save([{ table: "Tasks", key: { PartnerId: partner, Task: "Call about the QBR" }, set: { Owner: "Dana" } }]);
    expect(result.ok).toBe(true);
    expect(workbook.snapshot.pending ?? []).toEqual([]);
    const tasks = workbook.snapshot.tables.get("Tasks")!;
    const whole = (await opened(sample, false)).workbook.snapshot.tables.get("Tasks")!;
    // Every task row as it was, and the new one.
    expect(tasks.rows.slice(0, whole.rows.length)).toEqual(whole.rows);
    expect(tasks.rows.length).toBe(whole.rows.length + 1);
  });

  it("reads everything at once when the workbook has no Partners table (there is no list to show first)", async () => {
    const bytes = await xlsxOf(tablesOf(6, ["Audit", "Tasks", "Deals"]));
    const { workbook } = await opened(bytes, true);
    expect(workbook.snapshot.pending).toBeUndefined();
    expect([...workbook.snapshot.tables.keys()].sort()).toEqual(["Audit", "Deals", "Tasks"]);
    expect(workbook.snapshot.missing).toContain("Partners");
  });

  it("shows the partner list from the first tables as from the whole workbook", async () => {
    const staged = (await opened(sample, true)).workbook;
    const whole = (await opened(sample, false)).workbook;
    const first = summariseAll(new PartnerData(staged.snapshot));
    expect(first.length).toBeGreaterThan(100);
    expect(first).toEqual(summariseAll(new PartnerData(whole.snapshot)));
  });
});
