// Engine wiring for local models: the right worker, supervisor and model manager, and a clear error when no model is named.
import { ModelManager } from '../../../engine/models/model-manager.js';
import { OpenaiSharing } from '../../../engine/models/openai-sharing.js';
import { describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { toFactoryConfig } from '../../../engine/config/factory-config.js';
import { configKeys } from '../../../engine/config/keys.js';

const config = (settings: Record<string, string>) =>
  toFactoryConfig({ ...Object.fromEntries(configKeys.map((key) => [key.key, key.default])), ...settings });

describe('createAgents for local models', () => {
  it('builds the ollama worker and supervisor with a model manager', () => {
    const agents = createAgents(
      '/nowhere',
      config({ AI_ENGINE: 'ollama', SUPERVISOR: 'ollama', WORKER_MODEL: 'coder:7b' }),
    );
    expect([agents.worker.name, agents.supervisor?.name, agents.supervisorWorker?.name]).toEqual([
      'ollama',
      'ollama',
      'ollama',
    ]);
    expect(agents.models).toBeDefined();
  });

  it('builds the openai worker without a model manager: its server shared by the lines as OPENAI_PARALLEL says', () => {
    const agents = createAgents('/nowhere', config({ AI_ENGINE: 'openai', CODER_MODEL: 'local-coder' }));
    expect(agents.worker.name).toBe('openai');
    expect(agents.models).toBeInstanceOf(OpenaiSharing);
    expect(agents.models).not.toBeInstanceOf(ModelManager);
  });

  it('keeps the model manager of a supervisor on Ollama behind the openai coder’s sharing', async () => {
    const agents = createAgents(
      '/nowhere',
      config({ AI_ENGINE: 'openai', CODER_MODEL: 'local-coder', SUPERVISOR: 'ollama', SUPERVISOR_MODEL: 'qwen2.5:7b' }),
    );
    expect(agents.models).toBeInstanceOf(OpenaiSharing);
    const said: unknown[] = [];
    agents.models?.attach((type, payload) => said.push({ type, ...payload }));
    expect(await agents.models?.shareAmong('coder', 3)).toBe(1);
    expect(said).toEqual([
      {
        type: 'model:lines',
        model: 'local-coder',
        role: 'coder',
        lines: 3,
        atOnce: 1,
        why: 'a queue, one call at a time: OPENAI_PARALLEL=1 for the server at http://127.0.0.1:1234/v1',
      },
    ]);
  });

  it('names the settings to fill when no model is given', () => {
    expect(() => createAgents('/nowhere', config({ AI_ENGINE: 'ollama' }))).toThrow(
      'the ollama engine needs a model name: set CODER_MODEL or WORKER_MODEL in factory_config.md (e.g. qwen2.5-coder:32b)',
    );
    expect(() =>
      createAgents('/nowhere', config({ AI_ENGINE: 'openai', WORKER_MODEL: 'x', SUPERVISOR: 'openai' })),
    ).not.toThrow();
  });
});
