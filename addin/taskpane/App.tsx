import { FluentProvider, Tab, TabList, type Theme, makeStyles, tokens } from "@fluentui/react-components";
import { ClipboardTaskListLtr20Regular } from "@fluentui/react-icons";
import { type ReactElement, type ReactNode, useState } from "react";
import { AuditView } from "./views/AuditView";

interface View {
  id: string;
  label: string;
  icon: ReactElement;
  render: () => ReactNode;
}

/** The task pane's views, in navigation order. */
const VIEWS: readonly View[] = [
  { id: "audit", label: "Audit", icon: <ClipboardTaskListLtr20Regular />, render: () => <AuditView /> },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalM },
});

export function App({ theme }: { theme: Theme }) {
  const styles = useStyles();
  const [viewId, setViewId] = useState(VIEWS[0].id);
  const view = VIEWS.find((v) => v.id === viewId) ?? VIEWS[0];
  return (
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>PartnerFit</h1>
        </header>
        <nav aria-label="Views">
          <TabList selectedValue={viewId} onTabSelect={(_, data) => setViewId(String(data.value))} size="small">
            {VIEWS.map((v) => (
              <Tab key={v.id} value={v.id} icon={v.icon}>
                {v.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.main} aria-label={view.label}>
          {view.render()}
        </main>
      </div>
    </FluentProvider>
  );
}
