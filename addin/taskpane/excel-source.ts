/** The task pane's workbook in Excel: the open workbook, through Office.js. */
import { OfficeAdapter } from "../workbook/office";
import { PartnerWorkbook } from "../workbook/workbook";
import type { WorkbookSource } from "./state/session";

export function excelSource(): WorkbookSource {
  return { label: "This workbook", open: () => PartnerWorkbook.open(new OfficeAdapter()) };
}
