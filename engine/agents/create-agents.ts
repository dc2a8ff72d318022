// Picks the worker and supervisor classes by engine name (the only place that knows them all).
import path from 'node:path';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { UserError } from '../util/errors.js';
import type { Supervisor, Worker } from './agent.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';

export type Agents = { worker: Worker; supervisor?: Supervisor; supervisorWorker?: Worker };

export function createAgents(projectDir: string, config: FactoryConfig): Agents {
  const worker = createWorker(projectDir, config, config.aiEngine);
  if (config.supervisor === 'none') return { worker };
  return { worker, supervisor: createSupervisor(projectDir, config, config.supervisor), supervisorWorker: createWorker(projectDir, config, config.supervisor) };
}

function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName): Worker {
  if (engine === 'scripted') return new ScriptedWorker(loadScript(path.resolve(projectDir, config.script)));
  throw notYet(engine);
}

function createSupervisor(projectDir: string, config: FactoryConfig, engine: EngineName): Supervisor {
  if (engine === 'scripted') return new ScriptedSupervisor(loadScript(path.resolve(projectDir, config.script)));
  throw notYet(engine);
}

function notYet(engine: EngineName): UserError {
  return new UserError(`AI_ENGINE=${engine} is not available in this build; use AI_ENGINE=scripted`);
}
