// The real `gemini` CLI as the loop's worker, against a scripted Gemini server: red to green, usage, and failures with clear messages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliWorker } from '../../../../engine/agents/cli/cli-worker.js';
import { geminiEngine } from '../../../../engine/agents/gemini/gemini-engine.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { geminiEnv, skipWithout } from '../../../support/agent-clis.js';
import type { ScriptedServer } from '../../../support/anthropic-server.js';
import { startGeminiServer } from '../../../support/gemini-server.js';
import { calcProject } from '../../../support/calc-project.js';
import { ofType as of } from '../../../support/engine.js';
import { rightAdd, wrongAdd } from '../../../support/project.js';
import { runWorkerOnce } from '../../../support/worker-run.js';

const cli = skipWithout('gemini');
let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

describe.skipIf(cli.skip)(`gemini worker, real CLI${cli.title}`, () => {
  it('takes a python project from red to green as the worker of the loop, streaming text, tools and edits', async () => {
    const { dir, config } = calcProject({ AI_ENGINE: 'gemini', WORKER_MODEL: 'gemini-2.5-flash', MODE: 'Single' });
    server = await startGeminiServer([
      {
        text: 'Fixing calc.py.',
        calls: [{ name: 'write_file', args: { file_path: path.join(dir, 'calc.py'), content: rightAdd } }],
      },
      { text: 'add now returns the sum.' },
    ]);
    const worker = new CliWorker(geminiEngine(), { env: geminiEnv(server.url), timeoutMs: 120_000 });
    const engine = createEngine({ projectDir: dir, config, worker, sandbox: new LocalSandbox(dir) });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));

    const result = await engine.run();

    expect(result.outcome).toBe('green');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
    expect(of(events, 'agent:chunk').map((event) => event.text)).toEqual([
      'Fixing calc.py.',
      'add now returns the sum.',
    ]);
    expect(of(events, 'agent:tool').map((event) => `${event.name} ${event.detail}`)).toEqual(['write_file calc.py']);
    expect(of(events, 'agent:edit')).toMatchObject([{ path: 'calc.py', action: 'write' }]);
    const [finished] = of(events, 'agent:finished');
    expect(finished?.ok).toBe(true);
    // Two agent turns of 800 tokens in and 40 out each, at least: side calls (routing) may add more.
    expect(finished?.inputTokens).toBeGreaterThanOrEqual(1600);
    expect(finished?.outputTokens).toBeGreaterThanOrEqual(80);
    expect(JSON.stringify(server.requests[0]?.contents)).toContain('# Task 1: Add numbers');
  });

  it('cannot change locked tests (its policy), .git/ (its workspace check) or run shell commands; refused edits are reported', async () => {
    const dir = calcProject().dir;
    const test = path.join(dir, 'tests', 'test_calc.py');
    const before = fs.readFileSync(test, 'utf8');
    server = await startGeminiServer([
      { calls: [{ name: 'write_file', args: { file_path: test, content: 'def test_add():\n    pass\n' } }] },
      {
        calls: [
          {
            name: 'write_file',
            args: { file_path: path.join(dir, '.git', 'hooks', 'pre-commit'), content: '#!/bin/sh\n' },
          },
        ],
      },
      { calls: [{ name: 'run_shell_command', args: { command: 'touch shell-was-here' } }] },
      { text: 'Done.' },
    ]);
    const worker = new CliWorker(geminiEngine(), { env: geminiEnv(server.url), timeoutMs: 120_000 });
    const result = await runWorkerOnce(worker, dir, { lockedPaths: new Set(['tests/test_calc.py']) });
    expect(result.ok).toBe(true);
    expect(result.activity.filter((item) => item.kind === 'edit')).toEqual([
      { kind: 'edit', path: 'tests/test_calc.py', action: 'refused', reason: 'Tool execution denied by policy.' },
      {
        kind: 'edit',
        path: '.git/hooks/pre-commit',
        action: 'refused',
        reason: expect.stringMatching(/^Path not in workspace/),
      },
    ]);
    expect(fs.readFileSync(test, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'shell-was-here'))).toBe(false);
  });

  it('says so when there is no API key', async () => {
    server = await startGeminiServer([]);
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: geminiEnv(server.url, ''), timeoutMs: 120_000 }),
      calcProject().dir,
    );
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      /^gemini exited with code 41: When using Gemini API, you must specify the GEMINI_API_KEY environment variable\..* — set GEMINI_API_KEY/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('says so when the API rate-limits it', async () => {
    server = await startGeminiServer([
      {
        status: 429,
        message:
          'You exceeded your current quota. Quota exceeded for metric: generate_content_free_tier_requests, limit: 0, model: gemini-2.5-flash',
      },
    ]);
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: geminiEnv(server.url), timeoutMs: 120_000 }),
      calcProject().dir,
    );
    expect(result.error).toMatch(
      /^gemini: \[API Error: You exceeded your current quota[\s\S]* — rate limited by the API; wait and resume/,
    );
  });

  it('says so when the endpoint is unreachable', async () => {
    server = await startGeminiServer([]);
    const url = server.url;
    await server.close();
    server = undefined;
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: geminiEnv(url), timeoutMs: 120_000 }),
      calcProject().dir,
    );
    expect(result.error).toMatch(/^gemini: .* — the API endpoint is unreachable \(check GOOGLE_GEMINI_BASE_URL/);
  });

  it('says so when the API answers with something that is not the protocol', async () => {
    const dir = calcProject().dir;
    server = await startGeminiServer([{ garbage: 'data: {"candidates": [' }]);
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: geminiEnv(server.url), timeoutMs: 120_000 }),
      dir,
    );
    expect(result.error).toMatch(/^gemini: \[API Error: .*JSON/);
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(wrongAdd);
  });

  it('kills the whole CLI when it runs over its time limit', async () => {
    server = await startGeminiServer([{ hang: true }]);
    const hanging = server;
    // The limit must leave the CLI time to start and reach the held request: under a loaded CI machine its start
    // and the router's side call took over 8 s.
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: geminiEnv(server.url), timeoutMs: 20_000 }),
      calcProject().dir,
    );
    expect(result.error).toBe('gemini ran over its time limit of 20 s and was killed (AGENT_TIMEOUT)');
    expect(hanging.requests).toHaveLength(1);
    await vi.waitFor(() => expect(hanging.hangsDropped).toBe(1), { timeout: 10_000 });
  });
});

describe('gemini worker without the CLI', () => {
  it('names the missing binary and how to install it', async () => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-nobin-'));
    const result = await runWorkerOnce(
      new CliWorker(geminiEngine(), { env: { PATH: emptyBin }, timeoutMs: 10_000 }),
      calcProject().dir,
    );
    expect(result).toEqual({
      ok: false,
      error: 'gemini CLI not found: "gemini" is not on PATH; install it with `npm install -g @google/gemini-cli`',
      activity: [],
    });
  });
});
