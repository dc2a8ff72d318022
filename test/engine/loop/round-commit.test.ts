// A red round's commit is the tree its tests ran on, as the guard staged it before them: what the test run wrote goes
// into the next commit. A green round's commit takes the whole tree, so its confirming run finds the tree and the commit
// alike and the task ends with nothing left uncommitted.
import { describe, expect, it } from 'vitest';
import { addTaskProject, git, runProject } from '../../support/scripted-project.js';
import { requirePytest } from '../../support/python.js';

const wrongAdd = 'def add(a, b):\n    return 0\n';
const rightAdd = 'def add(a, b):\n    return a + b\n';
// Each run of the tests leaves a file in the project, as a runner's report or snapshot would.
const addTests =
  'import pathlib\n\nfrom calc import add\n\n\ndef test_add():\n    pathlib.Path("left-by-tests.txt").write_text("ran\\n")\n' +
  '    assert add(2, 3) == 5\n';

const filesOf = (dir: string, sha: string): string[] =>
  git(dir, 'show', '--name-only', '--format=', sha).split('\n').filter(Boolean).sort();

describe.skipIf(requirePytest())('the commit of a round', () => {
  it('leaves out of a red round what its test run wrote, and takes it into the next commit', {
    timeout: 120_000,
  }, async () => {
    const dir = addTaskProject([{ write: { 'calc.py': wrongAdd } }, { write: { 'calc.py': rightAdd } }], {
      'calc.py': '',
      'tests/test_calc.py': addTests,
    });
    const run = await runProject(dir);
    expect(run.result.outcome, run.result.reason).toBe('green');

    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([false, true]);
    const [red, green] = rounds.map((record) => record.commit!.sha);
    expect(filesOf(dir, red!)).toEqual(['calc.py']);
    // Written by round 1's tests (after its commit) and by round 2's, committed with round 2.
    expect(filesOf(dir, green!)).toEqual(['calc.py', 'left-by-tests.txt']);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
