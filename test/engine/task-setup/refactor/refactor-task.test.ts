// Refactoring tasks with real pytest: the task's tests pass before any work. The run says it plays the task as a
// refactor; a round that changes nothing is not green, one that breaks the tests is red, one that changes the code and
// keeps them passing is green. With the plan and reviewer on, a task's passing reviewer tests are locked, not sent
// back, and the task is played as a refactor (marked "(refactor)" or not).
import { describe, expect, it } from 'vitest';
import { pytest } from '../../../support/calculator-plan.js';
import { shellWrite } from '../../../support/hostile-cheats.js';
import { exists, makeProject, read, runProject } from '../../../support/scripted-project.js';

const calc = 'def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n';
const calcTests =
  'from calc import add, mul\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_mul():\n    assert mul(2, 3) == 6\n';
const split = {
  'ops/__init__.py': '',
  'ops/add.py': 'def add(a, b):\n    return a + b\n',
  'ops/mul.py': 'def mul(a, b):\n    return a * b\n',
  'calc.py': 'from ops.add import add\nfrom ops.mul import mul\n\n__all__ = ["add", "mul"]\n',
};
const loose = { MAX_FAIL_STREAK: '50', MAX_SAME_FAILURE: '50', MAX_IDLE_ROUNDS: '50', LEGO_MODE: 'false' };

describe('a refactoring task', () => {
  it('whose named tests pass at the start: no change is not green, a break is red, a kept change is green', {
    timeout: 300_000,
  }, async () => {
    const dir = makeProject({
      tasks: ['Split calc into modules (tests: test_calc.py)'],
      settings: { ...loose, PLAN: 'false', MAX_ROUNDS: '4', TEST_CMD: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytest}` },
      files: { 'calc.py': calc, 'test_calc.py': calcTests },
      script: {
        worker: [
          { say: 'nothing to do, the tests pass' },
          { say: 'a split that breaks mul', run: [shellWrite('calc.py', 'def add(a, b):\n    return a + b\n')] },
          { say: 'the split', write: split },
        ],
      },
    });
    const run = await runProject(dir);

    expect(run.result).toMatchObject({ outcome: 'green', exitCode: 0 });
    expect(run.of('task:refactor')).toEqual([
      expect.objectContaining({ task: 1, reason: expect.stringContaining('already pass before any work (2 passed)') }),
    ]);
    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([false, false, true]);
    // Round 1: the tests passed, but nothing changed.
    expect(rounds[0]!.tests.tests['test_calc.py::test_add']).toBe('passed');
    expect(rounds[0]!.tests.headline).toContain('refactor: the code is as the task found it');
    expect(read(dir, '.factory/prompts/round_2.md')).toContain('This round left the code as the task found it');
    expect(read(dir, '.factory/prompts/round_1.md')).toContain('This is a refactoring task');
    // Round 2: changed, and the tests broke.
    expect(rounds[1]!.tests.headline).not.toContain('refactor:');
    expect(rounds[1]!.tests.tests['test_calc.py::test_mul']).not.toBe('passed');
    expect(rounds[2]!.commit?.files).toEqual(expect.arrayContaining(['ops/add.py', 'ops/mul.py', 'calc.py']));
    expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Split calc into modules');
    expect(read(dir, '.factory/history.md')).toContain('played as a refactor');
  });

  it('that changes nothing is never green: the idle valve stops it, exit 3', { timeout: 300_000 }, async () => {
    const dir = makeProject({
      tasks: ['Tidy calc (refactor) (tests: test_calc.py)'],
      settings: {
        ...loose,
        PLAN: 'false',
        MAX_ROUNDS: '5',
        MAX_IDLE_ROUNDS: '2',
        TEST_CMD: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytest}`,
      },
      files: { 'calc.py': calc, 'test_calc.py': calcTests },
      script: { worker: [{ say: 'done' }, { say: 'still done' }] },
    });
    const run = await runProject(dir);
    expect(run.result).toMatchObject({ outcome: 'valve', exitCode: 3 });
    expect(run.of('task:refactor')[0]?.reason).toContain('(refactor)');
    expect(run.of('round:finished').map((event) => event.record.green)).toEqual([false, false]);
    expect(run.of('valve:tripped')[0]?.valve).toBe('idle_rounds');
  });

  for (const [line, why] of [
    ['Split calc into modules (refactor)', 'its line in RFP/tasks.md says (refactor)'],
    ['Split calc into modules', "the reviewer's tests already pass on the code as it is"],
  ] as const)
    it(`${line}, with the plan and reviewer on: the passing tests are locked, not sent back`, {
      timeout: 300_000,
    }, async () => {
      const dir = makeProject({
        tasks: [line],
        settings: { ...loose, MAX_ROUNDS: '3' },
        files: { 'calc.py': calc },
        script: {
          architect: [
            {
              summary: 'calc split into one module per operation',
              tasks: [
                {
                  task: 1,
                  title: 'Split calc into modules',
                  files: [
                    { path: 'ops/add.py', job: 'adds two numbers' },
                    { path: 'ops/mul.py', job: 'multiplies two numbers' },
                  ],
                  testFiles: ['tests/test_calc.py'],
                  scenarios: ['2 + 3 is 5', '2 * 3 is 6'],
                  testCommand: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytest} tests/test_calc.py`,
                },
              ],
            },
          ],
          reviewer: [
            {
              write: {
                'tests/test_calc.py': `import os, sys\nsys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))\n${calcTests}`,
              },
            },
          ],
          worker: [{ say: 'the split', write: split }],
        },
      });
      const run = await runProject(dir);

      expect(run.result).toMatchObject({ outcome: 'green', exitCode: 0 });
      expect(run.of('review:rejected')).toEqual([]);
      expect(run.of('tests:locked')[0]?.files).toEqual(['tests/test_calc.py']);
      expect(run.of('task:refactor').map((event) => event.reason)).toEqual([expect.stringContaining(why)]);
      // Only a task marked so is asked for passing tests; an unmarked one's are found passing.
      if (line.endsWith('(refactor)'))
        expect(run.of('prompt:built').find((event) => event.strategy === 'tests')?.prompt).toContain(
          'they must run and pass on the code as it is',
        );
      expect(run.of('round:finished').map((event) => event.record.green)).toEqual([true]);
      expect(exists(dir, 'ops/add.py')).toBe(true);
    });
});
