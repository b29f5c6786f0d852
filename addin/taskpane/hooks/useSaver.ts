import { useCallback, useState } from "react";
import type { Change } from "../../workbook/plan";
import type { Problem } from "../../workbook/snapshot";
import type { SaveResult } from "../../workbook/workbook";
import { useSession } from "../state/session";

export interface Saver {
  saving: boolean;
  /** What the last successful save did, for a status message. */
  saved?: string;
  /** Why the last save wrote nothing (the workbook's problems, or the form's own). */
  problems: readonly Problem[];
  /** Saves one batch whole; `describe` words the success. Returns whether it was saved. */
  save(changes: readonly Change[], describe: (result: Extract<SaveResult, { ok: true }>) => string): Promise<boolean>;
  /** Tells the user something about a save that needed no writing (shown as the success message). */
  report(message: string): void;
  /** Reports a problem found before saving (nothing is written). */
  refuse(message: string, table?: string): void;
  clear(): void;
}

/** One user action, one batch: the save of a tab's form, with its success message or its problems. */
export function useSaver(): Saver {
  const session = useSession();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [problems, setProblems] = useState<readonly Problem[]>([]);

  const save = useCallback(
    async (changes: readonly Change[], describe: (result: Extract<SaveResult, { ok: true }>) => string) => {
      setSaving(true);
      setSaved(undefined);
      const result = await session.save(changes);
      setSaving(false);
      setProblems(result.ok ? [] : result.problems);
      if (result.ok) setSaved(describe(result));
      return result.ok;
    },
    [session],
  );
  const report = useCallback((message: string) => {
    setSaved(message);
    setProblems([]);
  }, []);
  const refuse = useCallback((message: string, table = "") => {
    setSaved(undefined);
    setProblems([{ table, message }]);
  }, []);
  const clear = useCallback(() => {
    setSaved(undefined);
    setProblems([]);
  }, []);
  return { saving, saved, problems, save, report, refuse, clear };
}

/** "3 cells updated, 1 row added" (and ", 2 rows removed" with `removed`). */
export function savedCounts(result: { cells: number; rows: number; deleted?: number }, options: { removed?: boolean } = {}): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const removed = options.removed ? `, ${plural(result.deleted ?? 0, "row")} removed` : "";
  return `${plural(result.cells, "cell")} updated, ${plural(result.rows, "row")} added${removed}`;
}
