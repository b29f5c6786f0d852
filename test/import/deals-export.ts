/**
 * A large deals export as a CRM writes an opportunity report (quoted partner names, US amounts,
 * mm/dd/yyyy dates), every row a new Open deal of a sample partner: for the import's large test
 * and its benchmark.
 */
import { sampleData } from "../../samples/generate";

export function dealsExport(rows: number): Uint8Array {
  const partners = sampleData().partners;
  const lines = ["Opportunity ID,Partner Account,Stage,Amount,Close Date,Won/Lost"];
  for (let i = 0; i < rows; i++) {
    const p = partners[i % partners.length];
    const amount = 1000 + ((i * 7919) % 250_000);
    lines.push(`X${String(i).padStart(6, "0")},"${p.name}",Proposal,"${amount.toLocaleString("en-US")}.00",${String((i % 12) + 1).padStart(2, "0")}/${String((i % 28) + 1).padStart(2, "0")}/2026,Open`);
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}
