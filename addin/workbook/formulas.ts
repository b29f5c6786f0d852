/**
 * Formulas as an .xlsx file stores them. Excel shows `=MAXIFS(...)` and `=PARTNER.SCORE(...)`,
 * but a file holds them without the leading `=`, functions added to Excel after 2007 with a
 * `_xlfn.` prefix (`_xlfn.MAXIFS(...)`) and the add-in's JavaScript custom functions as
 * `_xldudf_PARTNER_SCORE(...)` (the namespace, then the id with `.` as `_`), which Excel maps
 * back to `PARTNER.SCORE` once the add-in is loaded. A file written in any other form opens with
 * `#NAME?` in those cells, and recalculating does not clear it: only re-entering each cell does.
 * Office.js takes formulas as Excel shows them, so only the .xlsx adapter translates;
 * `excelFormula` reads a stored formula back the way Excel shows it.
 */

/**
 * The functions the add-in's formulas use (PartnerScores, the sample sheets, the statistics
 * fixtures) that Excel stores with `_xlfn.`. Extend it when a formula starts using another one
 * (Microsoft's list: "Issue: An _xlfn. prefix is displayed in front of a formula").
 */
export const PREFIXED_FUNCTIONS: readonly string[] = ["FILTER", "IFNA", "MAXIFS", "MINIFS", "PERCENTILE.INC", "PERCENTRANK.INC", "QUARTILE.INC"];

const PREFIXED = new Set(PREFIXED_FUNCTIONS);
/** Dynamic-array functions Excel stores in a namespace of their own (`_xlfn._xlws.FILTER`). */
const WORKSHEET_NAMESPACE = new Set(["FILTER", "SORT"]);
/** The add-in's function namespace (manifest: `<Namespace>`). */
export const NAMESPACE = "PARTNER";
/** How a file stores the add-in's custom function `PARTNER.X.Y`: `_xldudf_PARTNER_X_Y`. */
export const customFunctionName = (id: string): string => `_xldudf_${id.toUpperCase().replace(/\./g, "_")}`;
const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * `formula` (as typed in Excel, with or without its `=`) in the form a file stores: no `=`,
 * `_xlfn.` before each function of PREFIXED_FUNCTIONS that is called, and each `PARTNER.*` call
 * as `_xldudf_PARTNER_*`. Text in quotes, sheet names and structured references are left as they are.
 */
export function fileFormula(formula: string): string {
  return mapFunctionNames(formula.startsWith("=") ? formula.slice(1) : formula, (name) => {
    const upper = name.toUpperCase();
    if (PREFIXED.has(upper)) return WORKSHEET_NAMESPACE.has(upper) ? `_xlfn._xlws.${name}` : `_xlfn.${name}`;
    if (upper.startsWith(`${NAMESPACE}.`) && upper.length > NAMESPACE.length + 1) return customFunctionName(name);
    return name;
  });
}

/**
 * A stored formula (from a file) as Excel shows it: `=` first, `_xlfn.` (and `_xlfn._xlws.`)
 * prefixes dropped, `_xldudf_PARTNER_X_Y` read as `PARTNER.X.Y` (the add-in's ids hold no `_`).
 * A formula already in the shown form, with a bare `PARTNER.X`, comes back as it is.
 */
export function excelFormula(stored: string): string {
  const text = stored.startsWith("=") ? stored.slice(1) : stored;
  const udf = `_XLDUDF_${NAMESPACE}_`;
  return `=${mapFunctionNames(text, (name) => {
    const upper = name.toUpperCase();
    if (upper.startsWith(udf)) return `${NAMESPACE}.${name.slice(udf.length).replace(/_/g, ".")}`;
    if (upper.startsWith("_XLFN._XLWS.")) return name.slice(12);
    if (upper.startsWith("_XLFN.")) return name.slice(6);
    return name;
  })}`;
}

/** `text` with each function name that is called (a name followed by `(`) replaced by `rename(name)`. */
function mapFunctionNames(text: string, rename: (name: string) => string): string {
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
      out += text[j] === "(" ? rename(name) : name;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
