// Builds dist/ before the tests when it is missing or older than the sources it is built from,
// so that `npm test` on a fresh clone tests the real bundle.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// import.meta.url rather than __dirname, so that the benchmarks (plain ES modules) can run it too.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCES = ["engine", "addin", "manifest", "assets", "samples/partners.xlsx", "webpack.config.js", "package.json"];
const OUTPUTS = ["dist/functions.js", "dist/functions.json", "dist/taskpane.html", "dist/manifest.xml", "dist/cli.cjs"];

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((f) => newest(path.join(file, f))));
}

export default function setup() {
  const outputs = OUTPUTS.map((f) => path.join(root, f));
  const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map(newest)) : -1;
  const sources = Math.max(...SOURCES.map((f) => newest(path.join(root, f))));
  if (built >= sources) return;
  console.log("Building dist/ for the tests (npm run build)...");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
}
