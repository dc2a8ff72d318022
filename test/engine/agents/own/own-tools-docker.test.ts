// The own agent using factory's tools through tool calls, with the Docker sandbox, against the loopback Ollama and OpenAI
// servers: in one round the model writes a wrong answer, runs the tests (and the program), reads the failure in the tool
// result, fixes its answer, and the task is green in that one round (MAX_ROUNDS=1).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAgents } from '../../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../../../engine/contract/events.js';
import { createSandbox } from '../../../../engine/sandbox/create-sandbox.js';
import { dockerForTests } from '../../../support/docker-for-tests.js';
import { startOllamaServer } from '../../../support/ollama-server.js';
import { startOpenaiServer } from '../../../support/openai-server.js';
import { rightAdd } from '../../../support/project.js';
import { createPytestProject } from '../../../support/pytest-project.js';
import { offeredTools, type ScriptedReply, systemText } from '../../../support/scripted-answer.js';

const docker = await dockerForTests();
const projects: string[] = [];
const closers: (() => Promise<void>)[] = [];

const wrong =
  'First try.\n\ncalc.py\n```python\n<<<<<<< SEARCH\n    return 0\n=======\n    return a - b\n>>>>>>> REPLACE\n```\n';
const fix =
  'The test says add(2, 3) gave -1: I subtracted.\n\ncalc.py\n```python\n<<<<<<< SEARCH\n    return a - b\n=======\n    return a + b\n>>>>>>> REPLACE\n```\n';

/** The model's round: a wrong answer and its checks, the fix after reading them, a last check, a closing word. */
function script(checks: { name: string; arguments: unknown }[]): ScriptedReply[] {
  return [
    { content: wrong, toolCalls: checks },
    { content: fix, toolCalls: [{ name: 'run_tests', arguments: {} }] },
    'The tests pass now.',
  ];
}

async function runInDocker(settings: Record<string, string>) {
  const dir = await createPytestProject({
    SANDBOX: 'docker',
    SANDBOX_IMAGE: docker.image,
    TEST_CMD: 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider',
    MAX_ROUNDS: '1',
    ...settings,
  });
  projects.push(dir);
  const config = loadConfig(dir);
  const { sandbox } = await createSandbox(dir, config, {});
  const engine = createEngine({ projectDir: dir, config, ...createAgents(dir, config), sandbox });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  const result = await engine.run();
  const rounds = events
    .filter((event): event is FactoryEventOf<'round:finished'> => event.type === 'round:finished')
    .map((event) => event.record);
  const tools = events.filter((event): event is FactoryEventOf<'tool:finished'> => event.type === 'tool:finished');
  return { dir, result, events, rounds, tools };
}

describe.skipIf(!docker.engine)(
  `own agent with factory's tools in the docker sandbox${docker.skipReason ? ` (${docker.skipReason})` : ''}`,
  () => {
    afterEach(async () => {
      for (const close of closers.splice(0)) await close();
    });
    afterAll(() => {
      for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('ollama: wrong answer, run_tests shows the failure, the fix, green in one round', async () => {
      const server = await startOllamaServer({
        models: [{ name: 'coder:7b', size: 4e9 }],
        answers: script([{ name: 'run_tests', arguments: { tests: ['tests/test_calc.py::test_add'] } }]),
      });
      closers.push(server.close);

      const { dir, result, rounds, tools } = await runInDocker({
        AI_ENGINE: 'ollama',
        CODER_MODEL: 'coder:7b',
        OLLAMA_HOST: server.url,
      });

      expect(result.outcome, rounds.map((round) => round.tests.excerpt).join('\n')).toBe('green');
      expect(rounds.map((round) => [round.round, round.green])).toEqual([[1, true]]);
      expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
      // The failure of the wrong answer came back to the model in the tool result, then the pass.
      expect(server.toolResults).toHaveLength(2);
      expect(server.toolResults[0]).toMatchObject({
        toolName: 'run_tests',
        content: expect.stringMatching(/1 failed/),
      });
      expect(server.toolResults[0]?.content).toContain('assert -1 == 5');
      expect(server.toolResults[1]).toMatchObject({
        toolName: 'run_tests',
        content: expect.stringMatching(/1 passed/),
      });
      expect(tools.map((call) => [call.tool, call.detail, call.exitCode])).toEqual([
        ['run_tests', 'tests/test_calc.py::test_add', 1],
        ['run_tests', 'all tests', 0],
      ]);
      const chats = server.requests.filter(
        (request) => request.path === '/api/chat' && (request.body.messages as unknown[]).length > 0,
      );
      expect(chats.map((chat) => offeredTools(chat.body))).toEqual([
        ['run_tests', 'sandbox_exec'],
        ['run_tests', 'sandbox_exec'],
        ['run_tests', 'sandbox_exec'],
      ]);
      expect(systemText(chats[0]?.body ?? {})).toContain("You can call factory's tools run_tests and sandbox_exec");
      expect(JSON.stringify(chats[0]?.body.messages)).toMatch(/## Your tools.*- run_tests: .*- sandbox_exec: /);
      expect(rounds[0]?.toolCalls?.map((call) => call.tool)).toEqual(['run_tests', 'run_tests']);
    }, 400_000);

    it('openai: runs the program with sandbox_exec and the tests, reads the failure, fixes it, green in one round', async () => {
      const server = await startOpenaiServer({
        answers: script([
          { name: 'sandbox_exec', arguments: { command: 'python3 -c "import calc; print(calc.add(2, 3))"; id -u' } },
          { name: 'run_tests', arguments: { tests: ['tests/test_calc.py'] } },
        ]),
      });
      closers.push(server.close);

      const { dir, result, rounds, tools } = await runInDocker({
        AI_ENGINE: 'openai',
        WORKER_MODEL: 'local-coder',
        OPENAI_BASE_URL: server.url,
      });

      expect(result.outcome, rounds.map((round) => round.tests.excerpt).join('\n')).toBe('green');
      expect(rounds.map((round) => [round.round, round.green])).toEqual([[1, true]]);
      expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
      const uid = String(process.getuid?.() ?? '');
      expect(server.toolResults.map((message) => message.toolCallId)).toEqual(['call_1', 'call_2', 'call_3']);
      expect(server.toolResults[0]?.content).toMatch(new RegExp(`-1\\n${uid}$`));
      expect(server.toolResults[1]?.content).toContain('assert -1 == 5');
      expect(server.toolResults[2]?.content).toMatch(/1 passed/);
      expect(tools.map((call) => [call.tool, call.exitCode])).toEqual([
        ['sandbox_exec', 0],
        ['run_tests', 1],
        ['run_tests', 0],
      ]);
      expect(server.requests.map((request) => offeredTools(request.body))).toEqual([
        ['run_tests', 'sandbox_exec'],
        ['run_tests', 'sandbox_exec'],
        ['run_tests', 'sandbox_exec'],
      ]);
    }, 400_000);
  },
);
