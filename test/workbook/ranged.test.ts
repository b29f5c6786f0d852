// A workbook read in pieces (browser mode's sample from its web server): the zip directory from the
// file's last bytes, then only the parts asked for, over HTTP range requests — the same parts, byte
// for byte, as reading the whole file, on workbooks this product wrote and on others'.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_TABLES } from "../../addin/taskpane/model/summary";
import { type Archive, ArchiveError, type FileRanges, TAIL_BYTES, openArchive, openRangedArchive, partsIn, withDirectory } from "../../addin/workbook/ooxml/zip";
import { writeZip } from "../../addin/workbook/ooxml/zip-write";
import { RangesUnavailable, endsWith, fetchTail, rangesOf, wholeFileRetrying } from "../../addin/workbook/remote-file";
import { readFirstTables } from "../../addin/workbook/staged";
import { SCHEMA_TABLES } from "../../addin/workbook/xlsx";
import { openWorkbookArchive } from "../../addin/workbook/xlsx-read";
import { SAMPLE_PATH } from "../../samples/generate";
import { type StaticServer, serve } from "../browser/server";
import { tablesOf, xlsxOf } from "./fixtures";

const here = path.dirname(new URL(import.meta.url).pathname);
const FOREIGN = path.resolve(here, "../fixtures/foreign");
const FIXTURES = path.resolve(here, "../fixtures/workbooks");

/** The files: every foreign workbook (Excel- and LibreOffice-saved, charts, pivots, macros) and the hand-made fixtures. */
const files = [
  ...fs.readdirSync(FOREIGN).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(FOREIGN, f)),
  ...["chart.xlsx", "excel-style-tables.xlsx", "date-1904.xlsx"].map((f) => path.join(FIXTURES, f)),
];

/** A file in memory read in pieces, each piece asked for recorded. */
function inMemory(bytes: Uint8Array, change?: (from: number, piece: Uint8Array) => void) {
  const asked: [number, number][] = [];
  const file: FileRanges = {
    size: bytes.length,
    async read(from, to) {
      asked.push([from, to]);
      const piece = bytes.slice(from, to);
      change?.(from, piece);
      return piece;
    },
  };
  return { file, asked, read: () => asked.reduce((sum, [from, to]) => sum + to - from, 0) };
}

/** Byte for byte (a deep comparison of large arrays is slow). */
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

/** Where a part's local header begins (found by its name after the signature, as the directory records it). */
function localHeaderOf(bytes: Uint8Array, name: string): number {
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at + 30 + encoded.length <= bytes.length; at++) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 3 || bytes[at + 3] !== 4) continue;
    const length = bytes[at + 26] | (bytes[at + 27] << 8);
    if (length === encoded.length && encoded.every((b, i) => bytes[at + 30 + i] === b)) return at;
  }
  throw new Error(`no local header for ${name}`);
}

const tailOf = (bytes: Uint8Array, length = TAIL_BYTES) => bytes.slice(Math.max(0, bytes.length - length));

async function sameParts(ranged: Archive, whole: Archive): Promise<void> {
  expect(ranged.names).toEqual(whole.names);
  for (const name of whole.names) expect(same(await ranged.bytes(name), await whole.bytes(name)), name).toBe(true);
}

