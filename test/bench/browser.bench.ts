// Browser mode on a 5,000-partner workbook: from navigation to the rendered partner list in headless
// Chromium (target under 1.5 s); a change saved and Save as, in Chromium through the pane and in
// Node (targets ≤ 1 s each), beside exceljs loading and writing the same file (the writer they
// replace); reading the file with the fast reader against exceljs; and the bundles' gzip sizes
// against their targets (task pane ≤ 250 KB initial, functions.js ≤ 60 KB).
//
// The workbook is the sample workbook generated for 5,000 partners (every table, the PartnerScores
// formulas and the analysis sheets; about 13 MB), written once into node_modules/.cache/partnerfit/
// and reused while the generator's sources are unchanged.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { TABLES_READ_MARK } from "../../addin/taskpane/marks";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { buildSampleWorkbook, sampleData } from "../../samples/generate";
import { CHROMIUM, launch } from "../browser/chromium";
import { serve } from "../browser/server";
import buildIfStale from "../setup/build";
import { type Timing, measureAsync, ms, report } from "./measure";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(root, "dist");
const PARTNERS = 5000;
const RUNS = 7;
const TARGET_MS = 1500;
const KB = 1000;

const SAVE_TARGET_MS = 1000;

/** The first screen's figure before the partner list's tables were read first, by workers (quiet machine). */
const PREVIOUS_FIRST_SCREEN = "was 1.56 s downloading the whole file first (7 Dec), 1.70 s with the download asked for once the page was ready, 3.7–4.2 s with every table read on the page";

const READERS = ["xlsx.ts", "xlsx-read.ts", "zip.ts", "zip-write.ts", "package.ts", "worksheet.ts", "office.ts", "remote-file.ts", "read-worker.ts", "read-off-thread.ts"];

/** Every file whose change may change the generated workbook. */
function generatorHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      // The file readers and writers do not change what is generated.
      else if (entry.name.endsWith(".ts") && !READERS.includes(entry.name)) hash.update(file).update(fs.readFileSync(file));
    }
  };
  for (const dir of ["samples", "engine", "addin/workbook", "addin/taskpane/model"]) walk(path.join(root, dir));
  hash.update(fs.readFileSync(path.join(root, "package-lock.json")));
  return hash.digest("hex").slice(0, 12);
}

/** The 5,000-partner workbook, generated on first use. */
async function largeWorkbook(): Promise<string> {
  const dir = path.join(root, "node_modules/.cache/partnerfit");
  const file = path.join(dir, `partners-${PARTNERS}-${generatorHash()}.xlsx`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`partners-${PARTNERS}-`))) fs.rmSync(path.join(dir, old));
  console.log(`Generating the ${PARTNERS.toLocaleString("en-US")}-partner workbook once (about a minute)...`);
  fs.writeFileSync(file, await buildSampleWorkbook(sampleData(2026, PARTNERS)));
  return file;
}

interface PageRun {
  /** Navigation start to the first frame with the partner list in the page. */
  list: number;
  /** Navigation start to the last byte of the scripts the page asked for before the list's tables were read. */
  scripts: number;
  /** Navigation start to the list's tables read (downloaded and read by the reading workers). */
  tables: number;
  /** Navigation start to the rest of the workbook read (the views that wait for it usable). */
  whole: number;
  /** The scripts of dist/ the page loaded before the list showed (workers' included). */
  files: string[];
  /** Requests for the workbook and their bytes, up to the list's tables read. */
  pieces: { requests: number; bytes: number };
}

/**
 * Opens app.html on the workbook RUNS times (after a warm-up) in headless Chromium: with the
 * browser's caches off (a first visit: every script and the workbook downloaded, scripts compiled),
 * or on (a repeat visit).
 */
