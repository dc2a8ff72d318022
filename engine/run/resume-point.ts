// Where an interrupted run left off, read back from its events: the run, the task in progress and its counters.
import type { FactoryEvent, FactoryEventOf } from '../events.js';
import type { Usage } from '../loop/caps.js';
import { totalsIn } from '../reports/run-totals.js';
import type { TaskCounters } from '../loop/valves.js';
import type { TestSummary } from '../test-runner/test-result.js';
import { reportToSummary } from '../test-runner/tests-report.js';
import { checkResumable } from '../reports/events-format.js';

export type TaskResume = {
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
  usage: Usage;
  /** Rounds finished in the whole run: the next round's report is round_{runRound + 1}.md. */
  runRound: number;
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
  const start = events.findLastIndex((event) => event.type === 'run:started');
  if (start < 0) return undefined;
  const run = events.slice(start);
  const started = run[0] as Of<'run:started'>;
  const finished = run.find((event): event is Of<'run:finished'> => event.type === 'run:finished');
  if (finished && finished.outcome !== 'stopped') return undefined;
  checkResumable(started, file);
  // The last totals the interrupted run announced are what it spent (its start carries what came before it).
  const usage: Usage = run.map(totalsIn).findLast((totals) => totals !== undefined) ?? { costUsd: 0, tokens: 0 };
  const runRound = run.filter((event) => event.type === 'round:finished').length;
  const lined = [...new Set(run.filter((event) => event.type === 'line:started').map((event) => event.task))];
  return {
    runId: started.runId,
    branch: started.branch,
    baseBranch: started.baseBranch,
    startedAt: Date.parse(started.ts),
    usage,
    runRound,
    ...(lined.length > 0
      ? { lines: linesInProgress(run, lined, projectDir) }
      : { task: taskInProgress(run, projectDir) }),
  };
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
  const taskStart = run.findLastIndex((event) => event.type === 'task:started');
  // In a run that can be resumed, a task "stopped" was stopped by the human: it goes on.
  if (
    taskStart < 0 ||
    run.slice(taskStart).some((event) => event.type === 'task:finished' && event.outcome !== 'stopped')
  )
    return undefined;
  const events = run.slice(taskStart);
  const first = events[0];
  if (!first) return undefined;
  const index = first.task;
  const rounds = events.filter((event): event is Of<'round:finished'> => event.type === 'round:finished');
  const last = rounds.at(-1)?.record;
  const counters: TaskCounters = {
    rounds: last?.round ?? 0,
    failStreak: last?.failStreak ?? 0,
    idleStreak: last?.idleStreak ?? 0,
    extraRounds: 0,
    sameFailures: 0,
    fingerprint: last?.fingerprint,
  };
  // Rebuild the same-failure count from the finished rounds, newest first.
  for (const round of [...rounds].reverse()) {
    if (!round.record.fingerprint || round.record.fingerprint !== counters.fingerprint) break;
    counters.sameFailures++;
  }
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
