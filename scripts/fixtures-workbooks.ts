/**
 * Writes test/fixtures/workbooks/: partner workbooks that are wrong, odd or large in the ways real
 * ones are, for test/workbook/corpus.test.ts. Each case says how it is made; the list is also
 * written to test/fixtures/workbooks/README.md. Most start from the sample generator's tables for
 * a small network (seed 2026) and change what the case is about; a few are written by other
 * programs (LibreOffice) or by hand (XML with namespace prefixes, a chart, damaged files).
 *
 * Run: npm run fixtures:workbooks   (the LibreOffice cases need it: apt-get install -y libreoffice-calc)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type SampleTable, sampleData, sampleTables } from "../samples/generate";
import { addTableSheet } from "../test/support/exceljs-workbook";
import { convert, libreOfficeAvailable } from "../test/support/libreoffice";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS_DIR = path.join(root, "test/fixtures/workbooks");
const SEED = 2026;
/** Zip entries and document properties carry this date, so that a case's content never changes. */
const FIXED_DATE = new Date(Date.UTC(2026, 9, 1));

export interface CorpusCase {
  /** File name in test/fixtures/workbooks/. */
  file: string;
  /** How the file is made (README and the test's names). */
  how: string;
  make: () => Promise<Uint8Array>;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** The sample's tables for `partners` partners, optionally only some of them (deep copies: cases edit them). */
function tables(partners = 40, only?: readonly string[]): SampleTable[] {
  const all = sampleTables(sampleData(SEED, partners));
  return (only ? all.filter((t) => only.includes(t.name)) : all).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })), rows: t.rows.map((r) => [...r]) }));
}

