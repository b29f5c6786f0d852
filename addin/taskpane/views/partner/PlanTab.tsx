/**
 * The partner's business plan (seeds 001 and 003): the KPIs of a plan period with attainment, pace
 * and status; the plan's tasks with their status; and the acceptance and approval workflow, each
 * step signed with a name, a role, today's date and a comment. Every number and state comes from
 * the engine; every button is one saved batch.
 */
import {
  Badge,
  type BadgeProps,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowHookUpLeft20Regular } from "@fluentui/react-icons/svg/arrow-hook-up-left";
import { ArrowReply20Regular } from "@fluentui/react-icons/svg/arrow-reply";
import { ArrowUndo20Regular } from "@fluentui/react-icons/svg/arrow-undo";
import { Checkmark20Regular } from "@fluentui/react-icons/svg/checkmark";
import { CheckmarkStarburst20Regular } from "@fluentui/react-icons/svg/checkmark-starburst";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { Send20Regular } from "@fluentui/react-icons/svg/send";
import { type ReactElement, useEffect, useId, useMemo, useRef, useState } from "react";
import { useByContent } from "../../hooks/useByContent";
import { isEngineError } from "../../../../engine/error";
import { todaySerial } from "../../../../engine/excel/date";
import {
  PLAN_ROLES,
  type PlanAction,
  type PlanRole,
  type PlanStatus,
  type TaskState,
  attainment,
  availableActions,
  pace,
  periodDates,
  planAttainment,
  planStatus,
  status,
  taskStatus,
} from "../../../../engine/plan";
import type { ApprovalRecord, PlanRecord, TaskRecord } from "../../../workbook/records";
import { NumberSpin } from "../../components/NumberSpin";
import { SaveStatus } from "../../components/SaveStatus";
import { useRemembered } from "../../hooks/useRemembered";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { quarterOfDay } from "../../model/engagement";
import { formatAmount, formatDate } from "../../model/format";
import { type DealActual, dealActualsOf } from "../../model/plan-actuals";
import { numberProblem } from "../../model/numbers";
import {
  ROLE_LABELS,
  approvalOf,
  approvalRecordOf,
  approvalStep,
  commentLines,
  defaultPlanPeriod,
  kpiChanges,
  kpisOf,
  planPeriods,
  taskDoneChanges,
} from "../../model/plan";
import { periodCovers } from "../../../../engine/qbr/quarter";
import { useData } from "../../state/session";
import { BuilderCard } from "./plan/BuilderCard";
import { FundsCard } from "./plan/FundsCard";
import { PropositionCard } from "./plan/PropositionCard";
import { useUnsavedEdit } from "../../state/unsaved";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "8rem" },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  kpi: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  full: { gridColumn: "1 / -1" },
  inlineUse: { minWidth: "auto", height: "auto", padding: 0, verticalAlign: "baseline", fontSize: "inherit", lineHeight: "inherit", color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
  task: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  taskText: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none" },
  log: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  history: { paddingBlock: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
});

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const STATUS_COLOR: Record<PlanStatus, BadgeProps["color"]> = { "On track": "success", "At risk": "warning", "Off track": "danger" };
const TASK_COLOR: Record<TaskState, BadgeProps["color"]> = { Done: "success", "Past due": "danger", "Due soon": "warning", Pending: "informative" };
const ACTIONS: Record<PlanAction, { label: string; icon: ReactElement; done: string }> = {
  submit: { label: "Submit to the partner", icon: <Send20Regular />, done: "Submitted" },
  accept: { label: "Accept the plan", icon: <Checkmark20Regular />, done: "Accepted" },
  approve: { label: "Approve the plan", icon: <CheckmarkStarburst20Regular />, done: "Approved" },
  reject: { label: "Reject", icon: <Dismiss20Regular />, done: "Rejected" },
  edit: { label: "Back to Draft", icon: <ArrowHookUpLeft20Regular />, done: "Returned to Draft" },
};

