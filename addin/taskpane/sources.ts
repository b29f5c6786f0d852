/**
 * Where the task pane's workbook comes from: the open Excel workbook (Office.js), or an .xlsx file
 * in browser mode. The .xlsx code (and exceljs) is loaded only when a file is opened.
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

/** An .xlsx file held in memory: changes are saved into it, and "Save as" downloads it. */
export function fileSource(label: string, bytes: () => Promise<ArrayBuffer>): WorkbookSource {
  let adapter: import("../workbook/xlsx").XlsxAdapter | undefined;
  return {
    label,
    async open() {
      const { XlsxAdapter } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
      adapter = await XlsxAdapter.open(await bytes());
      return PartnerWorkbook.open(adapter);
    },
    async saveAs(_workbook, fileName) {
      if (!adapter) throw new Error("no workbook is open");
      download(await adapter.save(), fileName);
    },
  };
}

/** The sample workbook served beside the page. */
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
