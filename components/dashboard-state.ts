// The dashboard's state as a pure reducer: folds the engine's
// events and the user's UI actions; no Ink, unit-tested alone.
import type { FactoryEvent } from '../engine/contract/events.js';
import type { LineStatus } from '../engine/reports/line-status.js';
import { initialStatus, reduceStatus, type RunStatus } from '../engine/reports/run-status.js';
import { refusal } from '../engine/reports/round-record.js';
import { toolEnd, toolOutputTail } from '../engine/worker-tools/tool-end.js';
import { baselineLine } from './baseline-line.js';
import { diffTone } from './diff-tone.js';
import { foldModels, sharingText, type ModelViews } from './dashboard-models.js';
import { initialLimits, limitsEvent, reduceLimits, type LimitsAction, type LimitsForm } from './limits-state.js';
import { noLinePanes, type Follow, type LinePanes } from './line-panes.js';
import { appendLines, toLines, type Line } from './line-window.js';
import {
  emptyPanes,
  inPanes,
  openLine,
  paneIds,
  showFollowed,
  type DiffView,
  type PaneContent,
  type PaneId,
} from './pane-content.js';
import { supervisorEntry, type SupervisorEntry } from './supervisor-entries.js';

export { paneIds, type DiffView, type PaneId, type TestsView } from './pane-content.js';

type Overlay = 'none' | 'help' | 'redirect' | 'quit' | 'limits';

export type DashboardState = PaneContent & {
  status: RunStatus;
  models: ModelViews;
  focus: PaneId;
  zoom?: PaneId;
  overlay: Overlay;
  /** The redirect text, or the value being edited in the limits form. */
  draft: string;
  /** The live settings' current values (run:started, then config:changed); the limits form shows them. */
  settings: Record<string, string>;
  limits: LimitsForm;
  /** Rows the help overlay is scrolled down. */
  helpScroll: number;
  /** A one-line message for the user (a disabled key's reason, what was sent). */
  notice?: string;
  /** The engine's channel closed: nothing more will come. */
  detached: boolean;
  /** Which production line the panes follow, and the other lines' panes (the fields above hold the followed one's). */
  follow: Follow;
  linePanes: LinePanes<PaneContent>;
};

export type UiAction =
  | { type: 'events'; events: readonly FactoryEvent[] }
  | { type: 'focus'; pane: PaneId }
  | { type: 'focus-step'; by: 1 | -1 }
  | { type: 'zoom'; pane: PaneId }
  | { type: 'scroll'; by: number }
  | { type: 'scroll-bottom' }
  | { type: 'diff-step'; by: 1 | -1 }
  | { type: 'overlay'; overlay: Overlay }
  | { type: 'draft'; text: string }
  | { type: 'help-scroll'; by: number }
  | { type: 'notice'; text?: string }
  | { type: 'detached' }
  /** < and >: the previous or next line, in task order; --line N: follow the N-th line's place. */
  | { type: 'line-step'; by: 1 | -1 }
  | { type: 'follow-line'; slot: number }
  | LimitsAction;

const maxDiffs = 50;
const maxEntries = 200;

export const initialDashboard = (): DashboardState => ({
  status: initialStatus(),
  ...emptyPanes(),
  models: {},
  focus: 'worker',
  overlay: 'none',
  draft: '',
  settings: {},
  limits: initialLimits(),
  helpScroll: 0,
  detached: false,
  follow: { slot: 1 },
  linePanes: noLinePanes(),
});

