/**
 * Plans by realism: the KPI targets of each partner's latest plan period by where they sit among
 * what comparable partners reached — the Plan builder's label, counted across the network — and
 * the targets beyond everything the network reached, each opening its partner.
 */
import { Button, Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { MEDIAN_PERCENTILE, STRETCH_FROM } from "../../../../engine/plan/realism";
import type { PartnerData } from "../../../workbook/records";
import { ShortList } from "../../components/ShortList";
import { formatAmount } from "../../model/format";
import { REALISM_COLUMNS, type RealismColumn, type RealismRow, plansByRealism } from "../../model/portfolio-realism";
import type { PartnerSummary } from "../../model/summary";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  kpi: { minWidth: "5.5rem" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingInline: tokens.spacingHorizontalXXS },
  total: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // A header cell lays its text out in a flex box: aligned by justifying it.
  end: { justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
  partner: { minWidth: 0, paddingInline: 0, textAlign: "start" },
});

/** Short column heads (the full level in each head's title). */
const HEADS: Record<RealismColumn, string> = { "Beyond the network": "Beyond", Stretch: "Stretch", "Within reach": "Within", "Below median": "Below", "No history": "None" };
const SHOWN = 5;

export function RealismCard({ data, summaries, onOpen }: { data: PartnerData; summaries: readonly PartnerSummary[]; onOpen: (partnerId: string) => void }) {
  const styles = useStyles();
  const tiers = useMemo(() => new Map(summaries.map((s) => [s.partner.id.toLowerCase(), s.tier as string | null])), [summaries]);
  const realism = useMemo(() => plansByRealism(data, (id) => tiers.get(id.toLowerCase()) ?? null), [data, tiers]);
  const t = realism.total;
  const line = (r: RealismRow, total: boolean) => (
    <TableRow key={total ? "\u0000total" : r.kpi} className={total ? styles.total : undefined} data-kpi={total ? "total" : r.kpi}>
      <TableCell className={styles.kpi}>{total ? "All KPIs" : r.kpi}</TableCell>
      {REALISM_COLUMNS.map((c) => (
        <TableCell key={c} className={styles.number}>
          {r.counts[c]}
        </TableCell>
      ))}
    </TableRow>
  );
  return (
    <Card className={styles.card} data-testid="realism-card">
      <Text as="h3" size={400} weight="semibold">
        Plans by realism
      </Text>
      {!t.targets ? (
        <Text>No partner's latest plan has a KPI target yet: build plans in a partner's Plan tab.</Text>
      ) : (
        <>
          <Text data-testid="realism-summary">
            {t.targets} KPI targets in {realism.partners} partners' latest plans: {t.counts["Beyond the network"]} beyond the network, {t.counts.Stretch} stretch, {t.counts["Within reach"]} within reach,{" "}
            {t.counts["Below median"]} below the network median{t.counts["No history"] ? `, ${t.counts["No history"]} with no history to compare` : ""}.
          </Text>
          <Table size="extra-small" aria-label="KPI targets by realism" data-testid="realism-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.kpi}>KPI</TableHeaderCell>
                {REALISM_COLUMNS.map((c) => (
                  <TableHeaderCell key={c} className={styles.number} button={{ className: styles.end }}>
                    <abbr title={c}>{HEADS[c]}</abbr>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {realism.byKpi.map((r) => line(r, false))}
              {line(t, true)}
            </TableBody>
          </Table>
          <Text size={200} className={styles.muted}>
            As the Plan builder labels a target: its percentile among the other partners' latest actual of the KPI (same tier when at least five have one) — beyond the network above them
            all, stretch from P{STRETCH_FROM * 100}, within reach from P{MEDIAN_PERCENTILE * 100}, below the median under it.
          </Text>
          <Text weight="semibold">Beyond the network ({realism.beyond.length})</Text>
          {realism.beyond.length ? (
            <ShortList
              className={styles.list}
              items={realism.beyond}
              shown={SHOWN}
              keyOf={(b, i) => `${b.partnerId}|${b.kpi}|${i}`}
              noun="targets beyond the network"
              render={(b) => (
                <>
                  <Button appearance="transparent" size="small" className={styles.partner} onClick={() => onOpen(b.partnerId)}>
                    {b.name}
                  </Button>{" "}
                  <Text size={200}>
                    {b.kpi} {formatAmount(b.target)} in {b.period}
                  </Text>
                </>
              )}
            />
          ) : (
            <Text className={styles.muted}>No target is above everything the network reached.</Text>
          )}
        </>
      )}
    </Card>
  );
}
