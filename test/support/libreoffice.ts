/**
 * LibreOffice Calc as an independent spreadsheet calculator: it opens an .xlsx, recalculates
 * every formula (cached results are ignored, see the profile setting below) and saves a copy.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tool } from "./tools";

export const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
export const libreOfficeAvailable = (): boolean => tool(SOFFICE, "libreoffice-calc");

/** A throw-away LibreOffice profile that forces recalculation of OOXML files on load. */
function profile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-lo-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user/registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * Converts `input` with LibreOffice headless (to xlsx by default, recalculated) into `outDir`;
 * returns the output file's path.
 */
export function convert(input: string, outDir: string, format = "xlsx"): string {
  const home = profile();
  try {
    fs.mkdirSync(outDir, { recursive: true });
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=file://${home}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input],
      { stdio: "pipe", timeout: 600_000 },
    );
    const out = path.join(outDir, `${path.parse(input).name}.${format.split(":")[0]}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