async function openToList(workbookFile: string, cached: boolean): Promise<{ runs: PageRun[]; partners: string }> {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-bench-"));
  fs.cpSync(DIST, site, { recursive: true });
  fs.copyFileSync(workbookFile, path.join(site, "partners.xlsx"));
  // The workbook's requests, on the clock of the page's `timeOrigin + now()`. A first visit keeps
  // nothing (Chromium's cache would otherwise serve the workbook's reading workers from run to run).
  let served: { at: number; bytes: number }[] = [];
  const size = fs.statSync(workbookFile).size;
  const server = await serve(site, { cache: cached, onRequest: (file, range) => file === "/partners.xlsx" && served.push({ at: Date.now(), bytes: range ? range[1] - range[0] : size }) });
  const browser = await launch();
  try {
    const runs: PageRun[] = [];
    let partners = "";
    for (let i = 0; i <= RUNS; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: !cached });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      served = [];
      await page.goto(`${server.url}app.html`);
      // Checked on every animation frame: the time is that of the first frame that has the list.
      const listed = await page.waitForFunction("document.querySelector('[data-partner]') ? performance.now() : 0", undefined, { polling: "raf", timeout: 120_000 });
      const list = Number(await listed.jsonValue());
      // (The workbook itself is downloaded by the reading workers, off the page's timeline.)
      const loaded: [string, number][] = JSON.parse(
        String(await page.evaluate(`JSON.stringify(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd <= ${list}).map((e) => [e.name.split('/').pop(), e.responseEnd]))`)),
      );
      const files = [...new Set(loaded.map(([name]) => name))];
      const tables = Number(await page.evaluate(`performance.getEntriesByName(${JSON.stringify(TABLES_READ_MARK)})[0]?.startTime ?? NaN`));
      const tablesAt = Number(await page.evaluate("performance.timeOrigin")) + tables;
      const early = served.filter((s) => s.at <= tablesAt);
      const pieces = { requests: early.length, bytes: early.reduce((n, s) => n + s.bytes, 0) };
      // The page's own scripts: those asked for before the tables were in (the list asks for a few more as it draws).
      const scripts = Number(
        await page.evaluate(`Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime < ${tables}).map((e) => e.responseEnd))`),
      );
      // The partner view waits for the rest of the workbook: once a partner opens, all is read.
      await page.locator("[data-partner]").first().click();
      await page.getByTestId("partner-name").waitFor({ timeout: 120_000 });
      const whole = Number(await page.evaluate("performance.now()"));
      partners = (await page.getByTestId("partner-count").textContent()) ?? "";
      if (errors.length) throw new Error(`the page failed: ${errors.join("; ")}`);
      if (i > 0) runs.push({ list, scripts, tables, whole, files, pieces });
      await page.close();
    }
    return { runs, partners };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
}

/** The page has been idle: no long task (over 50 ms) on its main thread for `ms` (at most 30 s of waiting). */
const idleFor = (page: import("playwright-core").Page, ms: number) =>
  // A string, not a function: the benchmark's TypeScript runner decorates functions with helpers the page lacks.
  page.evaluate(`new Promise((resolve) => {
    let last = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) last = Math.max(last, entry.startTime + entry.duration);
    });
    observer.observe({ type: "longtask", buffered: true });
    const started = performance.now();
    const check = () => {
      if (performance.now() - last >= ${ms} || performance.now() - started > 30000) {
        observer.disconnect();
        resolve();
      } else setTimeout(check, 100);
    };
    check();
  })`);

interface SaveRun {
  /** A partner's audit saved as soon as the list is on screen (the pane still getting ready). */
  now: number;
  /** The same on a page left idle first, as while a user rates the audit. */
  idle: number;
  next: number;
  /** Save as right after a change, and after the page was idle since it. */
  saveAsNow: number;
  saveAsIdle: number;
}

/**
 * In app.html on the workbook, 3 times: a partner's audit rated and saved — at once, and on a page
 * left idle —, another change, Save as right after it and after the page was idle; each timed from
 * the click to the pane saying it saved, or to the download's last byte.
 */
async function saveInBrowser(workbookFile: string): Promise<SaveRun[]> {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-bench-"));
  fs.cpSync(DIST, site, { recursive: true });
  fs.copyFileSync(workbookFile, path.join(site, "partners.xlsx"));
  const server = await serve(site);
  const browser = await launch();
  try {
    const runs: SaveRun[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const open = async () => {
        await page.goto(`${server.url}app.html`);
        await page.locator("[data-partner]").first().click();
        await page.getByRole("tab", { name: "Audit", exact: true }).click();
      };
      const rate = async (stars: number, date: string) => {
        await page.getByLabel("Audit date").fill(date);
        await page.getByRole("radio", { name: `${stars} of 5` }).first().check({ force: true });
        const start = performance.now();
        await page.getByRole("button", { name: "Save audit" }).click();
        await page.getByRole("status").filter({ hasText: `Saved the audit of ${date}` }).waitFor({ timeout: 120_000 });
        return performance.now() - start;
      };
      const saveAs = async () => {
        const start = performance.now();
        const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Save as…" }).click()]);
        await download.path();
        return performance.now() - start;
      };
      await open();
      const now = await rate(3, "2026-12-28");
      await open();
      await idleFor(page, 1000);
      const idle = await rate(3, "2026-12-29");
      const next = await rate(4, "2026-12-30");
      const saveAsNow = await saveAs();
      await rate(5, "2026-12-31");
      await idleFor(page, 1000);
      const saveAsIdle = await saveAs();
      if (errors.length) throw new Error(`the page failed: ${errors.join("; ")}`);
      runs.push({ now, idle, next, saveAsNow, saveAsIdle });
      await page.close();
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
}

const timing = (values: number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], runs: sorted.length };
};

