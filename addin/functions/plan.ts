/*
 * Performance to plan, tasks and plan approvals: PARTNER.ATTAINMENT, PARTNER.PACE, PARTNER.STATUS,
 * PARTNER.ROLLUP, PARTNER.TASKSTATUS, PARTNER.APPROVALS; the plan's realism and its joint value
 * proposition: PARTNER.PLAN.CHECK, PARTNER.JVP.CHECK.
 */
import { guard, isEngineError } from "../../engine/error";
import { MAX_INPUT_CELLS, cellAt, isBlank } from "../../engine/input";
import {
  approvalTable,
  approvalColumnsByQuarter,
  attainment as attainmentModel,
  pace as paceModel,
  planAttainment as planAttainmentModel,
  ROLLUP_COLUMNS,
  RollupGroups,
  rollupTable,
  rollup as rollupModel,
  status as statusModel,
  taskStatus as taskStatusModel,
} from "../../engine/plan";
import { checkProposition, propositionTable, propositionVerdict } from "../../engine/plan/proposition";
import { DEFAULT_PLAN_TRIALS, MAX_PLAN_TRIALS, type PipelineDeal, planCheck as planCheckModel, planCheckTable } from "../../engine/plan/realism";
import { EngineError } from "../../engine/error";
import { ACTUAL_MEASURES, dealActuals, measureOf } from "../../engine/plan/actuals";
import { messages, planningMessages } from "../../engine/messages";
import { MAX_SPILL_CELLS, blankCells, excelFunction, read } from "./excel";

const fail = (message: string) => new EngineError("#VALUE!", message);

/** Actuals and targets: a blank cell is 0. */
const amount = read.number({ default: 0 });

const ATTAINMENT = excelFunction({ actual: amount, target: amount }, (a) => attainmentModel(a.actual, a.target));

const PLAN_ATTAINMENT = excelFunction(
  { actuals: read.numbers(), targets: read.numbers(), weights: read.optional(read.numbers()), cap: read.optionalNumber({ zeroMeansOmitted: true }) },
  (a) => {
    const n = a.targets.length;
    if (a.actuals.length !== n) return fail(messages.sameCount("actuals", "targets", n, a.actuals.length));
    if (a.weights && a.weights.length !== n) return fail(messages.sameCount("weights", "targets", n, a.weights.length));
    return planAttainmentModel(
      a.targets.map((target, i) => ({ actual: a.actuals[i], target, weight: a.weights?.[i] ?? null })),
      a.cap ?? undefined,
    );
  },
);

const PACE = excelFunction(
  { actual: amount, target: amount, period_start: read.date(), period_end: read.date(), as_of: read.date({ optional: true }) },
  (a) => paceModel(a.actual, a.target, a.period_start!, a.period_end!, a.as_of),
);

const STATUS = excelFunction(
  {
    actual: amount,
    target: amount,
    at_risk: read.optionalNumber({ zeroMeansOmitted: true }),
    off_track: read.optionalNumber({ zeroMeansOmitted: true }),
  },
  (a) => statusModel(a.actual, a.target, a.at_risk ?? undefined, a.off_track ?? undefined),
);

const ROLLUP = excelFunction({ keys: read.labels(), actuals: read.amounts(), targets: read.amounts() }, (a) => {
  const rows = rollupModel(a.keys, a.actuals, a.targets);
  return isEngineError(rows) ? rows : blankCells(rollupTable(rows));
});

const TASKSTATUS = excelFunction(
  { due: read.date({ optional: true }), done: read.dateOrFlag(), as_of: read.date({ optional: true }) },
  (a) => taskStatusModel(a.due, a.done, a.as_of),
);

const APPROVALS = excelFunction(
  { periods: read.labels(), states: read.labels(), accepted_on: read.labels() },
  (a) => {
    const rows = approvalColumnsByQuarter(a.periods, a.states, a.accepted_on);
    return isEngineError(rows) ? rows : approvalTable(rows);
  },
);

