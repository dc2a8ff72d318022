// The plan's test files take the test ids' shape, so the locks made from them match the runner's ids.
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../../engine/task-setup/plan/plan-schema.js';

describe('plan schema', () => {
  it('normalises test files ("./tests//test_a.py" -> "tests/test_a.py") and still refuses paths outside the project', () => {
    const task = {
      task: 1,
      title: 'Add',
      files: [{ path: 'calc.py', job: 'adds' }],
      scenarios: ['1 + 1 is 2'],
      testCommand: 'pytest',
    };
    const plan = planSchema.parse({
      summary: 'A calculator.',
      tasks: [{ ...task, testFiles: ['./tests//test_a.py', 'tests\\test_b.py'] }],
    });
    expect(plan.tasks[0]!.testFiles).toEqual(['tests/test_a.py', 'tests/test_b.py']);
    expect(
      planSchema.safeParse({ summary: 'x', tasks: [{ ...task, testFiles: ['../elsewhere/test_a.py'] }] }).success,
    ).toBe(false);
  });
});
