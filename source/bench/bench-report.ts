// What a sub-benchmark returns: measured figures, ratios between them, goals, and what could not be measured.
import type { Stats } from './stats.js';

/** One measured quantity, in milliseconds. */
export type Figure = { id: string; label: string; stats: Stats };

/** A ratio of two figures' medians measured in the same run (numerator / denominator). */
export type Ratio = { label: string; of: string; to: string; value: number };

/** A goal from SPEC section 7: a figure's median (or a ratio) must stay at or under `limit`. */
export type Goal = { label: string; subject: string; limit: number; actual: number; met: boolean };

export type BenchReport = {
  name: string;
  /** How it was measured, in one or two sentences. */
  method: string;
  figures: Figure[];
  ratios: Ratio[];
  goals: Goal[];
  /** Things that could not be measured in this build, and why. */
  unavailable: { label: string; reason: string }[];
};

export function ratio(label: string, of: Figure, to: Figure): Ratio {
  return { label, of: of.id, to: to.id, value: of.stats.median / to.stats.median };
}

export function goal(label: string, subject: string, limit: number, actual: number): Goal {
  return { label, subject, limit, actual, met: actual <= limit };
}
