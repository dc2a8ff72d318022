// The red starting point of the engine tests: a test project whose calc.add subtracts, with its settings loaded.
import type { FactoryConfig } from '../../engine/config/factory-config.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { makeProject, wrongAdd } from './project.js';

export function calcProject(settings: Record<string, string> = {}): { dir: string; config: FactoryConfig } {
  // PLAN=false: these projects test an engine as worker and supervisor; the plan phase has its own tests.
  const dir = makeProject({ config: { PLAN: 'false', ...settings }, files: { 'calc.py': wrongAdd } });
  return { dir, config: loadConfig(dir) };
}
