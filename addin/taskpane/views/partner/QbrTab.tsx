/**
 * The quarterly business review of the partner: pick the quarter, see the review, write it as a
 * worksheet (with native Excel charts) and download it as a PowerPoint deck.
 */
import { Button, Card, MessageBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons/svg/document-table";
import { SlideMultiple20Regular } from "@fluentui/react-icons/svg/slide-multiple";
import { useMemo, useState } from "react";
import { isEngineError } from "../../../../engine/error";
import { type Qbr, buildQbr } from "../../../../engine/qbr";
import { accountsText, amount, approvalOf, creditText, date, percent, qbrName, score, signed, tierText, years } from "../../../qbr/format";
import { QuarterField, latestBegun, quartersIn } from "../../components/QuarterField";
import { qbrInput } from "../../../qbr/input";
import { qbrSheet } from "../../../qbr/sheet";
import { download } from "../../download";
import { useData, useSession } from "../../state/session";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

/** Quarters the partner has data for: audits, plans, approvals and engagement. */
const quartersOf = (data: ReturnType<typeof useData>, partnerId: string): string[] =>
  quartersIn([
    ...data.auditsOf(partnerId).map((a) => a.date),
    ...[...data.approvalsOf(partnerId), ...data.plansOf(partnerId), ...data.engagementOf(partnerId)].map((r) => r.period),
  ]);

const activitiesText = ({ activities: a }: Qbr): string =>
  a.lines.length
    ? `${a.lines.length} in ${a.period} (${a.statuses.map((x) => `${x.count} ${x.status.toLowerCase()}`).join(", ")}); spend ${amount(a.spend)} of ${amount(a.budget)} budgeted`
    : "no plan activities cover the quarter";

const mdfText = ({ activities: { mdf, period } }: Qbr): string =>
  mdf.balances
    ? `${amount(mdf.balances.paid)} paid of ${amount(mdf.balances.allocated)} allocated (${percent(mdf.balances.utilisation)}); ${amount(mdf.balances.available)} available`
    : mdf.error
      ? `the ${period} ledger does not add up: ${mdf.error}`
      : "no funds allocated";

const nextText = ({ next }: Qbr): string => {
  if (!next.lines.length) return `none set for ${next.quarter} yet`;
  const stretch = next.lines.filter((t) => t.level === "Stretch" || t.level === "Beyond the network").length;
  return `${next.quarter} (plan ${next.period}): ${stretch} of ${next.lines.length} a stretch or beyond the network`;
};

export function QbrTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const session = useSession();
  const quarters = useMemo(() => quartersOf(data, partnerId), [data, partnerId]);
  // The newest quarter with data that has begun: a review looks back.
  const [quarter, setQuarter] = useState(() => latestBegun(quarters));
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const [busy, setBusy] = useState(false);
  const review = useMemo(() => buildQbr(qbrInput(data, partnerId, quarter)), [data, partnerId, quarter]);

  if (isEngineError(review)) return <MessageBar intent="error">{review.message}</MessageBar>;
  const name = qbrName(review.partner.id, review.quarter);

  async function writeSheet() {
    if (isEngineError(review)) return;
    setBusy(true);
    const result = await session.writeSheet(qbrSheet(review));
    setBusy(false);
    setMessage(result.ok ? { intent: "success", text: `Wrote the sheet "${name}".` } : { intent: "error", text: `The sheet was not written: ${result.message}` });
  }

  async function downloadDeck() {
    if (isEngineError(review)) return;
    setBusy(true);
    try {
      const { deckBytes } = await import(/* webpackChunkName: "qbr-deck" */ "../../../qbr/deck");
      download(await deckBytes(review), `${name}.pptx`, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
      setMessage({ intent: "success", text: `Downloaded ${name}.pptx.` });
    } catch (e) {
      setMessage({ intent: "error", text: `The deck was not made: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  }

  const k = review.total ?? review.kpis[0];
  const facts: [string, string][] = [
    ["Plan", k && review.planPeriod ? `${review.planPeriod}: ${percent(k.attainment)} of target, all KPIs weighted (${k.status ?? "–"})` : "no plan covers the quarter"],
    ["Activities", activitiesText(review)],
    ["MDF", mdfText(review)],
    ["Next targets", nextText(review)],
    ["Audit", review.audit.current ? `${score(review.audit.current.overall)}${review.audit.change !== null ? ` (${signed(review.audit.change)})` : ""}` : "no audit"],
    ["Life stage", review.scorecard.current ?? "no scorecard"],
    ["Tier", tierText(review)],
    ["Next tier", review.tier.next ? `${review.tier.next}: ${review.tier.missing.map((c) => c.label).join("; ")}` : "–"],
    ["Segment", review.segment ?? "no metrics"],
    ["Win rate", `${percent(review.pipeline.winRate)}${review.pipeline.networkQuartile ? ` (${review.pipeline.networkQuartile})` : ""}`],
    ["Open pipeline", amount(review.pipeline.openAmount)],
    ["Top accounts", accountsText(review.accounts)],
    ["Partner credit", creditText(review.accounts)],
    ["Tasks", `${review.tasks.counts.Done} done, ${review.tasks.counts["Past due"]} overdue (as of ${date(review.tasks.asOf)})`],
    ["Plan approval", review.approval ? `${review.approval.state ?? "–"} (${approvalOf(review)})` : review.planPeriod ? `none recorded for ${review.planPeriod}` : "none recorded"],
    ["P&L break-even", review.pnl ? years(review.pnl.summary.payback) : "no assumptions"],
  ];

  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.actions}>
          <QuarterField quarters={quarters} value={quarter} onChange={setQuarter} />
          <Button appearance="primary" icon={<DocumentTable20Regular />} disabled={busy} onClick={writeSheet}>
            Build QBR sheet
          </Button>
          <Button icon={<SlideMultiple20Regular />} disabled={busy} onClick={downloadDeck}>
            Download deck
          </Button>
        </div>
        <Text size={200} className={styles.term}>
          The sheet "{name}" is replaced if it exists; the deck has the same content, slide by slide.
        </Text>
      </Card>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          {message.text}
        </MessageBar>
      )}
      <Card>
        <Text weight="semibold">
          {review.quarter} at a glance ({review.previousQuarter} for changes)
        </Text>
        <dl className={styles.facts} data-testid="qbr-facts">
          {facts.map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
