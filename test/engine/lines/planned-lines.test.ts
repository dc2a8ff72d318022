// Production lines with the plan and the reviewer: the run's plan is made once, each line's reviewer writes and locks
// its task's tests in the line, and the locks travel with the merged work: a later line cannot weaken them.
import { describe, expect, it } from 'vitest';
import { addTests, calculatorPlan, mulTests } from '../../support/calculator-plan.js';
import { lineBranches } from '../../support/lines-project.js';
import { makeProject, read, runProject } from '../../support/scripted-project.js';

describe('planned production lines', () => {
  it('plans once, locks each task’s reviewer tests in its line, and keeps them locked in the next line', async () => {
    const dir = makeProject({
      tasks: ['Add numbers', 'Multiply numbers (after: 1)'],
      settings: { MAX_PARALLEL: '2' },
      script: {
        architect: [calculatorPlan()],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }, { write: { 'tests/test_mul.py': mulTests } }],
        workerByTask: {
          1: [{ write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
          // Task 2's worker also rewrites task 1's locked test: put back, and the round says so.
          2: [
            {
              write: {
                'actions/mul.py': 'def mul(a, b):\n    return a * b\n',
                'tests/test_add.py': 'def test_nothing():\n    assert True\n',
              },
            },
          ],
        },
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome, run.result.reason).toBe('green');
    expect(run.of('plan:ready')).toHaveLength(1);
    expect(run.of('tests:locked').map((event) => [event.task, event.files])).toEqual([
      [1, ['tests/test_add.py']],
      [2, ['tests/test_mul.py']],
    ]);
    const refusedOrRestored = [
      ...run
        .of('guard:violation')
        .filter((event) => event.task === 2)
        .map((event) => event.path),
      ...run
        .of('agent:edit')
        .filter((event) => event.task === 2 && event.action === 'refused')
        .map((event) => event.path),
    ];
    expect(refusedOrRestored).toContain('tests/test_add.py');
    expect(read(dir, 'tests/test_add.py')).toBe(addTests);
    expect(read(dir, 'tests/test_mul.py')).toBe(mulTests);
    expect(lineBranches(dir)).toEqual([]);
  });
});
