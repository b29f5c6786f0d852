// Opening a file in two steps (browser mode's first screen): the partner list's tables first, the
// others when the workbook is completed — and the result the same as reading everything at once.
import fs from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LIST_TABLES, summariseListAll } from "../../addin/taskpane/model/summary";
import { pack, unpack } from "../../addin/workbook/packed";
import { PartnerData } from "../../addin/workbook/records";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { type OffThreadReader, ReaderUnavailable } from "../../addin/workbook/read-off-thread";
import { readFirstTables, readNamedTables, shareOut } from "../../addin/workbook/staged";
import { SCHEMA_TABLES, XlsxAdapter } from "../../addin/workbook/xlsx";
import { openWorkbookArchive } from "../../addin/workbook/xlsx-read";
import { SAMPLE_PATH } from "../../samples/generate";
import { tablesOf, xlsxOf } from "./fixtures";

const FIRST = LIST_TABLES.flat() as string[];

const opened = async (bytes: Uint8Array, staged: boolean) => {
  const adapter = await XlsxAdapter.open(bytes.slice(), SCHEMA_TABLES, staged ? LIST_TABLES : undefined);
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
    expect([...snapshot.tables.keys()].sort()).toEqual([...FIRST].sort());
    expect(snapshot.pending?.length).toBeGreaterThan(0);
    for (const name of snapshot.pending ?? []) expect(FIRST).not.toContain(name);
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
    const first = summariseListAll(new PartnerData(staged.snapshot));
    expect(first.length).toBeGreaterThan(100);
    // Tiers and segments are there to show (not blank for want of a table).
    expect(first.filter((s) => s.tier !== null).length).toBeGreaterThan(100);
    expect(first.filter((s) => s.segment !== null).length).toBeGreaterThan(100);
    expect(first).toEqual(summariseListAll(new PartnerData(whole.snapshot)));
  });
});

describe("the tables left for later, shared out among the reading workers", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives every table to exactly one reader, the cells about even (no share more than the largest table above another)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (cells, count) => {
        const names = cells.map((_, i) => `T${i}`);
        const shares = shareOut(names, cells, count);
        expect(shares.flat().sort()).toEqual([...names].sort());
        expect(shares.length).toBeLessThanOrEqual(count);
        const sums = shares.map((share) => share.reduce((n, name) => n + cells[names.indexOf(name)], 0));
        if (sums.length > 1) expect(Math.max(...sums) - Math.min(...sums)).toBeLessThanOrEqual(Math.max(...cells));
      }),
      { numRuns: 300 },
    );
  });

  /** `bytes` as postMessage moves them: a new view of the same bytes, the original left empty. */
  const moved = (bytes: Uint8Array) => {
    const { byteOffset, byteLength } = bytes;
    return new Uint8Array(structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] }), byteOffset, byteLength);
  };

  /** A reader that reads on this thread as the worker does, its answers to `rest` coming after `delay` ms. */
  function readerHere(delay: number, asked: string[][]): OffThreadReader {
    let archive: Awaited<ReturnType<typeof openWorkbookArchive>> | undefined;
    let closed = false;
    return {
      ready: Promise.resolve(),
      async first(file, first, give, share = []) {
        if (closed) throw new Error("a closed reader was asked to read");
        // Bytes given travel as postMessage sends them: moved, the sender's copy left empty.
        const own =
          file instanceof Uint8Array ? moved(file)
          : await new Promise<Uint8Array>((resolve) => {
              const port = file as MessagePort;
              port.onmessage = (event: MessageEvent<Uint8Array>) => {
                port.close();
                resolve(event.data);
              };
            });
        for (const port of share) {
          port.postMessage(own.slice());
          port.close();
        }
        archive = await openWorkbookArchive(own.slice());
        return { ...(await readFirstTables(archive, SCHEMA_TABLES, first)), bytes: give ? own : undefined };
      },
      async rest(names) {
        if (closed) throw new Error("a closed reader was asked to read");
        asked.push([...names]);
        await new Promise((resolve) => setTimeout(resolve, delay));
        return readNamedTables(archive!, SCHEMA_TABLES, names);
      },
      close: () => {
        closed = true;
      },
    };
  }

  /** A reader whose worker never starts: `ready` fails, and so does any request (as readOffThread's). */
  function readerThatNeverStarts(): OffThreadReader {
    const never = Promise.reject(new ReaderUnavailable("the reading worker stopped"));
    never.catch(() => undefined);
    return {
      ready: never,
      first: (file) => {
        // A transfer detaches the bytes given, as postMessage does.
        if (file instanceof Uint8Array) moved(file);
        return Promise.reject(new ReaderUnavailable("the reading worker stopped"));
      },
      rest: () => Promise.reject(new ReaderUnavailable("the reading worker stopped")),
      close: () => undefined,
    };
  }

  it("reads on the page, the bytes intact, when the second worker never starts", async () => {
    vi.stubGlobal("navigator", { hardwareConcurrency: 2 });
    const bytes = await xlsxOf(tablesOf(6));
    const adapter = await XlsxAdapter.open(bytes.slice(), SCHEMA_TABLES, LIST_TABLES, [readerHere(0, []), readerThatNeverStarts()]);
    const staged = await PartnerWorkbook.open(adapter);
    await staged.complete();
    expect(rowsOf(staged)).toEqual(rowsOf((await opened(bytes, false)).workbook));
  });

  it("completes to what a whole read gives even when the shares come back out of order", async () => {
    vi.stubGlobal("navigator", { hardwareConcurrency: 2 });
    const tables = tablesOf(12);
    const audit = tables.find((t) => t.name === "Audit")!;
    const tasks = tables.find((t) => t.name === "Tasks")!;
    audit.rows[2][audit.columns.findIndex((c) => c.name === "Rating")] = "great";
    tasks.rows[1][tasks.columns.findIndex((c) => c.name === "PartnerId")] = "NOBODY";
    const bytes = await xlsxOf(tables);
    const asked: string[][] = [];
    // The first reader answers last.
    const adapter = await XlsxAdapter.open(bytes.slice(), SCHEMA_TABLES, LIST_TABLES, [readerHere(60, asked), readerHere(0, asked)]);
    const staged = await PartnerWorkbook.open(adapter);
    const pending = [...(staged.snapshot.pending ?? [])];
    const completed = await staged.complete();
    expect(asked.length).toBe(2);
    expect(asked.flat().sort()).toEqual(pending.sort());
    const whole = (await opened(bytes, false)).workbook;
    expect(rowsOf(staged)).toEqual(rowsOf(whole));
    // The tables read later are in the file's order (the order problems are listed in).
    const later = [...completed.tables.keys()].filter((name) => pending.includes(name));
    expect(later).toEqual([...whole.snapshot.tables.keys()].filter((name) => pending.includes(name)));
    expect(completed.problems.length).toBeGreaterThanOrEqual(2);
    expect(completed.problems).toEqual(whole.snapshot.problems);
  });
});
