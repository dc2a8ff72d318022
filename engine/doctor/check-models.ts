// Doctor: every local model a role needs is on the Ollama server, with its size, and the set fits VRAM_BUDGET_GB.
import type { FactoryConfig } from '../config/factory-config.js';
import { budgetProblem } from '../models/vram-budget.js';
import { ollamaRoles, sameModel } from '../models/roles.js';
import { fail, ok, warn, type CheckResult } from './check.js';

type Tags = { models?: { name: string; size: number }[] };

export async function checkModels(config: FactoryConfig): Promise<CheckResult[]> {
  const roles = ollamaRoles(config);
  if (roles.size === 0) return [];
  let tags: Tags;
  try {
    tags = (await (await fetch(`${config.ollamaHost}/api/tags`, { signal: AbortSignal.timeout(5000) })).json()) as Tags;
  } catch {
    return []; // the engine check already says the server does not answer
  }
  const sizeOf = (model: string): number | undefined =>
    tags.models?.find((entry) => sameModel(entry.name, model))?.size;
  const results = [...new Set(roles.values())].map((model) => {
    const playing = [...roles]
      .filter(([, name]) => name === model)
      .map(([role]) => role)
      .join(', ');
    const size = sizeOf(model);
    if (size !== undefined) return ok(`model ${model}`, `${playing}: on the server, ${(size / 1e9).toFixed(1)} GB`);
    return config.ollamaPull
      ? warn(`model ${model}`, `${playing}: not on the server yet`, `the run pulls it first (or: ollama pull ${model})`)
      : fail(`model ${model}`, `${playing}: not on the server`, `ollama pull ${model}, or set OLLAMA_PULL=true`);
  });
  const problem = config.vramBudgetGb === undefined ? undefined : budgetProblem(roles, sizeOf, config.vramBudgetGb);
  if (problem) results.push(fail('memory', problem, 'pick smaller models or raise VRAM_BUDGET_GB'));
  else if (config.vramBudgetGb !== undefined)
    results.push(ok('memory', `the models fit VRAM_BUDGET_GB=${config.vramBudgetGb}`));
  return results;
}
