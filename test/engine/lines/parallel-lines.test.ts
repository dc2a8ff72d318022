// Production lines: four tasks in two independent pairs (3 after 1, 4 after 2) run at MAX_PARALLEL=2 and 4, each in
// its own worktree and branch, merged into the run branch and verified there; the run branch ends with all the work.
import { describe, expect, it } from 'vitest';
import { engineFor, ofType } from '../../support/engine.js';
import { git } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';
import {
  fileAt,
  lineBranches,
  linesProject,
  mostAtOnce,
  recordedLines,
  suitePasses,
  worktrees,
} from '../../support/lines-project.js';

const module = (name: string, value: string) => `def ${name}():\n    return ${value}\n`;
const test = (file: string, name: string, expected: number) =>
  `from ${file} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == ${expected}\n`;

function pairsProject(parallel: number): string {
  return linesProject({
    parallel,
    tasks: [
      'Make fa (tests: tests/test_fa.py)',
      'Make fb (tests: tests/test_fb.py)',
      'Make fc from fa (after: 1) (tests: tests/test_fc.py)',
      'Make fd from fb (after: 2) (tests: tests/test_fd.py)',
    ],
    tests: {
      'tests/test_fa.py': test('fa', 'fa', 1),
      'tests/test_fb.py': test('fb', 'fb', 2),
      'tests/test_fc.py': test('fc', 'fc', 3),
      'tests/test_fd.py': test('fd', 'fd', 4),
    },
    byTask: {
      1: [{ delayMs: 400, write: { 'fa.py': module('fa', '1') } }],
      2: [{ delayMs: 400, write: { 'fb.py': module('fb', '2') } }],
      3: [{ delayMs: 200, write: { 'fc.py': `from fa import fa\n\n\n${module('fc', 'fa() + 2')}` } }],
      4: [{ delayMs: 200, write: { 'fd.py': `from fb import fb\n\n\n${module('fd', 'fb() + 2')}` } }],
    },
  });
}

describe.skipIf(requirePytest())('production lines', () => {
  for (const parallel of [2, 4]) {
    it(`plays two independent pairs at MAX_PARALLEL=${parallel}: every task green on the run branch`, async () => {
      const dir = pairsProject(parallel);
      const userBranch = git(dir, 'rev-parse', 'main').trim();
      const { result, events } = await runEngine(dir);
      expect(result.outcome, result.reason).toBe('green');

      // Lines overlapped, never more than allowed (two pairs: at most two ready at once).
      expect(mostAtOnce(events)).toBe(2);
      const started = ofType(events, 'line:started');
      expect(started.map((event) => event.task).sort()).toEqual([1, 2, 3, 4]);
      for (const event of started) expect(event.branch).toMatch(new RegExp(`^factory/.+-task-${event.task}$`));
      // A task starts only once what it depends on is merged.
      const mergedAt = (task: number) => events.findIndex((e) => e.type === 'line:merged' && e.task === task);
      const startedAt = (task: number) => events.findIndex((e) => e.type === 'line:started' && e.task === task);
      expect(startedAt(3)).toBeGreaterThan(mergedAt(1));
      expect(startedAt(4)).toBeGreaterThan(mergedAt(2));
      expect(startedAt(2)).toBeLessThan(mergedAt(1));
      // Every line event and every round carries its task.
      for (const event of events.filter((e) => e.type.startsWith('line:') || e.type === 'round:finished'))
        expect(event.task).toBeGreaterThan(0);
      expect(ofType(events, 'line:merged')).toHaveLength(4);
      // Each round's prompt and report are filed under its own number, whatever the other lines did meanwhile.
      for (const { record } of ofType(events, 'round:finished')) {
        expect(fileAt(dir, `.factory/prompts/round_${record.runRound}.md`)).toContain(`# Task ${record.task}:`);
        expect(fileAt(dir, `.factory/rounds/round_${record.runRound}.md`)).toContain(record.taskTitle);
      }
      expect(ofType(events, 'line:closed').map((event) => event.outcome)).toEqual(['green', 'green', 'green', 'green']);

      // The run branch holds every task's work and every tick; the whole suite passes on it.
      expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toMatch(/^factory\//);
      for (const file of ['fa.py', 'fb.py', 'fc.py', 'fd.py']) expect(fileAt(dir, file)).toBeDefined();
      expect(fileAt(dir, 'RFP/tasks.md')).not.toContain('- [ ]');
      expect(git(dir, 'status', '--porcelain')).toBe('');
      expect(suitePasses(dir)).toBe(true);

      // The user's branch is untouched; no worktree or line branch is left, and the records name none.
      expect(git(dir, 'rev-parse', 'main').trim()).toBe(userBranch);
      expect(worktrees(dir)).toHaveLength(1);
      expect(lineBranches(dir)).toEqual([]);
      expect(recordedLines(dir)).toEqual([]);
    });
  }

  it('switches to lines from the next task start when MAX_PARALLEL is raised while the run goes on', async () => {
    const dir = pairsProject(1);
    const { engine, events } = engineFor(dir);
    engine.on((event) => {
      if (event.type === 'agent:chunk' && event.task === 1)
        engine.send({ type: 'set', key: 'MAX_PARALLEL', value: '2' });
    });
    const result = await engine.run();
    expect(result.outcome, result.reason).toBe('green');
    expect(ofType(events, 'config:changed')).toMatchObject([{ key: 'MAX_PARALLEL', value: '2', previous: '1' }]);
    // Task 1 ran as before, in the checkout; the tasks after it in lines, two at a time.
    expect(ofType(events, 'line:started').map((event) => event.task)).toEqual([2, 3, 4]);
    expect(mostAtOnce(events)).toBe(2);
    expect(suitePasses(dir)).toBe(true);
    expect(lineBranches(dir)).toEqual([]);
  });
});
