// The model manager against a loopback Ollama server: architect loaded then unloaded, reviewer and coder resident, pulls, and the budget refusal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../engine/contract/events.js';
import { contextWindows } from '../../../engine/agents/ollama/context-window.js';
import { ModelManager } from '../../../engine/models/model-manager.js';
import { startOllamaServer, type FakeModel, type OllamaServer } from '../../support/ollama-server.js';
import { createPytestProject } from '../../support/pytest-project.js';
import { runEngine } from '../../support/run-engine.js';
import type { Role } from '../../../engine/contract/roles.js';

const architect: FakeModel = {
  name: 'qwen2.5:72b',
  size: 47_400_000_000,
  sizeVram: 47_000_000_000,
  contextLength: 8192,
};
const reviewer: FakeModel = { name: 'qwen2.5:14b', size: 9_000_000_000 };
const coder: FakeModel = { name: 'qwen2.5-coder:32b', size: 19_900_000_000, sizeVram: 19_000_000_000 };
const roles = new Map<Role, string>([
  ['architect', architect.name],
  ['reviewer', reviewer.name],
  ['coder', coder.name],
]);

let server: OllamaServer | undefined;
afterEach(async () => server?.close());

function managerFor(url: string, options: { budgetGb?: number; pull?: boolean; roles?: Map<Role, string> } = {}) {
  const client = new Ollama({ host: url });
  const manager = new ModelManager({
    client,
    numCtx: contextWindows(client, 32768),
    host: url,
    roles: options.roles ?? roles,
    budgetGb: options.budgetGb,
    pull: options.pull ?? true,
    pollMs: 20,
  });
  const events: string[] = [];
  const states: EventPayload<'model:state'>[] = [];
  const pulls: EventPayload<'model:pull'>[] = [];
  manager.attach((type, payload) => {
    if (type === 'model:pull') pulls.push(payload as EventPayload<'model:pull'>);
    else {
      const state = payload as EventPayload<'model:state'>;
      states.push(state);
      events.push(
        `${state.role} ${state.model} ${state.state}${state.sizeVram ? ` ${state.sizeVram}/${state.size}` : ''}`,
      );
    }
  });
  return { manager, events, states, pulls };
}

