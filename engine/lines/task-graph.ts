// Which tasks may run at the same time: a task waits for the tasks it depends on (the plan's dependsOn and the
// "(after: …)" of its line in RFP/tasks.md), and never runs beside a task whose planned files it shares.
import type { Task } from '../rfp/tasks-file.js';
import type { Plan } from '../task-setup/plan/plan-schema.js';
import { normaliseTestPath } from '../test-runner/test-id.js';

export type TaskGraph = {
  /** Task number -> the task numbers it waits for, ascending (every task has an entry). */
  dependsOn: ReadonlyMap<number, readonly number[]>;
  /** Task number -> the other tasks whose planned files (implementation or test) it shares, ascending. */
  overlaps: ReadonlyMap<number, readonly number[]>;
};

export type LineState = {
  green: ReadonlySet<number>;
  running: ReadonlySet<number>;
  /** Ended without going green (skipped, stopped by a valve): what waits for them never starts. */
  finished: ReadonlySet<number>;
};

/** The plan and tasks.md are checked already (known tasks, no cycle): this only joins them. */
export function buildTaskGraph(tasks: Task[], plan?: Plan): TaskGraph {
  const planned = new Map(plan?.tasks.map((entry) => [entry.task, entry]));
  const dependsOn = new Map<number, number[]>();
  const files = new Map<number, Set<string>>();
  for (const task of tasks) {
    const entry = planned.get(task.index);
    const waits = new Set([...(task.after ?? []), ...(entry?.dependsOn ?? [])]);
    waits.delete(task.index);
    dependsOn.set(task.index, ascending(waits));
    const paths = [...(entry?.files.map((file) => file.path) ?? []), ...(entry?.testFiles ?? [])];
    files.set(task.index, new Set(paths.map((file) => normaliseTestPath(file)).filter(Boolean)));
  }
  const overlaps = new Map<number, number[]>();
  for (const [task, own] of files) {
    const shared = [...files].filter(([other, theirs]) => other !== task && [...own].some((file) => theirs.has(file)));
    overlaps.set(task, ascending(shared.map(([other]) => other)));
  }
  return { dependsOn, overlaps };
}

/**
 * The tasks that may start now, in task order, at most `slots`: not green, running or finished, every dependency
 * green, and no planned file shared with a running task or with one picked before it in this call. A dependency that
 * is not among `tasks` (outside the run's SCOPE, or done before it) does not hold a task back: no line of this run
 * would ever make it green.
 */
export function readyTasks(graph: TaskGraph, tasks: readonly number[], state: LineState, slots: number): number[] {
  const inRun = new Set(tasks);
  const busy = new Set(state.running);
  const ready: number[] = [];
  for (const task of ascending(tasks)) {
    if (ready.length >= slots) break;
    if (state.green.has(task) || state.running.has(task) || state.finished.has(task)) continue;
    const waiting = (graph.dependsOn.get(task) ?? []).some((other) => inRun.has(other) && !state.green.has(other));
    if (waiting || (graph.overlaps.get(task) ?? []).some((other) => busy.has(other))) continue;
    ready.push(task);
    busy.add(task);
  }
  return ready;
}

const ascending = (numbers: Iterable<number>): number[] => [...new Set(numbers)].sort((a, b) => a - b);
