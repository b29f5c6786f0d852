/**
 * Importing an export (a CRM, PRM or ERP file, CSV or .xlsx) into a partner table: the file's
 * dialect as read, the target table and source name (whose mapping is remembered), the suggested
 * mapping to edit, the questions the values leave open, the unknown partners to confirm, the
 * preview's counts with the rejected rows and why — then one validated save. Loaded when first opened.
 */
import { Button, Card, Field, Input, MessageBar, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ChangeEvent, useMemo, useRef, useState } from "react";
import {
  type ColumnChoice,
  type Dialect,
  type ExportGrid,
  ExportReadError,
  type Mapping,
  previewImport,
  readExport,
  rememberedMapping,
  suggestMapping,
} from "../../import";
import type { TableName } from "../../workbook/schema";
import { SaveStatus } from "../components/SaveStatus";
import { savedCounts, useSaver } from "../hooks/useSaver";
import { useData } from "../state/session";

/** The tables an export can go into, most common first. */
export const IMPORT_TABLES: readonly TableName[] = ["Deals", "Partners", "Metrics", "Plan", "FundRequests", "Funds", "Accounts", "Leads", "Engagement"];

/** How many rejected rows are listed. */
const REJECTED_SHOWN = 20;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(14rem, 1fr))", alignItems: "start", gap: tokens.spacingVerticalS, minWidth: 0 },
  counts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(6rem, 1fr))", gap: tokens.spacingHorizontalS },
  count: { display: "flex", flexDirection: "column" },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  file: { maxWidth: "100%", overflowWrap: "anywhere" },
  // A long option (a partner's name) must not widen the pane: the choice is cut, not the pane.
  select: { minWidth: 0, maxWidth: "100%" },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const SEPARATOR_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/** "CSV, UTF-8 with a byte order mark, separated by commas" or "Excel workbook, sheet Partners". */
export function dialectInWords(dialect: Dialect): string {
  if (dialect.format === "xlsx") return `Excel workbook, sheet ${dialect.sheet}`;
  const encoding = dialect.encoding === "windows-1252" ? "Windows-1252" : dialect.encoding.toUpperCase();
  return `CSV, ${encoding}${dialect.bom ? " with a byte order mark" : ""}, separated by ${SEPARATOR_NAMES[dialect.separator] ?? dialect.separator}`;
}

/** The source name a file suggests: its name without the extension. */
const sourceOf = (fileName: string) => fileName.replace(/\.[^.]+$/, "");

interface Loaded {
  name: string;
  grid: ExportGrid;
}

