/** Debian's Chromium driven by playwright-core (which downloads no browser). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { tool } from "../support/tools";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = tool(CHROMIUM, "chromium");

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `args`: further Chromium switches (e.g. `--js-flags=--jitless` to run scripts as a slow machine would). */
export async function launch(options: { colorScheme?: "light" | "dark"; args?: readonly string[] } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 380, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.args ?? []),
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where the browser tests leave their screenshots (git-ignored; look at them). */
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../e2e/screenshots");
fs.mkdirSync(SCREENSHOTS, { recursive: true });
