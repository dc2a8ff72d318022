// A green line's merge waits for the lines still in their round's tests (about one test run at most), so lines that
// come home together are merged as one batch and verified by one suite. Here the lines' tests are slow (a test that
// sleeps in a line's worktree only) and task 2's call ends a little after task 1's: task 1 comes home while task 2's
// tests run, and waits for it.
import { describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { faAndFb, linesProject, suitePasses } from '../../support/lines-project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';

const slowInALine = `import os, time


def test_slow_in_a_line():
    if 'factory-lines' in os.getcwd():
        time.sleep(1.5)
`;

describe.skipIf(requirePytest())('the merge of a green line', () => {
  it('waits for the line still in its tests and verifies both with one suite', { timeout: 120_000 }, async () => {
    const dir = linesProject({
      parallel: 2,
      ...faAndFb,
      tests: { ...faAndFb.tests, 'tests/test_slow.py': slowInALine },
      byTask: {
        1: [{ write: { 'fa.py': 'def fa():\n    return 1\n' } }],
        2: [{ delayMs: 300, write: { 'fb.py': 'def fb():\n    return 2\n' } }],
      },
    });
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');

    // After both rounds: one batch, in the order the lines came home, and one suite for it.
    const lastRound = events.findLastIndex((event) => event.type === 'round:finished');
    const merging = events
      .slice(lastRound + 1)
      .filter((e) => e.type === 'line:merging' || e.type === 'tests:started' || e.type === 'line:merged')
      .map((e) => `${e.type} ${e.task}`);
    expect(merging).toEqual(['line:merging 1', 'line:merging 2', 'tests:started 1', 'line:merged 1', 'line:merged 2']);
    expect(ofType(events, 'round:finished').map((event) => [event.task, event.record.green])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(suitePasses(dir)).toBe(true);
  });
});
