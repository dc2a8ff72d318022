// The real `claude` CLI as the loop's worker, against a scripted Anthropic server: red to green, usage, and every failure costing a round with a clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claudeEngine } from '../../../../engine/agents/claude/claude-engine.js';
import { CliWorker } from '../../../../engine/agents/cli/cli-worker.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { claudeEnv, skipWithout } from '../../../support/agent-clis.js';
import { startAnthropicServer, type AnthropicReply, type ScriptedServer } from '../../../support/anthropic-server.js';
import { calcProject } from '../../../support/calc-project.js';
import { ofType as of } from '../../../support/engine.js';
import { rightAdd, wrongAdd } from '../../../support/project.js';
import { runWorkerOnce } from '../../../support/worker-run.js';

const cli = skipWithout('claude');
let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

const fixCalc = (dir: string): AnthropicReply[] => [
  { text: 'Reading calc.py first.', tools: [{ name: 'Read', input: { file_path: path.join(dir, 'calc.py') } }] },
  { tools: [{ name: 'Write', input: { file_path: path.join(dir, 'calc.py'), content: rightAdd } }] },
  { text: 'add now returns the sum.' },
];

describe.skipIf(cli.skip)(`claude worker, real CLI${cli.title}`, () => {
  it('takes a python project from red to green as the worker of the loop, streaming text, tools and edits', async () => {
    const { dir, config } = calcProject({ AI_ENGINE: 'claude', WORKER_MODEL: 'claude-sonnet-4-5', MODE: 'Single' });
    server = await startAnthropicServer(fixCalc(dir));
    const worker = new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 });
    const engine = createEngine({ projectDir: dir, config, worker, sandbox: new LocalSandbox(dir) });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));

    const result = await engine.run();

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
    expect(of(events, 'agent:chunk').map((event) => event.text)).toEqual([
      'Reading calc.py first.',
      'add now returns the sum.',
    ]);
    expect(of(events, 'agent:tool').map((event) => `${event.name} ${event.detail}`)).toEqual([
      'Read calc.py',
      'Write calc.py',
    ]);
    expect(of(events, 'agent:edit')).toMatchObject([{ path: 'calc.py', action: 'write' }]);
    const [finished] = of(events, 'agent:finished');
    expect(finished).toMatchObject({ ok: true, inputTokens: 3000, outputTokens: 150 });
    expect(finished?.costUsd).toBeGreaterThan(0);
    // The loop's prompt and the chosen model reached the model server.
    expect(server.requests[0]?.model).toBe('claude-sonnet-4-5');
    expect(JSON.stringify(server.requests[0]?.messages)).toContain('# Task 1: Add numbers');
  });

  it('costs a round, not the run, when the API rate-limits it: the next round goes green', async () => {
    const { dir, config } = calcProject({ AI_ENGINE: 'claude', MODE: 'Single' });
    server = await startAnthropicServer([
      {
        status: 429,
        error: {
          type: 'rate_limit_error',
          message: 'Number of request tokens has exceeded your per-minute rate limit',
        },
      },
      ...fixCalc(dir),
    ]);
    const worker = new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 });
    const engine = createEngine({ projectDir: dir, config, worker, sandbox: new LocalSandbox(dir) });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));

    const result = await engine.run();

    expect(result.outcome).toBe('green');
    const [first, second] = of(events, 'agent:finished');
    expect(first?.ok).toBe(false);
    expect(first?.error).toMatch(
      /^claude: API Error: .*429.*per-minute rate limit.*rate limited by the API; wait and resume/,
    );
    expect(second?.ok).toBe(true);
    expect(fs.readFileSync(path.join(dir, '.factory', 'rounds', 'round_1.md'), 'utf8')).toContain(
      'failed: claude: API Error',
    );
  });

  it('passes the remaining budget as --max-budget-usd and reports running over it', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer(fixCalc(dir));
    const worker = new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 });
    const result = await runWorkerOnce(worker, dir, { budgetUsd: 0.001 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^claude: .*budget/i);
    expect(result.costUsd).toBeGreaterThan(0.001);
  });

  it('cannot change locked tests or .git/, or run shell commands: Claude Code refuses, and the edits are reported as refused', async () => {
    const dir = calcProject().dir;
    const test = path.join(dir, 'tests', 'test_calc.py');
    const before = fs.readFileSync(test, 'utf8');
    server = await startAnthropicServer([
      { tools: [{ name: 'Read', input: { file_path: test } }] },
      { tools: [{ name: 'Write', input: { file_path: test, content: 'def test_add():\n    pass\n' } }] },
      {
        tools: [
          {
            name: 'Write',
            input: { file_path: path.join(dir, '.git', 'hooks', 'pre-commit'), content: '#!/bin/sh\n' },
          },
        ],
      },
      { tools: [{ name: 'Bash', input: { command: 'touch shell-was-here' } }] },
      { text: 'Done.' },
    ]);
    const worker = new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 });
    const result = await runWorkerOnce(worker, dir, { lockedPaths: new Set(['tests/test_calc.py']) });
    expect(result.ok).toBe(true);
    expect(result.activity.filter((item) => item.kind === 'edit')).toEqual([
      {
        kind: 'edit',
        path: 'tests/test_calc.py',
        action: 'refused',
        reason: expect.stringContaining('denied by your permission settings'),
      },
      {
        kind: 'edit',
        path: '.git/hooks/pre-commit',
        action: 'refused',
        reason: expect.stringContaining('denied by your permission settings'),
      },
    ]);
    expect(fs.readFileSync(test, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'shell-was-here'))).toBe(false);
  });

  it('says so when there is no API key', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer([]);
    const result = await runWorkerOnce(
      new CliWorker(claudeEngine(), { env: claudeEnv(server.url, ''), timeoutMs: 120_000 }),
      dir,
    );
    expect(result).toMatchObject({ ok: false });
    expect(result.error).toMatch(
      /^claude: Not logged in.* — set ANTHROPIC_API_KEY, or log in by running `claude` once$/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('says so when the endpoint is unreachable', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer([]);
    const url = server.url;
    await server.close();
    server = undefined;
    const result = await runWorkerOnce(new CliWorker(claudeEngine(), { env: claudeEnv(url), timeoutMs: 120_000 }), dir);
    expect(result.error).toMatch(
      /^claude: API Error: (Unable to connect|Connection refused).* — the API endpoint is unreachable \(check ANTHROPIC_BASE_URL/,
    );
  });

  it('says so when the API answers with something that is not the protocol', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer([
      { garbage: '<html>502 Bad Gateway</html>' },
      { garbage: '<html>502 Bad Gateway</html>' },
    ]);
    const result = await runWorkerOnce(
      new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 }),
      dir,
    );
    expect(result.error).toMatch(/^claude: API Error: .*malformed response/);
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(wrongAdd);
  });

  it('kills the whole CLI when it runs over its time limit', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer([{ hang: true }]);
    const hanging = server;
    // The limit leaves the CLI time to start and reach the held request, even on a loaded machine.
    const result = await runWorkerOnce(
      new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 10_000 }),
      dir,
    );
    expect(result.error).toBe('claude ran over its time limit of 10 s and was killed (AGENT_TIMEOUT)');
    expect(hanging.requests).toHaveLength(1);
    // The held request's connection closes only when the process holding it is gone.
    await vi.waitFor(() => expect(hanging.hangsDropped).toBe(1), { timeout: 10_000 });
  });

  it('kills the whole CLI at once when the run is stopped now', async () => {
    const dir = calcProject().dir;
    server = await startAnthropicServer([{ hang: true }]);
    const hanging = server;
    const stop = new AbortController();
    const running = runWorkerOnce(
      new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 }),
      dir,
      { signal: stop.signal },
    );
    await vi.waitFor(() => expect(hanging.requests).toHaveLength(1), { timeout: 30_000 });
    stop.abort();
    expect(await running).toMatchObject({ ok: false, error: 'stopped' });
    await vi.waitFor(() => expect(hanging.hangsDropped).toBe(1), { timeout: 10_000 });
  });
});

describe('claude worker without the CLI', () => {
  it('names the missing binary and how to install it', async () => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-nobin-'));
    const result = await runWorkerOnce(
      new CliWorker(claudeEngine(), { env: { PATH: emptyBin }, timeoutMs: 10_000 }),
      calcProject().dir,
    );
    expect(result).toEqual({
      ok: false,
      error:
        'claude CLI not found: "claude" is not on PATH; install it with `npm install -g @anthropic-ai/claude-code`',
      activity: [],
    });
  });
});