/** Gzip size (level 9) of a file of dist/. */
const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
const scriptsOf = (html: string) => [...fs.readFileSync(path.join(DIST, html), "utf8").matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]).filter((src) => !src.startsWith("http"));

function bundles(): void {
  const taskpane = scriptsOf("taskpane.html");
  const app = scriptsOf("app.html");
  const initial = new Set([...taskpane, ...app]);
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const verdict = (bytes: number, target: number) => `${kb(bytes)} gzip, target ≤ ${target} KB: ${bytes <= target * KB ? "within" : "OVER"}`;
  const lines = [
    ...["taskpane.js", "app.js"].map((f) => ({ name: `${f} (initial script of ${f === "app.js" ? "app.html" : "taskpane.html"})`, note: verdict(gzip(f), 250) })),
    { name: "functions.js", note: verdict(gzip("functions.js"), 60) },
    { name: "taskpane.html, all its scripts", note: `${kb(taskpane.reduce((n, f) => n + gzip(f), 0))} gzip (${taskpane.join(" + ")})` },
    ...fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith(".js") && !initial.has(f))
      .sort()
      .map((f) => ({ name: `${f} (loaded when needed)`, note: `${kb(gzip(f))} gzip, ${kb(fs.statSync(path.join(DIST, f)).size)} minified` })),
  ];
  report("Bundles (dist/, gzip -9)", lines);
}

