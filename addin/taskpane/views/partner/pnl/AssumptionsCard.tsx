/**
 * The partner's assumptions, one driver per row: where its value comes from (the `*` default, the
 * partner's own row, or the engine's built-in value), its value or per-year series to edit, and
 * override / revert to default. Edits are a draft until "Save overrides".
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular } from "@fluentui/react-icons/svg/arrow-reset";
import { ArrowUndo20Regular } from "@fluentui/react-icons/svg/arrow-undo";
import type { PnlState } from "../../../hooks/usePnl";
import { type Draft, type DriverLine, type Source, effective, yearLabel } from "../../../model/assumptions";
import { type DriverKind, driverTextProblem, formatDriverValue, inputText } from "../../../model/drivers";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, width: "100%", minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: "anywhere" },
  values: { flexGrow: 1, flexBasis: "4rem", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground2, textAlign: "end", fontVariantNumeric: "tabular-nums" },
  key: { fontFamily: tokens.fontFamilyMonospace },
  badge: { flexShrink: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  inputs: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(76px, 1fr))", gap: tokens.spacingHorizontalS },
  input: { width: "100%", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const SOURCE_BADGE: Record<Source, { label: string; color: "brand" | "informative" | "subtle" }> = {
  own: { label: "Overridden", color: "brand" },
  inherited: { label: "Default", color: "informative" },
  "built-in": { label: "Built-in", color: "subtle" },
};

const series = (kind: DriverKind, values: readonly (number | null)[]) => values.map((v) => (v === null ? "·" : formatDriverValue(kind, v))).join(" → ");

export function AssumptionsCard({ pnl, horizon }: { pnl: PnlState; horizon: number }) {
  const styles = useStyles();
  const overridden = pnl.lines.filter((l) => effective(l, pnl.drafts.get(l.driver)).source === "own").length;
  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        Assumptions
      </Text>
      <Text size={200} className={styles.muted}>
        Every partner inherits the default rows (PartnerId *) of the Assumptions table; this partner overrides {overridden} of them. Edit a value to
        try it — the summary follows at once — and save the overrides to keep them.
      </Text>
      <Accordion multiple collapsible>
        {pnl.lines.map((line) => (
          <DriverItem
            key={line.driver}
            line={line}
            draft={pnl.drafts.get(line.driver)}
            horizon={horizon}
            yearColumns={pnl.yearColumns.length}
            error={pnl.error?.driver === line.driver ? pnl.error.message : undefined}
            onDraft={(draft) => pnl.setDraft(line.driver, draft)}
          />
        ))}
      </Accordion>
    </Card>
  );
}

function DriverItem(props: {
  line: DriverLine;
  draft: Draft | undefined;
  horizon: number;
  yearColumns: number;
  error?: string;
  onDraft(draft: Draft | undefined): void;
}) {
  const styles = useStyles();
  const { line, draft } = props;
  const now = effective(line, draft);
  const inherited = effective(line, { kind: "inherit" });
  const box = (v: number | null) => inputText(line.kind, v);
  const shown = draft?.kind === "override" ? draft.text : now.rows[0] ? now.rows[0].values.map(box) : [box(line.builtIn)];
  // One box per year the horizon and the table's year columns allow (a single one for scalar drivers).
  const boxes = line.scalarOnly ? 1 : Math.max(shown.length, Math.min(props.horizon, props.yearColumns + 1), 1);
  const text = Array.from({ length: boxes }, (_, i) => shown[i] ?? "");
  const badge = SOURCE_BADGE[now.source];
  const unsaved = draft !== undefined;
  const summary = now.rows[0] ? series(line.kind, now.rows[0].values) : line.builtIn === null ? "required" : formatDriverValue(line.kind, line.builtIn);

  // The numbers the boxes show, kept with the draft so that boxes left alone save exactly.
  const from = draft?.kind === "override" ? draft.from : now.rows[0] ? now.rows[0].values : [line.builtIn];
  const edit = (index: number, value: string) => {
    const next = [...text];
    next[index] = value;
    props.onDraft({ kind: "override", text: next, from });
  };

  return (
    <AccordionItem value={line.driver} data-testid={`driver-${line.driver}`}>
      <AccordionHeader size="small">
        <span className={styles.header}>
          <span className={styles.name}>{line.label}</span>
          <span className={styles.values}>{props.error || now.invalid !== undefined ? <span className={styles.error}>check the value</span> : summary}</span>
          <Badge className={styles.badge} size="small" appearance={unsaved ? "tint" : "filled"} color={unsaved ? "warning" : badge.color} data-testid="source">
            {unsaved ? (draft.kind === "inherit" ? "Default, unsaved" : "Edited") : badge.label}
          </Badge>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>
          <Text size={200} className={styles.muted}>
            {line.meaning && `${line.meaning[0].toUpperCase() + line.meaning.slice(1)}. `}
            {line.kind === "rate" && "In per cent. "}
            Named <span className={styles.key} data-testid="driver-key">{line.driver}</span> in the Assumptions table.
          </Text>
          {!line.known && <Text size={200} className={styles.error}>Not a driver of the P&L: correct or delete this row in the Assumptions table.</Text>}
          <div className={styles.inputs}>
            {text.map((value, i) => {
              const message =
                draft?.kind !== "override" ? undefined : (driverTextProblem(line.driver, value) ?? (i === 0 && !value.trim() ? "Enter a value for year 1." : undefined));
              return (
                <Field key={i} label={i === 0 ? "Value" : `Year ${i + 1}`} size="small" validationMessage={message} validationState={message ? "error" : "none"}>
                  <Input
                    className={styles.input}
                    size="small"
                    inputMode="decimal"
                    value={value}
                    contentAfter={line.kind === "rate" ? "%" : undefined}
                    aria-label={`${line.label}, ${yearLabel(i + 1)}${line.kind === "rate" ? ", in per cent" : ""}`}
                    onChange={(_, d) => edit(i, d.value)}
                  />
                </Field>
              );
            })}
          </div>
          {/* A box that cannot be read says so itself; what the model refuses is said here. */}
          {props.error && now.invalid === undefined && (
            <Text size={200} className={styles.error} role="alert">
              {props.error}
            </Text>
          )}
          <Text size={200} className={styles.muted}>
            {now.source === "own"
              ? inherited.rows[0]
                ? `Default: ${series(line.kind, inherited.rows[0].values)}.`
                : line.builtIn === null
                  ? "No default row."
                  : `No default row; the built-in value is ${formatDriverValue(line.kind, line.builtIn)}.`
              : now.source === "inherited"
                ? "From the default row (PartnerId *). Type a value to override it for this partner."
                : "No row gives this driver: the engine's built-in value applies. Type a value to set it for this partner."}
            {!line.scalarOnly && boxes > 1 && " A single value applies to every year; more make a per-year series (empty years keep the last value)."}
          </Text>
          <div className={styles.actions}>
            {draft && (
              <Button size="small" icon={<ArrowUndo20Regular />} onClick={() => props.onDraft(undefined)}>
                Undo edit
              </Button>
            )}
            {line.own.length > 0 && draft?.kind !== "inherit" && (
              <Button size="small" icon={<ArrowReset20Regular />} onClick={() => props.onDraft({ kind: "inherit" })}>
                Revert to default
              </Button>
            )}
          </div>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
