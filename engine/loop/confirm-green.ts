// Before a round can tick its task: the tests run once more, in a new process, from the committed tree only, with the
// canaries. Only that run can make the round green; when it disagrees with the round's run, the round is red and says
// why. A production line's green round is confirmed by the suite on its merged tree instead (lines/merge-line.ts).
import type { RoundHooks } from '../task-setup/round-hooks.js';
import { judgeTests, type Baseline } from '../test-runner/judge-tests.js';
import { runTests } from '../test-runner/run-tests.js';
import type { Judgement, TestSummary } from '../contract/test-summary.js';
import type { RunDeps } from './run-deps.js';

export type Confirmed = { tests: TestSummary; judgement: Judgement };

export async function confirmGreen(
  ctx: Pick<RunDeps, 'repo' | 'sandbox' | 'testCommand' | 'projectDir' | 'control' | 'say'>,
  judging: { own: string[]; baseline?: Baseline; timeoutSeconds: number },
  round: Confirmed,
  hooks?: RoundHooks,
): Promise<Confirmed> {
  const dirty = await ctx.repo.uncommitted();
  if (dirty.length > 0)
    return disagree(round, `the tree differs from the round's commit (${dirty.slice(0, 3).join(', ')})`);
  const ran = await runTests(ctx.sandbox, {
    command: ctx.testCommand,
    projectDir: ctx.projectDir,
    timeoutSeconds: judging.timeoutSeconds,
    signal: ctx.control.nextStep(),
    onOutput: () => undefined,
    verdict: { perTestBefore: Object.keys(judging.baseline?.tests ?? {}).length > 0 },
  });
  const tests = hooks ? hooks.judgeTests(ran) : ran;
  const judgement = judgeTests(tests, judging.own, judging.baseline);
  if (judgement.green) return round;
  const why = judgement.note ?? `${[...judgement.ownFailing, ...judgement.regressions].slice(0, 5).join(', ')} failed`;
  return disagree({ tests, judgement }, `${tests.headline}: ${why}`);
}

function disagree(run: Confirmed, detail: string): Confirmed {
  const reason = `the confirming run from the committed tree disagrees with the round's run: ${detail}`;
  return {
    tests: {
      ...run.tests,
      green: false,
      headline: `${run.tests.headline} — ${reason}`,
      output: `${run.tests.output}\n\nfactory: ${reason}\n`,
    },
    judgement: { ...run.judgement, green: false, note: reason, verdict: reason },
  };
}
