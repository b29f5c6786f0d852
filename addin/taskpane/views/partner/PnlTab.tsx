/**
 * The partner's P&L what-if: assumptions inherited from the defaults with the partner's overrides,
 * edited live (the summary, chart, table and tornado follow every keystroke), the Monte Carlo, and
 * "Save overrides", which writes the partner's rows to the Assumptions table in one save.
 */
import { Button, MessageBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Regular } from "@fluentui/react-icons/svg/checkmark-circle";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useEffect, useState } from "react";
import { ProblemList } from "../../components/ProblemList";
import { usePnl } from "../../hooks/usePnl";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { assumptionChanges } from "../../model/assumptions";
import { formatAmount } from "../../model/format";
import { useData } from "../../state/session";
import { useUnsavedEdit } from "../../state/unsaved";
import { AssumptionsCard } from "./pnl/AssumptionsCard";
import { PnlTableCard } from "./pnl/PnlTableCard";
import { SensitivityCard } from "./pnl/SensitivityCard";
import { SimulationCard } from "./pnl/SimulationCard";
import { SummaryCard } from "./pnl/SummaryCard";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  barText: { flexGrow: 1, flexBasis: "8rem" },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  problems: { flexBasis: "100%" },
});

export function PnlTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const pnl = usePnl(partnerId);
  const saver = useSaver();
  const { saving, saved, problems } = saver;
  const edits = pnl.drafts.size;
  useUnsavedEdit("P&L", edits > 0);
  // While a typed value cannot be computed, the year boxes keep the last horizon that could.
  const [lastHorizon, setLastHorizon] = useState(5);
  useEffect(() => {
    if (pnl.table) setLastHorizon(pnl.table.years);
  }, [pnl.table]);
  const horizon = pnl.table?.years ?? lastHorizon;

  async function save() {
    const changes = assumptionChanges(data, partnerId, pnl.lines, pnl.drafts);
    if (!changes.length) {
      pnl.discard();
      saver.report("Nothing to save: the values are the ones already in the workbook.");
      return;
    }
    if (await saver.save(changes, (r) => `Saved the overrides to the Assumptions table: ${savedCounts(r, { removed: true })}.`)) pnl.discard();
  }

  // Where the user is, however far down the tab: the edits not saved yet, or what the last save did.
  const bar = edits > 0 || saved !== undefined || problems.length > 0;
  return (
    <div className={styles.stack}>
      {bar && (
        <div className={styles.bar} role="region" aria-label="Overrides">
          {edits > 0 ? (
            <>
              <Text className={styles.barText} size={200}>
                {edits} unsaved {edits === 1 ? "change" : "changes"}
                {pnl.summary && ` · NPV ${formatAmount(pnl.summary.npv)}`}
              </Text>
              <Button appearance="primary" size="small" icon={<Save20Regular />} disabled={saving || pnl.error !== null} onClick={save}>
                Save overrides
              </Button>
              <Button size="small" icon={<Dismiss20Regular />} disabled={saving} onClick={pnl.discard}>
                Discard
              </Button>
            </>
          ) : (
            saved && (
              <>
                <CheckmarkCircle20Regular className={styles.done} />
                <Text className={styles.barText} size={200} role="status">
                  {saved}
                </Text>
                <Button size="small" appearance="subtle" icon={<Dismiss20Regular />} aria-label="Close" onClick={saver.clear} />
              </>
            )
          )}
          {problems.length > 0 && (
            <div className={styles.problems}>
              <ProblemList title="Nothing was saved:" problems={problems} />
            </div>
          )}
        </div>
      )}
      {!data.snapshot.tables.has("Assumptions") && (
        <MessageBar intent="info">
          This workbook has no Assumptions table: try values here, and use Set up workbook to create the table before saving them.
        </MessageBar>
      )}
      <SummaryCard pnl={pnl} />
      <AssumptionsCard pnl={pnl} horizon={horizon} />
      {pnl.table && <PnlTableCard table={pnl.table} title={pnl.view === "partner" ? "P&L by year" : "Vendor's P&L by year"} />}
      <SensitivityCard pnl={pnl} />
      <SimulationCard pnl={pnl} />
    </div>
  );
}
