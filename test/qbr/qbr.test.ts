// The QBR on the sample workbook: the model (golden file), the deck opened back from its XML, and
// the worksheet written through both adapters with its native charts.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { excelFormula } from "../../addin/workbook/formulas";
import { describe, expect, it, vi } from "vitest";
import { SLIDE_TITLES, deckBytes } from "../../addin/qbr/deck";
import { qbrName } from "../../addin/qbr/format";
import { qbrInput } from "../../addin/qbr/input";
import { qbrSheet } from "../../addin/qbr/sheet";
import { OfficeAdapter } from "../../addin/workbook/office";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { gapInputs, scorecardTopics } from "../../addin/taskpane/model/scorecard";
import { openArchive } from "../../addin/workbook/ooxml/zip";
import { isEngineError } from "../../engine/error";
import { dateSerial } from "../../engine/excel/date";
import { gaps } from "../../engine/scorecard";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { buildQbr, type Qbr } from "../../engine/qbr";
import { SAMPLE_PATH } from "../../samples/generate";
import { fakeExcelOf } from "../workbook/fake-excel";
import { rawTablesOf, tablesOf } from "../workbook/fixtures";
import { GOLDEN_CASES, GOLDEN_TODAY, sampleRecords } from "./support";

async function review(id: string, quarter: string): Promise<Qbr> {
  const result = buildQbr(qbrInput(await sampleRecords(), id, quarter, GOLDEN_TODAY));
  if (result instanceof Error) throw result;
  return result;
}

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1].replace(/&amp;/g, "&"));

