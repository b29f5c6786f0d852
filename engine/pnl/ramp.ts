/**
 * A ramp from other partners' history (seed 001: set expectations on time to profitability from
 * partners who went before). Each past partner's yearly revenue is divided by its best year; the
 * ramp of year t is a percentile of those shares across the partners that have reached year t.
 */
import { fail } from "../error";
import { isBlank, toNumber } from "../input";
import { messages, where } from "../messages";
import { type Cells, isEmptyCell, isHeaderRow } from "./assumptions";
import { percentileSorted } from "./percentile";

/**
 * The ramp row: for each year since signing, the `percentile` (0–1, PERCENTILE.INC interpolation)
 * of the partners' revenue shares in that year. A partner's years end at its last non-empty cell
 * (trailing blanks or zeros are years not reached yet); a blank inside is a year with no revenue.
 * Partners without any revenue are left out.
 */
export function rampFromHistory(history: Cells, percentile: number, arg: string): number[] {
  const shares: number[][] = [];
  for (let r = 0; r < history.length; r++) {
    const row = history[r];
    if (r === 0 && isHeaderRow(row, 0)) continue;
    let length = row.length;
    while (length > 0 && isEmptyCell(row[length - 1])) length--;
    const revenue = new Array<number>(length);
    let best = 0;
    for (let c = 0; c < length; c++) {
      const cell = row[c];
      const value = isBlank(cell) ? 0 : typeof cell === "number" ? (Number.isFinite(cell) ? cell : undefined) : toNumber(cell);
      if (value === undefined) return fail("#VALUE!", messages.notNumber(where(arg, { row: r + 1, column: c + 1 }), cell));
      if (value < 0) fail("#VALUE!", messages.negative(where(arg, { row: r + 1, column: c + 1 }), value));
      revenue[c] = value;
      if (value > best) best = value;
    }
    if (best > 0) shares.push(revenue.map((x) => x / best));
  }
  if (!shares.length) fail("#N/A", messages.noHistory(arg));
  let years = 0;
  for (const s of shares) if (s.length > years) years = s.length;
  const ramp: number[] = [];
  const column = new Float64Array(shares.length);
  for (let t = 0; t < years; t++) {
    let count = 0;
    for (const s of shares) if (t < s.length) column[count++] = s[t];
    const sorted = column.subarray(0, count).sort();
    ramp.push(percentileSorted(sorted, count, percentile));
  }
  return ramp;
}
