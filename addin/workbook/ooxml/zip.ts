/**
 * Reading the parts of a zip archive (an .xlsx file is one) without a zip library: the central
 * directory is read directly and each part is inflated on demand by the platform's own
 * `DecompressionStream` (native code in browsers and Node), several times faster than inflating
 * in JavaScript. In a browser the inflating runs in a small worker, so that the page reads one
 * part while the next one inflates. Small parts inflate at once in JavaScript (fflate). Where the
 * platform has no raw-deflate stream, JSZip does it.
 */

import { inflateSync } from "fflate";

/** The file is not a zip archive, or a part of it cannot be read. */
export class ArchiveError extends Error {
  override readonly name = "ArchiveError";
}

export interface Archive {
  /** Every part's path, as stored (e.g. `xl/worksheets/sheet1.xml`). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** A part's bytes, inflated; `undefined` when the archive has no such part. */
  bytes(name: string): Promise<Uint8Array | undefined>;
  /** A part as UTF-8 text; `undefined` when the archive has no such part. */
  text(name: string): Promise<string | undefined>;
  /**
   * A part as stored in the file (compressed), to copy it into another archive unchanged;
   * `undefined` when the part is absent or the archive was read without access to its entries.
   */
  stored?(name: string): StoredEntry | undefined;
}

/** A part exactly as a zip archive stores it. */
export interface StoredEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  /** MS-DOS time and date of the entry. */
  time: number;
  date: number;
  crc: number;
  /** Size inflated. */
  size: number;
  /** The part's bytes as stored (compressed when `method` is 8). */
  data: Uint8Array;
}

interface Entry {
  method: number;
  flags: number;
  time: number;
  date: number;
  compressedSize: number;
  /** Size and CRC-32 of the part inflated, as the directory records them. */
  size: number;
  crc: number;
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder("utf-8");

/** The first bytes of an OLE compound file: Excel 97–2003 workbooks and password-protected files. */
export const isCompoundFile = (bytes: Uint8Array): boolean =>
  bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);

function canInflateNatively(): boolean {
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/**
 * A CRC-32 function (the zip format's checksum), eight bytes a step. Self-contained, so that the
 * inflating worker can run the same code from its source text.
 */
function makeCrc32(): (bytes: Uint8Array) => number {
  const table = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) table[k * 256 + n] = table[(k - 1) * 256 + n] >>> 8 ^ table[table[(k - 1) * 256 + n] & 0xff];
  return (bytes: Uint8Array) => {
    let c = -1;
    let i = 0;
    for (const end = bytes.length - 8; i <= end; i += 8) {
      const a = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
      c =
        table[1792 + (a & 0xff)] ^ table[1536 + ((a >>> 8) & 0xff)] ^ table[1280 + ((a >>> 16) & 0xff)] ^ table[1024 + (a >>> 24)] ^
        table[768 + bytes[i + 4]] ^ table[512 + bytes[i + 5]] ^ table[256 + bytes[i + 6]] ^ table[bytes[i + 7]];
    }
    for (; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  };
}

export const crc32 = makeCrc32();

/** Why a part's inflated bytes are not what the file says they are, or undefined when they are. */
const damage = (bytes: Uint8Array, size: number, crc: number, check: (b: Uint8Array) => number): string | undefined =>
  bytes.length !== size ? "its size is not the size the file records" : check(bytes) !== crc ? "its checksum does not match" : undefined;

interface Expected {
  size: number;
  crc: number;
}

/**
 * Raw-deflated bytes through the platform's DecompressionStream, written to it directly: a Blob's
 * stream would cost a round trip to the browser's blob store per part. Self-contained, so that the
 * inflating worker can run the same code from its source text.
 */
async function inflateNative(data: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // A damaged part fails the reading below; these promises fail with it.
  writer.write(data as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

async function inflateHere(data: Uint8Array, expected: Expected): Promise<Uint8Array> {
  const bytes = await inflateNative(data);
  const why = damage(bytes, expected.size, expected.crc, crc32);
  if (why) throw new Error(why);
  return bytes;
}

/**
 * The worker's whole source: it inflates what it is sent, one part after another in the order
 * asked (so the first part asked for is ready first), checks size and checksum, and sends the
 * bytes back transferred rather than copied.
 */
const INFLATE_WORKER = `const crc32 = (${makeCrc32.toString()})();
const damage = ${damage.toString()};
const inflateNative = ${inflateNative.toString()};
let queue = Promise.resolve();
self.onmessage = (event) => {
  const { id, data, size, crc } = event.data;
  queue = queue.then(async () => {
    try {
      const bytes = await inflateNative(data);
      const why = damage(bytes, size, crc, crc32);
      if (why) self.postMessage({ id, error: why });
      else self.postMessage({ id, bytes }, [bytes.buffer]);
    } catch (error) {
      self.postMessage({ id, error: String(error) });
    }
  });
};`;

interface Inflater {
  inflate(data: Uint8Array, expected: Expected): Promise<Uint8Array>;
}

let shared: Inflater | null | undefined;

/** Parts inflate on this thread from now on (a worker that is itself off the page's thread). */
export function inflateOnThisThread(): void {
  shared = null;
}

/**
 * The page's inflating worker, started once; `null` where workers cannot be made (Node, or a page
 * whose security policy forbids them), and then parts inflate on the calling thread. A worker that
 * fails later hands its pending parts back to the calling thread.
 */
function inflater(): Inflater | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (typeof Worker === "undefined" || typeof URL === "undefined" || typeof URL.createObjectURL !== "function") return shared;
  let worker: Worker;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([INFLATE_WORKER], { type: "text/javascript" })));
  } catch {
    return shared;
  }
  const pending = new Map<number, { data: Uint8Array; expected: Expected; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken = false;
  const fallBack = () => {
    broken = true;
    shared = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      inflateHere(job.data, job.expected).then(job.resolve, job.reject);
    }
  };
  worker.onerror = fallBack;
  worker.onmessage = (event: MessageEvent<{ id: number; bytes?: Uint8Array; error?: string }>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if (event.data.bytes) job.resolve(event.data.bytes);
    else job.reject(new Error(event.data.error));
  };
  shared = {
    inflate(data, expected) {
      if (broken) return inflateHere(data, expected);
      return new Promise((resolve, reject) => {
        const id = next++;
        // A copy goes to the worker: the caller's file stays whole.
        const copy = data.slice();
        pending.set(id, { data, expected, resolve, reject });
        worker.postMessage({ id, data: copy, ...expected }, [copy.buffer]);
      });
    },
  };
  return shared;
}