const PLAN_CHECK = excelFunction(
  {
    targets: read.numbers(),
    history: read.table(),
    pipeline: read.optional(read.numbers()),
    win_rates: read.optional(read.numbers()),
    booked: amount,
    pipeline_kpi: read.number({ default: 1, integer: true, min: 1, zeroMeansDefault: true }),
    trials: read.number({ default: DEFAULT_PLAN_TRIALS, integer: true, min: 1, max: MAX_PLAN_TRIALS, zeroMeansDefault: true }),
    seed: read.number({ default: 1, zeroMeansDefault: true }),
  },
  (a, context) => {
    const kpis = a.targets.length;
    if (kpis === 0) return fail(messages.required("targets"));
    const { data, rows, columns } = a.history;
    // One target: the whole range is its network. Several: a column per target, in order.
    if (kpis !== 1 && columns !== kpis) return fail(planningMessages.historyColumns("history", kpis, columns));
    const reached = Array.from({ length: kpis }, (_, k) => {
      const values: number[] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = kpis === 1 ? 0 : k; c < (kpis === 1 ? columns : k + 1); c++) {
          const v = data[r * columns + c];
          if (!Number.isNaN(v)) values.push(v);
        }
      }
      return values;
    });
    const amounts = a.pipeline ?? [];
    const rates = a.win_rates;
    if (amounts.length && !rates) return fail(messages.required("win_rates"));
    if (rates && rates.length !== 1 && rates.length !== amounts.length) {
      return fail(messages.sameCountOrOne("win_rates", "pipeline", amounts.length, rates.length));
    }
    const deals: PipelineDeal[] = amounts.map((amount, i) => ({ amount, winRate: rates!.length === 1 ? rates![0] : rates![i] }));
    const at = (arg: string, i: number) => cellAt(arg, context.grid(arg), arg === "win_rates" && rates!.length === 1 ? 0 : i);
    const lines = planCheckModel({
      targets: a.targets,
      reached,
      deals,
      pipelineKpi: a.pipeline_kpi - 1,
      simulation: { booked: a.booked, trials: a.trials, seed: a.seed, at },
      targetAt: (i) => at("targets", i),
    });
    return isEngineError(lines) ? lines : blankCells(planCheckTable(lines));
  },
);

const ACTUALS = excelFunction(
  {
    partner_ids: read.labels(),
    amounts: read.numbers(),
    outcomes: read.labels(),
    opened: read.dates(),
    closed: read.dates(),
    partner: read.labels(),
    period: read.cells(),
    measure: read.optional(read.text()),
    accounts: read.optionalRange(read.labels()),
    registered: read.optionalRange(read.dates()),
  },
  (a, context) => {
    const measure = a.measure ? measureOf(a.measure) : "Revenue";
    if (!measure) return fail(planningMessages.notAMeasure("measure", a.measure, ACTUAL_MEASURES));
    if (measure === "New customers" && !a.accounts) return fail(planningMessages.measureNeeds(measure, "accounts"));
    if (measure === "Deals registered" && !a.registered) return fail(planningMessages.measureNeeds(measure, "registered"));
    const n = a.partner_ids.length;
    for (const [name, list] of Object.entries({ amounts: a.amounts, outcomes: a.outcomes, opened: a.opened, closed: a.closed, accounts: a.accounts, registered: a.registered })) {
      if (list && list.length !== n) return fail(messages.sameCount(name, "partner_ids", n, list.length));
    }
    const periods = a.period!.flat().map((cell) => (typeof cell === "string" ? cell.trim() || null : typeof cell === "number" && cell !== 0 ? cell : null));
    // A blank cell in a row of periods (a header row with a gap) gives a blank column, not an error.
    const given = periods.flatMap((p, i) => (p === null ? [] : [{ period: p, index: i }]));
    if (!given.length) return fail(messages.required("period"));
    if (!a.partner.length) return fail(messages.required("partner"));
    if (a.partner.length * periods.length > MAX_SPILL_CELLS) return fail(messages.spillTooLarge(a.partner.length, periods.length, MAX_SPILL_CELLS));
    const deals = a.partner_ids.map((partner, i) => ({
      partner,
      amount: a.amounts[i],
      outcome: a.outcomes[i],
      opened: a.opened[i],
      closed: a.closed[i],
      account: a.accounts?.[i] ?? null,
      registered: a.registered?.[i] ?? null,
    }));
    const at = (arg: "amounts" | "outcomes" | "periods", i: number) => (arg === "periods" ? cellAt("period", context.grid("period"), given[i].index) : cellAt(arg, context.grid(arg), i));
    const result = dealActuals(deals, a.partner, given.map((g) => g.period), measure, at);
    if (isEngineError(result)) return result;
    if (given.length === periods.length) return result;
    return result.map((row) => {
      const out: (number | string)[] = periods.map(() => "");
      given.forEach((g, k) => (out[g.index] = row[k]));
      return out;
    });
  },
);

