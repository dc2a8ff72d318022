// vitest and jest: the "Tests  1 failed | 2 passed (3)" / "Tests: 1 failed, 2 passed, 3 total" lines, per-file and per-test marks.
import { noCounts, type ParsedRun, type TestOutcome } from '../test-result.js';

const vitestLine = /^\s*Tests\s+(.*\(\d+\))\s*$/m;
const jestLine = /^\s*Tests:\s+(.*\d+ total)\s*$/m;
const testLine = /^\s*(✓|√|✔|×|✕|✗|↓|○)\s+(.+?)(?:\s+\d+\s*ms)?\s*$/;
/** A file's line: vitest "✓ src/a.test.ts (3 tests) 5ms" / "❯ src/b.test.ts (2 tests | 1 failed)", jest "PASS src/a.test.js". */
const vitestFile = /^\s*(✓|❯|×|↓)\s+(\S+)\s+\((\d+) tests?([^)]*)\)/;
const jestFile = /^\s*(PASS|FAIL)\s+(\S+)/;

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
  return { runner: vitest ? 'vitest' : 'jest', ...counts, tests: outcomes(output), errors: {} };
}

/** Files by path (so a task's "(tests: src/a.test.ts)" finds them) and tests by name, as the reporter marks them. */
function outcomes(output: string): Record<string, TestOutcome> {
  const tests: Record<string, TestOutcome> = {};
  for (const text of output.split('\n')) {
    const file = vitestFile.exec(text);
    if (file) {
      tests[file[2]!] = file[1] === '↓' ? 'skipped' : /failed/.test(file[4]!) || file[1] === '×' ? 'failed' : 'passed';
      continue;
    }
    const jestResult = jestFile.exec(text);
    if (jestResult) {
      tests[jestResult[2]!] = jestResult[1] === 'PASS' ? 'passed' : 'failed';
      continue;
    }
    const match = testLine.exec(text);
    if (!match) continue;
    const mark = match[1]!;
    tests[match[2]!] = '✓√✔'.includes(mark) ? 'passed' : '↓○'.includes(mark) ? 'skipped' : 'failed';
  }
  return tests;
}
