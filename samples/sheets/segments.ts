/**
 * The "Segments" sheet: every partner's potential segment, the population segmented by medians
 * and by a nine-box grid, k-means clusters of all eight metrics and the performance rank.
 */
import { cluster, rankPct, segment, segments } from "../../engine/segment";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { METRIC_COLUMNS } from "../data/metrics";
import { SheetBuilder, columnLetter, unwrap } from "./tables";

export const SAMPLE_CLUSTERS = 4;

export function segmentsSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Segments");
  ["PartnerId", "Name", "Potential", "Performance", "Segment", "Segments (median cuts)", "Nine-box", `Cluster (k = ${SAMPLE_CLUSTERS})`, "Performance rank"].forEach(
    (h, i) => sheet.set(1, i + 1, h),
  );
  const names = new Map(data.partners.map((p) => [p.id, p.name]));
  const potentials = data.metrics.map((m) => m.values[0]);
  const performances = data.metrics.map((m) => m.values[1]);
  const last = data.metrics.length + 1;
  data.metrics.forEach((m, i) => {
    const r = i + 2; // the partner's row in the Metrics table
    sheet.set(r, 1, m.partnerId);
    sheet.formula(r, 2, `=INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, names.get(m.partnerId)!);
    // A reference to an empty cell reads as 0, which the functions take for a blank score.
    sheet.formula(r, 3, `=Metrics!B${r}`, m.values[0] ?? 0);
    sheet.formula(r, 4, `=Metrics!C${r}`, m.values[1] ?? 0);
    sheet.formula(r, 5, `=PARTNER.SEGMENT(C${r},D${r})`, segment(m.values[0], m.values[1]));
    sheet.formula(r, 9, `=PARTNER.RANK.PCT(D${r},Metrics[Performance])`, rankPct(m.values[1] ?? 0, performances));
  });
  const label = (method: "median" | "nine") => unwrap(segments(potentials, performances, method)).labels.map((l) => [l ?? ""]);
  sheet.spill(2, 6, `=PARTNER.SEGMENTS(Metrics[Potential],Metrics[Performance],"median")`, label("median"));
  sheet.spill(2, 7, `=PARTNER.SEGMENTS(Metrics[Potential],Metrics[Performance],"nine")`, label("nine"));
  const table = {
    data: Float64Array.from(data.metrics.flatMap((m) => m.values.map((v) => v ?? NaN))),
    rows: data.metrics.length,
    columns: METRIC_COLUMNS.length,
  };
  const clusters = unwrap(cluster(table, SAMPLE_CLUSTERS));
  sheet.spill(2, 8, `=PARTNER.CLUSTER(Metrics!B2:${columnLetter(1 + METRIC_COLUMNS.length)}${last},${SAMPLE_CLUSTERS})`, Array.from(clusters.labels, (c) => [c || ""]));
  [10, 34, 10, 12, 10, 20, 16, 14, 16].forEach((w, i) => (sheet.widths[i + 1] = w));
  sheet.columnFormats[9] = "0.0%";
  sheet.row(1, { bold: true });
  return sheet.spec({ freeze: { rows: 1, columns: 2 } });
}
