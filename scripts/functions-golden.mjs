// Records the released custom function ids and their parameters in test/functions/ids.golden.json.
// Ids are stored in users' workbooks, so they are frozen: this script only ever adds functions and
// appends new optional parameters; the metadata test fails if a recorded id or parameter changes.
// Run after `npm run build` when adding a function: npm run golden:functions
import fs from "node:fs";

const goldenPath = "test/functions/ids.golden.json";
const built = JSON.parse(fs.readFileSync("dist/functions.json", "utf8")).functions;
const golden = fs.existsSync(goldenPath) ? JSON.parse(fs.readFileSync(goldenPath, "utf8")) : {};
for (const fn of built) {
  const params = fn.parameters.map((p) => p.name);
  const known = golden[fn.id];
  if (known && known.some((name, i) => params[i] !== name)) {
    console.error(`${fn.id}: recorded parameters ${known.join(", ")} changed to ${params.join(", ")}; not updating.`);
    process.exitCode = 1;
    continue;
  }
  golden[fn.id] = params;
}
fs.writeFileSync(goldenPath, `${JSON.stringify(golden, null, 2)}\n`);
console.log(`${Object.keys(golden).length} functions recorded in ${goldenPath}`);
