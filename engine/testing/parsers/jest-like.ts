// vitest and jest: the "Tests  1 failed | 2 passed (3)" / "Tests: 1 failed, 2 passed, 3 total" lines and ✓/× per test.
import { noCounts, type ParsedRun, type TestOutcome } from '../test-result.js';

const vitestLine = /^\s*Tests\s+(.*\(\d+\))\s*$/m;
const jestLine = /^\s*Tests:\s+(.*\d+ total)\s*$/m;
const testLine = /^\s*(✓|√|✔|×|✕|✗|↓|○)\s+(.+?)(?:\s+\d+\s*ms)?\s*$/;

export function parseJestLike(output: string): ParsedRun | undefined {
  const vitest = vitestLine.exec(output);
  const jest = vitest ? undefined : jestLine.exec(output);
  const line = vitest?.[1] ?? jest?.[1];
  if (!line) return undefined;
  const counts = noCounts();
  for (const [, number, word] of line.matchAll(/(\d+) (\w+)/g)) {
    const value = Number(number);
    if (word === 'passed') counts.passed += value;
    else if (word === 'failed') counts.failed += value;
    else if (word === 'skipped' || word === 'todo') counts.skipped += value;
  }
  if (vitest && /Test Files\s+.*failed/.test(output) && counts.failed === 0) counts.errored += 1;
  const tests: Record<string, TestOutcome> = {};
  for (const text of output.split('\n')) {
    const match = testLine.exec(text);
    if (!match) continue;
    const mark = match[1]!;
    tests[match[2]!] = '✓√✔'.includes(mark) ? 'passed' : '↓○'.includes(mark) ? 'skipped' : 'failed';
  }
  return { runner: vitest ? 'vitest' : 'jest', ...counts, tests, errors: {} };
}
