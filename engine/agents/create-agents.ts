// Picks the worker and supervisor classes by engine name (the only place that knows them all).
import path from 'node:path';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { UserError } from '../util/errors.js';
import type { Architect, Supervisor, Worker } from './agent.js';
import { claudeEngine } from './claude/claude-engine.js';
import type { CliEngine, CliOptions } from './cli/cli-engine.js';
import { CliSupervisor } from './cli/cli-supervisor.js';
import { CliWorker } from './cli/cli-worker.js';
import { geminiEngine } from './gemini/gemini-engine.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedArchitect } from './scripted/scripted-architect.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';
import { WorkerArchitect } from './worker-architect.js';

/** architect and reviewer are absent when the engine cannot play them (a script without those sections). */
export type Agents = { worker: Worker; supervisor?: Supervisor; supervisorWorker?: Worker; architect?: Architect; reviewer?: Worker };

/** cliEnv: added to the environment of the claude/gemini CLIs (API endpoints, keys, PATH). */
export function createAgents(projectDir: string, config: FactoryConfig, cliEnv: Record<string, string> = {}): Agents {
  const cli: CliOptions = { env: cliEnv, timeoutMs: config.agentTimeoutSeconds * 1000 };
  const worker = createWorker(projectDir, config, config.aiEngine, cli);
  const agents: Agents = { worker, ...createPlanners(projectDir, config, cli) };
  if (config.supervisor === 'none') return agents;
  return { ...agents, supervisor: createSupervisor(projectDir, config, config.supervisor, cli), supervisorWorker: createWorker(projectDir, config, config.supervisor, cli) };
}

function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName, cli: CliOptions): Worker {
  if (engine === 'scripted') return new ScriptedWorker(loadScript(path.resolve(projectDir, config.script)));
  if (engine === 'claude' || engine === 'gemini') return new CliWorker(cliEngine(engine), cli);
  throw notYet(engine);
}

/** The architect and the reviewer run on the worker's engine; the reviewer is a worker given the reviewer's prompt. */
function createPlanners(projectDir: string, config: FactoryConfig, cli: CliOptions): Pick<Agents, 'architect' | 'reviewer'> {
  if (config.aiEngine !== 'scripted') return { architect: new WorkerArchitect(createWorker(projectDir, config, config.aiEngine, cli)), reviewer: createWorker(projectDir, config, config.aiEngine, cli) };
  const script = loadScript(path.resolve(projectDir, config.script));
  return {
    architect: script.architect.length > 0 ? new ScriptedArchitect(script) : undefined,
    reviewer: script.reviewer.length > 0 ? new ScriptedWorker(script, 'reviewer') : undefined,
  };
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
