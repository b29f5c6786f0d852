/**
 * A tornado: for each driver, the metric with the driver lowered and raised (one at a time), as a
 * bar from one to the other across the metric's base value; the widest swing on top.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { formatCompact } from "../../model/format";
import { ChartFrame, ticks } from "./ChartFrame";
import { useWidth } from "./useWidth";

const useStyles = makeStyles({
  box: { width: "100%" },
  svg: { display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  base: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  lower: { fill: tokens.colorPaletteMarigoldBorderActive },
  higher: { fill: tokens.colorBrandBackground },
  legend: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
});

export interface TornadoBar {
  readonly driver: string;
  readonly low: number | null;
  readonly high: number | null;
  /** Shown when pointing at the bar's label: the driver's full name, the name the workbook gives it. */
  readonly hint?: string;
}

const ROW = 22;
const TOP = 22;
const BOTTOM = 20;

export function TornadoChart(props: {
  title: string;
  metric: string;
  base: number | null;
  rows: readonly TornadoBar[];
  /** How a value of the metric is written. */
  format: (value: number | null) => string;
  delta: number;
  testId?: string;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const shown = props.rows.filter((r) => r.low !== null && r.high !== null);
  const values = shown.flatMap((r) => [r.low!, r.high!]);
  if (props.base !== null) values.push(props.base);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const pad = (max - min || Math.abs(max) || 1) * 0.04;
  const axis = ticks(min - pad, max + pad, 3);
  const lo = Math.min(min - pad, axis[0]);
  const hi = Math.max(max + pad, axis.at(-1)!);
  const labelW = Math.min(130, Math.round(width * 0.36));
  const left = labelW + 8;
  const right = width - 10;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (right - left);
  const height = TOP + shown.length * ROW + BOTTOM;
  const pct = `${Math.round(props.delta * 100)}%`;

  const top = shown.slice(0, 2).map((r) => `${r.driver} (${props.format(r.low)} to ${props.format(r.high)})`);
  const summary = shown.length
    ? `With each driver lowered and raised by ${pct}, the ${props.metric} moves most with ${top.join(" and ")}` +
      (props.base !== null ? `; its value as modelled is ${props.format(props.base)}.` : ".")
    : `No driver moves the ${props.metric}.`;
  const data = {
    columns: ["Driver", `At −${pct}`, `At +${pct}`],
    rows: props.rows.map((r) => [r.driver, props.format(r.low), props.format(r.high)]),
  };

  return (
    <ChartFrame title={props.title} summary={summary} data={data} testId={props.testId}>
      {(describedBy) => (
        <div ref={box} className={styles.box}>
          <svg className={styles.svg} width={width} height={height} role="img" aria-label={props.title} aria-describedby={describedBy}>
            <rect className={styles.lower} x={left} y={4} width={10} height={10} />
            <text className={styles.legend} x={left + 14} y={13}>
              driver −{pct}
            </text>
            <rect className={styles.higher} x={left + 80} y={4} width={10} height={10} />
            <text className={styles.legend} x={left + 94} y={13}>
              driver +{pct}
            </text>
            {axis.map((v) => (
              <g key={v}>
                <line className={styles.grid} x1={x(v)} x2={x(v)} y1={TOP} y2={height - BOTTOM} />
                <text className={styles.axis} x={x(v)} y={height - 6} textAnchor="middle">
                  {formatCompact(v)}
                </text>
              </g>
            ))}
            {shown.map((r, i) => {
              const yMid = TOP + i * ROW + ROW / 2;
              const from = props.base ?? Math.min(r.low!, r.high!);
              const bar = (value: number, className: string) => (
                <rect className={className} x={Math.min(x(from), x(value))} y={yMid - 7} width={Math.max(1, Math.abs(x(value) - x(from)))} height={14} />
              );
              return (
                <g key={r.driver}>
                  {r.hint && <title>{r.hint}</title>}
                  <text className={styles.label} x={labelW} y={yMid + 4} textAnchor="end">
                    {r.driver.length > 20 ? `${r.driver.slice(0, 19)}…` : r.driver}
                  </text>
                  {bar(r.low!, styles.lower)}
                  {bar(r.high!, styles.higher)}
                </g>
              );
            })}
            {props.base !== null && <line className={styles.base} x1={x(props.base)} x2={x(props.base)} y1={TOP - 2} y2={height - BOTTOM} />}
          </svg>
        </div>
      )}
    </ChartFrame>
  );
}
