/**
 * Where browser mode's workbook comes from: an .xlsx file (excel-source.ts has the open Excel
 * workbook's). The .xlsx reader and writer are a chunk of their own.
 */
import { PartnerWorkbook } from "../workbook/workbook";
import { download } from "./download";
import { startReading } from "../workbook/read-off-thread";
import { TABLES_READ_MARK } from "./marks";
import { LIST_TABLES } from "./model/summary-tables";
import type { WorkbookSource } from "./state/session";



const xlsxModule = () => import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");

const MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * An .xlsx (or .xlsm) file held in memory: changes are saved into it, and "Save as" downloads it.
 * Reading starts when the source is made — workers download or read the file and parse the tables
 * the partner list shows while the page sets up the task pane — rather than when the session
 * first asks for the workbook; the workbook reads the others when the session completes it.
 */
export function fileSource(label: string, file: Blob | { url: string }): WorkbookSource {
  let adapter: import("../workbook/xlsx").XlsxAdapter | undefined;
  const read = async () => {
    // The partner list's tables first, asked for before the .xlsx module is here; the session
    // reads the others once the list is on screen.
    const reading = startReading(file, LIST_TABLES);
    try {
      const { XlsxAdapter, SCHEMA_TABLES } = await xlsxModule();
      return await XlsxAdapter.open(file, SCHEMA_TABLES, LIST_TABLES, reading);
    } catch (e) {
      // The readers (and a download) stop with the opening that failed.
      for (const reader of reading?.readers ?? []) reader.close(true);
      throw e;
    }
  };
  let reading: ReturnType<typeof read> | undefined = read();
  // open() reports a failure; until then it is not an unhandled one.
  reading.catch(() => undefined);
  return {
    label,
    async open() {
      const opened = reading ?? read();
      reading = undefined;
      adapter = await opened;
      performance.mark(TABLES_READ_MARK);
      return PartnerWorkbook.open(adapter);
    },
    async saveAs(_workbook, baseName) {
      if (!adapter) throw new Error("no workbook is open");
      const macros = await adapter.macroEnabled();
      download(await adapter.save(), `${baseName}.${macros ? "xlsm" : "xlsx"}`, macros ? MACRO_ENABLED : undefined);
    },
  };
}

/** The sample workbook served beside the page. */
export function sampleSource(): WorkbookSource {
  return fileSource("partners.xlsx (sample)", { url: "partners.xlsx" });
}

export function localFileSource(file: File): WorkbookSource {
  return fileSource(file.name, file);
}
