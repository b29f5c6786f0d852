// Browser mode opening its sample from the web server (dist/app.html) in Chromium: where the server
// answers range requests, the partner list is drawn from the pieces of the file that hold its
// tables and the whole file is downloaded after; where it does not, from the whole file. Either way
// Save as… gives the file back byte for byte; a file that changed on the server between the pieces
// and the whole is refused for saving, with a message, and nothing is downloaded.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { type StaticServer, serve } from "../browser/server";
import { TABLES_READ_MARK } from "../../addin/taskpane/marks";

const DIST = path.resolve(__dirname, "../../dist");
const SAMPLE = path.join(DIST, "partners.xlsx");
const WORKBOOK = "/partners.xlsx";

interface Served {
  at: number;
  range?: [number, number];
}

describe.skipIf(!browserAvailable)("the sample workbook opened from the web server (browser mode, Chromium)", () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    browser = server = undefined;
  });

  /** Opens app.html on a server that answers range requests or not; the requests for the workbook, and when the list showed. */
  async function open(ranges: boolean | "last") {
    const served: Served[] = [];
    // Nothing kept by the browser: with the pieces in its cache, it would ask only for the bytes it lacks when the whole file is downloaded.
    server = await serve(DIST, { ranges, cache: false, onRequest: (file, range) => file === WORKBOOK && served.push({ at: Date.now(), range }) });
    browser = await launch();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}app.html`);
    await page.locator("[data-partner]").first().waitFor({ timeout: 60_000 });
    // When the list's tables were read, on the clock the server's log uses.
    const tablesRead = Number(await page.evaluate(`performance.timeOrigin + performance.getEntriesByName(${JSON.stringify(TABLES_READ_MARK)})[0].startTime`));
    return { page, served, errors, tablesRead };
  }

  async function saveAs(page: import("playwright-core").Page): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    return fs.readFileSync((await download.path())!);
  }

  it("draws the partner list from the pieces that hold its tables, downloads the whole file after, and saves it back byte for byte", async () => {
    const { page, served, errors, tablesRead } = await open(true);
    const size = fs.statSync(SAMPLE).size;
    const before = served.filter((s) => s.at <= tablesRead - 2);
    expect(before.length).toBeGreaterThan(1);
    // Until the list's tables are read: pieces only, well short of the whole file.
    expect(before.every((s) => s.range)).toBe(true);
    const read = before.reduce((sum, s) => sum + s.range![1] - s.range![0], 0);
    expect(read).toBeLessThan(size * 0.6);
    // The whole file follows (the server's clock and the page's may differ by a millisecond).
    await expect.poll(() => served.filter((s) => !s.range).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(served.find((s) => !s.range)!.at).toBeGreaterThanOrEqual(tablesRead - 2);
    // Every table is read (a partner opens with all its tabs) and the file comes back as it was,
    // downloaded whole once.
    await page.locator("[data-partner]").first().click();
    await page.getByTestId("partner-name").waitFor();
    expect((await saveAs(page)).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(served.filter((s) => !s.range)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("reads the whole file where the server does not answer range requests, and saves it back byte for byte", async () => {
    const { page, served, errors } = await open(false);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((s) => !s.range)).toBe(true);
    expect((await saveAs(page)).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("reads the whole file on the page where the server answers a request for the last bytes but not for pieces, and saves it back byte for byte", async () => {
    const { page, served, errors } = await open("last");
    // The last bytes, the first piece refused (the whole file came instead), then the page's own download.
    expect(served.filter((s) => s.range)).toHaveLength(1);
    expect(served.filter((s) => !s.range).length).toBeGreaterThanOrEqual(2);
    await page.locator("[data-partner]").first().click();
    await page.getByTestId("partner-name").waitFor();
    expect((await saveAs(page)).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("refuses to save a file that changed on the server between its pieces and the whole, and says so", async () => {
    const changed = Buffer.concat([fs.readFileSync(SAMPLE), Buffer.from("changed")]);
    const served: Served[] = [];
    server = await serve(DIST, { onRequest: (file, range) => file === WORKBOOK && served.push({ at: Date.now(), range }) });
    browser = await launch();
    // The whole file, asked for after the pieces, is another file now.
    await browser.context.route(`**${WORKBOOK}`, (route) => (route.request().headers().range ? route.continue() : route.fulfill({ status: 200, body: changed })));
    const page = await browser.context.newPage();
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.goto(`${server.url}app.html`);
    await page.locator("[data-partner]").first().waitFor({ timeout: 60_000 });
    // The other tables cannot be read from it: the pane says so, and that nothing can be saved.
    const alert = page.getByRole("alert").filter({ hasText: "it changed on the server while it was being opened" });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain("nothing can be saved");
    await page.getByRole("button", { name: "Save as…" }).click();
    const status = page.getByRole("status").filter({ hasText: "could not be loaded in full" });
    await status.waitFor();
    expect(await status.textContent()).toBe("The workbook could not be loaded in full (it changed on the server while it was being opened): open it again to save it.");
    await page.screenshot({ path: path.join(SCREENSHOTS, "open-in-pieces-changed.png"), fullPage: true });
    expect(downloads).toEqual([]);
  });
});
