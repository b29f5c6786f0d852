/**
 * Test workbooks written by exceljs, a writer independent of the add-in's own: fixtures made this
 * way check that the workbook layer reads files it did not write itself.
 */
import type ExcelJS from "exceljs";
import type { TableColumn } from "../../samples/sheets/tables";

/** Adds an Excel table (ListObject) with a header row at A1 of a new sheet. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: TableColumn[], rows: unknown[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c.name, filterButton: true })),
    rows,
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? Math.max(10, c.name.length + 4);
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return sheet;
}
