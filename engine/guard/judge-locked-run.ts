// After the tests: a run that collects fewer locked tests than were locked, or newly skips some, is a failure with that reason.
import type { TestSummary } from '../testing/test-result.js';
import type { Lock } from './lock-store.js';

export type LockedRunJudgement = {
  /** Why the run cannot count as green; empty when the locked tests all ran. */
  reasons: string[];
  /** Test id -> reason, for the tests the guard counts as failed (a file-level id when pytest names none). */
  failures: Record<string, string>;
  /** Locks whose test ids this run showed for the first time: path -> ids. */
  learned: Map<string, string[]>;
};

/** pytest -rA names a skipped test by its file only: "SKIPPED [2] tests/x.py:7: reason". */
const skippedLine = /^SKIPPED \[(\d+)\] ([^\s:]+)(?::\d+)?:/gm;

/** Tests of a file that the run skipped (skip or xfail), by id or by pytest's per-file skip lines. */
export function skippedIn(file: string, tests: TestSummary): number {
  const byId = Object.entries(tests.tests).filter(([id, outcome]) => id.startsWith(`${file}::`) && outcome === 'skipped').length;
  // A report names every skip by id; the lines would count them twice.
  if (tests.allNamed) return byId;
  const byLine = [...tests.output.matchAll(skippedLine)].filter((match) => match[2] === file).reduce((sum, match) => sum + Number(match[1]), 0);
  return byId + byLine;
}

/**
 * Per-file checks need runner ids that name the file: pytest with -rA ("path::test", as the detected command runs it).
 * Other runners, or pytest without -rA, get the content guard only.
 */
export function judgeLockedRun(locks: readonly Lock[], tests: TestSummary): LockedRunJudgement {
  const judgement: LockedRunJudgement = { reasons: [], failures: {}, learned: new Map() };
  const namesTests = Object.keys(tests.tests).some((id) => id.includes('::'));
  if (tests.runner !== 'pytest' || tests.timedOut || !namesTests) return judgement;
  const fail = (ids: string[], reason: string): void => {
    judgement.reasons.push(reason);
    for (const id of ids) judgement.failures[id] = reason;
  };
  for (const lock of locks) {
    // "ERROR tests/x.py": the file did not collect at all; the run is red anyway and says why.
    if (tests.tests[lock.path] === 'errored') continue;
    const ran = Object.keys(tests.tests).filter((id) => id.startsWith(`${lock.path}::`) && tests.tests[id] !== 'skipped');
    const skipped = skippedIn(lock.path, tests);
    // Helpers such as conftest.py define no tests: only their content is guarded.
    const required = Math.max(lock.minTests, lock.tests.length);
    const newlySkipped = skipped - lock.allowedSkips;
    if (newlySkipped > 0) {
      const ids = Object.keys(tests.tests).filter((id) => id.startsWith(`${lock.path}::`) && tests.tests[id] === 'skipped');
      fail(ids.length > 0 ? ids : [`${lock.path}::(skipped)`], `${lock.path} newly skips ${newlySkipped} locked test(s)`);
    }
    if (ran.length + skipped < required) {
      const missing = lock.tests.filter((id) => !(id in tests.tests));
      fail(missing.length > 0 ? missing : [`${lock.path}::(not collected)`], `${lock.path} collected ${ran.length + skipped} test(s), fewer than the ${required} locked${missing.length > 0 ? `: ${missing.slice(0, 5).join(', ')} did not run` : ''}`);
    }
    if (lock.tests.length === 0 && ran.length > 0 && ran.length >= required && newlySkipped <= 0) judgement.learned.set(lock.path, ran);
  }
  return judgement;
}

/** The run as the loop must see it: red, the guarded tests failed with the guard's reasons, in the headline and output too. */
export function failRun(tests: TestSummary, judgement: LockedRunJudgement): TestSummary {
  const why = judgement.reasons.join('; ');
  const marked = Object.fromEntries(Object.keys(judgement.failures).map((id) => [id, 'failed' as const]));
  const ids = Object.keys(judgement.failures);
  const wasSkipped = ids.filter((id) => tests.tests[id] === 'skipped').length;
  return {
    ...tests,
    green: false,
    failed: tests.failed + ids.filter((id) => tests.tests[id] !== 'failed').length,
    skipped: tests.skipped - wasSkipped,
    tests: { ...tests.tests, ...marked },
    errors: { ...tests.errors, ...judgement.failures },
    headline: `${tests.headline} — guard: ${why}`,
    output: `${tests.output}\n\nfactory test-tamper guard: this run does not count: ${why}\n`,
  };
}
