// Every partner's QBR deck at once on the sample workbook: the zip and its index, the filters
// against the Partners table read apart from PartnerFit, progress, cancel, and safe file names.
import fc from "fast-check";
import JSZip from "jszip";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import {
  INDEX_FILE,
  QbrBatchError,
  deckFileName,
  eachDeck,
  filterChoices,
  matchingPartners,
  qbrZip,
  safeFileName,
} from "../../addin/qbr/batch";
import { summariseForList } from "../../addin/taskpane/model/summary";
import type { PartnerData } from "../../addin/workbook/records";
import { type PartnerRow, samplePartnerRows } from "./partners-table";
import { sampleRecords } from "./support";

const QUARTER = "2026-Q4";
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
const firstSlide = async (deck: Uint8Array) => texts(await (await JSZip.loadAsync(deck)).file("ppt/slides/slide1.xml")!.async("string"));

let data: PartnerData;
let rows: PartnerRow[];
beforeAll(async () => {
  data = await sampleRecords();
  rows = await samplePartnerRows();
});

describe("the QBR decks of every partner as one zip", () => {
  it("holds a deck per partner of the sample, named by id, name and quarter, and an index of them", async () => {
    const progress: [number, number][] = [];
    const result = await qbrZip(data, { quarter: "Q4 2026", onProgress: (p) => progress.push([p.done, p.total]) });
    if (result.status !== "done") throw new Error("cancelled");
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(result.quarter).toBe(QUARTER);
    expect(result.total).toBe(rows.length);
    expect(result.skipped).toEqual([]);

    const zip = await JSZip.loadAsync(result.zip);
    const names = Object.keys(zip.files);
    expect(names.filter((n) => n.endsWith(".pptx")).sort()).toEqual(rows.map((r) => `${r.id} ${r.name} ${QUARTER}.pptx`).sort());
    expect(names).toContain(INDEX_FILE);

    // The index: a row per partner with its file; the byte-order mark lets Excel read the names as UTF-8.
    const csv = await zip.file(INDEX_FILE)!.async("string");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const index = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(index.map((r) => [r.PartnerId, r.Partner, r.File])).toEqual(rows.map((r) => [r.id, r.name, `${r.id} ${r.name} ${QUARTER}.pptx`]));

    // Decks are whole presentations about their own partner.
    for (const r of [rows[0], rows[Math.floor(rows.length / 2)], rows.at(-1)!]) {
      const deck = await zip.file(`${r.id} ${r.name} ${QUARTER}.pptx`)!.async("uint8array");
      const words = await firstSlide(deck);
      expect(words).toContain(r.name);
      expect(words.join(" ")).toContain(QUARTER);
    }

    // Progress: from 0 to the total, one step per deck.
    expect(progress).toEqual(Array.from({ length: rows.length + 1 }, (_, i) => [i, rows.length]));
  }, 300_000);

  it("lists a partner whose review cannot be built in the index, with why, and goes on", async () => {
    const broken = data.partners[1];
    // A partner id the workbook does not know: what a record edited away under the batch would give.
    // (The lookup by id is built from the real list first, so that it stays without the stray id.)
    expect(data.partner(broken.id)).toBeDefined();
    const stray = Object.create(data, { partners: { value: [data.partners[0], { ...broken, id: "P-GONE" }] } }) as PartnerData;
    const result = await qbrZip(stray, { quarter: QUARTER });
    if (result.status !== "done") throw new Error("cancelled");
    expect(result.files.map((f) => f.partner.id)).toEqual([data.partners[0].id]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0].partner.id).toBe("P-GONE");
    const csv = await (await JSZip.loadAsync(result.zip)).file(INDEX_FILE)!.async("string");
    const index = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    const gone = index.find((r) => r.PartnerId === "P-GONE")!;
    expect(gone.File).toBe("");
    expect(gone["Skipped because"]).toBe("P-GONE is no longer in the Partners table");
  }, 60_000);
});

describe("a deck that fails for a reason of ours", () => {
  it("is listed in the index in plain words, not with the error's own text, and the batch goes on", async () => {
    const partners = data.partners.slice(0, 3);
    const made: string[] = [];
    // A fault while gathering the second partner's review (once): what a bug of ours would give.
    let faulted = false;
    const faulty = Object.create(data, {
      partners: { value: partners },
      metricsOf: {
        value: (id: string) => {
          if (id === partners[1].id && !faulted) {
            faulted = true;
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
          }
          return data.metricsOf(id);
        },
      },
    }) as PartnerData;
    const result = await eachDeck(faulty, { quarter: QUARTER }, (deck) => {
      made.push(deck.partner.id);
    });
    if (result.status !== "done") throw new Error("cancelled");
    expect(made).toEqual([partners[0].id, partners[2].id]);
    expect(result.skipped.map((s) => s.partner.id)).toEqual([partners[1].id]);
    expect(result.skipped[0].reason).toMatch(/^the deck could not be made: an unexpected error/);
    expect(result.skipped[0].reason).not.toMatch(/Cannot read|undefined/);
  }, 60_000);

  it("stops the batch with its own error when a deck cannot be written where it goes (a full disk, say)", async () => {
    const partners = data.partners.slice(0, 3);
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    let calls = 0;
    const run = eachDeck(Object.create(data, { partners: { value: partners } }) as PartnerData, { quarter: QUARTER }, () => {
      calls++;
      throw full;
    });
    await expect(run).rejects.toBe(full);
    expect(calls).toBe(1);
  }, 60_000);
});

