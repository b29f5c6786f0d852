/**
 * The page's side of the reading worker (read-worker.ts): a file's schema tables parsed on another
 * thread while the page loads and draws, handed back packed (packed.ts). A worker takes the file
 * itself (downloading it, or reading the chosen file), so the page's thread, busy setting up the
 * task pane, is not in the way; the first reader hands the bytes to the page with its tables.
 * Where a worker cannot be started the caller reads on the page instead (`undefined`, or a
 * ReaderUnavailable before the worker had the file).
 */
import { type PackedTables, unpack } from "./packed";
import type { RawTable } from "./snapshot";
import type { FirstTables } from "./staged";
import { WorkbookOpenError } from "./open-error";
import type { RemoteTail } from "./remote-file";

/**
 * A file for a worker: where to download it, the file the user chose, its bytes (handed over), or
 * a port on which another reader sends them.
 */
export type FileRef = { url: string } | Blob | Uint8Array | MessagePort;

type Request =
  | { kind: "first"; file: FileRef; first: readonly string[]; give: boolean; share: MessagePort[] }
  | { kind: "rest"; names: readonly string[] }
  /** The whole of a file read in pieces, now (no reply: it comes as `whole`). */
  | { kind: "whole" };
export type ReaderRequest = Request & { id: number };
export type ReaderReply =
  | { ready: true }
  | {
      id: number;
      ok: true;
      tables: PackedTables;
      pending: string[];
      cells?: number[];
      date1904: boolean;
      partners: boolean;
      bytes?: Uint8Array;
      /**
       * The tables were read in pieces of a file on a web server: here are its last bytes; the
       * whole file follows (`whole`) when asked for, or when the other tables are.
       */
      later?: { tail: Uint8Array; size: number };
    }
  | { id: number; ok: false; message: string; open: boolean; unavailable: boolean; bytes?: Uint8Array }
  /** The whole file, after the tables read in pieces (reply `id`'s `later`), or why it did not come. */
  | { id: number; whole: Uint8Array }
  | { id: number; wholeFailed: string };

/**
 * What one reader sends another: the file's bytes; or, for a file read in pieces, where it is, its
 * last bytes and the parts being read ahead, then each of those parts, then the whole file (or why
 * not).
 */
export type Share = Uint8Array | { ranges: RemoteTail; ahead: string[] } | { part: [string, Uint8Array | undefined] } | { whole: Uint8Array } | { failed: string };

/**
 * A file whose first tables were read in pieces: its size and last bytes (the zip directory, for
 * the names of its parts), and its bytes when the reader has downloaded the whole of it.
 */
export interface Later {
  tail: Uint8Array;
  size: number;
  /** The whole file: downloaded from the first time this is called (the partner list does not wait for it). */
  bytes(): Promise<Uint8Array>;
}

/** The worker could not be used (it did not start): read on the page. */
export class ReaderUnavailable extends Error {
  override readonly name = "ReaderUnavailable";
}

/** A reader's first tables, with the file's bytes (`bytes`) or, for a file read in pieces, the way to them (`later`). */
export type ReaderTables = FirstTables & { bytes?: Uint8Array; later?: Later };

export interface OffThreadReader {
  /** Resolves once the worker runs; rejects with ReaderUnavailable when it cannot. */
  readonly ready: Promise<void>;
  /**
   * Reads the tables named in `first` of the file; with `give`, the file's bytes come back with the
   * tables (the worker keeps a copy to read the others from, with `rest`); with `share`, a copy goes
   * to the reader at each port's other end.
   */
  first(file: FileRef, first: readonly string[], give: boolean, share?: MessagePort[]): Promise<ReaderTables>;
  rest(names: readonly string[]): Promise<RawTable[]>;
  /**
   * Stops the worker; where the whole of a file read in pieces is still coming to the page, once it
   * is here, unless `now` (an opening that failed).
   */
  close(now?: boolean): void;
}

/** The reading worker's name; `downloading(url)` names one that starts downloading the file as it starts. */
export const READER_NAME = "PartnerFit workbook reader";
const DOWNLOADING = `${READER_NAME}, downloading `;

/** The URL a reader named `name` downloads as it starts, if any. */
export const downloadIn = (name: string): string | undefined => (name.startsWith(DOWNLOADING) ? name.slice(DOWNLOADING.length) : undefined);

/**
 * A reading worker. With `download`, the worker starts downloading that file as soon as it runs
 * (the URL travels in its name): a message posted to a worker that is starting waits for the page's
 * thread, which is busy loading the task pane's scripts then.
 */