export function reduceDashboard(state: DashboardState, action: UiAction): DashboardState {
  switch (action.type) {
    case 'events':
      return foldEvents(state, action.events);
    case 'focus':
      return { ...state, focus: action.pane };
    case 'focus-step': {
      const at = (paneIds.indexOf(state.focus) + action.by + paneIds.length) % paneIds.length;
      const focus = paneIds[at] ?? state.focus;
      return { ...state, focus, zoom: state.zoom ? focus : undefined };
    }
    case 'zoom':
      return { ...state, focus: action.pane, zoom: state.zoom === action.pane ? undefined : action.pane };
    case 'scroll': {
      const limit = Math.max(0, paneLength(state, state.focus) - 1);
      const next = Math.min(limit, Math.max(0, state.scroll[state.focus] + action.by));
      return { ...state, scroll: { ...state.scroll, [state.focus]: next } };
    }
    case 'scroll-bottom':
      return { ...state, scroll: { ...state.scroll, [state.focus]: 0 } };
    case 'diff-step': {
      if (state.diffs.length === 0) return state;
      const next = Math.min(state.diffs.length - 1, Math.max(0, shownDiffIndex(state) + action.by));
      return {
        ...state,
        diffIndex: next === followedIndex(state.diffs) ? undefined : next,
        scroll: { ...state.scroll, diff: 0 },
      };
    }
    case 'overlay':
      return {
        ...state,
        overlay: action.overlay,
        draft: action.overlay === 'redirect' ? '' : state.draft,
        helpScroll: 0,
        limits: action.overlay === 'limits' ? initialLimits() : state.limits,
      };
    case 'help-scroll':
      return { ...state, helpScroll: Math.max(0, state.helpScroll + action.by) };
    case 'draft':
      return { ...state, draft: action.text };
    case 'notice':
      return { ...state, notice: action.text };
    case 'detached':
      return { ...state, detached: true };
    case 'line-step': {
      const tasks = state.status.lines.map((line) => line.task).sort((a, b) => a - b);
      if (tasks.length < 2) return state;
      const at = tasks.indexOf(shownLine(state)?.task ?? tasks[0]!);
      const task = tasks[(at + action.by + tasks.length) % tasks.length]!;
      return showFollowed({ ...state, follow: { task } });
    }
    case 'follow-line':
      return showFollowed({ ...state, follow: { slot: action.slot, held: true } });
    default:
      return reduceLimits(state, action);
  }
}

/**
 * Where the Diff pane is when it follows: the newest diff of code. The commit that ticks a task in RFP/tasks.md comes
 * after the task's last round and would otherwise take that round's place; it stays one ] away.
 */
function followedIndex(diffs: readonly DiffView[]): number {
  const code = diffs.findLastIndex((diff) => diff.kind !== 'task-done');
  return code >= 0 ? code : diffs.length - 1;
}

/** The production line the panes show now; undefined before any line (or while the followed place is empty). */
export function shownLine(state: DashboardState): LineStatus | undefined {
  const { shown } = state.linePanes;
  return shown === 'run' ? undefined : state.status.lines.find((line) => line.task === shown);
}

/** The run's status as the status bar and banner tell it: with lines, the task, round and streaks are the shown line's. */
export function shownStatus(state: DashboardState): RunStatus {
  const line = shownLine(state);
  if (!line) return state.status;
  const { task, title, round, maxRounds, failStreak, idleStreak, lastTests } = line;
  return { ...state.status, task, taskTitle: title, round, maxRounds, failStreak, idleStreak, lastTests };
}

/** The index of the diff the Diff pane shows now (-1 when there is none). */
export const shownDiffIndex = (state: DashboardState): number => state.diffIndex ?? followedIndex(state.diffs);

/** The diff the Diff pane shows now. */
export const shownDiff = (state: DashboardState): DiffView | undefined => state.diffs[shownDiffIndex(state)];

function paneLength(state: DashboardState, pane: PaneId): number {
  if (pane === 'worker') return state.worker.length;
  if (pane === 'tests') return state.tests.lines.length;
  if (pane === 'supervisor') return state.supervisor.length;
  return shownDiff(state)?.lines.length ?? 0;
}

/** A pane the user scrolled up keeps showing the same lines while new ones arrive below. */
function keepPlace(state: DashboardState, pane: PaneId, added: number): Record<PaneId, number> {
  if (state.scroll[pane] === 0 || added === 0) return state.scroll;
  return { ...state.scroll, [pane]: state.scroll[pane] + added };
}

/**
 * Runs of streamed lines (the worker's chunks, the tests' output) are appended in one go: at thousands of lines a
 * second, copying a pane's window once per line would dominate.
 */
