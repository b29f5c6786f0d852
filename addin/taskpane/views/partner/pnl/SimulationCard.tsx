/**
 * Monte Carlo of the partner's P&L (PARTNER.SIMULATE on the assumptions as shown, draft included):
 * the uncertain drivers and their distributions, trials and seed; the run happens off the page's
 * thread with its progress shown, and Cancel stops it.
 */
import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular } from "@fluentui/react-icons/svg/add";
import { Delete20Regular } from "@fluentui/react-icons/svg/delete";
import { Play20Regular } from "@fluentui/react-icons/svg/play";
import { Stop20Regular } from "@fluentui/react-icons/svg/stop";
import { useId, useMemo, useState } from "react";
import { DEFAULT_TRIALS, DISTRIBUTIONS, DRIVERS, MAX_TRIALS, type SimulationResult } from "../../../../../engine/pnl";
import { useSimulation } from "../../../hooks/useSimulation";
import type { PnlState } from "../../../hooks/usePnl";
import { DRIVER_WORDS, type DriverKind, driverWords, formatDriverValue, inWords, inputText, readDriverText } from "../../../model/drivers";
import { formatAmount, formatDecimal, formatPercent } from "../../../model/format";
import { numberProblem, readNumber } from "../../../model/numbers";
import { type Distribution, PARAMETERS, hasProblems, uncertaintyProblems } from "../../../model/uncertainty";
import type { SimulationRequest } from "../../../simulation/run";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  parameters: { gridColumn: "1 / -1", display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  settings: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  // Inputs take their column's width, however narrow the pane.
  input: { width: "100%", minWidth: 0 },
  // A select is as wide as its longest option unless told otherwise; here it takes its column.
  cell: { minWidth: 0 },
  select: { width: "100%", minWidth: 0, "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  note: { gridColumn: "1 / -1" },
});

const UNCERTAIN = DRIVERS.filter((d) => d.name !== "years").map((d) => d.name);

interface UncertainRow {
  readonly key: number;
  readonly driver: string;
  readonly distribution: Distribution;
  readonly parameters: readonly string[];
  /**
   * The row follows the assumptions as they are now, draft included: normal around the driver's
   * value with a 20% standard deviation, until the user sets its figures.
   */
  readonly follows?: boolean;
}

const round = (x: number) => Number(x.toPrecision(3));

/** A driver's value (year 1) in the assumptions as shown, draft included. */
function valueOf(pnl: PnlState, driver: string): number | undefined {
  const row = pnl.rows[pnl.drivers.indexOf(driver)];
  return typeof row?.[1] === "number" ? row[1] : undefined;
}

const kindOf = (driver: string): DriverKind => driverWords(driver).kind;
/** A parameter's value as typed in the driver's units (a rate's `27` is 0.27); `undefined` when blank or not a number. */
const parameterOf = (row: UncertainRow, text: string) => readDriverText(kindOf(row.driver), text) ?? undefined;

/** Normal around `value` with a 20% standard deviation, as the boxes of `driver` show it. */
const around = (driver: string, value: number) => [inputText(kindOf(driver), value), inputText(kindOf(driver), round(Math.abs(value) * 0.2))];

/** Where a distribution is centred: the mean, the mode, the middle of the range. */
function centreOf(row: UncertainRow): number | undefined {
  const p = row.parameters.map((x) => parameterOf(row, x));
  if (row.distribution === "normal") return p[0] ?? undefined;
  if (row.distribution === "triangular") return p[1] ?? undefined;
  return p[0] !== undefined && p[1] !== undefined ? (p[0] + p[1]) / 2 : undefined;
}

/** The row's figures moved so that it is centred on `value` (its spread scaled with it). */
function recentred(row: UncertainRow, value: number): UncertainRow {
  const centre = centreOf(row);
  if (centre === undefined || centre === 0) return { ...row, parameters: around(row.driver, value), distribution: "normal" };
  const scale = value / centre;
  return { ...row, parameters: row.parameters.map((x) => inputText(kindOf(row.driver), round((parameterOf(row, x) ?? 0) * scale))) };
}

/**
 * Figures for a row whose driver changed to one of another kind (an amount to a rate): figures in
 * the old driver's units would mean something else, so the row starts around the new driver's value.
 */
function spread(driver: string, distribution: Distribution, value: number): string[] {
  const text = (x: number) => inputText(kindOf(driver), round(x));
  if (distribution === "normal") return around(driver, value);
  const [low, high] = [value * 0.8, value * 1.2].sort((a, b) => a - b);
  return distribution === "uniform" ? [text(low), text(high)] : [text(low), text(value), text(high)];
}

/** A first uncertainty: the licence revenue, following the assumptions (the draft included). */
const startingRows = (): UncertainRow[] => [{ key: 1, driver: "license_revenue", distribution: "normal", parameters: [], follows: true }];

