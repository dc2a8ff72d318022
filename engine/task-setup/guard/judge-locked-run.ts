// After the tests: a run that collects fewer locked tests than were locked, or newly skips some, is a failure with that
// reason. Per file for every runner whose results can be tied to files; on the suite's skip count otherwise.
import type { Baseline } from '../../test-runner/judge-tests.js';
import type { TestSummary } from '../../contract/test-summary.js';
import { isFileLevel, namesEveryPass, resultsOf } from './file-results.js';
import type { Lock } from './lock-store.js';
import { normaliseTestId } from '../../test-runner/test-id.js';

export type LockedRunJudgement = {
  /** Why the run cannot count as green; empty when the locked tests all ran. */
  reasons: string[];
  /** Test id -> reason, for the tests the guard counts as failed (a file-level id when the runner names none). */
  failures: Record<string, string>;
  /** Locks whose test ids this run showed for the first time: path -> ids. */
  learned: Map<string, string[]>;
};

/** pytest -rA names a skipped test by its file only: "SKIPPED [2] tests/x.py:7: reason". */
const skippedLine = /^SKIPPED \[(\d+)\] ([^\s:]+)(?::\d+)?:/gm;

/** Tests of a file that the run skipped (skip or xfail), by id or by pytest's per-file skip lines. */
export function skippedIn(file: string, tests: TestSummary, content = ''): number {
  const byId = resultsOf(file, content, tests.tests).filter(
    (id) => !isFileLevel(id) && tests.tests[id] === 'skipped',
  ).length;
  // A report names every skip by id; the lines would count them twice.
  if (tests.allNamed) return byId;
  const byLine = [...tests.output.matchAll(skippedLine)]
    .filter((match) => match[2] === file)
    .reduce((sum, match) => sum + Number(match[1]), 0);
  return byId + byLine;
}

export function judgeLockedRun(locks: readonly Lock[], tests: TestSummary, baseline?: Baseline): LockedRunJudgement {
  const judgement: LockedRunJudgement = { reasons: [], failures: {}, learned: new Map() };
  if (tests.timedOut || locks.length === 0) return judgement;
  const fail = (ids: string[], reason: string): void => {
    judgement.reasons.push(reason);
    for (const id of ids) judgement.failures[id] = reason;
  };
  const complete = Object.keys(tests.tests).length > 0 && namesEveryPass(tests);
  for (const lock of locks) {
    // "ERROR tests/x.py": the file did not collect at all; the run is red anyway and says why.
    if (tests.tests[lock.path] === 'errored') continue;
    const ids = resultsOf(lock.path, lock.content, tests.tests);
    const ran = ids.filter((id) => !isFileLevel(id) && tests.tests[id] !== 'skipped');
    const skipped = skippedIn(lock.path, tests, lock.content);
    const newlySkipped = skipped - lock.allowedSkips;
    if (newlySkipped > 0) {
      const skippedIds = ids.filter((id) => tests.tests[id] === 'skipped');
      fail(
        skippedIds.length > 0 ? skippedIds : [`${lock.path}::(skipped)`],
        `${lock.path} newly skips ${newlySkipped} locked test(s)`,
      );
    }
    // Helpers such as conftest.py define no tests: only their content is guarded.
    const lockedIds = lock.tests.filter((id) => !isFileLevel(id));
    const required = Math.max(lock.minTests, lockedIds.length);
    if (complete && required > 0 && ran.length + skipped < required) {
      const now = new Set(Object.keys(tests.tests).map((id) => normaliseTestId(id)));
      const missing = lockedIds.map((id) => normaliseTestId(id)).filter((id) => !now.has(id));
      fail(
        missing.length > 0 ? missing : [`${lock.path}::(not collected)`],
        `${lock.path} collected ${ran.length + skipped} test(s), fewer than the ${required} ` +
          `locked${missing.length > 0 ? `: ${missing.slice(0, 5).join(', ')} did not run` : ''}`,
      );
    } else if (!complete && lock.tests.some(isFileLevel) && ids.length === 0 && tests.exitCode !== null) {
      fail([lock.path], `${lock.path} is not in the results: its tests did not run`);
    }
    if (lock.tests.length === 0 && ran.length > 0 && ran.length >= required && newlySkipped <= 0)
      judgement.learned.set(lock.path, ran);
  }
  // Without per-test results for every test, the suite's skip count is what can be compared.
  if (!complete && baseline?.counts) {
    const allowed =
      baseline.counts.skipped +
      locks.filter((lock) => lock.origin === 'reviewer').reduce((sum, lock) => sum + lock.allowedSkips, 0);
    if (tests.skipped > allowed)
      fail(
        [],
        `${tests.skipped - allowed} more test(s) skipped than before the run (${baseline.counts.skipped} then, ` +
          `${tests.skipped} now)`,
      );
  }
  return judgement;
}

/**
 * The run as the loop must see it: red, the guarded tests failed with the guard's reasons, in the headline and output
 * too.
 */
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
