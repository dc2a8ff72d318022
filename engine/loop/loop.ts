// The Ralph loop: for each task, rounds of prompt → worker → tests → commit → verdict until green or a valve trips.
import type { RunOutcome, TaskOutcome } from '../events.js';
import { startPhases, type TaskPhases } from '../task-setup/task-phases.js';
import { chooseStrategy } from '../prompt/strategy.js';
import { tickTask, type Task } from '../rfp/tasks-file.js';
import type { TestSummary } from '../test-runner/test-result.js';
import { readBaseline, recordBaseline } from './baseline.js';
import { checkCaps } from './caps.js';
import { RunStop } from './cap-gate.js';
import type { LoopContext } from './context.js';
import { playRound } from './play-round.js';
import { waitAtSafePoint } from './safe-point.js';
import { supervise } from './supervise.js';
import { checkValves, resetValve, roundsAllowed, type TaskCounters } from './valves.js';

export type RunEnd = { outcome: RunOutcome; reason: string; tasksGreen: number };
type TaskEnd = { outcome: TaskOutcome; reason: string; stoppedBy?: 'valve' | 'cap' | 'human' };

export async function runLoop(ctx: LoopContext): Promise<RunEnd> {
  let tasksGreen = 0;
  try {
    return await runTasks(ctx, (count) => (tasksGreen = count));
  } catch (error) {
    // A cap reached before a model call of the plan or tests phase (or a stop while paused there) ends the run.
    if (!(error instanceof RunStop)) throw error;
    return { outcome: error.outcome, reason: error.message, tasksGreen };
  }
}

async function runTasks(ctx: LoopContext, counted: (tasksGreen: number) => number): Promise<RunEnd> {
  const tasks = ctx.rfp.tasks.filter((task) => wanted(ctx, task));
  // A task ticked by a run that died before closing it is closed properly on resume.
  const open = (task: Task): boolean => !task.done || task.index === ctx.resume?.task?.index;
  let tasksGreen = counted(tasks.filter((task) => !open(task)).length);
  if (tasksGreen < tasks.length)
    ctx.baseline = (ctx.resume && readBaseline(ctx.paths.baseline)) || (await recordBaseline(ctx));
  let previousTaskGreen = false;
  const phases = await startPhases(
    ctx,
    tasks.filter((task) => !task.done),
  );
  // After the plan (whose architect model is loaded and unloaded alone): the resident models.
  await ctx.models?.prepareRole('coder');
  await ctx.models?.prepareRole('supervisor');
  for (const task of tasks) {
    if (!open(task)) continue;
    if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', tasksGreen };
    const end = await runTask(ctx, task, previousTaskGreen, phases);
    ctx.say('task:finished', { outcome: end.outcome, reason: end.reason });
    previousTaskGreen = end.outcome === 'green';
    if (end.outcome === 'green') tasksGreen = counted(tasksGreen + 1);
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

async function runTask(ctx: LoopContext, task: Task, previousTaskGreen: boolean, phases: TaskPhases): Promise<TaskEnd> {
  ctx.position.task = task.index;
  ctx.position.round = 0;
  ctx.control.skipRequested = false;
  ctx.say('task:started', { title: task.title, maxRounds: ctx.config.maxRounds });
  const resumed = ctx.resume?.task?.index === task.index ? ctx.resume.task : undefined;
  const counters: TaskCounters = resumed?.counters ?? {
    rounds: 0,
    failStreak: 0,
    idleStreak: 0,
    extraRounds: 0,
    sameFailures: 0,
  };
  if (resumed?.green)
    return closeGreenTask(ctx, task, `green after ${counters.rounds} round(s) (closed on resume)`, phases);
  const ready = await phases.prepareTask(task);
  if (!ready.ok)
    return ctx.control.skipRequested
      ? { outcome: 'skipped', reason: ready.reason }
      : { outcome: 'stopped', reason: ready.reason, stoppedBy: ctx.control.stopRequested ? 'human' : 'valve' };
  const hooks = phases.roundHooks(task);
  let notes: string[] = [];
  let lastTests: TestSummary | undefined = resumed?.lastTests;
  let lastDiff: string | undefined;
  let broken: string[] = [];
  let intervene = false;
  for (;;) {
    const paused = await waitAtSafePoint(ctx);
    if (ctx.control.skipRequested) return { outcome: 'skipped', reason: 'skipped by the human' };
    if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', stoppedBy: 'human' };
    if (paused?.valve) resetValve(counters, paused.valve);
    if (paused?.cap) ctx.capsLifted.add(paused.cap);
    const cap = checkCaps(ctx.usage, Date.now() - ctx.startedAt, ctx.config, ctx.capsLifted);
    const trip = cap ?? checkValves(counters, ctx.config, lastTests?.headline ?? 'none');
    if (trip) {
      if ('cap' in trip) ctx.say('cap:reached', trip);
      else ctx.say('valve:tripped', trip);
      const reason = `${trip.reason}: ${trip.evidence}`;
      if (ctx.config.mode === 'Single')
        return { outcome: 'stopped', reason, stoppedBy: 'cap' in trip ? 'cap' : 'valve' };
      ctx.control.requestPause(
        'cap' in trip ? { kind: 'cap', reason, cap: trip.cap } : { kind: 'valve', reason, valve: trip.valve },
      );
      continue;
    }
    counters.rounds++;
    ctx.position.round = counters.rounds;
    ctx.position.runRound++;
    ctx.say('round:started', {
      maxRounds: roundsAllowed(counters, ctx.config),
      failStreak: counters.failStreak,
      idleStreak: counters.idleStreak,
      runRound: ctx.position.runRound,
      head: (await ctx.repo.head()) ?? '',
    });
    const strategy = chooseStrategy({
      round: counters.rounds,
      previousTaskGreen,
      failStreak: counters.failStreak,
      broken,
    });
    const worker = intervene && ctx.supervisorWorker ? ctx.supervisorWorker : ctx.worker;
    const { record, tests, diff } = await playRound(ctx, {
      task,
      counters,
      strategy,
      worker,
      lastTests,
      lastDiff,
      notes,
      hooks,
    });
    notes = [
      ...(record.findings ?? []),
      ...record.refusedEdits.map((text) => `Your write to ${text}; it is not in the files`),
    ];
    lastTests = record.interrupted ? lastTests : tests;
    lastDiff = diff;
    broken = record.broken;
    if (record.green)
      return closeGreenTask(ctx, task, `green after ${counters.rounds} round(s): ${tests.headline}`, phases);
    if (record.interrupted) continue;
    intervene = await supervise(ctx, record);
  }
}

async function closeGreenTask(ctx: LoopContext, task: Task, reason: string, phases: TaskPhases): Promise<TaskEnd> {
  // Only factory ticks a task: the guard keeps this content of RFP/tasks.md from now on.
  tickTask(ctx.rfp.tasksFile, task);
  phases.taskTicked();
  const commit = await ctx.repo.commitAll(`factory: task ${task.index} done — ${task.title}`);
  if (commit) ctx.say('git:committed', commit);
  return { outcome: 'green', reason };
}

function wanted(ctx: LoopContext, task: Task): boolean {
  if (ctx.config.scope === 'All') return true;
  return ctx.config.tasks.some(
    (name) => name === String(task.index) || name.toLowerCase() === task.title.toLowerCase(),
  );
}
