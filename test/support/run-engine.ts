// Runs the real engine (config from the project's factory_config.md, the configured agents, a local sandbox) and keeps every event.
import { createAgents } from '../../engine/agents/create-agents.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { createEngine, type RunResult } from '../../engine/engine.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { confinedSandbox } from './confined-sandbox.js';

export async function runEngine(projectDir: string): Promise<{ result: RunResult; events: FactoryEvent[] }> {
  const config = loadConfig(projectDir);
  const engine = createEngine({
    projectDir,
    config,
    ...createAgents(projectDir, config),
    sandbox: confinedSandbox(projectDir),
  });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  const result = await engine.run();
  return { result, events };
}
