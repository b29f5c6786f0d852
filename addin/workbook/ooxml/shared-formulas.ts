/**
 * Shared formulas: Excel stores a formula filled down or across once, in its first cell
 * (`<f t="shared" ref="F2:F101" si="0">C2*1.05</f>`), and each other cell of the block only as
 * `<f t="shared" si="0"/>`, meaning "the first cell's formula, moved here". A save that writes over
 * or empties one of those cells first gives every cell of the block its own formula — the first
 * cell's with its relative references moved — so that no cell loses the formula it showed.
 */
import { columnLetters, columnNumber } from "./refs";

const NAME = /[A-Za-z0-9_.\\]/;

/**
 * `formula` (stored form, no `=`) as it reads moved by `rows` and `columns`: each relative part of
 * a cell reference (`B2`, `$B2`, `B$2`, ranges, whole rows `2:5` and columns `B:D`) shifts;
 * absolute parts, text, sheet names in quotes, structured references and names stay.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (!rows && !columns) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "$" || NAME.test(ch)) {
      let j = i;
      while (j < n && (formula[j] === "$" || NAME.test(formula[j]) || (formula[j] === ":" && j + 1 < n && (formula[j + 1] === "$" || NAME.test(formula[j + 1]))))) j++;
      const token = formula.slice(i, j);
      // A function or a table (`Audit[`), a sheet name (`Sheet1!`): not a reference.
      const next = formula[j];
      out += next === "(" || next === "[" || next === "!" ? token : shiftToken(token, rows, columns);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A token that may be a reference or a range of them, shifted; anything else as it is. */
function shiftToken(token: string, rows: number, columns: number): string {
  const parts = token.split(":");
  if (parts.length > 2) return token;
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
  const row = /^(\$?)(\d{1,7})$/;
  const column = /^(\$?)([A-Za-z]{1,3})$/;
  if (parts.every((p) => cell.test(p))) {
    return parts
      .map((p) => {
        const [, ca, c, ra, r] = cell.exec(p)!;
        return `${ca}${ca ? c : columnLetters(columnNumber(c.toUpperCase()) + columns)}${ra}${ra ? r : Number(r) + rows}`;
      })
      .join(":");
  }
  if (parts.length === 2 && parts.every((p) => row.test(p))) {
    return parts.map((p) => p.replace(row, (_, a: string, r: string) => `${a}${a ? r : Number(r) + rows}`)).join(":");
  }
  if (parts.length === 2 && parts.every((p) => column.test(p))) {
    return parts.map((p) => p.replace(column, (_, a: string, c: string) => `${a}${a ? c : columnLetters(columnNumber(c.toUpperCase()) + columns)}`)).join(":");
  }
  return token;
}
