/** One partner: who they are, where they stand (tier, segment, stage, audit, plan), and its tabs. */
import { Badge, Button, Card, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft20Regular } from "@fluentui/react-icons/svg/arrow-left";
import { useMemo, useRef, useState } from "react";
import { BadgeLegend, TermBadge } from "../components/TermBadge";
import { formatDate } from "../model/format";
import { summarise } from "../model/summary";
import { useNavigation } from "../state/navigation";
import { useData } from "../state/session";
import { formatScore } from "./partner/AuditTab";
import { PARTNER_TABS } from "./partner/tabs";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  badges: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  // Six tabs do not fit a 360 px pane on one line.
  tabs: { flexWrap: "wrap" },
});

export function PartnerView() {
  const styles = useStyles();
  const data = useData();
  const navigation = useNavigation();
  const [tabId, setTabId] = useState(PARTNER_TABS[0].id);
  const partner = navigation.partnerId ? data.partner(navigation.partnerId) : undefined;
  const summary = useMemo(() => (partner ? summarise(data, partner) : undefined), [data, partner]);
  if (!partner || !summary) {
    return (
      <div className={styles.stack}>
        <Text>Choose a partner in the Partners list.</Text>
        <Button icon={<ArrowLeft20Regular />} onClick={() => navigation.go("partners")}>
          Partners
        </Button>
      </div>
    );
  }
  const tab = PARTNER_TABS.find((t) => t.id === tabId) ?? PARTNER_TABS[0];
  const details = [partner.id, partner.type, partner.territory, partner.region, partner.channelManager].filter(Boolean).join(" · ");
  return (
    <div className={styles.stack}>
      <Card className={styles.header}>
        <Text as="h2" size={500} weight="semibold" data-testid="partner-name">
          {partner.name}
        </Text>
        <Text size={200} className={styles.muted}>
          {details}
          {partner.status && ` · ${partner.status}`}
          {partner.signedDate !== null && ` · signed ${formatDate(partner.signedDate)}`}
        </Text>
        <div className={styles.badges} aria-label="Where the partner stands">
          <TermBadge appearance="tint" data-testid="partner-tier" focusable term={{ kind: "tier", id: summary.tier }}>
            Tier: {summary.tier ?? "not rated"}
            {summary.tier && summary.tierRated && ` (${summary.tierRated})`}
          </TermBadge>
          <TermBadge appearance="tint" focusable term={{ kind: "segment", id: summary.segment }}>
            Segment: {summary.segment ?? "no metrics"}
          </TermBadge>
          <TermBadge appearance="tint" focusable term={{ kind: "stage", id: summary.stage }}>
            Stage: {summary.stage ?? "no scorecard"}
          </TermBadge>
          <Badge appearance="tint" data-testid="partner-audit">Audit: {formatScore(summary.audit)}</Badge>
          <Badge appearance="tint">Plan: {summary.plan ? `${summary.plan.status} (${summary.plan.period})` : "no plan"}</Badge>
          <BadgeLegend stages />
        </div>
      </Card>
      <TabList className={styles.tabs} size="small" selectedValue={tab.id} onTabSelect={(_, d) => setTabId(String(d.value))} aria-label="Partner">
        {PARTNER_TABS.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <TabPanels key={partner.id} partnerId={partner.id} tabId={tab.id} />
    </div>
  );
}

/**
 * The partner's tabs opened so far, the others hidden rather than unmounted: an edit not saved
 * yet (an audit half rated, a P&L what-if, a Monte Carlo running) is still there when the user
 * comes back to its tab. Another partner starts afresh.
 */
function TabPanels({ partnerId, tabId }: { partnerId: string; tabId: string }) {
  const opened = useRef(new Set<string>());
  opened.current.add(tabId);
  return (
    <>
      {PARTNER_TABS.filter((t) => opened.current.has(t.id)).map((t) => (
        <div key={t.id} role="tabpanel" aria-label={t.label} hidden={t.id !== tabId}>
          {t.render(partnerId)}
        </div>
      ))}
    </>
  );
}