describe("the batch's filter", () => {
  it("by region makes exactly the decks of that region's partners in the Partners table", async () => {
    const regions = [...new Set(rows.map((r) => r.region))];
    expect(regions.length).toBeGreaterThan(1);
    const region = regions.sort((a, b) => rows.filter((r) => r.region === a).length - rows.filter((r) => r.region === b).length)[0];
    const expected = rows.filter((r) => r.region === region).map((r) => r.id);
    expect(expected.length).toBeLessThan(rows.length);
    const made: string[] = [];
    // Any case: the region as someone types it.
    const result = await eachDeck(data, { quarter: QUARTER, filter: { region: region.toLowerCase() } }, ({ partner, bytes }) => {
      expect(bytes.length).toBeGreaterThan(0);
      made.push(partner.id);
    });
    expect(result.status).toBe("done");
    expect(made).toEqual(expected);
  }, 300_000);

  it("by channel manager and by tier (as the partner list shows it) picks the matching partners, all filters together", () => {
    const manager = rows[0].manager;
    expect(matchingPartners(data, { manager }).map((p) => p.id)).toEqual(rows.filter((r) => r.manager === manager).map((r) => r.id));
    const listed = data.partners.map((p) => summariseForList(data, p));
    const tier = listed.find((s) => s.tier)!.tier!;
    expect(matchingPartners(data, { tier }).map((p) => p.id)).toEqual(listed.filter((s) => s.tier === tier).map((s) => s.partner.id));
    const both = matchingPartners(data, { tier, region: rows[0].region, manager });
    expect(both.map((p) => p.id)).toEqual(
      listed.filter((s) => s.tier === tier && s.partner.region === rows[0].region && s.partner.channelManager === manager).map((s) => s.partner.id),
    );
    expect(filterChoices(data).regions).toEqual([...new Set(rows.map((r) => r.region))].sort((a, b) => a.localeCompare(b)));
  });

  it("refuses a quarter that is not one, and a filter nobody matches, naming the workbook's values", async () => {
    const none = () => {};
    await expect(eachDeck(data, { quarter: "2026-13" }, none)).rejects.toThrow(QbrBatchError);
    await expect(eachDeck(data, { quarter: "46000" }, none)).rejects.toThrow(/not a quarter/);
    const regions = [...new Set(rows.map((r) => r.region))];
    const error = await eachDeck(data, { quarter: QUARTER, filter: { region: "Atlantis" } }, none).catch((e: Error) => e);
    expect(error).toBeInstanceOf(QbrBatchError);
    expect((error as Error).message).toMatch(/^No partner matches region Atlantis\./);
    for (const r of regions) expect((error as Error).message).toContain(r);
  });
});

describe("cancelling the batch", () => {
  it("stops after the deck it was cancelled on, makes no zip, and says how far it got", async () => {
    const controller = new AbortController();
    let decks = 0;
    const result = await qbrZip(data, {
      quarter: QUARTER,
      signal: controller.signal,
      onProgress: ({ done }) => {
        decks = done;
        if (done === 3) controller.abort();
      },
    });
    expect(result).toEqual({ status: "cancelled", quarter: QUARTER, done: 3, total: rows.length });
    expect(decks).toBe(3);
    expect("zip" in result).toBe(false);
  }, 60_000);

  it("makes nothing when cancelled before it starts", async () => {
    let made = 0;
    const result = await eachDeck(data, { quarter: QUARTER, signal: AbortSignal.abort() }, () => void made++);
    expect(result).toMatchObject({ status: "cancelled", done: 0 });
    expect(made).toBe(0);
  });

  it("lets other work run between decks", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    try {
      await eachDeck(data, { quarter: QUARTER, filter: { manager: rows[0].manager } }, () => void seen.push(ticks));
    } finally {
      clearInterval(timer);
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  }, 120_000);
});

describe("deck file names", () => {
  it("are <PartnerId> <Partner name> <quarter>.pptx with what a file system refuses replaced", () => {
    const partner = { ...data.partners[0], id: "P9", name: 'A/B: "C" <D>|E?*F\\G. ' };
    expect(deckFileName(partner, QUARTER)).toBe("P9 A_B_ _C_ _D__E__F_G. 2026-Q4.pptx");
    expect(safeFileName("CON", ".pptx")).toBe("_CON.pptx");
    expect(safeFileName("report...  ", ".pptx")).toBe("report.pptx");
    expect(safeFileName("", ".pptx")).toBe("_.pptx");
  });

  it("are safe for Windows, macOS and Linux whatever the partner's name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const file = safeFileName(name, ".pptx");
        const stem = file.slice(0, -5);
        expect(file.endsWith(".pptx")).toBe(true);
        expect(stem).not.toMatch(/[\u0000-\u001f<>:"/\\|?*]/);
        expect(stem).not.toMatch(/[. ]$/);
        expect(stem.length).toBeGreaterThan(0);
        expect(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(stem)).toBe(false);
        expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(255);
      }),
    );
  });
});
