// The local-model roles and which model each plays: its own setting, else WORKER_MODEL (the supervisor:
// SUPERVISOR_MODEL, else the reviewer's).
import type { FactoryConfig } from '../config/factory-config.js';
import type { Role } from '../contract/roles.js';

/** Loaded for the plan, then unloaded; the others stay resident while the run lasts. */
export const transientRoles: readonly Role[] = ['architect'];
export const residentRoles: readonly Role[] = ['reviewer', 'coder', 'supervisor'];

export function roleModel(config: FactoryConfig, role: Role): string {
  switch (role) {
    case 'architect':
      return config.architectModel || config.workerModel;
    case 'reviewer':
      return config.reviewerModel || config.workerModel;
    case 'coder':
      return config.coderModel || config.workerModel;
    case 'supervisor':
      return config.supervisorModel || config.reviewerModel || config.workerModel;
  }
}

/** The roles whose model runs on the Ollama server, and their models. */
export function ollamaRoles(config: FactoryConfig): Map<Role, string> {
  const roles = new Map<Role, string>();
  const add = (role: Role): void => {
    const model = roleModel(config, role);
    if (model) roles.set(role, model);
  };
  if (config.aiEngine === 'ollama') (['architect', 'reviewer', 'coder'] as const).forEach(add);
  if (config.supervisor === 'ollama') add('supervisor');
  return roles;
}

/** Ollama names a model without a tag as name:latest. */
export function sameModel(a: string, b: string): boolean {
  const full = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
  return full(a) === full(b);
}
