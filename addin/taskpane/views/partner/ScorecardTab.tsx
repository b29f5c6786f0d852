/**
 * The life-stage scorecard (seed 003): the partner's latest score and target of every topic, by
 * life stage (Fit, Onboarding, Activation, Enablement) and capability (Sales, Marketing,
 * Technical). The engine places the partner in its current stage and ranks the topics with the
 * largest gaps: the improvement action plan. Saving records an assessment on its date.
 */
import { Badge, Button, Card, CardHeader, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular } from "@fluentui/react-icons/svg/arrow-undo";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useEffect, useId, useMemo, useState } from "react";
import { useByContent } from "../../hooks/useByContent";
import { isEngineError } from "../../../../engine/error";
import { parseDateText, todaySerial } from "../../../../engine/excel/date";
import { DEFAULT_PASS_MARK, ESTABLISHED, STAGES, gaps, stage } from "../../../../engine/scorecard";
import { NumberSpin } from "../../components/NumberSpin";
import { SaveStatus } from "../../components/SaveStatus";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { DateField } from "../../components/DateField";
import { formatDate } from "../../model/format";
import { numberProblem } from "../../model/numbers";
import { type ScorecardTopic, gapExplanation, gapInputs, scorecardChanges, scorecardTopics, stageScores } from "../../model/scorecard";
import { useData } from "../../state/session";
import { useUnsavedEdit } from "../../state/unsaved";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  stage: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  stages: { display: "grid", gridTemplateColumns: "auto 1fr auto", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  gaps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  topic: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  topicName: { gridColumn: "1 / -1" },
  explain: { margin: 0 },
  date: { width: "11rem" },
  contents: { display: "contents" },
});

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const show = (n: number | null) => (n === null ? "—" : whole.format(n));
const scoreProblem = (value: number | null) => numberProblem(value, { min: 0, max: 100, example: "75" });
const isStage = (category: string, stageName: string) => category.trim().toLowerCase() === stageName.toLowerCase();

export function ScorecardTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const start = useByContent(useMemo(() => scorecardTopics(data, partnerId), [data, partnerId]));
  const [topics, setTopics] = useState<ScorecardTopic[]>(start);
  useEffect(() => setTopics(start), [start]);
  const [date, setDate] = useState(() => formatDate(todaySerial()));
  const serial = parseDateText(date);
  const latest = start.reduce<number | null>((d, t) => (t.date !== null && (d === null || t.date > d) ? t.date : d), null);
  const dateMessage =
    serial === undefined
      ? "Enter a date as YYYY-MM-DD."
      : latest !== null && serial < latest
        ? `The latest assessment is of ${formatDate(latest)}: assess on that day or later.`
        : undefined;

  const invalid = topics.some((t) => scoreProblem(t.score) || scoreProblem(t.target));
  // A stage with a score or target that cannot be used shows no figure rather than a wrong one.
  const scores = stageScores(topics).map((score, i) =>
    topics.some((t) => isStage(t.category, STAGES[i]) && (scoreProblem(t.score) || scoreProblem(t.target))) ? undefined : score,
  );
  const current = invalid ? undefined : stage(scores.map((x) => x ?? null));
  const input = gapInputs(topics);
  const plan = invalid || !topics.length ? undefined : gaps(input.topics, input.scores, input.targets, input.weights);
  const changed = topics.some((t, i) => t.score !== start[i]?.score || t.target !== start[i]?.target);
  useUnsavedEdit("Scorecard", changed);
  const categories = [...new Set(topics.map((t) => t.category))];

  const edit = (index: number, field: "score" | "target", value: number | null) =>
    setTopics((list) => list.map((t, i) => (i === index ? { ...t, [field]: value } : t)));

  // A refusal of the form's fields goes once they are corrected, rather than stay above a valid form.
  const [refused, setRefused] = useState(false);
  const { clear } = saver;
  useEffect(() => {
    if (refused && !invalid && !dateMessage) {
      clear();
      setRefused(false);
    }
  }, [refused, invalid, dateMessage, clear]);

  async function save() {
    if (dateMessage || serial === undefined || invalid) setRefused(true);
    if (dateMessage || serial === undefined) return saver.refuse(dateMessage ?? "Enter a date as YYYY-MM-DD.", "Scorecard");
    if (invalid) return saver.refuse("Scores and targets are from 0 to 100; correct the fields marked below.", "Scorecard");
    await saver.save(scorecardChanges(data, partnerId, serial, topics), (r) => `Saved the scorecard of ${date}: ${savedCounts(r)}.`);
  }

  if (!topics.length) {
    return <Text>The workbook has no scorecard topics yet: add them to the Scorecard table (PartnerId, Category, Topic, Score, Target).</Text>;
  }
  return (
    <div className={styles.stack}>
      <Card>
        <div className={styles.section}>
          <div className={styles.line}>
            <Text weight="semibold">Current stage</Text>
            <Text className={styles.stage} aria-live="polite" data-testid="scorecard-stage">
              {current === undefined || isEngineError(current) ? "—" : current}
            </Text>
          </div>
          <Text size={200} className={styles.muted}>
            {current === ESTABLISHED
              ? `Every life stage scores at least ${DEFAULT_PASS_MARK}.`
              : `The first life stage scoring below ${DEFAULT_PASS_MARK} (an unscored stage is not passed).`}
          </Text>
          <div className={styles.stages} role="list" aria-label="Life stage scores">
            {STAGES.map((s, i) => (
              <StageRow key={s} name={s} score={scores[i]} />
            ))}
          </div>
          <Text size={200} className={styles.muted}>
            {latest !== null ? `Latest assessment: ${formatDate(latest)}. ` : "Not assessed yet. "}A new assessment records every topic on its date.
          </Text>
          <div className={styles.actions}>
            <DateField label="Assessment date" className={styles.date} value={date} onChange={setDate} validationMessage={dateMessage} />
            <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving} onClick={save}>
              Save scorecard
            </Button>
            <Button icon={<ArrowUndo20Regular />} disabled={!changed} onClick={() => setTopics(start)}>
              Undo changes
            </Button>
          </div>
        </div>
      </Card>
      <SaveStatus saver={saver} />
      <Card>
        <CardHeader
          header={<Text weight="semibold">Improvement plan</Text>}
          description={
            <Text size={200} className={styles.muted}>
              Topics with the largest gap to target, largest first: gap = (target − score) × the topic's weight.
            </Text>
          }
        />
        {plan === undefined || isEngineError(plan) ? (
          <Text>{plan && isEngineError(plan) ? plan.message : "Correct the scores to rank the gaps."}</Text>
        ) : plan.every((g) => g.gap === 0) ? (
          <Text data-testid="scorecard-gaps">Every topic is on target.</Text>
        ) : (
          <ol className={styles.gaps} data-testid="scorecard-gaps">
            {plan
              .filter((g) => g.gap > 0)
              .map((g) => (
                <li key={g.topic}>
                  <Text weight="semibold">{g.topic}</Text>{" "}
                  <Text size={200} className={styles.muted} data-testid="gap-summary">
                    {topics.find((t) => t.topic === g.topic)?.score === null ? "not scored" : `score ${show(g.score)}`} of {show(g.target)} · gap {show(g.gap)}
                  </Text>
                  <Text as="p" block size={200} className={mergeClasses(styles.muted, styles.explain)} data-testid="gap-explanation">
                    {gapExplanation(g, input.weights ? (topics.find((t) => t.topic === g.topic)?.weight ?? null) : undefined, topics.find((t) => t.topic === g.topic)?.score !== null)}
                  </Text>
                </li>
              ))}
          </ol>
        )}
      </Card>
      {categories.map((category) => (
        <CategoryCard key={category} category={category} topics={topics} edit={edit} />
      ))}
    </div>
  );
}