export default async function browserBench() {
  buildIfStale();
  bundles();
  const file = await largeWorkbook();
  const bytes = new Uint8Array(fs.readFileSync(file));

  // Node: the fast reader against exceljs on the same file; a change saved and Save as, against
  // exceljs loading and writing the file (what the first change and Save as cost with it).
  const open = await measureAsync(async () => PartnerWorkbook.open(await XlsxAdapter.open(bytes)), { runs: 3, warmup: 1 });
  const exceljs = await measureAsync(async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer), { runs: 1, warmup: 0 });
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
  const exceljsWrite = await measureAsync(async () => loaded.xlsx.writeBuffer(), { runs: 1, warmup: 0 });
  const runsOf = async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      for (const ready of [false, true]) {
        const adapter = await XlsxAdapter.open(bytes);
        const workbook = await PartnerWorkbook.open(adapter);
        // What the page does while it is idle after opening, and after a save.
        if (ready) await workbook.warm();
        const id = String(workbook.snapshot.tables.get("Partners")!.rows[i][0]);
        const t0 = performance.now();
        await workbook.save([
          { table: "Partners", key: { PartnerId: id }, set: { Status: "Active" } },
          { table: "Audit", key: { PartnerId: id, Area: "Ability to deliver", Criterion: "Energy invested", Date: "2026-12-31" }, set: { Rating: 4 } },
        ]);
        const t1 = performance.now();
        if (ready) await workbook.prepareSave();
        const t2 = performance.now();
        const out = await adapter.save();
        runs.push({ ready, change: t1 - t0, saveAs: performance.now() - t2, size: out.length });
      }
    }
    return runs;
  };
  const runs = await runsOf();
  const size = `${(bytes.length / 1e6).toFixed(1)} MB, ${PARTNERS.toLocaleString("en-US")} partners`;
  report(
    `Opening the ${PARTNERS.toLocaleString("en-US")}-partner workbook in Node (${size})`,
    [
      { name: "fast reader and validation (what opening does)", timing: open },
      { name: "exceljs loading the same file (what opening did)", timing: exceljs },
    ],
    "fast reader and validation (what opening does)",
  );
  const saveTarget = (t: Timing) => `target ≤ ${SAVE_TARGET_MS} ms: ${t.median <= SAVE_TARGET_MS ? "met" : "NOT met"}`;
  const of = (ready: boolean, pick: (r: (typeof runs)[number]) => number) => timing(runs.filter((r) => r.ready === ready).map(pick));
  const nodeRow = (name: string, t: Timing, note = "") => ({ name, timing: t, note: `${saveTarget(t)}${note}` });
  report(
    `Writing it in Node (a rating and a status changed, then Save as; median of 3)`,
    [
      nodeRow("a change saved, prepared while idle after opening (indexes, sheets)", of(true, (r) => r.change)),
      nodeRow("a change saved right after opening", of(false, (r) => r.change)),
      { name: "exceljs loading the file (what the first change waited for)", timing: exceljs },
      nodeRow("Save as, the changed parts deflated while idle", of(true, (r) => r.saveAs), `; ${(runs[0].size / 1e6).toFixed(1)} MB`),
      nodeRow("Save as right after the change", of(false, (r) => r.saveAs)),
      { name: "exceljs writing the file (what Save as did)", timing: exceljsWrite },
    ],
    "a change saved, prepared while idle after opening (indexes, sheets)",
  );

  if (!fs.existsSync(CHROMIUM)) {
    console.log(`\n(${CHROMIUM} is missing: the browser figures are skipped; apt-get install -y chromium)`);
    return;
  }
  const first = await openToList(file, false);
  const repeat = await openToList(file, true);
  const list = timing(first.runs.map((r) => r.list));
  const again = timing(repeat.runs.map((r) => r.list));
  const met = (t: Timing, before: string) => `target < ${TARGET_MS} ms: ${t.median < TARGET_MS ? "met" : "NOT met"}; fastest ${ms(t.min)}; ${before}`;
  report(`Browser mode: app.html to the rendered partner list ("${first.partners}"), headless Chromium, median of ${RUNS}`, [
    { name: "first visit (caches off): navigation → list on screen", timing: list, note: met(list, PREVIOUS_FIRST_SCREEN) },
    { name: "  navigation → the page's own scripts loaded", timing: timing(first.runs.map((r) => r.scripts)), note: "meanwhile two workers read the list's parts of the workbook" },
    { name: "  navigation → the list's tables read", timing: timing(first.runs.map((r) => r.tables)), note: "Partners with Metrics, and Engagement, side by side, from pieces of the file" },
    {
      name: "  the workbook read until then",
      note: `${(first.runs[0].pieces.bytes / 1e6).toFixed(2)} MB of ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${first.runs[0].pieces.requests} requests (its directory, then the parts the tables need); the whole file once the list is drawn`,
    },
    { name: "  tables read → list on screen", timing: timing(first.runs.map((r) => r.list - r.tables)), note: "records, tiers and segments, drawing" },
    { name: "  navigation → a partner opened, every table read", timing: timing(first.runs.map((r) => r.whole)), note: "the partner view waits for the other tables" },
    {
      name: "  scripts loaded before the list showed",
      note: `${(first.runs[0].files.reduce((n, f) => n + gzip(f), 0) / KB).toFixed(1)} KB gzip (${first.runs[0].files.join(" + ")})`,
    },
    { name: "repeat visit (caches on): navigation → list on screen", timing: again, note: met(again, "was 3.2–3.6 s") },
  ]);
  const saving = await saveInBrowser(file);
  const row = (name: string, values: number[]) => {
    const t = timing(values);
    return { name, timing: t, note: saveTarget(t) };
  };
  report(`Browser mode: saving on the same workbook through the pane, headless Chromium, median of ${saving.length}`, [
    row("first change, the page idle since opening: Save audit clicked → \"Saved\" shown", saving.map((r) => r.idle)),
    row("first change as soon as the list shows (the pane still getting ready)", saving.map((r) => r.now)),
    row("next change", saving.map((r) => r.next)),
    row("Save as… clicked → file downloaded, the page idle since the last change", saving.map((r) => r.saveAsIdle)),
    row("Save as… right after a change", saving.map((r) => r.saveAsNow)),
    { name: "with exceljs (before): first change 9–13 s, Save as 15–22 s on this workbook" },
  ]);
  console.log(`  (load average when done: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} on ${os.cpus().length} cores)`);
}
