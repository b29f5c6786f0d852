/**
 * `npm run bench`: runs every test/bench/*.bench.ts in turn (or only those whose file name
 * contains one of the words given on the command line) and prints their figures.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (!only.length || only.some((word) => f.includes(word))))
  .sort();

console.log(`PartnerFit benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<void> | void };
  await bench.default();
}
