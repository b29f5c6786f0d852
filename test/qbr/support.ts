/** The sample workbook's data, read once, for the QBR tests. */
import fs from "node:fs";
import { PartnerData } from "../../addin/workbook/records";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { dateSerial } from "../../engine/excel/date";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";

let data: Promise<PartnerData> | undefined;
export function sampleRecords(): Promise<PartnerData> {
  data ??= (async () => new PartnerData((await PartnerWorkbook.open(await XlsxAdapter.open(fs.readFileSync(SAMPLE_PATH)))).snapshot))();
  return data;
}

/** The partners and quarters the QBR golden file covers: a range of situations in the sample. */
/** The day the golden reviews are made (the sample's reference month): a running quarter's tasks are judged as of it. */
export const GOLDEN_TODAY = dateSerial(2026, 10, 15);

export const GOLDEN_CASES: [string, string][] = [
  ["P0025", "2026-Q3"],
  ["P0002", "2026-Q3"],
  ["P0001", "2026-Q3"],
  ["P0007", "2026-Q2"],
];
