// The dashboard reducer alone: events and UI actions folded into state, windows bounded, scroll and diff history kept straight.
import { describe, expect, it } from 'vitest';
import {
  initialDashboard,
  reduceDashboard,
  shownDiff,
  type DashboardState,
  type UiAction,
} from '../../components/dashboard-state.js';
import { paneLineCap } from '../../components/line-window.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart, testsReport } from '../support/factory-events.js';

const fold = (...steps: (FactoryEvent | UiAction)[]): DashboardState =>
  steps.reduce<DashboardState>(
    (state, step) => reduceDashboard(state, 'ts' in step ? { type: 'events', events: [step] } : step),
    initialDashboard(),
  );

const commit = (sha: string, round: number): FactoryEvent =>
  event(
    'git:committed',
    { sha, message: `round ${round}`, files: ['a.py'], diff: `diff --git a/a.py b/a.py\n@@ -1 +1 @@\n-x\n+${sha}\n` },
    { round },
  );

describe('dashboard state', () => {
  it('derives the run status from the same reducer as factory status', () => {
    const state = fold(...runStart(), event('engine:paused', { kind: 'valve', reason: 'fail streak' }));
    expect(state.status).toMatchObject({
      state: 'paused',
      task: 1,
      tasksTotal: 2,
      round: 1,
      maxRounds: 20,
      pause: { kind: 'valve', reason: 'fail streak' },
    });
  });

  it('shows under the test output why the guard does not count a run, and a refactor in the Supervisor pane', () => {
    const state = fold(
      ...runStart(),
      event('task:refactor', { reason: 'its line in RFP/tasks.md says (refactor)' }),
      event('tests:started', { command: 'pytest', baseline: false }),
      event('tests:output', { text: '1 passed' }),
      event('guard:failed', { reason: 'code reaches into the test machinery: calc.py:1 import _pytest' }),
    );
    expect(state.tests.lines.map((line) => line.text)).toEqual([
      '1 passed',
      'GUARD: the run does not count: code reaches into the test machinery: calc.py:1 import _pytest',
    ]);
    expect(state.tests.lines.at(-1)?.tone).toBe('failure');
    expect(state.supervisor.at(-1)).toMatchObject({ label: 'REFACTOR', text: expect.stringContaining('(refactor)') });
  });

  it('keeps a bounded window of worker lines, cleaned of control codes', () => {
    const chunks = Array.from({ length: paneLineCap + 50 }, (_, n) =>
      event('agent:chunk', { text: `\u001b[31mline ${n}\u0007` }),
    );
    const state = fold(...runStart(), ...chunks);
    expect(state.worker).toHaveLength(paneLineCap);
    expect(state.worker.at(-1)).toEqual({ text: `line ${paneLineCap + 49}`, tone: 'text' });
  });

  it('folds one batch of interleaved worker and test output into bounded windows, in order', () => {
    const interleaved = Array.from({ length: paneLineCap + 20 }, (_, n) => [
      event('agent:chunk', { text: `w${n}` }),
      event('tests:output', { text: `t${n}\nu${n}` }),
    ]).flat();
    const started = fold(...runStart(), event('tests:started', { command: 'pytest', baseline: false }));
    const state = reduceDashboard(started, { type: 'events', events: interleaved });
    expect(state.worker).toHaveLength(paneLineCap);
    expect(state.worker.slice(-2).map((line) => line.text)).toEqual([`w${paneLineCap + 18}`, `w${paneLineCap + 19}`]);
    expect(state.tests.lines).toHaveLength(paneLineCap);
    expect(state.tests.lines.slice(-3).map((line) => line.text)).toEqual([
      `u${paneLineCap + 18}`,
      `t${paneLineCap + 19}`,
      `u${paneLineCap + 19}`,
    ]);
  });

  it("says which baseline failures lie outside the task: the baseline's split, then each round's judgement", () => {
    const baseline = event('baseline:recorded', {
      headline: '1/4 passing',
      passing: 1,
      failing: ['tests/old.py::test_broken', 'tests/b.py::test_b'],
      starting: ['tests/a.py::test_a'],
      perTest: true,
    });
    const round = (failingBefore: string[]): FactoryEvent =>
      event('tests:finished', {
        result: testsReport(1, 3),
        baseline: false,
        taskVerdict: { green: false, failingBefore },
      });
    let state = fold(...runStart(), baseline);
    expect(state.tests.baseline).toBe(
      "baseline: 1/4 passing; failing before the run: tests/old.py::test_broken, tests/b.py::test_b; the tasks' own red tests to make pass: 1",
    );
    expect(state.supervisor).toEqual([]);
    // Task 2's own test (tests/b.py) is no failure from before the run once task 2's round has judged it so.
    state = reduceDashboard(state, { type: 'events', events: [round(['tests/old.py::test_broken'])] });
    expect(state.tests.baseline).toBe(
      "baseline: 1/4 passing; failing before the run: tests/old.py::test_broken; the tasks' own red tests to make pass: 1",
    );
    state = reduceDashboard(state, { type: 'events', events: [round([])] });
    expect(state.tests.baseline).toBe("baseline: 1/4 passing; the tasks' own red tests to make pass: 1");
    state = reduceDashboard(state, {
      type: 'events',
      events: [event('task:started', { title: 'next', maxRounds: 5 })],
    });
    expect(state.tests.baseline).toContain('failing before the run: tests/old.py::test_broken, tests/b.py::test_b');
  });

  it('splits multi-line chunks and colours diffs by line kind', () => {
    const state = fold(...runStart(), event('agent:chunk', { text: 'a\nb\n' }), commit('abc', 1));
    expect(state.worker.slice(-2).map((line) => line.text)).toEqual(['a', 'b']);
    expect(shownDiff(state)?.lines.map((line) => line.tone)).toEqual(['heading', 'hunk', 'remove', 'add']);
  });

  it('resets the tests pane when a run starts and keeps the headline and counts when it ends', () => {
    const state = fold(
      ...runStart(),
      event('tests:started', { command: 'pytest', baseline: false }),
      event('tests:output', { text: 'F.' }),
      event('tests:finished', { result: testsReport(1, 1), baseline: false }),
    );
    expect(state.tests).toMatchObject({
      running: false,
      green: false,
      headline: '1/2 passing',
      counts: { passed: 1, failed: 1 },
      lines: [{ text: 'F.' }],
    });
  });

  it('follows new output at the bottom, and holds still when scrolled up', () => {
    const lines = (from: number, count: number) =>
      Array.from({ length: count }, (_, n) => event('agent:chunk', { text: `l${from + n}` }));
    let state = fold(...runStart(), ...lines(0, 30), { type: 'scroll', by: 4 });
    expect(state.scroll.worker).toBe(4);
    state = reduceDashboard(state, { type: 'events', events: lines(30, 3) });
    expect(state.scroll.worker).toBe(7);
    state = reduceDashboard(state, { type: 'scroll', by: -100 });
    expect(state.scroll.worker).toBe(0);
    state = reduceDashboard(state, { type: 'events', events: lines(33, 3) });
    expect(state.scroll.worker).toBe(0);
  });

  it('keeps earlier diffs reachable and stays on the one the user picked', () => {
    let state = fold(...runStart(), commit('one', 1), commit('two', 2), { type: 'diff-step', by: -1 });
    expect(shownDiff(state)?.sha).toBe('one');
    state = reduceDashboard(state, { type: 'events', events: [commit('three', 3)] });
    expect(shownDiff(state)?.sha).toBe('one');
    state = reduceDashboard(reduceDashboard(state, { type: 'diff-step', by: 1 }), { type: 'diff-step', by: 1 });
    expect(state.diffIndex).toBeUndefined();
    expect(shownDiff(state)?.sha).toBe('three');
  });

  it("keeps following the round's code diff past the task-closing commit, which stays reachable as its own entry", () => {
    const closing = event(
      'git:committed',
      { sha: 'tick', message: 'task 1 done', files: ['RFP/tasks.md'], diff: '-- [ ] a\n+- [x] a\n', kind: 'task-done' },
      { round: 2 },
    );
    let state = fold(...runStart(), commit('one', 1), commit('two', 2), closing);
    expect(shownDiff(state)).toMatchObject({ sha: 'two', kind: 'round', round: 2 });
    expect(state.diffIndex).toBeUndefined();
    state = reduceDashboard(state, { type: 'diff-step', by: 1 });
    expect(shownDiff(state)).toMatchObject({ sha: 'tick', kind: 'task-done' });
    state = reduceDashboard(state, { type: 'diff-step', by: -1 });
    expect(state.diffIndex).toBeUndefined();
    // Following again: the next task's first round shows when it comes.
    state = reduceDashboard(state, { type: 'events', events: [commit('three', 1)] });
    expect(shownDiff(state)?.sha).toBe('three');
  });

  it('records verdicts, human actions, valves and pauses in the supervisor history', () => {
    const state = fold(
      ...runStart(),
      event('verdict:issued', {
        verdict: { decision: 'ESCALATE', reason: 'stuck', instructions: '' },
        by: 'supervisor',
      }),
      event('human:action', { action: 'redirect', text: 'try again' }),
      event('valve:tripped', { valve: 'fail_streak', reason: 'fail streak', evidence: '5 rounds' }),
    );
    expect(state.supervisor.map((entry) => `${entry.who} ${entry.label} ${entry.text}`)).toEqual([
      'supervisor ESCALATE stuck',
      'human redirect try again',
      'supervisor VALVE fail streak: 5 rounds',
    ]);
  });

  it('cycles focus, toggles zoom, and keeps the model states by role and name', () => {
    let state = fold({ type: 'focus-step', by: -1 });
    expect(state.focus).toBe('diff');
    state = reduceDashboard(reduceDashboard(state, { type: 'zoom', pane: 'tests' }), { type: 'zoom', pane: 'tests' });
    expect(state).toMatchObject({ focus: 'tests', zoom: undefined });
    state = fold(
      event('model:state', { model: 'qwen', role: 'coder', state: 'loading' }),
      event('model:state', { model: 'qwen', role: 'coder', state: 'loaded', sizeVram: 5 }),
    );
    expect(Object.values(state.models)).toMatchObject([{ state: 'loaded', sizeVram: 5 }]);
  });

  it('keeps an unloading model in VRAM until it is unloaded', () => {
    const coder = (state: 'loaded' | 'unloading' | 'unloaded', sizes = {}): FactoryEvent =>
      event('model:state', { model: 'qwen', role: 'coder', state, ...sizes });
    const loaded = coder('loaded', { sizeVram: 5, size: 6 });
    expect(Object.values(fold(loaded, coder('unloading')).models)).toEqual([
      expect.objectContaining({ state: 'unloading', sizeVram: 5, size: 6 }),
    ]);
    expect(Object.values(fold(loaded, coder('unloading'), coder('unloaded')).models)).toEqual([
      expect.not.objectContaining({ sizeVram: 5 }),
    ]);
  });

  it('keeps how production lines share a model (model:lines) with its state, and says why in the worker pane', () => {
    const why = 'a queue, 2 calls at a time: the budget holds two copies';
    const lines = event('model:lines', { model: 'qwen', role: 'coder', lines: 3, atOnce: 2, why });
    const loaded = event('model:state', { model: 'qwen', role: 'coder', state: 'loaded', sizeVram: 5 });
    const state = fold(
      loaded,
      lines,
      event('model:state', { model: 'qwen', role: 'coder', state: 'loaded', sizeVram: 6 }),
    );
    expect(Object.values(state.models)).toEqual([
      expect.objectContaining({ state: 'loaded', sizeVram: 6, sharing: { lines: 3, atOnce: 2, why } }),
    ]);
    expect(state.worker.map((line) => line.text).join('\n')).toContain(
      'coder qwen shared by 3 lines, 2 at once: a queue, 2 calls at a time: the budget holds two copies',
    );
    // Without a state of its own (a server factory does not load: openai), the model is the one the server serves.
    expect(Object.values(fold(lines).models)).toEqual([
      expect.objectContaining({ model: 'qwen', role: 'coder', state: 'loaded', sharing: expect.anything() }),
    ]);
  });
});
