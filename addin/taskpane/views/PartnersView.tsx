/**
 * The partner list: search by name or id, filter by region, territory, channel manager, tier and
 * segment. Only the rows in view are rendered, so it stays fast with thousands of partners. A
 * workbook without a Partners table gets Set up workbook instead, an empty one Add partner.
 */
import { Button, Field, MessageBar, MessageBarBody, SearchBox, Select, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useDeferredValue, useMemo, useState } from "react";
import { List, type RowComponentProps } from "react-window";
import { BadgeLegend, TermBadge } from "../components/TermBadge";
import type { ListSummary } from "../model/list-summary";
import { useNavigation } from "../state/navigation";
import { useData } from "../state/session";
import { useListSummaries } from "../state/list-summaries";
import { AddPartnerButton } from "./partners/AddPartnerButton";
import type { Notice } from "./partners/PartnersNotice";

// What a new workbook needs, and the notices of a set-up or a partner added, come in a chunk of
// their own: most workbooks never show them.
const SetUpCard = lazy(() => import(/* webpackChunkName: "set-up" */ "./partners/SetUpCard").then((m) => ({ default: m.SetUpCard })));
const NoPartnersCard = lazy(() => import(/* webpackChunkName: "set-up" */ "./partners/NoPartnersCard").then((m) => ({ default: m.NoPartnersCard })));
const PartnersNotice = lazy(() => import(/* webpackChunkName: "set-up" */ "./partners/PartnersNotice").then((m) => ({ default: m.PartnersNotice })));

const ROW_HEIGHT = 60;
const ALL = "";

type FilterKey = "region" | "territory" | "channelManager" | "tier" | "segment";
const FILTERS: { key: FilterKey; label: string; value: (s: ListSummary) => string | null }[] = [
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
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  // A button that reads as a word of the sentence.
  inlineAction: { minWidth: "auto", height: "auto", padding: 0, verticalAlign: "baseline", fontSize: "inherit", lineHeight: "inherit", color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
  barStart: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
});

function distinct(summaries: readonly ListSummary[], value: (s: ListSummary) => string | null): string[] {
  return [...new Set(summaries.map(value).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
}

interface RowProps {
  rows: readonly ListSummary[];
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
          {s.tier && (
            <TermBadge appearance="tint" term={{ kind: "tier", id: s.tier }}>
              {s.tier}
            </TermBadge>
          )}
          {s.segment && (
            <TermBadge appearance="outline" term={{ kind: "segment", id: s.segment }}>
              {s.segment}
            </TermBadge>
          )}
        </span>
      </button>
    </div>
  );
}

const NO_FILTERS: Record<FilterKey, string> = { region: ALL, territory: ALL, channelManager: ALL, tier: ALL, segment: ALL };

export function PartnersView() {
  const styles = useStyles();
  const data = useData();
  const summaries = useListSummaries();
  const navigation = useNavigation();
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState<Record<FilterKey, string>>(NO_FILTERS);
  const [notice, setNotice] = useState<Notice>();
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

  const clearFilters = () => {
    setQuery("");
    setFilters(NO_FILTERS);
  };
  const added = (partner: { id: string; name: string }) => setNotice({ text: `Added ${partner.name} (${partner.id}) to the Partners table.`, partner });
  const table = data.snapshot.tables.get("Partners");

  const noticeBar = notice && (
    <Suspense fallback={null}>
      <PartnersNotice notice={notice} onOpen={(id) => navigation.go("partner", id)} onDismiss={() => setNotice(undefined)} />
    </Suspense>
  );

  if (!table) {
    return (
      <div className={styles.root}>
        {noticeBar}
        <Suspense fallback={<Spinner size="small" label="Reading the workbook's sheets…" />}>
          <SetUpCard onDone={(text) => setNotice({ text })} />
        </Suspense>
      </div>
    );
  }

  if (!summaries.length) {
    return (
      <div className={styles.root}>
        {noticeBar}
        <Suspense fallback={<Spinner size="small" />}>
          <NoPartnersCard sheet={table.sheet} onAdded={added} />
        </Suspense>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      {noticeBar}
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
      <div className={styles.bar}>
        <span className={styles.barStart}>
          <Text size={200} aria-live="polite" data-testid="partner-count">
            {rows.length === summaries.length ? `${rows.length} ${summaries.length === 1 ? "partner" : "partners"}` : `${rows.length} of ${summaries.length} ${summaries.length === 1 ? "partner" : "partners"}`}
          </Text>
          <BadgeLegend />
        </span>
        <AddPartnerButton onAdded={added} />
      </div>
      {rows.length ? (
        <List
          className={styles.list}
          aria-label="Partners"
          rowComponent={PartnerRow}
          rowCount={rows.length}
          rowHeight={ROW_HEIGHT}
          rowProps={{ rows, open: (id: string) => navigation.go("partner", id) }}
          overscanCount={8}
        />
      ) : (
        <MessageBar intent="info" data-testid="no-match">
          <MessageBarBody>
            No partner matches —{" "}
            <Button appearance="transparent" size="small" className={styles.inlineAction} onClick={clearFilters}>
              clear filters
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
