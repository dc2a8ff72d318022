// The one line that says the suite's result and the task's verdict: "but" only where they differ, never a contradiction.
import { describe, expect, it } from 'vitest';
import { verdictText } from '../../../engine/test-runner/verdict-text.js';
import { testSummary } from '../../support/factory-events.js';
import type { Judgement } from '../../../engine/contract/test-summary.js';

const judged = (green: boolean, more: Partial<Judgement> = {}): Judgement => ({
  green,
  ownFailing: [],
  regressions: [],
  failingBefore: [],
  ...more,
});
const unread = 'per-test results could not be read from unknown output: judged on the whole suite';

describe('verdictText', () => {
  it.each([
    ['suite and task agree by the per-test rule', testSummary(2, 0), judged(true), undefined],
    ['suite and task both red', testSummary(0, 2), judged(false, { ownFailing: ['t::a'] }), undefined],
    [
      'suite green, and the task green on the whole suite',
      testSummary(2, 0),
      judged(true, { note: unread }),
      `suite 2/2 passing, and so the task is green: ${unread}`,
    ],
    [
      'suite red, and the task red on the whole suite',
      testSummary(0, 2),
      judged(false, { note: unread }),
      `suite 0/2 passing: ${unread}`,
    ],
    [
      'suite red, but the task green: only old failures',
      testSummary(1, 1),
      judged(true, { failingBefore: ['tests/test_old.py::test_broken'] }),
      'suite 1/2 passing, but the task is green: only tests that failed before the run fail ' +
        '(tests/test_old.py::test_broken)',
    ],
    [
      'suite green, but the task red: its tests not found',
      testSummary(1, 0),
      judged(false, { note: "the task's tests game.spec.js were not found in the results" }),
      "suite 1/1 passing, but the task's tests game.spec.js were not found in the results",
    ],
    [
      'suite green, but the task red: a regression',
      testSummary(3, 0),
      judged(false, { regressions: ['t::b'] }),
      'suite 3/3 passing, but tests that passed before the run fail now: t::b',
    ],
  ])('%s', (_name, tests, judgement, expected) => {
    expect(verdictText(tests, judgement)).toBe(expected);
  });
});
