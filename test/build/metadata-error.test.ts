// A mistake in a custom function's metadata must stop the build, not ship a broken functions.json.
// The real webpack config builds a copy of the sources with one bad function added.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "partnerfit-build-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("npm run build", () => {
  it("fails on a custom-function metadata error", () => {
    for (const entry of ["engine", "addin", "manifest", "assets", "webpack.config.js", "package.json", "tsconfig.json"]) {
      fs.cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"), "dir");
    fs.writeFileSync(
      path.join(work, "addin/functions/broken.ts"),
      `/**
 * A function whose id Excel would reject.
 * @customfunction BAD-ID
 * @param when A date matrix, which custom functions cannot declare.
 */
export function broken(when: Date[][]): number {
  return when.length;
}
`,
    );
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: work,
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/custom function id contains invalid characters/);
    expect(fs.existsSync(path.join(work, "dist/functions.json"))).toBe(false);
  });
});
