// What the task pane downloads first: the initial bundle stays within its budget, and the views
// that are not the first one (the P&L tab, the Portfolio view, the Monte Carlo worker, the .xlsx
// reader) are separate files fetched when first used.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

const dist = path.resolve(__dirname, "../../dist");
const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const chunk = (name: string) => {
  const found = fs.readdirSync(dist).filter((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.js$`).test(f));
  expect(found, `one ${name} chunk in dist/`).toHaveLength(1);
  return fs.readFileSync(path.join(dist, found[0]), "utf8");
};

/** The task pane's initial download, gzipped (issue 4's budget). */
const BUDGET = 250 * 1000;

describe("task pane bundles", () => {
  it("keep the first download of browser mode and of the Excel task pane within 250 KB gzipped", () => {
    expect(gzipped("app.js")).toBeLessThanOrEqual(BUDGET);
    expect(gzipped("taskpane.js")).toBeLessThanOrEqual(BUDGET);
  });

  it("leave the P&L tab, the Portfolio view and the Monte Carlo worker out of the first download", () => {
    const first = fs.readFileSync(path.join(dist, "app.js"), "utf8") + fs.readFileSync(path.join(dist, "taskpane.js"), "utf8");
    const markers = { "pnl-tab": "Save overrides", portfolio: "Performance to plan", simulation: "simulationResult before the run finished" };
    for (const [name, text] of Object.entries(markers)) {
      expect(chunk(name)).toContain(text);
      expect(first.includes(text), `${name} code in the first download`).toBe(false);
    }
  });

  it("take the pane's icons one by one (the package's index brings declarations of thousands of icons: 6.8 KB gzipped more)", () => {
    const sources = fs.readdirSync(path.resolve(__dirname, "../../addin"), { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    const whole = sources.filter((f) => /from "@fluentui\/react-icons"/.test(fs.readFileSync(path.resolve(__dirname, "../../addin", f), "utf8")));
    expect(sources.length).toBeGreaterThan(50);
    expect(whole).toEqual([]);
  });
});
