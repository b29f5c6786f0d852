/** How the task pane writes figures: amounts without decimals, rates as percentages, years to two decimals. */
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
