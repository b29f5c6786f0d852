/** The P&L year by year, as PARTNER.PNL spills it, in a table that scrolls sideways in a narrow pane. */
import { Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PnlTable } from "../../../../../engine/pnl";
import { formatAmount } from "../../../model/format";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: {
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Columns as wide as their figures: the table scrolls sideways rather than squeezing them.
  table: { tableLayout: "auto", width: "max-content" },
  line: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightRegular,
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", paddingInlineStart: tokens.spacingHorizontalM },
  strong: { fontWeight: tokens.fontWeightSemibold },
  negative: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const EMPHASIS = new Set(["Profit", "Cumulative profit", "Vendor contribution", "Cumulative contribution"]);

export function PnlTableCard({ table, title }: { table: PnlTable; title: string }) {
  const styles = useStyles();
  const years = Array.from({ length: table.years }, (_, t) => `Year ${t + 1}`);
  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        {title}
      </Text>
      <div className={styles.scroll} role="region" aria-label={`${title}, scrolls sideways`} tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label={title} data-testid="pnl-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.line}>Line</TableHeaderCell>
              {years.map((y) => (
                <TableHeaderCell key={y} className={styles.number}>
                  {y}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.lines.map((line) => (
              <TableRow key={line.label}>
                <TableCell className={mergeClasses(styles.line, EMPHASIS.has(line.label) && styles.strong)}>{line.label}</TableCell>
                {[...line.values].map((v, t) => (
                  <TableCell key={t} className={mergeClasses(styles.number, v < 0 && styles.negative, EMPHASIS.has(line.label) && styles.strong)}>
                    {formatAmount(v)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.muted}>
        The same figures as =PARTNER.PNL on these assumptions.
      </Text>
    </Card>
  );
}