const JVP_CHECK = excelFunction({ statement: read.text(), detail: read.flag(false) }, (a) => {
  const check = checkProposition(a.statement);
  if (isEngineError(check)) return check;
  return a.detail ? propositionTable(check) : [[propositionVerdict(check)]];
});

/**
 * A plan's actual worked out from the deals: Revenue (won, closed in the period), Pipeline (amounts of deals opened in the period), New customers (accounts won for the first time in the period), Deals won, or Deals registered. Give the Deals table's columns; one partner and period give one figure, a column of partners and a row of periods spill a grid.
 * @customfunction ACTUALS
 * @param partner_ids Each deal's partner, such as Deals[PartnerId].
 * @param amounts Each deal's amount (blank = 0).
 * @param outcomes Each deal's outcome: Won, Lost or Open (blank = open).
 * @param opened Each deal's opening date.
 * @param closed Each deal's closing date.
 * @param partner The partner's id, or a range of ids (one row of results each).
 * @param period A quarter ("2026-Q3"), a year (2026) or a month ("2026-07"), or a range of them (one column each).
 * @param [measure] Revenue (default), Pipeline, New customers, Deals won or Deals registered.
 * @param [accounts] Each deal's account, such as Deals[AccountId]: needed for New customers.
 * @param [registered] Each deal's registration date: needed for Deals registered.
 * @returns The measure for each partner (rows) and period (columns).
 */
export function actuals(
  partner_ids: any[][],
  amounts: any[][],
  outcomes: any[][],
  opened: any[][],
  closed: any[][],
  partner: any[][],
  period: any[][],
  measure?: any,
  accounts?: any[][],
  registered?: any[][],
): any[][] {
  return ACTUALS({ partner_ids, amounts, outcomes, opened, closed, partner, period, measure, accounts, registered });
}

/**
 * Performance to plan: actual divided by target (format the cell as a percentage). A target of 0 or less gives #DIV/0!.
 * @customfunction ATTAINMENT
 * @param actual Actual result so far (blank = 0).
 * @param target Planned target, greater than 0.
 * @returns Attainment, 1 = 100% of plan.
 */
export function attainment(actual: any, target: any): number {
  return ATTAINMENT({ actual, target });
}

/**
 * A plan's attainment over KPIs in different units (revenue, new customers, certified staff): the weighted mean of each KPI's actual ÷ target, each counting up to cap (default 100%, so that overdoing one KPI does not make up for another). KPIs with a blank or 0 target are left out; so are KPIs with a blank or 0 weight when others have one.
 * @customfunction PLAN.ATTAINMENT
 * @param actuals Actual of each KPI (blank = 0).
 * @param targets Target of each KPI; KPIs whose target is blank or 0 are left out.
 * @param [weights] Weight of each KPI. Default (or all blank): every KPI weighs the same.
 * @param [cap] How much one KPI can count, as a share of its target. Default 1 (100%); 1.2 lets a KPI count up to 120%.
 * @returns Attainment of the plan, 1 = 100% of plan.
 */
export function planAttainment(actuals: any[][], targets: any[][], weights?: any[][], cap?: any): number {
  return PLAN_ATTAINMENT({ actuals, targets, weights, cap });
}

