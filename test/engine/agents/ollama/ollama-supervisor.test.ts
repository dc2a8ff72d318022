// The supervisor on the ollama engine: its decision comes back as JSON held to the schema sent in `format`, and steers the next round.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOllamaServer, type OllamaServer } from '../../../support/ollama-server.js';
import { createPytestProject } from '../../../support/pytest-project.js';
import { runEngine } from '../../../support/run-engine.js';

const wrong = 'calc.py\n```python\ndef add(a, b):\n    return a * b\n```\n';
const right = 'calc.py\n```python\n<<<<<<< SEARCH\n    return a * b\n=======\n    return a + b\n>>>>>>> REPLACE\n```\n';

describe('ollama supervisor', () => {
  let server: OllamaServer | undefined;
  afterEach(async () => server?.close());

  it('answers through the decision schema in `format`, and its REDIRECT reaches the next prompt', async () => {
    const decision = (body: Record<string, unknown>): string => {
      const schema = body.format as { properties?: { decision?: { enum?: string[] } } };
      expect(schema.properties?.decision?.enum).toEqual(['CONTINUE', 'REDIRECT', 'INTERVENE', 'ESCALATE']);
      return JSON.stringify({
        decision: 'REDIRECT',
        reason: 'multiplies',
        instructions: 'add() must add, not multiply.',
      });
    };
    server = await startOllamaServer({
      models: [
        { name: 'coder:7b', size: 4e9 },
        { name: 'judge:14b', size: 9e9 },
      ],
      answers: [wrong, decision, right],
    });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      SUPERVISOR: 'ollama',
      CODER_MODEL: 'coder:7b',
      REVIEWER_MODEL: 'judge:14b',
      OLLAMA_HOST: server.url,
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('def add(a, b):\n    return a + b\n');
    expect(events.find((event) => event.type === 'verdict:issued')).toMatchObject({
      verdict: { decision: 'REDIRECT', instructions: 'add() must add, not multiply.' },
    });
    const chats = server.requests.filter(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chats.map((chat) => `${chat.body.model} ${chat.body.format ? 'format' : 'text'}`)).toEqual([
      'coder:7b text',
      'judge:14b format',
      'coder:7b text',
    ]);
    expect(JSON.stringify(chats[2]!.body.messages)).toContain('Supervisor: add() must add, not multiply.');
    const states = events.flatMap((event) =>
      event.type === 'model:state' ? [`${event.role} ${event.model} ${event.state}`] : [],
    );
    expect(states).toEqual([
      'coder coder:7b loading',
      'coder coder:7b loaded',
      'supervisor judge:14b loading',
      'supervisor judge:14b loaded',
    ]);
  });

  it("works the next round itself on the supervisor's model when it intervenes", async () => {
    const intervene = JSON.stringify({
      decision: 'INTERVENE',
      reason: 'the coder keeps multiplying',
      instructions: 'I will fix add() myself.',
    });
    server = await startOllamaServer({
      models: [
        { name: 'coder:7b', size: 4e9 },
        { name: 'judge:14b', size: 9e9 },
      ],
      answers: [wrong, intervene, right],
    });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      SUPERVISOR: 'ollama',
      CODER_MODEL: 'coder:7b',
      SUPERVISOR_MODEL: 'judge:14b',
      OLLAMA_HOST: server.url,
    });
    const { result } = await runEngine(dir);
    expect(result.outcome).toBe('green');
    const chats = server.requests.filter(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chats.map((chat) => `${chat.body.model} ${chat.body.format ? 'format' : 'text'}`)).toEqual([
      'coder:7b text',
      'judge:14b format',
      'judge:14b text',
    ]);
  });

  it('continues with the reason when the supervisor answers something that is not the decision JSON', async () => {
    server = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [wrong, '{"decision": "MAYBE"}', right],
    });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      SUPERVISOR: 'ollama',
      WORKER_MODEL: 'coder:7b',
      OLLAMA_HOST: server.url,
    });
    const { result, events } = await runEngine(dir);
    expect(result.outcome).toBe('green');
    const verdict = events.find((event) => event.type === 'verdict:issued');
    expect(verdict).toMatchObject({
      verdict: {
        decision: 'CONTINUE',
        reason: expect.stringMatching(
          /supervisor failed, continuing: the supervisor's JSON does not match the decision schema/,
        ),
      },
    });
  });

  it('cuts off an answer that runs past the limit and applies none of it', async () => {
    const flood = `calc.py\n\`\`\`python\ndef add(a, b):\n    return a + b\n\`\`\`\n${'spam '.repeat(450_000)}`;
    server = await startOllamaServer({ models: [{ name: 'coder:7b', size: 4e9 }], answers: [flood], chunkSize: 8192 });
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      WORKER_MODEL: 'coder:7b',
      OLLAMA_HOST: server.url,
      MAX_ROUNDS: '1',
    });
    const { events } = await runEngine(dir);
    expect(events.find((event) => event.type === 'agent:edit')).toMatchObject({
      action: 'refused',
      path: '(answer)',
      reason: expect.stringMatching(/passed 2000000 characters and was cut off/),
    });
    expect(events.find((event) => event.type === 'agent:finished')).toMatchObject({ ok: false });
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('def add(a, b):\n    return 0\n');
  });
});
