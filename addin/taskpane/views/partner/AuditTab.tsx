/**
 * The partner performance audit form: four areas of criteria rated 1–5, scored live by the engine,
 * saved to the Audit table (one row per criterion and audit date) with the partner's live
 * PARTNER.AUDIT formulas in PartnerScores.
 */
import {
  Badge,
  Button,
  Card,
  CardHeader,
  MessageBar,
  ProgressBar,
  Rating,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndo20Regular } from "@fluentui/react-icons/svg/arrow-undo";
import { Dismiss16Regular } from "@fluentui/react-icons/svg/dismiss";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useId, useMemo, useState } from "react";
import { AUDIT_AREAS, AUDIT_SCALE_MAX, type AuditArea } from "../../../../engine/audit";
import { parseDateText, todaySerial } from "../../../../engine/excel/date";
import { DateField } from "../../components/DateField";
import { SaveStatus } from "../../components/SaveStatus";
import { type AuditState, useAudit } from "../../hooks/useAudit";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { auditChanges } from "../../model/changes";
import { formatDate } from "../../model/format";
import { latestAudit } from "../../model/summary";
import { useData } from "../../state/session";
import { useUnsavedEdit } from "../../state/unsaved";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  overall: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  bigScore: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  criterion: {
    display: "grid",
    gridTemplateColumns: "1fr auto auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  badge: { whiteSpace: "nowrap" },
  date: { width: "11rem" },
});

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
export const formatScore = (score: number | null) => (score === null ? "Not rated" : oneDecimal.format(score));

export function AuditTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const [date, setDate] = useState(() => formatDate(todaySerial()));
  const saver = useSaver();
  const serial = parseDateText(date);
  const audits = data.auditsOf(partnerId);

  // The ratings of the audit on that date, or else of the latest audit before it, as a start.
  const start = useMemo(() => {
    const onDay = audits.filter((a) => a.date === serial);
    const before = audits.filter((a) => a.date !== null && serial !== undefined && a.date < serial);
    const from = onDay.length ? onDay : before.filter((a) => a.date === Math.max(...before.map((b) => b.date!)));
    return { audit: latestAudit(from), sameDay: onDay.length > 0 };
  }, [audits, serial]);
  const audit = useAudit(start.audit?.ratings);
  useUnsavedEdit("Audit", audit.changed);

  async function save() {
    if (serial === undefined) return;
    await saver.save(auditChanges(data, partnerId, serial, audit.asRows()), (r) => `Saved the audit of ${date}: ${savedCounts(r)}.`);
  }

  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.overall}>
          <div className={styles.line}>
            <Text weight="semibold">Overall audit score</Text>
            <Text className={styles.bigScore} aria-live="polite" data-testid="overall-score">
              {formatScore(audit.overall)}
            </Text>
          </div>
          <ProgressBar value={(audit.overall ?? 0) / 100} aria-label="Overall audit score, out of 100" />
          <Text size={200} className={styles.muted}>
            {start.audit && !start.sameDay && start.audit.date !== null
              ? `Starting from the audit of ${formatDate(start.audit.date)}. `
              : start.sameDay
                ? "Editing the audit of this date. "
                : "No earlier audit. "}
            Rate each criterion from 1 (poor) to {AUDIT_SCALE_MAX} (excellent); unrated criteria and areas are left out.
          </Text>
          <div className={styles.actions}>
            <DateField label="Audit date" className={styles.date} value={date} onChange={setDate} validationMessage={serial === undefined ? "Enter a date as YYYY-MM-DD." : undefined} />
            <Button appearance="primary" icon={<Save20Regular />} disabled={serial === undefined || saver.saving} onClick={save}>
              Save audit
            </Button>
            <Button icon={<ArrowUndo20Regular />} disabled={!audit.changed} onClick={audit.revert}>
              Undo changes
            </Button>
            <Button appearance="subtle" onClick={audit.clear}>
              Clear all
            </Button>
          </div>
        </div>
      </Card>
      <SaveStatus saver={saver} />
      {audit.error && <MessageBar intent="error">{audit.error}</MessageBar>}
      {AUDIT_AREAS.map((area) => (
        <AreaCard key={area.id} area={area} audit={audit} />
      ))}
    </div>
  );
}

function AreaCard({ area, audit }: { area: AuditArea; audit: AuditState }) {
  const styles = useStyles();
  const headingId = useId();
  const score = audit.areaScores[area.id];
  return (
    <Card role="group" aria-labelledby={headingId}>
      <CardHeader
        header={
          <Text weight="semibold" id={headingId}>
            {area.name}
          </Text>
        }
        description={
          <Text size={200} className={styles.muted}>
            {area.question}
          </Text>
        }
        action={
          <Badge className={styles.badge} appearance={score === null ? "outline" : "filled"} data-testid={`area-score-${area.id}`}>
            {formatScore(score)}
          </Badge>
        }
      />
      {area.criteria.map((criterion, index) => (
        <CriterionRow
          key={criterion.id}
          label={criterion.label}
          value={audit.ratings[area.id][index]}
          onChange={(rating) => audit.rate(area.id, index, rating)}
        />
      ))}
    </Card>
  );
}

function CriterionRow(props: { label: string; value: number | null; onChange: (rating: number | null) => void }) {
  const styles = useStyles();
  const labelId = useId();
  return (
    <div className={styles.criterion}>
      <Text id={labelId} size={300}>
        {props.label}
      </Text>
      <Rating
        aria-labelledby={labelId}
        max={AUDIT_SCALE_MAX}
        size="medium"
        value={props.value ?? 0}
        itemLabel={(n) => `${n} of ${AUDIT_SCALE_MAX}`}
        onChange={(_, data) => props.onChange(data.value)}
      />
      <Button
        appearance="subtle"
        size="small"
        icon={<Dismiss16Regular />}
        aria-label={`Clear rating: ${props.label}`}
        disabled={props.value === null}
        onClick={() => props.onChange(null)}
      />
    </div>
  );
}
