/** Reading an export from a file in Node (the rest of addin/import runs anywhere). */
import fs from "node:fs/promises";
import path from "node:path";
import { type ExportGrid, readExport } from "./read";

export async function readExportFile(file: string): Promise<ExportGrid> {
  return readExport(new Uint8Array(await fs.readFile(file)), path.basename(file));
}
