// Reads the architect's answer: JSON (bare or in a ``` block) checked against the plan schema and the tasks to plan.
import type { Task } from '../../rfp/tasks-file.js';
import { describeCycle, findCycle } from '../../util/find-cycle.js';
import { planSchema, type Plan } from './plan-schema.js';

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; problems: string[] };

export function validatePlan(text: string, tasks: readonly Task[]): PlanCheck {
  let json: unknown;
  try {
    json = JSON.parse(extractJson(text));
  } catch (error) {
    return { ok: false, problems: [`the answer is not JSON: ${(error as Error).message}`] };
  }
  const parsed = planSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`),
    };
  const planned = new Set(parsed.data.tasks.map((entry) => entry.task));
  const problems = tasks
    .filter((task) => !planned.has(task.index))
    .map((task) => `tasks: task ${task.index} ("${task.title}") has no entry`);
  problems.push(...dependencyProblems(parsed.data, tasks));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: parsed.data };
}

/** dependsOn names tasks to plan, never its own, and with the "(after: …)" of RFP/tasks.md makes no cycle. */
function dependencyProblems(plan: Plan, tasks: readonly Task[]): string[] {
  const known = new Set(tasks.map((task) => task.index));
  const problems: string[] = [];
  for (const entry of plan.tasks)
    for (const other of entry.dependsOn ?? []) {
      if (other === entry.task) problems.push(`tasks: task ${entry.task}'s dependsOn names the task itself`);
      else if (!known.has(other))
        problems.push(
          `tasks: task ${entry.task}'s dependsOn names task ${other}, which is not a task to plan (those are ` +
            `${[...known].join(', ')})`,
        );
    }
  if (problems.length > 0) return problems;
  const edges = new Map<number, number[]>(tasks.map((task) => [task.index, [...(task.after ?? [])]]));
  for (const entry of plan.tasks) edges.set(entry.task, [...(edges.get(entry.task) ?? []), ...(entry.dependsOn ?? [])]);
  const cycle = findCycle(edges);
  if (!cycle) return [];
  const notes = tasks.some((task) => task.after?.length) ? ' with the "(after: …)" notes of RFP/tasks.md' : '';
  return [`tasks: dependsOn${notes} goes round in a circle: ${describeCycle(cycle)}; a task cannot wait for itself`];
}

/** Models often wrap JSON in a Markdown fence or a sentence; take the fenced block, else the outermost braces. */
function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n\s*```/.exec(text);
  if (fenced?.[1] !== undefined) return fenced[1];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}
