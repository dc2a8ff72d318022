// A round's test run: the command in the run's sandbox, its output streamed, judged against the baseline, reported as
// tests:finished; and the summary of a round whose tests did not run.
import type { Say } from '../contract/events.js';
import type { Judgement, TestSummary } from '../contract/test-summary.js';
import type { FactoryPaths } from '../reports/factory-dir.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { type Baseline, judgeTests } from './judge-tests.js';
import { runTests } from './run-tests.js';
import { testsReport } from './tests-report.js';
import { verdictText } from './verdict-text.js';

export type Judged = { tests: TestSummary; judgement: Judgement };

/** The task's verdict on a run, with the line that says it when it differs from the suite's result. */
export function judged(tests: TestSummary, own: string[], baseline: Baseline | undefined): Judged {
  const judgement = judgeTests(tests, own, baseline);
  return { tests, judgement: { ...judgement, verdict: verdictText(tests, judgement) } };
}

/**
 * screen: the guard's look at the run (the canaries, the locked tests' results) before it is judged. at: the task and
 * round the output file is named by.
 */
export async function testRound(
  run: {
    say: Say;
    testCommand: string;
    sandbox: Sandbox;
    projectDir: string;
    control: { nextStep(): AbortSignal };
    paths: FactoryPaths;
  },
  judging: { own: string[]; baseline?: Baseline; timeoutSeconds: number; at: { task: number; round: number } },
  screen?: { judgeTests(tests: TestSummary): TestSummary },
): Promise<Judged> {
  run.say('tests:started', { command: run.testCommand, baseline: false });
  const ran = await runTests(run.sandbox, {
    command: run.testCommand,
    projectDir: run.projectDir,
    timeoutSeconds: judging.timeoutSeconds,
    signal: run.control.nextStep(),
    onOutput: (text) => run.say('tests:output', { text }),
    verdict: { perTestBefore: Object.keys(judging.baseline?.tests ?? {}).length > 0 },
  });
  const result = judged(screen ? screen.judgeTests(ran) : ran, judging.own, judging.baseline);
  run.say('tests:finished', {
    result: testsReport(result.tests, run.paths, judging.at),
    baseline: false,
    taskVerdict: {
      green: result.judgement.green,
      why: result.judgement.verdict,
      failingBefore: result.judgement.failingBefore,
    },
  });
  return result;
}

/** A skip or stop-now aborted the worker: the round's tests are not run. */
export function interruptedTests(command: string): TestSummary {
  return {
    runner: 'none',
    source: 'not run',
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    tests: {},
    errors: {},
    command,
    exitCode: null,
    timedOut: false,
    durationMs: 0,
    green: false,
    headline: 'not run (interrupted)',
    output: '',
    truncated: false,
  };
}
