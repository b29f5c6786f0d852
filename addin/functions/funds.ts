/* Marketing development funds: PARTNER.FUNDS, PARTNER.MDF.ROI, PARTNER.MDF.PIPELINE. */
import { EngineError, isEngineError } from "../../engine/error";
import { FUND_STATES, type FundRequest, fundBalances, fundsTable, mdfRoi, pipelinePerActivity } from "../../engine/funds";
import { cellAt, optionAt } from "../../engine/input";
import { messages } from "../../engine/messages";
import { type ReadContext, blankCells, excelFunction, read } from "./excel";

const fail = (message: string) => new EngineError("#VALUE!", message);

/** Names cell `index` of argument `arg` as the user sees it: `approved (row 3)`. */
const cellOf = (context: ReadContext) => (arg: string, index: number) => cellAt(arg, context.grid(arg), index);

const FUNDS = excelFunction(
  {
    allocated: read.numbers(),
    requested: read.numbers(),
    approved: read.numbers(),
    claimed: read.numbers(),
    paid: read.numbers(),
    states: read.optional(read.labels()),
  },
  (a, context) => {
    const n = a.requested.length;
    for (const name of ["approved", "claimed", "paid"] as const) {
      if (a[name].length !== n) return fail(messages.sameCount(name, "requested", n, a[name].length));
    }
    if (a.states && a.states.length !== n) return fail(messages.sameCount("states", "requested", n, a.states.length));
    const at = cellOf(context);
    const requests: FundRequest[] = a.requested.map((requested, i) => {
      const label = a.states?.[i] ?? null;
      return {
        requested,
        approved: a.approved[i],
        claimed: a.claimed[i],
        paid: a.paid[i],
        state: label === null ? null : optionAt(label, at("states", i), FUND_STATES, "Draft"),
      };
    });
    const balances = fundBalances(a.allocated, requests, at);
    return isEngineError(balances) ? balances : blankCells(fundsTable(balances));
  },
);

const MDF_ROI = excelFunction({ won_revenue: read.numbers(), paid: read.numbers() }, (a, context) => mdfRoi(a.won_revenue, a.paid, cellOf(context)));

const MDF_PIPELINE = excelFunction({ pipeline: read.numbers(), funds: read.numbers() }, (a, context) =>
  pipelinePerActivity(a.pipeline, a.funds, cellOf(context)),
);

/**
 * Balances of a marketing development fund (or co-op fund): a header row, then Allocated, Requested, Pending, Approved, Claimed, Paid, Available (allocated − approved − pending) and Utilisation (paid ÷ allocated). Give one cell per fund request, such as the columns of a FundRequests table. A claim above its approval, a payment above its claim, or requests beyond the allocation give #VALUE! naming the cell.
 * @customfunction FUNDS
 * @param allocated The fund's allocation, or a range of allocations to add up (blank = 0).
 * @param requested Amount asked for by each request (blank = 0).
 * @param approved Amount approved for each request, at most its request; blank or 0 while undecided or rejected.
 * @param claimed Amount claimed by each request, at most its approval (blank = 0).
 * @param paid Amount paid on each claim, at most the claim (blank = 0).
 * @param [states] State of each request: Draft (not counted), Submitted (pending), Approved, Rejected, Claimed or Paid. Default: a request without an approved amount is pending.
 * @returns Allocated, Requested, Pending, Approved, Claimed, Paid, Available, Utilisation.
 */
export function fundLedger(allocated: any[][], requested: any[][], approved: any[][], claimed: any[][], paid: any[][], states?: any[][]): any[][] {
  return FUNDS({ allocated, requested, approved, claimed, paid, states });
}

/**
 * Return on the marketing development funds paid: (won revenue − funds paid) ÷ funds paid, over the totals of both ranges. 0 means the funded activities won back what they cost; 4 (400%) that each 1 of funds brought 5 of revenue. Nothing paid gives #DIV/0!.
 * @customfunction MDF.ROI
 * @param won_revenue Revenue won from the funded activities: one amount or a range to add up (blank = 0).
 * @param paid Funds paid for those activities: one amount or a range to add up (blank = 0).
 * @returns The return on the funds, 1 = 100%.
 */
export function mdfReturn(won_revenue: any[][], paid: any[][]): number {
  return MDF_ROI({ won_revenue, paid });
}

/**
 * Pipeline per funded activity: the pipeline the activities with funds above 0 generated, divided by their number. Activities without funds are left out; none funded gives #DIV/0!.
 * @customfunction MDF.PIPELINE
 * @param pipeline Pipeline each activity generated (blank = 0).
 * @param funds Funds approved or paid for each activity, in the same order; 0 or blank means not funded.
 * @returns Average pipeline of a funded activity.
 */
export function mdfPipeline(pipeline: any[][], funds: any[][]): number {
  return MDF_PIPELINE({ pipeline, funds });
}
