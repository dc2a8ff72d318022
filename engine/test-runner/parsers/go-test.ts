// go test -v: "--- PASS: TestX", "--- FAIL: TestY", "--- SKIP: TestZ" under each package's "ok"/"FAIL" line, and build
// failures.
import { GoTestIds } from '../reports/go-test-ids.js';
import { noCounts, type ParsedRun, type TestOutcome } from '../../contract/test-summary.js';

/** Where go's per-package closing lines are (see parse-test-output). */
export const goSummary = /^(?:ok|FAIL)\s+\S+|^\s*--- (?:PASS|FAIL|SKIP):/gm;
const result = /^\s*--- (PASS|FAIL|SKIP): (\S+)/;
/** "ok  \texample.com/calc/a\t0.01s", "FAIL\texample.com/calc/b\t0.02s", "FAIL\texample.com/calc/c [build failed]". */
const packageLine = /^(ok|FAIL)\s+(\S+)(\s+\[(?:build|setup) failed\])?/;

/**
 * go prints a package's tests before the line naming the package, one package at a time, so each test waits for
 * its package's line: TestParse in two packages gives two ids ("a/a_test.go::TestParse", "b/b_test.go::TestParse").
 */
export function parseGoTest(output: string, projectDir?: string): ParsedRun | undefined {
  const ids = new GoTestIds(projectDir);
  const tests: Record<string, TestOutcome> = {};
  let pending: [string, TestOutcome][] = [];
  let sawPackage = false;
  const counts = noCounts();
  for (const line of output.split('\n')) {
    const [, verdict, test] = result.exec(line) ?? [];
    if (test !== undefined) {
      pending.push([test, verdict === 'PASS' ? 'passed' : verdict === 'FAIL' ? 'failed' : 'skipped']);
      continue;
    }
    const [, , pkg, buildFailed] = packageLine.exec(line) ?? [];
    if (pkg === undefined) continue;
    sawPackage = true;
    if (buildFailed) {
      tests[ids.id(pkg)] = 'errored';
      counts.errored += 1;
    }
    for (const [name, outcome] of pending) tests[ids.id(pkg, name)] = outcome;
    pending = [];
  }
  // Output cut before its package line (a timeout): the names alone.
  for (const [name, outcome] of pending) tests[name] = outcome;
  if (Object.keys(tests).length === 0 && !sawPackage) return undefined;
  for (const outcome of Object.values(tests)) if (outcome !== 'errored') counts[outcome] += 1;
  return { runner: 'go test', source: 'go test output', ...counts, tests, errors: {} };
}
