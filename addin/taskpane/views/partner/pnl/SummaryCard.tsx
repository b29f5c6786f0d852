/** The P&L summary of the view (NPV, IRR, payback, first profitable year, ROI, total) and its cumulative chart. */
import { Card, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { View } from "../../../../../engine/pnl";
import { CumulativeChart } from "../../../components/charts/CumulativeChart";
import type { PnlState } from "../../../hooks/usePnl";
import { formatAmount, formatDecimal, formatPercent } from "../../../model/format";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(100px, 1fr))", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, margin: 0 },
  figure: { display: "flex", flexDirection: "column", margin: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  big: { fontSize: tokens.fontSizeBase600 },
});

export function SummaryCard({ pnl }: { pnl: PnlState }) {
  const styles = useStyles();
  const { summary, table, view } = pnl;
  const partner = view === "partner";
  const figures: [string, string, string][] = summary
    ? [
        ["NPV", formatAmount(summary.npv), "pnl-npv"],
        ["IRR", formatPercent(summary.irr), "pnl-irr"],
        ["Payback", summary.payback === null ? "Not reached" : `${formatDecimal(summary.payback)} years`, "pnl-payback"],
        [partner ? "First profitable year" : "First positive year", summary.firstProfitableYear === null ? "None" : `Year ${summary.firstProfitableYear}`, "pnl-first-year"],
        ["ROI", formatPercent(summary.roi), "pnl-roi"],
        [partner ? "Total profit" : "Total contribution", formatAmount(summary.total), "pnl-total"],
      ]
    : [];
  const cumulative = table?.lines.at(-1);
  return (
    <Card className={styles.card}>
      <div className={styles.head}>
        <Text as="h3" size={400} weight="semibold">
          {partner ? "Partner's P&L" : "Vendor's view"}
        </Text>
        <RadioGroup layout="horizontal" aria-label="View" value={view} onChange={(_, d) => pnl.setView(d.value as View)}>
          <Radio value="partner" label="Partner" />
          <Radio value="vendor" label="Vendor" />
        </RadioGroup>
      </div>
      {pnl.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The P&L cannot be computed.</MessageBarTitle>
            <span data-testid="pnl-error">{pnl.error.message}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <dl className={styles.figures} aria-live="polite" aria-label="Summary">
          {figures.map(([label, value, id], i) => (
            <div key={id} className={styles.figure}>
              <dt className={styles.label}>{label}</dt>
              <dd className={mergeClasses(styles.value, i === 0 && styles.big)} data-testid={id} data-value={i === 0 ? summary.npv : undefined}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {summary && cumulative && (
        <CumulativeChart
          title={partner ? "Cumulative profit and break-even" : "Cumulative vendor contribution and break-even"}
          line={cumulative.label}
          values={[...cumulative.values]}
          breakEven={summary.payback}
          testId="cumulative-chart"
        />
      )}
    </Card>
  );
}
