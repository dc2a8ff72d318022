// pytest: the "1 failed, 2 passed in 0.1s" summary and the -rA lines ("FAILED tests/x.py::test_a - AssertionError").
import { normaliseTestId } from '../test-id.js';
import { noCounts, type ParsedRun, type TestOutcome } from '../../contract/test-summary.js';

/** Where pytest's closing line is: the parser whose summary comes last in mixed output is the runner's. */
export const pytestSummary = /^=*\s*(?:(?:\d+ \w+,?\s*)+in [\d.]+s|no tests ran)/gm;
const summary = /^=*\s*((?:\d+ \w+,?\s*)+)in [\d.]+s/;
/**
 * An id runs to the first space, except inside its parameters: "test_x[hello world]" keeps its space, and the
 * shortest bracket that leaves " - message" or the end of the line is taken, so "[1] == [2]" in a message is not.
 * "SKIPPED [2] tests/x.py:7: reason" names a file and a count, not a test, and is left to the guard.
 */
const shortLine = /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+([^\s[]+(?:\[.*?\])?)(?:\s+-\s+(.*))?$/;
const outcomes: Record<string, TestOutcome> = {
  PASSED: 'passed',
  FAILED: 'failed',
  ERROR: 'errored',
  SKIPPED: 'skipped',
  XFAIL: 'skipped',
  XPASS: 'passed',
};

export function parsePytest(output: string): ParsedRun | undefined {
  const lines = output.split('\n');
  const counts = noCounts();
  let found = /^=*\s*no tests ran/m.test(output);
  for (const line of lines) {
    const [, counted] = summary.exec(line.trim()) ?? [];
    if (counted === undefined) continue;
    found = true;
    for (const [, number, word] of counted.matchAll(/(\d+) (\w+)/g)) {
      const value = Number(number);
      if (word === 'passed' || word === 'xpassed') counts.passed += value;
      else if (word === 'failed') counts.failed += value;
      else if (word === 'error' || word === 'errors') counts.errored += value;
      else if (word === 'skipped' || word === 'xfailed' || word === 'deselected') counts.skipped += value;
    }
  }
  if (!found) return undefined;
  const tests: Record<string, TestOutcome> = {};
  const errors: Record<string, string> = {};
  for (const line of lines) {
    const [, status = '', name, error] = shortLine.exec(line.trim()) ?? [];
    const outcome = outcomes[status];
    if (name === undefined || outcome === undefined) continue;
    const id = normaliseTestId(name);
    tests[id] = outcome;
    if (error && (status === 'FAILED' || status === 'ERROR')) errors[id] = error;
  }
  return { runner: 'pytest', source: 'pytest output', ...counts, tests, errors };
}
