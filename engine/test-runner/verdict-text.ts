// One line that says both the suite's result and the task's verdict when they differ, and why.
import type { Judgement, TestSummary } from '../contract/test-summary.js';

const list = (ids: readonly string[]): string =>
  `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;

/**
 * Undefined when the suite and the task agree and the plain per-test rule decided. "but" only where the two differ:
 * agreeing with a note (per-test results unread) says so plainly.
 */
export function verdictText(tests: TestSummary, judgement: Judgement): string | undefined {
  if (tests.green === judgement.green && !judgement.note) return undefined;
  if (judgement.green) {
    if (tests.green) return `suite ${tests.headline}, and so the task is green: ${judgement.note}`;
    const why =
      judgement.failingBefore.length > 0
        ? `only tests that failed before the run fail (${list(judgement.failingBefore)})`
        : (judgement.note ?? "the task's own tests pass");
    return `suite ${tests.headline}, but the task is green: ${why}`;
  }
  const why =
    judgement.note ??
    (judgement.ownFailing.length > 0
      ? `the task's tests fail: ${list(judgement.ownFailing)}`
      : judgement.regressions.length > 0
        ? `tests that passed before the run fail now: ${list(judgement.regressions)}`
        : "none of the task's tests passed");
  return tests.green ? `suite ${tests.headline}, but ${why}` : `suite ${tests.headline}: ${why}`;
}