/**
 * Pace to plan: attainment divided by the share of the period elapsed (whole days, counting the first and the as_of day). Above 1 the partner is ahead of a linear plan, below 1 behind it. #N/A before the period starts.
 * @customfunction PACE
 * @param actual Actual result so far (blank = 0).
 * @param target Target for the whole period, greater than 0.
 * @param period_start First day of the period (a date).
 * @param period_end Last day of the period (a date).
 * @param [as_of] Day of the measurement. Default today.
 * @returns Attainment divided by the elapsed share of the period.
 */
export function pace(actual: any, target: any, period_start: any, period_end: any, as_of?: any): number {
  return PACE({ actual, target, period_start, period_end, as_of });
}

/**
 * Traffic-light status of performance to plan: On track when attainment is at least 1 − at_risk, At risk when at least 1 − off_track, Off track below that.
 * @customfunction STATUS
 * @param actual Actual result so far (blank = 0).
 * @param target Planned target, greater than 0.
 * @param [at_risk] Shortfall still counted as on track. Default 0.1 (on track from 90% of plan).
 * @param [off_track] Shortfall beyond which the plan is off track. Default 0.25 (off track below 75%).
 * @returns On track, At risk or Off track.
 */
export function status(actual: any, target: any, at_risk?: any, off_track?: any): string {
  return STATUS({ actual, target, at_risk, off_track });
}

/**
 * Rolls performance to plan up by territory, region, channel manager or any key: a header row, then one row per distinct key (first-seen order, case-insensitive) with total actual, total target and attainment.
 * @customfunction ROLLUP
 * @param keys The key of each row (territory, region, channel manager…).
 * @param actuals Actual of each row (blank = 0).
 * @param targets Target of each row (blank = 0).
 * @returns Key, Actual, Target, Attainment for each distinct key.
 */
export function rollup(keys: any[][], actuals: any[][], targets: any[][]): any[][] {
  return quickRollup(keys, actuals, targets) ?? ROLLUP({ keys, actuals, targets });
}

/**
 * ROLLUP of three plain ranges of one shape (keys that are text, numbers, TRUE/FALSE or blank;
 * figures that are numbers or blank), grouped as it reads them — a million rows need no array of
 * keys or figures in between. Anything else (`undefined`) goes the careful way, which reads each
 * range whole and says what is wrong where; both group with the engine's RollupGroups.
 */
function quickRollup(keys: unknown, actuals: unknown, targets: unknown): any[][] | undefined {
  if (!Array.isArray(keys) || !Array.isArray(actuals) || !Array.isArray(targets)) return undefined;
  const rows = keys.length;
  if (rows === 0 || actuals.length !== rows || targets.length !== rows) return undefined;
  const columns = Array.isArray(keys[0]) ? keys[0].length : -1;
  if (columns <= 0 || rows * columns > MAX_INPUT_CELLS) return undefined;
  const groups = new RollupGroups();
  for (let r = 0; r < rows; r++) {
    const keyRow = keys[r];
    const actualRow = actuals[r];
    const targetRow = targets[r];
    if (!Array.isArray(keyRow) || !Array.isArray(actualRow) || !Array.isArray(targetRow)) return undefined;
    if (keyRow.length !== columns || actualRow.length !== columns || targetRow.length !== columns) return undefined;
    for (let c = 0; c < columns; c++) {
      const cell = keyRow[c];
      let key: string | null;
      if (typeof cell === "string") key = cell.trim() || null;
      else if (typeof cell === "number") key = cell === 0 ? null : String(cell);
      else if (typeof cell === "boolean") key = cell ? "TRUE" : "FALSE";
      else if (cell === null || cell === undefined) key = null;
      else return undefined;
      const actual = plainAmount(actualRow[c]);
      const target = plainAmount(targetRow[c]);
      if (actual === undefined || target === undefined) return undefined;
      groups.add(key, actual, target);
    }
  }
  const rolled = guard(() => groups.rows())();
  if (isEngineError(rolled) || (rolled.length + 1) * ROLLUP_COLUMNS.length > MAX_SPILL_CELLS) return undefined;
  return blankCells(rollupTable(rolled));
}

