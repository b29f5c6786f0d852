/**
 * Timing helpers for `npm run bench`. Benchmarks print figures; they never assert timings (the
 * tests do not either: machines are noisy). Each figure is the median of several runs after warm-up.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  /** Median wall time of one run, in milliseconds. */
  median: number;
  min: number;
  runs: number;
}

export function measure(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Timing {
  const { runs = 9, warmup = 2 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], runs };
}

export async function measureAsync(fn: () => Promise<unknown>, options: { runs?: number; warmup?: number } = {}): Promise<Timing> {
  const { runs = 5, warmup = 1 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], runs };
}

export const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`);

export interface Row {
  name: string;
  timing?: Timing;
  /** Free text after the figure, e.g. a size or a target. */
  note?: string;
}

/** Prints a titled block of timings; `baseline` names the row the others are compared with. */
export function report(title: string, rows: Row[], baseline?: string): void {
  console.log(`\n== ${title}`);
  const base = rows.find((r) => r.name === baseline)?.timing?.median;
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const figure = row.timing ? ms(row.timing.median).padStart(10) : "".padStart(10);
    let ratio = "";
    if (base && row.timing && row.name !== baseline) {
      const r = row.timing.median / base;
      ratio = r >= 1 ? `  ${baseline} is ${r.toFixed(r >= 100 ? 0 : 1)}× faster` : `  ${(1 / r).toFixed(1)}× faster than ${baseline}`;
    }
    console.log(`  ${row.name.padEnd(width)}  ${figure}${ratio}${row.note ? `  (${row.note})` : ""}`);
  }
}
