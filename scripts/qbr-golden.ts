// Records the QBR model of a few sample partners in test/qbr/qbr.golden.json. The golden test
// fails when the model changes; review the difference, then regenerate: npm run golden:qbr
import fs from "node:fs";
import { buildQbr } from "../engine/qbr";
import { qbrInput } from "../addin/qbr/input";
import { GOLDEN_CASES, GOLDEN_TODAY, sampleRecords } from "../test/qbr/support";

const data = await sampleRecords();
const golden = Object.fromEntries(GOLDEN_CASES.map(([id, quarter]) => [`${id} ${quarter}`, buildQbr(qbrInput(data, id, quarter, GOLDEN_TODAY))]));
fs.writeFileSync("test/qbr/qbr.golden.json", `${JSON.stringify(golden, null, 2)}\n`);
console.log(`${GOLDEN_CASES.length} reviews recorded in test/qbr/qbr.golden.json`);