export function readOffThread(download?: string): OffThreadReader | undefined {
  if (typeof Worker === "undefined") return undefined;
  let worker: Worker;
  try {
    const name = download === undefined ? READER_NAME : DOWNLOADING + download;
    worker = new Worker(new URL(/* webpackChunkName: "xlsx-reader" */ "./read-worker.ts", import.meta.url), { name });
  } catch {
    return undefined;
  }
  type Job = { resolve: (reply: ReaderTables) => void; reject: (error: Error) => void };
  const waiting = new Map<number, Job>();
  // Files read in pieces whose whole bytes are still to come, by the id of the reply that said so.
  const coming = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  // Asked to close while the whole of a file was coming: it closes once that is here.
  let closing = false;
  let next = 0;
  let closed = false;
  let started: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    started = resolve;
    failed = reject;
  });
  ready.catch(() => undefined);
  let running = false;
  const stop = (why: string) => {
    closed = true;
    worker.terminate();
    failed(new ReaderUnavailable(why));
    for (const [id, later] of coming) {
      coming.delete(id);
      later.reject(new Error(why));
    }
    for (const [id, job] of waiting) {
      waiting.delete(id);
      // A worker that never ran read nothing: the page reads instead.
      job.reject(running ? new Error(`the workbook could not be read: ${why}`) : new ReaderUnavailable(why));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop("the reading worker stopped");
  };
  worker.onmessage = (event: MessageEvent<ReaderReply>) => {
    const reply = event.data;
    if ("ready" in reply) {
      running = true;
      return started();
    }
    if ("whole" in reply || "wholeFailed" in reply) {
      const later = coming.get(reply.id);
      coming.delete(reply.id);
      if ("whole" in reply) later?.resolve(reply.whole);
      else later?.reject(new Error(reply.wholeFailed));
      if (closing && !coming.size) stop("closed");
      return;
    }
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    if (reply.ok) {
      let later: Later | undefined;
      if (reply.later) {
        const bytes = new Promise<Uint8Array>((resolve, reject) => coming.set(reply.id, { resolve, reject }));
        bytes.catch(() => undefined);
        later = { ...reply.later, bytes: () => (askWhole(), bytes) };
      }
      job.resolve({ tables: unpack(reply.tables), pending: reply.pending, cells: reply.cells, date1904: reply.date1904, partners: reply.partners, bytes: reply.bytes, later });
    } else if (reply.unavailable) job.reject(new ReaderUnavailable(reply.message));
    else job.reject(Object.assign(reply.open ? new WorkbookOpenError(reply.message) : new Error(reply.message), { bytes: reply.bytes }));
  };
  let wholeAsked = false;
  const askWhole = () => {
    if (wholeAsked || closed) return;
    wholeAsked = true;
    worker.postMessage({ kind: "whole", id: -1 } satisfies ReaderRequest);
  };
  const ask = (request: Request, transfer: Transferable[] = []) =>
    new Promise<ReaderTables>((resolve, reject) => {
      if (closed) return reject(new ReaderUnavailable("the reading worker stopped"));
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  return {
    ready,
    async first(file, first, give, share) {
      // Bytes handed over are gone from the page: they go once the worker is known to run. A
      // download or a chosen file is asked for at once, to be taken up as soon as the worker runs.
      if (file instanceof Uint8Array) await ready;
      const transfer: Transferable[] = file instanceof Uint8Array ? [file.buffer as ArrayBuffer] : file instanceof MessagePort ? [file] : [];
      transfer.push(...(share ?? []));
      const read = await ask({ kind: "first", file, first, give, share: share ?? [] }, transfer);
      if (give && !read.bytes && !read.later) throw new Error("the reading worker kept the file");
      return read;
    },
    async rest(names) {
      return (await ask({ kind: "rest", names })).tables;
    },
    close: (now = false) => {
      // The whole of a file read in pieces is waited for (and asked for): the page saves into it.
      if (coming.size && !now) {
        closing = true;
        askWhole();
      }
      else if (!closed) stop("closed");
    },
  };
}

/**
 * `count` reading workers, started now; `undefined` where workers cannot be started. With
 * `download`, the first one starts downloading that file as it starts.
 */
export function startReaders(count: number, download?: string): OffThreadReader[] | undefined {
  const readers: OffThreadReader[] = [];
  for (let i = 0; i < count; i++) {
    const reader = readOffThread(i === 0 ? download : undefined);
    if (!reader) {
      for (const r of readers) r.close();
      return undefined;
    }
    readers.push(reader);
  }
  return readers;
}

/** Readers started on a file with `readFirst`, each reading a group of tables first. */
export interface FirstRead {
  readonly readers: OffThreadReader[];
  readonly groups: readonly (readonly string[])[];
  /** Each reader's first tables, in the order of `groups`; the first reader's come with the file's bytes. */
  readonly reads: Promise<ReaderTables[]>;
}

/** `first`'s groups of tables as readers take them: a group each, side by side, or all in one where there is one core. */
export function readingGroups(first: readonly (readonly string[])[]): (readonly string[])[] {
  return readerCount(first.length) > 1 ? first.filter((g) => g.length) : [first.flat()];
}

/**
 * Asks `readers` (one per group) for their group of tables of `file` at once. The first reader
 * takes the file — a download, a chosen file, or bytes (which come back with its tables) — and
 * sends a copy to each other one, worker to worker.
 */
export function readFirst(file: Blob | { url: string } | Uint8Array, groups: readonly (readonly string[])[], readers: OffThreadReader[]): FirstRead {
  const channels = readers.slice(1).map(() => new MessageChannel());
  const ask = () =>
    Promise.all(
      readers.map((reader, i) =>
        i === 0 ? reader.first(file, groups[0], true, channels.map((c) => c.port1)) : reader.first(channels[i - 1].port2, groups[i], false),
      ),
    );
  // Bytes handed over are gone from the page: they go once every reader is known to run, so that
  // the page still has them to read itself if one does not.
  const reads = file instanceof Uint8Array ? Promise.all(readers.map((r) => r.ready)).then(ask) : ask();
  // Taken up by the workbook's opening, which may come later than a failure.
  reads.catch(() => undefined);
  return { readers, groups, reads };
}

/**
 * Starts reading a file off the page now, the tables of `first` first (see readFirst);
 * `undefined` where workers cannot be started.
 */
export function startReading(file: Blob | { url: string }, first: readonly (readonly string[])[]): FirstRead | undefined {
  const groups = readingGroups(first);
  // A download is asked for by its full address: the worker's own address is its script's.
  const url = file instanceof Blob ? undefined : new URL(file.url, globalThis.location?.href).href;
  const readers = startReaders(groups.length, url);
  return readers && readFirst(url === undefined ? file : { url }, groups, readers);
}

/** How many groups of tables to read side by side: one per core, at most `groups`. */
export function readerCount(groups: number): number {
  const cores = typeof navigator === "object" ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(groups, cores));
}
