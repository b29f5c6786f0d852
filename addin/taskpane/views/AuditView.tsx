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
import { ArrowReset20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import { AUDIT_AREAS, AUDIT_SCALE_MAX, type AuditArea } from "../../../engine/audit";
import { type AuditState, useAudit } from "../hooks/useAudit";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  overall: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  overallLine: { display: "flex", alignItems: "baseline", justifyContent: "space-between" },
  bigScore: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  criterion: {
    display: "grid",
    gridTemplateColumns: "1fr auto auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  question: { color: tokens.colorNeutralForeground3 },
  badge: { whiteSpace: "nowrap" },
});

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const formatScore = (score: number | null) => (score === null ? "Not rated" : oneDecimal.format(score));

export function AuditView() {
  const styles = useStyles();
  const audit = useAudit();
  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.overall}>
          <div className={styles.overallLine}>
            <Text weight="semibold">Overall audit score</Text>
            <Text className={styles.bigScore} aria-live="polite" data-testid="overall-score">
              {formatScore(audit.overall)}
            </Text>
          </div>
          <ProgressBar value={(audit.overall ?? 0) / 100} aria-label="Overall audit score, out of 100" />
          <Text size={200} className={styles.question}>
            Rate each criterion from 1 (poor) to {AUDIT_SCALE_MAX} (excellent). Unrated criteria and areas are left
            out of the score.
          </Text>
          <div>
            <Button icon={<ArrowReset20Regular />} onClick={audit.reset} size="small">
              Clear all ratings
            </Button>
          </div>
        </div>
      </Card>
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
        description={<Text size={200} className={styles.question}>{area.question}</Text>}
        action={
          <Badge
            className={styles.badge}
            appearance={score === null ? "outline" : "filled"}
            data-testid={`area-score-${area.id}`}
          >
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
