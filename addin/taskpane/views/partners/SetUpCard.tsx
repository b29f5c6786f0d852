/**
 * A workbook without a Partners table, as a new user meets it: which PartnerFit tables it has and
 * which it lacks (with the columns each needs), a partner list kept as a plain range that can
 * become the Partners table, and Set up workbook, which creates what is missing.
 */
import { Button, Card, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled } from "@fluentui/react-icons/svg/checkmark-circle";
import { Circle16Regular } from "@fluentui/react-icons/svg/circle";
import { TableAdd20Regular } from "@fluentui/react-icons/svg/table-add";
import { TableSimple20Regular } from "@fluentui/react-icons/svg/table-simple";
import { useEffect, useState } from "react";
import { WorkbookWriteError } from "../../../workbook/workbook";
import { type PlainRange, rangeAddress } from "../../../workbook/ranges";
import { SCHEMA, type TableName } from "../../../workbook/schema";
import { useSession } from "../../state/session";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalXS, alignItems: "start" },
  icon: { marginTop: "2px" },
  found: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** What each table is for, in a few words. */
const PURPOSE: Record<TableName, string> = {
  Partners: "who your partners are",
  Audit: "performance audit ratings",
  Engagement: "the engagement checklist, which gives the tier",
  Scorecard: "life-stage scorecard scores",
  Metrics: "potential and performance, which give the segment",
  Assumptions: "partner P&L assumptions",
  Plan: "plan KPIs: targets and actuals",
  Tasks: "plan tasks and their due dates",
  Deals: "deals, for the funnel and deal registration",
  Approvals: "plan acceptance and approval",
  Library: "recommended goals and activities to build plans from",
  PlanActivities: "the activities of each partner's plan, with budgets",
  Funds: "MDF, co-op and rebate funds allocated per partner and period",
  FundRequests: "fund requests, from draft to claim and payment",
  ValueProposition: "each partner's joint value proposition",
  Accounts: "end-customer accounts: customers, prospects and open opportunities",
  Leads: "leads passed to partners, and when each was accepted",
  AccountPlans: "target accounts planned with each partner's sales team",
  PartnerScores: "live scores, written by PartnerFit itself",
  ImportMaps: "how each export's columns map onto your tables, remembered per source",
  PartnerAliases: "other systems' names for your partners",
};

