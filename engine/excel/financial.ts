/**
 * Excel-compatible financial functions: NPV, IRR and the textbook payback period.
 *
 * Each function comes twice: a fast core over a plain array of numbers (`npvOf`, `irrOf`,
 * `paybackOf`), used by the models' hot loops, which signals failure with NaN or Infinity, and the
 * checked function users call (`npv`, `irr`, `payback`), which returns an EngineError instead.
 *
 * Powers are built by repeated multiplication (IEEE basic arithmetic only), so results are the same
 * on every JavaScript engine; sums are compensated (Neumaier), as LibreOffice Calc does, so that
 * long or cancelling series lose no precision.
 */
import { fail, guard } from "../error";
import { messages } from "../messages";

// Local names for the built-ins of the hot loops: a host that resolves globals slowly (such as a
// sandboxed realm) then costs nothing per cash flow.
const abs = Math.abs;
const isFinite = Number.isFinite;

/** The relative step below which IRR's Newton iteration has converged: Excel's 0.00001 %. */
export const IRR_TOLERANCE = 1e-7;
/** Excel gives up on IRR after 20 Newton steps. */
export const IRR_MAX_STEPS = 20;
export const IRR_DEFAULT_GUESS = 0.1;

/**
 * Net present value of `count` values (from `values[offset]`) at the end of periods 1, 2, … (Excel
 * NPV: the first value is discounted once). NaN when the rate is −1; ±Infinity or NaN on overflow.
 */
export function npvOf(rate: number, values: ArrayLike<number>, count = values.length, offset = 0): number {
  const growth = 1 + rate;
  let factor = 1;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < count; i++) {
    factor *= growth;
    const term = values[offset + i] / factor;
    const next = sum + term;
    compensation += abs(sum) >= abs(term) ? sum - next + term : term - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * Internal rate of return with Excel's semantics: Newton's method from `guess` on
 * f(x) = Σ values[t] / (1 + x)^t (t from 0), at most 20 steps, converged when a step moves x by less
 * than 1e-7. NaN (Excel's #NUM!) when the values do not change sign, when the iteration leaves the
 * finite numbers (a zero derivative, an overflow) or when it has not converged after 20 steps.
 *
 * The step is safeguarded only where plain Newton would break down (division by zero, overflow),
 * so it follows exactly the path Excel's and LibreOffice's Newton iteration take from the same
 * guess and stops on the same root.
 */
export function irrOf(values: ArrayLike<number>, guess = IRR_DEFAULT_GUESS, count = values.length, offset = 0): number {
  let positive = false;
  let negative = false;
  for (let i = 0; i < count; i++) {
    const v = values[offset + i];
    if (v > 0) positive = true;
    else if (v < 0) negative = true;
  }
  if (!positive || !negative) return NaN;
  // A guess of exactly −1 would divide by zero; LibreOffice starts from 10 % instead.
  let x = guess === -1 ? IRR_DEFAULT_GUESS : guess;
  let step = Infinity;
  for (let n = 0; n < IRR_MAX_STEPS && step > IRR_TOLERANCE; n++) {
    const growth = 1 + x;
    // f and f' with compensated sums; (1 + x)^t by repeated multiplication.
    let power = 1;
    let f = 0;
    let fc = 0;
    let d = 0;
    let dc = 0;
    for (let t = 0; t < count; t++) {
      const v = values[offset + t];
      const term = v / power;
      let next = f + term;
      fc += abs(f) >= abs(term) ? f - next + term : term - next + f;
      f = next;
      power *= growth;
      const slope = (-t * v) / power;
      next = d + slope;
      dc += abs(d) >= abs(slope) ? d - next + slope : slope - next + d;
      d = next;
    }
    const fx = f + fc;
    const dfx = d + dc;
    const next = x - fx / dfx;
    if (!isFinite(next)) return NaN;
    step = abs(next - x);
    x = next;
  }
  if (guess === 0 && abs(x) < IRR_TOLERANCE) x = 0;
  return step < IRR_TOLERANCE ? x : NaN;
}

/**
 * Textbook payback period: `first` is the flow at time 0 and `flows[i]` the flow of period i + 1.
 * The number of periods until the running total turns non-negative for good, interpolated within
 * the period; 0 when the running total is never negative; Infinity when it never recovers.
 */
export function paybackOf(first: number, flows: ArrayLike<number>, count = flows.length, offset = 0): number {
  // The last period whose running total is negative decides.
  let total = first;
  let lastNegative = total < 0 ? 0 : -1;
  let shortfall = total < 0 ? -total : 0;
  for (let i = 0; i < count; i++) {
    total += flows[offset + i];
    if (total < 0) {
      lastNegative = i + 1;
      shortfall = -total;
    }
  }
  if (lastNegative < 0) return 0;
  if (lastNegative === count) return Infinity;
  return lastNegative + shortfall / flows[offset + lastNegative];
}

const NAMES = { rate: "rate", values: "values", guess: "guess", cashflows: "cashflows" } as const;

/** `PARTNER.NPV`: Excel's NPV of `values` (numbers only) at `rate`. */
export const npv = guard((rate: number, values: readonly number[]): number => {
  if (!isFinite(rate)) fail("#VALUE!", messages.notNumber(NAMES.rate, rate));
  if (values.length === 0) fail("#N/A", messages.noCashflows(NAMES.values));
  if (rate === -1) fail("#DIV/0!", messages.rateMinusOne(NAMES.rate));
  const result = npvOf(rate, values);
  if (!isFinite(result)) fail("#NUM!", messages.overflow(NAMES.values));
  return result;
});

/** `PARTNER.IRR`: Excel's IRR of `values` (numbers only); #NUM! where Excel gives it. */
export const irr = guard((values: readonly number[], guess: number = IRR_DEFAULT_GUESS): number => {
  if (!isFinite(guess)) fail("#VALUE!", messages.notNumber(NAMES.guess, guess));
  const result = irrOf(values, guess);
  if (Number.isNaN(result)) fail("#NUM!", messages.irrNoResult(NAMES.values));
  return result;
});

/** `PARTNER.PAYBACK`: periods until the running total of `cashflows` (first at time 0) recovers for good. */
export const payback = guard((cashflows: readonly number[]): number => {
  if (cashflows.length === 0) fail("#N/A", messages.noCashflows(NAMES.cashflows));
  const result = paybackOf(cashflows[0], cashflows.slice(1));
  if (result === Infinity) fail("#N/A", messages.neverPaysBack(NAMES.cashflows));
  if (!isFinite(result)) fail("#NUM!", messages.overflow(NAMES.cashflows));
  return result;
});
