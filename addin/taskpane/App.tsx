/**
 * The task pane, in Excel (taskpane.html, Office.js) and in a browser (app.html, an .xlsx file):
 * a header with the workbook's actions, the problems found in it, and the views.
 */
import {
  Badge,
  Button,
  FluentProvider,
  MessageBar,
  Spinner,
  Tab,
  TabList,
  Text,
  type Theme,
  Toolbar,
  ToolbarButton,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular } from "@fluentui/react-icons/svg/arrow-clockwise";
import { ArrowDownload20Regular } from "@fluentui/react-icons/svg/arrow-download";
import { ArrowImport20Regular } from "@fluentui/react-icons/svg/arrow-import";
import { CircleSmall20Filled } from "@fluentui/react-icons/svg/circle-small";
import { DataScatter20Regular } from "@fluentui/react-icons/svg/data-scatter";
import { FolderOpen20Regular } from "@fluentui/react-icons/svg/folder-open";
import { PeopleTeam20Regular } from "@fluentui/react-icons/svg/people-team";
import { Person20Regular } from "@fluentui/react-icons/svg/person";
import { TableAdd20Regular } from "@fluentui/react-icons/svg/table-add";
import { type ReactElement, type ReactNode, Suspense, lazy, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "./components/ConfirmDialog";
import { ProblemList } from "./components/ProblemList";
import { NavigationProvider, type ViewId, useNavigation } from "./state/navigation";
import { SessionProvider, type WorkbookSource, useSession } from "./state/session";
import { UnsavedEditsProvider, listInWords, useUnsavedEdits } from "./state/unsaved";
import { PartnersView } from "./views/PartnersView";

// The first view is in the page's script; the others load when first shown (a chunk each), so
// that the partner list appears without waiting for code it does not use.
const PartnerView = lazy(() => import(/* webpackChunkName: "partner" */ "./views/PartnerView").then((m) => ({ default: m.PartnerView })));
// The portfolio view (charts, roll-ups) loads when first opened too.
const PortfolioView = lazy(() => import(/* webpackChunkName: "portfolio" */ "./views/PortfolioView"));
// Importing exports (the CSV reader, the mapping, the preview) loads when first opened.
const ImportView = lazy(() => import(/* webpackChunkName: "import" */ "./views/ImportView"));

export type Mode = "excel" | "browser";

interface View {
  id: ViewId;
  label: string;
  icon: ReactElement;
  render: () => ReactNode;
}

/** The task pane's views, in navigation order. */
const VIEWS: readonly View[] = [
  { id: "partners", label: "Partners", icon: <PeopleTeam20Regular />, render: () => <PartnersView /> },
  { id: "partner", label: "Partner", icon: <Person20Regular />, render: () => <PartnerView /> },
  {
    id: "portfolio",
    label: "Portfolio",
    icon: <DataScatter20Regular />,
    render: () => (
      <Suspense fallback={<Spinner size="small" label="Loading the portfolio…" />}>
        <PortfolioView />
      </Suspense>
    ),
  },
  { id: "import", label: "Import", icon: <ArrowImport20Regular />, render: () => <ImportView /> },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: "flex", flexDirection: "column" },
  h1: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  // At desktop width the views keep a readable measure, centred; in a narrow pane they take it all.
  main: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "72rem",
    alignSelf: "center",
  },
  // The view tabs scroll as a tab list rather than widening the pane.
  nav: {
    width: "100%",
    maxWidth: "72rem",
    alignSelf: "center",
    boxSizing: "border-box",
    overflowX: "auto",
    overflowY: "hidden",
    // In a narrow pane the tabs drop their icons, so that every view's tab is in sight.
    "@media (max-width: 420px)": { "& .fui-Tab__icon": { display: "none" } },
  },
  hidden: { display: "none" },
  toolbar: { flexWrap: "wrap", alignItems: "center" },
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1 },
  // A long partner name must leave room for the other views' tabs in a narrow pane.
  tabName: {
    display: "inline-block",
    maxWidth: "8rem",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "bottom",
    "@media (max-width: 400px)": { maxWidth: "6rem" },
  },
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const sourceKeys = new WeakMap<WorkbookSource, number>();
let sources = 0;
/** A number per workbook source, so that another workbook opened starts afresh. */
const keyOf = (source: WorkbookSource) => {
  if (!sourceKeys.has(source)) sourceKeys.set(source, ++sources);
  return sourceKeys.get(source)!;
};

