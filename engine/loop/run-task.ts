// One task's rounds: the safe point, caps and valves, the round, the supervisor, until green (finished by the caller's
// `finish`: ticked in the checkout, or merged from a production line) or a valve, cap or the human stops it. What a
// task's next round is told is carried here, from one round to the next.
import type { Worker } from '../agents/agent.js';
import type { RunOutcome, TaskOutcome } from '../contract/events.js';
import { chooseStrategy } from '../prompt/strategy.js';
import { tickTask, type Task } from '../rfp/tasks-file.js';
import type { RoundHooks } from '../task-setup/round-hooks.js';
import type { TaskPhases } from '../task-setup/task-phases.js';
import type { TestSummary } from '../contract/test-summary.js';
import { playRound, type RoundOutcome } from './play-round.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';
import { waitAtSafePoint } from './safe-point.js';
import { supervise } from './supervise.js';
import { checkValves, resetValve, roundsAllowed, type TaskCounters } from './valves.js';

export type RunEnd = { outcome: RunOutcome; reason: string; tasksGreen: number };
export type TaskEnd = { outcome: TaskOutcome; reason: string; stoppedBy?: 'valve' | 'cap' | 'human' };
/** A green task sent back (a production line whose merge failed): what its next round is told, and the tests it saw. */
export type SentBack = { returned: string; tests?: TestSummary };
/** What a green round does: ticks the task (one after the other), or merges the line first, which may send it back. */
export type FinishGreen = (reason: string, ownTests: () => string[]) => Promise<TaskEnd | SentBack>;

/** What a task's next round is told about the last one. */
type Carried = { notes: string[]; lastTests?: TestSummary; lastDiff?: string; broken: string[]; intervene: boolean };

