// The dashboard reducer with production lines: two lines' events interleaved in one stream, each folded into its own
// line's panes and row; the panes follow the selected line; the run's own events reach every line.
import { describe, expect, it } from 'vitest';
import {
  initialDashboard,
  reduceDashboard,
  shownDiff,
  shownLine,
  shownStatus,
  type DashboardState,
  type UiAction,
} from '../../components/dashboard-state.js';
import { stripRows } from '../../components/lines-strip-rows.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart, testsReport } from '../support/factory-events.js';

const fold = (state: DashboardState, ...steps: (FactoryEvent | UiAction)[]): DashboardState =>
  steps.reduce<DashboardState>(
    (next, step) => reduceDashboard(next, 'ts' in step ? { type: 'events', events: [step] } : step),
    state,
  );
const start = (...steps: (FactoryEvent | UiAction)[]) => fold(initialDashboard(), ...steps);

const line = (task: number, title: string): FactoryEvent[] => [
  event(
    'line:started',
    { title, branch: `factory/r1-task-${task}`, worktree: `/tmp/lines/${task}`, base: 'abc1234' },
    { task, round: 0 },
  ),
  event('round:started', { maxRounds: 20, failStreak: 0, idleStreak: 0, runRound: task, head: '' }, { task }),
];
const say = (task: number, text: string): FactoryEvent => event('agent:chunk', { text }, { task });
const spend = (task: number, costUsd: number): FactoryEvent =>
  event('agent:finished', { ok: true, costUsd, usage: { costUsd, tokens: 100 } }, { task });
const worker = (state: DashboardState): string[] => state.worker.map((entry) => entry.text);

// The baseline ran before any line: the run's own test output, which every line's Tests pane starts from.
const baseline = [
  event('tests:started', { command: 'pytest', baseline: true }, { task: 0, round: 0 }),
  event('tests:finished', { result: testsReport(1, 3), baseline: true }, { task: 0, round: 0 }),
];
const twoLines = (): DashboardState =>
  start(
    ...runStart(),
    ...baseline,
    ...line(1, 'Conversions'),
    ...line(2, 'Parsing'),
    say(1, 'one: thinking'),
    say(2, 'two: thinking'),
    say(1, 'one: writing convert.py'),
    spend(1, 0.25),
    say(2, 'two: writing parse.py'),
    spend(2, 0.5),
    event('tests:finished', { result: testsReport(2, 2), baseline: false }, { task: 2 }),
  );

