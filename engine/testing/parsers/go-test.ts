// go test -v: "--- PASS: TestX", "--- FAIL: TestY", "--- SKIP: TestZ", and build failures.
import { noCounts, type ParsedRun, type TestOutcome } from '../test-result.js';

const result = /^\s*--- (PASS|FAIL|SKIP): (\S+)/;

export function parseGoTest(output: string): ParsedRun | undefined {
  const tests: Record<string, TestOutcome> = {};
  for (const line of output.split('\n')) {
    const match = result.exec(line);
    if (match) tests[match[2]!] = match[1] === 'PASS' ? 'passed' : match[1] === 'FAIL' ? 'failed' : 'skipped';
  }
  const buildFailed = /\[build failed\]|\[setup failed\]/.test(output);
  if (Object.keys(tests).length === 0 && !buildFailed && !/^(ok|FAIL)\s+\S+/m.test(output)) return undefined;
  const counts = noCounts();
  for (const outcome of Object.values(tests)) counts[outcome] += 1;
  if (buildFailed) counts.errored += 1;
  return { runner: 'go test', ...counts, tests, errors: {} };
}
