/**
 * The partner list: search by name or id, filter by region, territory, channel manager, tier and
 * segment. Only the rows in view are rendered, so it stays fast with thousands of partners.
 */
import { Badge, Field, SearchBox, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import { List, type RowComponentProps } from "react-window";
import type { PartnerSummary } from "../model/summary";
import { useNavigation } from "../state/navigation";
import { useSummaries } from "../state/summaries";

const ROW_HEIGHT = 60;
const ALL = "";

type FilterKey = "region" | "territory" | "channelManager" | "tier" | "segment";
const FILTERS: { key: FilterKey; label: string; value: (s: PartnerSummary) => string | null }[] = [
  { key: "region", label: "Region", value: (s) => s.partner.region },
  { key: "territory", label: "Territory", value: (s) => s.partner.territory },
  { key: "channelManager", label: "Channel manager", value: (s) => s.partner.channelManager },
  { key: "tier", label: "Tier", value: (s) => s.tier },
  { key: "segment", label: "Segment", value: (s) => s.segment },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, height: "100%" },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  // A definite height: the list renders only the rows in view (unbounded, it would grow to hold them all).
  list: { height: "max(320px, calc(100vh - 330px))", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  row: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalM}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    background: "none",
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

function distinct(summaries: readonly PartnerSummary[], value: (s: PartnerSummary) => string | null): string[] {
  return [...new Set(summaries.map(value).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
}

interface RowProps {
  rows: readonly PartnerSummary[];
  open: (id: string) => void;
}

function PartnerRow({ index, style, ariaAttributes, rows, open }: RowComponentProps<RowProps>) {
  const styles = useStyles();
  const s = rows[index];
  const place = [s.partner.territory, s.partner.channelManager].filter(Boolean).join(" · ");
  return (
    <div style={style} {...ariaAttributes}>
      <button type="button" className={styles.row} onClick={() => open(s.partner.id)} data-partner={s.partner.id}>
        <span className={styles.text}>
          <Text weight="semibold" className={styles.ellipsis}>
            {s.partner.name}
          </Text>
          <Text size={200} className={mergeClasses(styles.ellipsis, styles.muted)}>
            {s.partner.id}
            {place && ` · ${place}`}
          </Text>
        </span>
        <span className={styles.badges}>
          {s.tier && <Badge appearance="tint">{s.tier}</Badge>}
          {s.segment && <Badge appearance="outline">{s.segment}</Badge>}
        </span>
      </button>
    </div>
  );
}

export function PartnersView() {
  const styles = useStyles();
  const summaries = useSummaries();
  const navigation = useNavigation();
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState<Record<FilterKey, string>>({ region: ALL, territory: ALL, channelManager: ALL, tier: ALL, segment: ALL });
  const deferredQuery = useDeferredValue(query);
  const options = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f.key, distinct(summaries, f.value)])) as Record<FilterKey, string[]>, [summaries]);

  const rows = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    return summaries.filter(
      (s) =>
        (!q || s.partner.name.toLowerCase().includes(q) || s.partner.id.toLowerCase().includes(q)) &&
        FILTERS.every((f) => filters[f.key] === ALL || f.value(s) === filters[f.key]),
    );
  }, [summaries, deferredQuery, filters]);

  return (
    <div className={styles.root}>
      <SearchBox
        placeholder="Search partners by name or id"
        aria-label="Search partners"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      <div className={styles.filters}>
        {FILTERS.map((f) => (
          <Field key={f.key} label={f.label} size="small">
            <Select size="small" value={filters[f.key]} onChange={(_, data) => setFilters((current) => ({ ...current, [f.key]: data.value }))}>
              <option value={ALL}>All</option>
              {options[f.key].map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Text size={200} aria-live="polite" data-testid="partner-count">
        {rows.length === summaries.length ? `${rows.length} partners` : `${rows.length} of ${summaries.length} partners`}
      </Text>
      <List
        className={styles.list}
        aria-label="Partners"
        rowComponent={PartnerRow}
        rowCount={rows.length}
        rowHeight={ROW_HEIGHT}
        rowProps={{ rows, open: (id: string) => navigation.go("partner", id) }}
        overscanCount={8}
      />
    </div>
  );
}
