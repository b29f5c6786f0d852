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

export function readOffThread(): OffThreadReader | undefined {
  if (typeof Worker === "undefined") return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL(/* webpackChunkName: "xlsx-reader" */ "./read-worker.ts", import.meta.url), { name: "PartnerFit workbook reader" });
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
  const stop = (why: string) => {
    closed = true;
    worker.terminate();
    failed(new ReaderUnavailable(why));
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.reject(new Error(`the workbook could not be read: ${why}`));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop("the reading worker stopped");
  };
  worker.onmessage = (event: MessageEvent<ReaderReply>) => {
    const reply = event.data;
    if ("ready" in reply) return started();
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

/** `count` reading workers, started now; `undefined` where workers cannot be started. */
export function startReaders(count: number): OffThreadReader[] | undefined {
  const readers: OffThreadReader[] = [];
  for (let i = 0; i < count; i++) {
    const reader = readOffThread();
    if (!reader) {
      for (const r of readers) r.close();
      return undefined;
    }
    readers.push(reader);
  }
  return readers;
}

/** How many groups of tables to read side by side: one per core, at most `groups`. */
export function readerCount(groups: number): number {
  const cores = typeof navigator === "object" ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(groups, cores));
}
