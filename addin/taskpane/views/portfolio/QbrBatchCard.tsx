/**
 * The quarter's QBR decks for every partner of a region, channel manager or tier, built in the
 * page one after the other (with a progress bar and Cancel) and downloaded as one .zip with an
 * index. The deck writer is loaded when the first batch starts.
 */
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons/svg/arrow-download";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import { useMemo, useRef, useState } from "react";
import { quarterOfDay } from "../../model/engagement";
import { type QbrFilter, filterChoices, filterText, matchingPartners } from "../../../qbr/filter";
import type { PartnerData } from "../../../workbook/records";
import { download } from "../../download";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The quarter of `today` and the three before it, latest first. */
function recentQuarters(today: number): string[] {
  const [year, q] = quarterOfDay(today).split("-Q").map(Number);
  return [0, 1, 2, 3].map((back) => {
    const index = year * 4 + (q - 1) - back;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}

type Run = { state: "idle" } | { state: "running"; done: number; total: number } | { state: "done"; text: string; intent: "success" | "warning" | "error" };

export function QbrBatchCard({ data, today }: { data: PartnerData; today: number }) {
  const styles = useStyles();
  const quarters = useMemo(() => recentQuarters(today), [today]);
  const choices = useMemo(() => filterChoices(data), [data]);
  const [quarter, setQuarter] = useState(quarters[0]);
  const [filter, setFilter] = useState<QbrFilter>({ region: "", manager: "", tier: "" });
  const count = useMemo(() => matchingPartners(data, filter).length, [data, filter]);
  const [run, setRun] = useState<Run>({ state: "idle" });
  const stop = useRef<AbortController>(undefined);

  async function build() {
    const controller = new AbortController();
    stop.current = controller;
    setRun({ state: "running", done: 0, total: count });
    try {
      const { qbrZip } = await import(/* webpackChunkName: "qbr-batch" */ "../../../qbr/batch");
      const result = await qbrZip(data, { quarter, filter, signal: controller.signal, onProgress: ({ done, total }) => setRun({ state: "running", done, total }) });
      if (result.status === "cancelled") {
        setRun({ state: "done", intent: "warning", text: `Cancelled after ${result.done} of ${result.total} decks; nothing was downloaded.` });
        return;
      }
      const skipped = result.skipped.length ? ` ${result.skipped.length === 1 ? "1 partner got" : `${result.skipped.length} partners got`} none (index.csv in the zip says why).` : "";
      if (!result.files.length) {
        setRun({ state: "done", intent: "warning", text: `No deck could be made for ${quarter}, ${filterText(filter)}; nothing was downloaded.${skipped.replace(" (index.csv in the zip says why)", "")}` });
        return;
      }
      download(result.zip, result.fileName, "application/zip");
      setRun({ state: "done", intent: "success", text: `Downloaded ${result.fileName}: ${result.files.length === 1 ? "1 deck" : `${result.files.length} decks`} for ${quarter}, ${filterText(filter)}.${skipped}` });
    } catch (e) {
      // Our own refusals say why; anything else is a fault of ours, said plainly (details in the console).
      if (!(e instanceof Error && e.name === "QbrBatchError")) console.error("PartnerFit: the QBR batch failed", e);
      const why = e instanceof Error && e.name === "QbrBatchError" ? e.message : "something unexpected went wrong while making them (the details are in the browser's console).";
      setRun({ state: "done", intent: "error", text: `The decks could not be built: ${why} Nothing was downloaded.` });
    } finally {
      stop.current = undefined;
    }
  }

  const running = run.state === "running";
  const pick = (key: keyof QbrFilter, label: string, values: string[]) => (
    <Field label={label} size="small">
      <Select size="small" value={filter[key] ?? ""} disabled={running} onChange={(_, d) => setFilter((f) => ({ ...f, [key]: d.value }))}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">QBRs for every partner</Text>}
        description={
          <Text size={200} className={styles.muted}>
            The quarter's review deck of each partner you pick, in one .zip with an index. Built here, one deck after the other.
          </Text>
        }
      />
      <div className={styles.filters}>
        <Field label="Quarter" size="small">
          <Select size="small" value={quarter} disabled={running} onChange={(_, d) => setQuarter(d.value)}>
            {quarters.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </Select>
        </Field>
        {pick("region", "Region", choices.regions)}
        {pick("manager", "Channel manager", choices.managers)}
        {pick("tier", "Tier", choices.tiers)}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={running || count === 0} onClick={build}>
          Build {count} {count === 1 ? "deck" : "decks"} (.zip)
        </Button>
        {running && (
          <Button icon={<Dismiss20Regular />} onClick={() => stop.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      {running && (
        <Field validationMessage={`${run.done} of ${run.total} decks`} validationState="none">
          <ProgressBar value={run.total ? run.done / run.total : 0} aria-label={`QBR decks built: ${run.done} of ${run.total}`} data-testid="qbr-batch-progress" />
        </Field>
      )}
      {run.state === "done" && (
        <MessageBar intent={run.intent} data-testid="qbr-batch-result">
          <MessageBarBody>{run.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
