/**
 * Account planning with the partner's sales team (seeds 001 and 003): the partner's end-customer
 * accounts with their registered deals, leads and plan in one view; the overlap of the partner's
 * accounts with the vendor's own list; the target accounts of a period with their next steps; and
 * the registration of a deal, conflicts with another partner's protection shown before saving.
 * Every state comes from the engine; every save is one batch.
 */
import {
  Badge,
  type BadgeProps,
  Button,
  Card,
  CardHeader,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular } from "@fluentui/react-icons/svg/add";
import { Delete20Regular } from "@fluentui/react-icons/svg/delete";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useMemo, useState } from "react";
import type { AccountStatus } from "../../../../engine/accounts";
import { isEngineError } from "../../../../engine/error";
import { parseDateText, serialParts, todaySerial } from "../../../../engine/excel/date";
import { DEAL_SOURCES } from "../../../workbook/schema";
import type { AccountRecord } from "../../../workbook/records";
import { DateField } from "../../components/DateField";
import { NumberSpin } from "../../components/NumberSpin";
import { SaveStatus } from "../../components/SaveStatus";
import { ShortList } from "../../components/ShortList";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import {
  type AccountLead,
  DEAL_STAGES,
  DEFAULT_LEAD_SLA_DAYS,
  DEFAULT_PROTECTION_DAYS,
  OVERLAP_STATUSES,
  type PartnerAccount,
  type Registration,
  type TargetDraft,
  accountPlanPeriods,
  currentAccountPeriod,
  missingRegistrationColumns,
  overlapOf,
  partnerAccounts,
  protectionOf,
  protectionText,
  registrationChanges,
  targetChanges,
} from "../../model/accounts";
import { formatAmount, formatDate } from "../../model/format";
import { useData } from "../../state/session";
import { useUnsavedEdit } from "../../state/unsaved";
import { AccountPicker } from "./accounts/AccountPicker";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyleType: "none" },
  account: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, minWidth: 0 },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap", minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "8rem" },
  // Fields with and without a hint side by side: their labels line up.
  top: { alignItems: "start" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
  detail: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap", paddingInlineStart: tokens.spacingHorizontalM, minWidth: 0 },
  matrix: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { paddingBlock: tokens.spacingVerticalXXS, paddingInline: tokens.spacingHorizontalXS, textAlign: "right", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, overflowWrap: "anywhere" },
  head: { fontWeight: tokens.fontWeightSemibold, textAlign: "left" },
  target: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  listHead: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, paddingInlineStart: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOR: Record<AccountStatus, BadgeProps["color"]> = { Customer: "success", "Open opportunity": "brand", Prospect: "informative" };
const LEAD_COLOR: Record<string, BadgeProps["color"]> = { "On time": "success", "Accepted late": "warning", Overdue: "danger", Open: "informative", Rejected: "subtle" };
/** The matrix's short column heads, so that four columns fit a narrow pane. */
const SHORT: Record<AccountStatus, string> = { Customer: "Customer", "Open opportunity": "Open opp.", Prospect: "Prospect" };

export function AccountsTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const today = todaySerial();
  const current = useMemo(() => currentAccountPeriod(data, partnerId, today, serialParts(today).year), [data, partnerId, today]);
  const [period, setPeriod] = useState(current);
  const view = useMemo(() => partnerAccounts(data, partnerId, period, today), [data, partnerId, period, today]);
  return (
    <div className={styles.stack}>
      <AccountsCard accounts={view.accounts} leadProblem={view.leadProblem} period={period} today={today} />
      <OverlapCard accounts={view.accounts} />
      <TargetsCard key={`targets-${period}`} partnerId={partnerId} period={period} current={current} onPeriod={setPeriod} accounts={view.accounts} />
      <RegisterCard partnerId={partnerId} accounts={view.accounts} today={today} />
    </div>
  );
}