export function PlanTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const today = todaySerial();
  const [name, setName] = useRemembered("name");
  const [roleText, setRole] = useRemembered("role", "manager");
  const role: PlanRole = (PLAN_ROLES as readonly string[]).includes(roleText) ? (roleText as PlanRole) : "manager";
  const periods = planPeriods(data, partnerId);
  const [period, setPeriod] = useState(() => defaultPlanPeriod(data, partnerId, quarterOfDay(today)));
  const options = periods.some((p) => p.toLowerCase() === period.toLowerCase()) ? periods : [period, ...periods];

  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.row}>
          <Field label="Your name" size="small" className={styles.grow} hint="Signs the steps and edits you make.">
            <Input size="small" value={name} onChange={(_, d) => setName(d.value)} autoComplete="name" />
          </Field>
          <Field label="Acting as" size="small">
            <Select size="small" value={role} onChange={(_, d) => setRole(d.value)}>
              {PLAN_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Plan period" size="small">
            <Select size="small" value={period} onChange={(_, d) => setPeriod(d.value)}>
              {options.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Card>
      <KpiCard partnerId={partnerId} period={period} name={name} role={role} today={today} />
      <BuilderCard key={`builder-${period}`} partnerId={partnerId} period={period} name={name} role={role} today={today} />
      <FundsCard key={`funds-${period}`} partnerId={partnerId} period={period} name={name} today={today} />
      <PropositionCard partnerId={partnerId} />
      <ApprovalCard partnerId={partnerId} period={period} name={name} role={role} today={today} />
      <TasksCard partnerId={partnerId} today={today} />
      <HistoryCard partnerId={partnerId} />
    </div>
  );
}

interface Context {
  partnerId: string;
  period: string;
  name: string;
  role: PlanRole;
  today: number;
}

type Figures = Record<string, { target: number | null; actual: number | null }>;
const figuresOf = (rows: readonly PlanRecord[]): Figures => Object.fromEntries(rows.map((r) => [r.kpi, { target: r.target, actual: r.actual }]));
const figureProblem = (value: number | null, what: string) => numberProblem(value, { required: `Enter ${what}.`, example: "1,250,000" });

/** A step of about 1% of the figure, rounded to 1, 2 or 5 times a power of ten (1 while the field has no number). */
function stepFor(value: number | null): number {
  const size = value !== null && Number.isFinite(value) ? Math.abs(value) / 100 : 0;
  if (size < 1) return 1;
  const power = 10 ** Math.floor(Math.log10(size));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= size) ?? power;
}

