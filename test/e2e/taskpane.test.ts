// The task pane page (dist/taskpane.html) in headless Chromium, with a stand-in for office.js:
// the shared runtime registers the custom functions in the same page, the Audit view scores live,
// it is keyboard usable and follows the Office theme.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS, browserAvailable, launch } from "../browser/chromium";
import { type StaticServer, serve } from "../browser/server";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What Office provides in the shared runtime: Office.onReady, the theme, CustomFunctions. */
const officeStub = (background: string) => `
  window.Office = {
    onReady(callback) { setTimeout(() => callback({ host: "Excel", platform: "OfficeOnline" }), 0); return Promise.resolve(); },
    context: { officeTheme: { bodyBackgroundColor: "${background}" } },
  };
  window.CustomFunctions = {
    associated: {},
    associate(id, fn) { this.associated[id] = fn; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  };`;

describe.skipIf(!browserAvailable)("task pane in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    await browser.context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: officeStub(background) });
      outside.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let background = "#ffffff";
  async function open(theme = "#ffffff"): Promise<Page> {
    background = theme;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole("heading", { name: "PartnerFit" }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  const criterion = (page: Page, area: string, label: string) =>
    page.getByRole("group", { name: area }).getByRole("radiogroup", { name: label });

  it("registers the custom functions in the task pane's page (shared runtime)", async () => {
    const page = await open();
    const ids = await page.evaluate(() => Object.keys((window as any).CustomFunctions.associated).sort());
    // Every function Excel lists (dist/functions.json) is registered in the page.
    const listed = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../dist/functions.json"), "utf8")).functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual([...listed].sort());
    expect(ids).toContain("AUDIT");
    expect(await page.evaluate(() => (window as any).CustomFunctions.associated.SCORE([[5, 1]], null, null))).toBe(50);
    await page.close();
  });

  it("scores the audit live as criteria are rated and cleared", async () => {
    const page = await open();
    const overall = page.getByTestId("overall-score");
    await expect.poll(() => overall.textContent()).toBe("Not rated");

    await criterion(page, "Ability to deliver", "Scale of the organisation").getByRole("radio", { name: "5 of 5" }).check({ force: true });
    await criterion(page, "Ability to deliver", "Trust and transparency").getByRole("radio", { name: "3 of 5" }).check({ force: true });
    expect(await page.getByTestId("area-score-ability").textContent()).toBe("75");
    expect(await overall.textContent()).toBe("75");

    await criterion(page, "Territory alignment", "Coverage of the territory").getByRole("radio", { name: "1 of 5" }).check({ force: true });
    expect(await page.getByTestId("area-score-territory").textContent()).toBe("0");
    expect(await overall.textContent()).toBe("37.5");
    expect(await page.getByTestId("area-score-sweetspot").textContent()).toBe("Not rated");

    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-audit.png"), fullPage: true });

    await page.getByRole("button", { name: "Clear rating: Coverage of the territory" }).click();
    expect(await overall.textContent()).toBe("75");
    await page.getByRole("button", { name: "Clear all ratings" }).click();
    expect(await overall.textContent()).toBe("Not rated");
    await page.close();
  });

  it("can be rated with the keyboard alone", async () => {
    const page = await open();
    const group = criterion(page, "Revenue potential", "Revenue this year");
    await group.getByRole("radio", { name: "1 of 5" }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("area-score-revenue").textContent()).toBe("50");
    await page.close();
  });

  it("follows a dark Office theme", async () => {
    const page = await open("#1f1f1f");
    const color = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-audit-dark.png") });
    await page.close();
  });

  it("sends no request anywhere but its own origin and Office's script", () => {
    expect(outside).toEqual([]);
  });
});
