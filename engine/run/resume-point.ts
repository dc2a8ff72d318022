// Where an interrupted run left off, read back from its events: the run, the task in progress and its counters.
import type { FactoryEvent, FactoryEventOf } from '../contract/events.js';
import { totalsIn } from '../reports/run-totals.js';
import { replayCounters, type TaskCounters } from '../loop/valves.js';
import type { TestSummary } from '../contract/test-summary.js';
import { reportToSummary } from '../test-runner/tests-report.js';
import { checkResumable } from '../reports/events-format.js';
import type { CapName } from '../contract/events.js';
import type { RunSpend } from '../contract/usage.js';

type TaskResume = {
  index: number;
  counters: TaskCounters;
  lastTests?: TestSummary;
  /** The last round went green but the task was not closed yet. */
  green: boolean;
  /** A round had started and not finished: the commit it started from, restored before it is played again. */
  restoreTo?: string;
};

export type ResumePoint = {
  runId: string;
  branch: string;
  baseBranch: string;
  startedAt: number;
  usage: RunSpend;
  /** The whole run's last finished round (in every part of it): the next round's report is round_{runRound + 1}.md. */
  runRound: number;
  /** The caps the human resumed past: they no longer stop the run. */
  liftedCaps: CapName[];
  task?: TaskResume;
  /** Production lines in flight when the run stopped (then `task` is unset): each resumes in its own worktree. */
  lines?: TaskResume[];
};

type Of<T extends FactoryEvent['type']> = FactoryEventOf<T>;

/**
 * Undefined when there is nothing to resume: no run yet, or the last one ended by itself (not by a stop).
 * projectDir: where the last test run's full output is read from for the next prompt (else the event's excerpt).
 * A run to resume recorded in another events format is refused (file: the log, named in the error).
 */
export function findResumePoint(
  events: FactoryEvent[],
  projectDir?: string,
  file = '.factory/events.ndjson',
): ResumePoint | undefined {
  const run = runEvents(events);
  const first = run[0];
  if (first?.type !== 'run:started') return undefined;
  // Only the last part of the run says how it ended.
  const lastPart = run.slice(run.findLastIndex((event) => event.type === 'run:started'));
  const finished = lastPart.find((event): event is Of<'run:finished'> => event.type === 'run:finished');
  if (finished && finished.outcome !== 'stopped') return undefined;
  checkResumable(lastPart[0] as Of<'run:started'>, file);
  // The last totals the interrupted run announced are what it spent (its start carries what came before it).
  const usage: RunSpend = run.map(totalsIn).findLast((totals) => totals !== undefined) ?? { costUsd: 0, tokens: 0 };
  const lastRound = run.findLast((event): event is Of<'round:finished'> => event.type === 'round:finished');
  const lined = [...new Set(run.filter((event) => event.type === 'line:started').map((event) => event.task))];
  return {
    runId: first.runId,
    branch: first.branch,
    baseBranch: first.baseBranch,
    startedAt: Date.parse(first.ts),
    usage,
    runRound: lastRound?.record.runRound ?? 0,
    liftedCaps: liftedCaps(run),
    ...(lined.length > 0
      ? { lines: linesInProgress(run, lined, projectDir) }
      : { task: taskInProgress(run, projectDir) }),
  };
}

/**
 * The last run's events, every part of it: a resumed run's parts each begin with a run:started of the same runId.
 * Empty when the log holds no run.
 */
export function runEvents(events: FactoryEvent[]): FactoryEvent[] {
  const last = events.findLast((event): event is Of<'run:started'> => event.type === 'run:started');
  if (!last) return [];
  return events.slice(events.findIndex((event) => event.type === 'run:started' && event.runId === last.runId));
}

/** As the loop lifts a cap: reached, then the human resumed the pause it caused (a stop lifts nothing). */
function liftedCaps(run: FactoryEvent[]): CapName[] {
  const lifted = new Set<CapName>();
  let reached: CapName | undefined;
  for (const event of run) {
    if (event.type === 'cap:reached') reached = event.cap;
    else if (event.type === 'engine:resumed' && reached) lifted.add(reached);
    if (event.type === 'engine:resumed' || event.type === 'round:started' || event.type === 'run:started')
      reached = undefined;
  }
  return [...lifted];
}

/** Each line's own events read as a task of its own: where it was, as a serial run's task in progress. */
function linesInProgress(run: FactoryEvent[], tasks: number[], projectDir?: string): TaskResume[] {
  return tasks
    .map((task) =>
      taskInProgress(
        run.filter((event) => event.task === task && event.type !== 'run:started'),
        projectDir,
      ),
    )
    .filter((resume): resume is TaskResume => resume !== undefined);
}

function taskInProgress(run: FactoryEvent[], projectDir = '.'): TaskResume | undefined {
  const started = run.findLast((event) => event.type === 'task:started');
  const lastStart = started ? run.lastIndexOf(started) : -1;
  // In a run that can be resumed, a task "stopped" was stopped by the human: it goes on.
  const ended = (event: FactoryEvent): boolean => event.type === 'task:finished' && event.outcome !== 'stopped';
  if (!started || run.slice(lastStart).some(ended)) return undefined;
  const index = started.task;
  // The task's events in every part of the run since it last began afresh (a stop does not end it, a skip does).
  const from = run.findLastIndex((event, at) => at < lastStart && event.task === index && ended(event));
  const events = run.filter((event, at) => at > from && (event.task === index || event.type === 'run:started'));
  const rounds = events.filter((event): event is Of<'round:finished'> => event.type === 'round:finished');
  const last = rounds.at(-1)?.record;
  const counters = replayCounters(events);
  const lastStarted = events.findLast((event): event is Of<'round:started'> => event.type === 'round:started');
  const restoreTo = lastStarted && lastStarted.round > counters.rounds ? lastStarted.head : undefined;
  const lastTests = events.findLast(
    (event): event is Of<'tests:finished'> =>
      event.type === 'tests:finished' && !event.baseline && event.round <= counters.rounds,
  )?.result;
  return {
    index,
    counters,
    lastTests: lastTests && reportToSummary(lastTests, projectDir),
    green: last?.green ?? false,
    restoreTo,
  };
}