/** A figure cell as ROLLUP reads it when it is plain: a finite number, or blank (0); `undefined` otherwise. */
function plainAmount(cell: unknown): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  return isBlank(cell) ? 0 : undefined;
}

/**
 * Status of a plan task: Done when it has a completion date, Past due when its due date has passed, Due soon when due within 14 days, otherwise Pending.
 * @customfunction TASKSTATUS
 * @param due Due date of the task (blank: no due date, Pending until done).
 * @param done Completion date, or TRUE when done; blank when not done.
 * @param [as_of] Day to judge on. Default today.
 * @returns Done, Past due, Due soon or Pending.
 */
export function taskStatus(due: any, done: any, as_of?: any): string {
  return TASKSTATUS({ due, done, as_of });
}

/**
 * Roll-up of plan acceptance and approval by quarter, from an Approvals table: a header row, then one row per quarter (oldest first) with the number of plans, accepted by the partner, approved by the channel executive, approved without the partner's acceptance, and still open (Draft or Submitted).
 * @customfunction APPROVALS
 * @param periods Plan period of each row: a quarter such as 2026-Q3 or Q3 2026, or a date.
 * @param states Workflow state of each plan: Draft, Submitted, Accepted or Approved.
 * @param accepted_on When the partner accepted each plan (any non-blank value counts as accepted).
 * @returns Quarter, Plans, Accepted, Approved, Approved without acceptance, Open.
 */
export function approvals(periods: any[][], states: any[][], accepted_on: any[][]): any[][] {
  return APPROVALS({ periods, states, accepted_on });
}

/**
 * Realism of a plan's KPI targets against the network: for each target, its percentile among what comparable partners reached (PERCENTRANK.INC, whole percents), a label (Stretch from P75, Within reach from P50, Below median, Beyond the network above every partner), and for the pipeline's KPI the probability of reaching it, from a seeded simulation of the partner's open deals.
 * @customfunction PLAN.CHECK
 * @param targets The plan's KPI targets (blank or 0: no target). Put revenue first, or say which it is with pipeline_kpi.
 * @param history What comparable partners reached: a row per partner, a column per target in the same order (one target: any range). Blank cells are left out.
 * @param [pipeline] Amounts of the partner's open deals in the period.
 * @param [win_rates] Chance of winning each deal (0 to 1), or one rate for all, such as the network's PARTNER.WINRATE.
 * @param [booked] What the partner has already reached on the pipeline's KPI this period (blank = 0).
 * @param [pipeline_kpi] Which target the deals count towards, 1 for the first (default 1).
 * @param [trials] Simulated periods, 1 to 100,000. Default 10,000.
 * @param [seed] Seed of the random draws: the same seed gives the same probability. Default 1.
 * @returns Target, Percentile, Realism and Probability for each target.
 */
export function planCheck(
  targets: any[][],
  history: any[][],
  pipeline?: any[][],
  win_rates?: any[][],
  booked?: any,
  pipeline_kpi?: any,
  trials?: any,
  seed?: any,
): any[][] {
  return PLAN_CHECK({ targets, history, pipeline, win_rates, booked, pipeline_kpi, trials, seed });
}

/**
 * Checks a joint value proposition against the tests of a strong one: a quantified benefit (a figure such as 30%, $2M, 3x or 48 hours), a differentiator (comparative wording: than, unlike, only, faster…), readable in about five seconds (at 4 words a second, about 20 words) and plain words (no hype such as world-class or synergy). Says what the statement lacks, or OK.
 * @customfunction JVP.CHECK
 * @param statement The joint value proposition: one cell of text.
 * @param [detail] TRUE to spill each test with whether it passes and why. Default FALSE: one cell saying what is lacking.
 * @returns What the statement lacks, or a table of the four tests.
 */
export function jvpCheck(statement: any, detail?: any): any[][] {
  return JVP_CHECK({ statement, detail });
}
