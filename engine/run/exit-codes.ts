// Exit codes of `factory run`, one per kind of ending (documented in the README).
import type { RunOutcome } from '../contract/events.js';

export const exitCodes = {
  green: 0,
  error: 1,
  usage: 2,
  valve: 3,
  stopped: 4,
  failed: 5,
  cap: 6,
} as const satisfies Record<RunOutcome | 'usage', number>;

export function exitCodeFor(outcome: RunOutcome): number {
  return exitCodes[outcome];
}
