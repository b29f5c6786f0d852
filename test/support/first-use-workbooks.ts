/**
 * Workbooks a new user may open first, written by exceljs (a writer independent of the add-in's):
 * an empty one, one with unrelated sheets only, and one that keeps its partners as a plain range
 * (headers and rows on a sheet, no Excel table), with notes above and beside it.
 */
import ExcelJS from "exceljs";

const bytesOf = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/** One sheet, no cells. */
export async function emptyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1");
  return bytesOf(workbook);
}

/** A budget with a formula, and a sheet of notes: nothing PartnerFit knows. */
function addUnrelatedSheets(workbook: ExcelJS.Workbook): void {
  const budget = workbook.addWorksheet("Budget");
  budget.addRow(["Item", "Q1", "Q2"]);
  budget.addRow(["Events", 12000, 15000]);
  budget.addRow(["Travel", 4000, 3500]);
  budget.getCell("D1").value = "Total";
  budget.getCell("D2").value = { formula: "B2+C2", result: 27000 };
  budget.getCell("D3").value = { formula: "B3+C3", result: 7500 };
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Kick-off with the regional teams in January.";
  notes.getCell("B4").value = 42;
}

export async function unrelatedWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addUnrelatedSheets(workbook);
  return bytesOf(workbook);
}

/** The partners of the plain-range workbook: id, name, region, territory, channel manager, type, status, signed. */
export const PLAIN_PARTNERS: readonly (readonly [string, string, string, string, string, string, string, Date | null])[] = [
  ["R001", "Northwind Systems", "EMEA", "DACH", "Amelia Hart", "Reseller", "Active", new Date(Date.UTC(2023, 2, 14))],
  ["R002", "Bluepeak Consulting", "EMEA", "Nordics", "Jonas Becker", "System integrator", "Active", new Date(Date.UTC(2021, 8, 1))],
  ["R003", "Cedar IT", "Americas", "US West", "Marcus Reed", "Managed service provider", "Onboarding", new Date(Date.UTC(2026, 5, 30))],
  ["R004", "Harbor Digital", "APAC", "ANZ", "Priya Nair", "Referral partner", "Prospect", null],
  ["R005", "Summit Networks", "Americas", "LATAM", "Sofia Alvarez", "Distributor", "Active", new Date(Date.UTC(2019, 0, 7))],
];

export const PLAIN_HEADERS = ["PartnerId", "Name", "Region", "Territory", "ChannelManager", "Type", "Status", "SignedDate", "Notes"];

/**
 * Partners kept as a plain range on the sheet "Partner list": a title in A1, the header row in
 * row 3 (with a Notes column the schema does not know), one row per partner, a formula in the
 * Notes of the last one, and a remark two columns to the right of the range. The budget and notes
 * sheets come first.
 */
export async function plainPartnersWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addUnrelatedSheets(workbook);
  const sheet = workbook.addWorksheet("Partner list");
  sheet.getCell("A1").value = "Our partners (kept by hand)";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  PLAIN_HEADERS.forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  PLAIN_PARTNERS.forEach((p, r) => {
    p.forEach((v, c) => {
      if (v !== null) sheet.getCell(4 + r, c + 1).value = v;
    });
  });
  sheet.getColumn(8).numFmt = "dd/mm/yyyy";
  sheet.getCell(4, 9).value = "Top reseller";
  sheet.getCell(4 + PLAIN_PARTNERS.length - 1, 9).value = { formula: 'B8&" (distributor)"', result: "Summit Networks (distributor)" };
  sheet.getCell("K3").value = "Remark beside the list";
  return bytesOf(workbook);
}
