// The plan's dependsOn: known tasks only, never the task itself, no circle (with the "(after: …)" of tasks.md); the
// architect is told about it.
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../../engine/rfp/tasks-file.js';
import { buildPlanPrompt } from '../../../../engine/task-setup/plan/plan-prompt.js';
import { validatePlan } from '../../../../engine/task-setup/plan/validate-plan.js';

const tasks = parseTasks('- [ ] Add\n- [ ] Multiply\n- [ ] Power (after: 2)\n');

function planText(dependsOn: Record<number, number[]>): string {
  const entries = tasks.map((task) => ({
    task: task.index,
    title: task.title,
    files: [{ path: `actions/${task.index}.py`, job: 'a job' }],
    testFiles: [`tests/test_${task.index}.py`],
    scenarios: ['works'],
    testCommand: 'pytest',
    ...(dependsOn[task.index] ? { dependsOn: dependsOn[task.index] } : {}),
  }));
  return JSON.stringify({ summary: 'a calculator', tasks: entries });
}

const problems = (dependsOn: Record<number, number[]>) => {
  const check = validatePlan(planText(dependsOn), tasks);
  return check.ok ? [] : check.problems;
};

describe("the plan's dependsOn", () => {
  it('is kept when it names other tasks to plan; a plan without it depends on nothing', () => {
    const check = validatePlan(planText({ 2: [1], 3: [1, 2] }), tasks);
    expect(check.ok && check.plan.tasks.map((entry) => entry.dependsOn)).toEqual([undefined, [1], [1, 2]]);
  });

  it('refuses an unknown task and the task itself, naming both', () => {
    expect(problems({ 1: [7], 2: [2] })).toEqual([
      "tasks: task 1's dependsOn names task 7, which is not a task to plan (those are 1, 2, 3)",
      "tasks: task 2's dependsOn names the task itself",
    ]);
  });

  it('refuses a circle, counting the "(after: …)" of tasks.md, and names the tasks along it', () => {
    expect(problems({ 1: [3], 2: [1] })).toEqual([
      'tasks: dependsOn with the "(after: …)" notes of RFP/tasks.md goes round in a circle: task 1 depends on ' +
        'task 3, which depends on task 2, which depends on task 1; a task cannot wait for itself',
    ]);
  });

  it('is explained to the architect, with the order tasks.md already gives', () => {
    const prompt = buildPlanPrompt({
      rfp: { requirements: 'a calculator', design: '', tasksFile: 'RFP/tasks.md', tasks },
      tasks,
      layout: [],
      legoMode: false,
      testCommand: 'pytest',
    });
    expect(prompt).toContain('3. Power (after: 2)');
    expect(prompt).toMatch(/"dependsOn": the numbers of the tasks whose code this task builds on/);
    expect(prompt).toContain('"dependsOn": []');
  });
});
