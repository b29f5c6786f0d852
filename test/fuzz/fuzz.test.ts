/**
 * Generic fuzz test of every custom function listed in dist/functions.json, called through the
 * built bundle. Each function gets FUZZ_RUNS (default 10,000) argument lists shaped the way Excel
 * sends them: numbers of every size and sign, text, booleans, blanks as null/0/"", 1×1, ragged,
 * empty and large ranges, plus mutations of valid example calls. It fails on any raw exception,
 * on NaN/Infinity/undefined/null in a result, on a malformed spill, and on a #VALUE!/#N/A whose
 * message does not name one of the function's arguments. New functions are covered automatically.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createRandom } from "../../engine/random";
import { ERROR_CODES, type ExcelError, type FunctionMetadata, type Outcome, type ParameterMetadata, excelHost } from "../excel-host";
import { EXAMPLES, VOCABULARY } from "./examples";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const MAX_SPILL_CELLS = 100_000;
const excel = excelHost();

// ---- Excel-shaped values --------------------------------------------------------------------

const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.5, 1, 2, 3, 5, 10, 20, 100, 1e-9, 0.1, 0.9, 0.99999) },
  { weight: 1, arbitrary: fc.constantFrom(1e15, -1e15, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 2 ** 53, 45000) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: number.map(String) },
);
const blank = fc.constantFrom(null, "", 0);
const cell = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: blank },
);

/**
 * Cells of one family fill most ranges, so that whole ranges are often valid for a model (all
 * ratings, all probabilities, all booleans) and the fuzzer gets past the argument checks.
 */
const withBlanks = <T>(values: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: values }, { weight: 1, arbitrary: blank });
const family = fc.constantFrom(
  cell,
  withBlanks(fc.integer({ min: 1, max: 5 })),
  withBlanks(fc.integer({ min: 0, max: 12 })),
  withBlanks(fc.double({ min: 0, max: 1, noNaN: true })),
  withBlanks(fc.double({ min: -1e5, max: 1e5, noNaN: true })),
  withBlanks(fc.integer({ min: 1, max: 100 })),
  withBlanks(fc.oneof(fc.boolean(), fc.constantFrom("yes", "no", "y", "n", 1, 0))),
  withBlanks(fc.constantFrom(...VOCABULARY)),
);

const rectangle = (maxRows: number, maxColumns: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }), family)
    .chain(([rows, columns, cells]) =>
      fc.array(fc.array(cells, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    );

/** Large ranges are filled from a seed rather than cell by cell, to keep the fuzzer fast. */
const largeRange = fc
  .record({
    rows: fc.integer({ min: 50, max: 2500 }),
    columns: fc.integer({ min: 1, max: 24 }),
    seed: fc.integer(),
    kind: fc.constantFrom("ratings", "numbers", "mixed", "blank"),
  })
  .map(({ rows, columns, seed, kind }) => {
    const random = createRandom(seed);
    const value = () => {
      const u = random.next();
      switch (kind) {
        case "ratings":
          return u < 0.15 ? null : 1 + random.int(5);
        case "numbers":
          return (random.next() - 0.3) * 10 ** random.int(8);
        case "blank":
          return u < 0.5 ? null : u < 0.75 ? "" : 0;
        default:
          return u < 0.5 ? random.int(200) - 50 : u < 0.7 ? VOCABULARY[random.int(VOCABULARY.length)] : u < 0.8 ? u < 0.75 : null;
      }
    };
    return Array.from({ length: rows }, () => Array.from({ length: columns }, value));
  });

const ragged = fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 2, maxLength: 5 });
const range = fc.oneof(
  { weight: 10, arbitrary: rectangle(1, 12) },
  { weight: 6, arbitrary: rectangle(12, 1) },
  { weight: 8, arbitrary: rectangle(15, 12) },
  { weight: 2, arbitrary: rectangle(1, 1) },
  { weight: 1, arbitrary: fc.constantFrom([], [[]]) },
  { weight: 1, arbitrary: ragged },
  { weight: 1, arbitrary: largeRange },
);

