/**
 * Property tests of reading exports: tables of generated values written as CSV in every dialect
 * the import reads (separator × encoding × byte order mark × number form × date form × line
 * endings, with quotes, separators and line breaks inside text) come back as the same values.
 * Where a column's values cannot tell its number form or date order, the reading must say so —
 * and only then — and the caller's choice reads them right.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { readExport } from "../../addin/import/read";
import { type NumberForm, readingOf, typedValue } from "../../addin/import/values";

type Encoding = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "utf-16be-bom" | "windows-1252";
type NumberStyle = "us" | "eu-dot" | "eu-space";
type DateStyle = "iso" | "iso-time" | "dmy-slash" | "mdy-slash" | "dmy-dot" | "serial";

interface Row {
  text: string;
  cents: number;
  decimals: boolean;
  date: { y: number; m: number; d: number; h: number; min: number };
}

// Tokens joined by spaces: every character outside ASCII is followed by an ASCII one, so that
// windows-1252 bytes never happen to be valid UTF-8 (which no reader could tell apart).
const TOKENS = ["Acme", "café", "Müller", "5 €", "a – b", ",", ";", "\t", '"', '""', "\n", "\r\n", "x", "12,5", "1.234", "O'Neil"];
const textArb = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 5 })
  .map((t) => t.join(" ").trim())
  .filter((t) => t.length > 0);
const rowArb: fc.Arbitrary<Row> = fc.record({
  text: textArb,
  cents: fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
  decimals: fc.boolean(),
  date: fc.record({ y: fc.integer({ min: 1950, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), min: fc.integer({ min: 0, max: 59 }) }),
});
const dialectArb = fc.record({
  separator: fc.constantFrom(",", ";", "\t"),
  encoding: fc.constantFrom<Encoding>("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "windows-1252"),
  numbers: fc.constantFrom<NumberStyle>("us", "eu-dot", "eu-space"),
  dates: fc.constantFrom<DateStyle>("iso", "iso-time", "dmy-slash", "mdy-slash", "dmy-dot", "serial"),
  newline: fc.constantFrom("\r\n", "\n"),
  trailingBlankLines: fc.integer({ min: 0, max: 2 }),
});

const two = (n: number) => String(n).padStart(2, "0");

function formatNumber(row: Row, style: NumberStyle): string {
  const negative = row.cents < 0;
  const abs = Math.abs(row.cents);
  const whole = String(Math.floor(abs / 100));
  const group = style === "us" ? "," : style === "eu-dot" ? "." : " ";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimal = style === "us" ? "." : ",";
  return `${negative ? "-" : ""}${grouped}${row.decimals ? `${decimal}${two(abs % 100)}` : ""}`;
}
const numberValue = (row: Row) => (row.decimals ? row.cents / 100 : Math.trunc(row.cents / 100));

function formatDate(row: Row, style: DateStyle): string {
  const { y, m, d, h, min } = row.date;
  switch (style) {
    case "iso":
      return `${y}-${two(m)}-${two(d)}`;
    case "iso-time":
      return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(min)}:00`;
    case "dmy-slash":
      return `${two(d)}/${two(m)}/${y}`;
    case "mdy-slash":
      return `${two(m)}/${two(d)}/${y}`;
    case "dmy-dot":
      return `${two(d)}.${two(m)}.${y}`;
    case "serial":
      return String(dateSerial(y, m, d));
  }
}
const dateValue = (row: Row, style: DateStyle) => dateSerial(row.date.y, row.date.m, row.date.d) + (style === "iso-time" ? (row.date.h * 60 + row.date.min) / 1440 : 0);

const quote = (value: string, separator: string) => (value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const CP1252: Record<string, number> = { "€": 0x80, "–": 0x96 };
function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom":
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case "utf-16le-bom":
    case "utf-16be-bom": {
      const bytes = new Uint8Array(2 + text.length * 2);
      const view = new DataView(bytes.buffer);
      const little = encoding === "utf-16le-bom";
      view.setUint16(0, 0xfeff, little);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
      return bytes;
    }
    case "windows-1252":
      return Uint8Array.from(text, (ch) => CP1252[ch] ?? ch.charCodeAt(0));
  }
}

describe("reading generated exports in every dialect", () => {
  it("gives back the same headers, text, numbers and dates", async () => {
    await fc.assert(
      fc.asyncProperty(dialectArb, fc.array(rowArb, { minLength: 1, maxLength: 12 }), async (dialect, rows) => {
        const headers = ["Name", "Amount", "Closed"];
        const lines = [headers, ...rows.map((r) => [r.text, formatNumber(r, dialect.numbers), formatDate(r, dialect.dates)])].map((cells) =>
          cells.map((c) => quote(c, dialect.separator)).join(dialect.separator),
        );
        const text = lines.join(dialect.newline) + dialect.newline.repeat(1 + dialect.trailingBlankLines);
        const grid = await readExport(encode(text, dialect.encoding), "export.csv");

        // Text of ASCII only is the same in windows-1252 and UTF-8: it reads as UTF-8.
        const ascii = !/[^\x00-\x7f]/.test(text);
        const expected = { "utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-16le-bom": "utf-16le", "utf-16be-bom": "utf-16be", "windows-1252": ascii ? "utf-8" : "windows-1252" }[dialect.encoding];
        expect(grid.dialect).toEqual({ format: "csv", encoding: expected, bom: dialect.encoding.endsWith("-bom"), separator: dialect.separator });
        expect(grid.headers).toEqual(headers);
        expect(grid.rows.map((r) => r[0])).toEqual(rows.map((r) => r.text));

        // Numbers: a value with decimals, or with two group separators or more, tells the form; one
        // with a single group separator (other than a space) and no decimals reads both ways.
        const amounts = grid.rows.map((r) => r[1]);
        const numberReading = readingOf(amounts, "number");
        const groups = (r: Row) => Math.floor((String(Math.floor(Math.abs(r.cents) / 100)).length - 1) / 3);
        const decided = rows.some((r) => r.decimals || groups(r) >= 2);
        const numbersUndecided = !decided && rows.some((r) => groups(r) === 1) && dialect.numbers !== "eu-space";
        expect(numberReading.question === "numberForm").toBe(numbersUndecided);
        const trueForm: NumberForm = dialect.numbers === "us" ? "us" : "eu";
        if (decided && dialect.numbers !== "eu-space") expect(numberReading.numberForm).toBe(trueForm);
        const numbers = numbersUndecided ? readingOf(amounts, "number", { numberForm: trueForm }) : numberReading;
        expect(amounts.map((v) => typedValue(v, numbers))).toEqual(rows.map((r) => numberValue(r) || 0));

        // Dates: slashed dates whose days are all 12 or less (and not all equal to their month) read both ways.
        const closed = grid.rows.map((r) => r[2]);
        const dateReading = readingOf(closed, "date");
        const slashed = dialect.dates === "dmy-slash" || dialect.dates === "mdy-slash";
        const datesUndecided = slashed && !rows.some((r) => r.date.d > 12) && rows.some((r) => r.date.d !== r.date.m);
        expect(dateReading.question === "dateOrder").toBe(datesUndecided);
        if (slashed && rows.some((r) => r.date.d > 12)) expect(dateReading.dateOrder).toBe(dialect.dates === "mdy-slash" ? "mdy" : "dmy");
        const dates = datesUndecided ? readingOf(closed, "date", { dateOrder: dialect.dates === "mdy-slash" ? "mdy" : "dmy" }) : dateReading;
        const read = closed.map((v) => typedValue(v, dates));
        rows.forEach((r, i) => expect(read[i] as number).toBeCloseTo(dateValue(r, dialect.dates), 9));
      }),
      { numRuns: 400 },
    );
  });
});
