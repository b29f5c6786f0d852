/** The sample's Partners table read straight from the file with ExcelJS, apart from PartnerFit's reader. */
import ExcelJS from "exceljs";
import { SAMPLE_PATH } from "../../samples/generate";

export interface PartnerRow {
  id: string;
  name: string;
  region: string;
  manager: string;
}

export async function samplePartnerRows(): Promise<PartnerRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_PATH);
  const sheet = workbook.getWorksheet("Partners")!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = (name: string) => headers.indexOf(name);
  const rows: PartnerRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (name: string) => String(row.getCell(column(name)).value ?? "");
    if (cell("PartnerId")) rows.push({ id: cell("PartnerId"), name: cell("Name"), region: cell("Region"), manager: cell("ChannelManager") });
  });
  return rows;
}
