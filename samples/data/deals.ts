/** Registered deals of the active sample partners: how far each got in the funnel, won, lost or open. */
import type { Random } from "../../engine/random";
import { AS_OF, type Partner } from "./partners";
import { addDays, chance, happens, strength } from "./shape";

export const DEAL_STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Closed"] as const;

/** Who brought a deal: the partner, the partner helping the vendor, or the vendor alone. */
export type DealSource = "Partner-sourced" | "Partner-influenced" | "Vendor";

export interface DealRow {
  partnerId: string;
  dealId: string;
  /** The furthest stage the deal reached ("Closed" for a won deal). */
  stage: (typeof DEAL_STAGES)[number];
  amount: number;
  outcome: "Won" | "Lost" | "Open";
  opened: Date;
  closed: Date | null;
  /** The deal's account, registration, source and qualification: set by sampleDealAccounts (accounts.ts). */
  accountId: string | null;
  registered: Date | null;
  protectedUntil: Date | null;
  source: DealSource | null;
  qualified: boolean | null;
}

export function sampleDeals(random: Random, partners: readonly Partner[]): DealRow[] {
  const rows: DealRow[] = [];
  let next = 1;
  for (const partner of partners) {
    if (partner.status !== "Active") continue;
    const s = strength(partner);
    const count = 4 + random.int(6) + Math.max(0, Math.round(3 * s));
    const size = partner.type === "Distributor" ? 90_000 : partner.type === "Referral partner" ? 15_000 : 40_000;
    let decided = 0;
    for (let d = 0; d < count; d++) {
      const opened = addDays(AS_OF, -20 - random.int(330));
      const age = Math.round((AS_OF.getTime() - opened.getTime()) / 86_400_000);
      // Each stage is passed with a chance that grows with the partner's strength.
      let reached = 0;
      while (reached < DEAL_STAGES.length - 1 && happens(random, chance(1 + 0.7 * s + 0.2 * reached))) reached++;
      const won = reached === DEAL_STAGES.length - 1;
      // Deals that stopped short are lost once they are old enough, otherwise still open (the last two always decided).
      const lost = !won && (age > 120 || happens(random, 0.4) || (d >= count - 2 && decided < 2));
      const outcome = won ? "Won" : lost ? "Lost" : "Open";
      if (outcome !== "Open") decided++;
      const cycle = 25 + random.int(Math.max(10, Math.min(age - 5, 160)));
      rows.push({
        partnerId: partner.id,
        dealId: `D${String(next++).padStart(5, "0")}`,
        stage: DEAL_STAGES[reached],
        amount: Math.round((size * (0.4 + 1.4 * random.next()) * (1 + 0.2 * partner.quality)) / 500) * 500,
        outcome,
        opened,
        closed: outcome === "Open" ? null : addDays(opened, Math.min(cycle, age)),
        accountId: null,
        registered: null,
        protectedUntil: null,
        source: null,
        qualified: null,
      });
    }
  }
  return rows;
}
