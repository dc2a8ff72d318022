// The Ralph loop: for each task, rounds of prompt → worker → tests → commit → verdict until green or a valve trips.
import type { RunOutcome, TaskOutcome } from '../events.js';
import { chooseStrategy } from '../prompt/strategy.js';
import { tickTask, type Task } from '../rfp/tasks-file.js';
import type { TestSummary } from '../testing/test-result.js';
import type { LoopContext } from './context.js';
import { playRound } from './play-round.js';
import { supervise } from './supervise.js';
import { checkValves, resetValve, roundsAllowed, type TaskCounters } from './valves.js';
import { waitAtSafePoint } from './safe-point.js';

export type RunEnd = { outcome: RunOutcome; reason: string; tasksGreen: number };
type TaskEnd = { outcome: TaskOutcome; reason: string };

export async function runLoop(ctx: LoopContext): Promise<RunEnd> {
  const tasks = ctx.rfp.tasks.filter((task) => wanted(ctx, task));
  let tasksGreen = tasks.filter((task) => task.done).length;
  let previousTaskGreen = false;
  for (const task of tasks) {
    if (task.done) continue;
    if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', tasksGreen };
    const end = await runTask(ctx, task, previousTaskGreen);
    ctx.say('task:finished', end);
    previousTaskGreen = end.outcome === 'green';
    if (end.outcome === 'green') tasksGreen++;
    else if (end.outcome === 'stopped') return { outcome: ctx.control.stopRequested ? 'stopped' : 'valve', reason: end.reason, tasksGreen };
  }
  const all = tasksGreen === tasks.length;
  return { outcome: all ? 'green' : 'failed', reason: all ? 'every task is green' : `${tasks.length - tasksGreen} task(s) skipped or escalated`, tasksGreen };
}

async function runTask(ctx: LoopContext, task: Task, previousTaskGreen: boolean): Promise<TaskEnd> {
  ctx.position.task = task.index;
  ctx.position.round = 0;
  ctx.control.skipRequested = false;
  ctx.control.escalated = false;
  ctx.say('task:started', { title: task.title, maxRounds: ctx.config.maxRounds });
  const counters: TaskCounters = { rounds: 0, failStreak: 0, idleStreak: 0, extraRounds: 0 };
  let lastTests: TestSummary | undefined;
  let lastDiff: string | undefined;
  let broken: string[] = [];
  let notes: string[] = [];
  let intervene = false;
  for (;;) {
    const paused = await waitAtSafePoint(ctx);
    if (ctx.control.skipRequested) return { outcome: 'skipped', reason: 'skipped by the human' };
    if (ctx.control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human' };
    if (paused?.valve) resetValve(counters, paused.valve);
    const trip = checkValves(counters, ctx.config, lastTests?.headline ?? 'none');
    if (trip) {
      ctx.say('valve:tripped', trip);
      if (ctx.config.mode === 'Single') return { outcome: 'stopped', reason: `${trip.reason}: ${trip.evidence}` };
      ctx.control.requestPause({ kind: 'valve', reason: `${trip.reason}: ${trip.evidence}`, valve: trip.valve });
      continue;
    }
    counters.rounds++;
    ctx.position.round = counters.rounds;
    ctx.position.runRound++;
    ctx.say('round:started', { maxRounds: roundsAllowed(counters, ctx.config), failStreak: counters.failStreak, idleStreak: counters.idleStreak });
    const strategy = chooseStrategy({ round: counters.rounds, previousTaskGreen, failStreak: counters.failStreak, broken });
    const worker = intervene && ctx.supervisorWorker ? ctx.supervisorWorker : ctx.worker;
    const { record, tests, diff } = await playRound(ctx, { task, counters, strategy, worker, lastTests, lastDiff, notes });
    lastTests = record.interrupted ? lastTests : tests;
    lastDiff = diff;
    broken = record.broken;
    notes = record.refusedEdits.map((text) => `An edit of yours was refused last round, so it is not in the files: ${text}`);
    if (record.green) {
      tickTask(ctx.rfp.tasksFile, task);
      const commit = await ctx.repo.commitAll(`factory: task ${task.index} done — ${task.title}`);
      if (commit) ctx.say('git:committed', commit);
      return { outcome: 'green', reason: `green after ${counters.rounds} round(s): ${tests.headline}` };
    }
    if (record.interrupted) continue;
    intervene = await supervise(ctx, record);
  }
}

function wanted(ctx: LoopContext, task: Task): boolean {
  if (ctx.config.scope === 'All') return true;
  return ctx.config.tasks.some((name) => name === String(task.index) || name.toLowerCase() === task.title.toLowerCase());
}
