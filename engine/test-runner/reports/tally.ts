// Builds a ParsedRun from the tests a report lists: outcomes by id, counts from every listed test, first error lines.
import { noCounts, type ParsedRun, type TestOutcome } from '../../contract/test-summary.js';

export type ReportedTest = { id: string; outcome: TestOutcome; message?: string };

const rank: Record<TestOutcome, number> = { skipped: 0, passed: 1, failed: 2, errored: 3 };

export function tally(runner: string, source: string, reported: readonly ReportedTest[]): ParsedRun {
  const run: ParsedRun = { runner, source, ...noCounts(), tests: {}, errors: {}, allNamed: true };
  for (const test of reported) {
    run[test.outcome] += 1;
    const before = run.tests[test.id];
    // The same id twice (a pytest teardown error after a pass): the worse outcome stands.
    if (before !== undefined && rank[before] >= rank[test.outcome]) continue;
    run.tests[test.id] = test.outcome;
    if (test.message && (test.outcome === 'failed' || test.outcome === 'errored')) run.errors[test.id] = test.message;
  }
  return run;
}
