// The status bar drawn by Ink (ink-testing-library) at 80 to 160 columns: the badge always whole, parts shortened in priority order.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelView } from '../../components/dashboard-models.js';
import StatusBar from '../../components/StatusBar.js';
import {
  initialDashboard,
  reduceDashboard,
  shownStatus,
  type DashboardState,
} from '../../components/dashboard-state.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart } from '../support/factory-events.js';
import { initialStatus, type RunStatus } from '../../engine/reports/run-status.js';
import { stripVTControlCharacters as stripAnsi } from 'node:util';

const gib = 1024 ** 3;
const docker =
  'docker factory-sandbox:py3.12 (container factory-run-7f3a, no network, as 1000:1000, via /var/run/docker.sock)';

/** A run 12 min 34 s old: finished runs stop the clock at their last event, the others count from now. */
const status = (state: RunStatus['state']): RunStatus => ({
  ...initialStatus(),
  state,
  sandbox: docker,
  task: 2,
  tasksTotal: 3,
  tasksGreen: 1,
  round: 4,
  maxRounds: 20,
  failStreak: 2,
  idleStreak: 1,
  tokens: 48_200,
  costUsd: 1.37,
  startedAt: new Date(Date.now() - 754_000).toISOString(),
  updatedAt: new Date().toISOString(),
});

const model = (view: Partial<ModelView> & Pick<ModelView, 'role' | 'model' | 'state'>): ModelView => ({
  ts: '2026-01-01T10:00:05.000Z',
  task: 1,
  round: 0,
  type: 'model:state',
  vramTotal: 48 * gib,
  vramSource: 'VRAM_BUDGET_GB',
  ...view,
});

/** The architect has been unloaded after the plan; the reviewer is resident and the coder loading. */
const localModels: Record<string, ModelView> = {
  'architect:qwen2.5:72b': model({ role: 'architect', model: 'qwen2.5:72b', state: 'unloaded' }),
  'reviewer:qwen2.5:14b': model({ role: 'reviewer', model: 'qwen2.5:14b', state: 'loaded', sizeVram: 8.4 * gib }),
  'coder:qwen2.5-coder:32b': model({ role: 'coder', model: 'qwen2.5-coder:32b', state: 'loading' }),
};

const mounted: ReturnType<typeof render>[] = [];
afterEach(() => {
  for (const view of mounted.splice(0)) view.unmount();
});

function bar(state: RunStatus['state'], width: number, models: Record<string, ModelView> = {}): string {
  const view = render(<StatusBar status={status(state)} models={models} width={width} />);
  mounted.push(view);
  return stripAnsi(view.lastFrame() ?? '');
}

const sandboxForms = [docker, 'docker factory-sandbox:py3.12', 'docker'];
const spinnerFrames = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

