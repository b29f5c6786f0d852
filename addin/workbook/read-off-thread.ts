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

/**
 * A file for a worker: where to download it, the file the user chose, its bytes (handed over), or
 * a port on which another reader sends them.
 */
export type FileRef = { url: string } | Blob | Uint8Array | MessagePort;

type Request = { kind: "first"; file: FileRef; first: readonly string[]; give: boolean; share: MessagePort[] } | { kind: "rest"; names: readonly string[] };
export type ReaderRequest = Request & { id: number };
export type ReaderReply =
  | { ready: true }
  | { id: number; ok: true; tables: PackedTables; pending: string[]; cells?: number[]; date1904: boolean; partners: boolean; bytes?: Uint8Array }
  | { id: number; ok: false; message: string; open: boolean; bytes?: Uint8Array };

/** The worker could not be used (it did not start): read on the page. */
export class ReaderUnavailable extends Error {
  override readonly name = "ReaderUnavailable";
}

export interface OffThreadReader {
  /** Resolves once the worker runs; rejects with ReaderUnavailable when it cannot. */
  readonly ready: Promise<void>;
  /**
   * Reads the tables named in `first` of the file; with `give`, the file's bytes come back with the
   * tables (the worker keeps a copy to read the others from, with `rest`); with `share`, a copy goes
   * to the reader at each port's other end.
   */
  first(file: FileRef, first: readonly string[], give: boolean, share?: MessagePort[]): Promise<FirstTables & { bytes?: Uint8Array }>;
  rest(names: readonly string[]): Promise<RawTable[]>;
  close(): void;
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
  type Job = { resolve: (reply: FirstTables & { bytes?: Uint8Array }) => void; reject: (error: Error) => void };
  const waiting = new Map<number, Job>();
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
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    if (reply.ok) job.resolve({ tables: unpack(reply.tables), pending: reply.pending, cells: reply.cells, date1904: reply.date1904, partners: reply.partners, bytes: reply.bytes });
    else job.reject(Object.assign(reply.open ? new WorkbookOpenError(reply.message) : new Error(reply.message), { bytes: reply.bytes }));
  };
  const ask = (request: Request, transfer: Transferable[] = []) =>
    new Promise<FirstTables & { bytes?: Uint8Array }>((resolve, reject) => {
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
      if (give && !read.bytes) throw new Error("the reading worker kept the file");
      return read;
    },
    async rest(names) {
      return (await ask({ kind: "rest", names })).tables;
    },
    close: () => {
      if (!closed) stop("closed");
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
  readonly reads: Promise<(FirstTables & { bytes?: Uint8Array })[]>;
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
