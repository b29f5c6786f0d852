/**
 * Partners placed on two scored metrics (1–100) with lines at the cuts that split them into
 * quadrants. Clicking a point picks that partner; keyboard users pick from the list the view shows
 * beside the chart (a few hundred points are not a sensible tab order).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { ChartFrame } from "./ChartFrame";
import { useWidth } from "./useWidth";

const useStyles = makeStyles({
  box: { width: "100%" },
  svg: { display: "block" },
  frame: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralStroke2 },
  cut: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, strokeDasharray: "5 3" },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  title: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  quadrant: { fill: tokens.colorNeutralForeground3, fontSize: "11px", fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase, pointerEvents: "none" },
  point: {
    cursor: "pointer",
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: 1,
    ":hover": { stroke: tokens.colorNeutralForeground1, strokeWidth: 2 },
  },
});

export interface ScatterPoint {
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly group: string;
}

export interface ScatterGroup {
  readonly id: string;
  /** Where the group's label goes. */
  readonly corner: "top-left" | "top-right" | "bottom-left" | "bottom-right";
  /** A class giving the group's points their fill. */
  readonly className: string;
}

const MARGIN = { top: 10, right: 10, bottom: 34, left: 36 };

export function ScatterChart(props: {
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly ScatterPoint[];
  cuts: { x: number; y: number };
  groups: readonly ScatterGroup[];
  summary: string;
  onSelect(id: string): void;
  testId?: string;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const size = Math.min(width - MARGIN.left - MARGIN.right, 340);
  const height = size + MARGIN.top + MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v - 1) / 99) * size;
  const y = (v: number) => MARGIN.top + ((100 - v) / 99) * size;
  const ticks = [1, 25, 50, 75, 100];
  const corner = (c: ScatterGroup["corner"]) => ({
    x: c.endsWith("left") ? MARGIN.left + 6 : MARGIN.left + size - 6,
    y: c.startsWith("top") ? MARGIN.top + 14 : MARGIN.top + size - 6,
    anchor: c.endsWith("left") ? ("start" as const) : ("end" as const),
  });
  const className = new Map(props.groups.map((g) => [g.id, g.className]));
  const data = {
    columns: ["Partner", props.xLabel, props.yLabel, "Segment"],
    rows: props.points.map((p) => [p.name, String(p.x), String(p.y), p.group]),
  };
  return (
    <ChartFrame title={props.title} summary={props.summary} data={data} testId={props.testId}>
      {(describedBy) => (
        <div ref={box} className={styles.box}>
          <svg className={styles.svg} width={width} height={height} role="img" aria-label={props.title} aria-describedby={describedBy}>
            <rect className={styles.frame} x={MARGIN.left} y={MARGIN.top} width={size} height={size} />
            {ticks.map((t) => (
              <g key={t}>
                <text className={styles.axis} x={x(t)} y={MARGIN.top + size + 12} textAnchor="middle">
                  {t}
                </text>
                <text className={styles.axis} x={MARGIN.left - 4} y={y(t) + 3} textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
            <text className={styles.title} x={MARGIN.left + size / 2} y={height - 4} textAnchor="middle">
              {props.xLabel} →
            </text>
            <text className={styles.title} transform={`translate(11 ${MARGIN.top + size / 2}) rotate(-90)`} textAnchor="middle">
              {props.yLabel} →
            </text>
            <line className={styles.cut} x1={x(props.cuts.x)} x2={x(props.cuts.x)} y1={MARGIN.top} y2={MARGIN.top + size} data-testid="cut-x" />
            <line className={styles.cut} x1={MARGIN.left} x2={MARGIN.left + size} y1={y(props.cuts.y)} y2={y(props.cuts.y)} data-testid="cut-y" />
            {props.groups.map((g) => {
              const at = corner(g.corner);
              return (
                <text key={g.id} className={styles.quadrant} x={at.x} y={at.y} textAnchor={at.anchor}>
                  {g.id}
                </text>
              );
            })}
            {props.points.map((p) => (
              <circle
                key={p.id}
                className={mergeClasses(styles.point, className.get(p.group))}
                cx={x(p.x)}
                cy={y(p.y)}
                r={4.5}
                data-partner={p.id}
                onClick={() => props.onSelect(p.id)}
              >
                <title>{`${p.name}: ${props.xLabel.toLowerCase()} ${p.x}, ${props.yLabel.toLowerCase()} ${p.y} (${p.group})`}</title>
              </circle>
            ))}
          </svg>
        </div>
      )}
    </ChartFrame>
  );
}
