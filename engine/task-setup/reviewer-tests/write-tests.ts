// Step 2 of the loop: the reviewer writes the task's tests, which must run red for the right reason; then they are
// committed and locked.
import { sayActivity } from '../../agents/say-activity.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from '../../agents/agent.js';
import { skippedIn } from '../guard/judge-locked-run.js';
import { sha256 } from '../guard/lock-store.js';
import type { RunGuard } from '../guard/run-guard.js';
import { countDeclaredTests, countSkipMarkers } from '../guard/skip-markers.js';
import type { PassCaps } from '../../loop/cap-gate.js';
import type { RunDeps } from '../../loop/run-deps.js';
import type { RunState } from '../../loop/run-state.js';
import type { TaskPlan } from '../plan/plan-schema.js';
import type { Task } from '../../rfp/tasks-file.js';
import { runTests } from '../../test-runner/run-tests.js';
import { testsReport } from '../../test-runner/tests-report.js';
import type { TestSummary } from '../../contract/test-summary.js';
import { errorMessage } from '../../util/errors.js';
import { isFileLevel, resultsOf } from '../guard/file-results.js';
import { judgePassing } from '../refactor/judge-passing.js';
import { judgeRed } from './judge-red.js';
import { buildReviewerPrompt } from './reviewer-prompt.js';
import type { WorkerResult } from '../../contract/round-record.js';

/** Tries the reviewer gets before the task stops: one, and two chances to fix tests that do not run. */
const reviewerAttempts = 3;

/** refactor: why the task turned out to be a refactor (its reviewer's tests pass on the code as it is). */
export type TestsPhaseEnd = { ok: true; refactor?: string } | { ok: false; reason: string };

type TestsDeps = Pick<RunDeps, 'projectDir' | 'rfp' | 'repo' | 'sandbox' | 'models' | 'say' | 'control' | 'paths'> & {
  passCaps: PassCaps;
};
type TestsState = Pick<RunState, 'config' | 'spend' | 'budgetLeft'>;

export async function writeTests(
  ctx: TestsDeps,
  state: TestsState,
  reviewer: Worker,
  task: Task,
  plan: TaskPlan,
  guard: RunGuard,
): Promise<TestsPhaseEnd> {
  let rejection: { reason: string; output: string } | undefined;
  for (let attempt = 1; attempt <= reviewerAttempts; attempt++) {
    // Before the attempt is announced: a cap the plan already reached means no reviewer call at all.
    await ctx.passCaps();
    ctx.say('review:started', { attempt, testFiles: plan.testFiles });
    const prompt = buildReviewerPrompt({ task, plan, requirements: ctx.rfp.requirements, attempt, rejection });
    ctx.say('prompt:built', { strategy: 'tests', prompt });
    await ctx.models?.prepareRole('reviewer');
    const result = await reviewer
      .run({
        prompt,
        projectDir: ctx.projectDir,
        task,
        round: 0,
        runRound: 0,
        model: state.config.reviewerModel || state.config.workerModel,
        lockedPaths: new Set(guard.lockedPaths()),
        budgetUsd: state.budgetLeft(),
        signal: ctx.control.nextStep(),
        onActivity: (activity) => sayActivity(ctx.say, activity),
      })
      .catch((error: unknown): WorkerResult => ({ ok: false, error: errorMessage(error) }));
    ctx.say('agent:finished', { ...result, usage: state.spend(result) });
    // The reviewer writes tests only: factory's files and the user's locked tests are put back as they were.
    await guard.restore();
    if (ctx.control.stopRequested || ctx.control.skipRequested)
      return giveUp(ctx, task, 'stopped while the reviewer wrote the tests');
    const missing = plan.testFiles.filter((file) => !fs.existsSync(path.join(ctx.projectDir, file)));
    const problem = !result.ok
      ? `the reviewer failed: ${result.error}`
      : missing.length > 0
        ? `the plan's test files were not written: ${missing.join(', ')}`
        : undefined;
    if (problem === undefined) {
      const tests = await runRed(ctx, plan.testCommand, state.config.testTimeoutSeconds, task.index);
      // A refactor's tests pass on the code as it is; every other task's fail until it is built.
      const verdict = task.refactor ? judgePassing(tests) : judgeRed(tests, plan);
      // Tests that already pass on the code as it is: the task changes its shape, not what it does. Sending them
      // back would stop it; it is played as a refactor instead (a change, and the tests still passing).
      const passing = !task.refactor && !verdict.ok && tests.green && judgePassing(tests).ok;
      if (verdict.ok || passing) {
        await lockTests(ctx, task, plan, tests, guard);
        return passing
          ? { ok: true, refactor: `the reviewer's tests already pass on the code as it is (${tests.headline})` }
          : { ok: true };
      }
      rejection = { reason: verdict.reason, output: tests.output };
    } else rejection = { reason: problem, output: '' };
    ctx.say('review:rejected', { attempt, reason: rejection.reason });
  }
  return giveUp(
    ctx,
    task,
    `the reviewer's tests did not run red after ${reviewerAttempts} attempts: ${rejection?.reason ?? 'no attempt'}`,
  );
}

