// The reviewer's tests must run red: a file with a syntax error goes back with the output, and a reviewer that never fixes it stops the task.
import { describe, expect, it } from 'vitest';
import { addTests, calculatorPlan } from '../../../support/calculator-plan.js';
import { git, makeProject, read, runProject } from '../../../support/scripted-project.js';

const broken = 'from actions.add import add\n\n\ndef test_add_positive(:\n    assert add(1, 2) == 3\n';

describe('tests phase', () => {
  it('sends a test file with a syntax error back to the reviewer, then locks the fixed one', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': broken } }, { write: { 'tests/test_add.py': addTests } }],
        worker: [{ write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.of('review:rejected').map((event) => [event.attempt, event.reason])).toEqual([
      [1, 'tests/test_add.py does not collect: SyntaxError: invalid syntax'],
    ]);
    expect(run.of('review:started').map((event) => event.attempt)).toEqual([1, 2]);
    const retry = run.of('prompt:built').filter((event) => event.strategy === 'tests')[1]!.prompt;
    expect(retry).toContain('## Attempt 2: your last tests were sent back');
    expect(retry).toContain('SyntaxError: invalid syntax');
    expect(run.of('tests:locked').map((event) => event.files)).toEqual([['tests/test_add.py']]);
    expect(JSON.parse(read(dir, '.factory/locks.json')).locks[0].content).toBe(addTests);
    expect(run.result.outcome).toBe('green');
  });

  it('stops the task when the reviewer never writes tests that run, leaving a clean tree', async () => {
    const dir = makeProject({
      tasks: ['Add numbers', 'Multiply numbers'],
      script: {
        architect: [calculatorPlan()],
        reviewer: [{ write: { 'tests/test_add.py': broken } }],
        worker: [{ write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.of('review:rejected').map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(run.of('round:started')).toEqual([]);
    expect(run.of('task:finished').map((event) => [event.task, event.outcome, event.reason])).toEqual([
      [
        1,
        'stopped',
        "the reviewer's tests did not run red after 3 attempts: tests/test_add.py does not collect: SyntaxError: invalid syntax",
      ],
    ]);
    expect(run.result.outcome).toBe('valve');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('factory: task 1 tests — refused, not locked\n');
    expect(read(dir, '.factory/final_report.md')).toContain(
      "- Outcome: stopped — the reviewer's tests did not run red",
    );
  });
});
