/**
 * Tables packed for the trip from the reading worker to the page: a structured clone of row arrays
 * costs the page about as much as parsing them, so cells travel as typed arrays (kinds, numbers,
 * indexes into one list of distinct texts) and the page unpacks them into rows in one pass.
 */
import type { RawTable } from "./snapshot";

const enum Kind {
  Blank,
  Number,
  Text,
  True,
  False,
  /** Anything else (a formula object): cloned as it is. */
  Other,
}

export interface PackedTable {
  table: Omit<RawTable, "rows">;
  width: number;
  height: number;
  kinds: Uint8Array;
  numbers: Float64Array;
  /** Index into `texts` (Text) or `others` (Other), per cell. */
  refs: Int32Array;
}

export interface PackedTables {
  tables: PackedTable[];
  texts: string[];
  others: unknown[];
}

export function pack(tables: readonly RawTable[]): { packed: PackedTables; transfer: ArrayBuffer[] } {
  const texts: string[] = [];
  const others: unknown[] = [];
  const textIndex = new Map<string, number>();
  const transfer: ArrayBuffer[] = [];
  const packedTables = tables.map(({ rows, ...table }): PackedTable => {
    const height = rows.length;
    let width = 0;
    for (let r = 0; r < height; r++) if (rows[r].length > width) width = rows[r].length;
    const kinds = new Uint8Array(width * height);
    const numbers = new Float64Array(width * height);
    const refs = new Int32Array(width * height);
    for (let r = 0; r < height; r++) {
      const row = rows[r];
      for (let c = 0, at = r * width; c < row.length; c++, at++) {
        const value = row[c];
        if (value === null || value === undefined) continue;
        if (typeof value === "number") {
          kinds[at] = Kind.Number;
          numbers[at] = value;
        } else if (typeof value === "string") {
          let index = textIndex.get(value);
          if (index === undefined) {
            index = texts.length;
            texts.push(value);
            textIndex.set(value, index);
          }
          kinds[at] = Kind.Text;
          refs[at] = index;
        } else if (typeof value === "boolean") kinds[at] = value ? Kind.True : Kind.False;
        else {
          kinds[at] = Kind.Other;
          refs[at] = others.length;
          others.push(value);
        }
      }
    }
    transfer.push(kinds.buffer, numbers.buffer, refs.buffer);
    return { table, width, height, kinds, numbers, refs };
  });
  return { packed: { tables: packedTables, texts, others }, transfer };
}

export function unpack({ tables, texts, others }: PackedTables): RawTable[] {
  return tables.map(({ table, width, height, kinds, numbers, refs }) => {
    const rows: unknown[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const row = new Array<unknown>(width);
      for (let c = 0, at = r * width; c < width; c++, at++) {
        switch (kinds[at]) {
          case Kind.Number:
            row[c] = numbers[at];
            break;
          case Kind.Text:
            row[c] = texts[refs[at]];
            break;
          case Kind.True:
            row[c] = true;
            break;
          case Kind.False:
            row[c] = false;
            break;
          case Kind.Other:
            row[c] = others[refs[at]];
            break;
          default:
            row[c] = null;
        }
      }
      rows[r] = row;
    }
    return { ...table, rows };
  });
}
