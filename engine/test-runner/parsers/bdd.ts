// behave ("2 scenarios passed, 1 failed, 0 skipped") and cucumber-js / godog ("3 scenarios (1 failed, 2 passed)"):
// scenarios are the tests.
import { noCounts, type ParsedRun } from '../../contract/test-summary.js';

/** Where each runner's closing line is (see parse-test-output). */
export const behaveSummary = /^\d+ scenarios? passed, /gm;
export const cucumberSummary = /^\d+ scenarios? \(/gm;
const behave = /^(\d+) scenarios? passed, (\d+) failed,(?: (\d+) error,)? (\d+) skipped/m;
const cucumber = /^(\d+) scenarios? \(([^)]*)\)/m;

export function parseBdd(output: string): ParsedRun | undefined {
  const counts = noCounts();
  const fromBehave = behave.exec(output);
  if (fromBehave) {
    counts.passed = Number(fromBehave[1]);
    counts.failed = Number(fromBehave[2]);
    counts.errored = Number(fromBehave[3] ?? 0);
    counts.skipped = Number(fromBehave[4]);
    return { runner: 'behave', source: 'behave output', ...counts, tests: {}, errors: {} };
  }
  const [, , scenarios] = cucumber.exec(output) ?? [];
  if (scenarios === undefined) return undefined;
  for (const [, number, word] of scenarios.matchAll(/(\d+) (\w+)/g)) {
    const value = Number(number);
    if (word === 'passed') counts.passed += value;
    else if (word === 'failed') counts.failed += value;
    else if (word === 'skipped' || word === 'pending') counts.skipped += value;
    else if (word === 'undefined' || word === 'ambiguous') counts.errored += value;
  }
  return { runner: 'cucumber', source: 'cucumber output', ...counts, tests: {}, errors: {} };
}
