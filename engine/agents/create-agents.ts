// Picks the worker and supervisor classes by engine name (the only place that knows them all).
import path from 'node:path';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { UserError } from '../util/errors.js';
import type { Architect, Supervisor, Worker } from './agent.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedArchitect } from './scripted/scripted-architect.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';
import { WorkerArchitect } from './worker-architect.js';

/** architect and reviewer are absent when the engine cannot play them (a script without those sections). */
export type Agents = { worker: Worker; supervisor?: Supervisor; supervisorWorker?: Worker; architect?: Architect; reviewer?: Worker };

export function createAgents(projectDir: string, config: FactoryConfig): Agents {
  const worker = createWorker(projectDir, config, config.aiEngine);
  const agents: Agents = { worker, ...createPlanners(projectDir, config) };
  if (config.supervisor === 'none') return agents;
  return { ...agents, supervisor: createSupervisor(projectDir, config, config.supervisor), supervisorWorker: createWorker(projectDir, config, config.supervisor) };
}

function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName): Worker {
  if (engine === 'scripted') return new ScriptedWorker(loadScript(path.resolve(projectDir, config.script)));
  throw notYet(engine);
}

/** The architect and the reviewer run on the worker's engine; the reviewer is a worker given the reviewer's prompt. */
function createPlanners(projectDir: string, config: FactoryConfig): Pick<Agents, 'architect' | 'reviewer'> {
  if (config.aiEngine !== 'scripted') return { architect: new WorkerArchitect(createWorker(projectDir, config, config.aiEngine)), reviewer: createWorker(projectDir, config, config.aiEngine) };
  const script = loadScript(path.resolve(projectDir, config.script));
  return {
    architect: script.architect.length > 0 ? new ScriptedArchitect(script) : undefined,
    reviewer: script.reviewer.length > 0 ? new ScriptedWorker(script, 'reviewer') : undefined,
  };
}

function createSupervisor(projectDir: string, config: FactoryConfig, engine: EngineName): Supervisor {
  if (engine === 'scripted') return new ScriptedSupervisor(loadScript(path.resolve(projectDir, config.script)));
  throw notYet(engine);
}

function notYet(engine: EngineName): UserError {
  return new UserError(`AI_ENGINE=${engine} is not available in this build; use AI_ENGINE=scripted`);
}
