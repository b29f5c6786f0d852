/** Each partner's latest plan period, one KPI at a time, rolled up by territory, region and channel manager (engine ROLLUP). */
import { Card, Field, Select, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { PartnerData } from "../../../workbook/records";
import { formatAmount, formatPercent } from "../../model/format";
import { ROLLUP_KEYS, type RollupKey, latestPlans, planKpis, planRollup } from "../../model/portfolio";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  scroll: { overflowX: "auto" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function RollupCard({ data }: { data: PartnerData }) {
  const styles = useStyles();
  const plans = useMemo(() => latestPlans(data), [data]);
  const kpis = useMemo(() => planKpis(plans), [plans]);
  const [kpi, setKpi] = useState<string>();
  const [key, setKey] = useState<RollupKey>("territory");
  const chosen = kpi ?? kpis.find((k) => k.toLowerCase() === "revenue") ?? kpis[0];
  const rows = useMemo(() => (chosen ? planRollup(plans, chosen, key) : null), [plans, chosen, key]);
  const periods = [...new Set(plans.map((p) => p.period))];
  const label = ROLLUP_KEYS.find((k) => k.id === key)!.label;
  return (
    <Card className={styles.card} data-testid="rollups">
      <Text as="h3" size={400} weight="semibold">
        Performance to plan
      </Text>
      {!chosen || !rows ? (
        <Text>No partner has a plan yet: add KPI targets and actuals to the Plan table.</Text>
      ) : (
        <>
          <Text size={200} className={styles.muted}>
            {plans.length} partners' latest plan period ({periods.slice(0, 3).join(", ")}
            {periods.length > 3 ? "…" : ""}); actuals to date against the period's target.
          </Text>
          <Field label="KPI" size="small">
            <Select size="small" value={chosen} onChange={(_, d) => setKpi(d.value)}>
              {kpis.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </Select>
          </Field>
          <TabList size="small" selectedValue={key} onTabSelect={(_, d) => setKey(d.value as RollupKey)} aria-label="Roll up by">
            {ROLLUP_KEYS.map((k) => (
              <Tab key={k.id} value={k.id}>
                {k.label}
              </Tab>
            ))}
          </TabList>
          <div className={styles.scroll}>
            <Table size="extra-small" aria-label={`${chosen} by ${label.toLowerCase()}`} data-testid="rollup-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{label}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Actual</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Target</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Attainment</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.key}>
                    <TableCell>{r.key}</TableCell>
                    <TableCell className={styles.number}>{formatAmount(r.actual)}</TableCell>
                    <TableCell className={styles.number}>{formatAmount(r.target)}</TableCell>
                    <TableCell className={styles.number}>{formatPercent(r.attainment)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Card>
  );
}