/**
 * Below this, a part inflates at once on the calling thread, in JavaScript (fflate): a workbook has
 * dozens of small parts (relationships, table definitions), and a trip through the platform's
 * stream, let alone to a worker, costs more than inflating one of them.
 */
const SMALL_PART = 64 * 1024;

/** Deflate shrinks data at most about 1032 to 1: a part said to inflate to more is damaged. */
const MAX_RATIO = 1032;

function inflateSmall(data: Uint8Array, expected: Expected): Uint8Array {
  if (expected.size > data.length * MAX_RATIO + 64) throw new Error("its size is not the size the file records");
  // One byte more than the file records, so that a part that inflates to more is seen to.
  const bytes = inflateSync(data, { out: new Uint8Array(expected.size + 1) });
  const why = damage(bytes, expected.size, expected.crc, crc32);
  if (why) throw new Error(why);
  return bytes;
}

async function inflateRaw(data: Uint8Array, expected: Expected): Promise<Uint8Array> {
  if (data.length < SMALL_PART) return inflateSmall(data, expected);
  const worker = inflater();
  return worker ? worker.inflate(data, expected) : inflateHere(data, expected);
}

/** Little-endian readers of `bytes`, as the zip format stores numbers. */
function littleEndian(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  return { u16, u32, u64 };
}

/**
 * Where the central directory of a file is, from the file's bytes from offset `base` to its end:
 * its first record and how many records it has, or the offset from which the bytes are needed to
 * tell (a directory, or a zip64 end record, that begins before `base`). Throws ArchiveError when
 * the bytes end no zip archive.
 */
function locate(bytes: Uint8Array, base: number): { start: number; count: number } | { from: number } {
  const { u16, u32, u64 } = littleEndian(bytes);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ArchiveError("it is not a zip archive (no central directory)");
  let count = u16(end + 10);
  let start = u32(end + 16);
  if ((count === 0xffff || start === 0xffffffff) && end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const record = u64(end - 12);
    if (record < base) return { from: record };
    if (record - base + 56 > bytes.length || u32(record - base) !== ZIP64_EOCD) throw new ArchiveError("its zip64 directory is damaged");
    count = u64(record - base + 32);
    start = u64(record - base + 48);
  }
  return start < base ? { from: start } : { start, count };
}

/**
 * Reads the central directory from the file's bytes from offset `base` to its end (the whole file
 * by default); throws ArchiveError when they are not the end of a zip archive.
 */
