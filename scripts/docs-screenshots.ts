// Takes the README's pictures (docs/*.png) from the built browser mode on the sample workbook:
// the task pane's views at a task pane's size, and two slides of a QBR deck rendered by
// LibreOffice. Run after `npm run build`: npm run docs:screenshots
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "../test/browser/chromium";
import { serve } from "../test/browser/server";
import { convert } from "../test/support/libreoffice";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOCS = path.join(root, "docs");
const PARTNER = "P0025";

async function main(): Promise<void> {
  fs.mkdirSync(DOCS, { recursive: true });
  const server = await serve();
  const browser = await launch();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-docs-"));
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 760 });
    await page.clock.setFixedTime(new Date(2026, 9, 15, 10, 0, 0));
    await page.goto(`${server.url}app.html`);
    await page.getByTestId("partner-count").waitFor();
    const shot = (name: string) => page.screenshot({ path: path.join(DOCS, `${name}.png`) });
    await shot("partners");

    await page.getByRole("searchbox", { name: "Search partners" }).fill(PARTNER);
    await page.locator(`[data-partner="${PARTNER}"]`).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByTestId("overall-score").waitFor();
    await shot("audit");
    await page.getByRole("tab", { name: "P&L", exact: true }).click();
    await page.getByTestId("pnl-npv").waitFor();
    await page.getByTestId("pnl-npv").scrollIntoViewIfNeeded();
    await shot("pnl");
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    await page.getByTestId("plan-state").waitFor();
    await shot("plan");
    await page.getByRole("tab", { name: "QBR", exact: true }).click();
    await page.getByTestId("qbr-facts").waitFor();
    await page.getByRole("combobox", { name: "Quarter" }).selectOption("2026-Q3");
    await shot("qbr");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download deck" }).click()]);
    const deck = path.join(tmp, "deck.pptx");
    await download.saveAs(deck);
    const pdf = convert(deck, tmp, "pdf");
    for (const [slide, name] of [
      [2, "qbr-slide-plan"],
      [6, "qbr-slide-pnl"],
    ] as const) {
      execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "72", "-f", String(slide), "-l", String(slide), "-singlefile", pdf, path.join(DOCS, name)]);
    }

    await page.getByRole("tab", { name: "Portfolio", exact: true }).click();
    await page.getByRole("table", { name: "Tier mix" }).waitFor();
    await shot("portfolio");
    console.log(`Wrote ${fs.readdirSync(DOCS).filter((f) => f.endsWith(".png")).length} pictures in docs/`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
