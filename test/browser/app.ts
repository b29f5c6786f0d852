/**
 * Browser mode (dist/app.html on the sample workbook) in Debian's Chromium, as the e2e tests use
 * it: served locally, every request to another origin refused and recorded, page errors recorded,
 * the page's clock fixed, and the partner list on screen.
 */
import type { Page } from "playwright-core";
import { type Browser, launch } from "./chromium";
import { type StaticServer, serve } from "./server";

export interface App {
  server: StaticServer;
  browser: Browser;
  page: Page;
  /** Requests the page tried to send anywhere but its own origin (refused). */
  outside: string[];
  /** Errors the page raised. */
  errors: string[];
  close(): Promise<void>;
}

/** `folder`: the build to serve (default dist/; a development build makes React's and Fluent UI's warnings reach the console). */
export async function openApp(options: { now: Date; folder?: string }): Promise<App> {
  const server = await serve(options.folder);
  const browser = await launch();
  const outside: string[] = [];
  const errors: string[] = [];
  await browser.context.route("**/*", (route) => {
    if (route.request().url().startsWith(server.url)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await browser.context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.setFixedTime(options.now);
  await page.goto(`${server.url}app.html`);
  await page.getByTestId("partner-count").waitFor();
  return {
    server,
    browser,
    page,
    outside,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
