// The real Dashboard with two production lines in a fake terminal: the lines strip at 80x24 and 120x30, < and >
// switching what the Worker pane shows, steering aimed at the line on screen, --line, and no strip with one line.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart, testsReport } from '../support/factory-events.js';
import { keys } from '../support/fake-terminal.js';
import { press } from '../support/press-key.js';
import { dashboardsUnmountedAfterEach, plain, shows } from '../support/render-dashboard.js';

const open = dashboardsUnmountedAfterEach();

const line = (task: number, title: string): FactoryEvent[] => [
  event(
    'line:started',
    { title, branch: `factory/r1-task-${task}`, worktree: `/tmp/l/${task}`, base: 'abc1234' },
    { task, round: 0 },
  ),
  event('round:started', { maxRounds: 20, failStreak: 0, idleStreak: 0, runRound: task, head: '' }, { task }),
];
const twoLines = (): FactoryEvent[] => [
  ...runStart(),
  ...line(1, 'Conversions'),
  ...line(2, 'Parsing'),
  event('agent:chunk', { text: 'first line thinking' }, { task: 1 }),
  event('agent:chunk', { text: 'second line thinking' }, { task: 2 }),
  event('agent:finished', { ok: true, costUsd: 0.5, usage: { costUsd: 0.5, tokens: 10 } }, { task: 2 }),
  event('tests:finished', { result: testsReport(3, 1), baseline: false }, { task: 2 }),
];

describe('dashboard with production lines', () => {
  for (const [columns, rows] of [
    [80, 24],
    [120, 30],
  ] as const)
    it(`shows the lines strip above the panes at ${columns}x${rows}, and < > switch the Worker pane`, async () => {
      const view = open({ columns, rows });
      view.channel.emit(...twoLines());
      await shows(view, 'first line thinking');
      const screen = plain(view);
      expect(screen).not.toContain('second line thinking');
      expect(screen).toMatch(/› L1 task 1 Conversions\s+r(ound )?1\/20\s+running\s+no test run yet\s+\$0\.00/);
      expect(screen).toMatch(/ {2}L2 task 2 Parsing\s+r(ound )?1\/20\s+running\s+3\/4 passing\s+\$0\.50/);
      // The strip sits between the banner and the panes, and the frame still fits the terminal.
      const rowsShown = screen.split('\n');
      expect(rowsShown.findIndex((row) => row.includes('L1 task 1'))).toBe(2);
      expect(rowsShown.findIndex((row) => row.includes('1 Worker'))).toBe(5);
      expect(rowsShown.length).toBeLessThanOrEqual(rows);
      for (const row of rowsShown) expect([...row].length, row).toBeLessThanOrEqual(columns);
      expect(screen).toContain('</> line');
      if (columns >= 120) expect(screen).toContain('lines 2 running, 0 green');

      await press(view, '>');
      await shows(view, 'second line thinking');
      expect(plain(view)).not.toContain('first line thinking');
      expect(plain(view)).toMatch(/› L2 task 2 Parsing/);
      expect(plain(view)).toContain('task 2: Parsing');
      await press(view, '<');
      await shows(view, 'first line thinking');
    });

  for (const [columns, rows] of [
    [80, 24],
    [120, 30],
  ] as const)
    it(`at ${columns}x${rows} says how the lines share the local coder model (model:lines): bar and worker pane`, async () => {
      const view = open({ columns, rows });
      view.channel.emit(
        ...twoLines(),
        event('model:state', { model: 'qwen2.5-coder:7b', role: 'coder', state: 'loaded', sizeVram: 5e9 }),
        event('model:lines', {
          model: 'qwen2.5-coder:7b',
          role: 'coder',
          lines: 2,
          atOnce: 1,
          why: 'a queue, one call at a time: the budget holds one copy',
        }),
      );
      // The worker pane says why (cut at the pane's width); the bar (test/components/StatusBar.test.tsx at 80 and 120
      // columns) has the sharing where the model is, when the events' fixed times leave it room.
      await shows(view, 'coder qwen2.5-coder:7b shared by 2 li');
      const screen = plain(view);
      if (columns >= 120) {
        expect(screen).toMatch(/coder( qwen2\.5-coder:7b)? loaded · 2 lines, 1 at once/);
      }
      for (const row of screen.split('\n')) expect([...row].length, row).toBeLessThanOrEqual(columns);
    });

  it('sends redirect, escalate and skip to the line on screen', async () => {
    const view = open({ columns: 120, rows: 30 });
    view.channel.emit(...twoLines());
    await shows(view, 'first line thinking');
    await press(view, '>');
    await shows(view, 'second line thinking');
    await press(view, 'r');
    await shows(view, 'redirect task 2 ›');
    for (const char of 'parse ints') await press(view, char);
    await press(view, keys.enter);
    await shows(view, 'redirect sent to task 2');
    await press(view, 'e');
    await press(view, 's');
    expect(view.channel.sent).toEqual([
      { type: 'redirect', text: 'parse ints', task: 2 },
      { type: 'escalate', task: 2 },
      { type: 'skip', task: 2 },
    ]);
  });

  it('sends nothing to a line that has closed, and says why; pause still reaches every line', async () => {
    const view = open({ columns: 120, rows: 30 });
    view.channel.emit(
      ...twoLines(),
      event('task:finished', { outcome: 'green', reason: 'merged' }, { task: 2 }),
      event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 2 }),
    );
    await shows(view, 'first line thinking');
    await press(view, '>');
    await shows(view, 'second line thinking');
    await press(view, 'r');
    await shows(view, "task 2's line has closed (green): < > select a line at work");
    await press(view, 'p');
    expect(view.channel.sent).toEqual([{ type: 'pause' }]);
  });

  it('--line 2 starts on the second line', async () => {
    const view = open({ columns: 100, rows: 30, line: 2 });
    view.channel.emit(...twoLines());
    await shows(view, 'second line thinking');
    expect(plain(view)).toMatch(/› L2 task 2/);
  });

  it('shows no strip while only one line has been seen, and < > say why they do nothing', async () => {
    const view = open({ columns: 100, rows: 30 });
    view.channel.emit(...runStart(), ...line(1, 'Conversions'), event('agent:chunk', { text: 'alone' }, { task: 1 }));
    await shows(view, 'alone');
    expect(plain(view)).not.toContain('L1 task 1');
    expect(plain(view)).not.toContain('</> line');
    await press(view, '>');
    await shows(view, 'one line only: tasks run one after the other');
  });
});
