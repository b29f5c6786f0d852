/**
 * How the task pane writes figures and dates: amounts without decimals, rates as percentages, years
 * to two decimals, and every date as YYYY-MM-DD (ISO 8601), whatever the computer's language — the
 * form the workbook's periods, the approval log and the QBR use.
 */
import { serialText } from "../../../engine/excel/date";

const amount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6, useGrouping: false });

/** A minus sign rather than a hyphen, as spreadsheets print negative numbers. */
const signed = (text: string) => text.replace(/^-/, "−");

export const formatAmount = (n: number | null): string => (n === null ? "—" : signed(amount.format(n === 0 ? 0 : n)));
export const formatCompact = (n: number): string => signed(compact.format(n));
export const formatPercent = (n: number | null): string => (n === null ? "—" : signed(percent.format(n)));
export const formatDecimal = (n: number | null): string => (n === null ? "—" : signed(decimal.format(n)));
/** A value as typed in a cell (no grouping, up to 6 decimals). */
export const formatInput = (n: number | null): string => (n === null ? "" : plain.format(n));
/** An Excel date serial as YYYY-MM-DD; "—" for none. */
export const formatDate = (serial: number | null): string => (serial === null ? "—" : serialText(serial));
