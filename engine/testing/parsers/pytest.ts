// pytest: the "1 failed, 2 passed in 0.1s" summary and the -rA lines ("FAILED tests/x.py::test_a - AssertionError").
import { noCounts, type ParsedRun, type TestOutcome } from '../test-result.js';

const summary = /^=*\s*((?:\d+ \w+,?\s*)+)in [\d.]+s/;
const shortLine = /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+(\S+)(?:\s+-\s+(.*))?$/;
const outcomes: Record<string, TestOutcome> = { PASSED: 'passed', FAILED: 'failed', ERROR: 'errored', SKIPPED: 'skipped', XFAIL: 'skipped', XPASS: 'passed' };

export function parsePytest(output: string): ParsedRun | undefined {
  const lines = output.split('\n');
  const counts = noCounts();
  let found = /^=*\s*no tests ran/m.test(output);
  for (const line of lines) {
    const match = summary.exec(line.trim());
    if (!match) continue;
    found = true;
    for (const [, number, word] of match[1]!.matchAll(/(\d+) (\w+)/g)) {
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
    const match = shortLine.exec(line.trim());
    if (!match) continue;
    const id = match[2]!;
    tests[id] = outcomes[match[1]!]!;
    if (match[3] && (match[1] === 'FAILED' || match[1] === 'ERROR')) errors[id] = match[3];
  }
  return { runner: 'pytest', ...counts, tests, errors };
}
