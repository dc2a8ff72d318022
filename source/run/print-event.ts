// The headless view: one plain line per event that matters, for `factory run` and logs.
import type { FactoryEvent, FactoryEventOf } from '../../engine/contract/events.js';
import { refusal } from '../../engine/reports/round-record.js';
import { toolEnd } from '../../engine/worker-tools/tool-end.js';

export function formatEvent(event: FactoryEvent, verbose: boolean): string | undefined {
  // Outside a round (the plan, the reviewer, the baseline) there is no round number to give.
  const at =
    event.round > 0 ? `task ${event.task} round ${event.round}` : event.task > 0 ? `task ${event.task}` : 'run';
  switch (event.type) {
    case 'run:started':
      return (
        `run ${event.runId} on branch ${event.branch} (from ${event.baseBranch}): ${event.tasks.length} task(s), ` +
        `worker ${event.engine}, ${event.sandbox}, tests: ${event.testCommand}`
      );
    case 'task:started':
      return `task ${event.task}: ${event.title}`;
    case 'task:refactor':
      return `task ${event.task}: ${refactorLine(event)}`;
    case 'round:started':
      return `${at}/${event.maxRounds} started (fail streak ${event.failStreak}, idle streak ${event.idleStreak})`;
    case 'agent:chunk':
      return verbose
        ? event.text
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `  │ ${line}`)
            .join('\n')
        : undefined;
    case 'agent:tool':
      return verbose ? `  │ [${event.name}] ${event.detail}` : undefined;
    case 'tool:started':
      return verbose ? `  │ ▶ ${event.tool} ${event.detail}` : undefined;
    case 'tool:finished':
      return `${at}: ${toolEnd(event)}`;
    case 'agent:edit':
      return event.action === 'refused'
        ? `${at}: edit refused: ${refusal(event)}`
        : verbose
          ? `  │ ${event.action} ${event.path}`
          : undefined;
    case 'agent:finished':
      return `${at}: worker ${event.ok ? 'done' : `failed: ${event.error}`}${cost(event.costUsd)}`;
    case 'tests:finished':
      if (event.baseline) return `baseline before round 1: ${event.result.headline}`;
      // The task's verdict decides the word; when it differs from the suite's, the line says both and why.
      return (
        `${at}: tests ${(event.taskVerdict?.green ?? event.result.green) ? 'GREEN' : 'red'}: ` +
        `${event.taskVerdict?.why ?? event.result.headline}`
      );
    case 'git:committed':
      return `${at}: commit ${event.sha.slice(0, 10)} ${event.message}`;
    case 'git:unchanged':
      return `${at}: no change to commit`;
    case 'verdict:issued':
      return `${at}: ${event.by} says ${event.verdict.decision}: ${event.verdict.reason}${cost(event.costUsd)}`;
    case 'valve:tripped':
      return `${at}: VALVE ${event.valve}: ${event.reason} (${event.evidence})`;
    case 'task:finished':
      return `task ${event.task}: ${event.outcome} — ${event.reason}`;
    case 'engine:paused':
      return `paused (${event.kind}): ${event.reason}`;
    case 'engine:resumed':
      return 'resumed';
    case 'engine:stopping':
      return `stopping: ${event.reason}`;
    case 'human:action':
      return `human: ${event.action}${event.text ? ` — ${event.text}` : ''}`;
    case 'plan:started':
      return `plan: asking the architect (attempt ${event.attempt})`;
    case 'plan:invalid': {
      const problems = event.problems.map((problem) => `  - ${problem}`).join('\n');
      return `plan refused (attempt ${event.attempt}):\n${problems}`;
    }
    case 'plan:ready':
      return `plan ready: ${event.tasks} task(s), ${event.file}`;
    case 'review:started':
      return `task ${event.task}: the reviewer writes ${event.testFiles.join(', ')} (attempt ${event.attempt})`;
    case 'review:rejected':
      return `task ${event.task}: tests sent back to the reviewer: ${event.reason}`;
    case 'tests:locked':
      return `task ${event.task}: tests red (${event.headline}) and locked: ${event.files.join(', ')}`;
    case 'tests:unlocked':
      return event.found ? `unlocked ${event.path}` : `${event.path} was not locked`;
    case 'guard:violation':
      return `${at}: GUARD: ${guarded[event.what ?? 'test']} ${event.path} ${event.detail}`;
    case 'guard:protected':
      return protectedLine(event);
    case 'guard:failed':
      return `${at}: GUARD: the run does not count: ${event.reason}`;
    case 'lego:violations':
      return (
        `${at}: LEGO: ` +
        `${event.violations.length > 0 ? event.violations.join('; ') : "the task's files are clean again"}`
      );
    case 'model:state':
      return (
        `model ${event.model} (${event.role}): ` +
        event.state +
        (event.sizeVram !== undefined ? `, ${gb(event.sizeVram)} of ${gb(event.size ?? 0)} in VRAM` : '')
      );
    case 'model:lines':
      return `model ${event.model} (${event.role}) for ${event.lines} lines: ${event.why}`;
    case 'model:pull':
      return (
        `pulling ${event.model} (${event.role}): ` +
        `${event.status}${event.total ? ` ${Math.floor(((event.completed ?? 0) * 100) / event.total)}%` : ''}`
      );
    case 'line:started':
      return `task ${event.task}: its line starts on ${event.branch} (worktree ${event.worktree})`;
    case 'line:merging':
      return `task ${event.task}: merging ${event.branch} into ${event.into}; the whole suite runs on the merged tree`;
    case 'line:merged':
      return `task ${event.task}: merged (${event.sha.slice(0, 10)}), green on the run branch`;
    case 'line:returned': {
      const what = event.reason === 'conflict' ? event.files : event.tests;
      return (
        `${at}: sent back to its line: ${event.reason}${what.length > 0 ? ` (${what.join(', ')})` : ''} — ` +
        `${event.detail}`
      );
    }
    case 'line:closed':
      return `task ${event.task}: its line closes (${event.outcome}: ${event.reason})`;
    case 'run:finished':
      return (
        `run finished: ${event.outcome}, ${event.tasksGreen}/${event.tasksTotal} task(s) green — ${event.reason} ` +
        `(exit ${event.exitCode})`
      );
    default:
      return undefined;
  }
}

const guarded = { test: 'locked', factory: "factory's file", config: 'runner configuration', code: 'code' } as const;

function protectedLine(event: FactoryEventOf<'guard:protected'>): string | undefined {
  const parts = [
    event.tests.length > 0 ? `your tests ${event.tests.join(', ')}` : '',
    event.factory.join(', '),
    event.config.length > 0 ? `runner configuration ${event.config.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `run: locked for the whole run: ${parts.join('; ')}` : undefined;
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** A call's own cost, when its engine reports one. */
const cost = (usd: number | undefined): string => (usd === undefined ? '' : ` ($${usd.toFixed(4)})`);

const refactorLine = (event: { reason: string }): string =>
  `played as a refactor (${event.reason}): green after a round that changes the code and keeps its tests passing`;
