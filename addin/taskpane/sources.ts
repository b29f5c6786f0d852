/**
 * Where the task pane's workbook comes from: the open Excel workbook (Office.js), or an .xlsx file
 * in browser mode. The .xlsx reader is a chunk of its own, loaded only in browser mode; exceljs
 * (for writing) is another, loaded on the first change or "Save as".
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

/** Up to this size, a workbook is loaded for writing in the background once the page is idle. */
const BACKGROUND_LOAD_BYTES = 3_000_000;

/**
 * Loads a small workbook for writing (exceljs) when the page is next idle, so that the first save
 * does not wait for it. A large one waits for its first change: loading it takes seconds of work
 * that would make the page sluggish meanwhile.
 */
function prepareForWriting(adapter: import("../workbook/xlsx").XlsxAdapter): void {
  if (adapter.size > BACKGROUND_LOAD_BYTES || adapter.unsupported.length) return;
  const load = () => void adapter.loadForWriting().catch(() => undefined);
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 1000);
}

/**
 * An .xlsx file held in memory: changes are saved into it, and "Save as" downloads it. Reading
 * starts when the source is made — while the page renders its first frame — rather than when
 * the session first asks for the workbook.
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
      const workbook = await PartnerWorkbook.open(adapter);
      prepareForWriting(adapter);
      return workbook;
    },
    async saveAs(_workbook, fileName) {
      if (!adapter) throw new Error("no workbook is open");
      download(await adapter.save(), fileName);
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
