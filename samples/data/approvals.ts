/**
 * Plan acceptance and approval of the sample partners' quarterly plans, produced by running the
 * engine's approval workflow: drafted and submitted by the channel manager, accepted by a contact
 * at the partner, approved by the region's channel executive (sometimes before the partner
 * accepted), and edited back to Draft now and then.
 */
import { isEngineError } from "../../engine/error";
import { type PlanAction, type PlanApproval, type PlanRole, draftPlan, transition } from "../../engine/plan";
import type { Random } from "../../engine/random";
import { type Partner, pick } from "./partners";
import { addDays, chance, happens, strength } from "./shape";

export interface ApprovalRow {
  partnerId: string;
  period: string;
  plan: PlanApproval;
}

export const APPROVAL_QUARTERS: readonly { period: string; start: Date }[] = [
  { period: "2026-Q2", start: new Date(Date.UTC(2026, 3, 1)) },
  { period: "2026-Q3", start: new Date(Date.UTC(2026, 6, 1)) },
  { period: "2026-Q4", start: new Date(Date.UTC(2026, 9, 1)) },
];

export const EXECUTIVES: Record<string, string> = { EMEA: "Helena Vogt", Americas: "Robert Chen", APAC: "Mei Tanaka" };

const FIRST = ["Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jakob", "Kavya", "Liam", "Maya", "Noah", "Olga", "Pablo", "Rina", "Sam"];
const LAST = ["Müller", "Smith", "Rossi", "Tanaka", "Garcia", "Nielsen", "Dubois", "Kumar", "Silva", "Walsh", "Novak", "Lindqvist"];

export function sampleApprovals(random: Random, partners: readonly Partner[]): ApprovalRow[] {
  const rows: ApprovalRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const s = strength(partner);
    const contact = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    const executive = EXECUTIVES[partner.region];
    for (const { period, start } of APPROVAL_QUARTERS) {
      let plan = draftPlan();
      // Plans are drafted in the last weeks before their quarter, so that Q4's are under way on 30 September.
      let day = addDays(start, -40 + random.int(10));
      const step = (action: PlanAction, by: string, role: PlanRole, comment = "") => {
        day = addDays(day, 1 + random.int(3));
        const next = transition(plan, action, { by, role, at: day.toISOString().slice(0, 10), comment });
        if (isEngineError(next)) throw new Error(`sample approval of ${partner.id} ${period}: ${next.message}`);
        plan = next;
      };
      const upcoming = period === "2026-Q4";
      if (upcoming && happens(random, 0.3)) {
        rows.push({ partnerId: partner.id, period, plan });
        continue;
      }
      step("submit", partner.channelManager, "manager", "Joint plan agreed in the planning meeting");
      if (happens(random, 0.12)) {
        step("reject", contact, "partner", "Revenue target too high for our team size");
        step("edit", partner.channelManager, "manager", "Revenue target lowered");
        step("submit", partner.channelManager, "manager", "Resubmitted with the lower target");
      }
      const accepts = happens(random, chance(1 + 1.2 * s));
      if (accepts && !(upcoming && happens(random, 0.4))) step("accept", contact, "partner", "Accepted");
      if (upcoming && happens(random, 0.7)) {
        rows.push({ partnerId: partner.id, period, plan });
        continue;
      }
      if (plan.state === "Accepted" || happens(random, 0.5)) {
        step("approve", executive, "executive", plan.state === "Accepted" ? "Approved" : "Approved before the partner's signature to start the quarter");
      }
      if (plan.state === "Approved" && happens(random, 0.06)) step("edit", partner.channelManager, "manager", "Targets revised after the mid-quarter review");
      rows.push({ partnerId: partner.id, period, plan });
    }
  }
  return rows;
}