describe('dashboard with production lines', () => {
  it('keeps each line its own worker pane and row; the first line is shown', () => {
    const state = twoLines();
    expect(shownLine(state)?.task).toBe(1);
    expect(worker(state)).toContain('one: writing convert.py');
    expect(worker(state).join('\n')).not.toContain('two:');
    expect(
      state.status.lines.map(({ task, slot, state, round, costUsd }) => ({ task, slot, state, round, costUsd })),
    ).toEqual([
      { task: 1, slot: 1, state: 'running', round: 1, costUsd: 0.25 },
      { task: 2, slot: 2, state: 'running', round: 1, costUsd: 0.25 },
    ]);
    expect(state.status.lines[1]?.lastTests).toBe('2/4 passing');
    // Line 1 has run no tests of its own: its pane still shows the baseline the run recorded before the lines.
    expect(state.tests.headline).toBe('baseline: 1/4 passing');
  });

  it('switches all four panes with the line selection, and back', () => {
    const state = fold(
      twoLines(),
      event('git:committed', { sha: 'aaaa111', message: 'r1', files: ['a.py'], diff: '+from one\n' }, { task: 1 }),
      event('git:committed', { sha: 'bbbb222', message: 'r1', files: ['b.py'], diff: '+from two\n' }, { task: 2 }),
    );
    const second = reduceDashboard(state, { type: 'line-step', by: 1 });
    expect(shownLine(second)?.task).toBe(2);
    expect(worker(second)).toContain('two: writing parse.py');
    expect(worker(second).join('\n')).not.toContain('one:');
    expect(second.tests.headline).toBe('2/4 passing');
    expect(shownDiff(second)?.sha).toBe('bbbb222');
    expect(shownStatus(second)).toMatchObject({ task: 2, taskTitle: 'Parsing', round: 1 });
    // Lines arriving for the parked line 1 land in its panes, seen once it is selected again.
    const back = fold(second, say(1, 'one: tests pass now'), { type: 'line-step', by: -1 });
    expect(shownLine(back)?.task).toBe(1);
    expect(worker(back).slice(-1)).toEqual(['one: tests pass now']);
    expect(shownDiff(back)?.sha).toBe('aaaa111');
  });

  it("puts the run's own events (a pause) into every line's panes, a line's event only into its own", () => {
    const state = fold(
      twoLines(),
      event('human:action', { action: 'pause' }, { task: 0, round: 0 }),
      event(
        'line:returned',
        { reason: 'conflict', files: ['calc.py'], tests: [], detail: 'both edit add()' },
        { task: 2, round: 1 },
      ),
    );
    const labels = (view: DashboardState) => view.supervisor.map((entry) => entry.label);
    expect(labels(state)).toEqual(['LINE', 'pause']);
    const second = reduceDashboard(state, { type: 'line-step', by: 1 });
    expect(labels(second)).toEqual(['LINE', 'pause', 'RETURNED']);
    expect(second.supervisor.at(-1)?.text).toBe('conflict (calc.py): both edit add()');
    expect(worker(second).at(-1)).toBe('task 2 sent back to its line (conflict): both edit add()');
    expect(second.status.lines[1]).toMatchObject({ state: 'returned', returns: 1 });
  });

  it('follows a place: when its line closes, the next task to take the place is shown, reading on from it', () => {
    const state = fold(
      twoLines(),
      event('line:merging', { branch: 'factory/r1-task-1', into: 'factory/r1' }, { task: 1 }),
      event('line:merged', { branch: 'factory/r1-task-1', sha: 'cccc333' }, { task: 1 }),
      event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 1 }),
      ...line(3, 'Formatting'),
      say(3, 'three: hello'),
    );
    expect(state.status.lines.map((each) => `${each.task}:${each.slot}:${each.state}`)).toEqual([
      '1:1:green',
      '2:2:running',
      '3:1:running',
    ]);
    expect(shownLine(state)?.task).toBe(3);
    expect(worker(state)).toEqual(expect.arrayContaining(['one: writing convert.py', 'three: hello']));
    expect(worker(state).join('\n')).not.toContain('two:');
    // --line 2 follows the second place.
    expect(worker(reduceDashboard(state, { type: 'follow-line', slot: 2 })).at(-1)).toBe('two: writing parse.py');
  });

  it('by default moves on to a line at work when the first place empties; --line N stays on its place', () => {
    const closed = fold(twoLines(), event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 1 }));
    expect(shownLine(closed)?.task).toBe(2);
    const held = fold(
      twoLines(),
      { type: 'follow-line', slot: 1 },
      event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 1 }),
    );
    expect(shownLine(held)?.task).toBe(1);
    // Once every line has closed, the panes stay on the last one shown.
    const done = fold(closed, event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 2 }));
    expect(shownLine(done)?.task).toBe(2);
  });

  it("folds a batch of interleaved streamed lines into each line in order, the run's own into both", () => {
    const chunks = Array.from({ length: 30 }, (_, n) => say(n === 15 ? 0 : (n % 2) + 1, `c${n}`));
    const state = reduceDashboard(twoLines(), { type: 'events', events: chunks });
    expect(worker(state).filter((text) => text.startsWith('c'))).toEqual(
      chunks.filter((chunk) => chunk.task !== 2).map((chunk) => (chunk as { text: string }).text),
    );
    const second = reduceDashboard(state, { type: 'line-step', by: 1 });
    expect(worker(second).filter((text) => text.startsWith('c'))).toEqual(
      chunks.filter((chunk) => chunk.task !== 1).map((chunk) => (chunk as { text: string }).text),
    );
  });

  it('without line events, nothing is routed: one set of panes, no lines, and < > do nothing', () => {
    const state = start(...runStart(), say(1, 'alone'), { type: 'line-step', by: 1 });
    expect(state.status.lines).toEqual([]);
    expect(shownLine(state)).toBeUndefined();
    expect(worker(state).at(-1)).toBe('alone');
    expect(state.linePanes.parked.size).toBe(0);
  });

  it('on a short screen the strip keeps the shown line and those at work, and counts the rest', () => {
    let state = twoLines();
    for (const task of [1, 2])
      state = fold(state, event('line:closed', { outcome: 'green', reason: 'merged' }, { task }));
    state = fold(state, ...line(3, 'Three'), ...line(4, 'Four'), ...line(5, 'Five'));
    const rows = stripRows(state.status.lines, 1, 3);
    expect(rows.lines.map((each) => each.task)).toEqual([1, 5]);
    expect(rows.more).toEqual({ count: 3, green: 1, stopped: 0 });
    expect(stripRows(state.status.lines, 1, 5).lines).toHaveLength(5);
  });

  it('a resumed run shows its lines stopped until each starts again, in a free place', () => {
    const resumed = event('run:started', { ...(runStart()[0] as object), resumed: true } as never, {
      task: 0,
      round: 0,
    });
    const state = fold(twoLines(), resumed);
    expect(state.status.lines.map((each) => `${each.task}:${each.state}:${each.closed}`)).toEqual([
      '1:stopped:true',
      '2:stopped:true',
    ]);
    const again = fold(state, ...line(2, 'Parsing'));
    expect(again.status.lines[1]).toMatchObject({ task: 2, state: 'running', closed: false, slot: 1, costUsd: 0.25 });
    expect(shownLine(again)?.task).toBe(2);
  });
});
