// Production lines (MAX_PARALLEL > 1): the scheduler starts every task whose dependencies are green on the run branch,
// up to MAX_PARALLEL working at once (read at each start: live; a line waiting for its merge gives its slot back:
// worker-slots.ts), each in a line of its own (line.ts). The run's checkout is touched by one batch of green lines at
// a time: merging, verifying and ticking are serialised (merge-batch.ts); making and removing a line's worktree are
// not (they touch the shared git folder, never the checkout or its branch).
import type { RunEnd, TaskEnd } from '../loop/run-task.js';
import type { RunDeps } from '../loop/run-deps.js';
import type { RunState } from '../loop/run-state.js';
import type { Task } from '../rfp/tasks-file.js';
import type { TaskPhases } from '../task-setup/task-phases.js';
import { applySettings } from '../loop/safe-point.js';
import { callQueue, queuedWorker } from '../models/call-queue.js';
import { runLine, type RunBranch } from './line.js';
import { mergeQueue } from './merge-batch.js';
import { testingLines } from './testing-lines.js';
import { closeLineWorktree, recordedLines } from './line-worktree.js';
import { buildTaskGraph, readyTasks } from './task-graph.js';
import { workerSlots } from './worker-slots.js';

export type LinesInput = {
  /** Every task the run plays (its scope), done or not. */
  tasks: Task[];
  /** The ones still to play, in order. */
  open: Task[];
  /** The tasks green on the run branch so far (done before the run, or by it). */
  green: ReadonlySet<number>;
  phases: TaskPhases;
  tasksGreen: number;
  counted: (tasksGreen: number) => number;
};

type Ended = { index: number; end?: TaskEnd; error?: unknown };

export async function runLines(run: RunDeps, state: RunState, input: LinesInput): Promise<RunEnd> {
  // A local coder model is one resident model for every line: its calls go through a queue as wide as the model
  // manager says the budget allows (decided when lines start, again when MAX_PARALLEL changes).
  const queue = callQueue(Number.POSITIVE_INFINITY);
  const localModel = run.models && (run.worker.name === 'ollama' || run.worker.name === 'openai');
  const ctx: RunDeps = localModel ? Object.freeze({ ...run, worker: queuedWorker(run.worker, queue) }) : run;
  let sharedFor = 0;
  const graph = buildTaskGraph(input.tasks, input.phases.plan);
  const pending = input.open.map((task) => task.index);
  const openSet = new Set(pending);
  const green = new Set(input.green);
  const finished = new Set<number>();
  const running = new Map<number, Promise<Ended>>();
  const slots = workerSlots(() => state.config.maxParallel);
  const exclusive = oneAtATime();
  const testing = testingLines();
  const runBranch: RunBranch = {
    reference: state.baseline,
    head: (await ctx.repo.head()) ?? 'HEAD',
    opening: oneAtATime(),
    merge: mergeQueue(
      ctx,
      exclusive,
      () => ({ reference: runBranch.reference, timeoutSeconds: state.config.testTimeoutSeconds }),
      testing.settled,
    ),
  };
  const allPending = input.tasks.filter((task) => !task.done);
  // Lines a stopped or killed run left for tasks that are done by now (ticked before it died) have nothing left to do.
  for (const left of recordedLines(ctx.repo, ctx.runId))
    if (!openSet.has(left.task)) await closeLineWorktree(ctx.repo, left);
  let tasksGreen = input.tasksGreen;
  let stop: TaskEnd | undefined;
  let failure: unknown;
  for (;;) {
    if (!stop && failure === undefined && !ctx.control.stopRequested) {
      // A task start is a safe point for the run's settings: MAX_PARALLEL set meanwhile counts from here.
      applySettings(ctx, state);
      const free = slots.free();
      const ready = readyTasks(graph, pending, { green, running: new Set(running.keys()), finished }, free);
      if (localModel && ready.length > 0 && sharedFor !== state.config.maxParallel) {
        sharedFor = state.config.maxParallel;
        queue.width = (await run.models?.shareAmong('coder', sharedFor)) ?? sharedFor;
      }
      for (const index of ready) {
        const task = input.open.find((candidate) => candidate.index === index);
        if (!task) continue;
        const slot = slots.take();
        const line = runLine(ctx, state, {
          task,
          phases: input.phases,
          pending: allPending,
          runBranch,
          slot,
          testing,
        });
        running.set(
          index,
          line.then(
            (end) => ({ index, end }),
            (error: unknown) => ({ index, error }),
          ),
        );
      }
    }
    if (running.size === 0) break;
    // A line ending, or one giving its slot back for its merge, may let the next task start.
    const ended = await Promise.race([...running.values(), slots.freed()]);
    if (!ended) continue;
    running.delete(ended.index);
    finished.add(ended.index);
    if (ended.error !== undefined) {
      // A line that failed (git refused a step) ends the run as an error, once the other lines have stopped.
      failure ??= ended.error;
      ctx.control.apply({ type: 'stop', now: true });
      continue;
    }
    const end = ended.end!;
    if (end.outcome === 'green') {
      green.add(ended.index);
      tasksGreen = input.counted(tasksGreen + 1);
    }
    if (end.stoppedBy && !stop) {
      stop = end;
      // A valve or cap that ends a Single-mode run stops the other lines at their next safe point.
      if (end.stoppedBy !== 'human') ctx.control.apply({ type: 'stop' });
    }
  }
  if (failure !== undefined) throw failure;
  if (stop)
    return { outcome: stop.stoppedBy === 'human' ? 'stopped' : stop.stoppedBy!, reason: stop.reason, tasksGreen };
  if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', tasksGreen };
  const all = tasksGreen === input.tasks.length;
  const blocked = pending.filter((index) => !finished.has(index));
  return {
    outcome: all ? 'green' : 'failed',
    reason: all
      ? 'every task is green'
      : `${input.tasks.length - tasksGreen} task(s) skipped or escalated` +
        (blocked.length > 0 ? `; task(s) ${blocked.join(', ')} not started: a task they depend on is not green` : ''),
    tasksGreen,
  };
}

/** A queue of one: each job starts when the one before it has ended, whatever its end. */
function oneAtATime(): RunBranch['opening'] {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}
