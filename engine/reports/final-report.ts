// Folds a run's events into what final_report.md says per task: rounds, time, usage, files, locked tests, valves,
// verdicts.
import type { FactoryEvent, RunOutcome, TaskOutcome } from '../contract/events.js';
import type { TestSummary } from '../contract/test-summary.js';
import { spentSince, totalsIn } from './run-totals.js';
import type { RunSpend } from '../contract/usage.js';

export type TaskReport = {
  index: number;
  title: string;
  doneBefore: boolean;
  outcome?: TaskOutcome;
  reason?: string;
  rounds: number;
  startedAt?: string;
  finishedAt?: string;
  costUsd: number;
  tokens: number;
  files: string[];
  lockedFiles: string[];
  valveTrips: string[];
  verdicts: string[];
  guard: string[];
  lego: string[];
  lastTests?: Pick<TestSummary, 'headline' | 'output' | 'tests' | 'command'>;
  /** Its production line, when it ran in one: merges tried, and each time it was sent back (round: why). */
  line?: { branch: string; merges: number; returns: string[]; mergedSha?: string };
};

export type FinalReport = {
  runId?: string;
  startedAt?: string;
  finishedAt?: string;
  outcome?: { outcome: RunOutcome; reason: string; tasksGreen: number; tasksTotal: number };
  plan?: { summary: string; tasks: number; attempts: number };
  /** Spent outside any task (the plan). */
  planCostUsd: number;
  planTokens: number;
  tasks: TaskReport[];
};

export function finalReportCollector(): { add(event: FactoryEvent): void; report(): FinalReport } {
  const report: FinalReport = { tasks: [], planCostUsd: 0, planTokens: 0 };
  let planAttempts = 0;
  // Each call's spend is the step in the run's totals it brought: to its task, or to the plan outside any task.
  let totals: RunSpend = { costUsd: 0, tokens: 0 };
  const count = (event: FactoryEvent): void => {
    const after = totalsIn(event);
    if (!after || event.type === 'run:started') {
      if (after) totals = after;
      return;
    }
    const spent = spentSince(totals, after);
    totals = after;
    const current = task(event.task);
    if (current)
      Object.assign(current, { costUsd: current.costUsd + spent.costUsd, tokens: current.tokens + spent.tokens });
    else
      Object.assign(report, {
        planCostUsd: report.planCostUsd + spent.costUsd,
        planTokens: report.planTokens + spent.tokens,
      });
  };
  const task = (index: number): TaskReport | undefined => report.tasks.find((entry) => entry.index === index);
  const add = (event: FactoryEvent): void => {
    count(event);
    const current = task(event.task);
    switch (event.type) {
      case 'run:started':
        // A resumed run goes on with what the interrupted one gathered.
        if (event.resumed && report.runId === event.runId) return;
        Object.assign(report, { runId: event.runId, startedAt: event.ts });
        report.tasks = event.tasks.map(({ index, title, done }) => ({
          index,
          title,
          doneBefore: done,
          rounds: 0,
          costUsd: 0,
          tokens: 0,
          files: [],
          lockedFiles: [],
          valveTrips: [],
          verdicts: [],
          guard: [],
          lego: [],
        }));
        return;
      case 'plan:started':
        planAttempts = event.attempt;
        return;
      case 'plan:ready':
        report.plan = { summary: event.summary, tasks: event.tasks, attempts: planAttempts };
        return;
      case 'task:started':
        if (current) current.startedAt = event.ts;
        return;
      case 'round:started':
        if (current) current.rounds = Math.max(current.rounds, event.round);
        return;
      case 'git:committed':
        if (current) current.files = [...new Set([...current.files, ...event.files])].sort();
        return;
      case 'tests:locked':
        if (current) current.lockedFiles = [...new Set([...current.lockedFiles, ...event.files])];
        return;
      case 'tests:finished':
        if (current)
          current.lastTests = {
            headline: event.result.headline,
            output: event.result.excerpt,
            tests: event.result.tests,
            command: event.result.command,
          };
        return;
      case 'guard:violation':
        current?.guard.push(`round ${event.round}: ${event.path} ${event.detail}`);
        return;
      case 'guard:failed':
        current?.guard.push(`round ${event.round}: run refused: ${event.reason}`);
        return;
      case 'lego:violations':
        if (current) current.lego = event.violations;
        return;
      case 'valve:tripped':
        current?.valveTrips.push(`round ${event.round}: ${event.reason} (${event.evidence})`);
        return;
      case 'verdict:issued': {
        const { decision, reason } = event.verdict;
        current?.verdicts.push(`round ${event.round}: ${event.by} ${decision} — ${reason}`);
        return;
      }
      case 'task:finished':
        if (current) Object.assign(current, { outcome: event.outcome, reason: event.reason, finishedAt: event.ts });
        return;
      case 'line:started':
        if (!current) return;
        current.line ??= { branch: event.branch, merges: 0, returns: [] };
        current.startedAt ??= event.ts;
        return;
      case 'line:merging':
        if (current?.line) current.line.merges++;
        return;
      case 'line:merged':
        if (current?.line) current.line.mergedSha = event.sha;
        return;
      case 'line:returned': {
        const what = event.reason === 'conflict' ? event.files : event.tests;
        current?.line?.returns.push(
          `round ${event.round}: ${event.reason}${what.length > 0 ? ` (${what.join(', ')})` : ''} — ${event.detail}`,
        );
        return;
      }
      case 'run:finished':
        report.finishedAt = event.ts;
        report.outcome = {
          outcome: event.outcome,
          reason: event.reason,
          tasksGreen: event.tasksGreen,
          tasksTotal: event.tasksTotal,
        };
        return;
      default:
        return;
    }
  };
  return { add, report: () => report };
}
