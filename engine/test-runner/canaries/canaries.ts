// factory's own tests in every verdict run, named with a fresh random part: one must pass, one must fail. A must-fail
// canary reported passed, or either missing, means something rewrote the results: the run is red.
import type { ParsedRun, TestOutcome } from '../../contract/test-summary.js';

export type Canaries = {
  pass: string;
  fail: string;
  /** The command with what loads the canaries. */
  command: (command: string) => string;
};

export type CanaryCheck = {
  /** The results without the canaries: what the user sees. */
  run: ParsedRun;
  /** Why the run was tampered with, when it was. */
  tampered?: string;
  /** The must-fail canary failed as it must: the run's non-zero exit is its doing. */
  failedAsItMust: boolean;
};

const idOf = (run: ParsedRun, name: string): string | undefined =>
  Object.keys(run.tests).find((id) => id === name || id.endsWith(`::${name}`));

export function checkCanaries(run: ParsedRun, canaries: Canaries): CanaryCheck {
  const passId = idOf(run, canaries.pass);
  const failId = idOf(run, canaries.fail);
  const pass = passId === undefined ? undefined : run.tests[passId];
  const fail = failId === undefined ? undefined : run.tests[failId];
  const problems = [
    pass === undefined && `factory's must-pass canary ${canaries.pass} is missing from the results`,
    fail === undefined && `factory's must-fail canary ${canaries.fail} is missing from the results`,
    pass !== undefined && pass !== 'passed' && `factory's must-pass canary ${canaries.pass} was reported ${pass}`,
    fail !== undefined && fail !== 'failed' && `factory's must-fail canary ${canaries.fail} was reported ${fail}`,
  ].filter((problem): problem is string => typeof problem === 'string');
  const tests = { ...run.tests };
  const errors = { ...run.errors };
  const stripped: ParsedRun = { ...run, tests, errors };
  for (const [id, outcome] of [
    [passId, pass],
    [failId, fail],
  ] as const) {
    if (id === undefined || outcome === undefined) continue;
    delete tests[id];
    delete errors[id];
    stripped[outcome satisfies TestOutcome] -= 1;
  }
  return {
    run: stripped,
    tampered: problems.length > 0 ? `the test run was tampered with: ${problems.join('; ')}` : undefined,
    failedAsItMust: fail === 'failed',
  };
}
