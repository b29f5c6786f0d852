/** Small helpers shared by the sample data generators. */
import type { Random } from "../../engine/random";

/**
 * A probability from a score on any scale: 0 → 0.5, rising smoothly towards 1 (falling towards 0
 * for negative scores). Basic arithmetic only, so that samples are identical on every machine.
 */
export const chance = (score: number): number => 0.5 + (0.5 * score) / (1 + Math.abs(score));

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A whole score on 1–100. */
export const score100 = (x: number): number => clamp(Math.round(x), 1, 100);

/** A whole score on 0–100. */
export const score0to100 = (x: number): number => clamp(Math.round(x), 0, 100);

export const DAY_MS = 86_400_000;

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + Math.round(days) * DAY_MS);

/** True with probability p. */
export const happens = (random: Random, p: number): boolean => random.next() < p;

/** How a partner's strength shows in a given period: its latent quality, less while it is still onboarding. */
export const strength = (partner: { quality: number; status: string }): number =>
  partner.quality - (partner.status === "Onboarding" ? 0.8 : 0);
