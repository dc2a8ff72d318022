// Picks the worker, supervisor, architect and reviewer classes by engine name (the only place that knows them all).
import path from 'node:path';
import { Ollama } from 'ollama';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { type ModelControl, ModelManager } from '../models/model-manager.js';
import { OpenaiSharing } from '../models/openai-sharing.js';
import { RecordedOllama } from '../models/recorded-ollama.js';
import { ollamaRoles, roleModel } from '../models/roles.js';
import { UserError } from '../util/errors.js';
import type { Architect, Supervisor, Worker } from './agent.js';
import { claudeEngine } from './claude/claude-engine.js';
import type { CliEngine, CliOptions } from './cli/cli-engine.js';
import { CliSupervisor } from './cli/cli-supervisor.js';
import { CliWorker } from './cli/cli-worker.js';
import { geminiEngine } from './gemini/gemini-engine.js';
import { contextWindows, type NumCtx } from './ollama/context-window.js';
import { ollamaChat } from './ollama/ollama-chat.js';
import { openaiChat } from './openai/openai-chat.js';
import type { StreamChat } from './own/chat.js';
import { OwnSupervisor } from './own/own-supervisor.js';
import { OwnWorker } from './own/own-worker.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedArchitect } from './scripted/scripted-architect.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';
import { WorkerArchitect } from './worker-architect.js';
import { ContainedWorker, ReadOnlyArchitect, ReadOnlySupervisor } from '../containment/contained-roles.js';
import type { Role } from '../contract/roles.js';

/** architect and reviewer are absent when the engine cannot play them (a script without those sections). */
export type Agents = {
  worker: Worker;
  supervisor?: Supervisor;
  supervisorWorker?: Worker;
  architect?: Architect;
  reviewer?: Worker;
  models?: ModelControl;
};

/**
 * What the engines share: the CLIs' options, and one Ollama client and num_ctx choice so loading never differs from
 * chatting.
 */
type Parts = { cli: CliOptions; ollama: { client: Ollama; numCtx: NumCtx } };

/** cliEnv: added to the environment of the claude/gemini CLIs (API endpoints, keys, PATH). */
export function createAgents(projectDir: string, config: FactoryConfig, cliEnv: Record<string, string> = {}): Agents {
  const client = new Ollama({ host: config.ollamaHost });
  const parts: Parts = {
    cli: { env: cliEnv, timeoutMs: config.agentTimeoutSeconds * 1000 },
    ollama: { client, numCtx: contextWindows(client, config.ollamaNumCtx) },
  };
  const roles = ollamaRoles(config);
  const ollama =
    roles.size > 0
      ? new ModelManager({
          ...parts.ollama,
          host: config.ollamaHost,
          roles,
          budgetGb: config.vramBudgetGb,
          pull: config.ollamaPull,
        })
      : undefined;
  const models =
    config.aiEngine === 'openai' ? openaiSharing(config, ollama) : (ollama ?? recordedModels(projectDir, config));
  const worker = new ContainedWorker(createWorker(projectDir, config, config.aiEngine, parts, 'coder'), 'coder');
  const agents: Agents = { worker, models, ...createPlanners(projectDir, config, parts) };
  if (config.supervisor === 'none') return agents;
  // The supervisor reviews read-only; in INTERVENE it works a round as a worker, contained as the coder is.
  const supervisor = new ReadOnlySupervisor(createSupervisor(projectDir, config, config.supervisor, parts));
  return {
    ...agents,
    supervisor,
    supervisorWorker: new ContainedWorker(
      createWorker(projectDir, config, config.supervisor, parts, 'supervisor'),
      'supervisor',
    ),
  };
}

/** A role's worker on an engine; for local models each role works on its own model (the coder's may change mid-run). */
function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName, parts: Parts, role: Role): Worker {
  if (engine === 'scripted')
    return new ScriptedWorker(
      loadScript(path.resolve(projectDir, config.script)),
      role === 'reviewer' ? 'reviewer' : 'worker',
    );
  if (engine === 'claude' || engine === 'gemini') return new CliWorker(cliEngine(engine), parts.cli);
  const chat = ownChat(config, engine, parts);
  if (!chat) throw notAvailable(engine);
  if (role === 'coder') {
    requireModel(engine, roleModel(config, 'coder'), 'CODER_MODEL or WORKER_MODEL');
    return new OwnWorker(engine, chat, (request) => config.coderModel || request.model);
  }
  const model = requireModel(engine, roleModel(config, role), `${role.toUpperCase()}_MODEL or WORKER_MODEL`);
  return new OwnWorker(engine, chat, () => model);
}