function KpiCard({ partnerId, period, name, role, today }: Context) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const rows = useMemo(() => kpisOf(data, partnerId, period), [data, partnerId, period]);
  const start = useByContent(useMemo(() => figuresOf(rows), [rows]));
  const [figures, setFigures] = useState<Figures>(start);
  useEffect(() => setFigures(start), [start]);
  const dates = periodDates(period);
  // What the Deals table says of the KPIs it can count (PARTNER.ACTUALS), offered as the actuals.
  const fromDeals = useMemo(() => dealActualsOf(data, partnerId, period, rows.map((r) => r.kpi)), [data, partnerId, period, rows]);
  const offered = rows.filter((r) => {
    const value = fromDeals.get(r.kpi)?.value;
    return value !== null && value !== undefined && figures[r.kpi]?.actual !== value;
  });
  const useDeals = () =>
    setFigures((f) => Object.fromEntries(Object.entries(f).map(([kpi, v]) => [kpi, offered.some((r) => r.kpi === kpi) ? { ...v, actual: fromDeals.get(kpi)!.value } : v])));
  const invalid = rows.some((r) => figureProblem(figures[r.kpi]?.target ?? null, "a target") || figureProblem(figures[r.kpi]?.actual ?? null, "an actual"));
  const changed = rows.some((r) => figures[r.kpi]?.target !== r.target || figures[r.kpi]?.actual !== r.actual);
  useUnsavedEdit("Plan", changed);
  // KPIs in different units do not add up: all KPIs together is the weighted mean of each one's
  // attainment, each counted up to its target (PARTNER.PLAN.ATTAINMENT).
  const current = rows.map((r) => ({ actual: figures[r.kpi]?.actual ?? null, target: figures[r.kpi]?.target ?? null, weight: r.weight }));
  const attained = invalid || !rows.length ? undefined : planAttainment(current);
  const overall = invalid || !rows.length ? undefined : planStatus(current);

  async function save() {
    if (invalid) return saver.refuse("Every KPI needs a target and an actual; correct the fields marked below.", "Plan");
    const edits = rows.map((r) => ({ kpi: r.kpi, target: figures[r.kpi].target!, actual: figures[r.kpi].actual! }));
    const result = kpiChanges(data, partnerId, period, edits, { by: name, role, today });
    if (!result.ok) return saver.refuse(result.message, "Plan");
    if (!result.changes.length) return saver.refuse("Nothing to save: the KPIs are as in the workbook.", "Plan");
    await saver.save(result.changes, (r) => `Saved the KPIs of ${period}${result.backToDraft ? "; a target changed, so the plan is back to Draft" : ""}: ${savedCounts(r)}.`);
  }

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">KPIs of {period}</Text>}
        description={
          <Text size={200} className={styles.muted}>
            {dates
              ? `${formatDate(dates.start)} to ${formatDate(dates.end)}; pace as of today, ${formatDate(today)}.`
              : "Pace needs a period the task pane can date (2026-Q3, FY2026, 2026-07)."}
          </Text>
        }
      />
      {overall && !isEngineError(overall) && typeof attained === "number" && (
        <div className={styles.line}>
          <Text title="The weighted mean of each KPI's attainment, each counted up to its target (the Plan table's Weight column; without weights every KPI weighs the same, and beside weighted KPIs a blank weight counts 0)">
            All KPIs together: <span data-testid="plan-attainment">{percent.format(attained)}</span> of plan, weighted
          </Text>
          <Badge className={styles.nowrap} color={STATUS_COLOR[overall]} data-testid="plan-status">
            {overall}
          </Badge>
        </div>
      )}
      {!rows.length && <Text>No KPIs for this period in the Plan table.</Text>}
      {rows.map((r) => (
        <KpiRow
          key={r.kpi}
          kpi={r.kpi}
          figures={figures[r.kpi] ?? { target: null, actual: null }}
          dates={dates}
          today={today}
          fromDeals={fromDeals.get(r.kpi)}
          onChange={(field, value) => setFigures((f) => ({ ...f, [r.kpi]: { ...f[r.kpi], [field]: value } }))}
        />
      ))}
      {rows.length > 0 && (
        <div className={styles.row}>
          <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving} onClick={save}>
            Save KPIs
          </Button>
          <Button icon={<ArrowUndo20Regular />} disabled={!changed} onClick={() => setFigures(start)}>
            Undo changes
          </Button>
          {offered.length > 0 && (
            <Button onClick={useDeals} data-testid="use-deal-actuals" title="Put the figures worked out from the Deals table in the Actual fields (then save)">
              Use actuals from deals ({offered.length})
            </Button>
          )}
        </div>
      )}
      <SaveStatus saver={saver} />
    </Card>
  );
}

function KpiRow(props: {
  kpi: string;
  figures: { target: number | null; actual: number | null };
  dates: { start: number; end: number } | undefined;
  today: number;
  fromDeals?: DealActual;
  onChange: (field: "target" | "actual", value: number | null) => void;
}) {
  const styles = useStyles();
  const nameId = useId();
  const { target, actual } = props.figures;
  const ready = target !== null && actual !== null && Number.isFinite(target) && Number.isFinite(actual);
  const attained = ready ? attainment(actual, target) : undefined;
  const state = ready ? status(actual, target) : undefined;
  const paced = ready && props.dates ? pace(actual, target, props.dates.start, props.dates.end, props.today) : undefined;
  const show = (v: number | Error | undefined) => (v === undefined ? "—" : isEngineError(v) ? v.code : percent.format(v as number));
  return (
    <div className={styles.kpi} role="group" aria-labelledby={nameId}>
      <div className={mergeClasses(styles.line, styles.full)}>
        <Text weight="semibold" id={nameId}>
          {props.kpi}
        </Text>
        {state && !isEngineError(state) && (
          <Badge className={styles.nowrap} color={STATUS_COLOR[state]} data-testid={`kpi-status-${props.kpi}`}>
            {state}
          </Badge>
        )}
      </div>
      <NumberSpin label="Target" context={nameId} value={target} step={stepFor(target)} onChange={(v) => props.onChange("target", v)} validationMessage={figureProblem(target, "a target")} />
      <NumberSpin label="Actual" context={nameId} value={actual} step={stepFor(target)} onChange={(v) => props.onChange("actual", v)} validationMessage={figureProblem(actual, "an actual")} />
      <Text size={200} className={mergeClasses(styles.muted, styles.full)} data-testid={`kpi-figures-${props.kpi}`}>
        Attainment {show(attained)} · Pace {show(paced)}
        {attained && isEngineError(attained) ? ` (${attained.message})` : paced && isEngineError(paced) ? ` (${paced.message})` : ""}
      </Text>
      {props.fromDeals && (
        <Text size={200} className={mergeClasses(styles.muted, styles.full)} data-testid={`kpi-deals-${props.kpi}`}>
          From the Deals table ({props.fromDeals.measure.toLowerCase()} in the period):{" "}
          {props.fromDeals.value === null ? `none — ${props.fromDeals.why}` : formatAmount(props.fromDeals.value)}
          {props.fromDeals.value !== null && props.fromDeals.value !== actual && (
            <>
              {" "}
              <Button size="small" appearance="transparent" className={styles.inlineUse} onClick={() => props.onChange("actual", props.fromDeals!.value)}>
                Use
              </Button>
            </>
          )}
        </Text>
      )}
    </div>
  );
}