function AccountsCard({ accounts, leadProblem, period, today }: { accounts: PartnerAccount[]; leadProblem?: string; period: string; today: number }) {
  const styles = useStyles();
  const deals = accounts.flatMap((a) => a.deals);
  const running = deals.filter((d) => protectionOf(d, today).kind === "running").length;
  const overdue = accounts.flatMap((a) => a.leads).filter((l) => l.state === "Overdue").length;
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Accounts</Text>}
        description={
          <Text size={200} className={styles.muted} data-testid="accounts-summary">
            {accounts.length} {accounts.length === 1 ? "account" : "accounts"} with a deal, lead or account plan of this partner · {deals.length} deals, {running} under
            protection · {overdue} {overdue === 1 ? "lead" : "leads"} overdue. A lead is due for acceptance by its FollowUpBy date, else {DEFAULT_LEAD_SLA_DAYS} days after it
            was sent.
          </Text>
        }
      />
      {leadProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>Lead states are not shown: {leadProblem}</MessageBarBody>
        </MessageBar>
      )}
      {!accounts.length && <Text>No deal, lead or account plan of this partner names an account (the AccountId columns of Deals, Leads and AccountPlans).</Text>}
      <ShortList
        className={styles.list}
        items={accounts}
        shown={8}
        noun="accounts"
        keyOf={(a) => a.accountId}
        render={(a) => <AccountItem account={a} period={period} today={today} />}
      />
    </Card>
  );
}

function AccountItem({ account: a, period, today }: { account: PartnerAccount; period: string; today: number }) {
  const styles = useStyles();
  return (
    <div className={styles.account} data-account={a.accountId}>
      <div className={styles.line}>
        <Text weight="semibold" className={styles.wrap}>
          {a.name}
        </Text>
        {a.vendorStatus ? (
          <Badge className={styles.nowrap} appearance="tint" color={STATUS_COLOR[a.vendorStatus]} title="The vendor's status (Accounts table)">
            {a.vendorStatus}
          </Badge>
        ) : (
          <Badge className={styles.nowrap} appearance="outline" color="informative">
            {a.account ? "No status" : "Not in Accounts"}
          </Badge>
        )}
      </div>
      <Text size={200} className={styles.muted}>
        {[a.accountId, a.account?.domain, a.account?.owner && `vendor rep ${a.account.owner}`].filter(Boolean).join(" · ")}
      </Text>
      {a.deals.map((d) => (
        <div key={d.dealId} className={styles.detail} data-deal={d.dealId}>
          <Text size={200} className={styles.wrap}>
            Deal {d.dealId} · {d.stage ?? "no stage"} · {formatAmount(d.amount)} · {d.outcome ?? "—"}
            {d.source ? ` · ${d.source}` : ""}
            {d.qualified === true ? " · qualified" : d.qualified === false ? " · not qualified" : ""}
            {d.registered !== null ? ` · registered ${formatDate(d.registered)}` : ""}
            {d.protectedUntil !== null ? `, protected until ${formatDate(d.protectedUntil)}` : ""}
          </Text>
          <Badge className={styles.nowrap} appearance="outline" color={protectionOf(d, today).kind === "running" ? "brand" : "informative"} data-testid={`protection-${d.dealId}`}>
            {protectionText(protectionOf(d, today))}
          </Badge>
        </div>
      ))}
      {a.leads.map((l) => (
        <LeadLine key={l.lead.leadId} lead={l} />
      ))}
      {a.plan && (
        <Text size={200} className={mergeClasses(styles.detail, styles.wrap)} data-testid={`plan-${a.accountId}`}>
          Plan {period}: {a.plan.objective ?? "no objective"}
          {a.plan.nextStep ? ` · next: ${a.plan.nextStep}` : ""}
          {a.plan.due !== null ? `, due ${formatDate(a.plan.due)}` : ""}
          {a.plan.owner ? `, ${a.plan.owner}` : ""}
        </Text>
      )}
    </div>
  );
}

function LeadLine({ lead: l }: { lead: AccountLead }) {
  const styles = useStyles();
  return (
    <div className={styles.detail} data-lead={l.lead.leadId}>
      <Text size={200} className={styles.wrap}>
        Lead {l.lead.leadId} · sent {formatDate(l.lead.sent)}
        {l.lead.accepted !== null ? ` · accepted ${formatDate(l.lead.accepted)}` : l.acceptBy !== null ? ` · accept by ${formatDate(l.acceptBy)}` : ""}
        {l.lead.outcome && l.lead.outcome !== "Open" && l.lead.outcome !== "Rejected" ? ` · ${l.lead.outcome}` : ""}
      </Text>
      {l.state && (
        <Badge className={styles.nowrap} color={LEAD_COLOR[l.state]} data-testid={`lead-state-${l.lead.leadId}`}>
          {l.state}
        </Badge>
      )}
    </div>
  );
}

