/**
 * Account planning across the network: the won revenue of a period credited to partners
 * (partner-sourced, partner-influenced) and to the vendor, by region and by partner; the leads
 * partners have not accepted within their SLA; and the channel conflicts between registered deals.
 * A partner's name opens the partner.
 */
import {
  Button,
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
import { ShortList } from "../../components/ShortList";
import { formatAmount, formatCompact, formatDate, formatPercent } from "../../model/format";
import {
  type AccountConflictGroup,
  type CreditGroup,
  DEFAULT_LEAD_SLA_DAYS,
  TOP_PARTNERS,
  accountConflicts,
  conflictsByAccount,
  creditPeriods,
  creditPortfolio,
  defaultCreditPeriod,
  leadFollowUp,
} from "../../model/portfolio-accounts";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlockStart: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  key: { paddingInlineEnd: tokens.spacingHorizontalXS },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", paddingInline: tokens.spacingHorizontalXXS },
  total: { fontWeight: tokens.fontWeightSemibold },
  end: { justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
  dash: { cursor: "help" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  partner: { minWidth: 0, paddingInline: 0, textAlign: "start", height: "auto" },
});

const BY = [
  { id: "region", label: "By region", column: "Region" },
  { id: "partner", label: "By partner", column: "Partner" },
] as const;
type By = (typeof BY)[number]["id"];

/** Lines shown before a list opens. */
const SHOWN_LATE = 5;
const SHOWN_CONFLICTS = 4;

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** When the partners' protections of an account overlap: the pair's shared days, or the span of several pairs'. */
function sharedDays(g: AccountConflictGroup): string {
  if (g.pairs === 1) return `Both protected ${formatDate(g.from)} to ${g.to === null ? "no end" : formatDate(g.to)}`;
  const span = g.to === null ? `from ${formatDate(g.from)}, with no end` : `between ${formatDate(g.from)} and ${formatDate(g.to)}`;
  return `${plural(g.pairs, "pair", "pairs")} of deals protected on the same days, ${span}`;
}

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

const NO_SHARE = "Nothing won here in the period: the partners' share is (sourced + influenced) ÷ won.";

export function AccountsCard({ data, today, onOpen }: { data: PartnerData; today: number; onOpen: (partnerId: string) => void }) {
  const styles = useStyles();
  const periods = useMemo(() => creditPeriods(data), [data]);
  const [picked, setPicked] = useState<string>();
  const period = picked && periods.includes(picked) ? picked : defaultCreditPeriod(periods, today);
  const [by, setBy] = useState<By>("region");
  const credit = useMemo(() => (period ? creditPortfolio(data, period) : null), [data, period]);
  const leads = useMemo(() => leadFollowUp(data, today), [data, today]);
  const conflicts = useMemo(() => accountConflicts(data, today), [data, today]);
  const conflicted = useMemo(() => conflictsByAccount(conflicts.conflicts), [conflicts]);

  const money = (n: number) => <span title={formatAmount(n)}>{formatCompact(n)}</span>;
  const partnerButton = (id: string, name: string) => (
    <Button appearance="transparent" size="small" className={styles.partner} onClick={() => onOpen(id)}>
      {name}
    </Button>
  );

  const creditPart = () => {
    if (!period || !credit) return <Text data-testid="credit-summary">No won deals yet: the Deals table's won deals, with their Source, are credited here.</Text>;
    const t = credit.total;
    const region = (g: CreditGroup, total: boolean) => (
      <TableRow key={total ? "\u0000total" : g.key} className={total ? styles.total : undefined} data-group={total ? "total" : g.key}>
        <TableCell className={styles.key}>{total ? "Total" : g.key}</TableCell>
        <TableCell className={styles.number}>{money(g.sourced)}</TableCell>
        <TableCell className={styles.number}>{money(g.influenced)}</TableCell>
        <TableCell className={styles.number}>{money(g.vendor)}</TableCell>
        <TableCell className={styles.number}>{g.partnerShare === null ? <Dash reason={NO_SHARE} /> : formatPercent(g.partnerShare)}</TableCell>
      </TableRow>
    );
    const top = credit.byPartner.slice(0, TOP_PARTNERS);
    const header = (labels: string[]) => (
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.key}>{labels[0]}</TableHeaderCell>
          {labels.slice(1).map((l) => (
            <TableHeaderCell key={l} className={styles.number} button={{ className: styles.end }}>
              {l}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
    );
    return (
      <>
        {periods.length > 1 && (
          <Field label="Won in" size="small">
            <Select size="small" value={period} onChange={(_, d) => setPicked(d.value)}>
              {periods.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
          </Field>
        )}
        <Text data-testid="credit-summary">
          {t.won > 0
            ? `${formatAmount(t.won)} won in ${period} (${plural(t.deals, "deal", "deals")}): ${formatAmount(t.sourced)} partner-sourced, ${formatAmount(t.influenced)} partner-influenced, ${formatAmount(t.vendor)} the vendor's own — ${formatPercent(t.partnerShare!)} credited to partners.`
            : `Nothing won in ${period}.`}
        </Text>
        <TabList size="small" selectedValue={by} onTabSelect={(_, d) => setBy(d.value as By)} aria-label="Partner credit by">
          {BY.map((b) => (
            <Tab key={b.id} value={b.id}>
              {b.label}
            </Tab>
          ))}
        </TabList>
        {by === "region" ? (
          <Table size="extra-small" aria-label={`Won revenue of ${period} by source, by region`} data-testid="credit-regions">
            {header(["Region", "Sourced", "Influenced", "Vendor", "Partners"])}
            <TableBody>
              {credit.byRegion.map((g) => region(g, false))}
              {region(t, true)}
            </TableBody>
          </Table>
        ) : (
          <>
            <Table size="extra-small" aria-label={`Top partners by won revenue credited in ${period}`} data-testid="credit-partners">
              {header(["Partner", "Sourced", "Influenced", "Won"])}
              <TableBody>
                {top.map((p) => (
                  <TableRow key={p.partnerId} data-partner={p.partnerId}>
                    <TableCell className={styles.key}>{partnerButton(p.partnerId, p.name)}</TableCell>
                    <TableCell className={styles.number}>{money(p.sourced)}</TableCell>
                    <TableCell className={styles.number}>{money(p.influenced)}</TableCell>
                    <TableCell className={styles.number}>{money(p.won)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {credit.byPartner.length > top.length && (
              <Text size={200} className={styles.muted}>
                The {top.length} partners credited with most (sourced + influenced) of the {credit.byPartner.length} that won deals in {period}.
              </Text>
            )}
          </>
        )}
        <Text size={200} className={styles.muted}>
          Won: Deals with Outcome Won and a Closed date in {period}, credited by their Source (blank: the vendor's), as PARTNER.ATTRIB; a region is the partner's.
        </Text>
        {credit.unread.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Left out: {plural(credit.unread.length, "won deal", "won deals")} whose Source or Amount does not read (
              {credit.unread
                .slice(0, 3)
                .map((u) => u.message)
                .join("; ")}
              {credit.unread.length > 3 ? "; …" : ""}). Correct their Deals rows.
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  };

  const late = leads.late;
  return (
    <Card className={styles.card} data-testid="accounts-card">
      <Text as="h3" size={400} weight="semibold">
        Partner credit, leads and conflicts
      </Text>
      {creditPart()}

      <section className={styles.group} aria-label="Leads past their SLA" data-testid="late-leads">
        <Text weight="semibold">Leads past their SLA</Text>
        <Text data-testid="late-leads-figures">
          {late.length
            ? `${plural(late.length, "lead", "leads")} not accepted in time, at ${plural(leads.byPartner.length, "partner", "partners")}; longest ${days(late[0].daysLate)} past due.`
            : data.leads.length
              ? "No lead is past its SLA."
              : "No leads yet: the Leads table lists the leads passed to partners."}
        </Text>
        {late.length > 0 && (
          <ShortList
            className={styles.list}
            items={leads.byPartner}
            shown={SHOWN_LATE}
            keyOf={(p) => p.partnerId}
            noun="partners with leads past their SLA"
            render={(p) => (
              <>
                {partnerButton(p.partnerId, p.name)}{" "}
                <Text size={200}>
                  {plural(p.count, "lead", "leads")} · longest {days(p.longest)} past due
                </Text>
              </>
            )}
          />
        )}
        <Text size={200} className={styles.muted}>
          A lead is due for acceptance by its FollowUpBy date (without one, {DEFAULT_LEAD_SLA_DAYS} days after it was sent), as PARTNER.LEADAGE counts it; a rejected lead
          was answered. {leads.counts["Accepted late"] ? `${plural(leads.counts["Accepted late"], "lead was", "leads were")} accepted late.` : ""}
        </Text>
        {leads.unread.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Left out: {plural(leads.unread.length, "lead", "leads")} whose dates do not read ({leads.unread
                .slice(0, 3)
                .map((u) => `${u.leadId}: ${u.message}`)
                .join("; ")}
              {leads.unread.length > 3 ? "; …" : ""}). Correct their Leads rows.
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.group} aria-label="Channel conflicts" data-testid="conflicts">
        <Text weight="semibold">Channel conflicts to resolve</Text>
        {conflicts.error ? (
          <MessageBar intent="warning">
            <MessageBarBody>The Deals table's registrations do not read: {conflicts.error}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Text data-testid="conflict-figures">
              {conflicted.length
                ? `${plural(conflicted.length, "account", "accounts")} where registered deals of two or more partners are protected on the same days (${plural(conflicts.conflicts.length, "pair", "pairs")} of deals); ${conflicted.some((g) => g.current) ? conflicted.filter((g) => g.current).length : "none"} still running.`
                : "No conflict: no two partners' registrations protect the same account on the same days."}
            </Text>
            {conflicted.length > 0 && (
              <ShortList
                className={styles.list}
                items={conflicted}
                shown={SHOWN_CONFLICTS}
                keyOf={(g) => g.accountId}
                noun="accounts in conflict"
                render={(g) => (
                  <span data-testid="conflict">
                    <Text weight="semibold">{g.account}</Text>{" "}
                    <Text size={200}>
                      ({g.accountId}){g.current ? " · running" : ""}
                    </Text>
                    {g.partners.map((p, i) => (
                      <span key={p.partnerId}>
                        <br />
                        {i > 0 && <Text size={200}>and </Text>}
                        {partnerButton(p.partnerId, p.name)} <Text size={200}>{p.dealIds.join(", ")}</Text>
                      </span>
                    ))}
                    <br />
                    <Text size={200}>{sharedDays(g)}</Text>
                  </span>
                )}
              />
            )}
          </>
        )}
      </section>
    </Card>
  );
}
