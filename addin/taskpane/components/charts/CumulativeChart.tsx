/**
 * The running total of a P&L year by year, from zero at the start of year 1, with the break-even
 * point marked where it turns non-negative for good (the engine's payback, which interpolates
 * within the year exactly as the straight line between two year-ends does).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { formatAmount, formatCompact, formatDecimal } from "../../model/format";
import { ChartFrame, ticks } from "./ChartFrame";
import { useWidth } from "./useWidth";

const useStyles = makeStyles({
  box: { width: "100%" },
  svg: { display: "block", overflow: "visible" },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  zero: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  point: { fill: tokens.colorBrandForeground1 },
  marker: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorPaletteDarkOrangeBorder2, strokeWidth: 2.5 },
  markerLine: { stroke: tokens.colorPaletteDarkOrangeBorder2, strokeWidth: 1.5, strokeDasharray: "4 3" },
  markerText: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase },
});

const HEIGHT = 190;
const MARGIN = { top: 18, right: 14, bottom: 24, left: 46 };

export function CumulativeChart(props: { title: string; line: string; values: readonly number[]; breakEven: number | null; testId?: string }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const years = props.values.length;
  const points = [0, ...props.values];
  const low = Math.min(0, ...points);
  const high = Math.max(0, ...points);
  const span = high - low || 1;
  const yTicks = ticks(low, high, 4);
  const top = Math.max(high, yTicks.at(-1) ?? high);
  const bottom = Math.min(low, yTicks[0] ?? low);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (year: number) => MARGIN.left + (year / Math.max(1, years)) * plotW;
  const y = (v: number) => MARGIN.top + ((top - v) / (top - bottom || span)) * plotH;
  const path = points.map((v, t) => `${t ? "L" : "M"}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const everyYear = years <= 10 || plotW / years > 26;
  const last = props.values.at(-1) ?? 0;
  const be = props.breakEven;

  const summary =
    years === 0
      ? "No years to show."
      : `${props.line} goes from ${formatAmount(props.values[0])} after year 1 to ${formatAmount(last)} after year ${years}; ` +
        (be === null ? `it does not break even within ${years} years.` : be === 0 ? "it is never negative." : `it breaks even after ${formatDecimal(be)} years.`);
  const data = { columns: ["Year", props.line], rows: props.values.map((v, t) => [String(t + 1), formatAmount(v)]) };
  const beX = be === null ? 0 : x(be);
  const labelRight = be !== null && beX < width - 120;

  return (
    <ChartFrame title={props.title} summary={summary} data={data} testId={props.testId}>
      {(describedBy) => (
        <div ref={box} className={styles.box}>
          <svg className={styles.svg} width={width} height={HEIGHT} role="img" aria-label={props.title} aria-describedby={describedBy}>
            {yTicks.map((v) => (
              <g key={v}>
                <line className={v === 0 ? styles.zero : styles.grid} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} />
                <text className={styles.axis} x={MARGIN.left - 6} y={y(v) + 3} textAnchor="end">
                  {formatCompact(v)}
                </text>
              </g>
            ))}
            {points.map((_, t) =>
              everyYear || t % 2 === 0 ? (
                <text key={t} className={styles.axis} x={x(t)} y={HEIGHT - 8} textAnchor="middle">
                  {t === 0 ? "Start" : t}
                </text>
              ) : null,
            )}
            <path className={styles.line} d={path} />
            {props.values.map((v, t) => (
              <circle key={t} className={styles.point} cx={x(t + 1)} cy={y(v)} r={2.5} />
            ))}
            {be !== null && be > 0 && (
              <g data-testid="break-even">
                <line className={styles.markerLine} x1={beX} x2={beX} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
                <circle className={styles.marker} cx={beX} cy={y(0)} r={5} />
                <text className={styles.markerText} x={labelRight ? beX + 6 : beX - 6} y={MARGIN.top - 6} textAnchor={labelRight ? "start" : "end"}>
                  Break-even {formatDecimal(be)} y
                </text>
              </g>
            )}
          </svg>
        </div>
      )}
    </ChartFrame>
  );
}
