/**
 * Writing a zip archive (an .xlsx file). Parts copied from another archive keep their stored
 * bytes exactly (nothing is inflated and deflated again); parts that changed or are new are
 * deflated by the platform's `CompressionStream` (native in browsers and Node), or stored
 * uncompressed where a platform has none.
 */
import { type StoredEntry, crc32, openArchive } from "./zip";

/** A part to write: its bytes, or an entry copied as stored from another archive. */
export type ZipPart = { name: string; bytes: Uint8Array } | { name: string; stored: StoredEntry };

export class ZipWriteError extends Error {
  override readonly name = "ZipWriteError";
}

/** 1980-01-01 00:00, the date Excel gives every entry of the files it writes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

const encoder = new TextEncoder();

function canDeflate(): boolean {
  try {
    new CompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A part as a zip archive would store it: its checksum, and its bytes deflated (or stored as they are). */
export function storedEntry(bytes: Uint8Array): Promise<StoredEntry> {
  return prepare({ name: "", bytes }, canDeflate());
}

/** A part stored as it is (for bytes that are compressed already, such as a deck inside a zip). */
export function storedAsIs(bytes: Uint8Array): Promise<StoredEntry> {
  return prepare({ name: "", bytes }, false);
}

/**
 * The archive `bytes` with every stored (uncompressed) part deflated, in the same order and with the
 * same names; parts deflated already are copied as they are. For archives written by a library that
 * stores its parts (pptxgenjs): what a user downloads is then the size PowerPoint's own files are.
 */
export async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  const archive = await openArchive(bytes);
  const parts = await Promise.all(
    archive.names.map(async (name): Promise<ZipPart> => {
      const stored = archive.stored?.(name);
      if (stored && stored.method === 8) return { name, stored };
      const part = await archive.bytes(name);
      if (!part) throw new ZipWriteError(`the part ${name} of the archive could not be read`);
      return { name, bytes: part };
    }),
  );
  return writeZip(parts);
}

/** A part ready to be written: what its headers say and the bytes that follow them. */
async function prepare(part: ZipPart, deflate: boolean): Promise<StoredEntry> {
  if ("stored" in part) return part.stored;
  const crc = crc32(part.bytes);
  if (!deflate || part.bytes.length === 0) return { method: 0, time: DOS_TIME, date: DOS_DATE, crc, size: part.bytes.length, data: part.bytes };
  return { method: 8, time: DOS_TIME, date: DOS_DATE, crc, size: part.bytes.length, data: await deflateRaw(part.bytes) };
}

/** The archive holding `parts`, in their order. */
export async function writeZip(parts: readonly ZipPart[]): Promise<Uint8Array> {
  if (parts.length > 0xfffe) throw new ZipWriteError("the workbook has more parts than a zip archive without zip64 can hold");
  const deflate = canDeflate();
  const entries = await Promise.all(parts.map((p) => prepare(p, deflate)));
  const names = parts.map((p) => encoder.encode(p.name));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i].length + e.data.length));
  if (size > 0xffffffff) throw new ZipWriteError("the workbook is larger than 4 GB, more than a zip archive without zip64 can hold");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Bit 11: the name is UTF-8 (only needed, and only set, when it is not plain ASCII).
  const flagsOf = (name: Uint8Array) => (name.some((b) => b > 0x7f) ? 0x0800 : 0);
  entries.forEach((e, i) => {
    const name = names[i];
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flagsOf(name), true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(e.data, at + 30 + name.length);
    at += 30 + name.length + e.data.length;
  });
  const directory = at;
  entries.forEach((e, i) => {
    const name = names[i];
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flagsOf(name), true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.data.length, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, name.length, true);
    // extra, comment, disk, internal and external attributes: 0
    view.setUint32(at + 42, offsets[i], true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