/** What the reviewer wrote is kept apart in git, so the stop leaves a clean tree and the human can see it. */
async function giveUp(ctx: Pick<RunDeps, 'repo' | 'say'>, task: Task, reason: string): Promise<TestsPhaseEnd> {
  const commit = await ctx.repo.commitAll(`factory: task ${task.index} tests — refused, not locked`);
  if (commit) ctx.say('git:committed', { ...commit, kind: 'reviewer-tests' });
  return { ok: false, reason };
}

async function runRed(
  ctx: Pick<RunDeps, 'say' | 'sandbox' | 'projectDir' | 'control' | 'paths'>,
  command: string,
  timeoutSeconds: number,
  taskIndex: number,
): Promise<TestSummary> {
  ctx.say('tests:started', { command, baseline: false });
  const tests = await runTests(ctx.sandbox, {
    command,
    projectDir: ctx.projectDir,
    timeoutSeconds,
    signal: ctx.control.nextStep(),
    onOutput: (text) => ctx.say('tests:output', { text }),
  });
  ctx.say('tests:finished', { result: testsReport(tests, ctx.paths, { task: taskIndex, round: 0 }), baseline: false });
  return tests;
}

/**
 * The plan's test files and everything else the reviewer changed are its tests: committed, then locked with the tests
 * the red run showed.
 */
async function lockTests(
  ctx: Pick<RunDeps, 'repo' | 'say' | 'projectDir'>,
  task: Task,
  plan: TaskPlan,
  tests: TestSummary,
  guard: RunGuard,
): Promise<void> {
  const locks = guard.locks;
  const commit = await ctx.repo.commitAll(`factory: task ${task.index} tests — red: ${tests.headline}`);
  if (commit) ctx.say('git:committed', { ...commit, kind: 'reviewer-tests' });
  const files = [...new Set([...plan.testFiles, ...(commit?.files ?? [])])].filter((file) =>
    fs.existsSync(path.join(ctx.projectDir, file)),
  );
  for (const file of files) {
    const content = fs.readFileSync(path.join(ctx.projectDir, file), 'utf8');
    const ids = resultsOf(file, content, tests.tests).filter((id) => !isFileLevel(id) && tests.tests[id] !== 'skipped');
    const skipped = skippedIn(file, tests, content);
    // A file that did not collect (its module is missing) shows no skips yet: its own markers say how many it may skip.
    locks.add({
      path: file,
      task: task.index,
      sha256: sha256(content),
      content,
      tests: ids,
      minTests: countDeclaredTests(file, content),
      allowedSkips: ids.length + skipped > 0 ? skipped : countSkipMarkers(content),
      origin: 'reviewer',
    });
  }
  locks.markTested(task.index);
  ctx.say('tests:locked', { files, headline: tests.headline });
}
