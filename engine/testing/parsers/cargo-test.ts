// cargo test: "test foo ... ok" lines and "test result: FAILED. 1 passed; 1 failed; 0 ignored".
import { noCounts, type ParsedRun, type TestOutcome } from '../test-result.js';

const testLine = /^test (\S+) \.\.\. (ok|FAILED|ignored)/;
const resultLine = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/;

export function parseCargoTest(output: string): ParsedRun | undefined {
  const counts = noCounts();
  const tests: Record<string, TestOutcome> = {};
  let found = false;
  for (const line of output.split('\n')) {
    const test = testLine.exec(line);
    if (test) tests[test[1]!] = test[2] === 'ok' ? 'passed' : test[2] === 'FAILED' ? 'failed' : 'skipped';
    const total = resultLine.exec(line);
    if (total) {
      found = true;
      counts.passed += Number(total[1]);
      counts.failed += Number(total[2]);
      counts.skipped += Number(total[3]);
    }
  }
  if (/^error(\[E\d+\])?:/m.test(output) && !found) {
    counts.errored += 1;
    found = true;
  }
  return found ? { runner: 'cargo test', ...counts, tests, errors: {} } : undefined;
}
