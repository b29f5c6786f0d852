import type { ActivityLine, Qbr, QbrAccounts } from "../../engine/qbr";
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

/** How the review credits won revenue (on the sheet and the slide). */
export const CREDIT_RULE = "Credit: the quarter's won deals by their Source (blank: the vendor's), as PARTNER.ATTRIB; top accounts by the partner's open pipeline on them, then its planned accounts.";

/** The partner's credit for the quarter's wins in words: "256,000 won in 4 deals: 90.8% partner-sourced, 9.2% partner-influenced, 0% vendor". */
export const creditText = (a: QbrAccounts): string => {
  if (a.won.error) return `the won deals do not read: ${a.won.error}`;
  if (!a.won.count) return "no deal won in the quarter";
  const share = (i: number) => percent(a.won.credit![i].share);
  return `${amount(a.won.amount)} won in ${a.won.count} ${a.won.count === 1 ? "deal" : "deals"}: ${share(0)} partner-sourced, ${share(1)} partner-influenced, ${share(2)} vendor`;
};

/** The accounts a review lists, in words, when there are none. */
export const noAccountsText = (a: QbrAccounts): string =>
  a.period ? `No open pipeline and no account in the ${a.period} account plan.` : "No open pipeline on an account and no account plan covers this quarter.";

/** The top accounts in a line: "Acme (68,500 open; next: Workshop, Jane Doe)", the first three. */
export const accountsText = (a: QbrAccounts): string => {
  if (!a.top.length) return a.period ? `none with pipeline; ${a.period} plan empty` : "no pipeline on an account, no account plan";
  const shown = a.top.slice(0, 3).map((l) => {
    const next = l.nextStep ? `; next: ${l.nextStep}${l.owner ? `, ${l.owner}` : ""}` : "";
    return `${l.name} (${l.openDeals ? `${amount(l.openAmount)} open` : "no open deal"}${next})`;
  });
  const more = a.count - shown.length;
  return `${shown.join("; ")}${more > 0 ? ` and ${more} more` : ""}`;
};
