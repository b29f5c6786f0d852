/**
 * A workbook on a web server, read in pieces: its last bytes (the zip directory) first, then only
 * the parts a reader asks for, with HTTP range requests — the partner list needs about a tenth of
 * a large workbook. A server that does not answer range requests sends the whole file, which is
 * used as it comes.
 */
import { type FileRanges, TAIL_BYTES, withDirectory } from "./ooxml/zip";

/** The file could not be read in pieces (the server stopped answering ranges, or the file changed). */
export class RangesUnavailable extends Error {
  override readonly name = "RangesUnavailable";
}

/** What a reader needs to read the file in pieces: where it is, its size, and its last bytes (directory included). */
export interface RemoteTail {
  url: string;
  size: number;
  tail: Uint8Array;
  /** What the pieces are asked for on the condition of (`If-Range`): the file as its last bytes were read. */
  validator?: string;
}

/** The file read whole (the server sent all of it), or its last bytes to read it in pieces. */
export type Fetched = { whole: Uint8Array } | { ranges: RemoteTail };

/** The server refused the file (a status other than success). */
export class ServerRefused extends Error {
  constructor(status: number) {
    super(`could not load the workbook (${status})`);
  }
}

/** `bytes a-b/size` → its three numbers. */
function contentRange(header: string | null): { from: number; to: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? "");
  return match ? { from: Number(match[1]), to: Number(match[2]) + 1, size: Number(match[3]) } : undefined;
}

/**
 * A strong ETag, or else the Last-Modified date: a server compares a weak ETag with nothing in
 * `If-Range` and would send the whole file every time.
 */
function validatorOf(response: Response): string | undefined {
  const etag = response.headers.get("etag");
  if (etag && !etag.startsWith("W/")) return etag;
  return response.headers.get("last-modified") ?? undefined;
}

/**
 * Asks for the file's last bytes, and for more where the zip directory begins before them. The
 * whole file where the server sends it all or the pieces cannot be used: no range support, a file
 * smaller than the tail (or empty), an address on another origin that refuses the range request,
 * a piece that does not come back as asked, bytes that end no zip archive (the whole file's reading
 * then says what it is). Throws an Error naming the status where the server refuses the file.
 */
export async function fetchTail(url: string): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: `bytes=-${TAIL_BYTES}` } });
  } catch {
    return { whole: await wholeFile(url) };
  }
  if (response.status === 416) return { whole: await wholeFile(url) };
  if (!response.ok) throw new ServerRefused(response.status);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 206) return { whole: bytes };
  const range = contentRange(response.headers.get("content-range"));
  // Part of the file that cannot be placed in it: the whole file instead.
  if (!range || range.to !== range.size || range.to - range.from !== bytes.length) return { whole: await wholeFile(url) };
  if (range.from === 0) return { whole: bytes };
  const validator = validatorOf(response);
  try {
    const tail = await withDirectory(rangesOf({ url, size: range.size, validator }), bytes);
    return { ranges: { url, size: range.size, tail, validator } };
  } catch {
    return { whole: await wholeFile(url) };
  }
}

/** The whole file. */
export async function wholeFile(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new ServerRefused(response.status);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The whole file, asked for again after a failure of the network (`tries` in all, a second and then
 * two between them): a file downloaded in the background after its first tables were shown is what
 * the user's saves go into. A refusal by the server (a status) is not asked again.
 */
export async function wholeFileRetrying(url: string, tries = 3, wait = (attempt: number) => new Promise((r) => setTimeout(r, 1000 * attempt))): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await wholeFile(url);
    } catch (e) {
      if (attempt >= tries || e instanceof ServerRefused) throw e;
      await wait(attempt);
    }
  }
}

/**
 * The file as pieces read with range requests; a piece that does not come back as asked (the
 * server sent something else, or the file changed) is a RangesUnavailable.
 */
export function rangesOf(remote: Pick<RemoteTail, "url" | "size" | "validator">): FileRanges {
  return {
    size: remote.size,
    async read(from, to) {
      if (to <= from) return new Uint8Array(0);
      const headers: Record<string, string> = { Range: `bytes=${from}-${to - 1}` };
      if (remote.validator) headers["If-Range"] = remote.validator;
      let response: Response;
      try {
        response = await fetch(remote.url, { headers });
      } catch (e) {
        throw new RangesUnavailable(`a piece of the workbook could not be loaded (${e instanceof Error ? e.message : String(e)})`);
      }
      const range = contentRange(response.headers.get("content-range"));
      if (response.status !== 206 || !range || range.from !== from || range.to !== to || range.size !== remote.size) {
        response.body?.cancel().catch(() => undefined);
        throw new RangesUnavailable(`the server sent other than the piece asked for (${response.status})`);
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length !== to - from) throw new RangesUnavailable("a piece of the workbook came back cut short");
      return bytes;
    },
  };
}

/** Whether `whole` ends with the bytes `tail` (the same directory: every part as it was read in pieces). */
export function endsWith(whole: Uint8Array, tail: Uint8Array): boolean {
  if (whole.length < tail.length) return false;
  const offset = whole.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (whole[offset + i] !== tail[i]) return false;
  return true;
}
