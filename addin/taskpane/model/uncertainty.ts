/**
 * The Monte Carlo card's uncertain drivers, checked as the user types them: each field that cannot
 * be used says why in words and in the driver's units (a rate's figures in per cent), so that the
 * engine is only ever given rows it accepts and never answers with its own message.
 */
import type { DISTRIBUTIONS } from "../../../engine/pnl";
import { driverWords, formatDriverValue, readDriverText } from "./drivers";

export type Distribution = (typeof DISTRIBUTIONS)[number];

/** The figures each distribution takes, as the card labels them. */
export const PARAMETERS: Record<Distribution, readonly string[]> = { normal: ["Mean", "SD"], uniform: ["Low", "High"], triangular: ["Low", "Mode", "High"] };

export interface UncertainInput {
  readonly driver: string;
  readonly distribution: Distribution;
  /** As typed in the boxes, in the driver's units. */
  readonly parameters: readonly string[];
}

export interface UncertainProblems {
  /** The driver is uncertain in an earlier row already. */
  readonly driver?: string;
  /** One per figure of the distribution; `undefined` where the figure can be used. */
  readonly parameters: readonly (string | undefined)[];
}

const EXAMPLE = { amount: "300,000", rate: "27", years: "5", count: "2", number: "1,000" } as const;

/** What is wrong with each row, field by field; every entry empty when the rows can be simulated. */
export function uncertaintyProblems(rows: readonly UncertainInput[]): UncertainProblems[] {
  return rows.map((row, index) => {
    const { label, kind } = driverWords(row.driver);
    const first = rows.findIndex((r) => driverWords(r.driver).label === label);
    const driver = first < index ? `${label} is uncertain in row ${first + 1} already: choose another driver.` : undefined;
    const names = PARAMETERS[row.distribution];
    const values = names.map((_, i) => readDriverText(kind, row.parameters[i] ?? ""));
    const show = (v: number) => formatDriverValue(kind, v);
    const parameters = names.map((name, i): string | undefined => {
      const value = values[i];
      const what = name.toLowerCase();
      if (value === null) return `Enter the ${what === "sd" ? "SD" : what}.`;
      if (value === undefined) return `Enter a number, e.g. ${EXAMPLE[kind]}.`;
      if (row.distribution === "normal" && i === 1 && value < 0) return "Enter an SD of 0 or more.";
      const before = values[i - 1];
      if (row.distribution !== "normal" && i > 0 && typeof before === "number" && value < before) {
        return `Enter a ${what} of at least the ${names[i - 1].toLowerCase()}, ${show(before)}.`;
      }
      return undefined;
    });
    return { driver, parameters };
  });
}

/** Whether any row has a field that cannot be used. */
export const hasProblems = (problems: readonly UncertainProblems[]): boolean => problems.some((p) => p.driver !== undefined || p.parameters.some((m) => m !== undefined));
