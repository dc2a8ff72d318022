// The real `claude` CLI with factory's MCP server and the Docker sandbox, against a scripted Anthropic server: in one
// round the model writes a wrong answer, calls mcp__factory__run_tests, reads the failure in the tool result, fixes
// the answer, checks again, and the task is green in that one round. Bash stays denied.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeEngine } from '../../../engine/agents/claude/claude-engine.js';
import { CliWorker } from '../../../engine/agents/cli/cli-worker.js';
import { ContainedWorker } from '../../../engine/containment/contained-roles.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { claudeEnv, skipWithout } from '../../support/agent-clis.js';
import { startAnthropicServer, type AnthropicReply } from '../../support/anthropic-server.js';
import { calcProject } from '../../support/calc-project.js';
import { factoryBin } from '../../support/cli.js';
import { asOnAUsersMachine } from '../../support/containment.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { ofType } from '../../support/engine.js';
import { rightAdd } from '../../support/project.js';

const cli = skipWithout('claude');
const docker = await dockerForTests();
const skip = cli.skip || !docker.engine;
const title = `claude worker with factory's tools, docker sandbox${cli.title}${docker.skipReason ? ` (${docker.skipReason})` : ''}`;
beforeAll(asOnAUsersMachine);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The names of the tools the CLI offered the model. */
function offeredTools(request: Record<string, unknown> | undefined): string[] {
  return ((request?.tools ?? []) as { name: string }[]).map((tool) => tool.name);
}

/** The text of the last tool result the model was sent. */
function lastToolResult(request: Record<string, unknown>): string {
  const messages = request.messages as { role: string; content: unknown }[];
  const blocks = messages.at(-1)?.content;
  const results = Array.isArray(blocks) ? blocks.filter((block) => block?.type === 'tool_result') : [];
  return JSON.stringify(results.at(-1) ?? '');
}

describe.skipIf(cli.skip)(`claude worker with factory's tools, local sandbox${cli.title}`, () => {
  it('offers run_tests only, and refuses it anything but test ids or files', async () => {
    const { dir, config } = calcProject({ AI_ENGINE: 'claude', MODE: 'Single', SANDBOX: 'local', MAX_ROUNDS: '1' });
    dirs.push(dir);
    const pwned = path.join(dir, 'pwned');
    const server = await startAnthropicServer([
      { tools: [{ name: 'mcp__factory__run_tests', input: { tests: [`tests/test_calc.py; touch ${pwned}`] } }] },
      { tools: [{ name: 'mcp__factory__run_tests', input: { command: `touch ${pwned}` } }] },
      { tools: [{ name: 'mcp__factory__sandbox_exec', input: { command: `touch ${pwned}` } }] },
      { text: 'Done.' },
    ]);
    const worker = new CliWorker(claudeEngine(), {
      env: claudeEnv(server.url),
      timeoutMs: 240_000,
      factoryCommand: [process.execPath, factoryBin],
    });
    const engine = createEngine({ projectDir: dir, config, worker, sandbox: new LocalSandbox(dir) });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));
    try {
      await engine.run();
      const offered = offeredTools(server.requests[0]);
      expect(offered).toContain('mcp__factory__run_tests');
      expect(offered).not.toContain('mcp__factory__sandbox_exec');
      expect(lastToolResult(server.requests[1] ?? {})).toMatch(/refused: tests\.0: not a test id or file/);
      expect(lastToolResult(server.requests[2] ?? {})).toMatch(/refused: .*command/);
      // Claude Code itself refuses a tool its server does not offer: its own error comes back, not a command's run.
      const unoffered = lastToolResult(server.requests[3] ?? {});
      expect(unoffered).toMatch(/"is_error":true/);
      expect(unoffered).toMatch(/No such tool available: mcp__factory__sandbox_exec/);
      expect(unoffered).not.toMatch(/exit code \d+/);
      expect(ofType(events, 'tool:started')).toEqual([]);
      expect(ofType(events, 'tool:finished').every((event) => event.refused)).toBe(true);
      expect(fs.existsSync(pwned)).toBe(false);
    } finally {
      await server.close();
    }
  }, 400_000);
});

describe.skipIf(skip)(title, () => {
  it('runs the tests mid-round, fixes what failed, and is green in one round', async () => {
    const { dir, config } = calcProject({
      AI_ENGINE: 'claude',
      MODE: 'Single',
      SANDBOX: 'docker',
      SANDBOX_IMAGE: docker.image,
      TEST_CMD: 'python3 -m pytest -rA -q -p no:cacheprovider',
    });
    dirs.push(dir);
    const calc = path.join(dir, 'calc.py');
    const wrong = 'def add(a, b):\n    return a * b\n';
    const server = await startAnthropicServer([
      { tools: [{ name: 'Read', input: { file_path: calc } }] },
      { tools: [{ name: 'Write', input: { file_path: calc, content: wrong } }] },
      {
        text: 'Checking my answer.',
        tools: [{ name: 'mcp__factory__run_tests', input: { tests: ['tests/test_calc.py'] } }],
      },
      // Only a failure in the tool's result makes the model fix its answer.
      (request): AnthropicReply =>
        /assert 6 == 5/.test(lastToolResult(request))
          ? { tools: [{ name: 'Write', input: { file_path: calc, content: rightAdd } }] }
          : { text: `no failure in the tool result: ${lastToolResult(request)}` },
      { tools: [{ name: 'mcp__factory__run_tests', input: {} }] },
      (request): AnthropicReply => ({
        text: /2 passed, 0 failed/.test(lastToolResult(request)) ? 'All tests pass now.' : 'still red',
      }),
      // A shell on the host stays denied.
      { tools: [{ name: 'Bash', input: { command: `touch ${path.join(dir, 'host-shell')}` } }] },
      { text: 'Done.' },
    ]);
    const { sandbox } = await createSandbox(dir, config, {});
    const worker = new ContainedWorker(
      new CliWorker(claudeEngine(), {
        env: claudeEnv(server.url),
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

      // The tools the CLI offered the model: factory's, by the names Claude Code gives them.
      const offered = offeredTools(server.requests[0]);
      expect(offered).toEqual(expect.arrayContaining(['mcp__factory__run_tests', 'mcp__factory__sandbox_exec']));
      expect(JSON.stringify(server.requests[0]?.messages)).toContain('## Your tools');
      expect(lastToolResult(server.requests[3] ?? {})).toMatch(/exit code 1; 0 passed, 2 failed/);
      expect(ofType(events, 'tool:finished')).toMatchObject([
        { tool: 'run_tests', detail: 'tests/test_calc.py', exitCode: 1, timedOut: false },
        { tool: 'run_tests', detail: 'all tests', exitCode: 0, timedOut: false },
      ]);
      expect(ofType(events, 'agent:chunk').map((event) => event.text)).toContain('All tests pass now.');
      expect(fs.existsSync(path.join(dir, 'host-shell'))).toBe(false);
      expect(result.outcome).toBe('green');
      expect(ofType(events, 'round:started')).toHaveLength(1);
      const report = fs.readFileSync(path.join(dir, '.factory', 'rounds', 'round_1.md'), 'utf8');
      expect(report).toMatch(/^# Task 1, round 1: GREEN/);
      expect(report).toMatch(/## Tool calls \(2, [\d.]+ s\)\n1\. run_tests tests\/test_calc\.py — exit 1/);
    } finally {
      await server.close();
    }
  }, 400_000);
});
