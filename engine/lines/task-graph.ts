// Which tasks may run at the same time: a task waits for the tasks it depends on to be green on the run branch, and
// never runs beside a task whose files overlap its own. This minimal version reads `(after: 1, 3)` in a task's line.
import type { Plan } from '../task-setup/plan/plan-schema.js';
import type { Task } from '../rfp/tasks-file.js';

export type TaskGraph = {
  dependsOn: ReadonlyMap<number, readonly number[]>;
  overlaps: ReadonlyMap<number, readonly number[]>;
};

export type GraphState = { green: ReadonlySet<number>; running: ReadonlySet<number>; finished: ReadonlySet<number> };

const afterNote = /\(\s*after\s*:\s*([^)]*)\)/i;

export function buildTaskGraph(tasks: Task[], _plan?: Plan): TaskGraph {
  const dependsOn = new Map<number, number[]>();
  for (const task of tasks) {
    const named = afterNote.exec(task.title)?.[1] ?? '';
    dependsOn.set(
      task.index,
      named
        .split(',')
        .map((item) => Number(item.trim()))
        .filter((index) => Number.isInteger(index) && index > 0 && index !== task.index),
    );
  }
  return { dependsOn, overlaps: new Map() };
}

/** The tasks that may start now, in task order, at most `slots`: not started yet, every dependency green. */
export function readyTasks(graph: TaskGraph, tasks: readonly number[], state: GraphState, slots: number): number[] {
  const ready: number[] = [];
  const busy = new Set(state.running);
  for (const task of [...tasks].sort((a, b) => a - b)) {
    if (ready.length >= slots) break;
    if (state.running.has(task) || state.finished.has(task)) continue;
    if (!(graph.dependsOn.get(task) ?? []).every((before) => state.green.has(before))) continue;
    if ((graph.overlaps.get(task) ?? []).some((other) => busy.has(other))) continue;
    ready.push(task);
    busy.add(task);
  }
  return ready;
}
