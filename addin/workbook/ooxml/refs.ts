/** Cell references as a file writes them: `B12`, `A1:H241`, and lists of them (`sqref`). */

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `B12` for row 12, column 2. */
export const cellRef = (row: number, column: number): string => `${columnLetters(column)}${row}`;

/** `A1:H241` (or a single cell) as an area; `undefined` when it is not a reference. */
export function parseArea(ref: string): Area | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const a = { left: columnNumber(m[1].toUpperCase()), top: Number(m[2]) };
  const b = m[3] ? { left: columnNumber(m[3].toUpperCase()), top: Number(m[4]) } : a;
  const area = { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.top, b.top), right: Math.max(a.left, b.left) };
  return area.top >= 1 && area.left >= 1 ? area : undefined;
}

/** An area as a reference (`A1:H241`, or `B3` for one cell). */
export function formatArea(area: Area): string {
  const start = cellRef(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${cellRef(area.bottom, area.right)}`;
}

export const intersects = (a: Area, b: Area): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (a: Area, row: number, column: number): boolean => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right;

/**
 * A space-separated list of areas (`sqref`) with every area that ends on row `from` and lies
 * within columns `left`..`right` (starting at or below `firstRow`) ending on row `to` instead:
 * what Excel does to data validations and conditional formats of a table's column when the table
 * grows or shrinks. Undefined when nothing changes.
 */
export function moveAreaEnds(sqref: string, from: number, to: number, left: number, right: number, firstRow: number): string | undefined {
  let changed = false;
  const moved = sqref
    .trim()
    .split(/\s+/)
    .map((ref) => {
      const area = parseArea(ref);
      if (!area || area.bottom !== from || area.left < left || area.right > right || area.top < firstRow || area.top > to) return ref;
      changed = true;
      return formatArea({ ...area, bottom: to });
    });
  return changed ? moved.join(" ") : undefined;
}
