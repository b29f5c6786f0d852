/** The tabs of the Partner view, in order; each renders one partner's part of the workbook. */
import type { ReactNode } from "react";
import { AuditTab } from "./AuditTab";
import { EngagementTab } from "./EngagementTab";
import { PlanTab } from "./PlanTab";
import { ScorecardTab } from "./ScorecardTab";

export interface PartnerTab {
  id: string;
  label: string;
  render: (partnerId: string) => ReactNode;
}

// Each tab is keyed by partner, so that opening another partner starts its forms afresh.
export const PARTNER_TABS: readonly PartnerTab[] = [
  { id: "audit", label: "Audit", render: (id) => <AuditTab partnerId={id} /> },
  { id: "engagement", label: "Engagement", render: (id) => <EngagementTab key={id} partnerId={id} /> },
  { id: "scorecard", label: "Scorecard", render: (id) => <ScorecardTab key={id} partnerId={id} /> },
  { id: "plan", label: "Plan", render: (id) => <PlanTab key={id} partnerId={id} /> },
];
