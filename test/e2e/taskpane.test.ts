// The task pane page inside Excel (dist/taskpane.html) in headless Chromium, with a stand-in for
// office.js: the shared runtime registers the custom functions in the same page, the pane reads the
// workbook through Office.js, writes an audit back in two syncs (a check and a write), and follows the Office theme.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { type StaticServer, serve } from "../browser/server";
import { type StubTable, officeStub } from "./office-stub";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const WORKBOOK: StubTable[] = [
  {
    name: "Partners",
    headers: ["PartnerId", "Name", "Region", "Territory", "ChannelManager"],
    rows: [
      ["P1", "Northwind Systems Ltd", "EMEA", "UK & Ireland", "Amelia Hart"],
      ["P2", "Bluepeak Cloud GmbH", "EMEA", "DACH", "Jonas Becker"],
    ],
  },
  { name: "Audit", headers: ["PartnerId", "Area", "Criterion", "Rating", "Date"], rows: [["P1", "Ability to deliver", "Energy invested", 4, 46295]] },
];

describe.skipIf(!browserAvailable)("task pane in Excel (Chromium with an Office stand-in)", () => {
  let server: StaticServer;
  let browser: Browser;
  const outside: string[] = [];
  let background = "#ffffff";

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    await browser.context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: officeStub(background, WORKBOOK) });
      outside.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(theme = "#ffffff"): Promise<Page> {
    background = theme;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("partner-count").waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  it("registers every custom function in the task pane's page (shared runtime)", async () => {
    const page = await open();
    const ids = await page.evaluate(() => Object.keys((window as any).CustomFunctions.associated).sort());
    const listed = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../dist/functions.json"), "utf8")).functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual([...listed].sort());
    expect(await page.evaluate(() => (window as any).CustomFunctions.associated.SCORE([[5, 1]], null, null))).toBe(50);
    await page.close();
  });

  it("reads the workbook through Office.js in one sync (after two looking for #NAME? formulas) and saves an audit in two more", async () => {
    const page = await open();
    expect(await page.evaluate(() => (window as any).__syncs)).toBe(3);
    expect(await page.getByTestId("partner-count").textContent()).toBe("2 partners");
    await page.getByRole("button", { name: /Northwind Systems Ltd/ }).click();
    const group = page.getByRole("group", { name: "Ability to deliver" });
    await page.getByLabel("Audit date").fill("2026-10-15");
    await group.getByRole("radiogroup", { name: "Scale of the organisation" }).getByRole("radio", { name: "5 of 5" }).check({ force: true });
    await group.getByRole("radiogroup", { name: "Trust and transparency" }).getByRole("radio", { name: "3 of 5" }).check({ force: true });
    expect(await page.getByTestId("overall-score").textContent()).toBe("75");
    expect(await page.getByTestId("area-score-ability").textContent()).toBe("75");
    await page.getByRole("button", { name: "Save audit" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the audit" }).waitFor();
    expect(await page.evaluate(() => (window as any).__syncs)).toBe(5);
    const audit = await page.evaluate(() => (window as any).__workbook.find((t: { name: string }) => t.name === "Audit").rows);
    // The new audit starts from the last one (Energy invested 4), and adds the two new ratings.
    expect(audit.slice(1)).toEqual([
      ["P1", "Ability to deliver", "Scale of the organisation", 5, 46310],
      ["P1", "Ability to deliver", "Energy invested", 4, 46310],
      ["P1", "Ability to deliver", "Trust and transparency", 3, 46310],
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "excel-audit.png"), fullPage: true });
    await page.close();
  });

  it("follows a dark Office theme", async () => {
    const page = await open("#1f1f1f");
    const color = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: path.join(SCREENSHOTS, "excel-dark.png") });
    await page.close();
  });

  it("sends no request anywhere but its own origin and Office's script", () => {
    expect(outside).toEqual([]);
  });
});