function foldEvents(state: DashboardState, events: readonly FactoryEvent[]): DashboardState {
  let next = state;
  // One run per pane and line (worker or tests, by task): lines stream side by side, each into its own panes, so
  // their interleaved lines are gathered apart and each pane's window is copied once. A run of the run's own (no
  // line's: it goes into every line's panes) is kept alone, in its place.
  const runs = new Map<string, { last: FactoryEvent; lines: Line[] }>();
  let holdsShared = false;
  const flushRuns = (): void => {
    for (const { last, lines } of runs.values()) {
      const counted = { ...next, status: reduceStatus(next.status, last) };
      next = inPanes(counted, last.task, (panes) =>
        last.type === 'agent:chunk' ? addWorker(panes, lines) : addTestLines(panes, lines),
      );
    }
    runs.clear();
    holdsShared = false;
  };
  for (const event of events) {
    if (event.type === 'agent:chunk' || event.type === 'tests:output') {
      const key = `${event.type}:${event.task}`;
      const { lines } = next.status;
      const shared = lines.length > 0 && !lines.some((line) => line.task === event.task);
      if (shared ? runs.size > 0 && !runs.has(key) : holdsShared) flushRuns();
      const run = runs.get(key) ?? { last: event, lines: [] };
      runs.set(key, run);
      holdsShared ||= shared;
      run.last = event;
      run.lines.push(...toLines(event.text, 'text'));
      continue;
    }
    flushRuns();
    next = foldEvent(next, event);
  }
  flushRuns();
  return next;
}

function foldEvent(previous: DashboardState, event: FactoryEvent): DashboardState {
  const counted = { ...previous, status: reduceStatus(previous.status, event) };
  if (event.type === 'run:started')
    return showFollowed(
      limitsEvent(
        {
          ...initialDashboard(),
          status: counted.status,
          focus: counted.focus,
          zoom: counted.zoom,
          overlay: counted.overlay,
          draft: counted.draft,
          limits: counted.limits,
          follow: counted.follow,
        },
        event,
      ),
    );
  const opened = event.type === 'line:started' ? openLine(counted, event.task) : counted;
  const entry = supervisorEntry(event);
  const folded = inPanes(opened, event.task, (state) => foldPanes(entry ? addEntry(state, entry) : state, event));
  const modelled =
    event.type === 'model:state' || event.type === 'model:lines'
      ? { ...folded, models: foldModels(folded.models, event) }
      : folded;
  const shown = event.type === 'line:started' || event.type === 'line:closed' ? showFollowed(modelled) : modelled;
  return limitsEvent(shown, event);
}

