// Picks the sandbox named by SANDBOX (docker | local | auto).
import type { FactoryConfig } from '../config/factory-config.js';
import { LocalSandbox } from './local-sandbox.js';
import type { Sandbox } from './sandbox.js';

export async function createSandbox(projectDir: string, config: FactoryConfig): Promise<{ sandbox: Sandbox; note?: string }> {
  if (config.sandbox === 'local') return { sandbox: new LocalSandbox(projectDir) };
  return { sandbox: new LocalSandbox(projectDir), note: `SANDBOX=${config.sandbox}: the docker sandbox is not in this build; tests run as local processes` };
}
