// Reading a cell as its column's kind: cellValue (used for whole tables, allocation-free) and
// readCell (which also says what is wrong) must agree on every value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNREADABLE, cellValue, readCell } from "../../addin/workbook/cells";
import type { ColumnKind } from "../../addin/workbook/schema";

const KINDS: ColumnKind[] = ["id", "text", "number", "count", "amount", "share", "rating", "metric", "score", "boolean", "date", "choice", "choices", "result"];
const CHOICES = ["Open", "Won", "Lost"];

const raw = fc.oneof(
  fc.constantFrom(null, undefined, "", "  ", "yes", "No", "TRUE", "won", " Lost ", "won, lost", "Open;;won", ",", "Won, Pending", "2026-09-30", "31/12/2026", "15%", "4", "4.5", "1e3", "#N/A", "P0001", true, false),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 200 }),
  fc.string({ maxLength: 8 }),
  fc.date().map((d) => (Number.isNaN(d.getTime()) ? new Date(0) : d)),
  fc.constant({ formula: "=1" }),
);

describe("cellValue and readCell", () => {
  it("agree on every raw value and kind", () => {
    fc.assert(
      fc.property(raw, fc.constantFrom(...KINDS), (value, kind) => {
        const fast = cellValue(value, kind, CHOICES);
        const read = readCell(value, kind, CHOICES);
        if (fast === UNREADABLE) expect("problem" in read).toBe(true);
        else expect(read).toEqual({ value: fast });
      }),
      { numRuns: 5000, seed: 4 },
    );
  });

  it("say what is wrong, by kind", () => {
    expect(readCell(7, "rating")).toEqual({ problem: "a rating must be from 1 to 5, got 7" });
    expect(readCell("12k", "number")).toEqual({ problem: 'expected a number, got "12k"' });
    expect(readCell(2.5, "count")).toEqual({ problem: "expected a whole number of 0 or more, got 2.5" });
    expect(readCell("perhaps", "boolean")).toEqual({ problem: 'expected TRUE or FALSE, got "perhaps"' });
    expect(readCell("soon", "date")).toEqual({ problem: 'expected a date, got "soon"' });
    expect(readCell("Pending", "choice", CHOICES)).toEqual({ problem: 'expected one of Open, Won, Lost, got "Pending"' });
    expect(readCell(true, "metric")).toEqual({ problem: "expected a number, got TRUE" });
    expect(readCell(" won ", "choice", CHOICES)).toEqual({ value: "Won" });
    expect(readCell(1001, "id")).toEqual({ value: "1001" });
    expect(readCell("  ", "rating")).toEqual({ value: null });
    expect(readCell(-250, "amount")).toEqual({ problem: "expected an amount of 0 or more, got -250" });
    expect(readCell("12500", "amount")).toEqual({ value: 12500 });
    expect(readCell("50%", "share")).toEqual({ value: 0.5 });
    expect(readCell(50, "share")).toEqual({ problem: "a share must be from 0% to 100%, got 50" });
  });

  it("read a list of choices in one cell in the choices' spelling, once each, in the order typed", () => {
    expect(readCell(" lost ,open; LOST", "choices", CHOICES)).toEqual({ value: "Lost, Open" });
    expect(readCell("Won", "choices", CHOICES)).toEqual({ value: "Won" });
    expect(readCell("", "choices", CHOICES)).toEqual({ value: null });
    expect(readCell("Won, Pending", "choices", CHOICES)).toEqual({ problem: 'expected one or more of Open, Won, Lost separated by commas, got "Won, Pending"' });
    expect(readCell(" , ;", "choices", CHOICES)).toEqual({ problem: 'expected one or more of Open, Won, Lost separated by commas, got " , ;"' });
    expect(readCell(3, "choices", CHOICES)).toEqual({ problem: "expected one or more of Open, Won, Lost separated by commas, got 3" });
  });
});