function ApprovalCard({ partnerId, period, name, role, today }: Context) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const [comment, setComment] = useState("");
  const record = approvalRecordOf(data, partnerId, period);
  const approval = approvalOf(record);
  // A year's plan signed off quarter by quarter: its quarters' records, so that "no record" does not read as "never signed".
  const within = record ? [] : data.approvalsOf(partnerId).filter((r) => r.period.toLowerCase() !== period.toLowerCase() && periodCovers(period, r.period));
  const actions = availableActions(approval, role).filter((a) => !(a === "edit" && approval.state === "Draft"));
  // "Approved: the plan is now Approved" no longer holds once the plan goes back to Draft (a target
  // changed on the KPI card, say): the message goes when the state it reported changes.
  // A step of this card's own moves the state as its message says: that change keeps the message.
  const last = useRef(approval.state);
  const expected = useRef<string | null>(null);
  const { clear } = saver;
  useEffect(() => {
    if (approval.state === last.current) return;
    last.current = approval.state;
    if (approval.state === expected.current) expected.current = null;
    else clear();
  }, [approval.state, clear]);
  const signed = (s: { by: string; at: string } | null) => (s ? `${s.by || "someone"}${s.at ? ` on ${s.at}` : ""}` : null);

  async function act(action: PlanAction) {
    if (!name.trim()) return saver.refuse("Enter your name above: every step of the workflow records who took it.", "Approvals");
    const step = approvalStep(data, partnerId, period, action, { by: name, role, today, comment });
    if (!step.ok) return saver.refuse(step.message, "Approvals");
    expected.current = step.approval.state;
    const saved = await saver.save(step.changes, () => `${ACTIONS[action].done}: the plan of ${period} is now ${step.approval.state}.`);
    if (saved) setComment("");
    else expected.current = null;
  }

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Acceptance and approval</Text>}
        description={
          <Text size={200} className={styles.muted}>
            Draft → Submitted → Accepted by the partner → Approved by the channel executive.
          </Text>
        }
        action={
          <Badge appearance={approval.state === "Draft" ? "outline" : "filled"} color={approval.state === "Approved" ? "success" : approval.state === "Draft" ? "informative" : "brand"} data-testid="plan-state">
            {approval.state}
          </Badge>
        }
      />
      <div className={styles.section}>
        <Text size={200}>
          {record ? `Accepted: ${signed(approval.accepted) ?? "not yet"}` : `No approval record for ${period} yet: the ${period} plan is a Draft.`}
          {record && approval.approved && ` · Approved: ${signed(approval.approved)}`}
        </Text>
        {!record && within.length > 0 && (
          <Text size={200} className={styles.muted} data-testid="sign-offs-within">
            Sign-offs recorded for periods within {period}: {within.map((r) => `${r.period} ${r.state ?? "–"}`).join(" · ")}. Each is its own approval; choose
            its period above to act on it.
          </Text>
        )}
        {approval.approvedWithoutAcceptance && (
          <MessageBar intent="warning" layout="multiline" data-testid="approved-without-acceptance">
            <MessageBarBody>
              <MessageBarTitle>Approved without the partner's acceptance</MessageBarTitle>
              <div>The channel executive approved this plan before the partner accepted it.</div>
            </MessageBarBody>
          </MessageBar>
        )}
        <Field label="Comment" size="small" hint={actions.includes("reject") ? "A rejection needs a reason." : undefined}>
          <Textarea size="small" value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
        </Field>
        <div className={styles.row}>
          {actions.map((action) => (
            <Button
              key={action}
              appearance={action === "reject" || action === "edit" ? "secondary" : "primary"}
              icon={ACTIONS[action].icon}
              disabled={saver.saving}
              onClick={() => act(action)}
            >
              {ACTIONS[action].label}
            </Button>
          ))}
        </div>
        {!actions.length && (
          <Text size={200} className={styles.muted}>
            Nothing for a {ROLE_LABELS[role].toLowerCase()} to do on a {approval.state} plan. Choose another role above when you act for someone else.
          </Text>
        )}
        <SaveStatus saver={saver} />
      </div>
    </Card>
  );
}

