// One production line: a task worked in its own worktree, on its own branch, in its own sandbox, with its own guard,
// locks, valves, rounds and commits; its events carry its task and round. Green in the line is not enough: the line's
// branch is merged into the run branch and verified there (merge-line.ts), and only then does factory tick the task.
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from '../agents/agent.js';
import type { Lock, LockStore } from '../task-setup/guard/lock-store.js';
import { Repo } from '../git/repo.js';
import { closeGreenTask, runTask, type FinishGreen, type SentBack, type TaskEnd } from '../loop/run-task.js';
import type { RunDeps } from '../loop/run-deps.js';
import type { RunState } from '../loop/run-state.js';
import { factoryPaths } from '../reports/factory-dir.js';
import { readRfp } from '../rfp/read-rfp.js';
import type { Task } from '../rfp/tasks-file.js';
import { startPhases, type TaskPhases } from '../task-setup/task-phases.js';
import type { Line } from './line-sandbox.js';
import { closeLineWorktree, openLineWorktree } from './line-worktree.js';
import type { WaitingMerge } from './merge-batch.js';
import { catchUpLine, mergeLine, referenceOf, type Merged } from './merge-line.js';
import type { TestingLines } from './testing-lines.js';
import type { LineSlot } from './worker-slots.js';
import type { Baseline } from '../test-runner/judge-tests.js';

/** The run branch as last verified: what every merge is judged against, shared by the lines. */
export type RunBranch = {
  reference?: Baseline;
  /** Its head as last verified (after the last tick): where a new line starts, read without waiting for a merge. */
  head: string;
  /**
   * A green line's merge, verification and tick or return, on the run's checkout one batch at a time: batched with
   * the other lines waiting (merge-batch.ts).
   */
  merge(waiting: WaitingMerge<TaskEnd | SentBack>): Promise<TaskEnd | SentBack>;
  /** Opens lines one at a time, in the order they start: places on the dashboard follow the task order. */
  opening<T>(job: () => Promise<T>): Promise<T>;
};

export type LineInput = {
  task: Task;
  /** The run's phases (its plan, the run checkout's guard that keeps RFP/tasks.md as factory ticks it). */
  phases: TaskPhases;
  /** Every task still open in the run: their user tests are locked in the line as they are in the run. */
  pending: Task[];
  runBranch: RunBranch;
  /** Its place among the MAX_PARALLEL lines working: given back while it waits for its merge, and when it ends. */
  slot: LineSlot;
  /** Which lines are in their round's tests, for the merge queue to wait for. */
  testing: TestingLines;
};

export async function runLine(ctx: RunDeps, runState: RunState, input: LineInput): Promise<TaskEnd> {
  const { task, runBranch } = input;
  const state = runState.forLine(task.index);
  const control = ctx.control.openLine(task.index);
  const say = input.testing.watch(
    task.index,
    ctx.sayAs(() => state.position),
  );
  // Off the run branch's lock: a line's worktree is made from the head last verified while other lines merge.
  // The head and what its tests gave are read together: a line judged against a reference its tree lacks the work of
  // would count that work's tests as its own regressions.
  const { head: base, reference } = runBranch;
  const { line, reused, sandbox } = await runBranch.opening(async () => {
    const opened = await openLineWorktree(ctx.repo, ctx.runId, task, base);
    return { ...opened, sandbox: await ctx.lineSandbox(opened.line) };
  });
  const resumed = ctx.resume?.lines?.find((entry) => entry.index === task.index);
  let end: TaskEnd | undefined;
  try {
    await runBranch.opening(async () => {
      await sandbox.start();
      say('line:started', {
        title: task.title,
        branch: line.branch,
        worktree: line.worktree,
        base,
        engine: engineNote(ctx.worker),
      });
    });
    const repo = await Repo.open(line.worktree);
    // A line the run left goes on at its last committed round: a round cut short is dropped, as in a serial run.
    if (resumed?.restoreTo) await repo.restore(resumed.restoreTo);
    else if (resumed && !resumed.green)
      await repo.commitAll('factory: changes found when resuming (made after the run stopped)');
    const lineCtx: RunDeps = Object.freeze({
      ...ctx,
      projectDir: line.worktree,
      rfp: readRfp(line.worktree),
      repo,
      sandbox,
      paths: factoryPaths(line.worktree),
      control,
      say,
      resume: resumed && ctx.resume && { ...ctx.resume, task: resumed, lines: undefined },
      confirmedOnMerge: true,
    });
    // Judged against the run branch as last verified (the baseline, until a line is merged).
    if (reference) state.judgeAgainst(reference);
    // The guard goes on from the line's own records when its worktree is the one the run left; else it starts anew.
    const phasesCtx = reused ? lineCtx : { ...lineCtx, resume: undefined };
    const phases = await startPhases(phasesCtx, state, input.pending, { plan: input.phases.plan });
    shareReviewerLocks(input.phases.locks, phases.locks, line.worktree);
    end = await runTask(
      lineCtx,
      state,
      task,
      false,
      phases,
      finishInRunBranch(ctx, lineCtx, state, line, phases, input),
    );
    say('task:finished', { outcome: end.outcome, reason: end.reason });
    return end;
  } finally {
    input.testing.forget(task.index);
    input.slot.release();
    await sandbox.stop().catch(() => undefined);
    // A stopped line stays, worktree, records and branch, for a resumed run to go on from; an ended one goes, off the
    // run branch's lock (its branch is merged or given up; removing it touches neither the checkout nor its branch).
    if (end && end.outcome !== 'stopped') await closeLineWorktree(ctx.repo, line);
    ctx.control.closeLine(task.index);
    if (end) say('line:closed', { outcome: end.outcome, reason: end.reason });
  }
}