export default function ImportView() {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string>();
  const [file, setFile] = useState<Loaded>();
  const [table, setTable] = useState<TableName>("Deals");
  const [source, setSource] = useState("");
  // The source name the mapping was last suggested for: leaving the field suggests again only when it changed.
  const suggestedFor = useRef("");
  const [mapping, setMapping] = useState<Mapping>({});
  const [choices, setChoices] = useState<Record<string, ColumnChoice>>({});
  const [confirmed, setConfirmed] = useState<Record<string, string>>({});

  /** The suggested mapping: what is remembered for the source, then the headers' names. */
  const suggest = (grid: ExportGrid, target: TableName, name: string) => suggestMapping(grid.headers, target, rememberedMapping(data.snapshot, name, target));

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // The same file may be picked again (to import it again).
    event.target.value = "";
    if (!chosen) return;
    setReading(true);
    setError(undefined);
    saver.clear();
    try {
      const grid = await readExport(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
      if (!grid.headers.length) throw new ExportReadError(`${chosen.name} has no header row.`);
      // The same file again keeps the source name given; another file is its own source.
      const name = file?.name === chosen.name && source.trim() ? source : sourceOf(chosen.name);
      setFile({ name: chosen.name, grid });
      setSource(name);
      suggestedFor.current = name;
      setMapping(suggest(grid, table, name));
      setChoices({});
      setConfirmed({});
    } catch (e) {
      setFile(undefined);
      setError(e instanceof ExportReadError ? e.message : `${chosen.name} could not be read as a CSV file or an Excel workbook.`);
    } finally {
      setReading(false);
    }
  };

  const preview = useMemo(
    () => (file ? previewImport(data, table, file.grid, mapping, { choices, confirmed, source }) : undefined),
    [data, table, file, mapping, choices, confirmed, source],
  );

  const headers = file?.grid.headers ?? [];
  const columns = Object.keys(mapping);
  const questionsOpen = preview?.questions.length ?? 0;
  const absent = preview?.absent ?? [];
  const rowChanges = preview ? preview.added.length + preview.updated.length : 0;

  const doImport = async () => {
    if (!preview) return;
    if (!preview.changes.length) {
      saver.report("Nothing to import: every row is in the table as the file has it.");
      return;
    }
    const added = preview.added.length;
    const updated = preview.updated.length;
    // Beside the table's rows, the save remembers the mapping (ImportMaps) and the names confirmed
    // (PartnerAliases): said apart, so that "3 rows added" is not followed by "16 rows added".
    const aliases = preview.changes.filter((c) => c.table === "PartnerAliases").length;
    const remembered = preview.changes.some((c) => c.table === "ImportMaps");
    const also = [remembered && "the column mapping (ImportMaps)", aliases > 0 && `${plural(aliases, "confirmed partner name")} (PartnerAliases)`].filter(Boolean).join(" and ");
    const saved = await saver.save(
      preview.changes,
      (result) => `Imported ${file?.name} into ${table}: ${plural(added, "row")} added, ${plural(updated, "row")} updated.${also ? ` Also remembered: ${also}.` : ""} In all, ${savedCounts(result)}.`,
    );
    // The confirmed names are aliases now: they resolve without asking.
    if (saved) setConfirmed({});
  };

  return (
    <div className={styles.stack} data-testid="import-view">
      <Card className={styles.card}>
        <h2 className={styles.h2}>Import an export</h2>
        <Text className={styles.muted}>
          A CSV file or an Excel workbook from a CRM, PRM or ERP system. Nothing is written until you press Import.
        </Text>
        <Field label="File (CSV or .xlsx)">
          <input type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv" onChange={pick} data-testid="import-file" className={styles.file} />
        </Field>
        {reading && <Spinner size="small" label="Reading the file…" />}
        {error && (
          <MessageBar intent="error" role="alert" data-testid="import-error">
            {error}
          </MessageBar>
        )}
        {file && (
          <Text data-testid="import-dialect">
            {file.name}: {dialectInWords(file.grid.dialect)} — {plural(file.grid.rows.length, "row")}, {plural(headers.length, "column")}.
          </Text>
        )}
      </Card>

      {file && preview && (
        <>
          <Card className={styles.card}>
            <h2 className={styles.h2}>Into</h2>
            <div className={styles.grid}>
              <Field label="Table">
                <Select
                  className={styles.select}
                  select={{ className: styles.selectInner }}
                  value={table}
                  onChange={(_, d) => {
                    const target = d.value as TableName;
                    setTable(target);
                    setMapping(suggest(file.grid, target, source));
                    setChoices({});
                    saver.clear();
                  }}
                >
                  {IMPORT_TABLES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Source" hint="The mapping is remembered under this name.">
                <Input
                  value={source}
                  onChange={(_, d) => setSource(d.value)}
                  onBlur={() => {
                    if (source.trim() === suggestedFor.current.trim()) return;
                    suggestedFor.current = source;
                    setMapping(suggest(file.grid, table, source));
                  }}
                />
              </Field>
            </div>
          </Card>

          <Card className={styles.card}>
            <h2 className={styles.h2}>Columns</h2>
            <Text className={styles.muted}>Which column of the file fills each column of {table}.</Text>
            <div className={styles.grid} data-testid="import-mapping">
              {columns.map((column) => (
                <Field key={column} label={column}>
                  <Select
                    className={styles.select}
                    select={{ className: styles.selectInner }}
                    value={mapping[column] ?? ""}
                    onChange={(_, d) => {
                      setMapping((m) => ({ ...m, [column]: d.value || null }));
                      saver.clear();
                    }}
                  >
                    <option value="">(not imported)</option>
                    {headers.map((h, i) =>
                      h ? (
                        <option key={`${h}-${i}`} value={h}>
                          {h}
                        </option>
                      ) : null,
                    )}
                  </Select>
                </Field>
              ))}
            </div>
            {absent.length > 0 && (
              <MessageBar intent="error" data-testid="import-absent">
                The {table} table has no {absent.join(", ")} {absent.length === 1 ? "column" : "columns"}: add {absent.length === 1 ? "its header" : "their headers"} to the
                table in the workbook, or set {absent.length === 1 ? "it" : "them"} to (not imported), to import.
              </MessageBar>
            )}
            {preview.unmapped.length > 0 && (
              <MessageBar intent="warning" data-testid="import-unmapped">
                No column of the file fills {preview.unmapped.join(", ")}: new rows need {preview.unmapped.length === 1 ? "it" : "them"}.
              </MessageBar>
            )}
          </Card>

          {preview.questions.length > 0 && (
            <Card className={styles.card} data-testid="import-questions">
              <h2 className={styles.h2}>How to read the values</h2>
              {preview.questions.map((q) => (
                <Field key={q.column} label={`${q.column} (${q.header}), e.g. ${q.examples.join(", ")}`}>
                  <Select
                    className={styles.select}
                    select={{ className: styles.selectInner }}
                    value=""
                    onChange={(_, d) =>
                      setChoices((c) => ({ ...c, [q.column]: q.question === "numberForm" ? { numberForm: d.value as "us" | "eu" } : { dateOrder: d.value as "dmy" | "mdy" } }))
                    }
                  >
                    <option value="" disabled>
                      Choose…
                    </option>
                    {q.question === "numberForm" ? (
                      <>
                        <option value="us">1,234.56 — comma for thousands, point for decimals</option>
                        <option value="eu">1.234,56 — point for thousands, comma for decimals</option>
                      </>
                    ) : (
                      <>
                        <option value="dmy">Day first (dd/mm/yyyy)</option>
                        <option value="mdy">Month first (mm/dd/yyyy)</option>
                      </>
                    )}
                  </Select>
                </Field>
              ))}
            </Card>
          )}
          {Object.keys(choices).length > 0 && (
            <Text className={styles.muted} data-testid="import-answers">
              Read as chosen:{" "}
              {Object.entries(choices)
                .map(([column, c]) => `${column} ${c.numberForm === "eu" ? "1.234,56" : c.numberForm === "us" ? "1,234.56" : c.dateOrder === "mdy" ? "month first" : "day first"}`)
                .join("; ")}
              .{" "}
              <Button appearance="transparent" size="small" onClick={() => setChoices({})}>
                Ask again
              </Button>
            </Text>
          )}

          {(preview.unknownPartners.length > 0 || Object.keys(confirmed).length > 0) && (
            <Card className={styles.card} data-testid="import-partners">
              <h2 className={styles.h2}>Partners not recognised</h2>
              <Text className={styles.muted}>Confirm a partner and the name is remembered as its alias (PartnerAliases) when you import.</Text>
              {Object.entries(confirmed).map(([value, id]) => (
                <Field key={value} label={`"${value}"`}>
                  <Select className={styles.select} select={{ className: styles.selectInner }} value={id} onChange={(_, d) => setConfirmed((c) => withConfirmed(c, value, d.value))}>
                    <option value="">Not a partner of the workbook</option>
                    <option value={id}>
                      {data.partner(id)?.name ?? id} ({id})
                    </option>
                  </Select>
                </Field>
              ))}
              {preview.unknownPartners.map((u) => (
                <Field
                  key={u.value}
                  label={`"${u.value}" (${u.rows.length === 1 ? `row ${u.rows[0]}` : `${u.rows.length} rows`})`}
                  hint={u.suggestions.length ? undefined : "No partner of the workbook is alike: its rows are rejected."}
                >
                  <Select className={styles.select} select={{ className: styles.selectInner }} value="" disabled={!u.suggestions.length} onChange={(_, d) => setConfirmed((c) => withConfirmed(c, u.value, d.value))}>
                    <option value="">Not a partner of the workbook</option>
                    {u.suggestions.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} ({s.id}), {Math.round(s.similarity * 100)}% alike
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </Card>
          )}

          <Card className={styles.card} data-testid="import-preview">
            <h2 className={styles.h2}>Preview</h2>
            <div className={styles.counts}>
              {(
                [
                  ["added", preview.added.length],
                  ["updated", preview.updated.length],
                  ["unchanged", preview.unchanged.length],
                  ["rejected", preview.rejected.length],
                ] as const
              ).map(([label, n]) => (
                <div key={label} className={styles.count} data-testid={`import-${label}`} data-count={n}>
                  <span className={styles.figure}>{n.toLocaleString("en-US")}</span>
                  <Text size={200}>{label}</Text>
                </div>
              ))}
            </div>
            {preview.rejected.length > 0 && (
              <>
                <Text weight="semibold">
                  Rejected rows{preview.rejected.length > REJECTED_SHOWN ? ` (the first ${REJECTED_SHOWN} of ${preview.rejected.length})` : ""}:
                </Text>
                <ul className={styles.list} data-testid="import-rejected-rows">
                  {preview.rejected.slice(0, REJECTED_SHOWN).map((r) => (
                    <li key={r.row}>{r.reasons.join("; ")}</li>
                  ))}
                </ul>
              </>
            )}
            {questionsOpen > 0 && (
              <MessageBar intent="warning">
                Answer how to read {questionsOpen === 1 ? "the column" : `${questionsOpen} columns`} above before importing.
              </MessageBar>
            )}
            <div>
              <Button appearance="primary" onClick={doImport} disabled={saver.saving || questionsOpen > 0 || absent.length > 0} data-testid="import-button">
                {saver.saving ? "Importing…" : rowChanges ? `Import ${plural(rowChanges, "row")}` : "Import"}
              </Button>
            </div>
            <SaveStatus saver={saver} />
          </Card>
        </>
      )}
    </div>
  );
}

/** The confirmations with `value` confirmed as `id` (or no longer confirmed, with ""). */
function withConfirmed(confirmed: Record<string, string>, value: string, id: string): Record<string, string> {
  const next = { ...confirmed };
  if (id) next[value] = id;
  else delete next[value];
  return next;
}
