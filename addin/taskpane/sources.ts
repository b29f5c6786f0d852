/**
 * Where the task pane's workbook comes from: the open Excel workbook (Office.js), or an .xlsx file
 * in browser mode. The .xlsx reader and writer are a chunk of their own, loaded only in browser mode.
 */
import { OfficeAdapter } from "../workbook/office";
import { PartnerWorkbook } from "../workbook/workbook";
import type { WorkbookSource } from "./state/session";

export function excelSource(): WorkbookSource {
  return { label: "This workbook", open: () => PartnerWorkbook.open(new OfficeAdapter()) };
}

/** Offers bytes as a file download (the browser saves them; nothing leaves the page). */
export function download(bytes: Uint8Array, fileName: string, type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const xlsxModule = () => import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");

const MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * An .xlsx (or .xlsm) file held in memory: changes are saved into it, and "Save as" downloads it.
 * Reading starts when the source is made — while the page renders its first frame — rather than
 * when the session first asks for the workbook.
 */
export function fileSource(label: string, bytes: () => Promise<ArrayBuffer>): WorkbookSource {
  let adapter: import("../workbook/xlsx").XlsxAdapter | undefined;
  const read = async () => {
    const [{ XlsxAdapter }, data] = await Promise.all([xlsxModule(), bytes()]);
    return XlsxAdapter.open(data);
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
      return PartnerWorkbook.open(adapter);
    },
    async saveAs(_workbook, baseName) {
      if (!adapter) throw new Error("no workbook is open");
      const macros = await adapter.macroEnabled();
      download(await adapter.save(), `${baseName}.${macros ? "xlsm" : "xlsx"}`, macros ? MACRO_ENABLED : undefined);
    },
  };
}

/** The sample workbook served beside the page (app.html preloads it while the scripts load). */
export function sampleSource(): WorkbookSource {
  return fileSource("partners.xlsx (sample)", async () => {
    const response = await fetch("partners.xlsx");
    if (!response.ok) throw new Error(`could not load the sample workbook (${response.status})`);
    return response.arrayBuffer();
  });
}

export function localFileSource(file: File): WorkbookSource {
  return fileSource(file.name, () => file.arrayBuffer());
}
