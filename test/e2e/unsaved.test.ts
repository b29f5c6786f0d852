// Work that could be lost, in browser mode (dist/app.html on the sample workbook) in Chromium: saves
// are marked as not in a file until Save as…; edits not saved survive a look at the partner list and
// are asked about before another partner, another file or closing the page drops them; a file that
// cannot be opened leaves the open workbook as it was.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { type App, openApp } from "../browser/app";
import { SCREENSHOTS, browserAvailable } from "../browser/chromium";

const SAMPLE = path.resolve(__dirname, "../../dist/partners.xlsx");
const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

describe.skipIf(!browserAvailable)("work that could be lost (browser mode, Chromium)", () => {
  let app: App;
  let page: Page;
  let sample: PartnerData;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  const warnings: string[] = [];

  beforeAll(async () => {
    sample = new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(fs.readFileSync(SAMPLE)))).snapshot);
    const audited = sample.partners.filter((p) => sample.auditsOf(p.id).length > 0);
    [first, second] = audited.map((p) => ({ id: p.id, name: p.name }));
    app = await openApp({ now: new Date(2026, 9, 15, 10, 0, 0) });
    page = app.page;
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const tab = (name: string) => page.getByRole("tab", { name, exact: true });
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const unsaved = () => page.getByTestId("unsaved");
  const dialog = () => page.getByRole("alertdialog");

  async function open(partner: { id: string }) {
    await tab("Partners").click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(partner.id);
    await page.locator(`button[data-partner="${partner.id}"]`).click();
  }

  /** Rates the first criterion of the first area differently from the form's start; the Revert button says it changed. */
  async function editAudit() {
    await tab("Audit").click();
    const revert = page.getByRole("button", { name: "Undo changes" });
    for (const rating of [1, 2]) {
      await page.getByRole("radiogroup").first().getByRole("radio", { name: `${rating} of 5` }).check({ force: true });
      if (await revert.isEnabled()) return;
    }
    throw new Error("the audit form did not take the edit");
  }

  it("keeps an unsaved audit edit while the user looks at the list, and asks before another partner drops it", async () => {
    await open(first);
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(first.name);
    await editAudit();
    const score = await page.getByTestId("overall-score").textContent();
    await tab("Partners").click();
    await tab(first.name).click();
    expect(await page.getByTestId("overall-score").textContent()).toBe(score);
    expect(await page.getByRole("button", { name: "Undo changes" }).isEnabled()).toBe(true);

    await open(second);
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(`${first.name} has edits not saved in Audit`);
    await shot("unsaved-switch-partner");
    await dialog().getByRole("button", { name: `Stay on ${first.name}` }).click();
    await poll(() => dialog().count()).toBe(0);
    // Staying takes the user back to the partner whose edits they are, not to the list.
    await poll(() => tab(first.name).getAttribute("aria-selected")).toBe("true");
    expect(await tab("Partners").getAttribute("aria-selected")).toBe("false");
    expect(await page.getByTestId("partner-name").isVisible()).toBe(true);
    expect(await page.getByTestId("partner-name").textContent()).toBe(first.name);
    expect(await page.getByTestId("overall-score").textContent()).toBe(score);

    await open(second);
    await dialog().getByRole("button", { name: `Discard and open ${second.name}` }).click();
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(second.name);
    // Back on the first partner, its form starts afresh.
    await open(first);
    await poll(() => page.getByTestId("partner-name").textContent()).toBe(first.name);
    expect(await dialog().count()).toBe(0);
    await tab("Audit").click();
    expect(await page.getByRole("button", { name: "Undo changes" }).isEnabled()).toBe(false);
  });

  it("asks before the page closes with an edit not saved, and not when there is nothing to lose", async () => {
    const asked = async () => {
      const prompts: string[] = [];
      const listen = (d: import("playwright-core").Dialog) => {
        prompts.push(d.type());
        void d.dismiss();
      };
      page.on("dialog", listen);
      await page.close({ runBeforeUnload: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      page.off("dialog", listen);
      return prompts;
    };
    expect(await asked()).toEqual([]);
    // Nothing was dismissed: the page closed, so a new one is the user's next visit.
    expect(page.isClosed()).toBe(true);
    page = await app.browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
    });
    await page.clock.setFixedTime(new Date(2026, 9, 15, 10, 0, 0));
    await page.goto(`${app.server.url}app.html`);
    await page.getByTestId("partner-count").waitFor();
    await open(first);
    await editAudit();
    expect(await asked()).toEqual(["beforeunload"]);
    // Dismissed: the page stays, with the edit.
    expect(page.isClosed()).toBe(false);
    expect(await page.getByRole("button", { name: "Undo changes" }).isEnabled()).toBe(true);
  });

  it("marks saves that are not in a file yet, until Save as… downloads them", async () => {
    expect(await unsaved().count()).toBe(0);
    await page.getByLabel("Audit date").fill("2026-10-15");
    await page.getByRole("button", { name: "Save audit" }).click();
    const status = page.getByRole("status").filter({ hasText: "Saved the audit of 2026-10-15" });
    await status.waitFor();
    expect(await status.textContent()).toContain("Kept in this page until Save as… downloads the file.");
    await poll(() => unsaved().textContent()).toBe("1 save not in a file");
    await shot("unsaved-marker");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as…" }).click()]);
    await download.path();
    await poll(() => unsaved().count()).toBe(0);
  });

  it("asks before another file replaces saves not in a file or edits not saved; a file that fails to open changes nothing", async () => {
    await editAudit();
    await page.getByLabel("Audit date").fill("2026-10-16");
    await page.getByRole("button", { name: "Save audit" }).click();
    await poll(() => unsaved().textContent()).toBe("1 save not in a file");
    await editAudit();

    await page.getByRole("button", { name: "Open…" }).click();
    await dialog().waitFor();
    const text = await dialog().textContent();
    expect(text).toContain("1 save made in this page is not in a file yet");
    expect(text).toContain("edits in Audit are not saved");
    await shot("unsaved-open-file");
    await dialog().getByRole("button", { name: "Keep partners" }).click();
    await poll(() => dialog().count()).toBe(0);

    // Goes ahead, and chooses a file that is not a workbook.
    await page.getByRole("button", { name: "Open…" }).click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog().getByRole("button", { name: "Open another workbook" }).click()]);
    await chooser.setFiles({ name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a workbook at all") });
    await page.getByTestId("open-error").waitFor();
    const error = await page.getByTestId("open-error").textContent();
    expect(error).toMatch(/^Could not open notes\.xlsx: .+ — partners\.xlsx \(sample\) is still open, as it was\.$/);
    // The workbook, its unsaved save, the open partner and the edit are all as they were.
    expect(await page.getByTestId("workbook-source").textContent()).toBe("partners.xlsx (sample)");
    expect(await unsaved().textContent()).toBe("1 save not in a file");
    expect(await page.getByTestId("partner-name").textContent()).toBe(first.name);
    expect(await page.getByRole("button", { name: "Undo changes" }).isEnabled()).toBe(true);
    await shot("unsaved-open-failed");

    // A good file replaces it: its own list, nothing marked unsaved, the error gone.
    await page.getByRole("button", { name: "Open…" }).click();
    const [again] = await Promise.all([page.waitForEvent("filechooser"), dialog().getByRole("button", { name: "Open another workbook" }).click()]);
    await again.setFiles({ name: "copy.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: fs.readFileSync(SAMPLE) });
    await poll(() => page.getByTestId("workbook-source").textContent()).toBe("copy.xlsx");
    expect(await unsaved().count()).toBe(0);
    expect(await page.getByTestId("open-error").count()).toBe(0);
    await page.getByTestId("partner-count").waitFor();
    expect(app.errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
