/**
 * Work that is not in the workbook yet: a tab's edits not saved (an audit half rated, a P&L
 * what-if). Tabs declare theirs with `useUnsavedEdit`; the pane asks before anything would drop
 * them (another partner, another file, closing the page).
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useId, useMemo, useState } from "react";

export interface UnsavedEdits {
  /** The tabs with edits not saved, by label ("Audit", "P&L"), in the order they began. */
  readonly labels: readonly string[];
  set(id: string, label: string | undefined): void;
}

const UnsavedContext = createContext<UnsavedEdits | undefined>(undefined);

export function useUnsavedEdits(): UnsavedEdits {
  const edits = useContext(UnsavedContext);
  if (!edits) throw new Error("useUnsavedEdits outside UnsavedEditsProvider");
  return edits;
}

/** Declares that the calling tab has edits not saved (while `dirty`), under `label`. */
export function useUnsavedEdit(label: string, dirty: boolean): void {
  const edits = useContext(UnsavedContext);
  const id = useId();
  const set = edits?.set;
  useEffect(() => {
    if (!set) return;
    set(id, dirty ? label : undefined);
    return () => set(id, undefined);
  }, [set, id, label, dirty]);
}

export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const [byId, setById] = useState<ReadonlyMap<string, string>>(new Map());
  // One function for the provider's life: the tabs' effects depend on it.
  const set = useCallback((id: string, label: string | undefined) => {
    setById((before) => {
      if (before.get(id) === label) return before;
      const next = new Map(before);
      if (label === undefined) next.delete(id);
      else next.set(id, label);
      return next;
    });
  }, []);
  const value = useMemo<UnsavedEdits>(() => ({ labels: [...new Set(byId.values())], set }), [byId, set]);
  return <UnsavedContext.Provider value={value}>{children}</UnsavedContext.Provider>;
}

/** "Audit", "Audit and P&L", "Audit, Plan and P&L". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
