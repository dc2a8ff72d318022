// The architect's plan: validated against the schema, asked again once with the errors, then a clear stop.
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../../engine/task-setup/plan/validate-plan.js';
import { addTests, calculatorPlan } from '../../../support/calculator-plan.js';
import { exists, makeProject, read, runProject } from '../../../support/scripted-project.js';

const tasks = [
  { index: 1, line: 3, title: 'Add numbers', done: false, tests: [] },
  { index: 2, line: 4, title: 'Multiply numbers', done: false, tests: [] },
];

describe('validatePlan', () => {
  it('reads JSON in a Markdown fence and checks every task has an entry', () => {
    const text = `Here is the plan:\n\`\`\`json\n${JSON.stringify(calculatorPlan(1))}\n\`\`\`\n`;
    expect(validatePlan(text, tasks)).toEqual({
      ok: false,
      problems: ['tasks: task 2 ("Multiply numbers") has no entry'],
    });
    expect(validatePlan(text, tasks.slice(0, 1)).ok).toBe(true);
  });

  it('names each schema problem by its path', () => {
    const plan = calculatorPlan(1) as { tasks: Record<string, unknown>[] };
    plan.tasks[0] = { ...plan.tasks[0], testFiles: [], files: [{ path: '../outside.py', job: 'escapes' }] };
    const check = validatePlan(JSON.stringify(plan), tasks.slice(0, 1));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      'tasks.0.files.0.path: must be a path relative to the project, without ".."',
      'tasks.0.testFiles: Too small: expected array to have >=1 items',
    ]);
  });
});

describe('the plan step of a run', () => {
  it('asks again with the errors, and uses the second answer when it is valid', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: {
        architect: ['I think we should write a calculator.', calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [{ write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.of('plan:invalid').map((event) => event.attempt)).toEqual([1]);
    expect(run.of('plan:ready').map((event) => event.tasks)).toEqual([1]);
    expect(run.result.outcome).toBe('green');
    expect(read(dir, '.factory/final_report.md')).toContain('- Plan: .factory/plan.json, 1 task(s), 2 attempt(s)');
  });

  it('a stop asked while the architect works ends the run as stopped, with no second plan attempt', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: { architect: ['not JSON'], reviewer: [{ write: { 'tests/test_add.py': addTests } }] },
    });
    const run = await runProject(dir, { before: (engine) => engine.send({ type: 'stop' }) });
    expect(run.result.outcome).toBe('stopped');
    expect(run.of('plan:started').map((event) => event.attempt)).toEqual([1]);
    expect(run.of('plan:invalid')).toEqual([]);
    expect(run.of('review:started')).toEqual([]);
  });

  it('PLAN=true refuses to start when the engine cannot play a role', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: { architect: [calculatorPlan(1)], worker: [] },
      settings: { PLAN: 'true' },
    });
    const refused = await runProject(dir);
    expect(refused.of('run:error').map((event) => event.message)).toEqual([
      'PLAN=true, but AI_ENGINE=scripted cannot play the reviewer here (add a "reviewer" section to .factory-script.json); set PLAN=auto or PLAN=false',
    ]);
    expect(refused.of('plan:started')).toEqual([]);
  });

  it('stops the run with the validation problems when the plan fails twice', async () => {
    const invalid = {
      summary: 'calc',
      tasks: [
        {
          task: 1,
          title: 'Add numbers',
          files: [],
          testFiles: ['tests/test_add.py'],
          scenarios: ['adds'],
          testCommand: 'pytest',
        },
      ],
    };
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: {
        architect: ['not JSON at all', invalid],
        reviewer: [{ write: { 'tests/test_add.py': 'x' } }],
        worker: [{ write: { 'actions/add.py': 'x' } }],
      },
    });
    const run = await runProject(dir);
    const invalids = run.of('plan:invalid');
    expect(invalids.map((event) => event.attempt)).toEqual([1, 2]);
    expect(invalids[0]!.problems).toEqual([expect.stringMatching(/^the answer is not JSON: /)]);
    expect(invalids[1]!.problems).toEqual(['tasks.0.files: Too small: expected array to have >=1 items']);
    const second = run.of('prompt:built').filter((event) => event.strategy === 'plan')[1]!.prompt;
    expect(second).toContain('## Your last answer was refused; fix these problems\n- the answer is not JSON');
    expect(run.result).toMatchObject({ outcome: 'error', exitCode: 1 });
    expect(run.of('run:error')[0]!.message).toBe(
      "the architect's plan failed validation 2 times, so the run stops before any code is written; the architect only reads, and what it changed was put back:\n  tasks.0.files: Too small: expected array to have >=1 items\nfix the RFP or the architect's model (ARCHITECT_MODEL), or set PLAN=false to go straight to rounds",
    );
    expect(run.of('review:started')).toEqual([]);
    expect(run.of('round:started')).toEqual([]);
    expect(exists(dir, '.factory/plan.json')).toBe(false);
    expect(read(dir, '.factory/history.md')).toContain('plan refused (attempt 2): tasks.0.files');
  });
});
