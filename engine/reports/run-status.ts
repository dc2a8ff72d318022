// Where a run stands, folded from its events: what snapshot(), `factory status` and the status bar show.
import type { FactoryEvent, PauseKind, RunOutcome } from '../contract/events.js';
import { interruptedLines, reduceLines, type LineStatus } from './line-status.js';
import { spentSince, totalsIn } from './run-totals.js';
import type { Verdict } from '../contract/verdict.js';

export type RunStatus = {
  runId?: string;
  branch?: string;
  baseBranch?: string;
  sandbox?: string;
  engine?: string;
  state: 'idle' | 'running' | 'pausing' | 'paused' | 'stopping' | 'finished';
  pause?: { kind: PauseKind; reason: string };
  task: number;
  taskTitle: string;
  tasksTotal: number;
  /** The tasks green, by index: ticked before the run, or closed green in it (a task ticked by a run that died before
   * closing it is closed on resume, and counted once). */
  greenTasks: number[];
  tasksGreen: number;
  round: number;
  maxRounds: number;
  failStreak: number;
  idleStreak: number;
  lastTests?: string;
  lastVerdict?: Verdict;
  lastValve?: string;
  costUsd: number;
  tokens: number;
  startedAt?: string;
  updatedAt?: string;
  outcome?: { outcome: RunOutcome; reason: string; exitCode: number };
  /** The production lines seen, in the order they started (none when tasks run one after the other). */
  lines: readonly LineStatus[];
};

export const initialStatus = (): RunStatus => ({
  state: 'idle',
  task: 0,
  taskTitle: '',
  tasksTotal: 0,
  greenTasks: [],
  tasksGreen: 0,
  round: 0,
  maxRounds: 0,
  failStreak: 0,
  idleStreak: 0,
  costUsd: 0,
  tokens: 0,
  lines: [],
});

const withGreen = (before: number[], tasks: number[]): Pick<RunStatus, 'greenTasks' | 'tasksGreen'> => {
  const greenTasks = [...new Set([...before, ...tasks])];
  return { greenTasks, tasksGreen: greenTasks.length };
};

export function reduceStatus(status: RunStatus, event: FactoryEvent): RunStatus {
  // The run's spend is the loop's count, carried by the events that change it.
  const totals = totalsIn(event);
  const spent = totals && event.type !== 'run:started' ? spentSince(status, totals) : undefined;
  const next = {
    ...status,
    updatedAt: event.ts,
    ...(totals && { costUsd: totals.costUsd, tokens: totals.tokens }),
    lines: reduceLines(status.lines, event, spent),
  };
  switch (event.type) {
    case 'run:started':
      return {
        ...initialStatus(),
        // A resumed run goes on with the lines the interrupted one had.
        lines: event.resumed && event.runId === status.runId ? interruptedLines(status.lines) : [],
        costUsd: totals?.costUsd ?? 0,
        tokens: totals?.tokens ?? 0,
        runId: event.runId,
        branch: event.branch,
        baseBranch: event.baseBranch,
        sandbox: event.sandbox,
        engine: event.engine,
        state: 'running',
        tasksTotal: event.tasks.length,
        ...withGreen(
          [],
          event.tasks.filter((task) => task.done).map((task) => task.index),
        ),
        startedAt: event.ts,
        updatedAt: event.ts,
      };
    case 'task:started':
      return {
        ...next,
        task: event.task,
        taskTitle: event.title,
        round: 0,
        maxRounds: event.maxRounds,
        failStreak: 0,
        idleStreak: 0,
      };
    case 'round:started':
      return { ...next, round: event.round, maxRounds: event.maxRounds };
    case 'tests:finished':
      return { ...next, lastTests: event.taskVerdict?.why ?? event.result.headline };
    case 'round:finished':
      return { ...next, failStreak: event.record.failStreak, idleStreak: event.record.idleStreak };
    case 'verdict:issued':
      return { ...next, lastVerdict: event.verdict };
    case 'cap:reached':
      return { ...next, lastValve: `${event.reason}: ${event.evidence}` };
    case 'valve:tripped':
      return { ...next, lastValve: `${event.reason}: ${event.evidence}` };
    case 'task:finished':
      return event.outcome === 'green' ? { ...next, ...withGreen(status.greenTasks, [event.task]) } : next;
    case 'engine:pausing':
      return { ...next, state: 'pausing' };
    case 'engine:paused':
      return { ...next, state: 'paused', pause: { kind: event.kind, reason: event.reason } };
    case 'engine:resumed':
      return { ...next, state: 'running', pause: undefined };
    case 'engine:stopping':
      return { ...next, state: 'stopping' };
    case 'run:finished':
      return {
        ...next,
        state: 'finished',
        pause: undefined,
        outcome: { outcome: event.outcome, reason: event.reason, exitCode: event.exitCode },
      };
    default:
      return next;
  }
}
