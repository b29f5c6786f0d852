// Round trips of real team workbooks (the foreign-content corpus, test/fixtures/foreign, made by
// `npm run fixtures:foreign` without the project's writer, and the same files after a save by
// LibreOffice): each is opened, edited the way the task pane's tabs edit it (an audit, an
// engagement checklist, plan actuals, a task done, an assumption overridden and one reverted, a
// workflow step), and saved. Every part the save did not need is the file's own bytes; every part
// it changed differs only where the edit is; the saved file opens in LibreOffice and exceljs with
// the same tables; and changes the workbook cannot take are refused, naming the sheet and cell.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_AREAS } from "../../engine/audit";
import { ENGAGEMENT } from "../../engine/tier";
import { assumptionChanges, assumptionLines } from "../../addin/taskpane/model/assumptions";
import { auditChanges } from "../../addin/taskpane/model/changes";
import { engagementChanges } from "../../addin/taskpane/model/engagement";
import { approvalStep, kpiChanges, kpisOf, planPeriods, taskDoneChanges } from "../../addin/taskpane/model/plan";
import type { Change } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import type { RawTable } from "../../addin/workbook/snapshot";
import { PartnerWorkbook } from "../../addin/workbook/workbook";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { EVERY_TABLE, readXlsxTables } from "../../addin/workbook/xlsx-read";
import { OoxmlPackage } from "../../addin/workbook/ooxml/package";
import { tablesOf } from "../../addin/workbook/ooxml/tables";
import { sheetsOf, workbookPartOf } from "../../addin/workbook/ooxml/workbook-part";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { readWithExcelJSFrom } from "./exceljs-tables";
import { areasOnlyExtended, compareParts, onlyAdded, tableAreasByPart, tableWithoutRefs, worksheetOutsideEdits } from "./parts";

const FOREIGN = path.resolve(__dirname, "../fixtures/foreign");
const files = fs.existsSync(FOREIGN) ? fs.readdirSync(FOREIGN).filter((f) => /\.xls[xm]$/.test(f)) : [];
/** Files kept apart for the refusals they test. */
const REFUSALS = ["protected-table.xlsx"];
const TODAY = 46_387; // 2026-12-31

/** The task pane's tabs' batches for one partner, each saved on its own as the tabs do. */
function tabBatches(data: PartnerData, partnerId: string): { tab: string; changes: Change[] }[] {
  const batches: { tab: string; changes: Change[] }[] = [];
  const ratings = AUDIT_AREAS.map((area, a) => area.criteria.map((_, c) => ((a + c) % 5) + 1));
  batches.push({ tab: "Audit", changes: auditChanges(data, partnerId, TODAY, ratings) });
  batches.push({
    tab: "Engagement",
    changes: engagementChanges(data, partnerId, { period: "2026-Q4", answers: ENGAGEMENT.map((_, i) => i % 2 === 0), opportunities: 4, prospect: false }),
  });
  const period = planPeriods(data, partnerId)[0];
  if (period) {
    const kpis = kpisOf(data, partnerId, period);
    const edited = kpiChanges(data, partnerId, period, kpis.slice(0, 1).map((k) => ({ kpi: k.kpi, target: k.target ?? 1, actual: (k.actual ?? 0) + 1000 })), { by: "Amelia Hart", role: "manager", today: TODAY });
    if (edited.ok && edited.changes.length) batches.push({ tab: "Plan (actuals)", changes: edited.changes });
    const step = approvalStep(data, partnerId, period, "submit", { by: "Amelia Hart", role: "manager", today: TODAY, comment: "For the QBR" });
    if (step.ok) batches.push({ tab: "Plan (workflow)", changes: step.changes });
  }
  const task = data.tasksOf(partnerId).find((t) => t.done === null);
  if (task) batches.push({ tab: "Plan (tasks)", changes: taskDoneChanges(data, partnerId, task.task, TODAY) });
  const lines = assumptionLines(data, partnerId);
  const own = lines.find((l) => l.own.length > 0);
  const inherited = lines.find((l) => l.own.length === 0 && l.inherited.length > 0 && l.driver !== "years");
  const drafts = new Map<string, { kind: "override"; text: string[] } | { kind: "inherit" }>();
  if (own) drafts.set(own.driver, { kind: "inherit" });
  if (inherited) drafts.set(inherited.driver, { kind: "override", text: ["0.3"] });
  if (drafts.size) batches.push({ tab: "P&L", changes: assumptionChanges(data, partnerId, lines, drafts as never) });
  return batches.filter((b) => b.changes.length);
}

