// Picks the worker and supervisor classes by engine name (the only place that knows them all).
import path from 'node:path';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { UserError } from '../util/errors.js';
import type { Supervisor, Worker } from './agent.js';
import { claudeEngine } from './claude/claude-engine.js';
import type { CliEngine, CliOptions } from './cli/cli-engine.js';
import { CliSupervisor } from './cli/cli-supervisor.js';
import { CliWorker } from './cli/cli-worker.js';
import { geminiEngine } from './gemini/gemini-engine.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';

export type Agents = { worker: Worker; supervisor?: Supervisor; supervisorWorker?: Worker };

/** cliEnv: added to the environment of the claude/gemini CLIs (API endpoints, keys, PATH). */
export function createAgents(projectDir: string, config: FactoryConfig, cliEnv: Record<string, string> = {}): Agents {
  const cli: CliOptions = { env: cliEnv, timeoutMs: config.agentTimeoutSeconds * 1000 };
  const worker = createWorker(projectDir, config, config.aiEngine, cli);
  if (config.supervisor === 'none') return { worker };
  return { worker, supervisor: createSupervisor(projectDir, config, config.supervisor, cli), supervisorWorker: createWorker(projectDir, config, config.supervisor, cli) };
}

function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName, cli: CliOptions): Worker {
  if (engine === 'scripted') return new ScriptedWorker(loadScript(path.resolve(projectDir, config.script)));
  if (engine === 'claude' || engine === 'gemini') return new CliWorker(cliEngine(engine), cli);
  throw notYet(engine);
}

function createSupervisor(projectDir: string, config: FactoryConfig, engine: EngineName, cli: CliOptions): Supervisor {
  if (engine === 'scripted') return new ScriptedSupervisor(loadScript(path.resolve(projectDir, config.script)));
  if (engine === 'claude' || engine === 'gemini') return new CliSupervisor(cliEngine(engine), cli);
  throw notYet(engine);
}

function cliEngine(engine: 'claude' | 'gemini'): CliEngine {
  return engine === 'claude' ? claudeEngine() : geminiEngine();
}

function notYet(engine: EngineName): UserError {
  return new UserError(`AI_ENGINE=${engine} is not available in this build; use AI_ENGINE=claude, gemini or scripted`);
}
