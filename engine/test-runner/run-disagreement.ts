// A verdict run whose exit code, report and printed summary tell different stories: one of them was forged (the code
// under test wrote the report, forced the exit code, or patched the runner's reporting), so the run cannot count.
import { parsePytest } from './parsers/pytest.js';
import type { ParsedRun } from '../contract/test-summary.js';

/**
 * Why the report does not match how the run ended or what the runner printed; undefined when it does. counted: the
 * report as it counts (factory's canaries taken out), exitCode: as it counts (the canary's exit 1 taken out);
 * printedFrom: the report as written, canaries in, which is what the runner's own summary line counts.
 */
export function runDisagreement(
  counted: ParsedRun,
  exitCode: number | null,
  printedFrom: ParsedRun,
  output: string,
): string | undefined {
  if (exitCode === null) return undefined;
  const failing = counted.failed + counted.errored;
  if (exitCode === 0 && failing > 0)
    return `the test command exited 0 although its ${counted.source} has ${failing} failing test(s)`;
  if (exitCode !== 0 && failing === 0 && Object.keys(counted.tests).length > 0)
    return `the test command exited ${exitCode} although its ${counted.source} has no failing test`;
  // pytest prints its summary from the same results it writes to the report: more passes in the report is a forgery.
  if (printedFrom.runner === 'pytest') {
    const printed = parsePytest(output);
    if (printed && printedFrom.passed > printed.passed)
      return `the ${counted.source} has ${printedFrom.passed} passed, but pytest printed ${printed.passed} passed`;
  }
  return undefined;
}