interface Saved {
  partner: string;
  original: Uint8Array;
  saved: Uint8Array;
  adapter: XlsxAdapter;
  /** The tables as the pane's snapshot holds them after the saves. */
  expected: RawTable[];
  tabs: string[];
}

async function editAndSave(file: string): Promise<Saved> {
  const original = new Uint8Array(fs.readFileSync(path.join(FOREIGN, file)));
  const adapter = await XlsxAdapter.open(original);
  const workbook = await PartnerWorkbook.open(adapter);
  expect(workbook.snapshot.problems, file).toEqual([]);
  const data = new PartnerData(workbook.snapshot);
  // A partner with a plan, tasks and assumptions of its own, if there is one.
  const partner = data.partners.find((p) => planPeriods(data, p.id).length && data.tasksOf(p.id).some((t) => t.done === null) && data.assumptions.some((a) => a.partnerId === p.id)) ?? data.partners[0];
  const tabs: string[] = [];
  for (const batch of tabBatches(data, partner.id)) {
    const result = await workbook.save(batch.changes);
    expect(result, `${file}: ${batch.tab}`).toMatchObject({ ok: true });
    tabs.push(batch.tab);
  }
  const expected = [...workbook.snapshot.tables.values()].map((t) => ({ name: t.schema.name, rows: t.rows.map((r) => [...r]) }));
  return { partner: partner.id, original, saved: await adapter.save(), adapter, expected: expected as unknown as RawTable[], tabs };
}

