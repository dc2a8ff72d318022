// Checks up front that the models which must be loaded together fit the memory budget; the refusal gives every number.
import { residentRoles, transientRoles } from './roles.js';
import type { Role } from '../contract/roles.js';

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** Undefined when everything fits; else the message. Sizes are the models' sizes as Ollama lists them (bytes). */
export function budgetProblem(
  roles: ReadonlyMap<Role, string>,
  sizeOf: (model: string) => number | undefined,
  budgetGb: number,
): string | undefined {
  const budget = budgetGb * 1e9;
  const problems: string[] = [];
  for (const group of [transientRoles, residentRoles]) {
    const models = new Map<string, Role[]>();
    for (const role of group) {
      const model = roles.get(role);
      if (model) models.set(model, [...(models.get(model) ?? []), role]);
    }
    const known = [...models].filter(([model]) => sizeOf(model) !== undefined);
    const total = known.reduce((sum, [model]) => sum + sizeOf(model)!, 0);
    if (total <= budget) continue;
    const terms = known.map(([model, playing]) => `${model} (${playing.join(', ')}) ${gb(sizeOf(model)!)}`);
    const together = group === transientRoles ? 'loaded for the plan' : 'kept loaded together';
    problems.push(
      `${terms.join(' + ')}${terms.length > 1 ? ` = ${gb(total)}` : ''} ${together}, over the ${gb(budget)} budget`,
    );
  }
  if (problems.length === 0) return undefined;
  return (
    `the local models do not fit VRAM_BUDGET_GB=${budgetGb}: ${problems.join('; ')}. Pick smaller models ` +
    '(ARCHITECT_MODEL, REVIEWER_MODEL, CODER_MODEL, SUPERVISOR_MODEL) or raise VRAM_BUDGET_GB'
  );
}
