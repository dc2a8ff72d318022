// The task's counters are folded, never changed in place: a round gives new counters, a resume past a valve too.
import { describe, expect, it } from 'vitest';
import { checkValves, countRound, resetValve, type TaskCounters } from '../../../engine/loop/valves.js';

const start: TaskCounters = { rounds: 1, failStreak: 0, idleStreak: 0, extraRounds: 0, sameFailures: 0 };
const limits = { maxRounds: 5, maxFailStreak: 3, maxIdleRounds: 2, maxSameFailure: 2 };

describe('task counters', () => {
  it('a failing round that changed nothing adds to both streaks; the same failure twice trips its valve', () => {
    const once = countRound(start, { green: false, changed: false, fingerprint: 'f1' });
    expect(once).toMatchObject({ failStreak: 1, idleStreak: 1, sameFailures: 1, fingerprint: 'f1' });
    expect(start).toMatchObject({ failStreak: 0, idleStreak: 0, sameFailures: 0 });
    const twice = countRound({ ...once, rounds: 2 }, { green: false, changed: true, fingerprint: 'f1' });
    expect(twice).toMatchObject({ failStreak: 2, idleStreak: 0, sameFailures: 2 });
    expect(checkValves(twice, limits, 'red')?.valve).toBe('same_failure');
    const other = countRound(twice, { green: false, changed: true, fingerprint: 'f2' });
    expect(other).toMatchObject({ sameFailures: 1, fingerprint: 'f2' });
  });

  it('a green round ends the fail streak and the same-failure count', () => {
    const red = countRound(start, { green: false, changed: true, fingerprint: 'f1' });
    expect(countRound(red, { green: true, changed: true })).toMatchObject({
      failStreak: 0,
      sameFailures: 0,
      fingerprint: undefined,
    });
  });

  it('resuming past a valve starts its count again, and MAX_ROUNDS grants as many rounds again', () => {
    const tripped: TaskCounters = { rounds: 5, failStreak: 3, idleStreak: 2, extraRounds: 0, sameFailures: 2 };
    expect(resetValve(tripped, 'max_rounds')).toMatchObject({ extraRounds: 5 });
    expect(
      checkValves(
        resetValve(tripped, 'max_rounds'),
        { ...limits, maxFailStreak: 9, maxIdleRounds: 9, maxSameFailure: 9 },
        'red',
      ),
    ).toBeUndefined();
    expect(resetValve(tripped, 'fail_streak')).toMatchObject({ failStreak: 0, idleStreak: 2 });
    expect(resetValve(tripped, 'idle_rounds')).toMatchObject({ idleStreak: 0, failStreak: 3 });
    expect(resetValve(tripped, 'same_failure')).toMatchObject({ sameFailures: 0 });
    expect(tripped).toMatchObject({ rounds: 5, failStreak: 3, idleStreak: 2, extraRounds: 0, sameFailures: 2 });
  });
});
