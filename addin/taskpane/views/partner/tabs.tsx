/** The tabs of the Partner view, in order; each renders one partner's part of the workbook. */
import { Spinner } from "@fluentui/react-components";
import { type ReactNode, Suspense, lazy } from "react";
import { AuditTab } from "./AuditTab";

export interface PartnerTab {
  id: string;
  label: string;
  render: (partnerId: string) => ReactNode;
}

// Tabs after the first are loaded when first opened: the partner list does not wait for them.
const EngagementTab = lazy(() => import(/* webpackChunkName: "engagement-tab" */ "./EngagementTab").then((m) => ({ default: m.EngagementTab })));
const ScorecardTab = lazy(() => import(/* webpackChunkName: "scorecard-tab" */ "./ScorecardTab").then((m) => ({ default: m.ScorecardTab })));
const PnlTab = lazy(() => import(/* webpackChunkName: "pnl-tab" */ "./PnlTab").then((m) => ({ default: m.PnlTab })));
const QbrTab = lazy(() => import(/* webpackChunkName: "qbr-tab" */ "./QbrTab").then((m) => ({ default: m.QbrTab })));
const PlanTab = lazy(() => import(/* webpackChunkName: "plan-tab" */ "./PlanTab").then((m) => ({ default: m.PlanTab })));
const AccountsTab = lazy(() => import(/* webpackChunkName: "accounts-tab" */ "./AccountsTab").then((m) => ({ default: m.AccountsTab })));

const loading = (content: ReactNode) => <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>{content}</Suspense>;

// Each tab is keyed by partner, so that opening another partner starts its forms afresh.
export const PARTNER_TABS: readonly PartnerTab[] = [
  { id: "audit", label: "Audit", render: (id) => <AuditTab partnerId={id} /> },
  { id: "engagement", label: "Engagement", render: (id) => loading(<EngagementTab key={id} partnerId={id} />) },
  { id: "scorecard", label: "Scorecard", render: (id) => loading(<ScorecardTab key={id} partnerId={id} />) },
  { id: "pnl", label: "P&L", render: (id) => loading(<PnlTab key={id} partnerId={id} />) },
  { id: "plan", label: "Plan", render: (id) => loading(<PlanTab key={id} partnerId={id} />) },
  { id: "accounts", label: "Accounts", render: (id) => loading(<AccountsTab key={id} partnerId={id} />) },
  { id: "qbr", label: "QBR", render: (id) => loading(<QbrTab key={id} partnerId={id} />) },
];
