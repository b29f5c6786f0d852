/**
 * The workbook the task pane works on, shared by every view: where it comes from (the open Excel
 * workbook, or an .xlsx file in browser mode), its data as records, and the one way to change it —
 * a validated batch saved whole.
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { Change } from "../../workbook/plan";
import { PartnerData } from "../../workbook/records";
import type { TableName } from "../../workbook/schema";
import type { SheetSpec } from "../../workbook/sheet";
import type { Problem } from "../../workbook/snapshot";
import type { PartnerWorkbook, SaveResult } from "../../workbook/workbook";

/** Where the workbook comes from and, in browser mode, how it leaves. */
export interface WorkbookSource {
  /** What the header shows: "This workbook" in Excel, the file name in a browser. */
  readonly label: string;
  open(): Promise<PartnerWorkbook>;
  /**
   * Browser mode: downloads the workbook with every saved change, as `baseName` with the file's
   * own extension (.xlsx, or .xlsm for a workbook with macros).
   */
  saveAs?(workbook: PartnerWorkbook, baseName: string): Promise<void>;
}

export interface Session {
  readonly source: WorkbookSource;
  readonly status: "loading" | "ready" | "failed";
  /** Why the workbook could not be opened. */
  readonly error?: string;
  readonly workbook?: PartnerWorkbook;
  readonly data?: PartnerData;
  /** Problems found in the workbook as read (named by table, row, column and cell). */
  readonly problems: readonly Problem[];
  /** Validates and writes a batch whole; the data reflects it when it succeeds. */
  save(changes: readonly Change[]): Promise<SaveResult>;
  reload(): Promise<void>;
  /** Writes a sheet the add-in owns (a QBR); the result says why when it could not. */
  writeSheet(sheet: SheetSpec): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Creates the tables the workbook lacks (only those of `only`, when given). */
  setUp(only?: readonly TableName[]): Promise<readonly string[]>;
  /**
   * Browser mode: work on another source (a file the user opened). The current workbook stays
   * until the other one has opened; when it cannot be, `openError` says why and nothing changes.
   */
  replaceSource?(source: WorkbookSource): Promise<boolean>;
  /** Browser mode: the file being opened in place of the current one. */
  readonly opening?: string;
  /** Browser mode: why the last file chosen could not be opened (the current workbook is as it was). */
  readonly openError?: string;
  /**
   * Saves (and set-ups and QBR sheets) made since the workbook was opened or last downloaded:
   * in browser mode they are in the page only until **Save as…**. Always 0 in Excel, where each
   * save is in the open workbook.
   */
  readonly unsavedInFile: number;
  /** Browser mode: downloads the workbook with every saved change (and counts it as in a file). */
  saveAs?(baseName: string): Promise<void>;
  /**
   * Tables still being read after the partner list showed (a file opens with the list's tables
   * first); views that need them wait. Empty once every table is read.
   */
  readonly pending: readonly TableName[];
  /** Why the tables read after the partner list could not be read. */
  readonly pendingError?: string;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The session's data, once the workbook is open. */
export function useData(): PartnerData {
  const { data } = useSession();
  if (!data) throw new Error("useData before the workbook is open");
  return data;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `work` once the page has painted what it shows now — or soon anyway: a page in a background
 * tab paints no frame, and its work must not wait for the user to come back.
 */
const afterPaint = (work: () => void) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
};

/** Runs `work` when the page is next idle (soon, where a browser cannot tell). */
const whenIdle = (work: () => Promise<unknown>) => {
  const run = () => void work().catch(() => undefined);
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
};

export function SessionProvider(props: { source: WorkbookSource; allowReplace?: boolean; children: ReactNode }) {
  const [source, setSource] = useState(props.source);
  const [workbook, setWorkbook] = useState<PartnerWorkbook>();
  const [data, setData] = useState<PartnerData>();
  const [status, setStatus] = useState<Session["status"]>("loading");
  const [error, setError] = useState<string>();
  const [opening, setOpening] = useState<string>();
  const [openError, setOpenError] = useState<string>();
  const [unsavedInFile, setUnsavedInFile] = useState(0);
  const [pendingError, setPendingError] = useState<string>();
  const current = useRef<PartnerWorkbook | undefined>(undefined);
  const inFile = source.saveAs !== undefined;
  const changed = useCallback(() => {
    if (inFile) setUnsavedInFile((n) => n + 1);
  }, [inFile]);

  const adopt = useCallback((opened: PartnerWorkbook) => {
    current.current = opened;
    setWorkbook(opened);
    setData(new PartnerData(opened.snapshot));
    setUnsavedInFile(0);
    setPendingError(undefined);
    setStatus("ready");
    // A file opens with the partner list's tables; the others are read once the list is painted.
    if (opened.snapshot.pending?.length) {
      afterPaint(() =>
        opened.complete().then(
          () => {
            // The workbook's snapshot as it is now (a save may have followed the reading).
            if (current.current === opened) setData((before) => new PartnerData(opened.snapshot, before));
          },
          (e) => {
            if (current.current === opened) setPendingError(describe(e));
          },
        ),
      );
    }
    // While the user looks at the list, what the first save needs is made ready (indexes, sheets).
    whenIdle(() => opened.warm());
  }, []);

  // The first workbook; others come through replaceSource.
  useEffect(() => {
    let cancelled = false;
    props.source.open().then(
      (opened) => {
        if (!cancelled) adopt(opened);
      },
      (e) => {
        if (cancelled) return;
        setError(describe(e));
        setStatus("failed");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [props.source, adopt]);

  const replaceSource = useCallback(
    async (next: WorkbookSource) => {
      setOpening(next.label);
      setOpenError(undefined);
      try {
        const opened = await next.open();
        setSource(next);
        setError(undefined);
        adopt(opened);
        return true;
      } catch (e) {
        setOpenError(`Could not open ${next.label}: ${describe(e)}`);
        return false;
      } finally {
        setOpening(undefined);
      }
    },
    [adopt],
  );

  const saveAs = useCallback(
    async (baseName: string) => {
      if (!workbook || !source.saveAs) throw new Error("no workbook is open");
      await source.saveAs(workbook, baseName);
      setUnsavedInFile(0);
    },
    [workbook, source],
  );

  const save = useCallback(
    async (changes: readonly Change[]): Promise<SaveResult> => {
      if (!workbook) return { ok: false, problems: [{ table: "", message: "the workbook is not open yet" }] };
      try {
        const result = await workbook.save(changes);
        // The records of the tables the save did not change are the ones already read; the
        // changed parts of a file are made ready for Save as while the user goes on.
        if (result.ok) {
          if (changes.length) changed();
          setData((before) => new PartnerData(workbook.snapshot, before));
          whenIdle(() => workbook.prepareSave());
        }
        return result;
      } catch (e) {
        return { ok: false, problems: [{ table: "", message: describe(e) }] };
      }
    },
    [workbook, changed],
  );

  const reload = useCallback(async () => {
    if (!workbook) return;
    setData(new PartnerData(await workbook.reload()));
  }, [workbook]);

  const writeSheet = useCallback(
    async (sheet: SheetSpec): Promise<{ ok: true } | { ok: false; message: string }> => {
      if (!workbook) return { ok: false, message: "the workbook is not open yet" };
      try {
        await workbook.writeSheet(sheet);
        changed();
        return { ok: true };
      } catch (e) {
        return { ok: false, message: describe(e) };
      }
    },
    [workbook, changed],
  );

  const setUp = useCallback(async (only?: readonly TableName[]) => {
    if (!workbook) return [];
    const created = await workbook.setUp(only);
    if (created.length) changed();
    setData((before) => new PartnerData(workbook.snapshot, before));
    return created;
  }, [workbook, changed]);

  const session = useMemo<Session>(
    () => ({
      source,
      status,
      error,
      workbook,
      data,
      problems: data?.snapshot.problems ?? [],
      save,
      reload,
      writeSheet,
      setUp,
      replaceSource: props.allowReplace ? replaceSource : undefined,
      opening,
      openError,
      unsavedInFile,
      saveAs: inFile ? saveAs : undefined,
      pending: data?.snapshot.pending ?? [],
      pendingError,
    }),
    [source, status, error, workbook, data, save, reload, writeSheet, setUp, props.allowReplace, replaceSource, opening, openError, unsavedInFile, inFile, saveAs, pendingError],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
