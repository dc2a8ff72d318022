// The real loop on the ollama engine: a red pytest project goes green through edit blocks streamed from a loopback Ollama server.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgents } from '../../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { closedUrl } from '../../../support/http-helpers.js';
import { startOllamaServer, type OllamaServer } from '../../../support/ollama-server.js';
import { buggyCalc, createPytestProject } from '../../../support/pytest-project.js';
import { runEngine } from '../../../support/run-engine.js';

const unmatched =
  'The bug is in add.\n\ncalc.py\n```python\n<<<<<<< SEARCH\ndef add(x, y):\n    return 0\n=======\ndef add(x, y):\n    return x + y\n>>>>>>> REPLACE\n```\n';
const fix =
  'Sorry, the parameters are a and b.\n\ncalc.py\n```python\n<<<<<<< SEARCH\n    return 0\n=======\n    return a + b\n>>>>>>> REPLACE\n```\n';

describe('ollama engine', () => {
  let server: OllamaServer | undefined;
  afterEach(async () => server?.close());

  it('takes a project from red to green, and an unmatched SEARCH block is refused and told to the next round', async () => {
    server = await startOllamaServer({
      models: [{ name: 'qwen2.5-coder:7b', size: 4_700_000_000, sizeVram: 4_200_000_000, contextLength: 131_072 }],
      answers: [unmatched, fix],
    });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      CODER_MODEL: 'qwen2.5-coder:7b',
      OLLAMA_HOST: server.url,
      OLLAMA_NUM_CTX: '65536',
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('def add(a, b):\n    return a + b\n');
    const refused = events.filter((event) => event.type === 'agent:edit' && event.action === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ round: 1, path: 'calc.py' });
    expect(refused[0]!.type === 'agent:edit' && refused[0]!.reason).toMatch(
      /SEARCH text was not found.*def add\(x, y\)/,
    );
    expect(
      events
        .filter((event) => event.type === 'tests:finished' && !event.baseline)
        .map((event) => event.type === 'tests:finished' && event.result.green),
    ).toEqual([false, true]);

    const chats = server.requests.filter(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chats).toHaveLength(2);
    expect((chats[0]!.body.messages as { role: string; content: string }[])[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('<<<<<<< SEARCH\ndef add(a, b):'),
    });
    const secondPrompt = JSON.stringify(chats[1]!.body.messages);
    expect(secondPrompt).toContain('Your write to calc.py was refused: ');
    expect(secondPrompt).toContain(JSON.stringify(buggyCalc).slice(1, -1));
    expect(chats.every((chat) => chat.body.keep_alive === -1 && chat.body.stream === true)).toBe(true);
    const windows = server.requests
      .filter((request) => request.path === '/api/chat')
      .map((request) => (request.body.options as { num_ctx?: number }).num_ctx);
    expect(windows).toEqual([65536, 65536, 65536]);

    const states = events.flatMap((event) =>
      event.type === 'model:state' ? [`${event.role} ${event.state} ${event.sizeVram ?? ''}`] : [],
    );
    expect(states).toEqual(['coder loading ', 'coder loaded 4200000000']);
    const loaded = events.findIndex((event) => event.type === 'model:state' && event.state === 'loaded');
    expect(loaded).toBeLessThan(events.findIndex((event) => event.type === 'round:started'));
    expect(server.running()).toEqual(['qwen2.5-coder:7b']);
  });

  it('stops the run with a clear error when the server is unreachable', async () => {
    const host = await closedUrl();
    const dir = await createPytestProject({ AI_ENGINE: 'ollama', WORKER_MODEL: 'qwen2.5-coder:7b', OLLAMA_HOST: host });
    const { result } = await runEngine(dir);
    expect(result.outcome).toBe('error');
    expect(result.reason).toContain(`cannot reach the Ollama server at ${host} (OLLAMA_HOST)`);
  });
});

describe('ollama engine, stopped mid-answer', () => {
  let server: OllamaServer | undefined;
  afterEach(async () => server?.close());

  it('aborts the streaming chat on stop-now and applies nothing of the partial answer', async () => {
    const slow = `calc.py\n\`\`\`python\ndef add(a, b):\n    return a + b\n\`\`\`\n${'and more '.repeat(200)}`;
    server = await startOllamaServer({ models: [{ name: 'coder:7b', size: 4e9 }], answers: [slow], chunkDelayMs: 50 });
    const dir = await createPytestProject({ AI_ENGINE: 'ollama', WORKER_MODEL: 'coder:7b', OLLAMA_HOST: server.url });
    const config = loadConfig(dir);
    const engine = createEngine({
      projectDir: dir,
      config,
      ...createAgents(dir, config),
      sandbox: new LocalSandbox(dir),
    });
    const events: FactoryEvent[] = [];
    engine.on((event) => {
      events.push(event);
      if (event.type === 'agent:chunk' && events.filter((seen) => seen.type === 'agent:chunk').length === 3)
        engine.send({ type: 'stop', now: true });
    });

    const result = await engine.run();

    expect(result.outcome).toBe('stopped');
    expect(events.find((event) => event.type === 'agent:finished')).toMatchObject({ ok: false, error: 'interrupted' });
    expect(events.some((event) => event.type === 'agent:edit')).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(buggyCalc);
    await expect.poll(() => server!.hungUp()).toBe(1);
  });
});
