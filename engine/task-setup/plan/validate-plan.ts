// Reads the architect's answer: JSON (bare or in a ``` block) checked against the plan schema and the tasks to plan.
import type { Task } from '../../rfp/tasks-file.js';
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
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: parsed.data };
}

/** Models often wrap JSON in a Markdown fence or a sentence; take the fenced block, else the outermost braces. */
function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n\s*```/.exec(text);
  if (fenced?.[1] !== undefined) return fenced[1];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}
