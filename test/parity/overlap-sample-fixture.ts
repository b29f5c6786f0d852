// `npm run fixtures:overlap`: has LibreOffice Calc count the sample workbook's account overlap with
// COUNTIFS (overlap-sheet.ts) and stores the lists with its counts (overlap-sample.fixture.json).
import fs from "node:fs";
import { libreOfficeOverlap } from "./overlap-sheet";
import { OVERLAP_FIXTURE, type OverlapFixture, sampleAccountLists } from "./overlap-sample";

const { mine, theirs } = await sampleAccountLists();
const counts = await libreOfficeOverlap(mine, theirs);
const fixture: OverlapFixture = { mine, theirs, counts };
fs.writeFileSync(OVERLAP_FIXTURE, `${JSON.stringify(fixture)}\n`);
console.log(`${mine.length} vendor rows, ${theirs.length} channel rows:`, counts);
