/** Serves a folder (dist/ by default) on a free localhost port, for the browser tests. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Whether range requests are answered (by default they are, as by static web servers); "last"
   * answers only a request for the last bytes (`-n`) and sends the whole file for any other.
   */
  ranges?: boolean | "last";
  /** Whether browsers may keep what is served (by default they may); `false` sends `Cache-Control: no-store`. */
  cache?: boolean;
  /** Told each file served (its path in the folder) and, for a range request, the bytes served (from, to exclusive). */
  onRequest?: (file: string, range?: [number, number]) => void;
}

export async function serve(folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist"), options: ServeOptions = {}): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(folder, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end("not found");
      return;
    }
    const stat = fs.statSync(file);
    const headers = {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "last-modified": stat.mtime.toUTCString(),
      ...(options.ranges === false ? {} : { "accept-ranges": "bytes" }),
      ...(options.cache === false ? { "cache-control": "no-store" } : {}),
    };
    // One range of bytes, as static web servers answer it: `a-b`, `a-` or the last `n` (`-n`).
    const asked = options.ranges === false ? null : /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
    const ifRange = request.headers["if-range"];
    if (asked && (asked[1] || asked[2]) && (options.ranges !== "last" || !asked[1]) && (!ifRange || ifRange === headers["last-modified"])) {
      const size = stat.size;
      const from = asked[1] ? Number(asked[1]) : Math.max(0, size - Number(asked[2]));
      const to = asked[1] ? (asked[2] ? Math.min(Number(asked[2]), size - 1) : size - 1) : size - 1;
      if (from >= size || to < from) {
        response.writeHead(416, { "content-range": `bytes */${size}` }).end();
        return;
      }
      options.onRequest?.(pathname, [from, to + 1]);
      response.writeHead(206, { ...headers, "content-length": to - from + 1, "content-range": `bytes ${from}-${to}/${size}` });
      fs.createReadStream(file, { start: from, end: to }).pipe(response);
      return;
    }
    options.onRequest?.(pathname);
    response.writeHead(200, { ...headers, "content-length": stat.size });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
