/**
 * "Build from library": the library's activities that suit the partner (life stage, tier, largest
 * scorecard gaps first), each with its budget and expected result; the KPIs they move with targets
 * pre-filled from the network and their realism live; one save for the whole plan.
 */
import { Badge, type BadgeProps, Button, Card, CardHeader, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useId, useMemo, useState } from "react";
import type { RealismLevel } from "../../../../../engine/plan/realism";
import type { PlanRole } from "../../../../../engine/plan";
import { NumberSpin } from "../../../components/NumberSpin";
import { SaveStatus } from "../../../components/SaveStatus";
import { savedCounts, useSaver } from "../../../hooks/useSaver";
import { type ChosenActivity, buildChanges, networkOf, realismOf, startingTarget, suggestions } from "../../../model/builder";
import { formatAmount } from "../../../model/format";
import { kpisOf } from "../../../model/plan";
import { summarise } from "../../../model/summary";
import { useData } from "../../../state/session";
import { useUnsavedEdit } from "../../../state/unsaved";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: { paddingBlock: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, minWidth: 0 },
  detail: { display: "block", color: tokens.colorNeutralForeground3, paddingInlineStart: "32px", overflowWrap: "anywhere" },
  figures: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS, paddingInlineStart: "32px" },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  muted: { color: tokens.colorNeutralForeground3 },
  kpi: { paddingBlock: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
});

const REALISM_COLOR: Record<RealismLevel, BadgeProps["color"]> = { "Beyond the network": "danger", Stretch: "warning", "Within reach": "success", "Below median": "informative" };
const SHOWN = 8;

