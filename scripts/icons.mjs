// Renders assets/icon-*.png (the ribbon and store icons) from assets/icon.svg with Chromium.
// Run: node scripts/icons.mjs   (needs /usr/bin/chromium)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const svg = fs.readFileSync("assets/icon.svg", "utf8");
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-icons-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await context.newPage();
for (const size of [16, 32, 64, 80, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `assets/icon-${size}.png`, omitBackground: true });
}
await context.close();
fs.rmSync(profile, { recursive: true, force: true });
