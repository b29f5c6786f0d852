/**
 * System programs some tests drive (Debian's chromium, LibreOffice, poppler). Tests that need one
 * run wherever it is installed; `.ci/run` installs them all and sets PARTNERFIT_REQUIRE_TOOLS=1, so
 * that in CI a missing program fails the run instead of skipping its tests.
 */
import fs from "node:fs";

export function tool(path: string, aptPackage: string): boolean {
  const found = fs.existsSync(path);
  if (!found && process.env.PARTNERFIT_REQUIRE_TOOLS) {
    throw new Error(`${path} is missing: install Debian's ${aptPackage} package (apt-get install -y ${aptPackage}).`);
  }
  if (!found) console.warn(`Tests that need ${path} are skipped (apt-get install -y ${aptPackage}).`);
  return found;
}
