// `factory doctor` checks the configured run's parts and exits 1 with what to do when one cannot work.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { closedUrl } from '../support/http-helpers.js';
import { git, makeProject } from '../support/project.js';
import { requirePytest } from '../support/python.js';
import { startOllamaServer } from '../support/ollama-server.js';

/** The two Ollama endpoints doctor reads, answered as the Ollama API documents them. */
function ollamaTags(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      request.url === '/api/tags'
        ? JSON.stringify({ models: [{ name: 'qwen2.5-coder:7b', size: 4_683_087_332 }] })
        : '{}',
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

describe.skipIf(requirePytest())('factory doctor', () => {
  it('passes a ready project and says which sandbox and test command it will use', async () => {
    const dir = makeProject();
    const result = await runFactory(dir, ['doctor']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ok\s+git\s+git version/m);
    expect(result.stdout).toMatch(/^ok\s+sandbox\s+local processes in .*, confined by bubblewrap/m);
    expect(result.stdout).toMatch(
      /^ok\s+tests\s+.*runs \(pytest\): 0\/1 passing, 1 errors; results from JUnit XML report \.factory\/reports\/pytest\.xml$/m,
    );
    expect(result.stdout).toContain('The configured run can start.');
    expect(result.stdout).toMatch(/^ok\s+containment scripted\s+scripted writes go through factory's path checks/m);
  });

  it('stops where local test runs cannot be confined (no bwrap on PATH), naming the three ways on', async () => {
    const dir = makeProject();
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'no-bwrap-'));
    for (const tool of ['git', 'python3'])
      fs.symlinkSync(execaSync('sh', ['-c', `command -v ${tool}`]).stdout, path.join(bin, tool));
    const result = await runFactory(dir, ['doctor'], { env: { PATH: `${path.dirname(process.execPath)}:${bin}` } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL\s+sandbox\s+SANDBOX=local: tests cannot run confined here: bubblewrap \(bwrap\) is not installed\. Either install it: apt install bubblewrap .*SANDBOX=docker.*SANDBOX=none/m,
    );
    expect(result.stdout).toMatch(
      /install bubblewrap, run the tests in Docker \(SANDBOX=docker\), or set SANDBOX=none/,
    );
  });

  it('warns that SANDBOX=none runs the tests unconfined', async () => {
    const dir = makeProject({ config: { SANDBOX: 'none' } });
    const result = await runFactory(dir, ['doctor']);
    expect(result.stdout).toMatch(/^WARN\s+sandbox\s+local processes in .*, unconfined/m);
    expect(result.stdout).toMatch(/SANDBOX=none: tests run as local processes WITHOUT ISOLATION/);
  });

  it('lists the containment per configured engine: permission rules, CLI sandbox, OS sandbox', async () => {
    const dir = makeProject({ config: { AI_ENGINE: 'claude', SUPERVISOR: 'gemini' } });
    const result = await runFactory(dir, ['doctor']);
    expect(result.stdout).toMatch(
      /^ok\s+containment claude\s+permission rules: edits allowed in the project only \(Edit\(\.\/\*\*\)\).*Claude Code's own sandbox confines Bash only.*OS sandbox: bubblewrap/m,
    );
    expect(result.stdout).toMatch(
      /^ok\s+containment gemini\s+policy engine: auto_edit \(not --yolo\).*OS sandbox: bubblewrap/m,
    );
  });

  it('fails on a test command that does not exist and an engine server that does not answer, saying what to do', async () => {
    const host = await closedUrl();
    const dir = makeProject({ config: { TEST_CMD: 'no-such-runner --all', AI_ENGINE: 'ollama', OLLAMA_HOST: host } });
    const result = await runFactory(dir, ['doctor']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^FAIL\s+tests\s+`no-such-runner --all` could not start: .*not found/m);
    expect(result.stdout).toMatch(new RegExp(`^FAIL\\s+engine ollama\\s+${host}/api/tags does not answer`, 'm'));
    expect(result.stdout).toContain('- engine ollama: start it with `ollama serve`, or set OLLAMA_HOST=');
    expect(result.stdout).toContain('The configured run cannot work yet');
  });

  it('finds a running Ollama server', async () => {
    const server = await ollamaTags();
    const dir = makeProject({ config: { AI_ENGINE: 'ollama', OLLAMA_HOST: server.url } });
    const result = await runFactory(dir, ['doctor']);
    server.close();
    expect(result.stdout).toMatch(new RegExp(`^ok\\s+engine ollama\\s+${server.url}/api/tags answers`, 'm'));
  });

  it('names each local model with its size, a missing one, and a set over the memory budget', async () => {
    const server = await startOllamaServer({
      models: [
        { name: 'qwen2.5:72b', size: 52e9 },
        { name: 'qwen2.5-coder:32b', size: 20e9 },
      ],
      answers: [],
    });
    const dir = makeProject({
      config: {
        AI_ENGINE: 'ollama',
        OLLAMA_HOST: server.url,
        ARCHITECT_MODEL: 'qwen2.5:72b',
        CODER_MODEL: 'qwen2.5-coder:32b',
        REVIEWER_MODEL: 'qwen2.5:14b',
        OLLAMA_PULL: 'false',
        VRAM_BUDGET_GB: '48',
      },
    });
    const result = await runFactory(dir, ['doctor']);
    await server.close();
    expect(result.stdout).toMatch(/^ok\s+model qwen2.5-coder:32b\s+coder: on the server, 20.0 GB/m);
    expect(result.stdout).toMatch(/^FAIL\s+model qwen2.5:14b\s+reviewer: not on the server/m);
    expect(result.stdout).toMatch(
      /^FAIL\s+memory\s+the local models do not fit VRAM_BUDGET_GB=48: qwen2.5:72b \(architect\) 52.0 GB loaded for the plan, over the 48.0 GB budget/m,
    );
    expect(result.exitCode).toBe(1);
  });

  it('a run refuses a test command that cannot start, before any round', async () => {
    const dir = makeProject({ config: { TEST_CMD: 'no-such-runner' } });
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^factory: the test command `no-such-runner` could not start \(.*not found\): install its runner where the tests run \(local sandbox\), or set TEST_CMD=/,
    );
    expect(result.stdout).not.toMatch(/round 1\/\d+ started/);
    // No empty factory branch is left behind: the user is back where they started.
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(dir, 'branch', '--list', 'factory/*')).toBe('');
    expect(result.stdout).not.toContain('Keep the work');
  });
});
