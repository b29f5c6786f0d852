/**
 * The Fluent parts of TermBadge and BadgeLegend (see ../TermBadge.tsx): a badge whose tooltip says
 * what its label means, and the legend of all such labels. A chunk of their own, loaded after the
 * partner list first shows.
 */
import { Badge, type BadgeProps, InfoLabel, Text, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { SEGMENT_TERMS, STAGE_TERMS, TIER_TERMS, type Term, describeSegment, describeStage, describeTier } from "../../model/legend";
import type { BadgeTerm } from "../TermBadge";

const useStyles = makeStyles({
  legend: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "280px" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const DESCRIBE = { tier: describeTier, segment: describeSegment, stage: describeStage };

/** A badge whose tooltip says what `term` means; a term the legend does not know gives a plain badge. */
export function TooltipBadge({ term, focusable, ...props }: BadgeProps & { term: BadgeTerm; focusable?: boolean }) {
  const description = DESCRIBE[term.kind](term.id);
  const badge = <Badge {...props} tabIndex={focusable && description ? 0 : undefined} />;
  if (!description) return badge;
  return (
    <Tooltip content={description} relationship="description" withArrow>
      {badge}
    </Tooltip>
  );
}

function Terms({ title, terms }: { title: string; terms: readonly Term[] }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{title}</Text>
      <ul className={styles.list}>
        {terms.map((t) => (
          <li key={t.id}>
            <b>{t.id}</b>
            {/* "Target (prospect)" after Target reads as its own words; other names in brackets. */}
            {t.name === t.id ? "" : t.name.startsWith(`${t.id} `) ? t.name.slice(t.id.length) : ` (${t.name})`}: {t.meaning}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "What the badges mean": the tiers and segments of the partner list, and the life stages. */
export function Legend({ stages = false }: { stages?: boolean }) {
  const styles = useStyles();
  return (
    <InfoLabel
      size="small"
      info={
        <div className={styles.legend} data-testid="badge-legend">
          <Terms title="Tiers (from the engagement checklist)" terms={TIER_TERMS} />
          <Terms title="Segments (potential × performance)" terms={SEGMENT_TERMS} />
          {stages && <Terms title="Life stages (from the scorecard)" terms={STAGE_TERMS} />}
        </div>
      }
    >
      What the badges mean
    </InfoLabel>
  );
}
