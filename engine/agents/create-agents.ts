// Picks the worker and supervisor classes by engine name (the only place that knows them all).
import path from 'node:path';
import { Ollama } from 'ollama';
import type { FactoryConfig, EngineName } from '../config/factory-config.js';
import { ModelManager } from '../models/model-manager.js';
import { ollamaRoles, roleModel } from '../models/roles.js';
import { UserError } from '../util/errors.js';
import type { Supervisor, Worker } from './agent.js';
import { contextWindows, type NumCtx } from './ollama/context-window.js';
import { ollamaChat } from './ollama/ollama-chat.js';
import { openaiChat } from './openai/openai-chat.js';
import type { StreamChat } from './own/chat.js';
import { OwnSupervisor } from './own/own-supervisor.js';
import { OwnWorker } from './own/own-worker.js';
import { loadScript } from './scripted/script-schema.js';
import { ScriptedSupervisor } from './scripted/scripted-supervisor.js';
import { ScriptedWorker } from './scripted/scripted-worker.js';

/** One client and one num_ctx choice shared by the chats and the model manager, so loading never differs from chatting. */
type OllamaParts = { client: Ollama; numCtx: NumCtx };

export type Agents = { worker: Worker; supervisor?: Supervisor; supervisorWorker?: Worker; models?: ModelManager };

export function createAgents(projectDir: string, config: FactoryConfig): Agents {
  const roles = ollamaRoles(config);
  const client = new Ollama({ host: config.ollamaHost });
  const ollama: OllamaParts = { client, numCtx: contextWindows(client, config.ollamaNumCtx) };
  const models = roles.size > 0 ? new ModelManager({ ...ollama, host: config.ollamaHost, roles, budgetGb: config.vramBudgetGb, pull: config.ollamaPull }) : undefined;
  const worker = createWorker(projectDir, config, config.aiEngine, ollama, 'coder');
  if (config.supervisor === 'none') return { worker, models };
  return { worker, supervisor: createSupervisor(projectDir, config, config.supervisor, ollama), supervisorWorker: createWorker(projectDir, config, config.supervisor, ollama, 'supervisor'), models };
}

/** The coder works the rounds; the supervisor's engine works one when it intervenes, on the supervisor's model. */
function createWorker(projectDir: string, config: FactoryConfig, engine: EngineName, ollama: OllamaParts, role: 'coder' | 'supervisor'): Worker {
  if (engine === 'scripted') return new ScriptedWorker(loadScript(path.resolve(projectDir, config.script)));
  const chat = ownChat(config, engine, ollama);
  if (!chat) throw notYet(engine);
  if (role === 'supervisor') {
    const model = requireModel(engine, roleModel(config, 'supervisor'), 'SUPERVISOR_MODEL, REVIEWER_MODEL or WORKER_MODEL');
    return new OwnWorker(engine, chat, () => model);
  }
  requireModel(engine, roleModel(config, 'coder'), 'CODER_MODEL or WORKER_MODEL');
  return new OwnWorker(engine, chat, (request) => config.coderModel || request.model);
}

function createSupervisor(projectDir: string, config: FactoryConfig, engine: EngineName, ollama: OllamaParts): Supervisor {
  if (engine === 'scripted') return new ScriptedSupervisor(loadScript(path.resolve(projectDir, config.script)));
  const chat = ownChat(config, engine, ollama);
  if (chat) {
    const model = requireModel(engine, roleModel(config, 'supervisor'), 'SUPERVISOR_MODEL, REVIEWER_MODEL or WORKER_MODEL');
    return new OwnSupervisor(engine, chat, (request) => request.model || model);
  }
  throw notYet(engine);
}

/** The chat of the engines where the factory itself is the agent. */
function ownChat(config: FactoryConfig, engine: EngineName, ollama: OllamaParts): StreamChat | undefined {
  if (engine === 'ollama') return ollamaChat(ollama.client, config.ollamaHost, ollama.numCtx);
  if (engine === 'openai') return openaiChat(config.openaiBaseUrl, process.env[config.openaiApiKeyEnv] || undefined);
  return undefined;
}

function requireModel(engine: EngineName, model: string, keys: string): string {
  if (!model) throw new UserError(`the ${engine} engine needs a model name: set ${keys} in factory_config.md (e.g. qwen2.5-coder:32b)`);
  return model;
}

function notYet(engine: EngineName): UserError {
  return new UserError(`AI_ENGINE=${engine} is not available in this build; use AI_ENGINE=scripted, ollama or openai`);
}
