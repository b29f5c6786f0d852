/**
 * The quarter's QBR decks for every partner of a filter (region, channel manager, tier), one after
 * the other, as files or as one .zip with an index. Runs in a browser and in Node: it reports
 * progress after each deck, yields to the event loop between decks (a page stays responsive) and
 * stops between decks when its AbortSignal fires, leaving no half-made zip behind.
 */
import { isEngineError } from "../../engine/error";
import { buildQbr } from "../../engine/qbr";
import { quarterOf } from "../../engine/plan";
import { TIERS } from "../../engine/tier";
import { type ZipPart, storedAsIs, writeZip } from "../workbook/ooxml/zip-write";
import { PartnerData, type PartnerRecord } from "../workbook/records";
import { deckBytes } from "./deck";
import { type QbrFilter, filterChoices, filterText, given, matchingPartners, same } from "./filter";
import { qbrInput } from "./input";

export { type QbrFilter, filterChoices, filterText, matchingPartners } from "./filter";

export interface QbrBatchProgress {
  done: number;
  total: number;
  /** The partner whose deck was just made (or skipped); null before the first one. */
  partner: PartnerRecord | null;
}

export interface QbrBatchOptions {
  /** "2026-Q4" (also "2026 Q4", "Q4 2026"). */
  quarter: string;
  filter?: QbrFilter;
  signal?: AbortSignal;
  onProgress?: (progress: QbrBatchProgress) => void;
}

/** A deck made: the partner and its file name. */
export interface QbrDeckFile {
  partner: PartnerRecord;
  file: string;
}

/** A partner that got no deck, and why (in words for the person reading the index). */
export interface QbrSkipped {
  partner: PartnerRecord;
  reason: string;
}

export type QbrDecksResult =
  | { status: "done"; quarter: string; total: number; files: QbrDeckFile[]; skipped: QbrSkipped[] }
  | { status: "cancelled"; quarter: string; done: number; total: number };

export type QbrZipResult =
  | { status: "done"; quarter: string; total: number; files: QbrDeckFile[]; skipped: QbrSkipped[]; zip: Uint8Array; fileName: string }
  | { status: "cancelled"; quarter: string; done: number; total: number };

/** The batch cannot start: the quarter does not read as one, or no partner matches the filter. */
export class QbrBatchError extends Error {
  override readonly name = "QbrBatchError";
}

/** The index inside the zip. */
export const INDEX_FILE = "index.csv";

/** The quarter as "2026-Q4", from a text that names a quarter; throws QbrBatchError otherwise. */
export function batchQuarter(text: string): string {
  // quarterOf also reads dates and date serials as their quarter: a command line wants a quarter.
  const quarter = /q/i.test(text) ? quarterOf(text) : undefined;
  if (!quarter) throw new QbrBatchError(`"${text}" is not a quarter: write it as 2026-Q4.`);
  return quarter;
}

