/**
 * The P&L drivers as the task pane shows them: a name in words for each of the engine's drivers
 * (the engine's name, such as `license_revenue`, is what the Assumptions table holds and stays a
 * hint beside it), and the kind of figure it is, which says how its values are written and typed —
 * amounts with thousands separators, rates as percentages, the horizon as whole years.
 */
import { DRIVERS, type DriverName, driverIndex } from "../../../engine/pnl";
import { type NumberRule, type Typed, numberProblem, readNumber, readPercent } from "./numbers";

/**
 * `amount`: money (per year unless the label says otherwise); `rate`: a fraction shown as a
 * percentage; `years`: the horizon; `count`: people; `number`: a name the engine does not know.
 */
export type DriverKind = "amount" | "rate" | "years" | "count" | "number";

export interface DriverWords {
  /** The driver in words, as its row and its fields are labelled. */
  readonly label: string;
  /** A shorter name for the tornado chart's narrow labels. */
  readonly short: string;
  readonly kind: DriverKind;
}

/** Every driver of the engine, in words; the compiler insists on one entry per driver. */
export const DRIVER_WORDS: { readonly [K in DriverName]: DriverWords } = {
  years: { label: "Horizon in years", short: "Horizon", kind: "years" },
  license_revenue: { label: "Licence revenue per year", short: "Licence revenue", kind: "amount" },
  license_growth: { label: "Licence revenue growth per year", short: "Licence growth", kind: "rate" },
  ramp: { label: "Ramp-up (share of full run-rate)", short: "Ramp-up", kind: "rate" },
  product_margin: { label: "Partner's margin on licences", short: "Licence margin", kind: "rate" },
  services_attach: { label: "Services sold per licence revenue", short: "Services attach", kind: "rate" },
  services_margin: { label: "Margin on services", short: "Services margin", kind: "rate" },
  maintenance_rate: { label: "Maintenance fee per year", short: "Maintenance fee", kind: "rate" },
  retention: { label: "Renewals per year", short: "Renewals", kind: "rate" },
  maintenance_margin: { label: "Margin on maintenance", short: "Maintenance margin", kind: "rate" },
  rebate_rate: { label: "Vendor rebate", short: "Rebate", kind: "rate" },
  mdf: { label: "Marketing funds (MDF) per year", short: "MDF", kind: "amount" },
  onboarding_cost: { label: "Onboarding cost, once", short: "Onboarding cost", kind: "amount" },
  enablement_cost: { label: "Enablement cost per year", short: "Enablement cost", kind: "amount" },
  certification_cost: { label: "Certification cost per year", short: "Certification cost", kind: "amount" },
  marketing_cost: { label: "Marketing cost per year", short: "Marketing cost", kind: "amount" },
  headcount: { label: "Dedicated staff (people)", short: "Dedicated staff", kind: "count" },
  cost_per_head: { label: "Cost per head per year", short: "Cost per head", kind: "amount" },
  cost_growth: { label: "Cost growth per year", short: "Cost growth", kind: "rate" },
  discount_rate: { label: "Discount rate", short: "Discount rate", kind: "rate" },
  vendor_margin: { label: "Vendor's margin", short: "Vendor margin", kind: "rate" },
  vendor_program_cost: { label: "Vendor's programme cost per year", short: "Programme cost", kind: "amount" },
};

/** The words of a driver by any spelling the engine accepts; a name it does not know is shown as typed. */
export function driverWords(name: string): DriverWords {
  const d = driverIndex(name);
  return d >= 0 ? DRIVER_WORDS[DRIVERS[d].name] : { label: name.trim(), short: name.trim(), kind: "number" };
}

const amount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
// A rate's box keeps every digit the value has (after per-cent noise is rounded away), so that
// editing another year of the series never changes this one.
const rateBox = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, useGrouping: false });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6, useGrouping: false });

/** A fraction in per cent without binary noise: 0.27 is 27, not 27.000000000000004. */
const perCent = (fraction: number) => Number((fraction * 100).toPrecision(12));

