/**
 * A development build of the add-in (tmp/dist-dev, git-ignored), for browser tests that listen to
 * the console: React and Fluent UI warn about a NaN attribute or a value out of range only in
 * development builds, so a test that no such warning appears must run on one. Built when missing or
 * older than its sources (about 10 s).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEV_DIST = path.join(root, "tmp/dist-dev");
const SOURCES = ["engine", "addin", "assets", "samples/partners.xlsx", "webpack.config.js", "package.json"];

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((f) => newest(path.join(file, f))));
}

/** The folder of the development build, built first when needed. */
export function devBuild(): string {
  const page = path.join(DEV_DIST, "app.html");
  const built = fs.existsSync(page) ? fs.statSync(page).mtimeMs : -1;
  const sources = Math.max(...SOURCES.map((f) => newest(path.join(root, f))));
  if (built < sources) {
    execFileSync("npx", ["webpack", "--mode", "development", "--output-path", DEV_DIST], { cwd: root, stdio: "pipe" });
  }
  return DEV_DIST;
}
