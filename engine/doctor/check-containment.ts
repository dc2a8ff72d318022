// Doctor: per configured engine, what keeps its writes inside the project, and what is missing for the full
// containment.
import type { FactoryConfig } from '../config/factory-config.js';
import { configuredEngines, engineContainment } from '../containment/containment-summary.js';
import type { NoOsSandbox, OsSandbox } from '../containment/os-sandbox.js';
import { ok, warn, type CheckResult } from './check.js';

export function checkContainment(config: FactoryConfig, os?: OsSandbox | NoOsSandbox): CheckResult[] {
  return configuredEngines(config).map((engine) => {
    const found = engineContainment(engine, os);
    const detail = found.inForce.join('; ');
    if (found.missing.length === 0) return ok(`containment ${engine}`, detail);
    return warn(
      `containment ${engine}`,
      `MISSING ${found.missing.join('; ')}; in force: ${detail}`,
      found.fix ?? 'see the README, "Safety"',
    );
  });
}