const list = (names: readonly string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** Says what a set up did, for the message the partner list shows afterwards. */
export function setUpMessage(created: readonly string[], range: PlainRange | undefined): string {
  const converted = range && created.includes(range.table) ? range : undefined;
  const made = created.filter((t) => t !== converted?.table);
  const parts = [
    converted && `the list at ${rangeAddress(converted)} is now the ${converted.table} table, every cell as it was`,
    made.length && `${list(made)} ${made.length === 1 ? "was" : "were"} added, each on a sheet of its own with its headers`,
  ].filter(Boolean);
  return `Set up the workbook: ${parts.join("; ")}.`;
}

export function SetUpCard({ onDone }: { onDone: (message: string) => void }) {
  const styles = useStyles();
  const session = useSession();
  const workbook = session.workbook;
  const snapshot = session.data?.snapshot;
  const [ranges, setRanges] = useState<readonly PlainRange[]>();
  const [busy, setBusy] = useState<"all" | "partners">();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setRanges(undefined);
    workbook?.plainRanges().then((found) => live && setRanges(found));
    return () => {
      live = false;
    };
  }, [workbook, snapshot]);

  if (!workbook || !snapshot) return null;
  const found = SCHEMA.filter((t) => snapshot.tables.has(t.name));
  const missing = SCHEMA.filter((t) => snapshot.missing.includes(t.name));
  const partners = ranges?.find((r) => r.table === "Partners");
  const usable = partners && !partners.blocked ? partners : undefined;

  async function setUp(only?: TableName[]) {
    setBusy(only ? "partners" : "all");
    setError(undefined);
    try {
      const created = await session.setUp(only);
      onDone(setUpMessage(created, usable));
    } catch (e) {
      setError(e instanceof WorkbookWriteError ? e.message : "The workbook could not be changed; nothing was set up. Reload the workbook and try again.");
      setBusy(undefined);
    }
  }

  return (
    <Card className={styles.card} data-testid="set-up">
      <h2 className={styles.heading}>{found.length ? "This workbook has no Partners table" : "This workbook has no PartnerFit tables yet"}</h2>
      <Text>
        PartnerFit reads each kind of partner record from an Excel table with set column headers (any other columns are kept).{" "}
        {found.length
          ? `It found ${list(found.map((t) => `${t.name} (on ${snapshot.tables.get(t.name)!.sheet})`))}, but the partner list comes first.`
          : "It found none in this workbook."}
      </Text>
      {ranges === undefined && <Spinner size="tiny" label="Looking for a partner list on the sheets…" labelPosition="after" />}
      {partners && !partners.blocked && (
        <MessageBar intent="info" layout="multiline" data-testid="plain-range">
          <MessageBarBody>
            <MessageBarTitle>A partner list that is not a table</MessageBarTitle>
            {rangeAddress(partners)} has the Partners headers ({partners.headers.filter(Boolean).join(", ")}) over {partners.rows} {partners.rows === 1 ? "row" : "rows"}, but is not an Excel table. Make it the Partners table to
            use it here: every cell stays as it is.
          </MessageBarBody>
        </MessageBar>
      )}
      {partners?.blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="plain-range">
          <MessageBarBody>
            <MessageBarTitle>A partner list that cannot become a table yet</MessageBarTitle>
            {rangeAddress(partners)} has the Partners headers, but {partners.blocked}. Set up workbook would add an empty Partners table beside it.
          </MessageBarBody>
        </MessageBar>
      )}

      <ul className={styles.list} aria-label="PartnerFit tables" data-testid="table-list">
        {SCHEMA.map((t) => {
          const has = snapshot.tables.has(t.name);
          const required = t.columns.filter((c) => c.required).map((c) => c.name);
          return (
            <li key={t.name} className={styles.table} data-table={t.name}>
              {has ? <CheckmarkCircle16Filled className={mergeClasses(styles.icon, styles.found)} aria-label="found" /> : <Circle16Regular className={mergeClasses(styles.icon, styles.muted)} aria-label="missing" />}
              <span>
                <Text weight="semibold">{t.name}</Text> <Text size={200}>— {PURPOSE[t.name]}</Text>
                <br />
                <Text size={200} className={styles.muted}>
                  {has
                    ? `Found on ${snapshot.tables.get(t.name)!.sheet}`
                    : usable?.table === t.name
                      ? `Missing: the list at ${rangeAddress(usable)} can become it`
                      : t.owned
                        ? "Missing: PartnerFit writes its columns"
                        : `Missing: needs columns ${required.join(", ")}`}
                </Text>
              </span>
            </li>
          );
        })}
      </ul>

      <Text size={200} className={styles.muted}>
        Set up workbook {usable ? `makes the list at ${rangeAddress(usable)} the Partners table and adds` : "adds"} the {usable ? missing.length - 1 : missing.length} missing{" "}
        {(usable ? missing.length - 1 : missing.length) === 1 ? "table" : "tables"} on new sheets, each with its headers and data validation. Nothing else in the workbook changes
        {session.saveAs ? "; use Save as… to keep the result" : ""}.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" icon={busy === "all" ? <Spinner size="tiny" /> : <TableAdd20Regular />} disabled={!!busy || ranges === undefined} onClick={() => void setUp()}>
          Set up workbook
        </Button>
        {usable && (
          <Button icon={busy === "partners" ? <Spinner size="tiny" /> : <TableSimple20Regular />} disabled={!!busy} onClick={() => void setUp(["Partners"])}>
            Only make it the Partners table
          </Button>
        )}
      </div>
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