/** The architect and the reviewer run on the worker's engine; the reviewer is a worker given the reviewer's prompt. */
function createPlanners(
  projectDir: string,
  config: FactoryConfig,
  parts: Parts,
): Pick<Agents, 'architect' | 'reviewer'> {
  // Local models play the planning roles only when they are named for them (or WORKER_MODEL is).
  const local = config.aiEngine === 'ollama' || config.aiEngine === 'openai';
  if (local && (!roleModel(config, 'architect') || !roleModel(config, 'reviewer'))) return {};
  if (config.aiEngine !== 'scripted') {
    const architect = new WorkerArchitect(createWorker(projectDir, config, config.aiEngine, parts, 'architect'));
    return {
      architect: new ReadOnlyArchitect(architect),
      reviewer: new ContainedWorker(createWorker(projectDir, config, config.aiEngine, parts, 'reviewer'), 'reviewer'),
    };
  }
  const script = loadScript(path.resolve(projectDir, config.script));
  return {
    architect: script.architect.length > 0 ? new ReadOnlyArchitect(new ScriptedArchitect(script)) : undefined,
    reviewer:
      script.reviewer.length > 0 ? new ContainedWorker(new ScriptedWorker(script, 'reviewer'), 'reviewer') : undefined,
  };
}

/**
 * The openai engine's coder model on its one server: shared by production lines as OPENAI_PARALLEL says; a supervisor
 * on Ollama keeps its model manager behind it.
 */
function openaiSharing(config: FactoryConfig, ollama?: ModelManager): OpenaiSharing {
  const options = { model: roleModel(config, 'coder'), baseUrl: config.openaiBaseUrl, parallel: config.openaiParallel };
  return new OpenaiSharing(options, ollama);
}

/** A scripted run whose script lists local models plays them on a recorded Ollama server, through the same manager. */
function recordedModels(projectDir: string, config: FactoryConfig): ModelManager | undefined {
  if (config.aiEngine !== 'scripted') return undefined;
  const recorded = loadScript(path.resolve(projectDir, config.script)).models;
  if (recorded.length === 0) return undefined;
  const client = new RecordedOllama(recorded);
  return new ModelManager({
    client,
    numCtx: contextWindows(client, config.ollamaNumCtx),
    host: `the recording in ${config.script}`,
    roles: new Map(recorded.map((model) => [model.role, model.name])),
    budgetGb: config.vramBudgetGb,
    pull: false,
    pollMs: 50,
  });
}

function createSupervisor(projectDir: string, config: FactoryConfig, engine: EngineName, parts: Parts): Supervisor {
  if (engine === 'scripted') return new ScriptedSupervisor(loadScript(path.resolve(projectDir, config.script)));
  if (engine === 'claude' || engine === 'gemini') return new CliSupervisor(cliEngine(engine), parts.cli);
  const chat = ownChat(config, engine, parts);
  if (!chat) throw notAvailable(engine);
  const model = requireModel(
    engine,
    roleModel(config, 'supervisor'),
    'SUPERVISOR_MODEL, REVIEWER_MODEL or WORKER_MODEL',
  );
  return new OwnSupervisor(engine, chat, (request) => request.model || model);
}

/** The chat of the engines where the factory itself is the agent. */
function ownChat(config: FactoryConfig, engine: EngineName, parts: Parts): StreamChat | undefined {
  if (engine === 'ollama') return ollamaChat(parts.ollama.client, config.ollamaHost, parts.ollama.numCtx);
  if (engine === 'openai') return openaiChat(config.openaiBaseUrl, process.env[config.openaiApiKeyEnv] || undefined);
  return undefined;
}

function requireModel(engine: EngineName, model: string, keys: string): string {
  if (!model)
    throw new UserError(
      `the ${engine} engine needs a model name: set ${keys} in factory_config.md (e.g. qwen2.5-coder:32b)`,
    );
  return model;
}

function cliEngine(engine: 'claude' | 'gemini'): CliEngine {
  return engine === 'claude' ? claudeEngine() : geminiEngine();
}

function notAvailable(engine: EngineName): UserError {
  return new UserError(`AI_ENGINE=${engine} is not available; use claude, gemini, ollama, openai or scripted`);
}
