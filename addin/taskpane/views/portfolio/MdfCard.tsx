/**
 * Marketing development funds across the network for a plan period: allocated, approved and paid,
 * utilisation, the won revenue attributed and the ROI (engine MDF.ROI), by region or by the
 * Library category of the funded activity.
 */
import {
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { PartnerData } from "../../../workbook/records";
import { formatAmount, formatCompact, formatPercent } from "../../model/format";
import { type MdfGroup, defaultFundPeriod, fundPeriods, mdfPortfolio } from "../../model/portfolio-funds";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  key: { paddingInlineEnd: tokens.spacingHorizontalXS },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", paddingInline: tokens.spacingHorizontalXXS },
  total: { fontWeight: tokens.fontWeightSemibold },
  // A header cell lays its text out in a flex box: aligned by justifying it.
  end: { justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
  dash: { cursor: "help" },
});

const BY = [
  { id: "region", label: "By region", column: "Region" },
  { id: "category", label: "By activity type", column: "Activity type" },
] as const;
type By = (typeof BY)[number]["id"];

const roiText = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const formatRoi = (roi: number) => roiText.format(roi).replace(/^-/, "−");

/** "—" with the reason there is no figure, in a tooltip a keyboard can reach. */
function Dash({ reason }: { reason: string }) {
  const styles = useStyles();
  return (
    <Tooltip content={reason} relationship="description" withArrow>
      <span className={styles.dash} tabIndex={0} data-reason={reason}>
        —
      </span>
    </Tooltip>
  );
}

function noUtilisation(g: MdfGroup): string {
  if (g.allocated === null) return "Funds are allocated to partners, not to activity types: see the regions for utilisation.";
  return "No MDF is allocated here: utilisation (paid ÷ allocated) needs an allocation.";
}

function noRoi(period: string, dated: boolean): string {
  if (!dated) return `The period ${period} cannot be dated (use 2026-Q3, FY2026 or 2026-07), so no won deals are attributed to it.`;
  return "Nothing paid yet: ROI is (won revenue − paid) ÷ paid, so it needs paid MDF.";
}

export function MdfCard({ data, today }: { data: PartnerData; today: number }) {
  const styles = useStyles();
  const periods = useMemo(() => fundPeriods(data), [data]);
  const [picked, setPicked] = useState<string>();
  const period = picked && periods.includes(picked) ? picked : defaultFundPeriod(periods, today);
  const [by, setBy] = useState<By>("region");
  const mdf = useMemo(() => (period ? mdfPortfolio(data, period) : null), [data, period]);
  if (!period || !mdf) {
    return (
      <Card className={styles.card} data-testid="mdf-card">
        <Text as="h3" size={400} weight="semibold">
          Marketing funds (MDF)
        </Text>
        <Text>No funds yet: allocate MDF in the Funds table and request it from a partner's plan.</Text>
      </Card>
    );
  }
  const t = mdf.total;
  const groups = by === "region" ? mdf.byRegion : mdf.byCategory;
  const column = BY.find((b) => b.id === by)!.column;
  const amount = (n: number | null, reason = "") => (n === null ? <Dash reason={reason} /> : <span title={formatAmount(n)}>{formatCompact(n)}</span>);
  // Two narrow tables rather than one wide one, so that the pane needs no sideways scroll at 350 px.
  const key = (g: MdfGroup, total: boolean) => <TableCell className={styles.key}>{total ? "Total" : g.key}</TableCell>;
  const use = (g: MdfGroup, total: boolean) => (
    <TableRow key={total ? "\u0000total" : g.key} className={total ? styles.total : undefined} data-group={total ? "total" : g.key}>
      {key(g, total)}
      <TableCell className={styles.number}>{amount(g.allocated, noUtilisation(g))}</TableCell>
      <TableCell className={styles.number}>{amount(g.approved)}</TableCell>
      <TableCell className={styles.number}>{amount(g.paid)}</TableCell>
      <TableCell className={styles.number}>{g.utilisation === null ? <Dash reason={noUtilisation(g)} /> : formatPercent(g.utilisation)}</TableCell>
    </TableRow>
  );
  const back = (g: MdfGroup, total: boolean) => (
    <TableRow key={total ? "\u0000total" : g.key} className={total ? styles.total : undefined} data-group={total ? "total" : g.key}>
      {key(g, total)}
      <TableCell className={styles.number}>{amount(g.paid)}</TableCell>
      <TableCell className={styles.number}>{amount(g.won, noRoi(period, mdf.dated))}</TableCell>
      <TableCell className={styles.number}>{g.roi === null ? <Dash reason={noRoi(period, mdf.dated)} /> : formatRoi(g.roi)}</TableCell>
    </TableRow>
  );
  return (
    <Card className={styles.card} data-testid="mdf-card">
      <Text as="h3" size={400} weight="semibold">
        Marketing funds (MDF)
      </Text>
      {periods.length > 1 && (
        <Field label="Plan period" size="small">
          <Select size="small" value={period} onChange={(_, d) => setPicked(d.value)}>
            {periods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
      )}
      <Text data-testid="mdf-summary">
        {mdf.partners} partners with MDF in {period}: {formatAmount(t.allocated)} allocated, {formatAmount(t.approved)} approved, {formatAmount(t.paid)} paid
        {t.utilisation === null ? "" : ` (${formatPercent(t.utilisation)} of the allocation)`}.
        {t.won === null ? "" : ` ${formatAmount(t.won)} won by the ${mdf.funded} partners paid MDF`}
        {t.roi === null ? "." : `: ROI ${formatRoi(t.roi)}.`}
      </Text>
      <TabList size="small" selectedValue={by} onTabSelect={(_, d) => setBy(d.value as By)} aria-label="MDF by">
        {BY.map((b) => (
          <Tab key={b.id} value={b.id}>
            {b.label}
          </Tab>
        ))}
      </TabList>
      <Table size="extra-small" aria-label={`MDF of ${period} used, by ${column.toLowerCase()}`} data-testid="mdf-use">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.key}>{column}</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Allocated</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Approved</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Paid</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Used</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => use(g, false))}
          {use(t, true)}
        </TableBody>
      </Table>
      <Table size="extra-small" aria-label={`Return on the MDF of ${period}, by ${column.toLowerCase()}`} data-testid="mdf-return">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.key}>{column}</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Paid</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>Won revenue</TableHeaderCell>
            <TableHeaderCell className={styles.number} button={{ className: styles.end }}>ROI</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => back(g, false))}
          {back(t, true)}
        </TableBody>
      </Table>
      <Text size={200} className={styles.muted}>
        Used is paid ÷ allocated. Won is the revenue of the Deals won (closed in {period}) by partners paid MDF of {period}, shared among their paid requests in proportion
        to what each was paid; ROI is (won − paid) ÷ paid, as PARTNER.MDF.ROI. Activity type is the Library category of the request's activity.
      </Text>
      {mdf.unread.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Left out: {mdf.unread.length} partners whose MDF of {period} breaks a rule of the ledger (
            {mdf.unread
              .slice(0, 3)
              .map((u) => `${u.name}: ${u.message}`)
              .join("; ")}
            {mdf.unread.length > 3 ? "; …" : ""}). Correct their Funds or FundRequests rows.
          </MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
