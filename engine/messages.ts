/**
 * Every user-facing message of the engine, in one place. Excel shows these texts for #VALUE! and
 * #N/A, so each one names the argument (and the cell within it) and says what was expected.
 */

/** A short, readable rendering of a value a user typed. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return "a blank";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "infinity" : "-infinity";
    return String(Number(value.toPrecision(12)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const text = value.length > 30 ? `${value.slice(0, 27)}...` : value;
    return `"${text}"`;
  }
  if (Array.isArray(value)) return "a range";
  return "an unsupported value";
}

/** Names a cell of an argument: `ratings`, `ratings (item 3)`, `assumptions (row 2, column 3)`. */
export function where(arg: string, position?: { row?: number; column?: number; item?: number }): string {
  if (!position) return arg;
  const parts: string[] = [];
  if (position.item !== undefined) parts.push(`item ${position.item}`);
  if (position.row !== undefined) parts.push(`row ${position.row}`);
  if (position.column !== undefined) parts.push(`column ${position.column}`);
  return parts.length ? `${arg} (${parts.join(", ")})` : arg;
}

const list = (options: readonly string[]) => options.map((o) => `"${o}"`).join(", ");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const messages = {
  notNumber: (at: string, value: unknown) => `${at}: expected a number, got ${show(value)}.`,
  notBoolean: (at: string, value: unknown) =>
    `${at}: expected TRUE/FALSE (or 1/0, yes/no, y/n), got ${show(value)}.`,
  notText: (at: string, value: unknown) => `${at}: expected text, got ${show(value)}.`,
  required: (at: string) => `${at}: a value is required.`,
  notInteger: (at: string, value: number) => `${at}: expected a whole number, got ${show(value)}.`,
  belowMin: (at: string, value: number, min: number) => `${at}: must be at least ${show(min)}, got ${show(value)}.`,
  notAbove: (at: string, value: number, bound: number) =>
    `${at}: must be greater than ${show(bound)}, got ${show(value)}.`,
  aboveMax: (at: string, value: number, max: number) => `${at}: must be at most ${show(max)}, got ${show(value)}.`,
  unknownOption: (at: string, value: unknown, options: readonly string[]) =>
    `${at}: expected one of ${list(options)}, got ${show(value)}.`,
  singleValue: (arg: string, rows: number, columns: number) =>
    `${arg}: expected a single value, got a ${rows}×${columns} range.`,
  ragged: (arg: string, row: number, length: number, expected: number) =>
    `${arg}: row ${row} has ${plural(length, "cell")} but row 1 has ${expected}; a range must be rectangular.`,
  nested: (at: string) => `${at}: a cell cannot hold a nested range.`,
  tooManyCells: (arg: string, cells: number, max: number) =>
    `${arg}: ${cells.toLocaleString("en-US")} cells is more than the ${max.toLocaleString("en-US")} this function accepts.`,
  spillTooLarge: (rows: number, columns: number, max: number) =>
    `The result would spill ${rows}×${columns} cells, more than the ${max.toLocaleString("en-US")} allowed; use a smaller input.`,
  sameShape: (arg: string, like: string, expected: string, got: string) =>
    `${arg}: must be the same shape as ${like} (${expected}), got ${got}.`,
  wrongCount: (arg: string, expected: number, got: number, what: string) =>
    `${arg}: expected ${plural(expected, what)}, got ${got}.`,
  negative: (at: string, value: number) => `${at}: must not be negative, got ${show(value)}.`,
  allZero: (arg: string) => `${arg}: at least one weight must be greater than 0 where there is something to score.`,
  ratingOutOfScale: (at: string, value: unknown, scaleMax: number) =>
    `${at}: a rating must be from 1 to ${show(scaleMax)} (or blank), got ${show(value)}.`,
  noRatings: (arg: string) => `${arg}: there are no ratings to score (every cell is blank).`,
  noAreaRatings: () => "No area has any rating: ability, sweetspot, territory and revenue are all blank.",

  // Finance (NPV, IRR, payback) and the partner P&L.
  noCashflows: (arg: string) => `${arg}: there are no cash flows (no cell holds a number).`,
  rateMinusOne: (arg: string) => `${arg}: a rate of -100% discounts by zero.`,
  overflow: (arg: string) => `${arg}: the result is too large to compute.`,
  irrNoResult: (arg: string) =>
    `${arg}: no internal rate of return found (the cash flows need a sign change, and Newton's method must converge from the guess).`,
  neverPaysBack: (arg: string) => `${arg}: the running total is still negative after the last period; it never pays back.`,
  noDriverName: (at: string) => `${at}: values without a name; put the driver's name (such as license_revenue) in the first column.`,
  notDriverName: (at: string, value: unknown) => `${at}: expected a driver name such as license_revenue, got ${show(value)}.`,
  unknownDriver: (at: string, name: string, suggestion?: string) =>
    `${at}: unknown name ${show(name)}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; see the README for the list of drivers.`,
  duplicateDriver: (at: string, name: string, firstRow: number) => `${at}: ${name} is given twice (first in row ${firstRow}); keep one row.`,
  scalarOnlyDriver: (at: string, name: string) => `${at}: ${name} takes a single value, not a per-year series.`,
  tooManyYears: (at: string, count: number, max: number) => `${at}: ${count} yearly values is more than the ${max} years a P&L covers.`,
  driverBelow: (at: string, name: string, value: number, min: number) => `${at}: ${name} must be at least ${show(min)}, got ${show(value)}.`,
  driverNotAbove: (at: string, name: string, value: number, bound: number) =>
    `${at}: ${name} must be greater than ${show(bound)}, got ${show(value)}.`,
  driverAbove: (at: string, name: string, value: number, max: number) => `${at}: ${name} must be at most ${show(max)}, got ${show(value)}.`,
  driverNotInteger: (at: string, name: string, value: number) => `${at}: ${name} must be a whole number, got ${show(value)}.`,
  needsColumns: (arg: string, form: string) => `${arg}: expected rows of ${form}; the range has a single column.`,
  licenseRequired: (arg: string) => `${arg}: license_revenue is required; add a row license_revenue | annual amount.`,
  notUncertain: (at: string, name: string) => `${at}: ${name} cannot be uncertain; give it in the assumptions.`,
  extraParameter: (at: string, distribution: string, expected: string) =>
    `${at}: a ${distribution} distribution takes ${expected}; leave this cell empty.`,
  distributionOrder: (at: string, distribution: string, expected: string) => `${at}: a ${distribution} distribution needs ${expected}.`,
  noUncertainty: (arg: string) => `${arg}: no driver is uncertain; add rows name | normal | mean | sd (or uniform, triangular).`,
  noHistory: (arg: string) => `${arg}: no partner has any revenue to build a ramp from.`,

  // Rating, scorecard, segmentation, plans and funnels.
  sameCount: (arg: string, like: string, expected: number, got: number) =>
    `${arg}: expected as many cells as ${like} (${expected}), got ${got}.`,
  sameCountOrOne: (arg: string, like: string, expected: number, got: number) =>
    `${arg}: expected one value or as many cells as ${like} (${expected}), got ${got}.`,
  highBelowMin: (high: number, min: number) =>
    `high_opportunities: must be at least min_opportunities (${show(min)}), got ${show(high)}.`,
  noTiers: (arg: string) => `${arg}: there are no tier labels (every cell is blank).`,
  scoreOutOfRange: (at: string, value: unknown) => `${at}: a score must be from 0 to 100 (or blank), got ${show(value)}.`,
  passMarkOutOfRange: (value: number) => `pass_mark: must be greater than 0 and at most 100, got ${show(value)}.`,
  noTopics: (arg: string) => `${arg}: there are no topics (every cell is blank).`,
  metricOutOfRange: (at: string, value: unknown) =>
    `${at}: a scored metric must be from 1 to 100 (or blank), got ${show(value)}.`,
  noMetric: (arg: string) => `${arg}: there is no score (blank).`,
  noCompleteRows: (arg: string) => `${arg}: no row has all its metrics (every row has a blank).`,
  kAboveRows: (k: number, rows: number) =>
    `k: cannot make ${show(k)} clusters from ${plural(rows, "complete row")} of metrics.`,
  tooFewDistinctRows: (arg: string, k: number, distinct: number) =>
    `${arg}: cannot make ${show(k)} clusters: the complete rows of metrics hold only ${plural(distinct, "distinct row")}.`,
  noPopulation: (arg: string) => `${arg}: there are no numbers to compare with (every cell is blank).`,
  outsidePopulation: (arg: string, value: number, min: number, max: number) =>
    `${arg}: ${show(value)} is outside the population's range (${show(min)} to ${show(max)}).`,
  notDate: (at: string, value: unknown) =>
    `${at}: expected a date (a serial from 1 to 2958465 or yyyy-mm-dd text), got ${show(value)}.`,
  targetNotPositive: (at: string, value: number) => `${at}: must be greater than 0 to measure against, got ${show(value)}.`,
  endBeforeStart: (arg: string, end: string, start: string) => `${arg}: the period ends (${end}) before it starts (${start}).`,
  notStarted: (arg: string, day: string, start: string) =>
    `${arg}: on ${day} the period (from ${start}) has not started; there is no pace yet.`,
  shareOutOfRange: (at: string, value: number) => `${at}: must be from 0 to 1 (0% to 100%), got ${show(value)}.`,
  offTrackBelowAtRisk: (offTrack: number, atRisk: number) =>
    `off_track: must be at least at_risk (${show(atRisk)}), got ${show(offTrack)}.`,
  nothingToRollUp: (arg: string) => `${arg}: there is nothing to roll up (every row is blank).`,
  noTargets: (arg: string) => `${arg}: no KPI has a target above 0 (and a weight above 0) to measure against.`,
  capTooLow: (arg: string, value: number) => `${arg}: must be at least 1 (100%), got ${show(value)}.`,
  noDecidedDeals: () => "won, lost: no deal has been decided yet (won + lost is 0).",
  tooFewStages: (arg: string, count: number) => `${arg}: a funnel needs at least 2 stages, got ${count}.`,
  zeroCycle: (arg: string) => `${arg}: a sales cycle of 0 days has no velocity.`,
  notQuarter: (at: string, value: unknown) =>
    `${at}: expected a quarter such as "2026-Q3" or "Q3 2026", or a date, got ${show(value)}.`,
  noPlans: (arg: string) => `${arg}: there are no plans (every row is blank).`,
  notTimestamp: (arg: string, value: unknown) => `${arg}: expected an ISO 8601 date or time, got ${show(value)}.`,
  stepBeforeLast: (at: string, last: string) => `at: ${at} is before the plan's last step (${last}).`,
  rejectWithoutReason: () => "comment: say why the plan is rejected.",
  illegalStep: (action: string, state: string, hint?: string) =>
    `action: cannot ${action} a plan that is ${state}${hint ? `: ${hint}` : ""}.`,
  wrongRole: (action: string, role: string, allowed: readonly string[]) =>
    `role: a ${role} cannot ${action} a plan; only ${allowed.map((r) => `the ${r}`).join(" or ")} can.`,
} as const;

