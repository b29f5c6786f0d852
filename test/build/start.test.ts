// `npm start` as a new user meets it: it says it is building, and prints the URLs only once the
// first build is done, so that every URL it prints loads at once.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PORT = 3917;

describe("npm start", () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  it("prints the URLs and the sideloading steps when the build is done, and each URL then loads", async () => {
    server = spawn("npm", ["start", "--silent"], { cwd: root, env: { ...process.env, PARTNERFIT_PORT: String(PORT) }, detached: true });
    let output = "";
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready message in 180 s:\n${output}`)), 180_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Excel on Windows or Mac.*\n/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      server!.stdout!.on("data", read);
      server!.stderr!.on("data", read);
      server!.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    await ready;
    const building = output.indexOf("PartnerFit: building");
    const done = output.indexOf("PartnerFit is ready");
    expect(building, output).toBeGreaterThanOrEqual(0);
    expect(done, output).toBeGreaterThan(building);
    // Nothing of webpack's own start-up chatter ("Project is running at", the asset list).
    expect(output).not.toMatch(/Project is running|asset .*\.js/);
    const urls = [...output.slice(done).matchAll(/http:\/\/localhost:\d+\/[\w.]+/g)].map((m) => m[0]);
    expect(urls).toEqual([
      `http://localhost:${PORT}/app.html`,
      `http://localhost:${PORT}/taskpane.html`,
      `http://localhost:${PORT}/manifest.xml`,
    ]);
    for (const url of urls) expect((await fetch(url)).status, url).toBe(200);
    // The same steps as the README's "Load the add-in into Excel".
    expect(output).toContain("Home › Add-ins › More add-ins › My add-ins › Upload My Add-in");
  }, 240_000);
});