/** What an event changes in one set of panes. */
function foldPanes(state: DashboardState, event: FactoryEvent): DashboardState {
  switch (event.type) {
    case 'round:started': {
      const heading = `── task ${event.task} · round ${event.round}/${event.maxRounds} ──`;
      return addWorker(state, toLines(heading, 'heading'));
    }
    case 'agent:tool':
      return addWorker(state, toLines(`⚙ ${event.name} ${event.detail}`, 'tool'));
    case 'tool:started':
      return addWorker(state, toLines(`▶ ${event.tool} ${event.detail} (in the sandbox…)`, 'tool'));
    case 'tool:finished':
      return addWorker(
        state,
        toLines(
          [`◀ ${toolEnd(event)}`, ...toolOutputTail(event).map((line) => `  ${line}`)].join('\n'),
          event.refused ? 'refused' : 'tool',
        ),
      );
    case 'agent:edit':
      return addWorker(
        state,
        toLines(
          event.action === 'refused' ? `✗ ${refusal(event)}` : `✎ ${event.action} ${event.path}`,
          event.action === 'refused' ? 'refused' : 'edit',
        ),
      );
    case 'agent:finished':
      return event.ok
        ? state
        : addWorker(state, toLines(`worker failed: ${event.error ?? 'unknown error'}`, 'failure'));
    case 'tests:started':
      return {
        ...state,
        tests: { ...state.tests, running: true, command: event.command, lines: [] },
        scroll: { ...state.scroll, tests: 0 },
      };
    case 'tests:finished': {
      const { result } = event;
      const lines = state.tests.lines.length > 0 ? state.tests.lines : toLines(result.excerpt, 'text');
      // The task's verdict, with the suite's result and why when they differ.
      return {
        ...state,
        tests: {
          headline: `${event.baseline ? 'baseline: ' : ''}${event.taskVerdict?.why ?? result.headline}`,
          green: event.taskVerdict?.green ?? result.green,
          running: false,
          command: result.command,
          lines,
          counts: { passed: result.passed, failed: result.failed, errored: result.errored, skipped: result.skipped },
          // A round's judgement knows the task's own tests: its failures from before the run are the ones outside it.
          baseline:
            state.tests.baselineRun && event.taskVerdict?.failingBefore
              ? baselineLine(state.tests.baselineRun, event.taskVerdict.failingBefore)
              : state.tests.baseline,
          baselineRun: state.tests.baselineRun,
        },
      };
    }
    case 'guard:failed':
      // Why the run does not count, under its output, before the verdict's headline comes.
      return addTestLines(state, toLines(`GUARD: the run does not count: ${event.reason}`, 'failure'));
    case 'task:started': {
      // A new task: until one of its rounds judges, the baseline's own split says what lies outside it.
      const run = state.tests.baselineRun;
      return run ? { ...state, tests: { ...state.tests, baseline: baselineLine(run) } } : state;
    }
    case 'baseline:recorded':
      return { ...state, tests: { ...state.tests, baseline: baselineLine(event), baselineRun: event } };
    case 'git:committed': {
      if (!event.diff.trim()) return state;
      const diff: DiffView = {
        task: event.task,
        round: event.round,
        kind: event.kind ?? 'round',
        sha: event.sha,
        message: event.message,
        lines: toLines(event.diff, diffTone),
      };
      const diffs = [...state.diffs, diff].slice(-maxDiffs);
      const follow = state.diffIndex === undefined;
      // Following, the pane moves to the new diff unless it is the task-closing tick (then it stays on the round's).
      const moved = follow && diffs[followedIndex(diffs)] !== shownDiff(state);
      return {
        ...state,
        diffs,
        diffIndex: follow ? undefined : Math.max(0, state.diffIndex! - (state.diffs.length + 1 - diffs.length)),
        scroll: moved ? { ...state.scroll, diff: 0 } : state.scroll,
      };
    }
    case 'task:finished':
      return addWorker(
        state,
        toLines(
          `task ${event.task} ${event.outcome}: ${event.reason}`,
          event.outcome === 'green' ? 'success' : 'warning',
        ),
      );
    case 'run:error':
      return addWorker(state, toLines(`run error: ${event.message}`, 'failure'));
    case 'line:returned':
      return addWorker(
        state,
        toLines(`task ${event.task} sent back to its line (${event.reason}): ${event.detail}`, 'warning'),
      );
    case 'line:merged':
      return addWorker(
        state,
        toLines(`task ${event.task} merged into the run branch (${event.sha.slice(0, 7)}): green there`, 'success'),
      );
    case 'model:lines':
      return addWorker(
        state,
        toLines(`${event.role} ${event.model} shared by ${sharingText(event)}: ${event.why}`, 'tool'),
      );
    default:
      return state;
  }
}

function addWorker(state: DashboardState, added: Line[]): DashboardState {
  return { ...state, worker: appendLines(state.worker, added), scroll: keepPlace(state, 'worker', added.length) };
}

function addTestLines(state: DashboardState, added: Line[]): DashboardState {
  return {
    ...state,
    tests: { ...state.tests, lines: appendLines(state.tests.lines, added) },
    scroll: keepPlace(state, 'tests', added.length),
  };
}

function addEntry(state: DashboardState, entry: SupervisorEntry): DashboardState {
  return {
    ...state,
    supervisor: [...state.supervisor, entry].slice(-maxEntries),
    scroll: keepPlace(state, 'supervisor', 1),
  };
}