describe("a zip archive read in pieces", () => {
  it.each(files.map((f) => [path.basename(f), f]))("%s: every part as reading the whole file gives it, from a tail that holds the directory or from one that does not", async (_, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const whole = await openArchive(bytes);
    for (const length of [TAIL_BYTES, 64]) {
      const { file: ranges } = inMemory(bytes);
      const tail = await withDirectory(ranges, tailOf(bytes, length));
      expect(endsWith(bytes, tail)).toBe(true);
      expect(partsIn(tail, bytes.length)).toEqual(whole.names);
      await sameParts(await openRangedArchive(ranges, tailOf(bytes, length)), whole);
    }
  });

  it("reads the small parts chosen ahead in one piece per run of neighbours, and another reader takes them rather than reading them again", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FOREIGN, "team-analysis.xlsx")));
    const whole = await openArchive(bytes);
    const first = inMemory(bytes);
    const archive = await openRangedArchive(first.file, tailOf(bytes));
    const before = first.asked.length;
    const ahead = archive.prefetch((name) => !name.startsWith("xl/worksheets/sheet"));
    expect(ahead.size).toBeGreaterThan(5);
    // Fewer pieces than parts: neighbours come together.
    expect(first.asked.length - before).toBeLessThan(ahead.size);
    const asked = first.asked.length;
    for (const name of ahead.keys()) expect(same(await archive.bytes(name), await whole.bytes(name)), name).toBe(true);
    expect(first.asked.length).toBe(asked);

    // The second reader: what the first read ahead is adopted; one part that did not come is read here.
    const second = inMemory(bytes);
    const other = await openRangedArchive(second.file, tailOf(bytes));
    const [missing, ...rest] = [...ahead.keys()];
    other.adopt([[missing, Promise.resolve(undefined)], ...rest.map((name): [string, Promise<Uint8Array>] => [name, ahead.get(name)!.then((b) => b.slice())])]);
    const start = second.asked.length;
    await sameParts(other, whole);
    const reread = second.asked.slice(start);
    const sheets = whole.names.filter((n) => n.startsWith("xl/worksheets/sheet")).length;
    expect(reread).toHaveLength(sheets + 1);
  });

  it("refuses a part whose piece came back other than the file stores it, naming the part, and reads the others", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "chart.xlsx")));
    const whole = await openArchive(bytes);
    const tail = tailOf(bytes);
    // The workbook part's piece comes back with one byte of its data changed.
    const entry = (await openRangedArchive(inMemory(bytes).file, tail)).names.indexOf("xl/workbook.xml");
    expect(entry).toBeGreaterThanOrEqual(0);
    const workbookAt = localHeaderOf(bytes, "xl/workbook.xml");
    const { file } = inMemory(bytes, (from, piece) => {
      if (from === workbookAt) piece[piece.length - 10] ^= 0xff;
    });
    const archive = await openRangedArchive(file, tail);
    await expect(archive.bytes("xl/workbook.xml")).rejects.toThrow(/^its part xl\/workbook\.xml is damaged/);
    await expect(archive.bytes("xl/workbook.xml")).rejects.toBeInstanceOf(ArchiveError);
    for (const name of whole.names.filter((n) => n !== "xl/workbook.xml")) expect(same(await archive.bytes(name), await whole.bytes(name)), name).toBe(true);
  });

  it("refuses bytes that end no zip archive", async () => {
    const { file } = inMemory(new Uint8Array(4096).fill(7));
    await expect(openRangedArchive(file, new Uint8Array(4096).fill(7))).rejects.toThrow(ArchiveError);
  });

  it("gives the partner list's tables of a large workbook as reading the whole does, reading a small share of the file", async () => {
    const bytes = await xlsxOf(tablesOf(1500));
    const [group] = LIST_TABLES;
    const expected = await readFirstTables(await openWorkbookArchive(bytes.slice()), SCHEMA_TABLES, group);
    const reading = inMemory(bytes);
    const archive = await openRangedArchive(reading.file, tailOf(bytes));
    const read = await readFirstTables(archive, SCHEMA_TABLES, group);
    expect(read).toEqual(expected);
    expect(read.tables.map((t) => t.name).sort()).toEqual([...group].sort());
    expect(reading.read() / bytes.length).toBeLessThan(0.5);
  });
});

