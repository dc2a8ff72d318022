// A green line is accepted only on the merged tree: a merge conflict, or a test that passed on the run branch and
// fails once the line is merged (or a locked test it no longer runs), undoes the merge and sends the task back to its line with the reason in its prompt.
import { describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { git } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';
import {
  calcWith,
  conflictingCalcProject,
  fileAt,
  lineBranches,
  linesProject,
  suitePasses,
  worktrees,
} from '../../support/lines-project.js';

describe.skipIf(requirePytest())('merging a green line', () => {
  it('sends back the second of two tasks editing the same function with the conflict in its prompt; both end green', async () => {
    const dir = conflictingCalcProject();
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');

    const returned = ofType(events, 'line:returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ task: 2, reason: 'conflict', files: ['calc.py'] });
    // The next round of task 2 is told of the conflict, and works on the file with git's markers in it.
    const prompts = ofType(events, 'prompt:built').filter((event) => event.task === 2);
    expect(prompts.map((event) => event.round)).toEqual([1, 2]);
    expect(prompts[1]?.prompt).toContain('Merging your line into the run branch conflicted in calc.py');
    expect(prompts[1]?.prompt).toContain('<<<<<<<');
    expect(prompts[0]?.prompt).not.toContain('conflicted');
    expect(ofType(events, 'line:merged').map((event) => event.task)).toEqual([1, 2]);

    // The run branch has both tasks' work, once, and no half-done merge.
    expect(fileAt(dir, 'calc.py')).toBe(calcWith('+', '*'));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(suitePasses(dir)).toBe(true);
    expect(worktrees(dir)).toHaveLength(1);
    expect(lineBranches(dir)).toEqual([]);
  });

  it('catches on the merged tree a change that breaks another task’s test, sends it back, and ends green', async () => {
    const dir = linesProject({
      parallel: 2,
      tasks: ['Add through norm (tests: tests/test_add.py)', 'Size of a number (tests: tests/test_size.py)'],
      files: { 'util.py': 'def norm(x):\n    return x\n' },
      tests: {
        'tests/test_add.py':
          'from add import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_add_negative():\n    assert add(-1, 1) == 0\n',
        'tests/test_size.py': 'from size import size\n\n\ndef test_size():\n    assert size(-3) == 3\n',
      },
      byTask: {
        1: [{ write: { 'add.py': 'from util import norm\n\n\ndef add(a, b):\n    return norm(a) + norm(b)\n' } }],
        // Green in its own line (add.py is not there yet), red once merged beside task 1.
        2: [
          {
            delayMs: 1500,
            write: {
              'util.py': 'def norm(x):\n    return abs(x)\n',
              'size.py': 'from util import norm\n\n\ndef size(x):\n    return norm(x)\n',
            },
          },
          { write: { 'util.py': 'def norm(x):\n    return x\n', 'size.py': 'def size(x):\n    return abs(x)\n' } },
        ],
      },
    });
    const before = git(dir, 'rev-parse', 'main').trim();
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');

    const returned = ofType(events, 'line:returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ task: 2, reason: 'regression' });
    expect(returned[0]?.tests).toContain('tests/test_add.py::test_add_negative');
    const second = ofType(events, 'prompt:built').find((event) => event.task === 2 && event.round === 2);
    expect(second?.prompt).toContain('tests/test_add.py::test_add_negative failed');
    // The broken merge never stayed on the run branch: task 2 was ticked once, after its second round.
    const ticks = ofType(events, 'git:committed').filter((event) => event.kind === 'task-done');
    expect(ticks.map((event) => event.task)).toEqual([1, 2]);
    expect(
      git(dir, 'log', '--format=%s')
        .split('\n')
        .filter((s) => s.startsWith('factory: task 2 merged')),
    ).toHaveLength(1);
    expect(fileAt(dir, 'util.py')).toBe('def norm(x):\n    return x\n');
    expect(suitePasses(dir)).toBe(true);
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(before);
  });

  it('judges the merged tree by the run guard’s locked tests: one the merge no longer collects sends the task back', async () => {
    // test_pair.py (locked, task 1's) defines its test only while fa and fb are not both FAST: each line alone runs
    // it and passes; merged, it is not collected, which no per-test rule sees (a missing test is no failing one).
    const pair =
      'import fa\nimport fb\n\nif not (getattr(fa, "FAST", False) and getattr(fb, "FAST", False)):\n\n' +
      '    def test_pair():\n        assert fa.fa() + fb.fb() >= 0\n';
    const dir = linesProject({
      parallel: 2,
      tasks: ['Make fa (tests: tests/test_fa.py, tests/test_pair.py)', 'Make fb (tests: tests/test_fb.py)'],
      files: { 'fa.py': 'def fa():\n    return 0\n', 'fb.py': 'def fb():\n    return 0\n' },
      tests: {
        'tests/test_fa.py': 'from fa import fa\n\n\ndef test_fa():\n    assert fa() == 1\n',
        'tests/test_fb.py': 'from fb import fb\n\n\ndef test_fb():\n    assert fb() == 2\n',
        'tests/test_pair.py': pair,
      },
      byTask: {
        1: [{ write: { 'fa.py': 'FAST = True\n\n\ndef fa():\n    return 1\n' } }],
        2: [
          { delayMs: 1500, write: { 'fb.py': 'FAST = True\n\n\ndef fb():\n    return 2\n' } },
          { write: { 'fb.py': 'def fb():\n    return 2\n' } },
        ],
      },
    });
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');

    const locked = 'tests/test_pair.py collected 0 test(s), fewer than the 1 locked: tests/test_pair.py::test_pair';
    const guard = ofType(events, 'guard:failed');
    expect(guard.map((event) => [event.task, event.reason])).toEqual([[2, `${locked} did not run`]]);
    // The merge's verdict says it, as a round's does: in its headline, and in what the task is sent back with.
    const merged = ofType(events, 'tests:finished').filter((event) => event.task === 2 && !event.baseline);
    expect(merged.some((event) => event.result.headline.includes(`guard: ${locked}`))).toBe(true);
    const returned = ofType(events, 'line:returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ task: 2, reason: 'regression', tests: ['tests/test_pair.py::test_pair'] });
    expect(returned[0]?.detail).toContain(`(the run's guard: ${locked} did not run)`);
    // Merged after its second round: the locked test runs and passes on the run branch.
    expect(fileAt(dir, 'fb.py')).toBe('def fb():\n    return 2\n');
    expect(ofType(events, 'line:merged').map((event) => event.task)).toEqual([1, 2]);
    expect(suitePasses(dir)).toBe(true);
  });
});
