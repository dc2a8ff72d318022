// The real loop on the openai engine: whole-file blocks streamed over SSE from a loopback OpenAI-compatible server, with a key and a supervisor.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenaiServer, type OpenaiServer } from '../../../support/openai-server.js';
import { createPytestProject } from '../../../support/pytest-project.js';
import { runEngine } from '../../../support/run-engine.js';

const half =
  'I will write the whole file.\r\n\r\n**calc.py**\r\n~~~py\r\ndef add(a, b):\r\n    return a - b\r\n~~~\r\n';
const whole =
  'Here is the fix:\n\n`calc.py`\n```python\ndef add(a, b):\n    return a + b\n```\n\nAnd an escape attempt:\n\n../outside.py\n```python\nprint("pwned")\n```\n';
const redirect = JSON.stringify({
  decision: 'REDIRECT',
  reason: 'subtracts instead of adding',
  instructions: 'Use + in add.',
});

describe('openai engine', () => {
  let server: OpenaiServer | undefined;
  afterEach(async () => {
    delete process.env.FACTORY_TEST_OPENAI_KEY;
    delete process.env.FACTORY_TEST_WRONG_KEY;
    await server?.close();
  });

  it('takes a project from red to green with whole-file blocks, the key sent and the supervisor answering through response_format', async () => {
    server = await startOpenaiServer({ apiKey: 'sk-local-test', answers: [half, redirect, whole] });
    process.env.FACTORY_TEST_OPENAI_KEY = 'sk-local-test';
    const dir = await createPytestProject({
      AI_ENGINE: 'openai',
      SUPERVISOR: 'openai',
      WORKER_MODEL: 'local-coder',
      SUPERVISOR_MODEL: 'local-judge',
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY_ENV: 'FACTORY_TEST_OPENAI_KEY',
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('def add(a, b):\n    return a + b\n');
    expect(fs.existsSync(path.join(dir, '..', 'outside.py'))).toBe(false);
    const edits = events.flatMap((event) =>
      event.type === 'agent:edit' ? [`${event.round} ${event.action} ${event.path}`] : [],
    );
    expect(edits).toEqual(['1 write calc.py', '2 write calc.py', '2 refused ../outside.py']);
    const verdict = events.find((event) => event.type === 'verdict:issued');
    expect(verdict).toMatchObject({
      verdict: { decision: 'REDIRECT', instructions: 'Use + in add.' },
      by: 'supervisor',
    });

    expect(server.requests.map((request) => request.authorization)).toEqual([
      'Bearer sk-local-test',
      'Bearer sk-local-test',
      'Bearer sk-local-test',
    ]);
    const [, review, round2] = server.requests.map((request) => request.body);
    expect(review).toMatchObject({
      model: 'local-judge',
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'decision' } },
    });
    expect(JSON.stringify(review!.response_format)).toContain('"enum":["CONTINUE","REDIRECT","INTERVENE","ESCALATE"]');
    expect(round2).toMatchObject({ model: 'local-coder', stream: true });
    expect(JSON.stringify(round2!.messages)).toContain('Supervisor: Use + in add.');
    const usage = events.find((event) => event.type === 'agent:finished' && event.round === 1);
    expect(usage).toMatchObject({ ok: true, inputTokens: 120 });
  });

  it('names the key setting when the server refuses the key', async () => {
    server = await startOpenaiServer({ apiKey: 'sk-right', answers: [] });
    process.env.FACTORY_TEST_WRONG_KEY = 'sk-wrong';
    const dir = await createPytestProject({
      AI_ENGINE: 'openai',
      WORKER_MODEL: 'local-coder',
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY_ENV: 'FACTORY_TEST_WRONG_KEY',
      MAX_ROUNDS: '1',
    });
    const { events } = await runEngine(dir);
    const finished = events.find((event) => event.type === 'agent:finished');
    expect(finished).toMatchObject({ ok: false });
    expect(finished?.type === 'agent:finished' && finished.error).toMatch(
      /answered 401 \(check the key named by OPENAI_API_KEY_ENV\).*Incorrect API key/,
    );
  });
});