function table(list: SampleTable[], name: string): SampleTable {
  const found = list.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function column(t: SampleTable, name: string): number {
  const index = t.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`table ${t.name} has no column ${name}`);
  return index;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PartnerFit fixtures";
  workbook.created = workbook.modified = FIXED_DATE;
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return fixDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Each table on its own sheet at A1, as the sample does; `edit` may change the workbook before it is written. */
async function book(list: SampleTable[], edit?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = newWorkbook();
  for (const t of list) addTableSheet(workbook, t.name, t.columns, t.rows);
  edit?.(workbook);
  return bytesOf(workbook);
}

/** Rewrites parts of a zip (`edit` gets and sets the parts' text); entries get the fixed date. */
async function rezip(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return fixDates(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

async function fixDates(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.file(name, await file.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
}

/** The part name of a sheet, by its name in the workbook. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  const found = target?.[1] ?? target?.[2];
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.startsWith("/") ? found.slice(1) : `xl/${found}`;
}

/** Runs LibreOffice on `bytes`, converting to `format`; returns the converted file's bytes. */
function throughLibreOffice(bytes: Uint8Array, name: string, format = "xlsx"): Uint8Array {
  if (!libreOfficeAvailable()) throw new Error("LibreOffice is needed for this case: apt-get install -y libreoffice-calc");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-corpus-"));
  try {
    const input = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(input, bytes);
    return new Uint8Array(fs.readFileSync(convert(input, path.join(dir, "out"), format)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-written parts

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const letter = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * A workbook written the way the Open XML SDK often writes one: every element with an `x:`
 * namespace prefix, text in inline strings (no shared strings part), no styles.
 */
async function prefixedWorkbook(list: SampleTable[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const add = (name: string, xml: string) => zip.file(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, { date: FIXED_DATE });
  add(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${list
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      )
      .join("")}</Types>`,
  );
  add("_rels/.rels", `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="R1" Type="${REL_NS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`);
  add(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheets>${list.map((t, i) => `<x:sheet name="${escapeXml(t.name)}" sheetId="${i + 1}" r:id="S${i + 1}"/>`).join("")}</x:sheets></x:workbook>`,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG_REL_NS}">${list.map((_, i) => `<Relationship Id="S${i + 1}" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
  );
  list.forEach((t, i) => {
    const cell = (value: unknown, ref: string) => {
      if (value === null || value === undefined) return "";
      if (value instanceof Date) return `<x:c r="${ref}"><x:v>${Math.round((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000)}</x:v></x:c>`;
      if (typeof value === "number") return `<x:c r="${ref}"><x:v>${value}</x:v></x:c>`;
      if (typeof value === "boolean") return `<x:c r="${ref}" t="b"><x:v>${value ? 1 : 0}</x:v></x:c>`;
      return `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${escapeXml(String(value))}</x:t></x:is></x:c>`;
    };
    const rows = [t.columns.map((c) => c.name), ...t.rows];
    const sheetData = rows.map((row, r) => `<x:row r="${r + 1}">${row.map((v, c) => cell(v, `${letter(c + 1)}${r + 1}`)).join("")}</x:row>`).join("");
    const ref = `A1:${letter(t.columns.length)}${rows.length}`;
    add(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData>${sheetData}</x:sheetData><x:tableParts count="1"><x:tablePart r:id="T1"/></x:tableParts></x:worksheet>`,
    );
    add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="T1" Type="${REL_NS}/table" Target="../tables/table${i + 1}.xml"/></Relationships>`);
    add(
      `xl/tables/table${i + 1}.xml`,
      `<x:table xmlns:x="${MAIN_NS}" id="${i + 1}" name="${t.name}" displayName="${t.name}" ref="${ref}"><x:autoFilter ref="${ref}"/><x:tableColumns count="${t.columns.length}">${t.columns
        .map((c, j) => `<x:tableColumn id="${j + 1}" name="${escapeXml(c.name)}"/>`)
        .join("")}</x:tableColumns><x:tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></x:table>`,
    );
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Adds a column chart of the Metrics table's Potential column to the Metrics sheet (a drawing and a chart part). */
async function withChart(bytes: Uint8Array, rows: number): Promise<Uint8Array> {
  return rezip(bytes, async (zip) => {
    const sheet = await sheetPart(zip, "Metrics");
    const sheetFile = sheet.split("/").pop()!;
    const relsName = `xl/worksheets/_rels/${sheetFile}.rels`;
    const rels = zip.file(relsName) ? await text(zip, relsName) : `<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    zip.file(relsName, rels.replace("</Relationships>", `<Relationship Id="rIdChart1" Type="${REL_NS}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
    let xml = await text(zip, sheet);
    // <drawing> comes after the page set-up elements and before <tableParts>.
    xml = xml.includes("<tableParts") ? xml.replace("<tableParts", `<drawing r:id="rIdChart1"/><tableParts`) : xml.replace("</worksheet>", `<drawing r:id="rIdChart1"/></worksheet>`);
    if (!xml.includes(`xmlns:r="${REL_NS}"`)) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${REL_NS}" `);
    zip.file(sheet, xml);
    zip.file(
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Potential"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    );
    zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Potential</c:v></c:tx><c:cat><c:strRef><c:f>Metrics!$A$2:$A$${rows + 1}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Metrics!$B$2:$B$${rows + 1}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    );
    const types = await text(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      ),
    );
  });
}

/** A minimal Word document: a zip archive that is not a workbook. */
async function wordDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  const opts = { date: FIXED_DATE };
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    opts,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="R1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`, opts);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Partner list (see attached)</w:t></w:r></w:p></w:body></w:document>`,
    opts,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// ---------------------------------------------------------------------------------------------
// The cases

const set = (t: SampleTable, row: number, name: string, value: unknown) => {
  t.rows[row][column(t, name)] = value;
};

export const CASES: CorpusCase[] = [
  {
    file: "missing-tables.xlsx",
    how: "Only the Partners table under its own name; the audit ratings sit in a table Excel named Table2 (never renamed), so the workbook has no Audit table.",
    make: async () => {
      const list = tables(40, ["Partners", "Audit"]);
      return book(list, (workbook) => {
        const sheet = workbook.getWorksheet("Audit")!;
        ((sheet as unknown as { tables: Record<string, { table: { name: string; displayName?: string } }> }).tables.Audit.table).name = "Table2";
      });
    },
  },
  {
    file: "missing-columns.xlsx",
    how: "Partners without its Name column and Audit without its Rating column (both deleted from the sample's tables).",
    make: async () => {
      const list = tables(40, ["Partners", "Audit"]);
      for (const [name, drop] of [["Partners", "Name"], ["Audit", "Rating"]] as const) {
        const t = table(list, name);
        const i = column(t, drop);
        t.columns.splice(i, 1);
        t.rows.forEach((r) => r.splice(i, 1));
      }
      return book(list);
    },
  },
  {
    file: "renamed-headers.xlsx",
    how: 'Headers a person typed differently: Audit\'s PartnerId is "Partner ID" and Rating is "Ratng"; Engagement\'s OptIn is "Opt-in".',
    make: async () => {
      const list = tables(40, ["Partners", "Audit", "Engagement"]);
      table(list, "Audit").columns[column(table(list, "Audit"), "PartnerId")].name = "Partner ID";
      table(list, "Audit").columns[column(table(list, "Audit"), "Rating")].name = "Ratng";
      table(list, "Engagement").columns[column(table(list, "Engagement"), "OptIn")].name = "Opt-in";
      return book(list);
    },
  },
  {
    file: "headers-reordered.xlsx",
    how: "Audit's columns in another order (Rating, Date, Criterion, Area, PartnerId, Note) with headers in upper and lower case; valid.",
    make: async () => {
      const list = tables(40, ["Partners", "Audit"]);
      const audit = table(list, "Audit");
      const order = ["Rating", "Date", "Criterion", "Area", "PartnerId", "Note"].map((n) => column(audit, n));
      const names = ["RATING", "date", "Criterion", "AREA", "partnerid", "Note"];
      audit.columns = order.map((i, k) => ({ ...audit.columns[i], name: names[k] }));
      audit.rows = audit.rows.map((r) => order.map((i) => r[i]));
      return book(list);
    },
  },
  {
    file: "duplicate-ids.xlsx",
    how: "Partners rows 7 and 12 repeat the ids of rows 3 and 5 (row 12 in lower case: p0005).",
    make: async () => {
      const list = tables(40, ["Partners", "Audit"]);
      const partners = table(list, "Partners");
      set(partners, 6, "PartnerId", partners.rows[2][0]);
      set(partners, 11, "PartnerId", String(partners.rows[4][0]).toLowerCase());
      return book(list);
    },
  },
  {
    file: "unknown-ids.xlsx",
    how: "Audit row 2 names partner P9999 and Deals row 1 names ACME, neither in Partners.",
    make: async () => {
      const list = tables(40, ["Partners", "Audit", "Deals"]);
      set(table(list, "Audit"), 1, "PartnerId", "P9999");
      set(table(list, "Deals"), 0, "PartnerId", "ACME");
      return book(list);
    },
  },
  {
    file: "text-in-numbers.xlsx",
    how: 'Text typed into number columns: Plan Target "12k" (row 1) and Actual "n/a" (row 2), Deals Amount "about 5000" (row 3), Engagement Opportunities "three" (row 4). Numbers stored as text ("4 500" is not one, "4500" is) stay valid.',
    make: async () => {
      const list = tables(40, ["Partners", "Plan", "Deals", "Engagement"]);
      set(table(list, "Plan"), 0, "Target", "12k");
      set(table(list, "Plan"), 1, "Actual", "n/a");
      set(table(list, "Plan"), 2, "Actual", "4500");
      set(table(list, "Deals"), 2, "Amount", "about 5000");
      set(table(list, "Engagement"), 3, "Opportunities", "three");
      return book(list);
    },
  },
  {
    file: "ratings-out-of-range.xlsx",
    how: "Audit ratings 0 (row 1), 6 (row 2), -1 (row 3), 10 (row 4) and 2.5 (row 5, inside the scale: valid).",
    make: async () => {
      const list = tables(40, ["Partners", "Audit"]);
      const audit = table(list, "Audit");
      [0, 6, -1, 10, 2.5].forEach((v, i) => set(audit, i, "Rating", v));
      return book(list);
    },
  },
  {
    file: "bad-dates.xlsx",
    how: 'Dates that are not dates: Audit Date "31/12/2026" (row 1) and "next week" (row 2), Tasks Due "2026-02-30" (row 1), Partners SignedDate -5 (row 2).',
    make: async () => {
      const list = tables(40, ["Partners", "Audit", "Tasks"]);
      set(table(list, "Audit"), 0, "Date", "31/12/2026");
      set(table(list, "Audit"), 1, "Date", "next week");
      set(table(list, "Tasks"), 0, "Due", "2026-02-30");
      set(table(list, "Partners"), 1, "SignedDate", -5);
      return book(list);
    },
  },
  {
    file: "yes-no-booleans.xlsx",
    how: 'Engagement answers typed as words: "yes", "no", "Y", "n", "TRUE" as text, 1 and 0; row 6 OptIn is "perhaps".',
    make: async () => {
      const list = tables(40, ["Partners", "Engagement"]);
      const engagement = table(list, "Engagement");
      const words = ["yes", "no", "Y", "n", "TRUE", 1, 0, "No", "YES"];
      const flags = ["OptIn", "Meets", "Access", "Visible", "Advises", "Suggests", "RefersPartners", "Online"];
      engagement.rows.forEach((row, r) =>
        flags.forEach((flag, f) => {
          const i = column(engagement, flag);
          if (typeof row[i] === "boolean") row[i] = row[i] ? words[(r + f) % 2 === 0 ? 0 : 2] : words[(r + f) % 2 === 0 ? 1 : 3];
        }),
      );
      set(engagement, 0, "OptIn", "TRUE");
      set(engagement, 1, "Meets", 1);
      set(engagement, 2, "Access", 0);
      set(engagement, 5, "OptIn", "perhaps");
      return book(list);
    },
  },
  {
    file: "merged-cells.xlsx",
    how: "Cells merged inside tables (which Excel itself refuses): Partners B4:C4 (Name and Region of data row 3) and Audit D10:D11 (Rating of data rows 9 and 10).",
    make: async () =>
      book(tables(40, ["Partners", "Audit"]), (workbook) => {
        workbook.getWorksheet("Partners")!.mergeCells("B4:C4");
        workbook.getWorksheet("Audit")!.mergeCells("D10:D11");
      }),
  },
  {
    file: "empty-tables.xlsx",
    how: "Every table of the schema with its headers and no data: one blank row each, as Excel makes a new table, except Audit, which has only its header row.",
    make: async () => {
      const list = tables(5);
      const workbook = newWorkbook();
      for (const t of list) addTableSheet(workbook, t.name, t.columns, t.name === "Audit" ? [] : [t.columns.map(() => null)]);
      return bytesOf(workbook);
    },
  },
  {
    file: "table-not-at-a1.xlsx",
    how: "Partners on a sheet named \"Partner list\" at C4, under a title (A1) and a note (A2), with a note to its right (L5) and a count formula directly below it; data row 5's SignedDate is \"soon\".",
    make: async () => {
      const [partners, audit] = tables(40, ["Partners", "Audit"]);
      set(partners, 4, "SignedDate", "soon");
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Partner list");
      sheet.getCell("A1").value = "Channel partners — EMEA, Americas, APAC";
      sheet.getCell("A2").value = "Maintained by the channel team; do not sort by hand.";
      sheet.addTable({
        name: "Partners",
        ref: "C4",
        headerRow: true,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: partners.columns.map((c) => ({ name: c.name, filterButton: true })),
        rows: partners.rows,
      });
      sheet.getCell("L5").value = "Region codes follow the finance system.";
      const below = 4 + partners.rows.length + 1;
      sheet.getCell(`C${below}`).value = { formula: "ROWS(Partners[PartnerId])", result: partners.rows.length };
      sheet.getColumn(10).numFmt = "yyyy-mm-dd";
      addTableSheet(workbook, audit.name, audit.columns, audit.rows);
      return bytesOf(workbook);
    },
  },
  {
    file: "totals-row.xlsx",
    how: "Plan with a totals row (SUM of Target and Actual, with their results) below its data.",
    make: async () => {
      const [partners, plan] = tables(40, ["Partners", "Plan"]);
      const workbook = newWorkbook();
      addTableSheet(workbook, partners.name, partners.columns, partners.rows);
      const sheet = workbook.addWorksheet("Plan");
      const sum = (name: string) => plan.rows.reduce((n, r) => n + (r[column(plan, name)] as number), 0);
      sheet.addTable({
        name: "Plan",
        ref: "A1",
        headerRow: true,
        totalsRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: plan.columns.map((c) => ({
          name: c.name,
          filterButton: true,
          ...(c.name === "Target" || c.name === "Actual" ? { totalsRowFunction: "sum" as const, totalsRowResult: sum(c.name) } : {}),
          ...(c.name === "PartnerId" ? { totalsRowLabel: "Total" } : {}),
        })),
        rows: plan.rows,
      });
      return bytesOf(workbook);
    },
  },
  {
    file: "extra-columns.xlsx",
    how: 'Columns of the user\'s own: Partners gains "Notes", "Revenue 2025" and "Owner email" (between and after the schema\'s); Metrics gains a text column "Comment".',
    make: async () => {
      const list = tables(40, ["Partners", "Metrics"]);
      const partners = table(list, "Partners");
      partners.columns.splice(2, 0, { name: "Notes", width: 30 });
      partners.columns.push({ name: "Revenue 2025" }, { name: "Owner email", width: 24 });
      partners.rows = partners.rows.map((r, i) => [r[0], r[1], i % 3 ? null : `Call back in Q${1 + (i % 4)}`, ...r.slice(2), 10_000 * (i + 1), `owner${i + 1}@example.org`]);
      const metrics = table(list, "Metrics");
      metrics.columns.push({ name: "Comment", width: 30 });
      metrics.rows = metrics.rows.map((r, i) => [...r, i % 4 ? null : "reviewed with the partner"]);
      return book(list);
    },
  },
  {
    file: "large-5000.xlsx",
    how: "5,000 partners: the sample's Partners, Engagement, Metrics and Plan tables for a network of 5,000 (no errors).",
    make: async () => book(tables(5000, ["Partners", "Engagement", "Metrics", "Plan"])),
  },
  {
    file: "libreoffice-saved.xlsx",
    how: "The sample's tables for 60 partners, opened and saved again by LibreOffice Calc (soffice --convert-to xlsx): its own XML, shared strings and styles.",
    make: async () => throughLibreOffice(await book(tables(60)), "libreoffice-saved"),
  },
  {
    file: "excel-style-tables.xlsx",
    how: "The sample's Partners and Audit tables with their table parts written as Excel writes them: no headerRowCount attribute (1 is the default) and totalsRowShown=\"0\".",
    make: async () =>
      rezip(await book(tables(40, ["Partners", "Audit"])), async (zip) => {
        for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/tables/") && n.endsWith(".xml"))) {
          zip.file(name, (await text(zip, name)).replace(/ headerRowCount="1"/, "").replace(/ totalsRowShown="1"/, ' totalsRowShown="0"'));
        }
      }),
  },
  {
    file: "prefixed-xml.xlsx",
    how: "Written by hand the way the Open XML SDK often writes: every element with an x: prefix, inline strings instead of a shared strings part, no styles (Partners and Audit for 20 partners).",
    make: async () => prefixedWorkbook(tables(20, ["Partners", "Audit"])),
  },
  {
    file: "formulas-in-tables.xlsx",
    how: 'Formulas inside tables, with cached results: Partners Name as =PROPER(...) (text), Metrics Performance as =ROUND(...) (numbers), and one Audit Rating =NA() whose cached result is #N/A (data row 3).',
    make: async () =>
      book(tables(30, ["Partners", "Audit", "Metrics"]), (workbook) => {
        const partners = workbook.getWorksheet("Partners")!;
        for (let r = 2; r <= 6; r++) {
          const name = String(partners.getCell(r, 2).value);
          partners.getCell(r, 2).value = { formula: `PROPER("${name.replaceAll('"', '""').toLowerCase()}")`, result: name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) };
        }
        const metrics = workbook.getWorksheet("Metrics")!;
        for (let r = 2; r <= 6; r++) {
          const v = metrics.getCell(r, 3).value as number | null;
          if (typeof v === "number") metrics.getCell(r, 3).value = { formula: `ROUND(${v}.4,0)`, result: v };
        }
        workbook.getWorksheet("Audit")!.getCell("D4").value = { formula: "NA()", result: { error: "#N/A" } };
      }),
  },
  {
    file: "ids-as-numbers.xlsx",
    how: "PartnerIds typed as numbers (1001, 1002, …) in Partners and stored as text (\"1001\") in Audit: the same partners.",
    make: async () => {
      const list = tables(30, ["Partners", "Audit"]);
      const ids = new Map(table(list, "Partners").rows.map((r, i) => [r[0], 1001 + i]));
      table(list, "Partners").rows.forEach((r) => (r[0] = ids.get(r[0])));
      table(list, "Audit").rows.forEach((r) => (r[0] = String(ids.get(r[0]))));
      return book(list);
    },
  },
  {
    file: "blank-required.xlsx",
    how: "Cells a row needs left blank: Partners Name (data row 2), Audit Area (row 4) and Criterion (row 5), Plan Period (row 1).",
    make: async () => {
      const list = tables(30, ["Partners", "Audit", "Plan"]);
      set(table(list, "Partners"), 1, "Name", null);
      set(table(list, "Audit"), 3, "Area", null);
      set(table(list, "Audit"), 4, "Criterion", "   ");
      set(table(list, "Plan"), 0, "Period", null);
      return book(list);
    },
  },
  {
    file: "duplicate-columns.xlsx",
    how: 'Audit with a second "rating" column (a copy someone pasted to the right).',
    make: async () => {
      const list = tables(30, ["Partners", "Audit"]);
      const audit = table(list, "Audit");
      const i = column(audit, "Rating");
      audit.columns.push({ name: "rating" });
      audit.rows.forEach((r) => r.push(r[i]));
      return book(list);
    },
  },
  {
    file: "date-1904.xlsx",
    how: "A workbook in the 1904 date system (Excel for Mac's old default): dates are stored 1,462 days lower; Partners, Audit and Tasks.",
    make: async () => {
      const workbook = newWorkbook();
      workbook.properties.date1904 = true;
      for (const t of tables(30, ["Partners", "Audit", "Tasks"])) addTableSheet(workbook, t.name, t.columns, t.rows);
      return bytesOf(workbook);
    },
  },
  {
    file: "headerless-table.xlsx",
    how: "Partners with its header row turned off (Table Design › Header Row unticked): the first row of cells is data.",
    make: async () => {
      const [partners, audit] = tables(30, ["Partners", "Audit"]);
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Partners");
      sheet.addTable({
        name: "Partners",
        ref: "A1",
        headerRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: partners.columns.map((c) => ({ name: c.name })),
        rows: partners.rows,
      });
      addTableSheet(workbook, audit.name, audit.columns, audit.rows);
      return bytesOf(workbook);
    },
  },
  {
    file: "chart.xlsx",
    how: "The sample's Partners and Metrics tables with a column chart of Potential on the Metrics sheet (a drawing and a chart part added to the file).",
    make: async () => {
      const list = tables(30, ["Partners", "Metrics"]);
      return withChart(await book(list), table(list, "Metrics").rows.length);
    },
  },
  {
    file: "not-a-workbook.xlsx",
    how: "A CSV export saved with an .xlsx name.",
    make: async () => {
      const [partners] = tables(10, ["Partners"]);
      const csv = [partners.columns.map((c) => c.name), ...partners.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? ""))))]
        .map((r) => r.map((v) => `"${String(v).replaceAll('"', '""')}"`).join(","))
        .join("\r\n");
      return new TextEncoder().encode(csv);
    },
  },
  {
    file: "word-document.xlsx",
    how: "A Word document (.docx) renamed to .xlsx: a zip archive with no workbook in it.",
    make: wordDocument,
  },
  {
    file: "truncated.xlsx",
    how: "The first 60% of a valid workbook's bytes (a download cut short).",
    make: async () => {
      const whole = await book(tables(30, ["Partners", "Audit"]));
      return whole.slice(0, Math.floor(whole.length * 0.6));
    },
  },
  {
    file: "corrupt-part.xlsx",
    how: "A valid workbook whose Audit sheet's compressed bytes were overwritten in the middle (the zip directory is intact).",
    make: async () => {
      const whole = await book(tables(30, ["Partners", "Audit"]));
      const zip = await JSZip.loadAsync(whole);
      const part = await sheetPart(zip, "Audit");
      // Find the part's data in the file through its local header, then damage it.
      const name = new TextEncoder().encode(part);
      for (let i = 0; i + 30 < whole.length; i++) {
        if (whole[i] === 0x50 && whole[i + 1] === 0x4b && whole[i + 2] === 3 && whole[i + 3] === 4) {
          const nameLength = whole[i + 26] | (whole[i + 27] << 8);
          const extraLength = whole[i + 28] | (whole[i + 29] << 8);
          if (nameLength === name.length && name.every((b, k) => whole[i + 30 + k] === b)) {
            const size = whole[i + 18] | (whole[i + 19] << 8) | (whole[i + 20] << 16) | (whole[i + 21] << 24);
            const start = i + 30 + nameLength + extraLength + Math.floor(size / 3);
            for (let k = 0; k < 64; k++) whole[start + k] = (k * 37 + 11) & 0xff;
            return whole;
          }
        }
      }
      throw new Error("the Audit sheet's data was not found");
    },
  },
  {
    file: "legacy.xls",
    how: "The sample's Partners table saved by LibreOffice in the Excel 97–2003 format (.xls).",
    make: async () => throughLibreOffice(await book(tables(20, ["Partners"])), "legacy", "xls"),
  },
];

async function main() {
  const only = process.argv.slice(2);
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  for (const c of CASES) {
    if (only.length && !only.some((w) => c.file.includes(w))) continue;
    const bytes = await c.make();
    fs.writeFileSync(path.join(CORPUS_DIR, c.file), bytes);
    console.log(`${c.file.padEnd(28)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB`);
  }
  const readme = [
    "# Malformed-workbook corpus",
    "",
    "Written by `npm run fixtures:workbooks` (`scripts/fixtures-workbooks.ts`); `test/workbook/corpus.test.ts` opens each",
    "through both adapters and checks its report, and that a save touching a bad table writes nothing.",
    "",
    "| file | how it is made |",
    "|---|---|",
    ...CASES.map((c) => `| \`${c.file}\` | ${c.how.replaceAll("|", "\\|")} |`),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(CORPUS_DIR, "README.md"), readme);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