function OverlapCard({ accounts }: { accounts: PartnerAccount[] }) {
  const styles = useStyles();
  const data = useData();
  const overlap = useMemo(() => overlapOf(data, accounts), [data, accounts]);
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Overlap with the vendor's accounts</Text>}
        description={
          <Text size={200} className={styles.muted}>
            The partner's accounts matched with the Accounts table by domain (PARTNER.OVERLAP). Rows: the vendor's status; columns: the partner's, from its deals — a
            won deal makes a customer, an open one an open opportunity, else a prospect.
          </Text>
        }
      />
      {isEngineError(overlap) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The overlap cannot be counted: {overlap.message}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <table className={styles.matrix} aria-label="Shared accounts by status: vendor by partner">
            <thead>
              <tr>
                <th className={mergeClasses(styles.cell, styles.head)} scope="col">
                  Vendor \ Partner
                </th>
                {OVERLAP_STATUSES.map((s) => (
                  <th key={s} className={styles.cell} scope="col" title={s}>
                    {SHORT[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {OVERLAP_STATUSES.map((v, i) => (
                <tr key={v}>
                  <th className={mergeClasses(styles.cell, styles.head)} scope="row">
                    {v}
                  </th>
                  {OVERLAP_STATUSES.map((p, j) => (
                    <td key={p} className={styles.cell} data-testid={`overlap-${i}-${j}`}>
                      {overlap.counts[i][j]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Text size={200} className={styles.muted} data-testid="overlap-note">
            {overlap.shared.length} shared {overlap.shared.length === 1 ? "account" : "accounts"}
            {overlap.partnerOnly ? `; ${overlap.partnerOnly} of the partner's not on the vendor's list (or without a status there)` : ""}
            {overlap.unrated ? `; ${overlap.unrated} vendor ${overlap.unrated === 1 ? "account has" : "accounts have"} no status and ${overlap.unrated === 1 ? "is" : "are"} left out` : ""}.
          </Text>
          {overlap.shared.length > 0 && (
            <Text size={200} className={styles.listHead}>
              <span>Shared account</span>
              <span>Vendor / partner</span>
            </Text>
          )}
          <ShortList
            className={styles.list}
            items={overlap.shared}
            shown={6}
            noun="shared accounts"
            keyOf={(s) => s.key}
            render={(s) => (
              <div className={styles.detail} data-shared={s.account?.accountId ?? s.key}>
                <Text size={200} className={styles.wrap}>
                  {s.name}
                </Text>
                <Text size={200} className={mergeClasses(styles.muted, styles.nowrap)}>
                  {SHORT[s.vendor]} / {SHORT[s.partner]}
                </Text>
              </div>
            )}
          />
        </>
      )}
    </Card>
  );
}

interface TargetForm {
  accountId: string;
  objective: string;
  nextStep: string;
  due: string;
  owner: string;
}

const formOf = (t: { accountId: string; objective: string | null; nextStep: string | null; due: number | null; owner: string | null }): TargetForm => ({
  accountId: t.accountId,
  objective: t.objective ?? "",
  nextStep: t.nextStep ?? "",
  due: t.due === null ? "" : formatDate(t.due),
  owner: t.owner ?? "",
});

function TargetsCard(props: { partnerId: string; period: string; current: string; onPeriod(period: string): void; accounts: PartnerAccount[] }) {
  const { partnerId, period } = props;
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const periods = accountPlanPeriods(data, partnerId, props.current);
  const options = periods.some((p) => p.toLowerCase() === period.toLowerCase()) ? periods : [period, ...periods];
  const start = useMemo(() => data.accountPlansOf(partnerId).filter((p) => p.period.toLowerCase() === period.toLowerCase()).map(formOf), [data, partnerId, period]);
  const [forms, setForms] = useState<TargetForm[]>(start);
  const [adding, setAdding] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const changed = JSON.stringify(forms) !== JSON.stringify(start);
  useUnsavedEdit("Target accounts", changed);
  const partner = data.partner(partnerId);
  // The partner's accounts first, then the rest of the vendor's list.
  const offered = useMemo(() => {
    const own = props.accounts.flatMap((a) => (a.account ? [a.account] : []));
    const ids = new Set(own.map((a) => a.accountId.toLowerCase()));
    return [...own, ...data.accounts.filter((a) => !ids.has(a.accountId.toLowerCase()))];
  }, [data, props.accounts]);
  const chosen = new Set(forms.map((f) => f.accountId.toLowerCase()));
  const dueProblem = (f: TargetForm) => (f.due.trim() && parseDateText(f.due) === undefined ? "Enter a date as YYYY-MM-DD." : f.nextStep.trim() && !f.due.trim() ? "A next step needs a due date." : undefined);

  function add() {
    if (!adding || chosen.has(adding.toLowerCase())) return;
    setForms((f) => [...f, { accountId: adding, objective: "", nextStep: "", due: "", owner: partner?.channelManager ?? "" }]);
    setAdding(null);
    setPickerKey((k) => k + 1);
  }
  const set = (i: number, field: keyof TargetForm, value: string) => setForms((f) => f.map((t, k) => (k === i ? { ...t, [field]: value } : t)));

  async function save() {
    const drafts: TargetDraft[] = [];
    for (const f of forms) {
      const name = data.account(f.accountId)?.name ?? f.accountId;
      const problem = dueProblem(f);
      if (problem) return saver.refuse(`${name}: ${problem}`, "AccountPlans");
      drafts.push({ accountId: f.accountId, objective: f.objective, nextStep: f.nextStep, due: f.due.trim() ? parseDateText(f.due)! : null, owner: f.owner });
    }
    const result = targetChanges(data, partnerId, period, drafts);
    if (!result.ok) return saver.refuse(result.message, "AccountPlans");
    await saver.save(result.changes, (r) => {
      const n = drafts.length;
      const w = result.withdrawn.length;
      const withdrawn = w ? `, ${w} open ${w === 1 ? "task" : "tasks"} of a replaced next step removed` : "";
      return `Saved the target accounts of ${period}: ${n} ${n === 1 ? "account" : "accounts"}, ${result.tasks.length} next-step ${result.tasks.length === 1 ? "task" : "tasks"}${result.removed ? `, ${result.removed} removed` : ""}${withdrawn} (${savedCounts(r, { removed: result.removed > 0 || w > 0 })}).`;
    });
  }

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Target accounts</Text>}
        description={
          <Text size={200} className={styles.muted}>
            The accounts to work with the partner's sales team in the period, each with an objective and a next step. Saving writes the AccountPlans rows and a task per
            next step (Tasks table).
          </Text>
        }
      />
      {!data.snapshot.tables.has("AccountPlans") && (
        <MessageBar intent="warning" layout="multiline" data-testid="account-plans-missing">
          <MessageBarBody>The workbook has no AccountPlans table to save targets in: use Set up workbook to create it.</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Period" size="small">
        <Select size="small" value={period} onChange={(_, d) => props.onPeriod(d.value)}>
          {options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      {!forms.length && <Text size={200}>No target account for {period} yet.</Text>}
      <div role="list" aria-label="Target accounts">
        {forms.map((f, i) => {
          const account = data.account(f.accountId);
          const name = account?.name ?? f.accountId;
          return (
            <div key={f.accountId} role="listitem" className={styles.target} aria-label={name} data-target={f.accountId}>
              <div className={styles.line}>
                <Text weight="semibold" className={styles.wrap}>
                  {name}
                </Text>
                <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={`Remove ${name} from the targets`} onClick={() => setForms((all) => all.filter((_, k) => k !== i))} />
              </div>
              <Field label="Objective" size="small" validationMessage={f.objective.trim() ? undefined : "Enter the objective."}>
                <Input size="small" className={styles.input} value={f.objective} onChange={(_, d) => set(i, "objective", d.value)} />
              </Field>
              <Field label="Next step" size="small" hint="Becomes a task, due on the day below.">
                <Input size="small" className={styles.input} value={f.nextStep} onChange={(_, d) => set(i, "nextStep", d.value)} />
              </Field>
              <div className={styles.row}>
                <DateField label="Due" className={styles.grow} value={f.due} onChange={(v) => set(i, "due", v)} validationMessage={dueProblem(f)} />
                <Field label="Owner" size="small" className={styles.grow}>
                  <Input size="small" className={styles.input} value={f.owner} onChange={(_, d) => set(i, "owner", d.value)} />
                </Field>
              </div>
            </div>
          );
        })}
      </div>
      <div className={styles.row}>
        <AccountPicker key={pickerKey} label="Add a target account" className={styles.grow} accounts={offered.filter((a) => !chosen.has(a.accountId.toLowerCase()))} value={adding} onChange={setAdding} />
        <Button icon={<Add20Regular />} disabled={!adding} onClick={add}>
          Add
        </Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving || !changed} onClick={save}>
          Save targets
        </Button>
        {changed && <Button onClick={() => setForms(start)}>Undo changes</Button>}
      </div>
      <SaveStatus saver={saver} />
    </Card>
  );
}

function RegisterCard({ partnerId, accounts, today }: { partnerId: string; accounts: PartnerAccount[]; today: number }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const missing = missingRegistrationColumns(data);
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [accountId, setAccountId] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [domain, setDomain] = useState("");
  const [amount, setAmount] = useState<number | null>(null);
  const [stage, setStage] = useState<string>("Qualified");
  const [source, setSource] = useState<string>("Partner-sourced");
  const [qualified, setQualified] = useState(true);
  const [days, setDays] = useState<number | null>(DEFAULT_PROTECTION_DAYS);
  const [acknowledged, setAcknowledged] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const touched = accountId !== null || name !== "" || domain !== "" || amount !== null;
  useUnsavedEdit("Deal registration", touched);
  const offered = useMemo(() => {
    const own = accounts.flatMap((a) => (a.account ? [a.account] : []));
    const ids = new Set(own.map((a) => a.accountId.toLowerCase()));
    return [...own, ...data.accounts.filter((a) => !ids.has(a.accountId.toLowerCase()))] as AccountRecord[];
  }, [data, accounts]);
  const stages = useMemo(() => [...new Set([...DEAL_STAGES, ...data.deals.flatMap((d) => (d.stage ? [d.stage] : []))])], [data]);
  const registration: Registration = {
    account: mode === "existing" ? { accountId: accountId ?? "" } : { name, domain },
    amount,
    stage,
    source,
    qualified,
    protectionDays: days,
  };
  // Checked as the form is filled, so that a conflict shows before anything is saved.
  const draft = useMemo(
    () => (missing.length || (mode === "existing" && !accountId) ? undefined : registrationChanges(data, partnerId, { ...registration, amount: amount ?? 0 }, today)),
    [data, partnerId, today, mode, accountId, name, domain, amount, stage, source, qualified, days, missing.length],
  );
  const conflicts = draft?.ok ? draft.conflicts : [];
  const daysProblem = days === null || !Number.isInteger(days) || days < 1 || days > 3650 ? "Enter a whole number of days from 1 to 3,650." : undefined;

  function reset() {
    setAccountId(null);
    setName("");
    setDomain("");
    setAmount(null);
    setAcknowledged(false);
    setPickerKey((k) => k + 1);
  }

  async function register() {
    const result = registrationChanges(data, partnerId, registration, today);
    if (!result.ok) return saver.refuse(result.message, "Deals");
    if (result.conflicts.length && !acknowledged) return saver.refuse("Another partner's protection overlaps this one: tick the box under the warning to register it all the same.", "Deals");
    const saved = await saver.save(
      result.changes,
      (r) =>
        `Registered deal ${result.dealId} on ${result.newAccount ? `the new account ${name.trim()} (${result.accountId})` : (data.account(result.accountId)?.name ?? result.accountId)}, protected until ${formatDate(result.protectedUntil)}${result.conflicts.length ? `, in conflict with ${result.conflicts.map((c) => `${c.partnerName}'s deal ${c.deal.dealId}`).join(" and ")}: resolve it with both partners` : ""} (${savedCounts(r)}).`,
    );
    if (saved) reset();
  }

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Register a deal</Text>}
        description={
          <Text size={200} className={styles.muted}>
            A deal the partner registers is protected from today for the days below ({DEFAULT_PROTECTION_DAYS} unless changed). Another partner's protection on the same
            account is shown before saving; the registration can still be saved, and stays a conflict to resolve.
          </Text>
        }
      />
      {missing.length > 0 || !data.snapshot.tables.has("Accounts") ? (
        <MessageBar intent="warning" layout="multiline" data-testid="deals-columns-missing">
          <MessageBarBody>
            <MessageBarTitle>Deals cannot be registered in this workbook yet</MessageBarTitle>
            {!data.snapshot.tables.has("Accounts")
              ? "The workbook has no Accounts table: use Set up workbook to create it (and the Deals table's registration columns)."
              : data.snapshot.tables.has("Deals")
              ? `Add ${missing.length === 1 ? "this column" : "these columns"} to the Deals table, with ${missing.length === 1 ? "this header" : "these headers"}: ${missing.join(", ")}. Deals can be registered here once they are there.`
              : "The workbook has no Deals table: use Set up workbook to create it."}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as "existing" | "new")} aria-label="Account">
            <Radio value="existing" label="Account on the list" />
            <Radio value="new" label="New account" />
          </RadioGroup>
          {mode === "existing" ? (
            <AccountPicker key={pickerKey} label="Account" accounts={offered} value={accountId} onChange={(id) => {
                setAccountId(id);
                setAcknowledged(false);
              }} hint="The partner's accounts come first." />
          ) : (
            <div className={styles.row}>
              <Field label="Account name" size="small" className={styles.grow}>
                <Input size="small" className={styles.input} value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              <Field label="Domain" size="small" className={styles.grow} hint="For matching lists, e.g. acme.com">
                <Input size="small" className={styles.input} value={domain} onChange={(_, d) => setDomain(d.value)} />
              </Field>
            </div>
          )}
          <div className={mergeClasses(styles.row, styles.top)}>
            <NumberSpin label="Amount" className={styles.grow} value={amount} min={0} step={1000} onChange={setAmount} validationMessage={amount !== null && !Number.isFinite(amount) ? "Enter an amount." : undefined} />
            <NumberSpin label="Protection (days)" className={styles.grow} value={days} min={1} max={3650} onChange={setDays} validationMessage={daysProblem} hint={daysProblem ? undefined : `until ${formatDate(today + (days ?? 0))}`} />
          </div>
          <div className={styles.row}>
            <Field label="Stage" size="small" className={styles.grow}>
              <Select size="small" value={stage} onChange={(_, d) => setStage(d.value)}>
                {stages.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            <Field label="Source" size="small" className={styles.grow}>
              <Select size="small" value={source} onChange={(_, d) => setSource(d.value)}>
                {DEAL_SOURCES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
          </div>
          <Checkbox checked={qualified} onChange={(_, d) => setQualified(d.checked === true)} label="Qualified (passed the qualification step)" />
          {draft && !draft.ok && draft.message.includes("already in the Accounts table") && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{draft.message}</MessageBarBody>
            </MessageBar>
          )}
          {conflicts.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="conflict-warning">
              <MessageBarBody>
                <MessageBarTitle>Channel conflict</MessageBarTitle>
                <ul className={styles.list}>
                  {conflicts.map((c) => (
                    <li key={c.deal.dealId}>
                      {c.partnerName} ({c.deal.partnerId}) holds deal {c.deal.dealId} on this account, registered {formatDate(c.deal.registered)}, protected{" "}
                      {c.deal.protectedUntil !== null ? `until ${formatDate(c.deal.protectedUntil)}` : "without an end date"}: both protected from {formatDate(c.from)}
                      {c.to !== null ? ` to ${formatDate(c.to)}` : " on"}.
                    </li>
                  ))}
                </ul>
                <Checkbox checked={acknowledged} onChange={(_, d) => setAcknowledged(d.checked === true)} label="Register it all the same: the conflict stays to be resolved with both partners" />
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving || (conflicts.length > 0 && !acknowledged)} onClick={register}>
              Register deal
            </Button>
            {touched && <Button onClick={reset}>Clear</Button>}
          </div>
        </>
      )}
      <SaveStatus saver={saver} />
    </Card>
  );
}
