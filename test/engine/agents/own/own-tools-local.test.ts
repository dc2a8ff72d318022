// The own agent's tool calls with SANDBOX=local, against the loopback servers: only run_tests is offered (the tools the
// server receives say so); sandbox_exec, a command line in run_tests, and broken JSON arguments are refused with an
// error result the model reads, never a crash; MAX_TOOL_CALLS withdraws the tools; WORKER_TOOLS=off offers none; a
// stop-now kills a running call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgents } from '../../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../../../engine/contract/events.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { startOllamaServer } from '../../../support/ollama-server.js';
import { startOpenaiServer } from '../../../support/openai-server.js';
import { rightAdd } from '../../../support/project.js';
import { createPytestProject } from '../../../support/pytest-project.js';
import { runEngine } from '../../../support/run-engine.js';
import { offeredTools, systemText } from '../../../support/scripted-answer.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const testCmd = 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider';
const wrongBlock = 'calc.py\n```python\ndef add(a, b):\n    return a - b\n```\n';
const fixBlock = `calc.py\n\`\`\`python\n${rightAdd}\`\`\`\n`;
const finished = (events: FactoryEvent[]) =>
  events.filter((event): event is FactoryEventOf<'tool:finished'> => event.type === 'tool:finished');

describe('own agent tools with SANDBOX=local', () => {
  it('offers run_tests only; sandbox_exec, a command line and broken JSON are refused; green in one round', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-own-decoy-'));
    const planted = path.join(outside, 'planted');
    const server = await startOpenaiServer({
      answers: [
        {
          content: `Trying.\n\n${wrongBlock}`,
          toolCalls: [
            { name: 'sandbox_exec', arguments: { command: `touch ${planted}` } },
            { name: 'run_tests', arguments: { tests: [`tests/test_calc.py; touch ${planted}`] } },
            { name: 'run_tests', arguments: { command: `touch ${planted}` } },
            { name: 'run_tests', arguments: '{"tests": ["tests/test_calc.py"' },
            { name: 'run_tests', arguments: { tests: ['tests/test_calc.py::test_add'] } },
          ],
        },
        `I subtracted.\n\n${fixBlock}`,
      ],
    });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'openai',
      WORKER_MODEL: 'local-coder',
      OPENAI_BASE_URL: server.url,
      TEST_CMD: testCmd,
      MAX_ROUNDS: '1',
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
    expect(server.requests.map((request) => offeredTools(request.body))).toEqual([['run_tests'], ['run_tests']]);
    // Neither the tools sent nor the prompt name sandbox_exec.
    expect(systemText(server.requests[0]?.body ?? {})).toContain("You can call factory's tools run_tests through");
    expect(JSON.stringify(server.requests[0]?.body.messages)).toContain('- run_tests: ');
    expect(JSON.stringify(server.requests[0]?.body)).not.toContain('sandbox_exec');
    const results = server.toolResults.map((message) => message.content);
    expect(results).toHaveLength(5);
    expect(results[0]).toMatch(/^refused: sandbox_exec is not offered with SANDBOX=local/);
    expect(results[1]).toMatch(/^refused: .*not a test id or file/);
    expect(results[2]).toMatch(/^refused: .*command/);
    expect(results[3]).toMatch(/^refused: the arguments are not valid JSON/);
    expect(results[4]).toContain('assert -1 == 5');
    expect(fs.readdirSync(outside)).toEqual([]);
    // Only the one valid call ran; the refused ones that reached factory's tools are in the report as refused.
    const calls = finished(events);
    expect(calls.filter((call) => !call.refused).map((call) => [call.tool, call.exitCode])).toEqual([['run_tests', 1]]);
    expect(calls.filter((call) => call.refused).map((call) => call.tool)).toEqual([
      'sandbox_exec',
      'run_tests',
      'run_tests',
    ]);
  }, 180_000);

  it('withdraws the tools once MAX_TOOL_CALLS is spent and the model keeps calling', async () => {
    const check = { name: 'run_tests', arguments: {} };
    const server = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [
        { content: wrongBlock, toolCalls: [check] },
        { toolCalls: [check] },
        { toolCalls: [check, check] },
        // Offered no tools, the model still calls one: not run, and this answer is the last.
        { content: fixBlock, toolCalls: [check] },
      ],
    });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      CODER_MODEL: 'coder:7b',
      OLLAMA_HOST: server.url,
      TEST_CMD: testCmd,
      MAX_ROUNDS: '1',
      MAX_TOOL_CALLS: '1',
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    const chats = server.requests.filter(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chats.map((chat) => offeredTools(chat.body))).toEqual([['run_tests'], ['run_tests'], ['run_tests'], []]);
    expect(finished(events).map((call) => call.refused === undefined)).toEqual([true, false, false, false]);
    expect(server.toolResults.slice(1).every((message) => message.content.includes('MAX_TOOL_CALLS (1)'))).toBe(true);
    expect(JSON.stringify(chats[3]?.body.messages)).toContain('the tools are withdrawn');
  }, 180_000);

  it('offers no tools with WORKER_TOOLS=off and says so', async () => {
    const server = await startOllamaServer({ models: [{ name: 'coder:7b', size: 4e9 }], answers: [fixBlock] });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      CODER_MODEL: 'coder:7b',
      OLLAMA_HOST: server.url,
      TEST_CMD: testCmd,
      WORKER_TOOLS: 'off',
    });

    const { result } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    const chat = server.requests.find(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chat?.body).not.toHaveProperty('tools');
    expect(systemText(chat?.body ?? {})).toContain('You have no tools and cannot run commands');
  }, 180_000);

  it('a stop-now kills the running tool call and asks the model nothing more', async () => {
    const hang = `calc.py\n\`\`\`python\nimport time\ntime.sleep(300)\n${rightAdd}\`\`\`\n`;
    const server = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [{ content: hang, toolCalls: [{ name: 'run_tests', arguments: {} }] }],
    });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      CODER_MODEL: 'coder:7b',
      OLLAMA_HOST: server.url,
      TEST_CMD: testCmd,
      TEST_TIMEOUT: '600',
    });
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
      if (event.type === 'tool:started') engine.send({ type: 'stop', now: true });
    });

    const result = await engine.run();

    expect(result.outcome).toBe('stopped');
    expect(finished(events)).toMatchObject([{ tool: 'run_tests', timedOut: false }]);
    expect(events.find((event) => event.type === 'agent:finished')).toMatchObject({ ok: false, error: 'interrupted' });
    const chats = server.requests.filter(
      (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
    );
    expect(chats).toHaveLength(1);
  }, 180_000);
});