/** The text of a value in a driver's input box (a rate's box is in per cent: 0.27 is `27`). */
export function inputText(kind: DriverKind, value: number | null): string {
  if (value === null) return "";
  switch (kind) {
    case "rate":
      return rateBox.format(perCent(value));
    case "years":
      return Number.isInteger(value) ? integer.format(value) : plain.format(value);
    case "amount":
    case "count":
      return count.format(value);
    case "number":
      return plain.format(value);
  }
}

/** A value as the pane writes it in sentences and summaries: `300,000`, `27%`, `5 years`. */
export function formatDriverValue(kind: DriverKind, value: number | null): string {
  if (value === null) return "—";
  const text = (() => {
    switch (kind) {
      case "rate":
        return `${count.format(perCent(value))}%`;
      case "years":
        return `${inputText("years", value)} ${value === 1 ? "year" : "years"}`;
      case "amount":
        return amount.format(value);
      case "count":
        return count.format(value);
      case "number":
        return plain.format(value);
    }
  })();
  return text.replace(/^-/, "−");
}

/** An example of what to type in a box of this kind, for messages. */
const EXAMPLE: Record<DriverKind, string> = { amount: "300,000", rate: "27 (for 27%)", years: "5", count: "2", number: "1,000" };

/** Reads the text of a driver's input box: a rate's `27` or `27%` is 0.27; amounts may group thousands. */
export function readDriverText(kind: DriverKind, text: string): Typed {
  return kind === "rate" ? readPercent(text) : readNumber(text);
}

/** The limits the engine holds a driver's values to, as a rule for the pane's fields (in the box's units). */
function ruleOf(name: string): NumberRule & { above?: number } {
  const d = driverIndex(name);
  if (d < 0) return {};
  const driver: { min?: number; max?: number; above?: number; integer?: boolean } = DRIVERS[d];
  const scale = DRIVER_WORDS[DRIVERS[d].name].kind === "rate" ? 100 : 1;
  const at = (x: number | undefined) => (x === undefined ? undefined : x * scale);
  return { min: at(driver.min), max: at(driver.max), above: at(driver.above), integer: driver.integer };
}

/**
 * Why the text in a driver's box cannot be used, or `undefined` when it can (blank is left to the
 * caller: a blank later year keeps the series' last value). The message is in the box's terms.
 */
export function driverTextProblem(name: string, text: string): string | undefined {
  const { kind } = driverWords(name);
  const value = readDriverText(kind, text);
  if (value === null) return undefined;
  const unit = kind === "rate" ? "%" : "";
  if (value === undefined) {
    if (kind !== "rate" && /%\s*$/.test(text)) return `Enter ${kind === "amount" ? "an amount" : "a number"}, not a percentage, e.g. ${EXAMPLE[kind]}.`;
    // 1,5 is a decimal comma, not a grouping of thousands: say how to write it rather than guess.
    const comma = /^\s*[+-]?\d+,(\d{1,2}|\d{4,})\s*%?\s*$/.test(text) ? " Decimals take a point: 1.5." : "";
    return `Enter a number, e.g. ${EXAMPLE[kind]}.${comma}`;
  }
  const rule = ruleOf(name);
  const shown = kind === "rate" ? perCent(value) : value;
  if (rule.above !== undefined && shown <= rule.above) return `Enter more than ${count.format(rule.above).replace(/^-/, "\u2212")}${unit}.`;
  return numberProblem(shown, { ...rule, unit, example: EXAMPLE[kind] });
}

/**
 * An engine message with each driver's engine name (`license_revenue`) told in words, for the rare
 * message the pane cannot say in its own terms first. Only names with an underscore are replaced:
 * `years` or `ramp` are words in the message's own sentence too.
 */
export function inWords(message: string): string {
  return message.replace(/\b[a-z]+(?:_[a-z]+)+\b/gi, (name) => (driverIndex(name) >= 0 ? driverWords(name).label : name));
}