function argument(p: ParameterMetadata) {
  const omitted = { weight: p.optional ? 4 : 1, arbitrary: fc.constant(null) };
  return p.dimensionality === "matrix"
    ? fc.oneof({ weight: 12, arbitrary: range }, { weight: 2, arbitrary: cell }, omitted)
    : fc.oneof({ weight: 12, arbitrary: cell }, { weight: 1, arbitrary: range }, omitted);
}

// ---- Mutations of valid calls -----------------------------------------------------------------

type Mutation = (args: unknown[]) => void;
const asGrid = (v: unknown): unknown[][] | undefined => (Array.isArray(v) && v.every(Array.isArray) ? (v as unknown[][]) : undefined);

const mutation = (meta: FunctionMetadata): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ a: fc.nat(), r: fc.nat(), c: fc.nat(), value: cell }).map(({ a, r, c, value }) => (args: unknown[]) => {
      const grid = asGrid(args[a % args.length]);
      if (grid?.length && grid[0].length) grid[r % grid.length][c % grid[0].length] = value;
    }),
    fc.nat().chain((a) => argument(meta.parameters[a % meta.parameters.length]).map((value) => (args: unknown[]) => {
      args[a % args.length] = value;
    })),
    fc.nat().map((a) => (args: unknown[]) => {
      args[a % args.length] = null;
    }),
    fc.nat().map((a) => (args: unknown[]) => {
      const grid = asGrid(args[a % args.length]);
      if (grid?.length) args[a % args.length] = grid[0].map((_, c) => grid.map((row) => row[c]));
    }),
    fc.tuple(fc.nat(), fc.nat()).map(([a, r]) => (args: unknown[]) => {
      const grid = asGrid(args[a % args.length]);
      if (grid && grid.length > 1) grid.splice(r % grid.length, 1);
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 40 })).map(([a, r, times]) => (args: unknown[]) => {
      const grid = asGrid(args[a % args.length]);
      if (grid?.length) for (let i = 0; i < times; i++) grid.push([...grid[(r + i) % grid.length]]);
    }),
    fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 1e-300, 1e300, 0.5, 1000)).map(([a, factor]) => (args: unknown[]) => {
      const i = a % args.length;
      const scale = (v: unknown): unknown => (Array.isArray(v) ? v.map(scale) : typeof v === "number" ? v * factor : v);
      args[i] = scale(args[i]);
    }),
  );

function callArguments(meta: FunctionMetadata): fc.Arbitrary<unknown[]> {
  const random = fc.tuple(...meta.parameters.map(argument));
  const examples = EXAMPLES[meta.id] ?? [];
  if (!examples.length) return random;
  const pad = (ex: unknown[]) => meta.parameters.map((_, i) => structuredClone(ex[i] ?? null));
  const mutated = fc
    .tuple(fc.constantFrom(...examples), fc.array(mutation(meta), { minLength: 0, maxLength: 3 }))
    .map(([example, mutations]) => {
      const args = pad(example);
      for (const mutate of mutations) mutate(args);
      return args;
    });
  return fc.oneof({ weight: 1, arbitrary: random }, { weight: 1, arbitrary: mutated });
}

// ---- Checks ---------------------------------------------------------------------------------

/** The functions whose spills may hold an error in a cell (one result per value of a range). */
const CELL_ERRORS = new Set(["RANK.PCT", "BENCHMARK"]);

function badValue(value: unknown): string | undefined {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (!["number", "string", "boolean"].includes(typeof value)) return `a ${typeof value}`;
  return undefined;
}

