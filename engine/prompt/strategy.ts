// The strategy line of a prompt, chosen by how the tests moved between the last rounds (the seeds' "smart prompts").
import type { StrategyId } from '../contract/round-record.js';

export type Strategy = { id: StrategyId; line: string };

export type StrategyInput = {
  /** Round about to run, 1-based within the task. */
  round: number;
  /** The task before this one went green (fail→pass). */
  previousTaskGreen: boolean;
  /** Failing rounds in a row so far in this task. */
  failStreak: number;
  /** Tests that passed before the last round and fail after it (pass→fail). */
  broken: string[];
};

export function chooseStrategy(input: StrategyInput): Strategy {
  if (input.round === 1) {
    return input.previousTaskGreen
      ? {
          id: 'next-task',
          line:
            'fail→pass: the previous task is fixed and green. Go on to this task: read its tests, then write the ' +
            'code that makes them pass.',
        }
      : { id: 'first', line: 'First round: read the task and its tests, then write the code that makes them pass.' };
  }
  if (input.broken.length > 0) {
    return {
      id: 'broke',
      line:
        `pass→fail: you broke it last round (${input.broken.slice(0, 5).join(', ')} passed before and fail now). ` +
        'Revert that change or fix it before anything else.',
    };
  }
  if (input.failStreak >= 2) {
    return {
      id: 'change-strategy',
      line:
        `fail→fail: the tests have failed ${input.failStreak} rounds in a row. Stop and change strategy: do not ` +
        'repeat the last approach; re-read the failing test and the error, then try a different one.',
    };
  }
  return {
    id: 'still-failing',
    line: 'fail→fail: the tests still fail after your last round. Read the failures below and fix their cause.',
  };
}
