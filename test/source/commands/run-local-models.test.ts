// `factory run` as a user runs it (the built CLI in a child process) on the ollama and openai engines, against loopback model servers.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { testHome } from '../../support/cli.js';
import { startOllamaServer } from '../../support/ollama-server.js';
import { startOpenaiServer } from '../../support/openai-server.js';
import { createPytestProject } from '../../support/pytest-project.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const fix = 'calc.py\n```python\n<<<<<<< SEARCH\n    return 0\n=======\n    return a + b\n>>>>>>> REPLACE\n```\n';
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const factoryRun = (dir: string, ...flags: string[]) =>
  execa('node', [path.join(repoRoot, 'bin/factory.js'), 'run', '-C', dir, ...flags], {
    reject: false,
    env: { NO_COLOR: '1', FACTORY_HOME: testHome },
  });

describe('factory run on local models', () => {
  it('goes red to green with --engine ollama, showing the coder model loaded', async () => {
    const server = await startOllamaServer({
      models: [{ name: 'qwen2.5-coder:7b', size: 4_700_000_000 }],
      answers: [fix],
    });
    closers.push(server.close);
    const dir = await createPytestProject({ CODER_MODEL: 'qwen2.5-coder:7b', OLLAMA_HOST: server.url });
    const run = await factoryRun(dir, '--engine', 'ollama');
    expect(run.stdout).toContain('model qwen2.5-coder:7b (coder): loaded, 4.7 GB of 4.7 GB in VRAM');
    expect(run.stdout).toMatch(/run finished: green, 1\/1 task\(s\) green/);
    expect(run.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'RFP/tasks.md'), 'utf8')).toContain('- [x] Add two numbers');
  });

  it('goes red to green with --engine openai', async () => {
    const server = await startOpenaiServer({ answers: [fix] });
    closers.push(server.close);
    const dir = await createPytestProject({ WORKER_MODEL: 'local-coder' });
    const run = await factoryRun(dir, '--engine', 'openai', '--set', `OPENAI_BASE_URL=${server.url}`);
    expect(run.stdout).toMatch(/run finished: green, 1\/1 task\(s\) green/);
    expect(run.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('def add(a, b):\n    return a + b\n');
  });

  it('refuses the run with the budget numbers and no stack trace', async () => {
    const server = await startOllamaServer({
      models: [{ name: 'qwen2.5-coder:32b', size: 19_900_000_000 }],
      answers: [],
    });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'ollama',
      WORKER_MODEL: 'qwen2.5-coder:32b',
      OLLAMA_HOST: server.url,
      VRAM_BUDGET_GB: '12',
    });
    const run = await factoryRun(dir);
    expect(run.exitCode).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'the local models do not fit VRAM_BUDGET_GB=12: qwen2.5-coder:32b (architect) 19.9 GB loaded for the plan, over the 12.0 GB budget',
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });
});
