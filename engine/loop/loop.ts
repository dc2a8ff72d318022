// The Ralph loop: for each task, rounds of prompt → worker → tests → commit → verdict until green or
// a valve trips. A round, in order: the safe point (safe-point.ts), caps and valves (caps.ts, valves.ts), the
// round itself (play-round.ts), then the supervisor (supervise.ts), played by runTask (run-task.ts). What changes as
// the run goes on is in RunState (run-state.ts). With MAX_PARALLEL above 1 the tasks run in production lines
// (engine/lines).
import type { FactoryConfig } from '../config/factory-config.js';
import { runLines } from '../lines/run-lines.js';
import type { Task } from '../rfp/tasks-file.js';
import { startPhases } from '../task-setup/task-phases.js';
import { readBaseline, recordBaseline } from './baseline.js';
import { RunStop } from './cap-gate.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';
import { closeGreenTask, runTask, type RunEnd } from './run-task.js';

export type { RunEnd } from './run-task.js';

export async function runLoop(ctx: RunDeps, state: RunState): Promise<RunEnd> {
  let tasksGreen = 0;
  try {
    return await runTasks(ctx, state, (count) => (tasksGreen = count));
  } catch (error) {
    // A cap reached before a model call of the plan or tests phase (or a stop while paused there) ends the run.
    if (!(error instanceof RunStop)) throw error;
    return { outcome: error.outcome, reason: error.message, tasksGreen };
  }
}

async function runTasks(ctx: RunDeps, state: RunState, counted: (tasksGreen: number) => number): Promise<RunEnd> {
  const tasks = ctx.rfp.tasks.filter((task) => wanted(state.config, task));
  // A task ticked by a run that died before closing it is closed properly on resume.
  const open = (task: Task): boolean => !task.done || task.index === ctx.resume?.task?.index;
  let tasksGreen = counted(tasks.filter((task) => !open(task)).length);
  if (tasksGreen < tasks.length)
    state.recordBaseline(
      (ctx.resume && readBaseline(ctx.paths.baseline)) || (await recordBaseline(ctx, state.config.testTimeoutSeconds)),
    );
  // The plan, once; then per task the reviewer's tests and the guard around its rounds (engine/task-setup).
  const phases = await startPhases(
    ctx,
    state,
    tasks.filter((task) => !task.done),
  );
  // After the plan (whose architect model is loaded and unloaded alone): the resident models.
  await ctx.models?.prepareRole('coder');
  await ctx.models?.prepareRole('supervisor');
  let previousTaskGreen = false;
  // What tasks started in lines may wait for: the ones done before the run, and those it made green.
  const green = new Set(tasks.filter((task) => !open(task)).map((task) => task.index));
  for (const task of tasks) {
    if (!open(task)) continue;
    if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', tasksGreen };
    // MAX_PARALLEL above 1 (at the start, or set since): the tasks left run in production lines (engine/lines).
    if (state.config.maxParallel > 1 || Number(ctx.control.pendingSetting('MAX_PARALLEL') ?? 1) > 1)
      return runLines(ctx, state, {
        tasks,
        open: tasks.filter((left) => open(left) && left.index >= task.index),
        green,
        phases,
        tasksGreen,
        counted,
      });
    const end = await runTask(ctx, state, task, previousTaskGreen, phases, (reason) =>
      closeGreenTask(ctx, task, reason, phases),
    );
    ctx.say('task:finished', { outcome: end.outcome, reason: end.reason });
    previousTaskGreen = end.outcome === 'green';
    if (end.outcome === 'green') {
      tasksGreen = counted(tasksGreen + 1);
      green.add(task.index);
    }
    if (end.stoppedBy)
      return { outcome: end.stoppedBy === 'human' ? 'stopped' : end.stoppedBy, reason: end.reason, tasksGreen };
  }
  const all = tasksGreen === tasks.length;
  return {
    outcome: all ? 'green' : 'failed',
    reason: all ? 'every task is green' : `${tasks.length - tasksGreen} task(s) skipped or escalated`,
    tasksGreen,
  };
}

function wanted(config: Pick<FactoryConfig, 'scope' | 'tasks'>, task: Task): boolean {
  if (config.scope === 'All') return true;
  return config.tasks.some((name) => name === String(task.index) || name.toLowerCase() === task.title.toLowerCase());
}
