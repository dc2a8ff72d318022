// Before round 1: the tests run once, so failures that were there before the run are never blamed on the worker.
import fs from 'node:fs';
import path from 'node:path';
import { isOwnTest, type Baseline } from '../test-runner/judge-tests.js';
import { runTests } from '../test-runner/run-tests.js';
import { testsReport } from '../test-runner/tests-report.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { RunDeps } from './run-deps.js';
import { UserError } from '../util/errors.js';

/** The baseline an interrupted run already recorded, if it is there and readable. */
export function readBaseline(file: string): Baseline | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
  } catch {
    return undefined;
  }
}

export async function recordBaseline(
  ctx: Pick<RunDeps, 'paths' | 'say' | 'testCommand' | 'sandbox' | 'projectDir' | 'control' | 'rfp'>,
  timeoutSeconds: number,
): Promise<Baseline> {
  const file = ctx.paths.baseline;
  ctx.say('tests:started', { command: ctx.testCommand, baseline: true });
  const result = await runTests(ctx.sandbox, {
    command: ctx.testCommand,
    projectDir: ctx.projectDir,
    timeoutSeconds,
    signal: ctx.control.nextStep(),
    onOutput: (text) => ctx.say('tests:output', { text }),
    verdict: { perTestBefore: false },
  });
  ctx.say('tests:finished', { result: testsReport(result, ctx.paths, { task: 0, round: 0 }), baseline: true });
  if (result.exitCode === 127) {
    throw new UserError(
      `the test command \`${ctx.testCommand}\` could not start ` +
        `(${result.output.trim().split('\n').at(-1) ?? 'exit 127'}): install its runner where the tests run ` +
        `(${ctx.sandbox.kind} sandbox), or set TEST_CMD= in factory_config.md`,
    );
  }
  const baseline: Baseline = {
    tests: result.tests,
    headline: result.headline,
    counts: { passed: result.passed, failed: result.failed, errored: result.errored, skipped: result.skipped },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
  const red = Object.entries(result.tests)
    .filter(([, outcome]) => outcome === 'failed' || outcome === 'errored')
    .map(([id]) => id);
  // The tasks' own red tests are where they start, not failures from before the run.
  const own = red.filter((id) => ctx.rfp.tasks.some((task) => !task.done && isOwnTest(id, task.tests)));
  ctx.say('baseline:recorded', {
    headline: result.headline,
    passing: result.passed,
    failing: red.filter((id) => !own.includes(id)),
    starting: own,
    perTest: Object.keys(result.tests).length > 0,
  });
  return baseline;
}