function directory(bytes: Uint8Array, base = 0): { entries: Map<string, Entry>; start: number } {
  const located = locate(bytes, base);
  if ("from" in located) throw new ArchiveError("its zip directory is damaged");
  const { u16, u32, u64 } = littleEndian(bytes);
  const entries = new Map<string, Entry>();
  let at = located.start - base;
  for (let i = 0; i < located.count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw new ArchiveError("its zip directory is damaged");
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let offset = u32(at + 42);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes and offsets live in extra field 0x0001, in this order, only where the 32-bit field is full.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === 0xffffffff) {
          size = u64(f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(f);
          f += 8;
        }
        if (offset === 0xffffffff) offset = u64(f);
      }
      x += 4 + length;
    }
    entries.set(name, { method: u16(at + 10), flags: u16(at + 8), time: u16(at + 12), date: u16(at + 14), compressedSize, size, crc: u32(at + 16), offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, start: located.start };
}

/** A part's bytes as stored, from `bytes`, which hold its local header at `at`. */
function storedBytes(name: string, entry: Entry, bytes: Uint8Array, at: number): Uint8Array {
  if (entry.flags & 1) throw new ArchiveError(`its part ${name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ArchiveError(`its part ${name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  if (stored.length !== entry.compressedSize) throw new ArchiveError(`its part ${name} is cut short`);
  return stored;
}

/** A part's bytes inflated from its stored bytes, checked against the size and checksum the directory records. */
async function inflateEntry(name: string, entry: Entry, stored: Uint8Array): Promise<Uint8Array> {
  const expected = { size: entry.size, crc: entry.crc };
  if (entry.method === 0) {
    const why = damage(stored, expected.size, expected.crc, crc32);
    if (why) throw new ArchiveError(`its part ${name} is damaged (${why})`);
    return stored;
  }
  if (entry.method !== 8) throw new ArchiveError(`its part ${name} is compressed with a method Excel does not use (${entry.method})`);
  try {
    return await inflateRaw(stored, expected);
  } catch (e) {
    const why = e instanceof Error && /size|checksum/.test(e.message) ? e.message : "it does not decompress";
    throw new ArchiveError(`its part ${name} is damaged (${why})`);
  }
}

const partNames = (entries: Map<string, Entry>) => [...entries.keys()].filter((n) => !n.endsWith("/"));

/** Opens an archive held in memory; throws ArchiveError when it is not a zip archive. */
export async function openArchive(data: ArrayBuffer | Uint8Array, options: { native?: boolean } = {}): Promise<Archive> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { entries } = directory(bytes);
  const names = partNames(entries);
  if (!(options.native ?? canInflateNatively())) return jszipArchive(bytes, names);
  const bytesOf = (name: string): Promise<Uint8Array | undefined> => {
    const entry = entries.get(name);
    return entry ? inflateEntry(name, entry, storedBytes(name, entry, bytes, entry.offset)) : Promise.resolve(undefined);
  };
  return {
    names,
    has: (name) => entries.has(name),
    bytes: bytesOf,
    text: async (name) => {
      const part = await bytesOf(name);
      return part && utf8.decode(part);
    },
    stored: (name) => {
      const entry = entries.get(name);
      if (!entry || (entry.method !== 0 && entry.method !== 8)) return undefined;
      return { method: entry.method, time: entry.time, date: entry.date, crc: entry.crc, size: entry.size, data: storedBytes(name, entry, bytes, entry.offset) };
    },
  };
}

/** A file read a piece at a time (over HTTP, with range requests): its size and its bytes from `from` up to `to`. */
export interface FileRanges {
  readonly size: number;
  read(from: number, to: number): Promise<Uint8Array>;
}

/**
 * The last bytes of a file to ask for first: room for the end record, the longest comment and the
 * central directory of a workbook of a few hundred parts (a longer one is asked for after).
 */
export const TAIL_BYTES = 128 * 1024;

/** Bytes between two small parts read ahead that are read with them rather than asked for apart. */
const BRIDGED = 8 * 1024;

/** An archive read in pieces (openRangedArchive). */
export interface RangedArchive extends Archive {
  /**
   * Starts reading now the parts `wanted` chooses (by name and size as stored), in as few pieces
   * as the file's order allows: those a reader will ask for one after another. Gives each part
   * chosen, read (its local header and data).
   */
  prefetch(wanted: (name: string, storedSize: number) => boolean): Map<string, Promise<Uint8Array>>;
  /**
   * Parts another reader of the same file is reading ahead (as `prefetch` gives them), taken from
   * it rather than read again; one that comes as `undefined` is read here.
   */
  adopt(parts: Iterable<[string, Promise<Uint8Array | undefined>]>): void;
}

/**
 * The file's last bytes from `tail` (its last bytes) back to the start of its central directory:
 * `tail` itself when it holds the whole directory. Throws ArchiveError when the file is not a zip
 * archive.
 */
export async function withDirectory(file: FileRanges, tail: Uint8Array): Promise<Uint8Array> {
  const base = file.size - tail.length;
  const located = locate(tail, base);
  if (!("from" in located)) return tail;
  if (located.from > base) throw new ArchiveError("its zip directory is damaged");
  const before = await file.read(located.from, base);
  const whole = new Uint8Array(before.length + tail.length);
  whole.set(before);
  whole.set(tail, before.length);
  // A zip64 end record read now may place the directory further back still.
  return withDirectory(file, whole);
}

/**
 * Opens an archive from its last bytes (`tail`, the directory), reading each part's bytes from
 * `file` when it is asked for: a reader that needs a few parts of a large file reads those alone.
 * Throws ArchiveError when the file is not a zip archive. (No `stored`: parts are not copied from
 * an archive read this way.)
 */
export async function openRangedArchive(file: FileRanges, tail: Uint8Array): Promise<RangedArchive> {
  tail = await withDirectory(file, tail);
  const { entries, start } = directory(tail, file.size - tail.length);
  // A part's bytes run from its local header to the next part's (or to the directory).
  const offsets = [...new Set([...entries.values()].map((e) => e.offset))].sort((a, b) => a - b);
  const endOf = (offset: number) => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return low < offsets.length && offsets[low] < start ? offsets[low] : start;
  };
  const spanOf = (name: string, entry: Entry) => {
    const end = endOf(entry.offset);
    if (end <= entry.offset || end > file.size) throw new ArchiveError(`its part ${name} is damaged`);
    return end;
  };
  // Parts asked for ahead (see `prefetch`): each part's local header and data, once read.
  const ahead = new Map<string, Promise<Uint8Array>>();
  const bytesOf = async (name: string): Promise<Uint8Array | undefined> => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const chunk = ahead.get(name) ?? file.read(entry.offset, spanOf(name, entry));
    ahead.delete(name);
    return inflateEntry(name, entry, storedBytes(name, entry, await chunk, 0));
  };
  return {
    names: partNames(entries),
    has: (name) => entries.has(name),
    bytes: bytesOf,
    text: async (name) => {
      const part = await bytesOf(name);
      return part && utf8.decode(part);
    },
    adopt(parts) {
      for (const [name, coming] of parts) {
        const entry = entries.get(name);
        if (!entry || ahead.has(name)) continue;
        // A part the other reader could not read is read here.
        const chunk = coming.then((bytes) => bytes ?? file.read(entry.offset, spanOf(name, entry)));
        chunk.catch(() => ahead.delete(name));
        ahead.set(name, chunk);
      }
    },
    prefetch(wanted) {
      // Small parts next to each other in the file (or a few KB apart) are read in one piece; the
      // pieces all at once.
      const got = new Map<string, Promise<Uint8Array>>();
      const chosen = [...entries]
        .filter(([name, entry]) => !ahead.has(name) && wanted(name, entry.compressedSize))
        .map(([name, entry]) => ({ name, from: entry.offset, to: spanOf(name, entry), small: entry.compressedSize <= SMALL_PART }))
        .sort((a, b) => a.from - b.from);
      for (let i = 0; i < chosen.length; ) {
        let j = i + 1;
        if (chosen[i].small) while (j < chosen.length && chosen[j].small && chosen[j].from - chosen[j - 1].to <= BRIDGED) j++;
        const run = chosen.slice(i, j);
        const piece = file.read(run[0].from, run[run.length - 1].to);
        for (const part of run) {
          const chunk = piece.then((bytes) => bytes.subarray(part.from - run[0].from, part.to - run[0].from));
          // A piece that fails is read again, part by part, when asked for.
          chunk.catch(() => ahead.delete(part.name));
          ahead.set(part.name, chunk);
          got.set(part.name, chunk);
        }
        i = j;
      }
      return got;
    },
  };
}

/** The names of the parts of the archive whose last bytes, directory included, are `tail` (see withDirectory). */
export function partsIn(tail: Uint8Array, size: number): string[] {
  return partNames(directory(tail, size - tail.length).entries);
}

/** The same archive through JSZip, for platforms without a raw-deflate stream. */
async function jszipArchive(bytes: Uint8Array, names: string[]): Promise<Archive> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ArchiveError(`it is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
  const read = async <T extends "uint8array" | "string">(name: string, type: T) => {
    const file = zip.file(name);
    if (!file) return undefined;
    try {
      return (await file.async(type)) as T extends "string" ? string : Uint8Array;
    } catch {
      throw new ArchiveError(`its part ${name} is damaged (it does not decompress)`);
    }
  };
  return { names, has: (name) => zip.file(name) !== null, bytes: (name) => read(name, "uint8array"), text: (name) => read(name, "string") };
}