describe("the QBR model on the sample workbook", () => {
  it("is what the golden file recorded (npm run golden:qbr after a reviewed change)", async () => {
    const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "qbr.golden.json"), "utf8"));
    for (const [id, quarter] of GOLDEN_CASES) expect(JSON.parse(JSON.stringify(await review(id, quarter))), `${id} ${quarter}`).toEqual(golden[`${id} ${quarter}`]);
  });

  it("agrees with the workbook it came from", async () => {
    const data = await sampleRecords();
    const qbr = await review("P0025", "2026-Q3");
    const deals = data.dealsOf("P0025");
    expect(qbr.pipeline.openCount).toBe(deals.filter((d) => d.outcome === "Open").length);
    expect(qbr.tasks.total).toBe(data.tasksOf("P0025").filter((t) => t.due !== null).length);
    expect(qbr.audit.current?.date).toBe(Math.max(...data.auditsOf("P0025").map((a) => a.date!)));
    expect(qbr.pnl?.cumulative.at(-1)).toBeCloseTo(qbr.pnl!.summary.total, 6);
  });

  it("ranks the improvement plan as the Scorecard tab does, for every sample partner with a scorecard", async () => {
    const data = await sampleRecords();
    let compared = 0;
    for (const p of data.partners) {
      // Partners assessed at least once (before that, the tab lists the scorecard's topics to score).
      if (!data.scorecardsOf(p.id).length) continue;
      const topics = scorecardTopics(data, p.id);
      // A quarter after the last assessment: the QBR reads the same (latest) one the tab shows.
      const review = buildQbr(qbrInput(data, p.id, "2027-Q1", dateSerial(2027, 3, 31)));
      if (isEngineError(review)) throw review;
      const input = gapInputs(topics);
      const pane = gaps(input.topics, input.scores, input.targets, input.weights);
      if (isEngineError(pane)) throw pane;
      expect(review.scorecard.gaps, p.id).toEqual(pane.filter((g) => g.gap > 0));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("the QBR deck", () => {
  it("has a slide per title, in order, and native charts of the review's figures", async () => {
    const qbr = await review("P0025", "2026-Q3");
    const bytes = await deckBytes(qbr);
    // Every part with something in it is deflated (pptxgenjs alone stores them: about 440 KB here).
    const archive = await openArchive(bytes);
    for (const name of archive.names) if (archive.stored!(name)!.size > 0) expect(archive.stored!(name)!.method, name).toBe(8);
    expect(bytes.length).toBeLessThan(120_000);
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    expect(slides).toHaveLength(SLIDE_TITLES.length);
    for (const [i, file] of slides.entries()) expect(texts(await zip.file(file)!.async("string"))).toContain(SLIDE_TITLES[i]);
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    const series = charts.map((xml) => [...xml.matchAll(/<c:tx>.*?<c:v>([^<]*)<\/c:v>/gs)].map((m) => m[1]));
    expect(series).toContainEqual(["Attainment"]);
    const bars = charts.find((xml) => xml.includes("<c:barChart>"))!;
    const attainment = [...[...bars.matchAll(/<c:val>.*?<\/c:val>/gs)][0][0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(attainment).toEqual(qbr.kpis.map((k) => expect.closeTo(k.attainment ?? 0, 9)));
    expect(series).toContainEqual(["Cumulative profit", "Profit"]);
    const line = charts.find((xml) => xml.includes("<c:lineChart>"))!;
    const values = [...line.matchAll(/<c:val>.*?<\/c:val>/gs)][0][0];
    const cached = [...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(cached).toEqual(qbr.pnl!.cumulative.map((v) => expect.closeTo(v, 6)));
  });
});

describe("the QBR worksheet", () => {
  it("is written through the .xlsx adapter with formulas, formats and two native charts", async () => {
    const qbr = await review("P0025", "2026-Q3");
    const adapter = await XlsxAdapter.open(fs.readFileSync(SAMPLE_PATH));
    const workbook = await PartnerWorkbook.open(adapter);
    const before = (await adapter.read()).map((t) => t.rows.length);
    await workbook.writeSheet(qbrSheet(qbr));
    const bytes = await adapter.save();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = back.getWorksheet(qbrName("P0025", "2026-Q3"))!;
    expect(sheet.getCell("A1").value).toBe(`Quarterly business review: ${qbr.partner.name}`);
    const formulas: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => typeof c.value === "object" && c.value && "formula" in c.value && formulas.push(String(c.value.formula))));
    // Stored as Excel stores the add-in's functions, and read back as Excel shows them.
    expect(formulas.some((f) => f.startsWith("_xldudf_PARTNER_ATTAINMENT("))).toBe(true);
    expect(formulas.filter((f) => /(^|[^_])PARTNER\./.test(f))).toEqual([]);
    expect(formulas.map(excelFormula).some((f) => f.startsWith("=PARTNER.ATTAINMENT("))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const refs = (await Promise.all(charts.map((f) => zip.file(f)!.async("string")))).join("").match(/<c:f>[^<]*<\/c:f>/g)!;
    expect(refs.every((r) => r.includes(`'${qbrName("P0025", "2026-Q3")}'!`))).toBe(true);
    // The partner tables are as they were.
    const again = await XlsxAdapter.open(bytes);
    expect((await again.read()).map((t) => t.rows.length)).toEqual(before);
  });

  it("is written through the Office.js adapter in two syncs, with a chart per block", async () => {
    const qbr = await review("P0025", "2026-Q3");
    const fake = fakeExcelOf(rawTablesOf(tablesOf(30, ["Partners"])));
    const sync = vi.spyOn(fake.context, "sync");
    await new OfficeAdapter(fake.run).writeSheet(qbrSheet(qbr));
    expect(sync).toHaveBeenCalledTimes(2);
    const written = fake.sheetContent.get(qbrName("P0025", "2026-Q3"))!;
    expect(written.cells.get("A1")).toBe(`Quarterly business review: ${qbr.partner.name}`);
    expect([...written.formulas.values()].some((f) => f.startsWith("=PARTNER.ATTAINMENT("))).toBe(true);
    expect(written.charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line"]);
    expect(written.charts.map((c) => c.title)).toEqual(qbrSheet(qbr).charts.map((c) => c.title));
  });
});
