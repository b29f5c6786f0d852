/**
 * A partner's P&L what-if: the assumptions (defaults with the partner's own rows in their place),
 * a draft of edits on top of them, and the engine's P&L, summary and tornado of the result,
 * recomputed as the draft changes. Nothing is saved here.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { useByContent } from "./useByContent";
import { isEngineError } from "../../../engine/error";
import { type Metric, type PnlSummary, type PnlTable, type Tornado, type View, pnl, pnlSummary, sensitivity } from "../../../engine/pnl";
import { type Draft, type DriverLine, assumptionLines, effective, locateError, mergedAssumptions, yearColumns, yearLabel } from "../model/assumptions";
import { useData } from "../state/session";

export interface PnlError {
  /** The driver the message is about, when it is about one. */
  driver?: string;
  message: string;
}

export interface PnlState {
  lines: readonly DriverLine[];
  drafts: ReadonlyMap<string, Draft>;
  /** Sets (or with `undefined` drops) the draft of a driver. */
  setDraft(driver: string, draft: Draft | undefined): void;
  discard(): void;
  /** The merged rows, as PARTNER.PNL's `assumptions`, and the driver of each row. */
  rows: (string | number | null)[][];
  drivers: readonly string[];
  view: View;
  setView(view: View): void;
  /** The P&L and summary of the view; null when the assumptions cannot be computed (`error` says why). */
  table: PnlTable | null;
  summary: PnlSummary | null;
  /** Both views' summaries, for metrics of either view. */
  summaries: { partner: PnlSummary; vendor: PnlSummary } | null;
  error: PnlError | null;
  /** The Assumptions table's year columns (Year2 …): how long a series the table can hold. */
  yearColumns: readonly string[];
  tornado(metric: Metric, delta: number): Tornado | PnlError;
}

export function usePnl(partnerId: string): PnlState {
  const data = useData();
  const lines = useByContent(useMemo(() => assumptionLines(data, partnerId), [data, partnerId]));
  const years = useMemo(() => yearColumns(data), [data]);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [view, setView] = useState<View>("partner");
  // A save or a reload gives new lines: the draft they answer is gone.
  useEffect(() => setDrafts(new Map()), [lines]);

  const setDraft = useCallback((driver: string, draft: Draft | undefined) => {
    setDrafts((current) => {
      const next = new Map(current);
      if (draft) next.set(driver, draft);
      else next.delete(driver);
      return next;
    });
  }, []);
  const discard = useCallback(() => setDrafts(new Map()), []);

  const merged = useMemo(() => mergedAssumptions(lines, drafts), [lines, drafts]);
  const computed = useMemo(() => {
    if (merged.invalid.length) {
      // The first box that cannot be used, in words; each box also shows its own message.
      const line = lines.find((l) => l.driver === merged.invalid[0])!;
      const { invalid = 0, message = "" } = effective(line, drafts.get(line.driver));
      const more = merged.invalid.length - 1;
      const others = more ? ` ${more} more ${more === 1 ? "driver needs" : "drivers need"} correcting too.` : "";
      return { error: { driver: line.driver, message: `${line.label}, ${yearLabel(invalid + 1)}: ${message}${others}` } };
    }
    const partner = pnlSummary(merged.rows, "partner");
    const vendor = pnlSummary(merged.rows, "vendor");
    const table = pnl(merged.rows, view);
    const failed = [partner, vendor, table].find(isEngineError);
    if (failed) return { error: locateError(failed.message, merged.drivers) };
    return { summaries: { partner, vendor } as { partner: PnlSummary; vendor: PnlSummary }, table: table as PnlTable };
  }, [merged, view, lines, drafts]);

  const tornado = useCallback(
    (metric: Metric, delta: number): Tornado | PnlError => {
      if (computed.error) return computed.error;
      const result = sensitivity(merged.rows, metric, delta);
      return isEngineError(result) ? locateError(result.message, merged.drivers) : result;
    },
    [computed, merged],
  );

  return useMemo(
    () => ({
      lines,
      drafts,
      setDraft,
      discard,
      rows: merged.rows,
      drivers: merged.drivers,
      view,
      setView,
      table: computed.table ?? null,
      summary: computed.summaries?.[view] ?? null,
      summaries: computed.summaries ?? null,
      error: computed.error ?? null,
      yearColumns: years,
      tornado,
    }),
    [lines, drafts, setDraft, discard, merged, view, computed, years, tornado],
  );
}