/**
 * Funds (MDF), plan realism and the joint value proposition. Kept apart from `messages` so that a
 * bundle that uses none of them (the task pane's first download) leaves them out.
 */
export const planningMessages = {
  approvalAboveRequest: (at: string, approved: number, requestedAt: string, requested: number) =>
    `${at}: approves ${show(approved)}, more than its request of ${show(requested)} (${requestedAt}).`,
  claimAboveApproval: (at: string, claimed: number, approvedAt: string, approved: number) =>
    `${at}: claims ${show(claimed)}, more than its approval of ${show(approved)} (${approvedAt}).`,
  paymentAbovePaidClaim: (at: string, paid: number, claimedAt: string, claimed: number) =>
    `${at}: pays ${show(paid)}, more than its claim of ${show(claimed)} (${claimedAt}).`,
  approvalInUndecided: (at: string, state: string, approved: number) =>
    `${at}: a ${state} request has no approved amount, got ${show(approved)}; set its state to Approved, Claimed or Paid.`,
  approvalMissing: (at: string, state: string) =>
    `${at}: a ${state} request needs its approved amount (above 0), got a blank or 0.`,
  overCommitted: (arg: string, allocated: number, approved: number, pending: number) =>
    `${arg}: approved (${show(approved)}) and pending (${show(pending)}) requests come to ${show(approved + pending)}, more than the ${show(allocated)} allocated; raise the allocation or decline requests.`,
  nothingPaid: (arg: string) => `${arg}: no funds were paid (the total is 0), so there is no return to measure.`,
  nothingFunded: (arg: string) => `${arg}: no activity has funds above 0.`,
  historyColumns: (arg: string, expected: number, got: number) =>
    `${arg}: expected one column per target (${plural(expected, "column")}), got ${got}.`,
  kpiOutOfRange: (arg: string, value: number, count: number) =>
    `${arg}: expected the number of a target from 1 to ${count}, got ${show(value)}.`,
  tooManyDraws: (arg: string, trials: number, deals: number, max: number) =>
    `${arg}: ${trials.toLocaleString("en-US")} trials of ${plural(deals, "deal")} is more than the ${max.toLocaleString("en-US")} draws allowed; use fewer trials.`,
  noStatement: (arg: string) => `${arg}: there is no statement to check (blank).`,
  notAPeriod: (at: string, value: unknown) => `${at}: expected a period (a quarter such as "2026-Q3", a year such as 2026, or a month such as "2026-07"), got ${show(value)}.`,
  notAnOutcome: (at: string, value: unknown) => `${at}: expected a deal outcome (Won, Lost or Open), got ${show(value)}.`,
  notAMeasure: (arg: string, value: unknown, measures: readonly string[]) => `${arg}: expected one of ${list(measures)}, got ${show(value)}.`,
  measureNeeds: (measure: string, arg: string) => `${measure} needs the ${arg} argument (a column of the Deals table).`,
} as const;

/**
 * Account mapping, deal registration conflicts, lead SLAs and attribution. Kept apart, as
 * `planningMessages`, so that bundles that use none of them leave them out.
 */
export const accountMessages = {
  twoColumns: (arg: string, columns: number) =>
    `${arg}: expected 2 columns (domain or name, status), got ${plural(columns, "column")}; with a wider table, give HSTACK(domains, statuses).`,
  acceptedBeforeSent: (at: string, accepted: string, sent: string) => `${at}: accepted on ${accepted}, before the lead was sent (${sent}).`,
  tooManyConflicts: (arg: string, max: number) =>
    `${arg}: more than ${max.toLocaleString("en-US")} conflicting pairs of deals; check fewer deals at a time (one region or quarter).`,
} as const;
