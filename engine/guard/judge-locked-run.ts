// After the tests: a run that collects fewer locked tests than were locked, or newly skips some, is a failure with that reason.
import type { TestSummary } from '../testing/test-result.js';
import type { Lock } from './lock-store.js';

export type LockedRunJudgement = {
  /** Why the run cannot count as green; empty when the locked tests all ran. */
  reasons: string[];
  /** Locks whose test ids this run showed for the first time: path -> ids. */
  learned: Map<string, string[]>;
};

/** Per-file checks need runner ids that name the file (pytest's "path::test"); other runners get the content guard only. */
export function judgeLockedRun(locks: readonly Lock[], tests: TestSummary): LockedRunJudgement {
  const judgement: LockedRunJudgement = { reasons: [], learned: new Map() };
  if (tests.runner !== 'pytest' || tests.timedOut) return judgement;
  for (const lock of locks) {
    // "ERROR tests/x.py": the file did not collect at all; the run is red anyway and says why.
    if (tests.tests[lock.path] === 'errored') continue;
    const ids = Object.keys(tests.tests).filter((id) => id.startsWith(`${lock.path}::`));
    const missing = lock.tests.filter((id) => !(id in tests.tests));
    // Helpers such as conftest.py define no tests: only their content is guarded.
    const required = Math.max(lock.minTests, lock.tests.length);
    if (missing.length > 0) judgement.reasons.push(`${lock.path} collected fewer tests than locked: ${missing.slice(0, 5).join(', ')} did not run`);
    else if (ids.length < required) judgement.reasons.push(`${lock.path} collected ${ids.length} test(s), fewer than the ${required} locked`);
    const skipped = ids.filter((id) => tests.tests[id] === 'skipped');
    if (skipped.length > lock.allowedSkips) judgement.reasons.push(`${lock.path} newly skips ${skipped.length - lock.allowedSkips} test(s): ${skipped.slice(0, 5).join(', ')}`);
    if (lock.tests.length === 0 && ids.length > 0) judgement.learned.set(lock.path, ids);
  }
  return judgement;
}

/** The run as the loop must see it: red, with the guard's reasons in its headline and output. */
export function failRun(tests: TestSummary, reasons: readonly string[]): TestSummary {
  const why = reasons.join('; ');
  return { ...tests, green: false, headline: `${tests.headline} — guard: ${why}`, output: `${tests.output}\n\nfactory test-tamper guard: this run does not count: ${why}\n` };
}
