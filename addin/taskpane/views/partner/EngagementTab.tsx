/**
 * The engagement checklist (seed 004): the eight questions, the opportunities of the period and
 * whether the partner is still a prospect. The engine rates the tier live and says what is missing
 * for the next tier up; saving writes the partner's Engagement row for the period.
 */
import { Button, Card, Checkbox, Field, Input, MessageBar, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular } from "@fluentui/react-icons/svg/arrow-undo";
import { Circle20Regular } from "@fluentui/react-icons/svg/circle";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useEffect, useId, useMemo, useState } from "react";
import { useByContent } from "../../hooks/useByContent";
import { isEngineError } from "../../../../engine/error";
import { todaySerial } from "../../../../engine/excel/date";
import { ENGAGEMENT, type NextTier, TIERS, type Tier, nextTier } from "../../../../engine/tier";
import { NumberSpin } from "../../components/NumberSpin";
import { SaveStatus } from "../../components/SaveStatus";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { engagementChanges, engagementProblem, engagementStart, quarterOfDay } from "../../model/engagement";
import { numberProblem } from "../../model/numbers";
import { useData } from "../../state/session";
import { useUnsavedEdit } from "../../state/unsaved";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  tier: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  period: { width: "9rem" },
  fill: { width: "100%", minWidth: 0 },
  missing: { margin: 0, paddingInlineStart: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  condition: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "start" },
  open: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  checklist: { display: "flex", flexDirection: "column" },
  figures: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap", alignItems: "end" },
  opportunities: { width: "14rem" },
});

const tierName = (tier: Tier) => TIERS.find((t) => t.id === tier)?.name ?? tier;

export function EngagementTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const headingId = useId();
  const [period, setPeriod] = useState(() => quarterOfDay(todaySerial()));
  const records = data.engagementOf(partnerId);
  const start = useByContent(useMemo(() => engagementStart(records, period), [records, period]));

  const [answers, setAnswers] = useState<boolean[]>(() => start.record?.answers ?? ENGAGEMENT.map(() => false));
  const [opportunities, setOpportunities] = useState<number | null>(start.record?.opportunities ?? 0);
  const [prospect, setProspect] = useState(start.record?.prospect ?? false);
  const revert = () => {
    setAnswers(start.record?.answers ?? ENGAGEMENT.map(() => false));
    setOpportunities(start.record?.opportunities ?? 0);
    setProspect(start.record?.prospect ?? false);
  };
  // A period with its own row loads it; after a save the form shows what was saved.
  useEffect(revert, [start.record]);

  const entry = { period, answers, opportunities: opportunities ?? 0, prospect };
  const problem = engagementProblem(entry);
  const opportunitiesMessage = numberProblem(opportunities, { min: 0, integer: true, example: "12" });
  const rating = problem ? undefined : nextTier(answers, entry.opportunities, {}, prospect);
  const step = rating && !isEngineError(rating) ? rating : undefined;
  const changed =
    answers.some((a, i) => a !== (start.record?.answers[i] ?? false)) || (opportunities ?? 0) !== (start.record?.opportunities ?? 0) || prospect !== (start.record?.prospect ?? false);
  useUnsavedEdit("Engagement", changed);

  async function save() {
    if (problem) return saver.refuse(problem, "Engagement");
    const at = period.trim();
    await saver.save(engagementChanges(data, partnerId, entry), (r) => `Saved the engagement of ${at}: ${savedCounts(r)}.`);
  }

  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.section}>
          <div className={styles.line}>
            <Text weight="semibold">Tier</Text>
            <Text className={styles.tier} aria-live="polite" data-testid="engagement-tier">
              {step ? step.tier : "—"}
            </Text>
          </div>
          {step && (
            <Text size={200} className={styles.muted}>
              {tierName(step.tier)}
            </Text>
          )}
          <NextTierList step={step} />
          <Text size={200} className={styles.muted}>
            {start.samePeriod ? `Editing the checklist of ${period.trim()}. ` : start.record ? `Starting from the checklist of ${start.record.period ?? "an undated period"}. ` : "No earlier checklist. "}
            {records.length > 0 && `Recorded: ${records.map((r) => r.period ?? "(no period)").join(", ")}.`}
          </Text>
          <div className={styles.actions}>
            <Field label="Period" size="small" className={styles.period} validationMessage={period.trim() ? undefined : "Enter a period, e.g. 2026-Q4"}>
              <Input size="small" className={styles.fill} value={period} onChange={(_, d) => setPeriod(d.value)} />
            </Field>
            <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving} onClick={save}>
              Save engagement
            </Button>
            <Button icon={<ArrowUndo20Regular />} disabled={!changed} onClick={revert}>
              Undo changes
            </Button>
          </div>
        </div>
      </Card>
      <SaveStatus saver={saver} />
      {rating && isEngineError(rating) && <MessageBar intent="error">{rating.message}</MessageBar>}
      <Card role="group" aria-labelledby={headingId}>
        <Text weight="semibold" id={headingId}>
          How the partner engages
        </Text>
        <div className={styles.checklist}>
          {ENGAGEMENT.map((question, i) => (
            <Checkbox
              key={question.id}
              label={question.label}
              checked={answers[i]}
              onChange={(_, d) => setAnswers((current) => current.map((a, j) => (j === i ? d.checked === true : a)))}
            />
          ))}
        </div>
      </Card>
      <Card>
        <div className={styles.figures}>
          <NumberSpin
            label="Opportunities referred or closed"
            className={styles.opportunities}
            value={opportunities}
            min={0}
            onChange={setOpportunities}
            validationMessage={opportunitiesMessage}
          />
          <Switch
            label="Prospect (no relationship yet)"
            checked={prospect}
            onChange={(_, d) => setProspect(d.checked)}
          />
        </div>
      </Card>
    </div>
  );
}

function NextTierList({ step }: { step: NextTier | undefined }) {
  const styles = useStyles();
  if (!step) return null;
  if (!step.next) {
    return (
      <Text data-testid="next-tier" aria-live="polite">
        Top tier: nothing is missing.
      </Text>
    );
  }
  const title = step.tier === "Target" ? `To become a partner (with these answers: ${step.next}, ${tierName(step.next)})` : `Missing for ${step.next} (${tierName(step.next)})`;
  return (
    <div data-testid="next-tier" aria-live="polite">
      <Text weight="semibold">{title}</Text>
      <ul className={styles.missing}>
        {step.missing.map((c) => (
          <li key={c.id} className={styles.condition}>
            <Circle20Regular className={styles.open} aria-hidden />
            <Text>{c.label}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
