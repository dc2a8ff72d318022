// The real `gemini` CLI with factory's MCP server and the Docker sandbox, against a scripted Gemini server: in one round
// the model writes a wrong answer, calls run_tests (mcp_factory_run_tests, as Gemini CLI names it), reads the failure in
// the function response, fixes the answer, and the task is green in that one round. run_shell_command stays denied.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliWorker } from '../../../engine/agents/cli/cli-worker.js';
import { geminiEngine } from '../../../engine/agents/gemini/gemini-engine.js';
import { ContainedWorker } from '../../../engine/containment/contained-roles.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { geminiEnv, skipWithout } from '../../support/agent-clis.js';
import { calcProject } from '../../support/calc-project.js';
import { factoryBin } from '../../support/cli.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { ofType } from '../../support/engine.js';
import { startGeminiServer, type GeminiReply } from '../../support/gemini-server.js';
import { rightAdd } from '../../support/project.js';

const cli = skipWithout('gemini');
const docker = await dockerForTests();
const skip = cli.skip || !docker.engine;
const title = `gemini worker with factory's tools, docker sandbox${cli.title}${docker.skipReason ? ` (${docker.skipReason})` : ''}`;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The last function response the model was sent, as text. */
function lastFunctionResponse(request: Record<string, unknown>): string {
  const contents = request.contents as { parts?: { functionResponse?: unknown }[] }[];
  const parts = contents.at(-1)?.parts ?? [];
  return JSON.stringify(parts.filter((part) => part.functionResponse).at(-1) ?? '');
}

/** The names of the functions the CLI declared to the model. */
function declared(request: Record<string, unknown> | undefined): string[] {
  const tools = (request?.tools ?? []) as { functionDeclarations?: { name: string }[] }[];
  return tools.flatMap((tool) => (tool.functionDeclarations ?? []).map((declaration) => declaration.name));
}

describe.skipIf(skip)(title, () => {
  it('runs the tests mid-round, fixes what failed, and is green in one round', async () => {
    const { dir, config } = calcProject({
      AI_ENGINE: 'gemini',
      MODE: 'Single',
      SANDBOX: 'docker',
      SANDBOX_IMAGE: docker.image,
      TEST_CMD: 'python3 -m pytest -rA -q -p no:cacheprovider',
    });
    dirs.push(dir);
    const calc = path.join(dir, 'calc.py');
    const wrong = 'def add(a, b):\n    return a * b\n';
    const server = await startGeminiServer([
      { calls: [{ name: 'write_file', args: { file_path: calc, content: wrong } }] },
      {
        text: 'Checking my answer.',
        calls: [{ name: 'mcp_factory_run_tests', args: { tests: ['tests/test_calc.py'] } }],
      },
      // Only a failure in the function's response makes the model fix its answer.
      (request): GeminiReply =>
        /assert 6 == 5/.test(lastFunctionResponse(request))
          ? { calls: [{ name: 'write_file', args: { file_path: calc, content: rightAdd } }] }
          : { text: `no failure in the function response: ${lastFunctionResponse(request)}` },
      { calls: [{ name: 'mcp_factory_run_tests', args: {} }] },
      (request): GeminiReply => ({
        text: /2 passed, 0 failed/.test(lastFunctionResponse(request)) ? 'All tests pass now.' : 'still red',
      }),
    ]);
    const { sandbox } = await createSandbox(dir, config, {});
    const worker = new ContainedWorker(
      new CliWorker(geminiEngine(), {
        env: geminiEnv(server.url),
        timeoutMs: 240_000,
        factoryCommand: [process.execPath, factoryBin],
      }),
      'coder',
    );
    const engine = createEngine({ projectDir: dir, config, worker, sandbox });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));
    try {
      const result = await engine.run();

      expect(declared(server.requests[0])).toEqual(
        expect.arrayContaining(['mcp_factory_run_tests', 'mcp_factory_sandbox_exec']),
      );
      expect(declared(server.requests[0])).not.toContain('run_shell_command');
      expect(lastFunctionResponse(server.requests[2] ?? {})).toMatch(/exit code 1; 0 passed, 2 failed/);
      expect(ofType(events, 'tool:finished')).toMatchObject([
        { tool: 'run_tests', detail: 'tests/test_calc.py', exitCode: 1, timedOut: false },
        { tool: 'run_tests', detail: 'all tests', exitCode: 0, timedOut: false },
      ]);
      expect(ofType(events, 'agent:chunk').map((event) => event.text)).toContain('All tests pass now.');
      expect(result.outcome).toBe('green');
      expect(ofType(events, 'round:started')).toHaveLength(1);
      const report = fs.readFileSync(path.join(dir, '.factory', 'rounds', 'round_1.md'), 'utf8');
      expect(report).toMatch(/^# Task 1, round 1: GREEN/);
      expect(report).toMatch(/## Tool calls \(2, [\d.]+ s\)/);
    } finally {
      await server.close();
    }
  }, 400_000);
});
