// PARTNER.ROLLUP groups three plain ranges as it reads them (no array of keys or figures in
// between) and anything else the careful way. Whichever way answers, a call gives exactly what
// reading each range whole with the shared readers and calling the engine gives: the same spill,
// or the same error with the same message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollupTable, rollup as rollupModel } from "../../engine/plan";
import { outcome, stubCustomFunctions } from "./custom-functions-stub";

stubCustomFunctions();
// Imported after the stub: the modules read CustomFunctions only when a call fails.
const functions = import("../../addin/functions/plan");
const excel = import("../../addin/functions/excel");

/** The straightforward ROLLUP: each range read whole by the shared readers, then the engine. */
async function reference() {
  const { blankCells, excelFunction, read } = await excel;
  return excelFunction({ keys: read.labels(), actuals: read.amounts(), targets: read.amounts() }, (a) => {
    const rows = rollupModel(a.keys, Float64Array.from(a.actuals), Float64Array.from(a.targets));
    return rows instanceof Error ? rows : blankCells(rollupTable(rows));
  });
}

const plainKey = fc.oneof(fc.constantFrom("EMEA", "emea", " EMEA ", "APAC", "Apac", "Japan", "", "  ", null, 0, 7, 2.5, true, false), fc.string({ maxLength: 3 }));
const plainFigure = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(null, "", " ", 0, -0));
const oddCell = fc.constantFrom("12", "lots", Number.NaN, Number.POSITIVE_INFINITY, undefined, [[1]], 1e308);

const grid = <T>(cell: fc.Arbitrary<T>, rows: number, columns: number) =>
  fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

describe("PARTNER.ROLLUP, grouping as it reads", () => {
  it("gives what reading each range whole gives, on plain ranges", async () => {
    const { rollup } = await functions;
    const careful = await reference();
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 })).chain(([rows, columns]) =>
          fc.tuple(grid(plainKey, rows, columns), grid(plainFigure, rows, columns), grid(plainFigure, rows, columns)),
        ),
        async ([keys, actuals, targets]) => {
          expect(outcome(() => rollup(keys, actuals, targets))).toEqual(outcome(() => careful({ keys, actuals, targets })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the careful way's answer or error when a cell is not plain or the shapes differ", async () => {
    const { rollup } = await functions;
    const careful = await reference();
    const cell = <T>(plain: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: oddCell });
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 })).chain(([rows, columns, extra]) =>
          fc.tuple(grid(cell(plainKey), rows, columns), grid(cell(plainFigure), rows + (extra === 1 ? 1 : 0), columns), grid(cell(plainFigure), rows, columns + (extra === 2 ? 1 : 0))),
        ),
        async ([keys, actuals, targets]) => {
          expect(outcome(() => rollup(keys as never, actuals as never, targets as never))).toEqual(outcome(() => careful({ keys, actuals, targets })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("overflows, and nothing to roll up, as the careful way says", async () => {
    const { rollup } = await functions;
    const careful = await reference();
    const cases: [unknown[][], unknown[][], unknown[][]][] = [
      [[["A"], ["a"]], [[1.5e308], [1.5e308]], [[1], [1]]],
      [[[null], [""]], [[0], [null]], [[""], [0]]],
    ];
    for (const [keys, actuals, targets] of cases) {
      const quick = outcome(() => rollup(keys as never, actuals as never, targets as never));
      expect(quick).toEqual(outcome(() => careful({ keys, actuals, targets })));
      expect("error" in quick).toBe(true);
    }
  });
});