describe.skipIf(!files.length)("team workbooks through a save: every part kept", () => {
  it.each(files.filter((f) => !REFUSALS.includes(f)))("%s: edited in several tabs, saved with every part it did not change byte for byte", async (file) => {
    const { partner, original, saved, expected, tabs } = await editAndSave(file);
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    // Nothing moved: every row of every table is where it was, unless it is a row of the edited
    // partner (written or emptied); rows added come after.
    const [was, is] = await Promise.all([readXlsxTables(original), readXlsxTables(saved)]);
    for (const t of was.tables) {
      const now = is.tables.find((x) => x.name === t.name)!;
      expect(now.rows.length, `${file} ${t.name}`).toBeGreaterThanOrEqual(t.rows.length);
      t.rows.forEach((row, i) => {
        if (String(row[0]).toLowerCase() !== partner.toLowerCase() && !row.every((v) => v === null)) expect(now.rows[i], `${file} ${t.name} row ${i + 1}`).toEqual(row);
      });
    }
    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    expect(parts.added).toEqual([]);
    // The save's own parts: edited sheets and tables, the workbook's calculation flag, cell formats.
    const before = await tableAreasByPart(original);
    const after = await tableAreasByPart(saved);
    for (const name of parts.changed) {
      const [a, b] = await Promise.all([parts.before.text(name), parts.after.text(name)]);
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
        // Only this sheet's own tables may have changed cells.
        const areas = [...(after.get(name) ?? []), ...(before.get(name) ?? [])];
        expect(areas.length, `${file} ${name}: a sheet without a table changed`).toBeGreaterThan(0);
        expect(worksheetOutsideEdits(a!, b!, areas), `${file} ${name}`).toEqual([]);
        expect(areasOnlyExtended(a!, b!), `${file} ${name}`).toEqual([]);
      } else if (/^xl\/tables\/table\d+\.xml$/.test(name)) {
        expect(tableWithoutRefs(b!), `${file} ${name}`).toBe(tableWithoutRefs(a!));
      } else if (/workbook\.xml$/.test(name)) {
        expect(b!.replace(/ fullCalcOnLoad="1"/, ""), `${file} ${name}`).toBe(a);
      } else if (/pivotCacheDefinition\d+\.xml$/.test(name)) {
        expect(b!.replace(/ refreshOnLoad="1"/, ""), `${file} ${name}`).toBe(a);
      } else if (/styles\.xml$/.test(name)) {
        expect(onlyAdded(a!, b!), `${file} ${name}: only formats added`).toBe(true);
      } else {
        throw new Error(`${file}: the save changed ${name}, which it has no reason to change`);
      }
    }
    // Everything the file holds beyond the partner tables is among the parts kept as they were.
    const foreign = parts.before.names.filter((n) => /chart|drawing|pivot|slicer|vba|comment|threaded|person|media|externalLink|connections|ctrlProp|metadata|webextension|theme|custom\.xml|sharedStrings/.test(n));
    expect(foreign.filter((n) => !parts.same.includes(n) && !/pivotCacheDefinition/.test(n))).toEqual([]);
    // The saved file reads back as the pane left it, through this project's reader and through exceljs.
    const reread = await XlsxAdapter.open(saved);
    const tables = await reread.read();
    for (const t of expected) {
      const back = tables.find((x) => x.name === t.name)!;
      expect(back.rows, `${file} ${t.name}`).toEqual(t.rows);
    }
    const { tables: all, parts: tableParts } = await readXlsxTables(saved, EVERY_TABLE);
    const exceljs = await readWithExcelJSFrom(saved, tableParts).catch(() => undefined);
    if (exceljs && !/^libreoffice-/.test(file)) expect(exceljs.map((t) => [t.name, t.rows])).toEqual(all.map((t) => [t.name, t.rows]));
  });

  it.skipIf(!libreOfficeAvailable())("the saved files open in LibreOffice with the tables as saved", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-roundtrip-"));
    try {
      for (const file of files.filter((f) => !REFUSALS.includes(f) && !f.startsWith("libreoffice-"))) {
        const { saved } = await editAndSave(file);
        const input = path.join(dir, file.replace(/\.xlsm$/, ".xlsx"));
        fs.writeFileSync(input, saved);
        const converted = new Uint8Array(fs.readFileSync(convert(input, path.join(dir, "out"))));
        const ours = (await readXlsxTables(saved)).tables;
        const theirs = (await readXlsxTables(converted)).tables;
        for (const t of ours) {
          const back = theirs.find((x) => x.name === t.name);
          expect(back, `${file}: ${t.name} after LibreOffice`).toBeDefined();
          expect(back!.rows.length, `${file}: ${t.name}`).toBe(t.rows.length);
          expect(back!.rows.map((r) => r[0]), `${file}: ${t.name}`).toEqual(t.rows.map((r) => r[0]));
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe.skipIf(!files.length)("workbooks Excel saved with the add-in, and changes a workbook cannot take", () => {
  const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(FOREIGN, file)));

  it("excel-spills.xlsx: its spills, metadata and add-in reference are kept; new PARTNER formulas join them in Excel's form", async () => {
    const original = bytesOf("excel-spills.xlsx");
    const adapter = await XlsxAdapter.open(original);
    const workbook = await PartnerWorkbook.open(adapter);
    expect(workbook.snapshot.problems).toEqual([]);
    // The add-in's table of live formulas is created, and an audit saved writes the partner's row of it.
    expect(await workbook.setUp(["PartnerScores"])).toEqual(["PartnerScores"]);
    const data = new PartnerData(workbook.snapshot);
    const id = data.partners[0].id;
    const ratings = AUDIT_AREAS.map((area) => area.criteria.map(() => 4));
    expect(await workbook.save(auditChanges(data, id, TODAY, ratings))).toMatchObject({ ok: true });
    const saved = await adapter.save();
    const parts = await compareParts(original, saved);
    expect(parts.lost).toEqual([]);
    for (const part of ["xl/metadata.xml", "xl/webextensions/webextension1.xml", "xl/webextensions/taskpanes.xml", "xl/webextensions/_rels/taskpanes.xml.rels"]) expect(parts.same, part).toContain(part);
    // One add-in reference, the one the file had; the new sheet and table are the only new parts.
    expect(parts.added.every((n) => /^xl\/(worksheets\/sheet\d+|tables\/table\d+)\.xml$|^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n)), parts.added.join(", ")).toBe(true);
    const sheetXml = await Promise.all(parts.added.filter((n) => n.startsWith("xl/worksheets/sheet")).map((n) => parts.after.text(n)));
    const formulas = sheetXml.join("").match(/<f>[^<]*<\/f>/g) ?? [];
    expect(formulas.some((f) => f.includes("_xlfn.IFNA(_xldudf_PARTNER_AUDIT("))).toBe(true);
    expect(formulas.filter((f) => /(^|[^_])PARTNER\./.test(f.replace(/_xldudf_PARTNER_/g, "")))).toEqual([]);
  });

  it("excel-spills.xlsx: a table that would grow into a spill is refused, naming the spill", async () => {
    const original = bytesOf("excel-spills.xlsx");
    const adapter = await XlsxAdapter.open(original);
    const workbook = await PartnerWorkbook.open(adapter);
    const ids = new PartnerData(workbook.snapshot).partners.map((p) => p.id);
    const missing = ids.filter((id) => !workbook.snapshot.tables.get("Metrics")!.rows.some((r) => r[0] === id));
    // Two new Metrics rows reach the spill two rows below the table.
    const extra = [...missing, ...ids].slice(0, 2).map((id, i) => ({ table: "Metrics" as const, key: { PartnerId: `${id}` }, set: { Potential: 50 + i, Performance: 60 } }));
    const metrics = workbook.snapshot.tables.get("Metrics")!;
    const fresh = extra.filter((c) => !metrics.rows.some((r) => r[0] === c.key.PartnerId));
    if (fresh.length < 2) {
      // Every partner has a Metrics row: the table grows by rows for new partners.
      const partners = [{ table: "Partners" as const, key: { PartnerId: "P9001" }, set: { Name: "Newco One" } }, { table: "Partners" as const, key: { PartnerId: "P9002" }, set: { Name: "Newco Two" } }];
      expect((await workbook.save(partners)).ok).toBe(true);
      fresh.splice(0, fresh.length, ...["P9001", "P9002"].map((id) => ({ table: "Metrics" as const, key: { PartnerId: id }, set: { Potential: 50, Performance: 60 } })));
    }
    const before = adapter.changedParts;
    await expect(workbook.save(fresh)).rejects.toThrow(/^table Metrics cannot grow: the formula in Metrics!A\d+ spills into Metrics!A\d+:A\d+ below it; move it first$/);
    expect(adapter.changedParts).toEqual(before);
  });

  it("protected-table.xlsx: a save touching the protected sheet's table is refused, naming the sheet; other tables save", async () => {
    const original = bytesOf("protected-table.xlsx");
    const adapter = await XlsxAdapter.open(original);
    const workbook = await PartnerWorkbook.open(adapter);
    const data = new PartnerData(workbook.snapshot);
    const id = data.partners[0].id;
    await expect(workbook.save(auditChanges(data, id, TODAY, [[3]]))).rejects.toThrow(
      "the sheet Audit, which holds the Audit table, is protected: unprotect it in Excel (Review › Unprotect Sheet) to save this change",
    );
    expect(await adapter.save()).toEqual(original);
    expect(await workbook.save([{ table: "Partners", key: { PartnerId: id }, set: { Status: "Active" } }])).toMatchObject({ ok: true });
    const parts = await compareParts(original, await adapter.save());
    // The protected sheet's part is the file's own; the Partners sheet changed.
    const byPart = await tableAreasByPart(original);
    const pkg = await OoxmlPackage.open(original);
    const tables = await tablesOf(pkg, await sheetsOf(pkg, await workbookPartOf(pkg)));
    const sheetOf = (name: string) => tables.find((t) => t.name === name)!.sheetPart;
    expect(byPart.has(sheetOf("Audit"))).toBe(true);
    expect(parts.same).toContain(sheetOf("Audit"));
    expect(parts.changed).toContain(sheetOf("Partners"));
  });
});
