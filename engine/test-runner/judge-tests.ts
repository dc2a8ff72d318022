// Decides whether a task is green: its own tests pass and no test that passed in the baseline fails now.
import picomatch from 'picomatch';
import { fileOfTestId, normaliseTestId, normaliseTestPattern } from './test-id.js';
import type { Judgement, TestCounts, TestOutcome, TestSummary } from '../contract/test-summary.js';

/** counts: the suite's totals before round 1 (absent in baselines recorded by older versions). */
export type Baseline = { tests: Record<string, TestOutcome>; headline: string; counts?: TestCounts };

const failed = (outcome: TestOutcome | undefined): boolean => outcome === 'failed' || outcome === 'errored';

/** A test of the task: its file or id matches one of the task's patterns; every test when the task names none. */
export function isOwnTest(id: string, ownPatterns: readonly string[]): boolean {
  if (ownPatterns.length === 0) return true;
  const normal = normaliseTestId(id);
  return ownPatterns.some((pattern) => {
    const match = picomatch(normaliseTestPattern(pattern));
    return match(fileOfTestId(normal)) || match(normal);
  });
}

export function judgeTests(tests: TestSummary, ownPatterns: string[], baseline?: Baseline): Judgement {
  if (tests.untrusted)
    return { green: false, ownFailing: [], regressions: [], failingBefore: [], note: tests.untrusted };
  const ids = Object.keys(tests.tests);
  if (tests.timedOut || ids.length === 0) {
    const note = tests.timedOut
      ? undefined
      : `per-test results could not be read from ${tests.runner} output: judged on the whole suite`;
    return { green: tests.green, ownFailing: [], regressions: [], failingBefore: [], note };
  }
  const isOwn = (id: string): boolean => isOwnTest(id, ownPatterns);
  const own = ids.filter(isOwn);
  const ownFailing = own.filter((id) => failed(tests.tests[id]));
  // A baseline recorded before ids were normalised (a resumed run) still lines up with today's ids.
  const before = Object.fromEntries(
    Object.entries(baseline?.tests ?? {}).map(([id, outcome]) => [normaliseTestId(id), outcome]),
  );
  const regressions = ids.filter((id) => before[id] === 'passed' && failed(tests.tests[id]));
  const failingBefore = ids.filter((id) => !isOwn(id) && failed(before[id]) && failed(tests.tests[id]));
  const unexplained = ids.filter(
    (id) => !isOwn(id) && failed(tests.tests[id]) && !failed(before[id]) && before[id] !== 'passed',
  );
  const anyFailing = ids.some((id) => failed(tests.tests[id]));
  const note =
    own.length === 0
      ? `the task's tests ${ownPatterns.join(', ')} were not found in the results`
      : tests.exitCode !== 0 && !anyFailing
        ? `the test command exited ${tests.exitCode} although no test failed`
        : undefined;
  const green =
    !note &&
    ownFailing.length === 0 &&
    regressions.length === 0 &&
    unexplained.length === 0 &&
    own.some((id) => tests.tests[id] === 'passed');
  return { green, ownFailing: [...ownFailing, ...unexplained], regressions, failingBefore, note };
}
