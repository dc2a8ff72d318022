// The whole suite on the run branch's merged tree, judged as a round's run is: the run guard's look first (every locked
// test runs, none newly skips), then the task's tests pass and nothing that passed before the merge fails. A single
// line's merge and a batch's both come here, so the two cannot judge a merged tree differently.
import type { Judgement, TestSummary } from '../contract/test-summary.js';
import type { RunDeps } from '../loop/run-deps.js';
import { failRun, judgeLockedRun } from '../task-setup/guard/judge-locked-run.js';
import type { Lock } from '../task-setup/guard/lock-store.js';
import { type Baseline, judgeTests } from '../test-runner/judge-tests.js';
import { runTests } from '../test-runner/run-tests.js';
import { verdictText } from '../test-runner/verdict-text.js';

export type MergedTreeJudging = {
  own: string[];
  reference?: Baseline;
  timeoutSeconds: number;
  signal: AbortSignal;
  locks: readonly Lock[];
};

export type MergedTreeVerdict = {
  tests: TestSummary;
  judgement: Judgement;
  why: string | undefined;
  /** What the run guard found wrong with the run (empty when nothing). */
  guardReasons: string[];
};

export async function judgeMergedTree(
  main: Pick<RunDeps, 'projectDir' | 'sandbox' | 'testCommand'>,
  judging: MergedTreeJudging,
  onOutput: (text: string) => void,
): Promise<MergedTreeVerdict> {
  const ran = await runTests(main.sandbox, {
    command: main.testCommand,
    projectDir: main.projectDir,
    timeoutSeconds: judging.timeoutSeconds,
    signal: judging.signal,
    onOutput,
    verdict: { perTestBefore: Object.keys(judging.reference?.tests ?? {}).length > 0 },
  });
  const guard = judgeLockedRun(judging.locks, ran, judging.reference);
  const tests = guard.reasons.length > 0 ? failRun(ran, guard) : ran;
  const judgement = judgeTests(tests, judging.own, judging.reference);
  return { tests, judgement, why: verdictText(tests, judgement), guardReasons: guard.reasons };
}