/** A task's rounds until green (and finished by `finish`) or a valve, cap or the human stops it. */
export async function runTask(
  ctx: RunDeps,
  state: RunState,
  task: Task,
  previousTaskGreen: boolean,
  phases: TaskPhases,
  finish: FinishGreen,
): Promise<TaskEnd> {
  const { control, say } = ctx;
  state.startTask(task.index);
  control.startTask();
  say('task:started', { title: task.title, maxRounds: state.config.maxRounds });
  const resumed = ctx.resume?.task?.index === task.index ? ctx.resume.task : undefined;
  let counters: TaskCounters = resumed?.counters ?? {
    rounds: 0,
    failStreak: 0,
    idleStreak: 0,
    extraRounds: 0,
    sameFailures: 0,
  };
  const ownTests = (hooks: () => RoundHooks) => (): string[] => (task.tests.length > 0 ? task.tests : hooks().ownTests);
  let carried: Carried = { notes: [], lastTests: resumed?.lastTests, broken: [], intervene: false };
  if (resumed?.green) {
    const end = await finish(
      `green after ${counters.rounds} round(s) (closed on resume)`,
      ownTests(() => phases.roundHooks(task)),
    );
    if ('outcome' in end) return end;
    counters = { ...counters, failStreak: counters.failStreak + 1 };
    carried = { ...carried, notes: [end.returned], lastTests: end.tests ?? carried.lastTests };
  }
  const ready = await phases.prepareTask(task);
  if (!ready.ok)
    return control.skipRequested
      ? { outcome: 'skipped', reason: ready.reason }
      : { outcome: 'stopped', reason: ready.reason, stoppedBy: control.stopRequested ? 'human' : 'valve' };
  const hooks = phases.roundHooks(task);
  for (;;) {
    // 1. The safe point: settings, pauses, skip and stop take effect between rounds only.
    const paused = await waitAtSafePoint(ctx, state);
    if (control.skipRequested) return { outcome: 'skipped', reason: 'skipped by the human' };
    if (control.stopRequested) return { outcome: 'stopped', reason: 'stopped by the human', stoppedBy: 'human' };
    if (paused?.valve) counters = resetValve(counters, paused.valve);
    if (paused?.cap) state.liftCap(paused.cap);

    // 2. Caps and valves, before the model call they would stop: Single mode stops, Dual pauses for the human.
    const trip = state.capReached() ?? checkValves(counters, state.config, carried.lastTests?.headline ?? 'none');
    if (trip) {
      if ('cap' in trip) say('cap:reached', trip);
      else say('valve:tripped', trip);
      const reason = `${trip.reason}: ${trip.evidence}`;
      if (state.config.mode === 'Single')
        return { outcome: 'stopped', reason, stoppedBy: 'cap' in trip ? 'cap' : 'valve' };
      control.requestPause(
        'cap' in trip ? { kind: 'cap', reason, cap: trip.cap } : { kind: 'valve', reason, valve: trip.valve },
      );
      continue;
    }

    // 3. The round: prompt, worker, guard and tests, commit, record (play-round.ts).
    counters = { ...counters, rounds: counters.rounds + 1 };
    const { runRound } = state.startRound(counters.rounds);
    say('round:started', {
      maxRounds: roundsAllowed(counters, state.config),
      failStreak: counters.failStreak,
      idleStreak: counters.idleStreak,
      runRound,
      head: (await ctx.repo.head()) ?? '',
    });
    const strategy = chooseStrategy({
      round: counters.rounds,
      previousTaskGreen,
      failStreak: counters.failStreak,
      broken: carried.broken,
    });
    const outcome = await playRound(ctx, state, {
      task,
      counters,
      strategy,
      worker: workerFor(ctx, carried),
      lastTests: carried.lastTests,
      lastDiff: carried.lastDiff,
      notes: carried.notes,
      hooks,
    });
    counters = outcome.counters;
    if (outcome.record.green) {
      const end = await finish(
        `green after ${counters.rounds} round(s): ${outcome.tests.headline}`,
        ownTests(() => hooks),
      );
      if ('outcome' in end) return end;
      // Sent back after its merge: the round counts as a failing one, and the next is told why.
      counters = { ...counters, failStreak: counters.failStreak + 1 };
      carried = { ...carryOver(carried, outcome), notes: [end.returned], lastTests: end.tests ?? outcome.tests };
      continue;
    }
    carried = carryOver(carried, outcome);
    if (outcome.record.interrupted) continue;

    // 4. The supervisor reads the round report: its decision steers the next round.
    carried = { ...carried, intervene: await supervise(ctx, state, outcome.record) };
  }
}

/** INTERVENE: the supervisor's engine works the next round itself. */
function workerFor(ctx: Pick<RunDeps, 'worker' | 'supervisorWorker'>, carried: Carried): Worker {
  return carried.intervene && ctx.supervisorWorker ? ctx.supervisorWorker : ctx.worker;
}

/** The next round is told the findings and refused writes, the tests (an interrupted round ran none) and the diff. */
function carryOver(previous: Carried, { record, tests, diff }: RoundOutcome): Carried {
  return {
    notes: [
      ...(record.findings ?? []),
      ...record.refusedEdits.map((text) => `Your write to ${text}; it is not in the files`),
    ],
    lastTests: record.interrupted ? previous.lastTests : tests,
    lastDiff: diff,
    broken: record.broken,
    intervene: previous.intervene,
  };
}

export async function closeGreenTask(
  ctx: Pick<RunDeps, 'rfp' | 'repo' | 'say'>,
  task: Task,
  reason: string,
  phases: TaskPhases,
): Promise<TaskEnd> {
  // Only factory ticks a task: the guard keeps this content of RFP/tasks.md from now on.
  tickTask(ctx.rfp.tasksFile, task);
  phases.taskTicked();
  const commit = await ctx.repo.commitAll(`factory: task ${task.index} done — ${task.title}`);
  if (commit) ctx.say('git:committed', { ...commit, kind: 'task-done' });
  return { outcome: 'green', reason };
}
