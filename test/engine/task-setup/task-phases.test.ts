// End to end with the scripted engine and real pytest: plan -> reviewer's red tests, locked -> coder green, task by task.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../engine/task-setup/plan/plan-schema.js';
import { addTests, calculatorPlan, mulTests } from '../../support/calculator-plan.js';
import { exists, git, makeProject, read, runProject } from '../../support/scripted-project.js';

describe('plan, tests and rounds, task by task', () => {
  it('plans, locks red tests, and takes two tasks to green in order', async () => {
    const dir = makeProject({
      tasks: ['Add numbers', 'Multiply numbers'],
      script: {
        architect: [calculatorPlan()],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }, { write: { 'tests/test_mul.py': mulTests } }],
        worker: [
          {
            say: 'first try',
            write: { 'actions/add.py': 'def add(a, b):\n    return a - b\n' },
            costUsd: 0.01,
            inputTokens: 100,
            outputTokens: 20,
          },
          { write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' }, costUsd: 0.02 },
          { write: { 'actions/mul.py': 'def mul(a, b):\n    return a * b\n' } },
        ],
      },
    });
    const run = await runProject(dir);
    expect(run.result).toMatchObject({ outcome: 'green', exitCode: 0 });

    const plan = planSchema.parse(JSON.parse(read(dir, '.factory/plan.json')));
    expect(plan.tasks.map((task) => task.testFiles)).toEqual([['tests/test_add.py'], ['tests/test_mul.py']]);

    // The reviewer's tests ran red before any implementation, then were locked.
    const locked = run.of('tests:locked');
    expect(locked.map((event) => [event.task, event.files])).toEqual([
      [1, ['tests/test_add.py']],
      [2, ['tests/test_mul.py']],
    ]);
    expect(locked[0]!.headline).toMatch(/error/);
    const locks = JSON.parse(read(dir, '.factory/locks.json')) as {
      locks: { path: string; tests: string[]; minTests: number }[];
    };
    expect(locks.locks.map((lock) => [lock.path, lock.minTests])).toEqual([
      ['tests/test_add.py', 2],
      ['tests/test_mul.py', 1],
    ]);
    // The ids were learned from the first run that collected them.
    expect(locks.locks[0]!.tests).toEqual([
      'tests/test_add.py::test_add_positive',
      'tests/test_add.py::test_add_negative',
    ]);

    // Task order: task 1's tests and rounds, then task 2's.
    const steps = run.events
      .filter((event) => ['tests:locked', 'round:finished', 'task:finished'].includes(event.type))
      .map((event) => `${event.type}@${event.task}`);
    expect(steps).toEqual([
      'tests:locked@1',
      'round:finished@1',
      'round:finished@1',
      'task:finished@1',
      'tests:locked@2',
      'round:finished@2',
      'task:finished@2',
    ]);
    const rounds = run.of('round:finished').map((event) => [event.record.task, event.record.round, event.record.green]);
    expect(rounds).toEqual([
      [1, 1, false],
      [1, 2, true],
      [2, 1, true],
    ]);

    // The coder saw the plan and the locked tests in its prompt.
    const firstPrompt = run.of('prompt:built').find((event) => event.round === 1)!.prompt;
    expect(firstPrompt).toContain('## Plan for this task');
    expect(firstPrompt).toContain('actions/add.py: adds two numbers');
    expect(firstPrompt).toContain('locked; changes to them are reverted: tests/test_add.py');

    expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Add numbers\n- [x] Multiply numbers');
    const log = git(dir, 'log', '--format=%s');
    expect(log).toMatch(/factory: task 1 tests — red: 0\/1 passing, 1 errors/);
    expect(log).toMatch(/factory: task 2 done — Multiply numbers/);

    const report = read(dir, '.factory/final_report.md');
    expect(report).toMatch(/\| 1\. Add numbers \| green \| 2 \|/);
    expect(report).toMatch(/\| 2\. Multiply numbers \| green \| 1 \|/);
    expect(report).toContain('## Task 1: Add numbers');
    expect(report).toContain('- Rounds: 2, time');
    expect(report).toContain('cost $0.0300, 120 tokens');
    expect(report).toContain('Tests locked: tests/test_add.py (2/2 locked tests passing)');
    expect(report).toMatch(/Files touched: .*actions\/add\.py/);
    expect(report).toContain('### Last test output: 3/3 passing');
    expect(fs.readdirSync(path.join(dir, '.factory', 'prompts')).sort()).toEqual([
      'plan.md',
      'round_1.md',
      'round_2.md',
      'round_3.md',
      'tests_task_1.md',
      'tests_task_2.md',
    ]);
    expect(exists(dir, 'actions/mul.py')).toBe(true);
  });

  it('a task that names its tests skips the reviewer and is not locked; the next task gets reviewer tests', async () => {
    const dir = makeProject({
      tasks: ['Add numbers (tests: tests/test_add.py)', 'Multiply numbers'],
      files: { 'tests/test_add.py': addTests },
      script: {
        architect: [calculatorPlan()],
        reviewer: [{ write: { 'tests/test_mul.py': mulTests } }],
        worker: [
          { write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } },
          { write: { 'actions/mul.py': 'def mul(a, b):\n    return a * b\n' } },
        ],
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome).toBe('green');
    expect(run.of('review:started').map((event) => event.task)).toEqual([2]);
    expect(run.of('tests:locked').map((event) => [event.task, event.files])).toEqual([[2, ['tests/test_mul.py']]]);
    expect(run.of('prompt:built').find((event) => event.round === 1 && event.task === 1)!.prompt).toContain(
      '## Plan for this task',
    );
  });

  it('PLAN=false keeps the old way: tasks go straight into rounds, nothing is locked', async () => {
    const dir = makeProject({
      tasks: ['Add numbers (tests: tests/test_add.py)'],
      settings: { PLAN: 'false' },
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': 'raise SystemExit(1)\n' } }],
        worker: [{ write: { 'tests/test_add.py': addTests, 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome).toBe('green');
    expect(run.of('plan:started')).toEqual([]);
    expect(run.of('tests:locked')).toEqual([]);
    expect(exists(dir, '.factory/plan.json')).toBe(false);
  });
});
