// The one-pass reading of an assumptions range (`readInOnePass`) must give exactly the model the
// careful, cell-by-cell reading gives — every value bit for bit, -0 included — or hand the range
// over (null) when that reading would fail, so that the error named is always the careful one's.
// Random ranges: known, odd and unknown names, header and blank rows, numbers in and out of the
// drivers' limits, blanks as null, "", 0, spaces and "0", numbers as text, text, booleans,
// non-finite numbers, nested ranges, rows of every length (ragged too) and overrides.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guard, isEngineError } from "../../engine/error";
import { DRIVERS, MAX_YEARS, type PnlModel, readAssumptions, readCarefully, readInOnePass } from "../../engine/pnl";

const careful = guard(readCarefully);
const anyway = guard(readAssumptions);

/** A model as plain data, with -0 told apart from 0. */
const plainModel = (m: PnlModel) => ({ years: m.years, series: m.series, values: Array.from(m.values, (v) => (Object.is(v, -0) ? "-0" : v)) });
const outcome = (r: PnlModel | Error) => (isEngineError(r) ? { code: r.code, message: r.message } : plainModel(r as PnlModel));

const names = DRIVERS.map((d) => d.name);
const nameCell = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...names) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...names), fc.constantFrom(" ", "-", "_")).map(([n, sep]) => ` ${n.toUpperCase().replace(/_/g, sep)} `) },
  { weight: 3, arbitrary: fc.constantFrom("license_revenue", "years") },
  { weight: 1, arbitrary: fc.constantFrom("Name", "Driver", "licence_revnue", "colour", "0", "12") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", 0, "  ", -0) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(42, true, [[1]], Number.NaN) },
);
const valueCell = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<unknown>(null, "", 0) },
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 22 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(-0, "  ", "0", "-0", "0%", " 0.0 ", undefined) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("12", "15%", "2.5e3", " 0.5 ", "1e400", "-3") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(-0.5, -1, -2, 1.5, 2.5, 1e308) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("lots", "n/a", true, false, Number.NaN, Infinity, -Infinity, [[5]], {}) },
);
const row = (width: number) => fc.tuple(nameCell, fc.array(valueCell, { minLength: width - 1, maxLength: width - 1 })).map(([n, v]) => [n, ...v]);
/** Rows of one width (as Excel passes a range), now and then of several widths, some beyond MAX_YEARS values. */
const range = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).chain((w) => fc.array(row(w), { minLength: 0, maxLength: 10 })) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_YEARS, max: MAX_YEARS + 3 }).chain((w) => fc.array(row(w), { minLength: 1, maxLength: 4 })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 6 }).chain(row), { minLength: 1, maxLength: 8 }) },
);
/**
 * A range that reads: some drivers (license_revenue always) once each in any order, values within
 * their limits with blanks of every form among them, now and then a header or blank row — and,
 * once in a while, one cell of the noise above.
 */
const goodValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(null, "", 0, "  ", "0", -0, "-0", undefined) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("0.25", "15%", " 1 ") },
);
const plausible = fc
  .record({
    drivers: fc.shuffledSubarray(names.filter((n) => n !== "license_revenue")),
    years: fc.integer({ min: 1, max: MAX_YEARS }),
    width: fc.integer({ min: 2, max: 12 }),
    values: fc.array(fc.array(goodValue, { minLength: 11, maxLength: 11 }), { minLength: DRIVERS.length, maxLength: DRIVERS.length }),
    seriesLength: fc.array(fc.integer({ min: 1, max: 11 }), { minLength: DRIVERS.length, maxLength: DRIVERS.length }),
    extra: fc.constantFrom("none", "none", "header", "blank"),
    noise: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat(), valueCell) }),
  })
  .map(({ drivers, years, width, values, seriesLength, extra, noise }) => {
    const rows: unknown[][] = ["license_revenue", ...drivers].map((name, i) => {
      const d = DRIVERS.findIndex((x) => x.name === name);
      const one = "scalarOnly" in DRIVERS[d] && DRIVERS[d].scalarOnly;
      const cells = name === "years" ? [years] : name === "license_revenue" ? [1000 * (i + 1), ...values[i].slice(0, 3)] : values[i].slice(0, one ? 1 : seriesLength[i]);
      const row = [name, ...cells].slice(0, Math.max(width, 2));
      while (row.length < width) row.push(null);
      return row;
    });
    if (extra === "header") rows.unshift(["Name", "Value", ...Array(width - 2).fill(null)]);
    if (extra === "blank") rows.splice(1, 0, Array(width).fill(""));
    if (noise) {
      const [r, c, cell] = noise;
      rows[r % rows.length][c % width] = cell;
    }
    return rows;
  });
const overrides = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: range });

describe("reading assumptions in one pass", () => {
  it("gives the careful reading's model exactly, or leaves the range to it; readAssumptions answers as the careful reading", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: range }), overrides, (assumptions, over) => {
        runs++;
        const expected = outcome(careful(assumptions, over));
        const quick = readInOnePass(assumptions, over);
        if (quick) {
          read++;
          expect(plainModel(quick)).toEqual(expected);
          // The same values in the buffer reused between calls.
          expect(plainModel(readInOnePass(assumptions, over, true)!)).toEqual(expected);
        }
        expect(outcome(anyway(assumptions, over))).toEqual(expected);
      }),
      { numRuns: 4000 },
    );
    // The generator must reach the one-pass reading often, or this test would prove little.
    expect(read / runs).toBeGreaterThan(0.45);
  });

  it("keeps each read's values apart from the next one's, in memory of its own or the reused buffer", () => {
    const a = readAssumptions([["license_revenue", 1000], ["mdf", 5, 6], ["years", 3]]);
    const b = readAssumptions([["license_revenue", 2000], ["years", 3]]);
    expect(Array.from(a.values.subarray(0, 3 * 2))).toEqual([3, 3, 3, 1000, 1000, 1000]);
    expect(b.values[3]).toBe(2000);
    const scratch = readInOnePass([["license_revenue", 7], ["ramp", 0.5, 1], ["years", 3]], null, true)!;
    const again = readInOnePass([["license_revenue", 9], ["years", 3]], null, true)!;
    expect(again.values).toBe(scratch.values);
    // A driver given in the first read and not in the second is back to its default.
    expect(Array.from(again.values.subarray(3 * 3, 3 * 4))).toEqual([1, 1, 1]);
    expect(again.series).toBe(0);
  });

  it("leaves to the careful reading each case it names (its message is the one users see)", () => {
    const cases: unknown[][][] = [
      [["license_revenue", 1000], ["mdf", "lots"]],
      [["license_revenue", 1000], ["mdf", 5], ["MDF", 6]],
      [["license_revenue", 1000], ["years", 3, 4]],
      [["license_revenue", 1000], ["years", 0]],
      [["license_revenue", 1000], [null, 5]],
      [["license_revenue", 1000], [42, 5]],
      [["license_revenue", 1000], ["mdf", [[1]]]],
      [["license_revenue", ...Array(21).fill(1)]],
      [["license_revenue"], ["mdf"]],
      [["mdf", 5]],
    ];
    for (const assumptions of cases) {
      expect(readInOnePass(assumptions)).toBeNull();
      expect(isEngineError(careful(assumptions))).toBe(true);
    }
  });
});
