/**
 * The frame every chart of the task pane shares: a title, the chart as an image with a text
 * alternative (also shown under it), and the chart's figures as a table for anyone who prefers them.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2 },
  details: { fontSize: tokens.fontSizeBase200 },
  toggle: { cursor: "pointer", color: tokens.colorBrandForegroundLink, paddingBlock: tokens.spacingVerticalXXS },
  scroll: { overflowX: "auto", maxHeight: "16rem", overflowY: "auto" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

export interface ChartData {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function ChartFrame(props: { title: string; summary: string; data: ChartData; children: (describedBy: string) => ReactNode; testId?: string }) {
  const styles = useStyles();
  const summaryId = useId();
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <Text as="h3" size={300} className={styles.caption}>
        {props.title}
      </Text>
      {props.children(summaryId)}
      <Text size={200} id={summaryId} className={styles.summary}>
        {props.summary}
      </Text>
      <details className={styles.details}>
        <summary className={styles.toggle}>Show the figures</summary>
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label={`${props.title}: figures`}>
            <TableHeader>
              <TableRow>
                {props.data.columns.map((c, i) => (
                  <TableHeaderCell key={c} className={i ? styles.number : undefined}>
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.data.rows.map((row, r) => (
                <TableRow key={r}>
                  {row.map((cell, i) => (
                    <TableCell key={i} className={i ? styles.number : undefined}>
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </figure>
  );
}

/** Round steps for an axis from `min` to `max` (about `count` of them). */
export function ticks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const range = max - min;
  const power = 10 ** Math.floor(Math.log10(range / count));
  // The smallest round step that gives at most one step more than asked for.
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => range / s <= count + 1) ?? 10 * power;
  const out: number[] = [];
  // Multiples of the step, rounded so that 3 × 0.2 is 0.6.
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) out.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  return out;
}
