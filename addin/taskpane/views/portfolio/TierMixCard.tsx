/** The network's tier mix against seed 004's goal that one partner in five be an MVP (engine TIER.MIX). */
import { Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { MVP_GOAL, TIERS } from "../../../../engine/tier";
import type { PartnerSummary } from "../../model/summary";
import { formatPercent } from "../../model/format";
import { networkTierMix } from "../../model/portfolio";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tier: { width: "3.5rem" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", width: "3.75rem" },
  barCell: { paddingInlineStart: tokens.spacingHorizontalM },
  track: { position: "relative", height: "10px", backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall },
  bar: { position: "absolute", left: 0, top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  target: { backgroundColor: tokens.colorNeutralForeground3 },
  goal: { position: "absolute", top: "-3px", bottom: "-3px", width: "2px", backgroundColor: tokens.colorPaletteDarkOrangeBorderActive },
  muted: { color: tokens.colorNeutralForeground3 },
  gap: { fontWeight: tokens.fontWeightSemibold },
});

export function TierMixCard({ summaries }: { summaries: readonly PartnerSummary[] }) {
  const styles = useStyles();
  const { mix, unrated } = networkTierMix(summaries);
  if (!mix) {
    return (
      <Card className={styles.card}>
        <Text as="h3" size={400} weight="semibold">
          Tier mix
        </Text>
        <Text>No partner has an Engagement row yet: rate partners in the Engagement table to see the tier mix.</Text>
      </Card>
    );
  }
  const mvp = mix.shares[0];
  const gap = mix.mvpGap;
  const needed = gap !== null && gap > 0 ? Math.ceil(gap * mix.partners - 1e-9) : 0;
  const targets = mix.shares.find((s) => s.tier === "Target")!;
  return (
    <Card className={styles.card} data-testid="tier-mix">
      <Text as="h3" size={400} weight="semibold">
        Tier mix
      </Text>
      <Text size={200} className={styles.muted}>
        {mix.partners} rated partners and {targets.count} targets (prospects){unrated ? `; ${unrated} without an Engagement row` : ""}. Partner tiers
        are shares of the rated partners, targets of everyone.
      </Text>
      <Table size="extra-small" aria-label="Tier mix">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.tier}>Tier</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Partners</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Share</TableHeaderCell>
            <TableHeaderCell className={styles.barCell}>
              <span className={styles.muted}>MVP goal {formatPercent(MVP_GOAL)}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mix.shares.map((s) => (
            <TableRow key={s.tier} data-testid={`tier-${s.tier}`}>
              <TableCell>
                <abbr title={TIERS.find((t) => t.id === s.tier)?.name}>{s.tier}</abbr>
              </TableCell>
              <TableCell className={styles.number}>{s.count}</TableCell>
              <TableCell className={styles.number}>{formatPercent(s.share)}</TableCell>
              <TableCell className={styles.barCell}>
                <div className={styles.track} aria-hidden="true">
                  <div className={mergeClasses(styles.bar, s.tier === "Target" && styles.target)} style={{ width: `${Math.min(100, (s.share ?? 0) * 100)}%` }} />
                  {s.tier === "MVP" && <div className={styles.goal} style={{ left: `calc(${MVP_GOAL * 100}% - 1px)` }} />}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text className={styles.gap} data-testid="mvp-gap">
        {gap === null
          ? "No rated partner yet."
          : gap > 0
            ? `MVP gap: ${formatPercent(gap)} — ${formatPercent(mvp.share)} of partners are MVPs against the ${formatPercent(MVP_GOAL)} goal; about ${needed} more MVP${needed === 1 ? "" : "s"} would close it.`
            : `The MVP share, ${formatPercent(mvp.share)}, meets the ${formatPercent(MVP_GOAL)} goal.`}
      </Text>
    </Card>
  );
}
