// Whole runs with SANDBOX=docker on a real engine: red to green through the loop, a hanging test killed at TEST_TIMEOUT, no container left, even after a crash.
import fs from 'node:fs';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { createSandbox } from '../../../../engine/sandbox/create-sandbox.js';
import { labels, projectId } from '../../../../engine/sandbox/docker/container-spec.js';
import { factoryBin } from '../../../support/cli.js';
import { dockerForTests } from '../../../support/docker-for-tests.js';
import { isAlive } from '../../../support/processes.js';
import { makePythonProject } from '../../../support/python-project.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `runs in the docker sandbox (${docker.skipReason})` : 'runs in the docker sandbox';
const testCmd = 'python3 -m pytest -rA -q -p no:cacheprovider';
const projects: string[] = [];

async function project(script: object, config: Record<string, string> = {}): Promise<string> {
  const dir = await makePythonProject({
    config: { SANDBOX: 'docker', SANDBOX_IMAGE: docker.image, TEST_CMD: testCmd, ...config },
    script,
  });
  projects.push(dir);
  return dir;
}

async function run(
  projectDir: string,
  options: { allowDirty?: boolean; runId?: string } = {},
): Promise<{ events: FactoryEvent[]; notes: string[]; exitCode: number }> {
  const config = loadConfig(projectDir);
  const notes: string[] = [];
  const { sandbox } = await createSandbox(projectDir, config, {
    runId: options.runId,
    notice: (line) => notes.push(line),
  });
  const engine = createEngine({ projectDir, config, ...createAgents(projectDir, config), sandbox, ...options });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  const { exitCode } = await engine.run();
  return { events, notes, exitCode };
}

async function projectContainers(projectDir: string): Promise<string[]> {
  const found = await docker.engine!.docker.listContainers({
    all: true,
    filters: { label: [`${labels.project}=${projectId(projectDir)}`] },
  });
  return found.map((info) => info.Id);
}

async function until(done: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > ms) throw new Error(`still waiting after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The rounds' test runs (the baseline run before round 1 is apart).
const testResults = (events: FactoryEvent[]) =>
  events.flatMap((event) => (event.type === 'tests:finished' && !event.baseline ? [event.result] : []));
const correctCalc = 'def add(a, b):\n    return a + b\n';

describe.skipIf(!docker.engine)(title, () => {
  afterAll(() => {
    for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a Python project from red to green, a hanging test killed at TEST_TIMEOUT on the way', async () => {
    const dir = await project(
      {
        worker: [
          { write: { 'calc.py': 'import time\n\n\ndef add(a, b):\n    time.sleep(600)\n' } },
          { write: { 'calc.py': correctCalc } },
        ],
      },
      { TEST_TIMEOUT: '3' },
    );
    const { events, exitCode } = await run(dir);
    const started = events.find((event) => event.type === 'run:started');
    expect(started?.type === 'run:started' && started.sandbox).toMatch(/^docker factory-test-python/);
    const [hung, green] = testResults(events);
    expect(hung).toMatchObject({ timedOut: true, green: false });
    expect(hung?.durationMs).toBeLessThan(30_000);
    expect(green).toMatchObject({ green: true, passed: 1, timedOut: false });
    expect(exitCode).toBe(0);
    expect(fs.readFileSync(`${dir}/RFP/tasks.md`, 'utf8')).toContain('- [x]');
    expect(await projectContainers(dir)).toEqual([]);
  });

  it('reports a failing round red, from the tests run in the container', async () => {
    const dir = await project(
      { worker: [{ write: { 'calc.py': 'def add(a, b):\n    return a - b\n' } }] },
      { MAX_ROUNDS: '1' },
    );
    const { events, exitCode } = await run(dir);
    expect(testResults(events)[0]).toMatchObject({ green: false, failed: 1, runner: 'pytest' });
    expect(exitCode).not.toBe(0);
    expect(await projectContainers(dir)).toEqual([]);
  });

  /** `factory run` as a child process, returned once its container is up; the worker's first call streams slowly, so the run stays mid-round. */
  async function slowCliRun(): Promise<{ dir: string; child: ReturnType<typeof execa> }> {
    const dir = await project({ worker: [{ say: ['thinking', 'still thinking'], delayMs: 60_000 }] });
    const child = execa('node', [factoryBin, 'run', '-C', dir], { reject: false });
    await until(async () => {
      if (child.nodeChildProcess.exitCode !== null)
        throw new Error(`factory run ended before its container appeared: ${(await child).stderr}`);
      return (await projectContainers(dir)).length > 0;
    });
    return { dir, child };
  }

  it('removes the container when `factory run` is stopped with Ctrl-C', async () => {
    const { dir, child } = await slowCliRun();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.kill('SIGINT');
    // Signals do not queue: the second Ctrl-C ("stop now") only after the first was heard.
    await until(() => stderr.includes('Ctrl-C again to stop now'));
    child.kill('SIGINT');
    const ended = await child;
    expect(ended.stdout).toMatch(/run finished: stopped/);
    expect(await projectContainers(dir)).toEqual([]);
  });

  it('removes the container a crashed `factory run` left, at the next run', async () => {
    const { dir, child: crashed } = await slowCliRun();
    crashed.kill('SIGKILL');
    await crashed;
    // The next run judges the container by whether its process is alive: wait until the kernel has let it go.
    await until(() => !isAlive(crashed.pid!));
    const left = await projectContainers(dir);
    expect(left).toHaveLength(1);

    fs.writeFileSync(`${dir}/script.json`, JSON.stringify({ worker: [{ write: { 'calc.py': correctCalc } }] }));
    // Its own run id: newRunId() has one-second steps, and the crashed run may have started in this same second.
    const { notes, exitCode } = await run(dir, { allowDirty: true, runId: 'after-crash' });
    expect(notes.join('\n')).toMatch(/removed 1 container\(s\) left by an earlier run/);
    expect(exitCode).toBe(0);
    expect(await projectContainers(dir)).toEqual([]);
  });
});