export function SimulationCard({ pnl }: { pnl: PnlState }) {
  const styles = useStyles();
  const statusId = useId();
  const [kept, setRows] = useState<UncertainRow[]>(startingRows);
  // Rows that follow the assumptions take the driver's value as it is now (a draft changes it).
  const rows = useMemo(
    () => kept.map((r) => (r.follows ? { ...r, parameters: around(r.driver, valueOf(pnl, r.driver) ?? 0) } : r)),
    [kept, pnl],
  );
  const [trials, setTrials] = useState(() => formatAmount(DEFAULT_TRIALS));
  const [seed, setSeed] = useState("1");
  const simulation = useSimulation();
  const { state } = simulation;

  const trialsValue = readNumber(trials);
  const trialsProblem = numberProblem(trialsValue ?? Number.NaN, { min: 1, max: MAX_TRIALS, integer: true, example: "10,000" });
  const seedValue = readNumber(seed);
  const seedProblem = seedValue === undefined ? "Enter a number, or leave it blank for seed 1." : undefined;
  const problems = useMemo(() => uncertaintyProblems(rows), [rows]);
  const parameterProblem = hasProblems(problems);

  const request = useMemo<SimulationRequest | undefined>(() => {
    if (trialsProblem || seedProblem || parameterProblem || pnl.error || !rows.length) return undefined;
    return {
      assumptions: pnl.rows,
      uncertainty: rows.map((r) => [r.driver, r.distribution, ...r.parameters.map((p) => parameterOf(r, p) ?? null)]),
      trials: trialsValue!,
      // As PARTNER.SIMULATE: an empty or 0 seed means the default seed, 1.
      seed: seedValue || 1,
    };
  }, [pnl.rows, pnl.error, rows, trialsValue, seedValue, trialsProblem, seedProblem, parameterProblem]);

  const running = state.status === "running";
  const stale = state.status !== "idle" && !running && (!request || JSON.stringify(request) !== JSON.stringify(state.request));
  // Setting a row's figures fixes them: from then on it no longer follows the assumptions.
  const update = (key: number, change: Partial<UncertainRow>) =>
    setRows(() =>
      rows.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...change, follows: false };
        if (change.distribution) next.parameters = PARAMETERS[change.distribution].map((_, i) => r.parameters[i] ?? r.parameters.at(-1) ?? "");
        return next;
      }),
    );

  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        Monte Carlo
      </Text>
      <Text size={200} className={styles.muted}>
        Each trial draws every uncertain driver once and uses it in every year, on the assumptions as they are now (your draft
        included). The figures are those of =PARTNER.SIMULATE with the same assumptions, uncertainty, trials and seed. The first row
        follows the licence revenue of the assumptions until you set its figures.
      </Text>
      <div role="group" aria-label="Uncertain drivers">
        {rows.map((r, index) => (
          <div key={r.key} className={styles.row} data-testid="uncertainty-row">
            <Field
              label="Driver"
              size="small"
              className={styles.cell}
              validationMessage={problems[index].driver}
              validationState={problems[index].driver ? "error" : "none"}
            >
              <Select
                className={styles.select}
                size="small"
                value={r.driver}
                onChange={(_, d) =>
                  update(r.key, kindOf(d.value) === kindOf(r.driver) ? { driver: d.value } : { driver: d.value, parameters: spread(d.value, r.distribution, valueOf(pnl, d.value) ?? 0) })
                }
                disabled={running}
              >
                {UNCERTAIN.map((name) => (
                  <option key={name} value={name} title={`${name} in the Assumptions table`}>
                    {DRIVER_WORDS[name].label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Distribution" size="small" className={styles.cell}>
              <Select className={styles.select} size="small" value={r.distribution} onChange={(_, d) => update(r.key, { distribution: d.value as Distribution })} disabled={running}>
                {DISTRIBUTIONS.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </Select>
            </Field>
            <Button
              size="small"
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={`Remove uncertain driver ${index + 1} (${driverWords(r.driver).label})`}
              disabled={running || rows.length === 1}
              onClick={() => setRows(() => rows.filter((x) => x.key !== r.key))}
            />
            {(() => {
              // A row whose figures were set, and whose driver the draft has since changed, is said to differ.
              const value = valueOf(pnl, r.driver);
              const centre = centreOf(r);
              if (r.follows || value === undefined || centre === undefined || Math.abs(centre - value) <= 0.005 * Math.max(Math.abs(value), 1)) return null;
              return (
                <MessageBar intent="warning" className={styles.note} data-testid="uncertainty-differs">
                  {driverWords(r.driver).label} is {formatDriverValue(kindOf(r.driver), value)} in the assumptions as they are now; this row is centred on{" "}
                  {formatDriverValue(kindOf(r.driver), centre)}.
                  <Button size="small" appearance="transparent" onClick={() => setRows(() => rows.map((x) => (x.key === r.key ? recentred(x, value) : x)))}>
                    Centre on {formatDriverValue(kindOf(r.driver), value)}
                  </Button>
                </MessageBar>
              );
            })()}
            <div className={styles.parameters}>
              {PARAMETERS[r.distribution].map((label, i) => {
                const problem = problems[index].parameters[i];
                const rate = kindOf(r.driver) === "rate";
                return (
                  <Field key={label} label={label} size="small" validationMessage={problem} validationState={problem ? "error" : "none"}>
                    <Input
                      className={styles.input}
                      size="small"
                      inputMode="decimal"
                      value={r.parameters[i] ?? ""}
                      contentAfter={rate ? "%" : undefined}
                      aria-label={`${driverWords(r.driver).label}, ${label.toLowerCase()}${rate ? ", in per cent" : ""}`}
                      disabled={running}
                      onChange={(_, d) => update(r.key, { parameters: r.parameters.map((p, j) => (j === i ? d.value : p)) })}
                    />
                  </Field>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <div className={styles.actions}>
        <Button
          size="small"
          icon={<Add20Regular />}
          disabled={running}
          onClick={() =>
            setRows(() => [
              ...rows,
              { key: Math.max(0, ...rows.map((r) => r.key)) + 1, driver: UNCERTAIN.find((n) => !rows.some((r) => r.driver === n)) ?? UNCERTAIN[0], distribution: "uniform", parameters: ["", ""] },
            ])
          }
        >
          Add an uncertain driver
        </Button>
      </div>
      <div className={styles.settings}>
        <Field label="Trials" size="small" validationMessage={trialsProblem} validationState={trialsProblem ? "error" : "none"}>
          <Input className={styles.input} size="small" inputMode="numeric" value={trials} onChange={(_, d) => setTrials(d.value)} disabled={running} />
        </Field>
        <Field label="Seed" size="small" validationMessage={seedProblem} validationState={seedProblem ? "error" : "none"}>
          <Input className={styles.input} size="small" inputMode="numeric" value={seed} onChange={(_, d) => setSeed(d.value)} disabled={running} />
        </Field>
      </div>
      <div className={styles.actions}>
        {running ? (
          <Button appearance="primary" icon={<Stop20Regular />} onClick={simulation.cancel}>
            Cancel
          </Button>
        ) : (
          <Button appearance="primary" icon={<Play20Regular />} disabled={!request} onClick={() => request && simulation.run(request)}>
            Run simulation
          </Button>
        )}
      </div>
      {(state.status === "running" || state.status === "cancelled") && (
        <Field
          label={state.status === "running" ? `${state.done.toLocaleString("en-US")} of ${state.total.toLocaleString("en-US")} trials` : "Stopped"}
          size="small"
        >
          <ProgressBar value={state.total ? state.done / state.total : 0} thickness="large" data-testid="simulation-progress" aria-describedby={statusId} />
        </Field>
      )}
      <Text size={200} id={statusId} role="status" data-testid="simulation-status">
        {state.status === "running"
          ? `Running ${state.total.toLocaleString("en-US")} trials…`
          : state.status === "cancelled"
            ? `Cancelled after ${state.done.toLocaleString("en-US")} of ${state.total.toLocaleString("en-US")} trials.`
            : state.status === "done"
              ? `Finished ${state.result.trials.toLocaleString("en-US")} trials.`
              : ""}
      </Text>
      {state.status === "failed" && <MessageBar intent="error">{inWords(state.message)}</MessageBar>}
      {state.status === "done" && <SimulationFigures result={state.result} />}
      {stale && state.status === "done" && (
        <MessageBar intent="info">The assumptions or the uncertainty changed since this run: run it again to update these figures.</MessageBar>
      )}
    </Card>
  );
}

function SimulationFigures({ result }: { result: SimulationResult }) {
  const styles = useStyles();
  const figures: [string, string, string, number | null][] = [
    ["Mean NPV", formatAmount(result.meanNpv), "simulation-mean-npv", result.meanNpv],
    ["P10 NPV", formatAmount(result.p10Npv), "simulation-p10-npv", result.p10Npv],
    ["P50 NPV", formatAmount(result.p50Npv), "simulation-p50-npv", result.p50Npv],
    ["P90 NPV", formatAmount(result.p90Npv), "simulation-p90-npv", result.p90Npv],
    ["Probability NPV > 0", formatPercent(result.probabilityPositive), "simulation-probability", result.probabilityPositive],
    ["P50 payback (years)", result.p50Payback === null ? "Not reached" : formatDecimal(result.p50Payback), "simulation-payback", result.p50Payback],
  ];
  return (
    <Table size="extra-small" aria-label="Monte Carlo results">
      <TableBody>
        {figures.map(([label, value, id, exact]) => (
          <TableRow key={id}>
            <TableCell>{label}</TableCell>
            <TableCell className={styles.number} data-testid={id} data-value={exact ?? ""}>
              {value}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
