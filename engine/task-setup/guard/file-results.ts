// Which results of a run belong to one test file: by the file in the id, or by the test names the file declares
// (runners such as go, cargo or jest's text output name tests without their file).
import { fileOfTestId, normaliseTestId } from '../../test-runner/test-id.js';
import type { TestOutcome } from '../../contract/test-summary.js';
import { declaredTests, looksLikeTestFile } from './test-files.js';

/** An id that names a file before "::" ("tests/x.py::test_a"), rather than a module path ("tests::it_adds"). */
const namesFile = (id: string): boolean => id.includes('::') && /[./]/.test(fileOfTestId(id));

/** A runner's line for a whole file ("PASS a.spec.js"), not for one test. */
export const isFileLevel = (id: string): boolean => !id.includes('::') && looksLikeTestFile(normaliseTestId(id));

export function resultsOf(file: string, content: string, tests: Readonly<Record<string, TestOutcome>>): string[] {
  const names = new Set(declaredTests(file, content));
  return Object.keys(tests).filter((raw) => {
    const id = normaliseTestId(raw);
    if (id === file || id.startsWith(`${file}::`)) return true;
    if (namesFile(id) || isFileLevel(id) || names.size === 0) return false;
    // jest's text names a skipped test "skipped <title>".
    return id
      .split(/::| › | > |\//)
      .some((part) => names.has(part.trim()) || names.has(part.trim().replace(/^(skipped|todo)\s+/, '')));
  });
}

/**
 * Every passing test of the run has its own id (pytest -rA, go -v, jest on one file): a missing id means it did not
 * run.
 */
export function namesEveryPass(tests: { passed: number; tests: Readonly<Record<string, TestOutcome>> }): boolean {
  const named = Object.entries(tests.tests).filter(([id, outcome]) => outcome === 'passed' && !isFileLevel(id)).length;
  return named >= tests.passed;
}