/** For each filter value that no partner has, the values the workbook has (a likely typo). */
function unknownValues(data: PartnerData, filter: QbrFilter = {}): string {
  const choices = filterChoices(data);
  const lists: [string | null | undefined, string, string[]][] = [
    [filter.region, "regions", choices.regions],
    [filter.manager, "channel managers", choices.managers],
    [filter.tier, "tiers", choices.tiers],
  ];
  return lists
    .filter(([value, , values]) => given(value) && !values.some((v) => same(v, value) || TIERS.some((t) => same(t.name, value) && t.id === v)))
    .map(([, what, values]) => ` The workbook's ${what}: ${values.length ? values.join(", ") : "none"}.`)
    .join("");
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Longest file name kept before the extension, in UTF-8 bytes: inside every file system's 255-byte limit. */
const MAX_NAME_BYTES = 200;
const utf8 = new TextEncoder();

/**
 * A file name that Windows, macOS and Linux all accept: no `<>:"/\|?*` or control characters (nor
 * a lone UTF-16 surrogate), no trailing dot or space, not a reserved device name, at most
 * MAX_NAME_BYTES before the extension.
 */
export function safeFileName(stem: string, extension: string): string {
  let name = stem
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  if (utf8.encode(name).length > MAX_NAME_BYTES) {
    const kept: string[] = [];
    let bytes = 0;
    for (const c of name) {
      bytes += utf8.encode(c).length;
      if (bytes > MAX_NAME_BYTES) break;
      kept.push(c);
    }
    name = kept.join("").trimEnd();
  }
  name = name.replace(/[. ]+$/, "");
  if (!name) name = "_";
  if (RESERVED.test(name.split(".")[0])) name = `_${name}`;
  return `${name}${extension}`;
}

/** `<PartnerId> <Partner name> <quarter>.pptx`, made safe for every OS. */
export function deckFileName(partner: PartnerRecord, quarter: string): string {
  return safeFileName(`${partner.id} ${partner.name} ${quarter}`, ".pptx");
}

/** Lets the page paint and handle input between decks. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Why a partner's deck is missing, in index.csv: a review the engine refuses says why in its own
 * words; anything else is a fault of ours, said plainly (its details go to the console).
 */
function unexpected(partner: PartnerRecord, e: unknown): string {
  console.error(`PartnerFit: the QBR deck of ${partner.id} could not be made`, e);
  return "the deck could not be made: an unexpected error in the deck writer (the partner's QBR tab shows the review; please report this partner)";
}

/**
 * Makes each matching partner's deck and hands it to `onDeck` (which may write it somewhere), one
 * at a time. A partner whose review cannot be built is skipped with the reason. Throws
 * QbrBatchError for a bad quarter or when no partner matches; resolves as cancelled when `signal`
 * fires (checked between decks).
 */
export async function eachDeck(
  data: PartnerData,
  options: QbrBatchOptions,
  onDeck: (deck: QbrDeckFile & { bytes: Uint8Array }) => void | Promise<void>,
): Promise<QbrDecksResult> {
  const quarter = batchQuarter(options.quarter);
  const partners = matchingPartners(data, options.filter);
  if (!partners.length) {
    if (!data.partners.length) throw new QbrBatchError("The workbook has no partners: the Partners table is empty or missing.");
    throw new QbrBatchError(`No partner matches ${filterText(options.filter)}.${unknownValues(data, options.filter)}`);
  }
  const total = partners.length;
  const files: QbrDeckFile[] = [];
  const skipped: QbrSkipped[] = [];
  const used = new Set<string>();
  const { signal, onProgress } = options;
  onProgress?.({ done: 0, total, partner: null });
  for (const [i, partner] of partners.entries()) {
    if (signal?.aborted) return { status: "cancelled", quarter, done: i, total };
    let deck: (QbrDeckFile & { bytes: Uint8Array }) | undefined;
    try {
      // A partner taken out of the table while the batch ran (the list it started from still has it).
      const review = data.partner(partner.id) ? buildQbr(qbrInput(data, partner.id, quarter)) : undefined;
      if (!review) skipped.push({ partner, reason: `${partner.id} is no longer in the Partners table` });
      else if (isEngineError(review)) skipped.push({ partner, reason: review.message });
      else {
        const bytes = await deckBytes(review);
        let file = deckFileName(partner, quarter);
        // Two partners whose names differ only by characters a file name cannot hold, or by case.
        for (let n = 2; used.has(file.toLowerCase()); n++) file = deckFileName(partner, quarter).replace(/\.pptx$/, ` (${n}).pptx`);
        used.add(file.toLowerCase());
        deck = { partner, file, bytes };
      }
    } catch (e) {
      skipped.push({ partner, reason: unexpected(partner, e) });
    }
    if (deck) {
      // Where the deck goes (a folder, the zip) is not the partner's doing: a failure there (a full
      // disk, a folder that cannot be written) stops the batch with its own message.
      await onDeck(deck);
      files.push({ partner, file: deck.file });
    }
    onProgress?.({ done: i + 1, total, partner });
    await yieldToEventLoop();
  }
  if (signal?.aborted) return { status: "cancelled", quarter, done: total, total };
  return { status: "done", quarter, total, files, skipped };
}

/** A CSV field, quoted when needed; text that a spreadsheet would run as a formula is kept as text. */
function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The zip's index: one row per partner of the filter, its deck's file or why it has none. */
export function indexCsv(quarter: string, files: readonly QbrDeckFile[], skipped: readonly QbrSkipped[]): string {
  const lines = [...files.map((f) => [f.partner.id, f.partner.name, quarter, f.file, ""]), ...skipped.map((s) => [s.partner.id, s.partner.name, quarter, "", s.reason])];
  lines.sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }));
  const rows = [["PartnerId", "Partner", "Quarter", "File", "Skipped because"], ...lines];
  // A byte-order mark, so that Excel reads the names as UTF-8.
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The zip's own name: `QBR <quarter> <filter>.zip`. */
export function zipFileName(quarter: string, filter: QbrFilter = {}): string {
  const what = filterText(filter);
  return safeFileName(`QBR ${quarter} ${what === "all partners" ? "all partners" : what.replace(/,/g, "")}`, ".zip");
}

/** The workbook's partner records, from the bytes of an .xlsx file (throws WorkbookOpenError when it is not one). */
export async function partnerDataOf(bytes: Uint8Array): Promise<PartnerData> {
  const [{ PartnerWorkbook }, { XlsxAdapter }] = await Promise.all([import("../workbook/workbook"), import("../workbook/xlsx")]);
  return new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(bytes))).snapshot);
}

/**
 * Every matching partner's deck in one .zip, with index.csv. The decks' parts are deflated inside
 * each deck (`deckBytes`), so the zip stores the decks as they are.
 */
export async function qbrZip(source: PartnerData | Uint8Array, options: QbrBatchOptions): Promise<QbrZipResult> {
  const data = source instanceof PartnerData ? source : await partnerDataOf(source);
  const parts: ZipPart[] = [];
  const result = await eachDeck(data, options, async ({ file, bytes }) => {
    parts.push({ name: file, stored: await storedAsIs(bytes) });
  });
  if (result.status === "cancelled") return result;
  parts.unshift({ name: INDEX_FILE, bytes: new TextEncoder().encode(indexCsv(result.quarter, result.files, result.skipped)) });
  const zip = await writeZip(parts);
  if (options.signal?.aborted) return { status: "cancelled", quarter: result.quarter, done: result.total, total: result.total };
  return { ...result, zip, fileName: zipFileName(result.quarter, options.filter) };
}
