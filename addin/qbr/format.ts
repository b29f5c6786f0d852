import type { ActivityLine, Qbr } from "../../engine/qbr";
/** How QBR figures read on a sheet and a slide. */
import { serialText } from "../../engine/excel/date";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const amount = (x: number | null | undefined) => (x === null || x === undefined ? "–" : whole.format(x));
export const score = (x: number | null | undefined) => (x === null || x === undefined ? "–" : oneDecimal.format(x));
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${oneDecimal.format(x * 100)}%`);
export const years = (x: number | null | undefined) => (x === null || x === undefined ? "not within the horizon" : `${oneDecimal.format(x)} years`);
export const date = (x: number | null | undefined) => (x === null || x === undefined ? "–" : serialText(x));
export const signed = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : `${x > 0 ? "+" : x < 0 ? "−" : "±"}${oneDecimal.format(Math.abs(x))}`;

/** The sheet and file name of a QBR, e.g. "QBR P0042 2026-Q3" (a sheet name holds at most 31 characters). */
export const qbrName = (partnerId: string, quarter: string) => `QBR ${partnerId} ${quarter}`.slice(0, 31);

/** Which approval a review shows: the plan's own ("FY2026 plan"), or the quarter's sign-off of a year's plan. */
export const approvalOf = (review: Qbr): string =>
  !review.approval
    ? ""
    : review.planPeriod && review.approval.period.trim().toLowerCase() !== review.planPeriod.trim().toLowerCase()
      ? `${review.approval.period} sign-off of the ${review.planPeriod} plan`
      : `${review.approval.period} plan`;

/** The tier a review shows: "MVP", "MVP (rated 2026-Q3)" when the partner was not rated in the quarter itself, "MVP (was STP)". */
export const tierText = (review: Qbr): string => {
  const t = review.tier;
  if (!t.current) return "not rated";
  const notes = [t.rated && t.rated !== review.quarter ? `rated ${t.rated}` : null, t.previous && t.previous !== t.current ? `was ${t.previous}` : null].filter(Boolean);
  return notes.length ? `${t.current} (${notes.join("; ")})` : t.current;
};

/** How the review counts an activity's spend (on the sheet and the slide). */
export const SPEND_RULE = "Spend: the amount claimed on the activity's fund request once claimed or paid; for a done activity without a claim, its budget; else nothing yet.";
export const REALISM_RULE = "Realism as the Plan builder shows it: the target's percentile among what comparable partners reached (from P75 a stretch; above all of them, beyond the network).";

export const spentFrom = (l: ActivityLine): string => (l.basis === "claim" ? `claim of ${l.request!.requestId}` : l.basis === "budget" ? "budget (done)" : "nothing yet");
export const requestText = (l: ActivityLine): string => (l.request ? `${l.request.requestId} ${l.request.state ?? "no state"}: ${amount(l.request.amount)}` : "none");
