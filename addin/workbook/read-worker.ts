/// <reference lib="webworker" />
/**
 * The reading worker: a file's partner tables read off the page's thread (read-off-thread.ts), the
 * first screen's first and the others when asked, while the page sets itself up. The page's bytes
 * of the file go back with the first reply (the worker reads a copy of its own) — or, for a file on
 * a web server that answers range requests, the first tables are read from the pieces of the file
 * that hold them, and the whole file follows when the page asks for it or for the other tables.
 */
import { type Archive, type RangedArchive, inflateOnThisThread, openRangedArchive } from "./ooxml/zip";
import { pack } from "./packed";
import { type ReaderReply, type ReaderRequest, type Share, downloadIn } from "./read-off-thread";
import { type RemoteTail, endsWith, fetchTail, rangesOf, wholeFileRetrying } from "./remote-file";
import { SCHEMA_TABLES } from "./selection";
import { type FirstTables, readFirstTables, readNamedTables } from "./staged";
import { WorkbookOpenError } from "./open-error";
import { openWorkbookArchive } from "./xlsx-read";
const scope = self as unknown as DedicatedWorkerGlobalScope;
// This worker is off the page's thread already: it inflates the file's parts itself.
inflateOnThisThread();

/** A file on a web server, being read in pieces: the parts read ahead, shared with the other readers. */
interface Pieces {
  remote: RemoteTail;
  archive: RangedArchive;
  ahead: Map<string, Promise<Uint8Array>>;
}

/**
 * What any reading of a file read in pieces asks for, one part after another, read ahead: the
 * relationships, the workbook's part, the table definitions, styles and shared strings. Sheets are
 * read once they are known to hold a table wanted; charts, drawings, pictures and the like never.
 */
const readAhead = (name: string) => /\.rels$|^\[Content_Types\]\.xml$|(^|\/)(tables\/[^/]+|workbook\d*|styles|sharedStrings\d*)\.xml$/i.test(name);

/** The first tables could not be read in pieces: the page reads the file itself. */
class PiecesFailed extends Error {}

/** A file on a web server: the whole of it, or its directory with the small parts being read ahead. */
async function fetchFile(url: string): Promise<Uint8Array | Pieces> {
  const fetched = await fetchTail(url);
  if ("whole" in fetched) return fetched.whole;
  try {
    const archive = await openRangedArchive(rangesOf(fetched.ranges), fetched.ranges.tail);
    return { remote: fetched.ranges, archive, ahead: archive.prefetch(readAhead) };
  } catch (e) {
    throw new PiecesFailed(e instanceof Error ? e.message : String(e));
  }
}

let archive: Archive | undefined;
/**
 * Where the first tables were read in pieces, the whole file's archive once it is here: the other
 * tables are read from it.
 */
let complete: Promise<Archive> | undefined;
/** Starts the download of the whole of a file this reader read in pieces (once; see downloadWhole). */
let downloadWhenAsked: (() => void) | undefined;
// A reader named with a download starts it now, before the page's request (which names the same
// file) reaches it: the file's directory and small parts, to read it in pieces, or the whole file.
const early = downloadIn(scope.name);
let fetching = early === undefined ? undefined : fetchFile(early);
fetching?.catch(() => undefined);

