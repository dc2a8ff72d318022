// `factory run` as the user runs it (the built CLI): the phases' lines, then the final summary, and --unlock.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTests, calculatorPlan } from '../../support/calculator-plan.js';
import { testHome } from '../../support/cli.js';
import { makeProject } from '../../support/scripted-project.js';

const root = path.resolve(import.meta.dirname, '../../..');
const factory = (...args: string[]) =>
  spawnSync('node', [path.join(root, 'bin/factory.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FACTORY_HOME: testHome },
  });

describe('factory run', () => {
  it('prints the plan and lock lines as they happen and the per-task summary at the end', () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [
          { write: { 'actions/add.py': 'def add(a, b):\n    return a - b\n' } },
          { write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' }, costUsd: 0.5 },
        ],
      },
    });
    const run = factory('run', '-C', dir, '--unlock', 'tests/none.py');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('tests/none.py was not locked');
    expect(run.stdout).toContain('plan ready: 1 task(s)');
    expect(run.stdout).toContain('task 1: tests red (0/1 passing, 1 errors) and locked: tests/test_add.py');
    expect(run.stdout).toMatch(
      /Summary \(\.factory\/final_report\.md\):\n {2}task 1 green: Add numbers — 2 round\(s\), [\d.]+ s, \$0\.5000, 0 tokens, 2\/2 locked tests passing\n {2}1\/1 task\(s\) green — every task is green\n\nYour branch main is untouched/,
    );
  });
});
