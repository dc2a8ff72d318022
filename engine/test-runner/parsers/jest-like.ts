// vitest and jest: the "Tests  1 failed | 2 passed (3)" / "Tests: 1 failed, 2 passed, 3 total" lines, per-file and
// per-test marks.
import { normaliseTestPath, testId } from '../test-id.js';
import { noCounts, type ParsedRun, type TestOutcome } from '../../contract/test-summary.js';

/** Where each runner's closing line is (see parse-test-output: the last summary in the output picks the parser). */
export const vitestSummary = /^\s*Tests\s+.*\(\d+\)\s*$/gm;
export const jestSummary = /^\s*Tests:\s+.*\d+ total\s*$/gm;
const vitestLine = /^\s*Tests\s+(.*\(\d+\))\s*$/m;
const jestLine = /^\s*Tests:\s+(.*\d+ total)\s*$/m;
/** A test's marks: passed, failed, skipped (or todo). */
const passedMarks = '✓√✔';
const failedMarks = '×✕✗';
const skippedMarks = '↓○✎';
const markGroup = `(${[...passedMarks, ...failedMarks, ...skippedMarks].join('|')})`;
/** jest's "(5 ms)" or vitest's "5ms" after a test's name. */
const duration = String.raw`(?:\s+\(\d+(?:\.\d+)?\s*m?s\)|\s+\d+(?:\.\d+)?\s*m?s)`;
/** A test's line: its mark, then its name, then jest's "(5 ms)" or vitest's "5ms", which are not part of the name. */
const testLine = new RegExp(String.raw`^(\s*)${markGroup}\s+(?:(?:skipped|todo)\s+)?(.+?)${duration}?\s*$`);
/**
 * A file's line: vitest "✓ src/a.test.ts (3 tests) 5ms" / "❯ src/b.test.ts
 * (2 tests | 1 failed)" (❯: not all passed), jest "PASS ./a.test.js".
 */
const vitestFile = /^\s*(✓|❯|×|↓)\s+(\S+)\s+\((\d+) tests?([^)]*)\)/;
const jestFile = /^\s*(PASS|FAIL)\s+(\S+)/;

export function parseJestLike(output: string, prefer?: 'jest' | 'vitest'): ParsedRun | undefined {
  const vitest = prefer === 'jest' ? null : vitestLine.exec(output);
  const jest = vitest ? null : jestLine.exec(output);
  const line = vitest?.[1] ?? jest?.[1];
  if (!line) return undefined;
  const runner = vitest ? 'vitest' : 'jest';
  const counts = noCounts();
  for (const [, number, word] of line.matchAll(/(\d+) (\w+)/g)) {
    const value = Number(number);
    if (word === 'passed') counts.passed += value;
    else if (word === 'failed') counts.failed += value;
    else if (word === 'skipped' || word === 'todo') counts.skipped += value;
  }
  if (vitest && /Test Files\s+.*failed/.test(output) && counts.failed === 0) counts.errored += 1;
  return { runner, source: `${runner} output`, ...counts, tests: outcomes(output, runner), errors: {} };
}

type OpenFile = { id: string; outcome: TestOutcome; hasTests: boolean };

/**
 * Tests by "file::describe > name" when the reporter lists them under their file (jest with one file or --verbose,
 * vitest for a failing file), so the ids are those of the runner's JSON report; a file listed alone is a file id.
 */
function outcomes(output: string, runner: 'jest' | 'vitest'): Record<string, TestOutcome> {
  const tests: Record<string, TestOutcome> = {};
  let file: OpenFile | undefined;
  let describes: { indent: number; title: string }[] = [];
  const close = (): void => {
    if (file && !file.hasTests) tests[file.id] = file.outcome;
    file = undefined;
  };
  for (const text of output.split('\n')) {
    const vitestMatch = vitestFile.exec(text);
    const jestMatch = vitestMatch || runner === 'vitest' ? null : jestFile.exec(text);
    if (vitestMatch || jestMatch) {
      close();
      const [, mark, name, , rest] = (vitestMatch ?? jestMatch)!;
      const failed = mark === 'FAIL' || mark === '×' || mark === '❯' || /failed/.test(rest ?? '');
      const outcome: TestOutcome = mark === '↓' ? 'skipped' : failed ? 'failed' : 'passed';
      file = { id: normaliseTestPath(name!), outcome, hasTests: false };
      describes = [];
      continue;
    }
    // jest's list ends at the first blank line; what follows ("● a › b" details, console output) names no test.
    if (!text.trim()) {
      if (runner === 'jest') close();
      continue;
    }
    const match = testLine.exec(text);
    if (!match) {
      // jest prints each describe on its own line, indented like the tests inside it.
      const [, indent, title] = /^(\s+)([^●\s].*?)\s*$/.exec(text) ?? [];
      if (file && runner === 'jest' && indent !== undefined && title !== undefined) {
        describes = describes.filter((item) => item.indent < indent.length);
        describes.push({ indent: indent.length, title });
      }
      continue;
    }
    const [, indent, mark, title] = match;
    const outcome: TestOutcome = passedMarks.includes(mark!)
      ? 'passed'
      : skippedMarks.includes(mark!)
        ? 'skipped'
        : 'failed';
    const name = [...describes.filter((item) => item.indent < indent!.length).map((item) => item.title), title!].join(
      ' > ',
    );
    if (file) file.hasTests = true;
    tests[file ? testId(file.id, name) : name] = outcome;
  }
  close();
  return tests;
}
