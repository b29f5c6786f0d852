/**
 * The project's one seeded pseudo-random generator (sfc32, seeded through splitmix32). Only
 * 32-bit integer and IEEE-754 basic arithmetic is used, including in the logarithm behind the
 * normal draws, so the same seed gives bit-identical sequences on every JavaScript engine.
 */
export interface Random {
  /** Uniform on [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  /** Uniform integer on [0, 2^32): one step of the generator, for draws that need no more than 32 bits. */
  uint32(): number;
  /** Standard normal draw (Marsaglia's polar method). */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeds from any finite number: integers map directly, fractions and large values are folded in. */
function seedWords(seed: number): number {
  if (Number.isSafeInteger(seed)) return (seed ^ Math.floor(seed / 0x100000000)) >>> 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  return (view.getUint32(0) ^ Math.imul(view.getUint32(4), 0x9e3779b1)) >>> 0;
}

export function createRandom(seed = 1): Random {
  const mix = splitmix32(seedWords(seed));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();

  const next = () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  let spare: number | undefined;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    uint32: u32,
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * ln(s)) / s);
      spare = v * factor;
      return u * factor;
    },
  };
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/**
 * Natural logarithm of a positive finite number from basic arithmetic only (exponent split via
 * the IEEE-754 bits, then the atanh series), accurate to about one unit in the last place.
 */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  let exponent = ((high >>> 20) & 0x7ff) - 1023;
  if (exponent === -1023) {
    // Subnormal: scale into the normal range first.
    return ln(x * 18014398509481984) - 54 * LN2;
  }
  view.setUint32(0, (high & 0x800fffff) | 0x3ff00000);
  let m = view.getFloat64(0); // 1 <= m < 2
  if (m > SQRT2) {
    m /= 2;
    exponent += 1;
  }
  const s = (m - 1) / (m + 1); // |s| < 0.172
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let k = 1; k < 40; k += 2) {
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
    term *= s2;
  }
  return 2 * sum + exponent * LN2;
}
