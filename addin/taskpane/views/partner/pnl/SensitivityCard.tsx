/** The tornado of PARTNER.SENSITIVITY on the partner's assumptions (draft included), for a chosen metric and step. */
import { Button, Card, Field, MessageBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { METRICS, type Metric, type PnlSummary } from "../../../../../engine/pnl";
import { TornadoChart } from "../../../components/charts/TornadoChart";
import type { PnlState } from "../../../hooks/usePnl";
import { driverWords } from "../../../model/drivers";
import { formatAmount, formatDecimal, formatPercent } from "../../../model/format";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  controls: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const DELTAS = [0.05, 0.1, 0.2, 0.5];
const SHOWN = 10;

/** The metric as the summary gives it (the value the tornado swings around). */
function baseOf(metric: Metric, s: { partner: PnlSummary; vendor: PnlSummary }): number | null {
  switch (metric) {
    case "NPV":
      return s.partner.npv;
    case "IRR":
      return s.partner.irr;
    case "Payback":
      return s.partner.payback;
    case "ROI":
      return s.partner.roi;
    case "Total profit":
      return s.partner.total;
    case "Vendor NPV":
      return s.vendor.npv;
    case "Total contribution":
      return s.vendor.total;
  }
}

const formatOf = (metric: Metric) => (metric === "IRR" || metric === "ROI" ? formatPercent : metric === "Payback" ? formatDecimal : formatAmount);

export function SensitivityCard({ pnl }: { pnl: PnlState }) {
  const styles = useStyles();
  const [metric, setMetric] = useState<Metric>("NPV");
  const [delta, setDelta] = useState(0.1);
  const [all, setAll] = useState(false);
  // Two P&Ls per driver: microseconds, so the tornado follows every keystroke in the same render.
  const tornado = useMemo(() => pnl.tornado(metric, delta), [pnl, metric, delta]);
  const base = pnl.summaries ? baseOf(metric, pnl.summaries) : null;
  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        Sensitivity
      </Text>
      <div className={styles.controls}>
        <Field label="Metric" size="small">
          <Select size="small" value={metric} onChange={(_, d) => setMetric(d.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </Field>
        <Field label="Each driver ±" size="small">
          <Select size="small" value={String(delta)} onChange={(_, d) => setDelta(Number(d.value))}>
            {DELTAS.map((d) => (
              <option key={d} value={String(d)}>
                {Math.round(d * 100)}%
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {"rows" in tornado ? (
        <>
          <TornadoChart
            title={`${metric} tornado`}
            metric={metric}
            base={base}
            rows={(all ? tornado.rows : tornado.rows.slice(0, SHOWN)).map((r) => ({ ...r, driver: driverWords(r.driver).short, hint: `${driverWords(r.driver).label} (${r.driver} in the Assumptions table)` }))}
            format={formatOf(metric)}
            delta={delta}
            testId="tornado"
          />
          {tornado.rows.length > SHOWN && (
            <Button appearance="subtle" size="small" onClick={() => setAll(!all)}>
              {all ? `Show the ${SHOWN} largest swings` : `Show all ${tornado.rows.length} drivers`}
            </Button>
          )}
          <Text size={200} className={styles.muted}>
            The same figures as =PARTNER.SENSITIVITY(assumptions, "{metric}", {delta}).
          </Text>
        </>
      ) : (
        <MessageBar intent="warning">{tornado.message}</MessageBar>
      )}
    </Card>
  );
}