/**
 * The line's green round: merged into the run branch and verified there (alone, or in a batch with the other lines
 * waiting: merge-batch.ts); ticked, or sent back with why.
 */
function finishInRunBranch(
  ctx: RunDeps,
  lineCtx: RunDeps,
  state: RunState,
  line: Line,
  phases: TaskPhases,
  input: LineInput,
): FinishGreen {
  const { runBranch, task, slot } = input;
  const at = () => state.position;
  return async (reason, ownTests) => {
    const ticked = async (merged: Merged): Promise<TaskEnd> => {
      // The tests the reviewer wrote in the line are locked on the run branch too, for the lines still to start.
      shareReviewerLocks(phases.locks, input.phases.locks, ctx.projectDir);
      lineCtx.say('line:merged', { branch: line.branch, sha: merged.sha });
      // Ticked by factory on the run branch, with the run's own guard told the file's new content.
      const closed = await closeGreenTask({ ...ctx, say: lineCtx.say }, task, reason, input.phases);
      // The new head and its tests at once, for the lines starting now.
      const head = (await ctx.repo.head()) ?? runBranch.head;
      Object.assign(runBranch, { head, reference: referenceOf(merged.tests) });
      return closed;
    };
    const own = ownTests();
    // The run checkout's locks with the line's own, as the run guard judges the merged tree by them.
    const locks = () => mergedLocks(input.phases.locks, phases.locks);
    const alone = async (): Promise<TaskEnd | SentBack> => {
      const judging = {
        own,
        reference: runBranch.reference,
        timeoutSeconds: state.config.testTimeoutSeconds,
        signal: lineCtx.control.nextStep(),
        locks: locks(),
      };
      const merged = await mergeLine(ctx, line, judging, lineCtx.say, at);
      if ('sha' in merged) return ticked(merged);
      lineCtx.say('line:returned', merged);
      await catchUpLine(lineCtx.repo, ctx.runBranch, task.index);
      // The run branch's RFP/tasks.md (other tasks ticked) is the line's now; its rounds are judged against the run
      // branch as last verified, so the tests the merge broke count as regressions in the line too.
      phases.taskTicked();
      shareReviewerLocks(input.phases.locks, phases.locks, line.worktree);
      if (runBranch.reference) state.judgeAgainst(runBranch.reference);
      return { returned: merged.detail };
    };
    // No worker runs while the line waits for the run branch and its merged tree is verified: its slot goes to the
    // next ready task, and comes back (ahead of new tasks) if the merge sends the task back for another round.
    slot.release();
    const finished = await runBranch.merge({
      line,
      own,
      locks,
      say: lineCtx.say,
      at,
      signal: () => lineCtx.control.nextStep(),
      alone,
      ticked,
    });
    if ('returned' in finished) await slot.retake();
    return finished;
  };
}

/** The reviewer's locks of `from` whose files are in `dir` and not locked in `to` yet, added there. */
function shareReviewerLocks(from: LockStore, to: LockStore, dir: string): void {
  const known = new Set(to.paths());
  for (const lock of from.locks)
    if (lock.origin === 'reviewer' && !known.has(lock.path) && fs.existsSync(path.join(dir, lock.path)))
      to.add({ ...lock });
}

/** What the merged tree must run: the run checkout's locks, and the line's (as it learned them) for the same paths. */
function mergedLocks(run: LockStore, line: LockStore): Lock[] {
  const inLine = new Map(line.locks.map((lock) => [lock.path, lock]));
  const runs = run.locks.map((lock) => inLine.get(lock.path) ?? lock);
  const known = new Set(runs.map((lock) => lock.path));
  return [...runs, ...line.locks.filter((lock) => !known.has(lock.path))];
}

/** How the lines share the worker's engine, said once per line. */
function engineNote(worker: Worker): string {
  if (worker.name === 'claude' || worker.name === 'gemini') return `${worker.name}: a CLI process of its own`;
  if (worker.name === 'ollama')
    return `${worker.name}: the one resident coder model, shared by the lines (side by side, or queued when the memory budget is full)`;
  if (worker.name === 'openai')
    return `${worker.name}: the one server, shared by the lines (OPENAI_PARALLEL calls at once, the others queued)`;
  return worker.name;
}
