/**
 * Formulas as an .xlsx file stores them. Excel shows `=MAXIFS(...)`, but a file holds functions
 * added to Excel after 2007 with a `_xlfn.` prefix (`_xlfn.MAXIFS(...)`) and no leading `=`;
 * a file written without the prefix opens with `#NAME?` in those cells until each is re-entered.
 * Office.js takes formulas as Excel shows them, so only the .xlsx adapter translates.
 */

/**
 * The functions the add-in's formulas use (PartnerScores, the sample sheets, the statistics
 * fixtures) that Excel stores with `_xlfn.`. Extend it when a formula starts using another one
 * (Microsoft's list: "Issue: An _xlfn. prefix is displayed in front of a formula").
 */
export const PREFIXED_FUNCTIONS: readonly string[] = ["MAXIFS", "MINIFS", "PERCENTILE.INC", "PERCENTRANK.INC", "QUARTILE.INC"];

const PREFIXED = new Set(PREFIXED_FUNCTIONS);
const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * `formula` (as typed in Excel, with or without its `=`) in the form a file stores: no `=`, and
 * `_xlfn.` before each function of PREFIXED_FUNCTIONS that is called. Text in quotes, sheet names
 * and structured references are left as they are.
 */
export function fileFormula(formula: string): string {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // A string or a quoted sheet name; a doubled quote is a quote inside it.
      let j = i + 1;
      while (j < text.length && !(text[j] === ch && text[j + 1] !== ch)) j += text[j] === ch ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      // A structured reference (`Audit[[#This Row],[Date]]`): brackets nest, `'` escapes a bracket.
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "'") j++;
        else if (text[j] === "[") depth++;
        else if (text[j] === "]" && --depth === 0) break;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (NAME_CHAR.test(ch)) {
      let j = i;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(i, j);
      out += text[j] === "(" && PREFIXED.has(name.toUpperCase()) ? `_xlfn.${name}` : name;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
