/**
 * The "Tiers" sheet: each partner rated from its Engagement row of the current quarter (the
 * table's rows of that period, which follow the previous quarter's), and the network's tier mix.
 */
import { tier, tierMix, tierMixTable } from "../../engine/tier";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { ENGAGEMENT_PERIOD } from "../data/engagement";
import { SheetBuilder, unwrap } from "./tables";

export function tiersSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Tiers");
  ["PartnerId", "Name", "Status", "Opportunities", "Tier"].forEach((h, i) => sheet.set(1, i + 1, h));
  sheet.set(1, 7, "Tier mix (share of partners; Targets: share of all rows)");
  const byId = new Map(data.partners.map((p) => [p.id, p]));
  const tiers: string[] = [];
  const first = data.engagement.findIndex((e) => e.period === ENGAGEMENT_PERIOD);
  const current = data.engagement.slice(first);
  if (first < 0 || current.some((e) => e.period !== ENGAGEMENT_PERIOD)) throw new Error(`the Engagement rows of ${ENGAGEMENT_PERIOD} must come last`);
  current.forEach((e, i) => {
    const r = i + 2; // this sheet's row
    const t = first + i + 2; // the partner's row in the Engagement table
    const partner = byId.get(e.partnerId)!;
    const rated = unwrap(tier(e.answers, e.opportunities, {}, e.prospect));
    tiers.push(rated);
    sheet.set(r, 1, e.partnerId);
    sheet.formula(r, 2, `=INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, partner.name);
    sheet.formula(r, 3, `=INDEX(Partners[Status],MATCH($A${r},Partners[PartnerId],0))`, partner.status);
    sheet.formula(r, 4, `=Engagement!J${t}`, e.opportunities);
    sheet.formula(r, 5, `=PARTNER.TIER(Engagement!B${t}:I${t},Engagement!J${t},,,Engagement!L${t})`, rated);
  });
  const mix = unwrap(tierMix(tiers));
  const last = current.length + 1;
  sheet.spill(2, 7, `=PARTNER.TIER.MIX(E2:E${last})`, tierMixTable(mix).map((row) => row.map((v) => v ?? "")));
  [10, 34, 12, 14, 8, 2, 12, 10].forEach((w, i) => (sheet.widths[i + 1] = w));
  sheet.columnFormats[8] = "0.0%";
  sheet.row(1, { bold: true });
  return sheet.spec({ freeze: { rows: 1, columns: 2 } });
}
