/**
 * The life-stage scorecard (seed 003): the partner's latest score and target of every topic, by
 * life stage (Fit, Onboarding, Activation, Enablement) and capability (Sales, Marketing,
 * Technical). The engine places the partner in its current stage and ranks the topics with the
 * largest gaps: the improvement action plan. Saving records an assessment on its date.
 */
import { Badge, Button, Card, CardHeader, Field, Input, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular, Save20Regular } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useState } from "react";
import { useByContent } from "../../hooks/useByContent";
import { isEngineError } from "../../../../engine/error";
import { parseDateText, serialText, todaySerial } from "../../../../engine/excel/date";
import { DEFAULT_PASS_MARK, ESTABLISHED, STAGES, gaps, stage } from "../../../../engine/scorecard";
import { NumberSpin } from "../../components/NumberSpin";
import { SaveStatus } from "../../components/SaveStatus";
import { savedCounts, useSaver } from "../../hooks/useSaver";
import { type ScorecardTopic, gapInputs, scorecardChanges, scorecardTopics, stageScores } from "../../model/scorecard";
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
  date: { width: "10rem" },
  fill: { width: "100%", minWidth: 0 },
  contents: { display: "contents" },
});

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const show = (n: number | null) => (n === null ? "—" : whole.format(n));
const scoreProblem = (value: number | null) =>
  value === null ? undefined : Number.isNaN(value) ? "Enter a number." : value < 0 || value > 100 ? "From 0 to 100." : undefined;

export function ScorecardTab({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const start = useByContent(useMemo(() => scorecardTopics(data, partnerId), [data, partnerId]));
  const [topics, setTopics] = useState<ScorecardTopic[]>(start);
  useEffect(() => setTopics(start), [start]);
  const [date, setDate] = useState(() => serialText(todaySerial()));
  const serial = parseDateText(date);
  const latest = start.reduce<number | null>((d, t) => (t.date !== null && (d === null || t.date > d) ? t.date : d), null);
  const dateMessage =
    serial === undefined ? "Enter a date." : latest !== null && serial < latest ? `The latest assessment is of ${serialText(latest)}: assess on that day or later.` : undefined;

  const invalid = topics.some((t) => scoreProblem(t.score) || scoreProblem(t.target));
  const scores = stageScores(topics);
  const current = invalid ? undefined : stage(scores);
  const input = gapInputs(topics);
  const plan = invalid || !topics.length ? undefined : gaps(input.topics, input.scores, input.targets, input.weights);
  const changed = topics.some((t, i) => t.score !== start[i]?.score || t.target !== start[i]?.target);
  useUnsavedEdit("Scorecard", changed);
  const categories = [...new Set(topics.map((t) => t.category))];

  const edit = (index: number, field: "score" | "target", value: number | null) =>
    setTopics((list) => list.map((t, i) => (i === index ? { ...t, [field]: value } : t)));

  async function save() {
    if (dateMessage || serial === undefined) return saver.refuse(dateMessage ?? "Enter a date.", "Scorecard");
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
            {latest !== null ? `Latest assessment: ${serialText(latest)}. ` : "Not assessed yet. "}A new assessment records every topic on its date.
          </Text>
          <div className={styles.actions}>
            <Field label="Assessment date" size="small" className={styles.date} validationMessage={dateMessage}>
              <Input type="date" size="small" className={styles.fill} value={date} onChange={(_, d) => setDate(d.value)} />
            </Field>
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
              Topics with the largest gap to target (weighted), largest first.
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
                  <Text size={200} className={styles.muted}>
                    {topics.find((t) => t.topic === g.topic)?.score === null ? "not scored" : `score ${show(g.score)}`} of {show(g.target)} · gap {show(g.gap)}
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

function StageRow({ name, score }: { name: string; score: number | null }) {
  const styles = useStyles();
  const passed = score !== null && score >= DEFAULT_PASS_MARK;
  return (
    <div role="listitem" className={styles.contents}>
      <Text size={200}>{name}</Text>
      <ProgressBar value={(score ?? 0) / 100} color={passed ? "success" : "warning"} aria-label={`${name}, out of 100`} />
      <Badge appearance={passed ? "filled" : "outline"} color={passed ? "success" : "warning"}>
        {show(score)}
      </Badge>
    </div>
  );
}

function CategoryCard(props: { category: string; topics: readonly ScorecardTopic[]; edit: (index: number, field: "score" | "target", value: number | null) => void }) {
  const styles = useStyles();
  const headingId = useId();
  const isStage = (STAGES as readonly string[]).some((s) => s.toLowerCase() === props.category.trim().toLowerCase());
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
            {isStage ? "Life stage" : "Capability"}
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
