/* Excel-compatible finance: PARTNER.NPV, PARTNER.IRR, PARTNER.PAYBACK. */
import { irr as irrModel, npv as npvModel, payback as paybackModel } from "../../engine/excel";
import { excelFunction, read } from "./excel";

const NPV = excelFunction({ rate: read.number(), values: read.cashflows() }, (a) => npvModel(a.rate, a.values));
const IRR = excelFunction({ values: read.cashflows(), guess: read.number({ default: 0.1 }) }, (a) => irrModel(a.values, a.guess));
const PAYBACK = excelFunction({ cashflows: read.cashflows() }, (a) => paybackModel(a.cashflows));

/**
 * Net present value of cash flows at the end of each period, exactly as Excel's NPV: the first value is discounted once. Only cells holding numbers count.
 * @customfunction NPV
 * @param rate Discount rate per period, e.g. 0.1 for 10%.
 * @param values Cash flows of periods 1, 2, … in order (a row, a column or a block). Text, TRUE/FALSE and empty cells are skipped.
 * @returns The net present value.
 */
export function npv(rate: any, values: any[][]): number {
  return NPV({ rate, values });
}

/**
 * Internal rate of return of periodic cash flows, exactly as Excel's IRR (Newton's method from the guess, #NUM! when there is no sign change or no convergence).
 * @customfunction IRR
 * @param values Cash flows in order, the first usually negative (the investment). Text, TRUE/FALSE and empty cells are skipped.
 * @param [guess] Starting rate for the iteration. Default 0.1 (10%).
 * @returns The rate at which the cash flows' net present value is 0.
 */
export function irr(values: any[][], guess?: any): number {
  return IRR({ values, guess });
}

/**
 * Payback period: the number of periods until the running total of the cash flows turns non-negative for good, interpolated within the period. The first value is the outlay at time 0.
 * @customfunction PAYBACK
 * @param cashflows Cash flows in order: the first at time 0, then one per period. Text, TRUE/FALSE and empty cells are skipped.
 * @returns Periods to pay back (0 if the running total is never negative); #N/A if it never pays back.
 */
export function payback(cashflows: any[][]): number {
  return PAYBACK({ cashflows });
}