describe("a workbook on a web server", () => {
  let dir: string;
  let server: StaticServer;
  let plain: StaticServer;
  const sample = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-ranged-"));
    fs.writeFileSync(path.join(dir, "partners.xlsx"), sample);
    fs.writeFileSync(path.join(dir, "small.xlsx"), fs.readFileSync(path.join(FIXTURES, "chart.xlsx")));
    server = await serve(dir);
    plain = await serve(dir, { ranges: false });
  });
  afterAll(async () => {
    await server.close();
    await plain.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is read from its last bytes where the server answers range requests, and whole where it does not", async () => {
    const fetched = await fetchTail(`${server.url}partners.xlsx`);
    if (!("ranges" in fetched)) throw new Error("the sample was not read in pieces");
    expect(fetched.ranges.size).toBe(sample.length);
    expect(endsWith(sample, fetched.ranges.tail)).toBe(true);
    expect(fetched.ranges.tail.length).toBeLessThan(sample.length);
    expect(fetched.ranges.validator).toBeTruthy();
    const archive = await openRangedArchive(rangesOf(fetched.ranges), fetched.ranges.tail);
    await sameParts(archive, await openArchive(sample));

    const whole = await fetchTail(`${plain.url}partners.xlsx`);
    expect("whole" in whole && same(whole.whole, sample)).toBe(true);
    // A file shorter than the tail asked for comes whole.
    const small = await fetchTail(`${server.url}small.xlsx`);
    expect("whole" in small && same(small.whole, new Uint8Array(fs.readFileSync(path.join(FIXTURES, "chart.xlsx"))))).toBe(true);
    await expect(fetchTail(`${server.url}absent.xlsx`)).rejects.toThrow("could not load the workbook (404)");
  });

  it("reads a directory larger than the last bytes asked for; gives the whole file where pieces cannot be used", async () => {
    // 3,000 parts with long names: a directory of about 300 KB.
    const parts = Array.from({ length: 3000 }, (_, i) => ({ name: `xl/media/a-rather-long-name-for-part-${String(i).padStart(5, "0")}.xml`, bytes: new TextEncoder().encode(`<p n="${i}"/>`) }));
    const big = await writeZip(parts);
    fs.writeFileSync(path.join(dir, "big.zip"), big);
    const fetched = await fetchTail(`${server.url}big.zip`);
    if (!("ranges" in fetched)) throw new Error("not read in pieces");
    expect(fetched.ranges.tail.length).toBeGreaterThan(TAIL_BYTES);
    expect(partsIn(fetched.ranges.tail, big.length)).toEqual(parts.map((p) => p.name));
    const archive = await openRangedArchive(rangesOf(fetched.ranges), fetched.ranges.tail);
    expect(await archive.text(parts[1234].name)).toBe('<p n="1234"/>');
    // A server that answers the last bytes but not the rest: the whole file.
    const last = await serve(dir, { ranges: "last" });
    try {
      const fallback = await fetchTail(`${last.url}big.zip`);
      expect("whole" in fallback && same(fallback.whole, big)).toBe(true);
    } finally {
      await last.close();
    }
    // An empty file, and bytes that end no zip archive: whole, for the reading to say what they are.
    fs.writeFileSync(path.join(dir, "empty.xlsx"), "");
    const empty = await fetchTail(`${server.url}empty.xlsx`);
    expect("whole" in empty && empty.whole.length).toBe(0);
    const text = new Uint8Array(300_000).fill(65);
    fs.writeFileSync(path.join(dir, "text.xlsx"), text);
    const notZip = await fetchTail(`${server.url}text.xlsx`);
    expect("whole" in notZip && same(notZip.whole, text)).toBe(true);
  });

  it("downloads the whole file again after a failure of the network, not after a refusal", async () => {
    let requests = 0;
    const flaky = http.createServer((request, response) => {
      requests++;
      if (request.url === "/gone.xlsx") return void response.writeHead(404).end();
      // The first two connections drop before an answer.
      if (requests <= 2) return void request.socket.destroy();
      response.writeHead(200, { "content-length": sample.length }).end(Buffer.from(sample));
    });
    await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`;
    const waits: number[] = [];
    const noWait = async (attempt: number) => void waits.push(attempt);
    try {
      expect(same(await wholeFileRetrying(`${base}partners.xlsx`, 3, noWait), sample)).toBe(true);
      expect(waits).toEqual([1, 2]);
      requests = 0;
      await expect(wholeFileRetrying(`${base}partners.xlsx`, 2, noWait)).rejects.toThrow();
      const before = requests;
      await expect(wholeFileRetrying(`${base}gone.xlsx`, 3, noWait)).rejects.toThrow("could not load the workbook (404)");
      expect(requests - before).toBe(1);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it("stops reading pieces of a file changed on the server since its last bytes were read", async () => {
    const file = path.join(dir, "changing.xlsx");
    fs.writeFileSync(file, sample);
    fs.utimesSync(file, new Date("2026-12-01T10:00:00Z"), new Date("2026-12-01T10:00:00Z"));
    const fetched = await fetchTail(`${server.url}changing.xlsx`);
    if (!("ranges" in fetched)) throw new Error("not read in pieces");
    const ranges = rangesOf(fetched.ranges);
    expect(await ranges.read(0, 100)).toEqual(sample.slice(0, 100));
    fs.utimesSync(file, new Date("2026-12-02T10:00:00Z"), new Date("2026-12-02T10:00:00Z"));
    await expect(ranges.read(0, 100)).rejects.toThrow(RangesUnavailable);
    // And where the server cannot say (no validator), a file of another size is not read either.
    const sized = rangesOf({ ...fetched.ranges, validator: undefined, size: sample.length + 1 });
    await expect(sized.read(0, 100)).rejects.toThrow(RangesUnavailable);
  });
});
