/** Choosing the quarter a review looks at: the quarters some records fall in, the latest begun first. */
import { Field, Select } from "@fluentui/react-components";
import { todaySerial } from "../../../engine/excel/date";
import { quarterOf } from "../../../engine/plan";

/** The quarters of these periods and dates, newest first; the current quarter when none reads as one. */
export function quartersIn(periods: Iterable<string | number | null>): string[] {
  const found = new Set<string>();
  for (const p of periods) {
    const q = p === null || p === "" ? undefined : quarterOf(p);
    if (q) found.add(q);
  }
  if (!found.size) found.add(quarterOf(todaySerial())!);
  return [...found].sort().reverse();
}

/** The newest quarter that has begun (a review looks back), else the oldest. */
export const latestBegun = (quarters: readonly string[]): string => quarters.find((q) => q <= quarterOf(todaySerial())!) ?? quarters[quarters.length - 1];

export function QuarterField(props: { quarters: readonly string[]; value: string; onChange(quarter: string): void }) {
  return (
    <Field label="Quarter" size="small">
      <Select size="small" value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.quarters.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </Select>
    </Field>
  );
}
