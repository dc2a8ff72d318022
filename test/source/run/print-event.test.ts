// The headless lines show each call's own cost: the worker's on its line, the supervisor's on its verdict; and where
// each production line stands between its rounds.
import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../../source/run/print-event.js';
import { event } from '../../support/factory-events.js';

const usage = { costUsd: 1, tokens: 10 };

describe('headless lines with cost', () => {
  it("the worker's line and the supervisor's verdict each show their call's cost, a free verdict none", () => {
    expect(formatEvent(event('agent:finished', { ok: true, costUsd: 0.25, usage }, { task: 1, round: 2 }), false)).toBe(
      'task 1 round 2: worker done ($0.2500)',
    );
    const verdict = { decision: 'CONTINUE' as const, reason: 'on track', instructions: '' };
    expect(formatEvent(event('verdict:issued', { verdict, by: 'supervisor', costUsd: 0.05, usage }), false)).toBe(
      'task 1 round 1: supervisor says CONTINUE: on track ($0.0500)',
    );
    expect(formatEvent(event('verdict:issued', { verdict, by: 'human' }), false)).toBe(
      'task 1 round 1: human says CONTINUE: on track',
    );
  });
});

describe('headless lines of production lines', () => {
  it('says when a line starts, merges, is sent back with why, and closes', () => {
    const at = { task: 2, round: 1 };
    const lines = [
      event('line:started', { title: 'Parse', branch: 'factory/r-task-2', worktree: '/w/2', base: 'abc' }, at),
      event('line:merging', { branch: 'factory/r-task-2', into: 'factory/r' }, at),
      event('line:returned', { reason: 'conflict', files: ['calc.py'], tests: [], detail: 'both edit calc' }, at),
      event('line:returned', { reason: 'regression', files: [], tests: ['t.py::a'], detail: 'broke a' }, at),
      event('line:merged', { branch: 'factory/r-task-2', sha: '0123456789abcdef' }, at),
      event('line:closed', { outcome: 'green', reason: 'merged' }, at),
    ].map((item) => formatEvent(item, false));
    expect(lines).toEqual([
      'task 2: its line starts on factory/r-task-2 (worktree /w/2)',
      'task 2: merging factory/r-task-2 into factory/r; the whole suite runs on the merged tree',
      'task 2 round 1: sent back to its line: conflict (calc.py) — both edit calc',
      'task 2 round 1: sent back to its line: regression (t.py::a) — broke a',
      'task 2: merged (0123456789), green on the run branch',
      'task 2: its line closes (green: merged)',
    ]);
  });
});

describe('headless line of lines sharing a local model', () => {
  it('says how the coder model takes the lines’ calls, and why', () => {
    const why =
      "a queue, one call at a time: the lines' calls do not fit side by side (2 x 4.7 GB = 9.4 GB against 6.4 GB)";
    const shared = event(
      'model:lines',
      { model: 'qwen2.5-coder:7b', role: 'coder', lines: 2, atOnce: 1, why },
      { task: 0 },
    );
    expect(formatEvent(shared, false)).toBe(`model qwen2.5-coder:7b (coder) for 2 lines: ${why}`);
  });
});
