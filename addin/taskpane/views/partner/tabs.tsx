/** The tabs of the Partner view, in order; each renders one partner's part of the workbook. */
import { Spinner } from "@fluentui/react-components";
import { type ReactNode, Suspense, lazy } from "react";
import { AuditTab } from "./AuditTab";

// The P&L tab (engine P&L, charts, the Monte Carlo worker) loads when first opened.
const PnlTab = lazy(() => import(/* webpackChunkName: "pnl" */ "./PnlTab").then((m) => ({ default: m.PnlTab })));

export interface PartnerTab {
  id: string;
  label: string;
  render: (partnerId: string) => ReactNode;
}

export const PARTNER_TABS: readonly PartnerTab[] = [
  { id: "audit", label: "Audit", render: (id) => <AuditTab partnerId={id} /> },
  {
    id: "pnl",
    label: "P&L",
    render: (id) => (
      <Suspense fallback={<Spinner size="small" label="Loading the P&L…" />}>
        <PnlTab key={id} partnerId={id} />
      </Suspense>
    ),
  },
];