describe('StatusBar', () => {
  for (const [state, badge] of [
    ['running', ' RUNNING '],
    ['paused', ' PAUSED '],
    ['finished', ' FINISHED '],
  ] as const)
    for (const width of [80, 100, 120, 160])
      for (const local of [false, true])
        it(`${state} at ${width} columns ${local ? 'with' : 'without'} local models: the whole badge, whole parts, within the width`, () => {
          const text = bar(state, width, local ? localModels : {});
          expect(text.startsWith(`${badge} `)).toBe(true);
          expect(text).not.toContain('\n');
          expect([...text].length).toBeLessThanOrEqual(width);
          // Task and round, streaks, elapsed and cost come before the models and the sandbox, in one form or another.
          expect(text).toMatch(
            / (task 2\/3( \(1 green\))? · round 4\/20|t2\/3 r4\/20) · (fail 2 · idle 1|f2 i1) · 12:3[45] · (48\.2k tok )?\$1\.37/,
          );
          const last = text.split(' · ').at(-1) ?? '';
          if (text.includes('docker')) expect(sandboxForms).toContain(last);
          if (!local) expect(text).not.toContain('VRAM');
          else {
            // Shortened to "8.4/48.0G" where room is short (always at 80 columns).
            expect(text).toMatch(
              width >= 160 ? / · VRAM 8\.4G\/48\.0G/ : width >= 100 ? / VRAM 8\.4G?\/48\.0G/ : / VRAM 8\.4\/48\.0G$/,
            );
            expect(text).toMatch(/● ?reviewer/);
            expect(text).toMatch(width >= 100 ? /⠋ coder( qwen2\.5-coder:32b)? loading/ : /⠋coder↑/);
            expect(text).not.toContain('architect');
          }
        });

  it('shows everything at 320 columns: names, states, the VRAM bar and where the total comes from, the whole sandbox', () => {
    const text = bar('running', 320, localModels);
    expect(text).toContain(' RUNNING  task 2/3 (1 green) · round 4/20 · fail 2 · idle 1 · 12:34 · 48.2k tok $1.37 · ');
    expect(text).toContain(
      '● reviewer qwen2.5:14b loaded · ⠋ coder qwen2.5-coder:32b loading · VRAM █░░░░░ 8.4G/48.0G (VRAM_BUDGET_GB)',
    );
    expect(text.endsWith(` · ${docker}`)).toBe(true);
  });

  it('at 120 columns with one local model: the model keeps its name, the sandbox (lower) gives way first', () => {
    const finished: RunStatus = {
      ...status('finished'),
      sandbox: 'local processes in /tmp/factory-demo-x1, confined by bubblewrap: only the project writable',
      task: 1,
      tasksTotal: 1,
      tasksGreen: 1,
      round: 2,
      failStreak: 0,
      idleStreak: 0,
      tokens: 0,
      costUsd: 0,
    };
    const coder = {
      'coder:qwen2.5-coder:32b': model({
        role: 'coder',
        model: 'qwen2.5-coder:32b',
        state: 'loaded',
        sizeVram: 18.8 * gib,
      }),
    };
    const view = render(<StatusBar status={finished} models={coder} width={120} />);
    mounted.push(view);
    const text = stripAnsi(view.lastFrame() ?? '');
    expect(text.startsWith(' FINISHED  task 1/1')).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(120);
    expect(text).toContain(' · ● coder qwen2.5-coder:32b loaded · VRAM 18.8G/48.0G');
    expect(text).not.toContain('local');
  });

  it('spins for a model that loads or unloads, and stops once it is loaded', async () => {
    const moving = { 'architect:qwen2.5:72b': model({ role: 'architect', model: 'qwen2.5:72b', state: 'unloading' }) };
    const view = render(<StatusBar status={status('running')} models={moving} width={160} />);
    mounted.push(view);
    const first = stripAnsi(view.lastFrame() ?? '');
    expect(first).toMatch(/ · ([⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]) architect qwen2\.5:72b unloading/);
    await vi.waitFor(() => expect(stripAnsi(view.lastFrame() ?? '')).not.toBe(first), { timeout: 3000 });
    view.rerender(
      <StatusBar
        status={status('running')}
        models={{ 'coder:c': model({ role: 'coder', model: 'c', state: 'loaded', sizeVram: gib }) }}
        width={160}
      />,
    );
    expect(stripAnsi(view.lastFrame() ?? '')).toContain('● coder c loaded · VRAM');
    expect(stripAnsi(view.lastFrame() ?? '')).not.toMatch(spinnerFrames);
  });

  describe('with production lines sharing the local coder model (model:lines)', () => {
    const lineStarted = (task: number) =>
      event('line:started', { title: `task ${task}`, branch: `b${task}`, worktree: `/w/${task}`, base: 'a' }, { task });
    const sharedCoder = (extra: FactoryEvent[]) =>
      [
        ...runStart(),
        lineStarted(1),
        lineStarted(2),
        lineStarted(3),
        ...extra,
        event('model:lines', {
          model: 'qwen2.5-coder:32b',
          role: 'coder',
          lines: 3,
          atOnce: 2,
          why: 'a queue, 2 calls at a time: the budget holds two copies',
        }),
      ].reduce((state, next) => reduceDashboard(state, { type: 'events', events: [next] }), initialDashboard());
    const drawn = (state: DashboardState, width: number): string => {
      // The run 12 min 34 s old, as in the other tests (the events' own times are fixed).
      const startedAt = new Date(Date.now() - 754_000).toISOString();
      const view = render(
        <StatusBar status={{ ...shownStatus(state), startedAt }} models={state.models} width={width} />,
      );
      mounted.push(view);
      return stripAnsi(view.lastFrame() ?? '');
    };
    const loaded = event('model:state', { model: 'qwen2.5-coder:32b', role: 'coder', state: 'loaded', sizeVram: 19e9 });

    it('at 120 columns: the loaded coder says how many lines share it and how many calls go at once', () => {
      const text = drawn(sharedCoder([loaded]), 120);
      expect([...text].length).toBeLessThanOrEqual(120);
      expect(text).toMatch(/lines 3( running|▶)/);
      expect(text).toMatch(/● coder (qwen2\.5-coder:32b )?loaded · 3 lines, 2 at once/);
    });

    it('at 80 columns: the sharing stays, shortest after the lines part', () => {
      const text = drawn(sharedCoder([loaded]), 80);
      expect([...text].length).toBeLessThanOrEqual(80);
      expect(text).toMatch(/coder( loaded ·)? 3 lines(, 2 at once|\/2)/);
    });

    it('a server factory does not load (the openai engine) still shows its model and the sharing', () => {
      const text = drawn(sharedCoder([]), 120);
      expect(text).toMatch(/● coder (qwen2\.5-coder:32b )?loaded · 3 lines, 2 at once/);
    });

    it('all side by side when the budget holds every line; gone once the model is unloaded', () => {
      const state = reduceDashboard(sharedCoder([loaded]), {
        type: 'events',
        events: [event('model:lines', { model: 'qwen2.5-coder:32b', role: 'coder', lines: 3, atOnce: 3, why: 'fits' })],
      });
      expect(drawn(state, 120)).toContain('loaded · 3 lines side by side');
      const unloaded = reduceDashboard(state, {
        type: 'events',
        events: [event('model:state', { model: 'qwen2.5-coder:32b', role: 'coder', state: 'unloaded' })],
      });
      expect(drawn(unloaded, 120)).not.toContain('lines side by side');
    });
  });
});