/** `score` undefined: a score or target of the stage cannot be used yet. */
function StageRow({ name, score }: { name: string; score: number | null | undefined }) {
  const styles = useStyles();
  const passed = typeof score === "number" && score >= DEFAULT_PASS_MARK;
  return (
    <div role="listitem" className={styles.contents}>
      <Text size={200}>{name}</Text>
      <ProgressBar value={Math.min(1, Math.max(0, (score ?? 0) / 100))} color={passed ? "success" : "warning"} aria-label={`${name}, out of 100`} />
      <Badge appearance={passed ? "filled" : "outline"} color={passed ? "success" : "warning"} data-testid={`stage-score-${name}`}>
        {score === undefined ? "check" : show(score)}
      </Badge>
    </div>
  );
}

function CategoryCard(props: { category: string; topics: readonly ScorecardTopic[]; edit: (index: number, field: "score" | "target", value: number | null) => void }) {
  const styles = useStyles();
  const headingId = useId();
  const stageCard = STAGES.some((s) => isStage(props.category, s));
  return (
    <Card role="group" aria-labelledby={headingId}>
      <CardHeader
        header={
          <Text weight="semibold" id={headingId}>
            {props.category}
          </Text>
        }
        description={
          <Text size={200} className={styles.muted}>
            {stageCard ? "Life stage" : "Capability"}
          </Text>
        }
      />
      {props.topics.map((t, index) =>
        t.category !== props.category ? null : <TopicRow key={`${t.category}|${t.topic}`} topic={t} edit={(field, value) => props.edit(index, field, value)} />,
      )}
    </Card>
  );
}

function TopicRow({ topic, edit }: { topic: ScorecardTopic; edit: (field: "score" | "target", value: number | null) => void }) {
  const styles = useStyles();
  const nameId = useId();
  return (
    <div className={styles.topic}>
      <Text id={nameId} className={styles.topicName}>
        {topic.topic}
        {topic.own ? "" : " (not assessed)"}
      </Text>
      <NumberSpin label="Score" context={nameId} value={topic.score} min={0} max={100} step={5} onChange={(v) => edit("score", v)} validationMessage={scoreProblem(topic.score)} />
      <NumberSpin label="Target" context={nameId} value={topic.target} min={0} max={100} step={5} onChange={(v) => edit("target", v)} validationMessage={scoreProblem(topic.target)} />
    </div>
  );
}
