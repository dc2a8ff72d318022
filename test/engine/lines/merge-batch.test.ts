// Green lines waiting for the run branch together are merged together and the whole suite runs once on the combined
// tree; when it is red, they are merged one at a time, so the line that broke a test is sent back with it in its prompt
// and the innocent one is ticked. The run branch's suite is slow when task 1 alone is merged (a test that sleeps on
// the run's checkout only, while neither add.py nor size.py is there), so tasks 2 and 3 come home while task 1's merge
// is verified, and wait together; the suites after it take their usual time. Their calls end after task 1 came home
// (3 s and more), so task 1 does not wait for their tests (testing-lines.ts) and is merged alone.
import { describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { git } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';
import { fileAt, type LineCall, lineBranches, linesProject, suitePasses } from '../../support/lines-project.js';

const slowOnTheRunBranch = `import os, time


def test_slow_while_only_fa_is_merged():
    alone = os.path.exists('fa.py') and not os.path.exists('add.py') and not os.path.exists('size.py')
    if alone and 'factory-lines' not in os.getcwd():
        time.sleep(6)
`;

function threeTasks(second: LineCall[], third: LineCall[]) {
  return linesProject({
    parallel: 3,
    tasks: [
      'Make fa (tests: tests/test_fa.py)',
      'Add through norm (tests: tests/test_add.py)',
      'Size of a number (tests: tests/test_size.py)',
    ],
    files: { 'util.py': 'def norm(x):\n    return x\n' },
    tests: {
      'tests/test_slow.py': slowOnTheRunBranch,
      'tests/test_fa.py': 'from fa import fa\n\n\ndef test_fa():\n    assert fa() == 1\n',
      'tests/test_add.py':
        'from add import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_add_negative():\n    assert add(-1, 1) == 0\n',
      'tests/test_size.py': 'from size import size\n\n\ndef test_size():\n    assert size(-3) == 3\n',
    },
    byTask: { 1: [{ write: { 'fa.py': 'def fa():\n    return 1\n' } }], 2: second, 3: third },
  });
}

const add = { 'add.py': 'from util import norm\n\n\ndef add(a, b):\n    return norm(a) + norm(b)\n' };
const merges = (dir: string) =>
  git(dir, 'log', '--format=%s')
    .split('\n')
    .filter((subject) => / merged from its line/.test(subject));

describe.skipIf(requirePytest())('merging green lines together', () => {
  it('verifies two lines waiting together with one suite on the combined tree and ticks both', async () => {
    const dir = threeTasks(
      [{ delayMs: 3000, write: add }],
      [{ delayMs: 3000, write: { 'size.py': 'def size(x):\n    return abs(x)\n' } }],
    );
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');
    // Task 1 alone, then 2 and 3 merged one after the other (in the order they came home) before a single suite.
    const merging = events.filter(
      (e) => e.type === 'line:merging' || e.type === 'tests:started' || e.type === 'line:merged',
    );
    const afterFirst = merging.slice(merging.findIndex((e) => e.type === 'line:merged' && e.task === 1) + 1);
    const [first, second] = afterFirst.filter((e) => e.type === 'line:merging').map((e) => e.task);
    expect([first, second].sort()).toEqual([2, 3]);
    expect(afterFirst.map((e) => `${e.type} ${e.task}`)).toEqual([
      `line:merging ${first}`,
      `line:merging ${second}`,
      `tests:started ${first}`,
      `line:merged ${first}`,
      `line:merged ${second}`,
    ]);
    const verdicts = ofType(events, 'tests:finished').filter((e) => e.taskVerdict && e.task !== 1);
    expect(verdicts.at(-1)).toMatchObject({ task: second, taskVerdict: { green: true } });
    const ticks = ofType(events, 'git:committed').filter((event) => event.kind === 'task-done');
    expect(ticks.map((event) => event.task)).toEqual([1, first, second]);
    expect(merges(dir)).toHaveLength(3);
    expect(fileAt(dir, 'RFP/tasks.md')).not.toContain('- [ ]');
    expect(suitePasses(dir)).toBe(true);
    expect(lineBranches(dir)).toEqual([]);
  });

  it('falls back to one at a time when the combined suite is red: the culprit goes back, the innocent is ticked', async () => {
    const dir = threeTasks(
      [{ delayMs: 3000, write: add }],
      // Green in its own line (add.py is not there), red beside task 2: norm no longer keeps the sign. It comes home
      // after task 2 (the later of two in a batch is merged after the other, as it would be alone), by more than a
      // loaded machine's difference between two lines' test runs (seen: 300 ms was not enough in CI).
      [
        {
          delayMs: 4200,
          write: {
            'util.py': 'def norm(x):\n    return abs(x)\n',
            'size.py': 'from util import norm\n\n\ndef size(x):\n    return norm(x)\n',
          },
        },
        { write: { 'util.py': 'def norm(x):\n    return x\n', 'size.py': 'def size(x):\n    return abs(x)\n' } },
      ],
    );
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');
    const batchVerdict = ofType(events, 'tests:finished').find((e) => e.taskVerdict?.why?.includes('merged together'));
    expect(batchVerdict?.taskVerdict).toMatchObject({ green: false });
    expect(batchVerdict?.taskVerdict?.why).toContain('tasks 2, 3 merged together');
    // One at a time: task 2 is ticked, task 3 is sent back with the test it broke, and is green after its next round.
    const returned = ofType(events, 'line:returned');
    expect(returned).toMatchObject([{ task: 3, reason: 'regression' }]);
    expect(returned[0]?.tests).toContain('tests/test_add.py::test_add_negative');
    const second = ofType(events, 'prompt:built').find((event) => event.task === 3 && event.round === 2);
    expect(second?.prompt).toContain('tests/test_add.py::test_add_negative failed');
    const ticks = ofType(events, 'git:committed').filter((event) => event.kind === 'task-done');
    expect(ticks.map((event) => event.task)).toEqual([1, 2, 3]);
    const mergedAt = (task: number) => events.findIndex((e) => e.type === 'line:merged' && e.task === task);
    expect(mergedAt(2)).toBeLessThan(events.findIndex((e) => e.type === 'line:returned'));
    // The red batch never stayed on the run branch: each task merged once, the last one after its second round.
    expect(merges(dir)).toHaveLength(3);
    expect(fileAt(dir, 'util.py')).toBe('def norm(x):\n    return x\n');
    expect(suitePasses(dir)).toBe(true);
    expect(lineBranches(dir)).toEqual([]);
  });
});
