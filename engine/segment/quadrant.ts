/**
 * Potential segmentation: partners placed on potential × performance, each a scored metric on
 * 1–100, to find the high-potential partners that underperform.
 */
import { fail, guard } from "../error";
import { median, sortAscending, tercileCutsSorted } from "../excel/statistical";
import { messages, where } from "../messages";

export type Quadrant = "Star" | "Develop" | "Sustain" | "Review";
export const QUADRANTS: readonly { readonly id: Quadrant; readonly meaning: string }[] = [
  { id: "Star", meaning: "high potential, high performance" },
  { id: "Develop", meaning: "high potential, low performance: invest here" },
  { id: "Sustain", meaning: "low potential, high performance" },
  { id: "Review", meaning: "low potential, low performance" },
];
export const SEGMENT_METHODS = ["fixed", "median", "nine"] as const;
export type SegmentMethod = (typeof SEGMENT_METHODS)[number];
export const DEFAULT_CUT = 50;
export const NINE_BOX_LEVELS = ["High", "Medium", "Low"] as const;

/** A scored metric must lie on 1–100. */
export function checkMetric(value: number, at: string): number {
  if (!Number.isFinite(value)) fail("#VALUE!", messages.notNumber(at, value));
  if (value < 1 || value > 100) fail("#VALUE!", messages.metricOutOfRange(at, value));
  return value;
}

function quadrant(potential: number, performance: number, potentialCut: number, performanceCut: number): Quadrant {
  const high = potential >= potentialCut;
  const performing = performance >= performanceCut;
  return high ? (performing ? "Star" : "Develop") : performing ? "Sustain" : "Review";
}

/**
 * `PARTNER.SEGMENT`: Star, Develop, Sustain or Review; a value equal to its cut counts as high.
 * A blank metric (`null`) leaves nothing to place: #N/A.
 */
export const segment = guard(
  (potential: number | null, performance: number | null, potentialCut: number = DEFAULT_CUT, performanceCut: number = DEFAULT_CUT): Quadrant => {
    checkMetric(potentialCut, "potential_cut");
    checkMetric(performanceCut, "performance_cut");
    if (potential === null) fail("#N/A", messages.noMetric("potential"));
    if (performance === null) fail("#N/A", messages.noMetric("performance"));
    return quadrant(checkMetric(potential, "potential"), checkMetric(performance, "performance"), potentialCut, performanceCut);
  },
);

/** The cuts a method uses for one metric's values (blanks already left out). */
export interface Cuts {
  readonly potential: readonly number[];
  readonly performance: readonly number[];
}

function level(value: number, [low, high]: readonly number[]): (typeof NINE_BOX_LEVELS)[number] {
  return value >= high ? "High" : value >= low ? "Medium" : "Low";
}

export interface Segmentation {
  /** One label per row; `null` where a metric is blank. */
  readonly labels: readonly (string | null)[];
  /** The cuts used: one per metric (fixed, median) or the two tercile cuts (nine). */
  readonly cuts: Cuts;
}

/**
 * `PARTNER.SEGMENTS`: a label per row. "fixed" cuts both metrics at 50; "median" at each metric's
 * median (Excel MEDIAN over the metric's non-blank values); "nine" at each metric's terciles
 * (PERCENTILE.INC at 1/3 and 2/3) into nine boxes labelled potential/performance, High/High …
 * Low/Low. A value equal to a cut counts as the higher side. Rows with a blank metric get `null`.
 */
export const segments = guard(
  (potentials: readonly (number | null)[], performances: readonly (number | null)[], method: SegmentMethod = "fixed"): Segmentation => {
    const n = potentials.length;
    if (performances.length !== n) fail("#VALUE!", messages.sameCount("performances", "potentials", n, performances.length));
    const known = (values: readonly (number | null)[], name: string) => {
      const out: number[] = [];
      values.forEach((v, i) => {
        if (v === null) return;
        if (!(v >= 1 && v <= 100)) checkMetric(v, where(name, { item: i + 1 }));
        out.push(v);
      });
      return out;
    };
    const p = known(potentials, "potentials");
    const f = known(performances, "performances");
    if (p.length === 0) fail("#N/A", messages.noMetric("potentials"));
    if (f.length === 0) fail("#N/A", messages.noMetric("performances"));

    let cuts: Cuts;
    if (method === "nine") cuts = { potential: tercileCutsSorted(sortAscending(p))!, performance: tercileCutsSorted(sortAscending(f))! };
    else if (method === "median") cuts = { potential: [median(p)!], performance: [median(f)!] };
    else cuts = { potential: [DEFAULT_CUT], performance: [DEFAULT_CUT] };

    const labels = potentials.map((potential, i) => {
      const performance = performances[i];
      if (potential === null || performance === null) return null;
      if (method === "nine") return `${level(potential, cuts.potential)}/${level(performance, cuts.performance)}`;
      return quadrant(potential, performance, cuts.potential[0], cuts.performance[0]);
    });
    return { labels, cuts };
  },
);
