/** The tabs of the Partner view, in order; each renders one partner's part of the workbook. */
import type { ReactNode } from "react";
import { AuditTab } from "./AuditTab";

export interface PartnerTab {
  id: string;
  label: string;
  render: (partnerId: string) => ReactNode;
}

export const PARTNER_TABS: readonly PartnerTab[] = [{ id: "audit", label: "Audit", render: (id) => <AuditTab partnerId={id} /> }];
