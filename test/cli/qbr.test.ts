// The command line as someone runs it: the built dist/cli.cjs (and `npx partnerfit` in the
// repository) as a child process on the sample workbook; one of its decks rendered by LibreOffice Impress.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XlsxAdapter } from "../../addin/workbook/xlsx";
import { SAMPLE_PATH } from "../../samples/generate";
import { type PartnerRow, samplePartnerRows } from "../qbr/partners-table";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { tool } from "../support/tools";

const root = path.resolve(__dirname, "../..");
const CLI = path.join(root, "dist/cli.cjs");
const QUARTER = "2026-Q4";

function partnerfit(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 600_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let dir: string;
let rows: PartnerRow[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-cli-"));
  rows = await samplePartnerRows();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("partnerfit --help", () => {
  it("explains the qbr command and each option, and exits 0", () => {
    const { code, out } = partnerfit("qbr", "--help");
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: partnerfit qbr <workbook.xlsx> --quarter <quarter> --out <folder>/);
    for (const option of ["--quarter", "--out", "--region", "--manager", "--tier", "--zip", "--help"]) expect(out).toContain(option);
  });

  it("runs as `npx partnerfit` in the repository (package.json's bin)", () => {
    const run = spawnSync("npx", ["--offline", "partnerfit", "--help"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Usage: partnerfit qbr");
  });
});

describe("partnerfit qbr's errors", () => {
  it("says so and exits 1 when the workbook is missing, not a workbook, the quarter is wrong or nobody matches", async () => {
    const missing = partnerfit("qbr", path.join(dir, "nowhere.xlsx"), "--quarter", QUARTER, "--out", path.join(dir, "x"));
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`partnerfit: there is no file ${path.join(dir, "nowhere.xlsx")}.\n`);

    // A CSV export renamed .xlsx: the message is the one the task pane gives for the same file.
    const csv = path.join(dir, "partners.xlsx");
    fs.writeFileSync(csv, "PartnerId,Name\nP0001,Highland\n");
    const expected = await XlsxAdapter.open(fs.readFileSync(csv)).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(expected).toMatch(/cannot be opened as a workbook/);
    const notWorkbook = partnerfit("qbr", csv, "--quarter", QUARTER, "--out", path.join(dir, "x"));
    expect(notWorkbook.code).toBe(1);
    expect(notWorkbook.err).toBe(`partnerfit: ${expected}\n`);

    const quarter = partnerfit("qbr", SAMPLE_PATH, "--quarter", "2026-13", "--out", path.join(dir, "x"));
    expect(quarter.code).toBe(1);
    expect(quarter.err).toContain('"2026-13" is not a quarter');

    const nobody = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER, "--out", path.join(dir, "x"), "--region", "Atlantis");
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain("No partner matches region Atlantis.");
    expect(fs.existsSync(path.join(dir, "x"))).toBe(false);
  });

  it("exits 2 with the usage on a mistake in the command", () => {
    const unknown = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER, "--out", dir, "--colour", "blue");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^partnerfit: there is no option --colour\.\n\nUsage: partnerfit qbr/);
    const noOut = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("--out");
  });
});

describe("partnerfit qbr on the sample workbook", () => {
  it("writes a deck per partner and the index into the folder, and says how many", () => {
    const out = path.join(dir, "decks");
    const { code, out: stdout, err } = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER, "--out", out);
    expect(code, err).toBe(0);
    expect(err).toBe("");
    const decks = fs.readdirSync(out).filter((f) => f.endsWith(".pptx"));
    expect(decks.sort()).toEqual(rows.map((r) => `${r.id} ${r.name} ${QUARTER}.pptx`).sort());
    expect(fs.existsSync(path.join(out, "index.csv"))).toBe(true);
    expect(stdout).toContain(`Building ${rows.length} QBR decks for all partners`);
    expect(stdout).toMatch(new RegExp(`\\n${rows.length} decks for ${QUARTER} \\(all partners\\) in [\\d.]+ s`));
  }, 600_000);

  it("with --zip and --region, writes one zip of exactly that region's decks", async () => {
    const region = rows[0].region;
    const out = path.join(dir, "zipped");
    const { code, err } = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER, "--out", out, "--region", region, "--zip");
    expect(code, err).toBe(0);
    const [file] = fs.readdirSync(out);
    expect(file).toBe(`QBR ${QUARTER} region ${region}.zip`);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, file)));
    const expected = rows.filter((r) => r.region === region).map((r) => `${r.id} ${r.name} ${QUARTER}.pptx`);
    expect(Object.keys(zip.files).filter((f) => f.endsWith(".pptx")).sort()).toEqual(expected.sort());
  }, 600_000);
});

const renderable = libreOfficeAvailable() && tool("/usr/bin/pdftotext", "poppler-utils");

describe.skipIf(!renderable)("a deck from partnerfit qbr, rendered by LibreOffice Impress", () => {
  it("opens as a presentation whose first page names the partner and the quarter", () => {
    const partner = rows[4];
    const out = path.join(dir, "one");
    const { code, err } = partnerfit("qbr", SAMPLE_PATH, "--quarter", QUARTER, "--out", out, "--manager", partner.manager);
    expect(code, err).toBe(0);
    const pdf = convert(path.join(out, `${partner.id} ${partner.name} ${QUARTER}.pptx`), path.join(dir, "pdf"), "pdf");
    const pages = execFileSync("/usr/bin/pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const cover = pages[0].replace(/\s+/g, " ");
    expect(cover).toContain(partner.name);
    expect(cover).toContain(QUARTER);
    expect(pages.join(" ")).toContain("Plan against actual");
  }, 300_000);
});
