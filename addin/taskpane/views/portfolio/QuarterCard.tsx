/**
 * The quarter across the portfolio (seed 003 F): plan acceptance and approval by quarter, the
 * partners off track, and the tier moves since the quarter before (engine portfolio review).
 */
import { Button, Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { isEngineError } from "../../../../engine/error";
import { APPROVAL_ROLLUP_COLUMNS } from "../../../../engine/plan";
import { portfolioReview } from "../../../../engine/qbr";
import type { PartnerData } from "../../../workbook/records";
import { QuarterField, latestBegun, quartersIn } from "../../components/QuarterField";
import { ShortList } from "../../components/ShortList";
import { formatPercent } from "../../model/format";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  numberHeader: { "& > div": { justifyContent: "flex-end" } },
  // A workbook with many quarters: the table scrolls rather than hiding one.
  scroll: { overflowX: "auto" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Partners listed before a list opens. */
const SHOWN = 20;

export function QuarterCard({ data, onOpen }: { data: PartnerData; onOpen: (partnerId: string) => void }) {
  const styles = useStyles();
  const quarters = useMemo(() => quartersIn([...data.approvals, ...data.engagement].map((r) => r.period)), [data]);
  const [quarter, setQuarter] = useState(() => latestBegun(quarters));
  const review = useMemo(
    () =>
      portfolioReview({
        quarter,
        partners: data.partners,
        engagement: data.engagement,
        plans: data.plans,
        approvals: data.approvals,
      }),
    [data, quarter],
  );
  if (isEngineError(review)) return null;
  const partnerButton = (id: string, name: string) => (
    <Button appearance="transparent" size="small" onClick={() => onOpen(id)}>
      {name}
    </Button>
  );
  return (
    <Card className={styles.card} data-testid="quarter-review">
      <Text as="h3" size={400} weight="semibold">
        Quarterly review
      </Text>
      <QuarterField quarters={quarters} value={quarter} onChange={setQuarter} />
      <Text weight="semibold">Plan acceptance and approval</Text>
      {review.approvals.length ? (
        // A row per figure, a column per quarter: the figures' names need the width, and at a task
        // pane's width six columns of them ran into one another.
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label="Plan acceptance and approval by quarter">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{APPROVAL_ROLLUP_COLUMNS[0]}</TableHeaderCell>
                {review.approvals.map((r) => (
                  <TableHeaderCell key={r.quarter} className={styles.numberHeader}>
                    {r.quarter}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {APPROVAL_ROLLUP_COLUMNS.slice(1).map((label, i) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  {review.approvals.map((r) => (
                    <TableCell key={r.quarter} className={styles.number}>
                      {[r.plans, r.accepted, r.approved, r.approvedWithoutAcceptance, r.open][i]}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <Text className={styles.muted}>No plan approvals recorded.</Text>
      )}
      <Text weight="semibold">Off track in {review.quarter} ({review.offTrack.length})</Text>
      {review.offTrack.length ? (
        <ShortList
          className={styles.list}
          items={review.offTrack}
          shown={SHOWN}
          keyOf={(p) => p.id}
          noun="partners off track"
          render={(p) => (
            <>
              {partnerButton(p.id, p.name)} {formatPercent(p.attainment)} of target
            </>
          )}
        />
      ) : (
        <Text className={styles.muted}>No partner is off track on the plans covering {review.quarter}.</Text>
      )}
      <Text weight="semibold">Tier moves since {review.previousQuarter} ({review.tierMoves.length})</Text>
      {review.tierMoves.length ? (
        <ShortList
          className={styles.list}
          items={review.tierMoves}
          shown={SHOWN}
          keyOf={(m) => m.id}
          noun="tier moves"
          render={(m) => (
            <>
              {partnerButton(m.id, m.name)} {m.from} → {m.to} {m.up ? "(up)" : "(down)"}
            </>
          )}
        />
      ) : (
        <Text className={styles.muted}>No partner's tier changed between the end of {review.previousQuarter} and the end of {review.quarter}.</Text>
      )}
      <Text size={200} className={styles.muted} data-testid="tier-rule">
        {review.rated
          ? `${review.rated} partners rated in ${review.quarter}. `
          : `No partner has been rated in ${review.quarter} yet: tiers are as last rated before it. `}
        A partner's tier in a quarter is its latest Engagement rating up to the quarter's end, as on its page and in its QBR.
      </Text>
    </Card>
  );
}
