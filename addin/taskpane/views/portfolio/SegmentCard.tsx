/**
 * Potential × performance: every partner with both metrics on a scatter chart with the quadrant
 * cuts, and the same partners by quadrant as a list of buttons (the keyboard way in). Picking a
 * partner opens it.
 */
import { Button, Card, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DEFAULT_CUT, QUADRANTS, type Quadrant } from "../../../../engine/segment";
import { type ScatterGroup, ScatterChart } from "../../components/charts/ScatterChart";
import type { PlacedPartner } from "../../model/portfolio";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  Star: { fill: tokens.colorPaletteGreenBorderActive },
  Develop: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  Sustain: { fill: tokens.colorPaletteBlueBorderActive },
  Review: { fill: tokens.colorNeutralForeground3 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    maxHeight: "16rem",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  quadrants: { flexWrap: "wrap" },
  item: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    borderRadius: 0,
    paddingBlock: tokens.spacingVerticalXS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  metrics: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const CORNERS: Record<Quadrant, ScatterGroup["corner"]> = { Star: "top-right", Develop: "top-left", Sustain: "bottom-right", Review: "bottom-left" };

export function SegmentCard(props: { placed: readonly PlacedPartner[]; unplaced: number; onOpen(id: string): void }) {
  const styles = useStyles();
  const [quadrant, setQuadrant] = useState<Quadrant>("Develop");
  const counts = useMemo(() => Object.fromEntries(QUADRANTS.map((q) => [q.id, props.placed.filter((p) => p.segment === q.id).length])), [props.placed]);
  const groups = QUADRANTS.map((q) => ({ id: q.id, corner: CORNERS[q.id], className: styles[q.id] }));
  const listed = props.placed.filter((p) => p.segment === quadrant).sort((a, b) => b.potential - a.potential || a.name.localeCompare(b.name));
  const summary =
    `${props.placed.length} partners placed by performance (across) and potential (up), cut at ${DEFAULT_CUT}: ` +
    QUADRANTS.map((q) => `${counts[q.id]} ${q.id}`).join(", ") +
    (props.unplaced ? `. ${props.unplaced} partners without both metrics are not shown.` : ".");
  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        Potential × performance
      </Text>
      <ScatterChart
        title="Partners by potential and performance"
        xLabel="Performance"
        yLabel="Potential"
        points={props.placed.map((p) => ({ id: p.id, name: p.name, x: p.performance, y: p.potential, group: p.segment }))}
        cuts={{ x: DEFAULT_CUT, y: DEFAULT_CUT }}
        groups={groups}
        summary={summary}
        onSelect={props.onOpen}
        testId="segment-scatter"
      />
      <Text size={200} className={styles.muted}>
        Click a point, or pick a partner by quadrant below.
      </Text>
      <TabList className={styles.quadrants} size="small" selectedValue={quadrant} onTabSelect={(_, d) => setQuadrant(d.value as Quadrant)} aria-label="Quadrant">
        {QUADRANTS.map((q) => (
          <Tab key={q.id} value={q.id} title={q.meaning}>
            {q.id} ({counts[q.id]})
          </Tab>
        ))}
      </TabList>
      <Text size={200} className={styles.muted}>
        {QUADRANTS.find((q) => q.id === quadrant)!.meaning[0].toUpperCase() + QUADRANTS.find((q) => q.id === quadrant)!.meaning.slice(1)}.
      </Text>
      <ul className={styles.list} aria-label={`${quadrant} partners`} data-testid="quadrant-list">
        {listed.map((p) => (
          <li key={p.id}>
            <Button appearance="subtle" className={styles.item} onClick={() => props.onOpen(p.id)}>
              <span className={styles.name}>{p.name}</span>
              <span className={styles.metrics}>
                potential {p.potential} · performance {p.performance}
              </span>
            </Button>
          </li>
        ))}
        {!listed.length && (
          <li>
            <Text size={200} className={styles.muted}>
              No partner in this quadrant.
            </Text>
          </li>
        )}
      </ul>
    </Card>
  );
}