function TasksCard({ partnerId, today }: { partnerId: string; today: number }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const tasks = [...data.tasksOf(partnerId)].sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity));

  async function mark(task: TaskRecord, done: number | null) {
    await saver.save(taskDoneChanges(data, partnerId, task.task, done), () =>
      done === null ? `"${task.task}" is open again.` : `Marked "${task.task}" done on ${formatDate(done)}.`,
    );
  }

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Tasks</Text>}
        description={
          <Text size={200} className={styles.muted}>
            Status as of today; due soon means within 14 days.
          </Text>
        }
      />
      {!tasks.length && <Text>No tasks for this partner in the Tasks table.</Text>}
      <ul className={styles.list} aria-label="Tasks">
        {tasks.map((t) => {
          const state = taskStatus(t.due, t.done, today);
          return (
            <li key={t.task} className={styles.task}>
              <span className={styles.taskText}>
                <Text>{t.task}</Text>
                <Text size={200} className={styles.muted}>
                  {[t.due !== null && `due ${formatDate(t.due)}`, t.owner, t.done !== null && `done ${formatDate(t.done)}`].filter(Boolean).join(" · ")}
                </Text>
              </span>
              <Badge className={styles.nowrap} color={isEngineError(state) ? "danger" : TASK_COLOR[state]} data-testid={`task-status-${t.task}`}>
                {isEngineError(state) ? state.code : state}
              </Badge>
              {t.done === null ? (
                <Button size="small" className={styles.nowrap} icon={<Checkmark20Regular />} aria-label={`Mark done: ${t.task}`} disabled={saver.saving} onClick={() => mark(t, today)}>
                  Mark done
                </Button>
              ) : (
                <Button size="small" appearance="subtle" icon={<ArrowReply20Regular />} aria-label={`Reopen: ${t.task}`} disabled={saver.saving} onClick={() => mark(t, null)} />
              )}
            </li>
          );
        })}
      </ul>
      <SaveStatus saver={saver} />
    </Card>
  );
}

function HistoryCard({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const records = data.approvalsOf(partnerId);
  const periods = planPeriods(data, partnerId).filter((p) => records.some((r) => r.period.toLowerCase() === p.toLowerCase()));
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Approval history</Text>}
        description={
          <Text size={200} className={styles.muted}>
            From the Approvals table: each period's state, signatures and the steps its comment records.
          </Text>
        }
      />
      {!records.length && <Text>No plan has been through the workflow yet.</Text>}
      {periods.map((p) => (
        <HistoryEntry key={p} record={approvalRecordOf(data, partnerId, p)!} />
      ))}
    </Card>
  );
}

function HistoryEntry({ record }: { record: ApprovalRecord }) {
  const styles = useStyles();
  const approval = approvalOf(record);
  const lines = commentLines(record.comment);
  return (
    <div className={styles.history} data-testid={`history-${record.period}`}>
      <div className={styles.line}>
        <Text weight="semibold">{record.period}</Text>
        <Badge appearance="outline">{approval.state}</Badge>
      </div>
      <Text size={200} className={styles.muted}>
        {[
          approval.accepted && `accepted by ${approval.accepted.by || "someone"}${approval.accepted.at ? ` on ${approval.accepted.at}` : ""}`,
          approval.approved && `approved by ${approval.approved.by || "someone"}${approval.approved.at ? ` on ${approval.approved.at}` : ""}`,
          approval.approvedWithoutAcceptance && "without the partner's acceptance",
        ]
          .filter(Boolean)
          .join(" · ") || "not signed"}
      </Text>
      {lines.length > 0 && (
        <ul className={styles.log}>
          {lines.map((l, i) => (
            <li key={i}>
              <Text size={200}>{l}</Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