describe('ModelManager', () => {
  it('loads the architect for the plan and unloads it, then keeps reviewer and coder resident', async () => {
    server = await startOllamaServer({ models: [architect, reviewer, coder], answers: [] });
    const { manager, events } = managerFor(server.url, { budgetGb: 64 });
    await manager.start();
    await manager.prepareRole('architect');
    expect(server.running()).toEqual(['qwen2.5:72b']);
    await manager.releaseRole('architect');
    await manager.prepareRole('reviewer');
    await manager.prepareRole('coder');

    expect(events).toEqual([
      'architect qwen2.5:72b loading',
      'architect qwen2.5:72b loaded 47000000000/47400000000',
      'architect qwen2.5:72b unloading',
      'architect qwen2.5:72b unloaded',
      'reviewer qwen2.5:14b loading',
      'reviewer qwen2.5:14b loaded 9000000000/9000000000',
      'coder qwen2.5-coder:32b loading',
      'coder qwen2.5-coder:32b loaded 19000000000/19900000000',
    ]);
    expect(server.running().sort()).toEqual(['qwen2.5-coder:32b', 'qwen2.5:14b']);
    const loads = server.requests
      .filter((request) => request.path === '/api/chat')
      .map(
        (request) =>
          `${request.body.model} ${request.body.keep_alive} ${(request.body.options as { num_ctx?: number } | undefined)?.num_ctx}`,
      );
    expect(loads).toEqual([
      'qwen2.5:72b -1 8192',
      'qwen2.5:72b 0 undefined',
      'qwen2.5:14b -1 32768',
      'qwen2.5-coder:32b -1 32768',
    ]);
    expect(server.requests.some((request) => request.path === '/api/ps')).toBe(true);
  });

  it('gives every state the VRAM total with its source: VRAM_BUDGET_GB, else what /api/ps reports', async () => {
    server = await startOllamaServer({ models: [architect, reviewer, coder], answers: [] });
    const budgeted = managerFor(server.url, { budgetGb: 64 });
    await budgeted.manager.prepareRole('coder');
    expect(budgeted.states.map((state) => [state.state, state.vramTotal, state.vramSource])).toEqual([
      ['loading', 64 * 1024 ** 3, 'VRAM_BUDGET_GB'],
      ['loaded', 64 * 1024 ** 3, 'VRAM_BUDGET_GB'],
    ]);
    await budgeted.manager.releaseRole('coder');

    // No budget, and a machine whose nvidia-smi cannot reach a driver: the models' memory as /api/ps lists it.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-no-gpu-'));
    fs.writeFileSync(path.join(bin, 'nvidia-smi'), '#!/bin/sh\nexit 9\n', { mode: 0o755 });
    const originalPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${originalPath}`;
    try {
      const { manager, states } = managerFor(server.url);
      await manager.prepareRole('reviewer');
      await manager.prepareRole('coder');
      const loaded = states.filter((state) => state.state === 'loaded');
      const expected = process.platform === 'linux' ? 'ollama ps' : loaded[0]?.vramSource;
      expect(loaded.map((state) => [state.model, state.vramTotal, state.vramSource])).toEqual([
        ['qwen2.5:14b', process.platform === 'linux' ? reviewer.size : loaded[0]?.vramTotal, expected],
        [
          'qwen2.5-coder:32b',
          process.platform === 'linux' ? reviewer.size + coder.size : loaded[1]?.vramTotal,
          expected,
        ],
      ]);
    } finally {
      process.env.PATH = originalPath;
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it("does not unload the architect's model while another role still uses it", async () => {
    server = await startOllamaServer({ models: [coder], answers: [] });
    const shared = new Map<Role, string>([
      ['architect', coder.name],
      ['coder', coder.name],
    ]);
    const { manager, events } = managerFor(server.url, { roles: shared });
    await manager.prepareRole('coder');
    await manager.prepareRole('architect');
    await manager.releaseRole('architect');
    expect(events.filter((event) => event.includes('unload'))).toEqual([]);
    expect(server.running()).toEqual(['qwen2.5-coder:32b']);
  });

  it('refuses up front a set of models that cannot fit the budget, with the numbers', async () => {
    server = await startOllamaServer({ models: [architect, reviewer, coder], answers: [] });
    const { manager } = managerFor(server.url, { budgetGb: 24 });
    await expect(manager.start()).rejects.toThrow(
      'the local models do not fit VRAM_BUDGET_GB=24: qwen2.5:72b (architect) 47.4 GB loaded for the plan, over the 24.0 GB budget; ' +
        'qwen2.5:14b (reviewer) 9.0 GB + qwen2.5-coder:32b (coder) 19.9 GB = 28.9 GB kept loaded together, over the 24.0 GB budget. ' +
        'Pick smaller models (ARCHITECT_MODEL, REVIEWER_MODEL, CODER_MODEL, SUPERVISOR_MODEL) or raise VRAM_BUDGET_GB',
    );
    expect(server.requests.filter((request) => request.path === '/api/chat' || request.path === '/api/pull')).toEqual(
      [],
    );
  });

  it('pulls a missing model with progress, then checks the budget with its size', async () => {
    server = await startOllamaServer({ models: [reviewer, coder], pullable: [architect], answers: [] });
    const { manager, pulls } = managerFor(server.url, { budgetGb: 40 });
    await expect(manager.start()).rejects.toThrow(
      /qwen2\.5:72b \(architect\) 47\.4 GB loaded for the plan, over the 40\.0 GB budget/,
    );
    expect(pulls[0]).toEqual({
      model: 'qwen2.5:72b',
      role: 'architect',
      status: 'pulling manifest',
      completed: undefined,
      total: undefined,
    });
    expect(pulls.filter((pull) => pull.total).map((pull) => pull.completed)).toEqual([
      0, 11_850_000_000, 23_700_000_000, 35_550_000_000, 47_400_000_000,
    ]);
    expect(pulls.at(-1)?.status).toBe('success');
  });

  it('names a missing model clearly when pulling is off, and when the pull fails', async () => {
    server = await startOllamaServer({ models: [reviewer, coder], answers: [] });
    await expect(managerFor(server.url, { pull: false }).manager.start()).rejects.toThrow(
      `the architect's model "qwen2.5:72b" is not on the Ollama server at ${server.url}: run \`ollama pull qwen2.5:72b\`, set OLLAMA_PULL=true, or pick a model it has (qwen2.5:14b, qwen2.5-coder:32b)`,
    );
    await expect(managerFor(server.url).manager.start()).rejects.toThrow(
      `cannot pull model "qwen2.5:72b" onto the Ollama server at ${server.url}: pull model manifest: file does not exist`,
    );
  });

  it('stops a run before round 1 when the budget is too small', async () => {
    server = await startOllamaServer({ models: [reviewer, coder], answers: [] });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      REVIEWER_MODEL: reviewer.name,
      CODER_MODEL: coder.name,
      WORKER_MODEL: coder.name,
      OLLAMA_HOST: server.url,
      VRAM_BUDGET_GB: '16',
    });
    const { result, events } = await runEngine(dir);
    expect(result).toMatchObject({
      outcome: 'error',
      reason: expect.stringContaining(
        '=16: qwen2.5-coder:32b (architect) 19.9 GB loaded for the plan, over the 16.0 GB budget; qwen2.5:14b (reviewer) 9.0 GB + qwen2.5-coder:32b (coder) 19.9 GB = 28.9 GB kept loaded together',
      ),
    });
    expect(events.some((event) => event.type === 'round:started')).toBe(false);
  });
});
