/// <reference lib="webworker" />
/**
 * The reading worker: a file's partner tables read off the page's thread (read-off-thread.ts), the
 * first screen's first and the others when asked, while the page sets itself up. The page's bytes
 * of the file go back with the first reply (the worker reads a copy of its own).
 */
import { type Archive, inflateOnThisThread } from "./ooxml/zip";
import { pack } from "./packed";
import { type ReaderReply, type ReaderRequest, downloadIn } from "./read-off-thread";
import { SCHEMA_TABLES } from "./selection";
import { type FirstTables, readFirstTables, readNamedTables } from "./staged";
import { WorkbookOpenError } from "./open-error";
import { openWorkbookArchive } from "./xlsx-read";
const scope = self as unknown as DedicatedWorkerGlobalScope;
// This worker is off the page's thread already: it inflates the file's parts itself.
inflateOnThisThread();
let archive: Archive | undefined;
// A reader named with a download starts it now, before the page's request (which names the same
// file) reaches it.
const early = downloadIn(scope.name);
let downloading = early === undefined ? undefined : download(early);
downloading?.catch(() => undefined);

scope.onmessage = async (event: MessageEvent<ReaderRequest>) => {
  const request = event.data;
  let reply: ReaderReply;
  let transfer: ArrayBuffer[] = [];
  // The file's bytes, for the page (it saves into them) when it asks for them.
  let bytes: Uint8Array | undefined;
  try {
    let read: FirstTables;
    if (request.kind === "first") {
      const file = request.file;
      const own =
        file instanceof Uint8Array ? file
        : file instanceof Blob ? new Uint8Array(await file.arrayBuffer())
        : file instanceof MessagePort ? await received(file)
        : await (file.url === early && downloading ? downloading : download(file.url));
      downloading = undefined;
      for (const port of request.share) {
        const copy = own.slice();
        port.postMessage(copy, [copy.buffer]);
        port.close();
      }
      if (request.give) bytes = own;
      // With the bytes going to the page, a copy of its own for the tables read later.
      archive = await openWorkbookArchive(request.give ? own.slice() : own);
      read = await readFirstTables(archive, SCHEMA_TABLES, request.first);
    } else {
      if (!archive) throw new Error("no workbook was read first");
      read = { tables: await readNamedTables(archive, SCHEMA_TABLES, request.names), pending: [], date1904: false, partners: true };
    }
    const packed = pack(read.tables);
    transfer = packed.transfer;
    reply = { id: request.id, ok: true, tables: packed.packed, pending: read.pending, cells: read.cells, date1904: read.date1904, partners: read.partners, bytes };
  } catch (e) {
    reply = { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e), open: e instanceof WorkbookOpenError, bytes };
  }
  if (bytes) transfer.push(bytes.buffer as ArrayBuffer);
  scope.postMessage(reply, transfer);
};

/** The bytes another reader sends on `port`. */
function received(port: MessagePort): Promise<Uint8Array> {
  return new Promise((resolve) => {
    port.onmessage = (event: MessageEvent<Uint8Array>) => {
      port.close();
      resolve(event.data);
    };
  });
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the workbook (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

scope.postMessage({ ready: true } satisfies ReaderReply);
