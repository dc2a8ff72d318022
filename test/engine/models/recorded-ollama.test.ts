// The recorded Ollama server (the demo's) under the real model manager: the same states, sizes and VRAM as a live
// server gives, the architect unloaded after the plan, reviewer and coder resident; and what it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextWindows } from '../../../engine/agents/ollama/context-window.js';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { type RecordedModel, scriptSchema } from '../../../engine/agents/scripted/script-schema.js';
import { toFactoryConfig } from '../../../engine/config/factory-config.js';
import { configKeys } from '../../../engine/config/keys.js';
import type { EventPayload } from '../../../engine/contract/events.js';
import { ModelManager } from '../../../engine/models/model-manager.js';
import { RecordedOllama } from '../../../engine/models/recorded-ollama.js';

const gib = 1024 ** 3;
const models: RecordedModel[] = scriptSchema.parse({
  models: [
    { role: 'architect', name: 'qwen2.5:72b', size: 47_400_000_000, sizeVram: 47_000_000_000, loadMs: 30 },
    { role: 'reviewer', name: 'qwen2.5:14b', size: 9_000_000_000, loadMs: 10 },
    { role: 'coder', name: 'qwen2.5-coder:32b', size: 19_900_000_000, loadMs: 10 },
  ],
}).models;

function recordedManager(budgetGb?: number) {
  const client = new RecordedOllama(models);
  const manager = new ModelManager({
    client,
    numCtx: contextWindows(client, 32768),
    host: 'the recording',
    roles: new Map(models.map((model) => [model.role, model.name])),
    budgetGb,
    pull: false,
    pollMs: 5,
  });
  const states: EventPayload<'model:state'>[] = [];
  manager.attach((type, payload) => {
    if (type === 'model:state') states.push(payload as EventPayload<'model:state'>);
  });
  return { client, manager, states };
}

describe('RecordedOllama', () => {
  it('plays the architect loaded for the plan then unloaded, reviewer and coder resident, as a live server would', async () => {
    const { client, manager, states } = recordedManager(48);
    await manager.start();
    await manager.prepareRole('architect');
    await manager.releaseRole('architect');
    await manager.prepareRole('coder');
    await manager.prepareRole('reviewer');
    expect(states.map((state) => `${state.role} ${state.state}${state.sizeVram ? ` ${state.sizeVram}` : ''}`)).toEqual([
      'architect loading',
      'architect loaded 47000000000',
      'architect unloading',
      'architect unloaded',
      'coder loading',
      'coder loaded 19900000000',
      'reviewer loading',
      'reviewer loaded 9000000000',
    ]);
    expect(new Set(states.map((state) => `${state.vramTotal} ${state.vramSource}`))).toEqual(
      new Set([`${48 * gib} VRAM_BUDGET_GB`]),
    );
    expect((await client.ps()).models.map((model) => model.name).sort()).toEqual(['qwen2.5-coder:32b', 'qwen2.5:14b']);
  });

  it('refuses a set over the budget through the same check, and chats, pulls and unknown models', async () => {
    await expect(recordedManager(40).manager.start()).rejects.toThrow(
      'qwen2.5:72b (architect) 47.4 GB loaded for the plan, over the 40.0 GB budget',
    );
    const client = new RecordedOllama(models);
    await expect(client.chat({ model: 'qwen2.5:14b', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(
      'only loads and unloads',
    );
    await expect(client.pull()).rejects.toThrow('has only the models its script lists');
    await expect(client.chat({ model: 'llama3', messages: [] })).rejects.toThrow('no model "llama3"');
  });

  it('is what createAgents gives a scripted run whose script lists models, and only then', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-recorded-'));
    try {
      fs.writeFileSync(path.join(dir, 'with.json'), JSON.stringify({ models }));
      fs.writeFileSync(path.join(dir, 'without.json'), JSON.stringify({ worker: [] }));
      const defaults = Object.fromEntries(configKeys.map((key) => [key.key, key.default]));
      const config = (script: string) =>
        toFactoryConfig({ ...defaults, AI_ENGINE: 'scripted', SUPERVISOR: 'none', SCRIPT: script });
      expect(createAgents(dir, config('with.json')).models).toBeInstanceOf(ModelManager);
      expect(createAgents(dir, config('without.json')).models).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
