// The task graph: which tasks may start now, from the plan's dependsOn, the "(after: …)" of tasks.md and the planned
// files two tasks share.
import { describe, expect, it } from 'vitest';
import { buildTaskGraph, readyTasks, type TaskGraph } from '../../../engine/lines/task-graph.js';
import { parseTasks } from '../../../engine/rfp/tasks-file.js';
import type { Plan, TaskPlan } from '../../../engine/task-setup/plan/plan-schema.js';

const idle = { green: new Set<number>(), running: new Set<number>(), finished: new Set<number>() };

function entry(task: number, files: string[], dependsOn?: number[]): TaskPlan {
  return {
    task,
    title: `task ${task}`,
    files: files.map((path) => ({ path, job: 'a job' })),
    testFiles: [`tests/test_${task}.py`],
    scenarios: ['works'],
    testCommand: 'pytest',
    ...(dependsOn ? { dependsOn } : {}),
  };
}

const plan = (...tasks: TaskPlan[]): Plan => ({ summary: 'a plan', tasks });
const checklist = (count: number, notes: Record<number, string> = {}) =>
  parseTasks(Array.from({ length: count }, (_, at) => `- [ ] Task ${at + 1} ${notes[at + 1] ?? ''}`).join('\n'));

describe('buildTaskGraph', () => {
  it('joins the plan\'s dependsOn with the "(after: …)" of tasks.md, once each and in order', () => {
    const graph = buildTaskGraph(
      checklist(4, { 3: '(after: 2, 1)', 4: '(after: 1)' }),
      plan(entry(1, ['a.py']), entry(2, ['b.py']), entry(3, ['c.py'], [1]), entry(4, ['d.py'], [3])),
    );
    expect(graph.dependsOn).toEqual(
      new Map([
        [1, []],
        [2, []],
        [3, [1, 2]],
        [4, [1, 3]],
      ]),
    );
    expect(graph.overlaps).toEqual(
      new Map([
        [1, []],
        [2, []],
        [3, []],
        [4, []],
      ]),
    );
  });

  it('counts a file two tasks plan (implementation or test, "./" or not) as an overlap both ways', () => {
    const shared = entry(3, ['./actions/shared.py']);
    shared.testFiles = ['tests/test_1.py'];
    const graph = buildTaskGraph(
      checklist(3),
      plan(entry(1, ['actions/one.py']), entry(2, ['actions/shared.py', 'b.py']), shared),
    );
    expect(graph.overlaps).toEqual(
      new Map([
        [1, [3]],
        [2, [3]],
        [3, [1, 2]],
      ]),
    );
  });

  it('without a plan: only the tasks.md order, no overlaps known', () => {
    const graph = buildTaskGraph(checklist(2, { 2: '(after: 1)' }));
    expect(graph.dependsOn.get(2)).toEqual([1]);
    expect(graph.overlaps.get(1)).toEqual([]);
  });
});

describe('readyTasks', () => {
  const graph: TaskGraph = {
    dependsOn: new Map([
      [1, []],
      [2, []],
      [3, [1]],
      [4, []],
      [5, [2, 3]],
    ]),
    overlaps: new Map([
      [1, []],
      [2, [4]],
      [3, []],
      [4, [2]],
      [5, []],
    ]),
  };
  const all = [1, 2, 3, 4, 5];

  it('starts the free tasks in task order, at most as many as there are slots', () => {
    expect(readyTasks(graph, all, idle, 3)).toEqual([1, 2]);
    expect(readyTasks(graph, [5, 4, 2, 1, 3], idle, 1)).toEqual([1]);
    expect(readyTasks(graph, all, idle, 0)).toEqual([]);
  });

  it('holds a task back until each task it depends on is green, not merely finished', () => {
    const state = { green: new Set([1]), running: new Set([2]), finished: new Set<number>() };
    expect(readyTasks(graph, all, state, 3)).toEqual([3]);
    expect(readyTasks(graph, all, { ...state, green: new Set([1, 2, 3]), running: new Set() }, 3)).toEqual([4, 5]);
    expect(readyTasks(graph, all, { ...idle, finished: new Set([1]) }, 3)).toEqual([2]);
  });

  it('never starts a task beside one it shares planned files with, running or picked in the same call', () => {
    expect(readyTasks(graph, all, { ...idle, running: new Set([4]) }, 3)).toEqual([1]);
    expect(readyTasks(graph, [2, 4], idle, 2)).toEqual([2]);
    expect(readyTasks(graph, [2, 4], { ...idle, green: new Set([2]) }, 2)).toEqual([4]);
  });

  it('skips tasks green, running or finished, and is not held back by a task outside the run', () => {
    const state = { green: new Set([2]), running: new Set([1]), finished: new Set([4]) };
    expect(readyTasks(graph, all, state, 5)).toEqual([]);
    // Task 3 waits for task 1, which this run does not play (SCOPE=Specific, or done before it).
    expect(readyTasks(graph, [3, 5], idle, 2)).toEqual([3]);
  });
});