export function BuilderCard({ partnerId, period, name, role, today }: { partnerId: string; period: string; name: string; role: PlanRole; today: number }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const base = useId();
  const partner = data.partner(partnerId);
  const summary = useMemo(() => (partner ? summarise(data, partner) : null), [data, partner]);
  const offered = useMemo(() => suggestions(data, partnerId, summary?.stage ?? null, summary?.tier ?? null), [data, partnerId, summary]);
  const tiers = useMemo(() => new Map(data.partners.map((p) => [p.id.toLowerCase(), summarise(data, p).tier as string | null])), [data]);
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<Record<string, ChosenActivity>>({});
  const [typedTargets, setTargets] = useState<Record<string, number | null>>({});
  const picked = Object.values(chosen);
  useUnsavedEdit("Plan builder", picked.length > 0);

  // The KPIs the chosen activities move, each with the network it is measured against.
  const kpis = useMemo(() => {
    const existing = kpisOf(data, partnerId, period);
    const byKpi = new Map<string, number>();
    for (const c of picked) {
      const kpi = data.libraryActivity(c.activityId)?.kpi;
      if (kpi) byKpi.set(kpi, (byKpi.get(kpi) ?? 0) + (Number.isFinite(c.expected) ? c.expected : 0));
    }
    return [...byKpi.entries()].map(([kpi, expected]) => {
      const network = networkOf(data, partnerId, kpi, (id) => tiers.get(id.toLowerCase()) ?? null, summary?.tier ?? null);
      const own = existing.find((r) => r.kpi.toLowerCase() === kpi.toLowerCase());
      return { kpi, network, start: startingTarget(own?.target ?? null, network, expected) };
    });
  }, [data, partnerId, period, picked, tiers, summary]);
  const targetOf = (kpi: string, start: number) => (kpi in typedTargets ? typedTargets[kpi] : start);

  function toggle(goalId: string, activityId: string, on: boolean) {
    const activity = data.libraryActivity(activityId);
    setChosen((c) => {
      const next = { ...c };
      if (on && activity) next[activityId] = { goalId, activityId, owner: partner?.channelManager ?? name, budget: activity.typicalCost ?? 0, expected: activity.typicalResult ?? 0 };
      else delete next[activityId];
      return next;
    });
  }

  async function save() {
    const targets: Record<string, number> = {};
    for (const k of kpis) {
      const t = targetOf(k.kpi, k.start);
      if (t === null) return saver.refuse(`${k.kpi}: enter a target.`, "Plan");
      targets[k.kpi] = t;
    }
    const result = buildChanges(data, partnerId, period, picked, targets, { by: name, role, today });
    if (!result.ok) return saver.refuse(result.message, "PlanActivities");
    const saved = await saver.save(result.changes, (r) =>
      `Saved the plan of ${period}: ${picked.length} ${picked.length === 1 ? "activity" : "activities"}, ${kpis.length} KPI ${kpis.length === 1 ? "target" : "targets"} and ${result.tasks.length} milestone tasks${result.backToDraft ? "; the plan is back to Draft" : ""} (${savedCounts(r)}).`,
    );
    if (saved) {
      setChosen({});
      setTargets({});
    }
  }

  const list = all ? offered : offered.slice(0, SHOWN);
  const gapTopics = [...new Set(offered.flatMap((s) => s.gapTopics))];
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Build from library</Text>}
        description={
          <Text size={200} className={styles.muted} data-testid="builder-basis">
            Suggested for {summary?.tier ? `tier ${summary.tier}` : "any tier"}
            {summary?.stage ? `, stage ${summary.stage}` : ""}
            {gapTopics.length ? `, largest gaps first: ${gapTopics.join(", ")}` : ""}. {offered.length} of {data.library.length} library activities fit.
          </Text>
        }
      />
      {!data.library.length && <Text>The workbook has no Library rows: Set up workbook creates the table; the vendor fills it.</Text>}
      <ul className={styles.list} aria-label="Suggested activities">
        {list.map(({ activity, gapTopics: topics }) => {
          const c = chosen[activity.activityId];
          const nameId = `${base}-${activity.activityId}`;
          return (
            <li key={`${activity.goalId}|${activity.activityId}`} className={styles.item} data-activity={activity.activityId}>
              <Checkbox checked={!!c} onChange={(_, d) => toggle(activity.goalId, activity.activityId, d.checked === true)} label={{ children: activity.activity, id: nameId }} />
              <Text size={200} className={styles.detail}>
                {[activity.goal, activity.kpi && `moves ${activity.kpi}`, activity.typicalCost !== null && (activity.typicalCost > 0 ? `typically ${formatAmount(activity.typicalCost)}` : "no outside cost"), activity.mdfEligible && "MDF-eligible", topics.length && `gap: ${topics.join(", ")}`]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
              {c && (
                <div className={styles.figures}>
                  <NumberSpin label="Budget" context={nameId} value={c.budget} min={0} step={500} onChange={(v) => setChosen((s) => ({ ...s, [activity.activityId]: { ...c, budget: v ?? NaN } }))} validationMessage={Number.isFinite(c.budget) ? undefined : "Enter an amount."} />
                  <NumberSpin label={`Expected ${activity.unit ?? ""}`.trim()} context={nameId} value={c.expected} min={0} onChange={(v) => setChosen((s) => ({ ...s, [activity.activityId]: { ...c, expected: v ?? NaN } }))} validationMessage={Number.isFinite(c.expected) ? undefined : "Enter a number."} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {offered.length > SHOWN && (
        <Button appearance="subtle" size="small" onClick={() => setAll((a) => !a)}>
          {all ? `Show the first ${SHOWN}` : `Show all ${offered.length}`}
        </Button>
      )}
      {kpis.length > 0 && (
        <div role="group" aria-label="KPI targets">
          <Text weight="semibold">Targets of {period}</Text>
          {kpis.map(({ kpi, network, start }) => {
            const target = targetOf(kpi, start);
            const realism = target === null ? null : realismOf(target, network);
            return (
              <div key={kpi} className={styles.kpi}>
                <div className={styles.line}>
                  <NumberSpin label={`${kpi} target`} value={target} min={0} onChange={(v) => setTargets((t) => ({ ...t, [kpi]: v }))} validationMessage={target === null ? "Enter a target." : undefined} />
                  {realism && (
                    <Badge className={styles.nowrap} color={realism.level ? REALISM_COLOR[realism.level] : "informative"} data-testid={`realism-${kpi}`}>
                      {realism.label}
                    </Badge>
                  )}
                </div>
                <Text size={200} className={styles.muted}>
                  {network.reached.length ? `Against what ${network.reached.length} ${network.who} reached (their latest actual).` : "No other partner has an actual for this KPI."}
                </Text>
              </div>
            );
          })}
        </div>
      )}
      <div className={styles.row}>
        <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving || !picked.length} onClick={save}>
          Save plan
        </Button>
        {picked.length > 0 && (
          <Button
            onClick={() => {
              setChosen({});
              setTargets({});
            }}
          >
            Clear choices
          </Button>
        )}
      </div>
      <SaveStatus saver={saver} />
    </Card>
  );
}