/** Navigation belongs to one workbook: opening another starts at its partner list. */
function PerSource({ children }: { children: ReactNode }) {
  const session = useSession();
  return (
    <UnsavedEditsProvider key={keyOf(session.source)}>
      <NavigationProvider>{children}</NavigationProvider>
    </UnsavedEditsProvider>
  );
}

/** While work would be lost with the page (edits not saved; in browser mode, saves not in a file), the browser asks before closing it. */
function useLeaveWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when a value is returned.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}

export function App(props: { theme: Theme; source: WorkbookSource; mode: Mode }) {
  return (
    <FluentProvider theme={props.theme}>
      <SessionProvider source={props.source} allowReplace={props.mode === "browser"}>
        <PerSource>
          <Shell mode={props.mode} />
        </PerSource>
      </SessionProvider>
    </FluentProvider>
  );
}

function Shell({ mode }: { mode: Mode }) {
  const styles = useStyles();
  const session = useSession();
  const navigation = useNavigation();
  const view = VIEWS.find((v) => v.id === navigation.view) ?? VIEWS[0];
  const partner = navigation.partnerId ? session.data?.partner(navigation.partnerId) : undefined;
  const edits = useUnsavedEdits();
  useLeaveWarning(edits.labels.length > 0 || session.unsavedInFile > 0);
  // Views shown once stay mounted, hidden: the open partner's edits outlive a look at the list.
  const shown = useRef(new Set<ViewId>());
  shown.current.add(view.id);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1 className={styles.h1}>PartnerFit</h1>
          <Text size={200} className={styles.muted} data-testid="workbook-source">
            {session.source.label}
          </Text>
        </div>
        <WorkbookActions mode={mode} />
      </header>
      {session.status === "loading" && <Spinner label="Reading the workbook…" size="small" />}
      {session.opening && <Spinner label={`Opening ${session.opening}…`} size="small" data-testid="opening" />}
      {session.openError && (
        <MessageBar intent="error" role="alert" data-testid="open-error">
          {session.openError}
          {session.status === "ready" && ` — ${session.source.label} is still open, as it was.`}
        </MessageBar>
      )}
      {session.status === "failed" && (
        <MessageBar intent="error" role="alert">
          Could not open the workbook: {session.error}
        </MessageBar>
      )}
      {session.status === "ready" && (
        <>
          <nav aria-label="Views" className={styles.nav}>
            <TabList selectedValue={view.id} onTabSelect={(_, d) => navigation.go(d.value as ViewId)} size="small">
              {VIEWS.map((v) => (
                <Tab key={v.id} value={v.id} icon={v.icon} disabled={v.id === "partner" && !partner} title={v.id === "partner" && partner ? partner.name : undefined}>
                  <span className={styles.tabName}>{v.id === "partner" && partner ? partner.name : v.label}</span>
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={styles.main} aria-label={view.label}>
            {session.workbook?.notice && (
              <MessageBar intent="info" data-testid="open-notice">
                {session.workbook.notice}
              </MessageBar>
            )}
            <ProblemList title={`${plural(session.problems.length, "problem")} in the workbook`} problems={session.problems} intent="warning" />
            {session.pendingError && (
              <MessageBar intent="error" role="alert" data-testid="pending-error">
                Could not read the workbook's other tables ({session.pending.join(", ")}): {session.pendingError}. The partner list shows what was read;
                nothing can be saved.
              </MessageBar>
            )}
            {VIEWS.filter((v) => shown.current.has(v.id)).map((v) => (
              <div key={v.id} className={v.id === view.id ? styles.view : styles.hidden}>
                {/* The partner list's tables are read first; the other views wait for the rest. */}
                {v.id !== "partners" && session.pending.length > 0 ? (
                  !session.pendingError && <Spinner label={`Reading ${session.pending.join(", ")}…`} size="small" data-testid="reading-rest" />
                ) : (
                  <Suspense fallback={<Spinner label="Loading…" size="small" />}>{v.render()}</Suspense>
                )}
              </div>
            ))}
          </main>
        </>
      )}
    </div>
  );
}

function WorkbookActions({ mode }: { mode: Mode }) {
  const styles = useStyles();
  const session = useSession();
  const edits = useUnsavedEdits();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string>();
  const [asking, setAsking] = useState(false);
  const missing = session.data?.snapshot.missing ?? [];
  const fileName = session.source.label.replace(/ \(sample\)$/, "").replace(/\.xls[xm]$/i, "");
  const unsaved = session.unsavedInFile;
  const losses = [
    unsaved > 0 && `${plural(unsaved, "save")} made in this page ${unsaved === 1 ? "is" : "are"} not in a file yet (Save as… keeps ${unsaved === 1 ? "it" : "them"})`,
    edits.labels.length > 0 && `edits in ${listInWords(edits.labels)} are not saved`,
  ].filter((loss): loss is string => !!loss);
  return (
    <Toolbar aria-label="Workbook" size="small" className={styles.toolbar}>
      {mode === "browser" && (
        <>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label="Open a workbook"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // The same file chosen again (after fixing it elsewhere) is a new choice.
              e.target.value = "";
              // Browser mode's file reading is a chunk of its own, not in the Excel task pane's first download.
              if (file && session.replaceSource) void import("./sources").then(({ localFileSource }) => session.replaceSource?.(localFileSource(file)));
            }}
          />
          <ToolbarButton
            icon={<FolderOpen20Regular />}
            disabled={session.opening !== undefined}
            onClick={() => (losses.length ? setAsking(true) : fileInput.current?.click())}
          >
            Open…
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowDownload20Regular />}
            disabled={session.status !== "ready"}
            onClick={async () => {
              try {
                await session.saveAs?.(fileName);
                setMessage(undefined);
              } catch (e) {
                setMessage(e instanceof Error ? e.message : String(e));
              }
            }}
          >
            Save as…
          </ToolbarButton>
          {unsaved > 0 && (
            <Tooltip content="Your saves are kept in this page. Save as… downloads the workbook with all of them." relationship="description">
              <Badge appearance="tint" color="warning" icon={<CircleSmall20Filled />} data-testid="unsaved" tabIndex={0}>
                {plural(unsaved, "save")} not in a file
              </Badge>
            </Tooltip>
          )}
          {asking && (
            <ConfirmDialog
              title="Open another workbook?"
              confirm="Open another workbook"
              cancel={`Keep ${fileName}`}
              onConfirm={() => {
                setAsking(false);
                fileInput.current?.click();
              }}
              onCancel={() => setAsking(false)}
            >
              Opening another workbook here replaces {session.source.label}: {losses.join("; ")}.
            </ConfirmDialog>
          )}
        </>
      )}
      {mode === "excel" && (
        <ToolbarButton icon={<ArrowClockwise20Regular />} disabled={session.status !== "ready"} onClick={() => void session.reload()}>
          Reload
        </ToolbarButton>
      )}
      {/* Without a Partners table the partner list offers Set up workbook itself, saying what it will do. */}
      {missing.length > 0 && !missing.includes("Partners") && (
        <Button
          size="small"
          icon={<TableAdd20Regular />}
          title={`Creates the tables this workbook lacks: ${missing.join(", ")}`}
          onClick={async () => {
            try {
              const created = await session.setUp();
              setMessage(`Created ${created.join(", ")}.`);
            } catch (e) {
              setMessage(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          Set up workbook
        </Button>
      )}
      {message && (
        <Text size={200} role="status">
          {message}
        </Text>
      )}
    </Toolbar>
  );
}
