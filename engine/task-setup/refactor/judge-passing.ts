// A refactoring task's reviewer tests pin the behaviour the code has now: they must run and pass before any change.
import type { TestSummary } from '../../contract/test-summary.js';
import type { RedVerdict } from '../reviewer-tests/judge-red.js';

export function judgePassing(tests: TestSummary): RedVerdict {
  if (tests.timedOut) return { ok: false, reason: `the tests timed out (${tests.headline})` };
  if (tests.passed === 0) return { ok: false, reason: `no test passed (${tests.headline})` };
  if (!tests.green)
    return {
      ok: false,
      reason:
        `the tests fail on the code as it is (${tests.headline}): a refactor's tests pin the behaviour the code has ` +
        'now, so they pass before any change',
    };
  return { ok: true };
}
