// The safety valves: each names its limit and the evidence that tripped it.
import type { FactoryEvent, ValveName } from '../contract/events.js';
import { describeFingerprint } from '../test-runner/failure-fingerprint.js';

export type TaskCounters = {
  /** Rounds played in this task. */
  rounds: number;
  failStreak: number;
  idleStreak: number;
  /** Rounds granted beyond MAX_ROUNDS by the human resuming after that valve. */
  extraRounds: number;
  /** Failing rounds in a row with the same fingerprint, and that fingerprint. */
  sameFailures: number;
  fingerprint?: string;
};

export type Limits = { maxRounds: number; maxFailStreak: number; maxIdleRounds: number; maxSameFailure: number };

export const roundsAllowed = (counters: TaskCounters, limits: Pick<Limits, 'maxRounds'>): number =>
  limits.maxRounds + counters.extraRounds;
export type Trip = { valve: ValveName; reason: string; evidence: string };

/** Checked before every worker call, so a tripped valve never costs another model call. */
export function checkValves(counters: TaskCounters, limits: Limits, lastHeadline: string): Trip | undefined {
  const allowed = roundsAllowed(counters, limits);
  if (counters.rounds >= allowed) {
    return {
      valve: 'max_rounds',
      reason: `MAX_ROUNDS reached (${allowed} rounds)`,
      evidence: `${counters.rounds} rounds played, last tests: ${lastHeadline}`,
    };
  }
  if (counters.failStreak >= limits.maxFailStreak) {
    return {
      valve: 'fail_streak',
      reason: `MAX_FAIL_STREAK reached (${limits.maxFailStreak} failing rounds in a row)`,
      evidence: `${counters.failStreak} failing rounds in a row, last tests: ${lastHeadline}`,
    };
  }
  if (counters.fingerprint && counters.sameFailures >= limits.maxSameFailure) {
    return {
      valve: 'same_failure',
      reason: `MAX_SAME_FAILURE reached (${limits.maxSameFailure} rounds failing the same way, files changed or not)`,
      evidence: `${counters.sameFailures} rounds: ${describeFingerprint(counters.fingerprint)}`,
    };
  }
  if (counters.idleStreak >= limits.maxIdleRounds) {
    return {
      valve: 'idle_rounds',
      reason: `MAX_IDLE_ROUNDS reached (${limits.maxIdleRounds} rounds with no file change)`,
      evidence: `${counters.idleStreak} rounds in a row changed no file`,
    };
  }
  return undefined;
}

/** The counters after a round: a green round ends the fail streak, a round that changed files the idle streak. */
export function countRound(
  counters: TaskCounters,
  round: { green: boolean; changed: boolean; fingerprint?: string },
): TaskCounters {
  const { fingerprint } = round;
  return {
    ...counters,
    failStreak: round.green ? 0 : counters.failStreak + 1,
    idleStreak: round.changed ? 0 : counters.idleStreak + 1,
    sameFailures: fingerprint === undefined ? 0 : fingerprint === counters.fingerprint ? counters.sameFailures + 1 : 1,
    fingerprint,
  };
}

/** After the human resumes a tripped task, the valve's count starts again. */
export function resetValve(counters: TaskCounters, valve: ValveName): TaskCounters {
  if (valve === 'max_rounds') return { ...counters, extraRounds: counters.rounds };
  if (valve === 'fail_streak') return { ...counters, failStreak: 0 };
  if (valve === 'idle_rounds') return { ...counters, idleStreak: 0 };
  return { ...counters, sameFailures: 0 };
}

/**
 * A task's counters rebuilt from its events (from its task:started on), by the same steps the loop took: countRound
 * after each finished round, resetValve where the human resumed past a tripped valve (valve:tripped, then
 * engine:resumed before the next round). A round started and never finished does not count.
 */
export function replayCounters(events: readonly FactoryEvent[]): TaskCounters {
  let counters: TaskCounters = { rounds: 0, failStreak: 0, idleStreak: 0, extraRounds: 0, sameFailures: 0 };
  let tripped: ValveName | undefined;
  for (const event of events) {
    if (event.type === 'valve:tripped') tripped = event.valve;
    else if (event.type === 'engine:resumed' && tripped) counters = resetValve(counters, tripped);
    else if (event.type === 'round:finished') {
      const { record } = event;
      counters = countRound(
        { ...counters, rounds: record.round },
        { green: record.green, changed: record.commit !== undefined, fingerprint: record.fingerprint },
      );
    }
    // A pause the human ended by a stop lifts nothing: the next part of the run starts afresh.
    if (event.type === 'engine:resumed' || event.type === 'round:started' || event.type === 'run:started')
      tripped = undefined;
  }
  return counters;
}
