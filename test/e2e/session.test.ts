// A new user's tour of the pane in browser mode (dist/app.html on the sample workbook), in the
// narrowest task pane Excel offers (350 px) and at desktop width (1,400 px): every view and every
// partner tab. In each: nothing scrolls sideways, no "NaN" is on screen, and through the whole
// tour the page logs no warning or error. A full-page screenshot of each view at each width is left
// in test/e2e/screenshots/session-<width>-<view>.png, to look at.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const NOW = new Date(2026, 9, 15, 10, 0, 0);
const PARTNER = "P0025";
const TABS = ["Audit", "Engagement", "Scorecard", "P&L", "Plan", "Accounts", "QBR"];

/** What a look at the page finds: its sideways overflow, "NaN" in its text, elements past the right edge. */
async function look(page: Page): Promise<{ overflow: number; nan: boolean; past: string[] }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const width = document.documentElement.clientWidth;
    const past: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const box = el.getBoundingClientRect();
      // Only what is shown and not inside a container that scrolls on its own (a wide table's frame).
      if (box.width === 0 || el.offsetParent === null || box.right <= width + 1) continue;
      let scroller: HTMLElement | null = el.parentElement;
      while (scroller && scroller !== document.body && !/(auto|scroll|hidden)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller && scroller !== document.body) continue;
      past.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return { overflow: doc.scrollWidth - doc.clientWidth, nan: /\bNaN\b/.test(document.body.innerText), past: past.slice(0, 5) };
  });
}

describe.skipIf(!browserAvailable)("a new user's tour of every view at 350 px and 1,400 px (Chromium)", () => {
  for (const width of [350, 1400]) {
    describe(`at ${width} px`, () => {
      let app: App;
      let page: Page;
      const logged: string[] = [];

      beforeAll(async () => {
        app = await openApp({ now: NOW });
        page = app.page;
        page.on("console", (m) => {
          if (m.type() === "warning" || m.type() === "error") logged.push(`${m.type()}: ${m.text()}`);
        });
        await page.setViewportSize({ width, height: 900 });
      });
      afterAll(async () => {
        await app?.close();
      });

      async function visit(name: string): Promise<void> {
        // Let lazy chunks, charts and layout settle before looking.
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const seen = await look(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, `session-${width}-${name}.png`), fullPage: true });
        expect(seen.overflow, `${name}: sideways scroll (${seen.past.join("; ")})`).toBeLessThanOrEqual(0);
        expect(seen.past, `${name}: past the right edge`).toEqual([]);
        expect(seen.nan, `${name}: NaN on screen`).toBe(false);
      }

      it("shows the partner list and the portfolio", async () => {
        await visit("partners");
        await page.getByRole("tab", { name: "Portfolio", exact: true }).click();
        await page.getByTestId("quarter-review").waitFor();
        await visit("portfolio");
      });

      it("shows every tab of a partner", async () => {
        await page.getByRole("tab", { name: "Partners", exact: true }).click();
        await page.getByRole("searchbox", { name: "Search partners" }).fill(PARTNER);
        await page.locator(`button[data-partner="${PARTNER}"]`).click();
        for (const tab of TABS) {
          await page.getByRole("tab", { name: tab, exact: true }).click();
          await visit(tab.replace("&", "").toLowerCase());
        }
      });

      it("keeps the views' content within a readable width at desktop width", async () => {
        const main = await page.getByRole("main").boundingBox();
        expect(main).not.toBeNull();
        if (width >= 1200) expect(main!.width).toBeLessThan(width * 0.9);
        else expect(main!.width).toBeGreaterThanOrEqual(width - 1);
      });

      it("logged no warning or error and raised no page error", () => {
        expect(logged).toEqual([]);
        expect(app.errors).toEqual([]);
        expect(app.outside).toEqual([]);
      });
    });
  }
});
