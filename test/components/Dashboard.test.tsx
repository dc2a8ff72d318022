// The real Dashboard in a fake terminal: what each pane and the status bar show for given events, what each key sends, pauses, resize, NO_COLOR.
import { describe, expect, it, vi } from 'vitest';

// Colours are only emitted when forced: the test process has no terminal.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { noColor } from '../../themes/no-color.js';
import { themes } from '../../themes/pick-theme.js';
import { event, runStart, testsReport } from '../support/factory-events.js';
import { keys } from '../support/fake-terminal.js';
import { press } from '../support/press-key.js';
import { dashboardsUnmountedAfterEach, plain, shows, type RenderedDashboard } from '../support/render-dashboard.js';

type Rendered = RenderedDashboard;
const open = dashboardsUnmountedAfterEach();

describe('panes', () => {
  it('Worker shows streamed text, tool calls, edits and refusals', async () => {
    const view = open();
    view.channel.emit(
      ...runStart(),
      event('agent:chunk', { text: 'thinking about c_to_f' }),
      event('agent:tool', { name: 'Bash', detail: 'ls weather' }),
      event('agent:edit', { path: 'weather/convert.py', action: 'write' }),
      event('agent:edit', { path: '.git/config', action: 'refused', reason: 'inside .git' }),
    );
    await shows(view, 'thinking about c_to_f');
    expect(plain(view)).toContain('⚙ Bash ls weather');
    expect(plain(view)).toContain('✎ write weather/convert.py');
    expect(plain(view)).toContain('✗ .git/config was refused: inside .git');
    expect(plain(view)).toContain('── task 1 · round 1/20 ──');
  });

  it('Tests shows a red headline with counts, then green, then the output', async () => {
    const view = open();
    view.channel.emit(
      ...runStart(),
      event('tests:started', { command: 'python3 -m pytest', baseline: false }),
      event('tests:output', { text: 'FAILED tests/test_convert.py::test_rounding' }),
      event('tests:finished', { result: testsReport(3, 1), baseline: false }),
    );
    await shows(view, '✘ RED 3/4 passing · 3 passed, 1 failed');
    expect(view.frame()).toContain('\u001b[31m');
    expect(plain(view)).toContain('FAILED tests/test_convert.py::test_rounding');
    view.channel.emit(event('tests:started', { command: 'python3 -m pytest', baseline: false }));
    await shows(view, '… running python3 -m pytest');
    view.channel.emit(event('tests:finished', { result: testsReport(4, 0, '4 passed in 0.1s'), baseline: false }));
    await shows(view, '✔ GREEN 4/4 passing · 4 passed, 0 failed');
    expect(plain(view)).toContain('4 passed in 0.1s');
  });

  it('Supervisor shows verdicts and human actions with their times', async () => {
    const view = open({ columns: 160 });
    const verdict = event('verdict:issued', {
      verdict: { decision: 'REDIRECT', reason: 'wrong order', instructions: 'subtract 32 first' },
      by: 'supervisor',
    });
    const action = event('human:action', { action: 'redirect', text: 'use round()' });
    view.channel.emit(...runStart(), verdict, action);
    await shows(view, `${verdict.ts.slice(11, 19)} sup REDIRECT: wrong order → subtract 32 first`);
    expect(plain(view)).toContain(`${action.ts.slice(11, 19)} you redirect: use round()`);
  });

  it('Diff is coloured and earlier rounds stay reachable with [ and ]', async () => {
    const view = open();
    const diff = (n: number): string => `diff --git a/c.py b/c.py\n@@ -1 +1 @@\n-old ${n}\n+new ${n}\n`;
    view.channel.emit(
      ...runStart(),
      event('git:committed', { sha: 'aaaaaaa1', message: 'r1', files: ['c.py'], diff: diff(1) }),
      event('git:committed', { sha: 'bbbbbbb2', message: 'r2', files: ['c.py'], diff: diff(2) }, { round: 2 }),
    );
    await shows(view, '4 Diff · task 1 round 2 · bbbbbbb · 2/2');
    expect(view.frame()).toMatch(/\u001b\[32m\+new 2/);
    expect(view.frame()).toMatch(/\u001b\[31m-old 2/);
    await press(view, '4');
    await press(view, '[');
    await shows(view, '4 Diff · task 1 round 1 · aaaaaaa · 1/2');
    expect(plain(view)).toContain('+new 1');
    await press(view, ']');
    await shows(view, '+new 2');
  });

  it('Diff keeps round 2 in view when the task closes; the commit ticking RFP/tasks.md is its own entry', async () => {
    const view = open();
    view.channel.emit(
      ...runStart(),
      event(
        'git:committed',
        {
          sha: 'ccccccc3',
          message: 'round 2',
          files: ['c.py'],
          diff: 'diff --git a/c.py b/c.py\n@@ -1 +1 @@\n-old\n+round two code\n',
          kind: 'round',
        },
        { round: 2 },
      ),
      event(
        'git:committed',
        {
          sha: 'ddddddd4',
          message: 'factory: task 1 done',
          files: ['RFP/tasks.md'],
          diff: 'diff --git a/RFP/tasks.md b/RFP/tasks.md\n@@ -1 +1 @@\n-- [ ] Add\n+- [x] Add\n',
          kind: 'task-done',
        },
        { round: 2 },
      ),
    );
    await shows(view, '4 Diff · task 1 round 2 · ccccccc · 1/2');
    expect(plain(view)).toContain('+round two code');
    await press(view, '4');
    await press(view, ']');
    await shows(view, '4 Diff · task 1 closed (RFP/tasks.md ticked) · ddddddd · 2/2');
    expect(plain(view)).toContain('+- [x] Add');
  });

  it('--pane shows one pane full size', async () => {
    const view = open({ pane: 'diff' });
    view.channel.emit(
      ...runStart(),
      event('agent:chunk', { text: 'worker text' }),
      event('git:committed', { sha: 'ccccccc3', message: 'r1', files: ['x'], diff: '+only line\n' }),
    );
    await shows(view, '+only line');
    expect(plain(view)).not.toContain('worker text');
    expect(plain(view)).not.toContain('2 Tests');
  });
});

describe('status bar', () => {
  it('shows task k/n, round r/MAX, streaks, tokens and cost, sandbox and the models with VRAM', async () => {
    const view = open({ columns: 200 });
    const record = { failStreak: 2, idleStreak: 1 } as never;
    view.channel.emit(
      ...runStart(),
      event('agent:finished', {
        ok: true,
        costUsd: 0.25,
        inputTokens: 1500,
        outputTokens: 500,
        usage: { costUsd: 0.25, tokens: 2000 },
      }),
      event('round:finished', { record }),
      event('model:state', {
        model: 'qwen3:8b',
        role: 'coder',
        state: 'loaded',
        sizeVram: 4 * 1024 ** 3,
        vramTotal: 8 * 1024 ** 3,
      }),
    );
    await shows(view, 'task 1/2 (0 green) · round 1/20 · fail 2 · idle 1');
    const text = plain(view);
    expect(text).toContain('2.0k tok $0.25');
    expect(text).toContain('local processes');
    expect(text).toContain('coder qwen3:8b loaded · VRAM ███░░░ 4.0G/8.0G');
  });

  it('spins for a model that is loading and adds loaded models up against the VRAM total', async () => {
    const view = open({ columns: 200 });
    const gb = 1024 ** 3;
    view.channel.emit(
      ...runStart(),
      event('model:state', { model: 'qwen3:8b', role: 'coder', state: 'loaded', sizeVram: 2 * gb, vramTotal: 8 * gb }),
      event('model:state', { model: 'llama3', role: 'supervisor', state: 'loading', vramTotal: 8 * gb }),
    );
    await shows(view, 'supervisor llama3 loading · VRAM ██░░░░ 2.0G/8.0G');
    const spinner = plain(view).split('supervisor llama3')[0]!.slice(-2, -1);
    expect(spinner).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    view.channel.emit(
      event('model:state', {
        model: 'llama3',
        role: 'supervisor',
        state: 'loaded',
        sizeVram: 4 * gb,
        vramTotal: 8 * gb,
      }),
    );
    await shows(view, '● supervisor llama3 loaded · VRAM █████░ 6.0G/8.0G');
  });
});

describe('keys send commands', () => {
  const running = async (): Promise<Rendered> => {
    const view = open();
    view.channel.emit(...runStart());
    await shows(view, 'RUNNING');
    return view;
  };

  it.each([
    ['p', { type: 'pause' }],
    ['e', { type: 'escalate' }],
    ['i', { type: 'intervene' }],
    ['s', { type: 'skip' }],
  ])('%s sends %j', async (key, command) => {
    const view = await running();
    await press(view, key);
    await vi.waitFor(() => expect(view.channel.sent).toEqual([command]));
  });

  it('p resumes a paused run', async () => {
    const view = await running();
    view.channel.emit(event('engine:paused', { kind: 'human', reason: 'paused from the keyboard' }));
    await shows(view, 'PAUSED (human)');
    await press(view, 'p');
    await vi.waitFor(() => expect(view.channel.sent).toEqual([{ type: 'resume' }]));
  });

  it('r opens a text input whose text goes to the run as a redirect; esc cancels', async () => {
    const view = await running();
    await press(view, 'r');
    await shows(view, 'redirect ›');
    for (const char of 'use pathlibx') await press(view, char);
    await press(view, '\u007f');
    await shows(view, 'redirect › use pathlib');
    await press(view, keys.enter);
    await vi.waitFor(() => expect(view.channel.sent).toEqual([{ type: 'redirect', text: 'use pathlib' }]));
    await shows(view, 'redirect sent');
    await press(view, 'r');
    await press(view, 'x');
    await press(view, keys.escape);
    await vi.waitFor(() => expect(plain(view)).not.toContain('redirect ›'));
    expect(view.channel.sent).toHaveLength(1);
  });

  it('q asks while the run goes on: k leaves it running, y stops it', async () => {
    const leave = await running();
    await press(leave, 'q');
    await shows(leave, 'The run is still going');
    expect(leave.quits).toEqual([]);
    await press(leave, 'k');
    await vi.waitFor(() => expect(leave.quits).toEqual(['leave']));
    expect(leave.channel.sent).toEqual([]);

    const stop = await running();
    await press(stop, keys.ctrlC);
    await shows(stop, 'The run is still going');
    await press(stop, 'y');
    await vi.waitFor(() => expect(stop.quits).toEqual(['stop']));
    expect(stop.channel.sent).toEqual([{ type: 'stop' }]);
  });

  it('q quits at once when the run has finished, and steering keys say why they do nothing', async () => {
    const view = await running();
    view.channel.emit(
      event('run:finished', {
        outcome: 'green',
        exitCode: 0,
        reason: 'every task is green',
        tasksGreen: 2,
        tasksTotal: 2,
      }),
    );
    await shows(view, 'run finished: green');
    expect(plain(view)).not.toContain('p pause/resume');
    await press(view, 'p');
    await shows(view, 'p: the run has finished');
    expect(view.channel.sent).toEqual([]);
    await press(view, 'q');
    await vi.waitFor(() => expect(view.quits).toEqual(['leave']));
  });

  it('the help scrolls when it is taller than an 80x24 screen', async () => {
    const view = open({ columns: 80, rows: 24 });
    view.channel.emit(...runStart());
    await shows(view, 'RUNNING');
    await press(view, '?');
    await shows(view, 'j/k scroll');
    expect(plain(view)).not.toContain('stay in the dashboard');
    for (let n = 0; n < 30; n++) await press(view, 'j');
    await shows(view, 'stay in the dashboard');
    expect(plain(view)).not.toContain('pause the run at the next safe point');
    await press(view, 'q');
    await vi.waitFor(() => expect(plain(view)).not.toContain('Keys (esc'));
    expect(view.quits).toEqual([]);
  });

  it('? shows every key from the keymap and esc closes it', async () => {
    const view = await running();
    await press(view, '?');
    await shows(view, 'Keys (esc or ? closes)');
    expect(plain(view)).toContain('type an instruction that goes into the next prompt');
    await press(view, keys.escape);
    await vi.waitFor(() => expect(plain(view)).not.toContain('Keys (esc'));
  });

  it('tab moves the focus and 1-4 zoom a pane', async () => {
    const view = await running();
    const commit = (sha: string) => event('git:committed', { sha, message: sha, files: ['a'], diff: '+a\n' });
    view.channel.emit(event('agent:chunk', { text: 'worker words' }), commit('1111111'), commit('2222222'));
    await press(view, '2');
    await vi.waitFor(() => expect(plain(view)).not.toContain('worker words'));
    expect(plain(view)).toContain('2 Tests');
    await press(view, '2');
    await shows(view, 'worker words');
    expect(plain(view)).not.toContain('[ older diff');
    await press(view, keys.tab);
    await press(view, keys.tab);
    await shows(view, '[ older diff');
    await press(view, keys.shiftTab);
    await vi.waitFor(() => expect(plain(view)).not.toContain('[ older diff'));
  });

  it('a pane scrolled up stops following until it is back at the bottom', async () => {
    const view = await running();
    await press(view, '1');
    view.channel.emit(...Array.from({ length: 60 }, (_, n) => event('agent:chunk', { text: `line ${n}` })));
    await shows(view, 'line 59');
    for (let n = 0; n < 5; n++) await press(view, 'k');
    await shows(view, 'scrolled 5');
    expect(plain(view)).toContain('line 54');
    expect(plain(view)).not.toContain('line 59');
    view.channel.emit(event('agent:chunk', { text: 'line 60' }));
    await shows(view, 'scrolled 6');
    expect(plain(view)).toContain('line 54');
    expect(plain(view)).not.toContain('line 60');
    await press(view, 'G');
    await shows(view, 'line 60');
  });
});

describe('paused states say why and what the keys do', () => {
  it.each([
    ['valve', 'fail streak: 5 failing rounds', 'p resume past the valve'],
    ['escalation', 'the supervisor escalated: stuck', 'the task needs you'],
    ['intervention', 'paused for hand edits', 'edit the files now, then p resume'],
  ] as const)('%s', async (kind, reason, help) => {
    const view = open({ columns: 200 });
    view.channel.emit(...runStart(), event('engine:pausing', { reason: 'asked' }));
    await shows(view, 'pausing: the current step finishes first');
    view.channel.emit(event('engine:paused', { kind, reason }));
    await shows(view, `PAUSED (${kind}): ${reason} — ${help}`);
  });

  it('says when the engine went away', async () => {
    const view = open();
    view.channel.emit(...runStart());
    view.channel.end();
    await shows(view, 'the engine went away');
  });
});

describe('terminal size', () => {
  it('fits 80x24 and follows a resize', async () => {
    const view = open({ columns: 80, rows: 24 });
    view.channel.emit(
      ...runStart(),
      ...Array.from({ length: 100 }, (_, n) => event('agent:chunk', { text: `chunk ${n} ${'x'.repeat(150)}` })),
    );
    await shows(view, 'chunk 99');
    const small = plain(view).split('\n');
    expect(small.length).toBeLessThanOrEqual(23);
    expect(Math.max(...small.map((line) => line.length))).toBeLessThanOrEqual(80);
    view.stdout.resize(140, 40);
    await vi.waitFor(() => expect(plain(view).split('\n').length).toBeGreaterThan(30));
    const large = plain(view).split('\n');
    expect(large.length).toBeLessThanOrEqual(39);
    expect(Math.max(...large.map((line) => line.length))).toBeGreaterThan(100);
    expect(Math.max(...large.map((line) => line.length))).toBeLessThanOrEqual(140);
  });
});

describe('colour', () => {
  it.each(Object.keys(themes))('draws with the %s theme, each in its own colours', async (name) => {
    const view = open({ theme: themes[name] });
    view.channel.emit(...runStart(), event('tests:finished', { result: testsReport(1, 1), baseline: false }));
    await shows(view, 'RED');
    const others = Object.keys(themes).filter((other) => other !== name);
    const frames = await Promise.all(
      others.map(async (other) => {
        const second = open({ theme: themes[other] });
        second.channel.emit(...runStart(), event('tests:finished', { result: testsReport(1, 1), baseline: false }));
        await shows(second, 'RED');
        return second.frame();
      }),
    );
    for (const frame of frames) expect(view.frame()).not.toBe(frame);
  });

  it('uses colour by default and none with the NO_COLOR theme', async () => {
    const coloured = open();
    coloured.channel.emit(...runStart(), event('tests:finished', { result: testsReport(1, 1), baseline: false }));
    await shows(coloured, 'RED');
    expect(coloured.frame()).toMatch(/\u001b\[3\dm/);
    const plainView = open({ theme: noColor });
    plainView.channel.emit(...runStart(), event('tests:finished', { result: testsReport(1, 1), baseline: false }));
    await shows(plainView, 'RED');
    expect(plainView.frame()).not.toMatch(/\u001b\[(3|9)\dm/);
    expect(plainView.frame()).not.toMatch(/\u001b\[38;/);
  });
});