function checkOutcome(meta: FunctionMetadata, outcome: Outcome): void {
  if (outcome.kind === "exception") {
    const e = outcome.exception as Error;
    throw new Error(`raw exception: ${e?.stack ?? String(e)}`);
  }
  if (outcome.kind === "error") {
    const { code, message } = outcome.error;
    if (code === "#VALUE!" || code === "#N/A") {
      const names = meta.parameters.map((p) => p.name);
      const named = names.some((n) => message?.includes(n)) || message?.startsWith("The result would spill");
      if (!named) throw new Error(`${code} message does not name an argument: ${JSON.stringify(message)}`);
    }
    return;
  }
  const value = outcome.value;
  if (meta.result.dimensionality === "matrix") {
    if (!Array.isArray(value) || value.length === 0) throw new Error(`expected a spill, got ${JSON.stringify(value)}`);
    const columns = (value[0] as unknown[]).length;
    if (!columns) throw new Error("empty spill row");
    if (value.length * columns > MAX_SPILL_CELLS) throw new Error(`spill of ${value.length}×${columns}`);
    for (const row of value as unknown[][]) {
      if (!Array.isArray(row) || row.length !== columns) throw new Error("ragged spill");
      for (const v of row) {
        // A cell of RANK.PCT's or BENCHMARK's spill over a range may hold its own error: a known code, its message naming an argument.
        if (CELL_ERRORS.has(meta.id) && v !== null && typeof v === "object" && "code" in v) {
          const { code, message } = v as ExcelError;
          if (!Object.values(ERROR_CODES).includes(code as never)) throw new Error(`spill holds an unknown error ${JSON.stringify(v)}`);
          if ((code === "#VALUE!" || code === "#N/A") && !meta.parameters.some((p) => message?.includes(p.name))) throw new Error(`a spilled error does not name an argument: ${JSON.stringify(message)}`);
          continue;
        }
        const bad = badValue(v);
        if (bad) throw new Error(`spill contains ${bad}`);
      }
    }
    return;
  }
  const bad = badValue(value);
  if (bad) throw new Error(`result is ${bad}`);
  if (meta.result.type && meta.result.type !== "any" && typeof value !== meta.result.type) {
    throw new Error(`declared ${meta.result.type}, returned ${typeof value}`);
  }
}

// ---- The run ---------------------------------------------------------------------------------

const tally = new Map<string, Record<string, number>>();

describe("fuzzing every custom function through the built bundle", () => {
  it("has valid example calls for every function", () => {
    for (const meta of excel.metadata) {
      const examples = EXAMPLES[meta.id];
      expect(examples?.length, `examples for ${meta.id} in test/fuzz/examples.ts`).toBeGreaterThan(0);
      for (const example of examples) expect(excel.call(meta.id, ...example).kind, `${meta.id} ${JSON.stringify(example)}`).toBe("value");
    }
  });

  for (const meta of excel.metadata) {
    it(`PARTNER.${meta.id}: ${RUNS.toLocaleString("en-US")} calls without a raw exception or a bad value`, () => {
      const counts: Record<string, number> = { calls: 0, values: 0 };
      tally.set(meta.id, counts);
      fc.assert(
        fc.property(callArguments(meta), (args) => {
          const outcome = excel.call(meta.id, ...args);
          counts.calls++;
          const key = outcome.kind === "value" ? "values" : outcome.kind === "error" ? outcome.error.code : "exceptions";
          counts[key] = (counts[key] ?? 0) + 1;
          checkOutcome(meta, outcome);
        }),
        { numRuns: RUNS },
      );
      expect(counts.calls).toBeGreaterThanOrEqual(RUNS);
      // The mutated examples must reach the model, not only its argument checks.
      expect(counts.values, `successful calls of ${meta.id}`).toBeGreaterThan(RUNS / 50);
    });
  }

  afterAll(() => {
    const lines = [...tally].map(([id, c]) => `  PARTNER.${id.padEnd(16)} ${Object.entries(c).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    console.log(`Fuzz summary (calls per function and how they ended):\n${lines.join("\n")}`);
  });
});