scope.onmessage = async (event: MessageEvent<ReaderRequest>) => {
  const request = event.data;
  if (request.kind === "whole") return downloadWhenAsked?.();
  let reply: ReaderReply;
  let transfer: ArrayBuffer[] = [];
  // The file's bytes, for the page (it saves into them) when it asks for them.
  let bytes: Uint8Array | undefined;
  // A file this reader downloads in pieces, and the other readers it shares it with.
  let downloaded: { remote: RemoteTail; ports: MessagePort[] } | undefined;
  try {
    let read: FirstTables;
    if (request.kind === "first") {
      const file = request.file;
      let own: Uint8Array | Pieces;
      if (file instanceof Uint8Array) own = file;
      else if (file instanceof Blob) own = new Uint8Array(await file.arrayBuffer());
      else if (file instanceof MessagePort) own = await received(file);
      else {
        own = await (file.url === early && fetching ? fetching : fetchFile(file.url));
        fetching = undefined;
      }
      if (own instanceof Uint8Array) {
        for (const port of request.share) {
          const copy = own.slice();
          port.postMessage(copy satisfies Share, [copy.buffer]);
          port.close();
        }
        if (request.give) bytes = own;
        // With the bytes going to the page, a copy of its own for the tables read later.
        archive = await openWorkbookArchive(request.give ? own.slice() : own);
        read = await readFirstTables(archive, SCHEMA_TABLES, request.first);
      } else {
        const { remote, archive: pieces, ahead } = own;
        if (!(file instanceof MessagePort)) {
          // The other readers read the same file in pieces, the parts read ahead taken from here:
          // its directory now, those parts as they come, then (see downloadWhole) the whole file.
          downloaded = { remote, ports: request.share };
          for (const port of request.share) port.postMessage({ ranges: remote, ahead: [...ahead.keys()] } satisfies Share);
          for (const [name, chunk] of ahead) {
            const send = (bytes: Uint8Array | undefined) =>
              request.share.forEach((port) => {
                // A copy of the part alone (the piece it came in may hold others).
                const part = bytes?.slice();
                port.postMessage({ part: [name, part] } satisfies Share, part ? [part.buffer] : []);
              });
            chunk.then(send, () => send(undefined));
          }
        }
        try {
          read = await readFirstTables(pieces, SCHEMA_TABLES, request.first);
        } catch (e) {
          throw new PiecesFailed(e instanceof Error ? e.message : String(e));
        }
      }
    } else {
      downloadWhenAsked?.();
      const from = complete ? await complete : archive;
      if (!from) throw new Error("no workbook was read first");
      read = { tables: await readNamedTables(from, SCHEMA_TABLES, request.names), pending: [], date1904: false, partners: true };
    }
    const packed = pack(read.tables);
    transfer = packed.transfer;
    const later = downloaded && request.kind === "first" && request.give ? { tail: downloaded.remote.tail, size: downloaded.remote.size } : undefined;
    reply = { id: request.id, ok: true, tables: packed.packed, pending: read.pending, cells: read.cells, date1904: read.date1904, partners: read.partners, bytes, later };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    reply = { id: request.id, ok: false, message, open: e instanceof WorkbookOpenError, unavailable: e instanceof PiecesFailed, bytes };
    // Nothing more comes from a file not read: the other readers are told.
    for (const port of downloaded?.ports ?? []) {
      port.postMessage({ failed: message } satisfies Share);
      port.close();
    }
    downloaded = undefined;
  }
  if (bytes) transfer.push(bytes.buffer as ArrayBuffer);
  scope.postMessage(reply, transfer);
  if (downloaded) {
    // The whole file is downloaded when the page asks for it or for the other tables: after the
    // partner list is drawn, which a download alongside would slow.
    const { remote, ports } = downloaded;
    const give = request.kind === "first" && request.give;
    downloadWhenAsked = () => {
      downloadWhenAsked = undefined;
      complete = downloadWhole(request.id, remote, ports, give);
      complete.catch(() => undefined);
    };
  }
};

/**
 * Downloads the whole of a file whose first tables were read in pieces, checks that it is the file
 * they were read from (the same last bytes: the same directory, so the same parts), and sends it
 * to the page (with `give`) and a copy to each other reader; the tables read later come from it.
 */
async function downloadWhole(id: number, remote: RemoteTail, ports: MessagePort[], give: boolean): Promise<Archive> {
  try {
    const bytes = await wholeFileRetrying(remote.url);
    if (bytes.length !== remote.size || !endsWith(bytes, remote.tail)) throw new Error("it changed on the server while it was being opened");
    for (const port of ports) {
      const copy = bytes.slice();
      port.postMessage({ whole: copy } satisfies Share, [copy.buffer]);
      port.close();
    }
    const mine = give ? bytes.slice() : bytes;
    if (give) scope.postMessage({ id, whole: bytes } satisfies ReaderReply, [bytes.buffer]);
    return await openWorkbookArchive(mine);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    for (const port of ports) {
      port.postMessage({ failed: message } satisfies Share);
      port.close();
    }
    if (give) scope.postMessage({ id, wholeFailed: message } satisfies ReaderReply);
    throw e;
  }
}

/**
 * What another reader sends on `port`: the file's bytes; or the way to read it in pieces, then the
 * parts that reader read ahead, then the whole file (which the tables read later come from).
 */
function received(port: MessagePort): Promise<Uint8Array | Pieces> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, (bytes: Uint8Array | undefined) => void>();
    let done: (archive: Promise<Archive>) => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    port.onmessage = async (event: MessageEvent<Share>) => {
      const share = event.data;
      if (share instanceof Uint8Array) {
        port.close();
        resolve(share);
      } else if ("ranges" in share) {
        const coming = new Map(
          share.ahead.map((name): [string, Promise<Uint8Array | undefined>] => [name, new Promise((got) => parts.set(name, got))]),
        );
        complete = new Promise<Archive>((resolveWhole, rejectWhole) => {
          done = resolveWhole;
          failed = rejectWhole;
        });
        complete.catch(() => undefined);
        try {
          const archive = await openRangedArchive(rangesOf(share.ranges), share.ranges.tail);
          archive.adopt(coming);
          resolve({ remote: share.ranges, archive, ahead: new Map() });
        } catch (e) {
          reject(new PiecesFailed(e instanceof Error ? e.message : String(e)));
        }
      } else if ("part" in share) {
        parts.get(share.part[0])?.(share.part[1]);
      } else if ("whole" in share) {
        port.close();
        done(openWorkbookArchive(share.whole));
      } else {
        port.close();
        const error = new PiecesFailed(share.failed);
        failed(error);
        // Before the way to the file came, the first read fails too; after it, this does nothing.
        reject(error);
        for (const got of parts.values()) got(undefined);
      }
    };
  });
}

scope.postMessage({ ready: true } satisfies ReaderReply);
