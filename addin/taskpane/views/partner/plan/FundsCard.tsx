/**
 * "Request funds": the MDF meter of the plan period, a request for each MDF-eligible activity of
 * the plan, and each request's next step — submit, approve or reject, claim with its proof,
 * mark paid — saved one step at a time, signed with the name above and today's date.
 */
import { Badge, Button, Card, CardHeader, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { isEngineError } from "../../../../../engine/error";
import { NumberSpin } from "../../../components/NumberSpin";
import { SaveStatus } from "../../../components/SaveStatus";
import { useSaver } from "../../../hooks/useSaver";
import { formatAmount, formatDate } from "../../../model/format";
import { FUND_ACTIONS, type FundAction, fundStep, mdfMeter, mdfRequestsOf, newRequest, stateOf } from "../../../model/funds";
import { useData } from "../../../state/session";
import type { FundRequestRecord } from "../../../../workbook/records";

const useStyles = makeStyles({
  meter: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(6.5rem, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  figure: { display: "flex", flexDirection: "column", margin: 0 },
  value: { margin: 0 },
  bar: { display: "flex", height: "8px", borderRadius: tokens.borderRadiusMedium, overflow: "hidden", backgroundColor: tokens.colorNeutralBackground5 },
  approved: { backgroundColor: tokens.colorBrandBackground },
  pending: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { margin: 0, padding: 0, listStyleType: "none" },
  grow: { flexGrow: 1, minWidth: "8rem" },
});

const NEXT: Record<string, FundAction[]> = { Draft: ["submit"], Submitted: ["approve", "reject"], Approved: ["claim"], Claimed: ["pay"] };

export function FundsCard({ partnerId, period, name, today }: { partnerId: string; period: string; name: string; today: number }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const base = useId();
  const [amounts, setAmounts] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState("");
  const [claims, setClaims] = useState<Record<string, { amount: number | null; proof: string }>>({});
  const [approvals, setApprovals] = useState<Record<string, number | null>>({});
  const meter = mdfMeter(data, partnerId, period);
  const requests = mdfRequestsOf(data, partnerId, period);
  const eligible = data
    .planActivitiesOf(partnerId)
    .filter((a) => a.period.toLowerCase() === period.toLowerCase() && !a.requestId && data.libraryActivity(a.activityId)?.mdfEligible);

  async function request(goalId: string, activityId: string, label: string, fallback: number) {
    const amount = amounts[activityId] ?? fallback;
    const result = newRequest(data, partnerId, period, { goalId, activityId }, amount);
    if (!result.ok) return saver.refuse(result.message, "FundRequests");
    await saver.save(result.changes, () => `Drafted a request of ${formatAmount(amount)} of MDF for ${label}.`);
  }

  async function step(r: FundRequestRecord, action: FundAction) {
    const claim = claims[r.requestId];
    const result = fundStep(data, r.requestId, action, {
      by: name,
      today,
      comment,
      claimAmount: claim?.amount ?? r.amount,
      proof: claim?.proof ?? "",
      // A box cleared is no amount (refused), not the request's.
      approvedAmount: action === "approve" ? (r.requestId in approvals ? approvals[r.requestId] : r.amount) : undefined,
    });
    if (!result.ok) return saver.refuse(result.message, "FundRequests");
    // The P&L changes with an approval: say to what (the year's approved MDF is its mdf for that
    // year, and the years after the last approved one keep its figure).
    const pnl =
      action !== "approve"
        ? ""
        : result.mdf
          ? `; the P&L's mdf in year ${result.mdf.year} (${result.mdf.calendar}) is now ${formatAmount(result.mdf.value)}, the MDF approved for that year: see the P&L tab`
          : "; the approved MDF is the partner's mdf assumption in the P&L";
    const saved = await saver.save(result.changes, () => `Request ${r.requestId} is now ${result.state}${pnl}.`);
    if (saved) setComment("");
  }

  const share = (v: number, of: number) => `${of > 0 ? Math.min(100, (100 * v) / of) : 0}%`;
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Request funds (MDF) for {period}</Text>}
        description={
          <Text size={200} className={styles.muted}>
            Draft → Submitted → Approved or Rejected → Claimed → Paid; each step records your name and today's date.
          </Text>
        }
      />
      {isEngineError(meter) ? (
        <Text data-testid="fund-meter-error">{meter.message}</Text>
      ) : (
        <>
          <dl className={styles.meter} data-testid="fund-meter">
            {(
              [
                ["Allocated", meter.allocated],
                ["Approved", meter.approved],
                ["Pending", meter.pending],
                ["Available", meter.available],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={styles.figure}>
                <dt>
                  <Text size={200} className={styles.muted}>
                    {label}
                  </Text>
                </dt>
                <dd className={styles.value}>
                  <Text weight="semibold" data-testid={`fund-${label.toLowerCase()}`} data-value={value}>
                    {formatAmount(value)}
                  </Text>
                </dd>
              </div>
            ))}
          </dl>
          <div className={styles.bar} role="img" aria-label={`${formatAmount(meter.approved)} approved and ${formatAmount(meter.pending)} pending of ${formatAmount(meter.allocated)} allocated`}>
            <div className={styles.approved} style={{ width: share(meter.approved, meter.allocated) }} />
            <div className={styles.pending} style={{ width: share(meter.pending, meter.allocated) }} />
          </div>
        </>
      )}
      {eligible.length > 0 && (
        <ul className={styles.list} aria-label="Activities without funds">
          {eligible.map((a) => {
            const label = data.libraryActivity(a.activityId)?.activity ?? a.activityId;
            const fallback = a.budget ?? 0;
            return (
              <li key={a.activityId} className={styles.item}>
                <Text id={`${base}-${a.activityId}`}>{label}</Text>
                <div className={styles.row}>
                  <NumberSpin label="Amount" context={`${base}-${a.activityId}`} value={amounts[a.activityId] ?? fallback} min={0} step={500} onChange={(v) => setAmounts((s) => ({ ...s, [a.activityId]: v }))} />
                  <Button disabled={saver.saving} onClick={() => request(a.goalId, a.activityId, label, fallback)} aria-label={`Request funds for ${label}`}>
                    Request funds
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {!requests.length && !eligible.length && <Text>No MDF requests for {period}, and no MDF-eligible activity of the plan waits for one.</Text>}
      <ul className={styles.list} aria-label="Fund requests">
        {requests.map((r) => {
          const state = stateOf(r);
          const actions = state ? (NEXT[state] ?? []) : [];
          const label = (r.activityId && data.libraryActivity(r.activityId)?.activity) ?? r.activityId ?? "no activity";
          const signed = [
            r.submitted.by && `submitted by ${r.submitted.by} on ${formatDate(r.submitted.on)}`,
            r.reviewed.by && `${state === "Rejected" ? "rejected" : "approved"} by ${r.reviewed.by} on ${formatDate(r.reviewed.on)}`,
            r.claimed.by && `claimed ${formatAmount(r.claimAmount)} by ${r.claimed.by} on ${formatDate(r.claimed.on)}`,
            r.paid.by && `paid by ${r.paid.by} on ${formatDate(r.paid.on)}`,
          ].filter(Boolean);
          const claim = claims[r.requestId] ?? { amount: r.amount, proof: "" };
          return (
            <li key={r.requestId} className={styles.item} data-request={r.requestId}>
              <div className={styles.line}>
                <Text weight="semibold" id={`${base}-${r.requestId}`}>
                  {r.requestId} · {label} · {formatAmount(r.amount)}
                </Text>
                <Badge appearance="outline" data-testid={`request-state-${r.requestId}`}>
                  {r.state ?? "—"}
                </Badge>
              </div>
              {signed.length > 0 && (
                <Text size={200} className={styles.muted}>
                  {signed.join(" · ")}
                </Text>
              )}
              {actions.includes("approve") && (
                <div className={styles.row}>
                  <NumberSpin
                    label="Amount to approve"
                    context={`${base}-${r.requestId}`}
                    value={approvals[r.requestId] ?? r.amount}
                    min={0}
                    step={500}
                    hint="Less than asked approves part of the request."
                    onChange={(v) => setApprovals((s) => ({ ...s, [r.requestId]: v }))}
                  />
                </div>
              )}
              {actions.includes("claim") && (
                <div className={styles.row}>
                  <NumberSpin label="Claim amount" context={`${base}-${r.requestId}`} value={claim.amount} min={0} onChange={(v) => setClaims((s) => ({ ...s, [r.requestId]: { ...claim, amount: v } }))} />
                  <Field label="Proof of performance" size="small" className={styles.grow}>
                    <Input size="small" value={claim.proof} onChange={(_, d) => setClaims((s) => ({ ...s, [r.requestId]: { ...claim, proof: d.value } }))} />
                  </Field>
                </div>
              )}
              {actions.length > 0 && (
                <div className={styles.row}>
                  {actions.map((action) => (
                    <Button
                      key={action}
                      size="small"
                      appearance={action === "reject" ? "secondary" : "primary"}
                      disabled={saver.saving}
                      onClick={() => step(r, action)}
                      aria-label={`${FUND_ACTIONS[action].label} request ${r.requestId}`}
                    >
                      {FUND_ACTIONS[action].label}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {requests.some((r) => NEXT[stateOf(r) ?? ""]?.length) && (
        <Field label="Comment on the next step" size="small" hint="A rejection needs a reason.">
          <Textarea size="small" value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
        </Field>
      )}
      <SaveStatus saver={saver} />
    </Card>
  );
}
