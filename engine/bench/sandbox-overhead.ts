// Measures what one trivial command costs through each way of running it: a local process, an exec into the persistent container, a container per run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { hostUser } from '../sandbox/docker/container-spec.js';
import { DockerSandbox } from '../sandbox/docker/docker-sandbox.js';
import type { DockerEngine } from '../sandbox/docker/find-docker-engine.js';
import { LocalSandbox } from '../sandbox/local-sandbox.js';
import { runRm } from './run-rm.js';
import { summarize, type Stats } from './stats.js';

export type Way = { id: string; label: string; stats: Stats };
export type SandboxOverhead = { command: string; image: string; engine: string; runs: number; ways: Way[]; execVsRunRm: number; execVsLocal: number };

type Attempt = { id: string; label: string; once: () => Promise<unknown> };

const command = 'true';
const warmup = 2;

/** `withCli` adds the same two container ways through the docker CLI, the figures a user sees by hand. */
export async function measureSandboxOverhead(engine: DockerEngine, image: string, runs: number, withCli: boolean): Promise<SandboxOverhead> {
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-'));
  const sandbox = new DockerSandbox(engine, { projectDir, image, runId: 'bench' });
  const local = new LocalSandbox(projectDir);
  const cli = (...args: string[]) => execa('docker', args, { env: { DOCKER_HOST: engine.host } });
  try {
    await sandbox.start();
    const container = sandbox.containerName!;
    // The CLI's container gets the same settings as the API's, so the two differ only in the client.
    const hardening = ['--network', 'none', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--init', '--user', hostUser(), '--tmpfs', '/tmp:rw,exec'];
    const attempts: Attempt[] = [
      { id: 'local', label: 'local process', once: () => local.exec(command, { timeoutMs: 30_000 }) },
      { id: 'exec', label: 'persistent container exec (API)', once: () => sandbox.exec(command, { timeoutMs: 30_000 }) },
      { id: 'run-rm', label: 'docker run --rm (API)', once: () => runRm(engine.docker, image, projectDir, ['sh', '-c', command]) },
      ...(withCli
        ? [
            { id: 'cli-exec', label: 'docker exec (CLI)', once: () => cli('exec', container, 'sh', '-c', command) },
            { id: 'cli-run-rm', label: 'docker run --rm (CLI)', once: () => cli('run', '--rm', ...hardening, '-v', `${projectDir}:/app`, image, 'sh', '-c', command) },
          ]
        : []),
    ];
    const samples = new Map<string, number[]>(attempts.map((attempt) => [attempt.id, []]));
    // Round-robin, so a busy moment of the machine weighs on every way alike.
    for (let round = 0; round < warmup + runs; round++) {
      for (const attempt of attempts) {
        const started = performance.now();
        await attempt.once();
        if (round >= warmup) samples.get(attempt.id)!.push(performance.now() - started);
      }
    }
    const ways = attempts.map(({ id, label }) => ({ id, label, stats: summarize(samples.get(id)!) }));
    const median = (id: string): number => ways.find((way) => way.id === id)!.stats.medianMs;
    return { command, image, engine: engine.where, runs, ways, execVsRunRm: median('run-rm') / median('exec'), execVsLocal: median('exec') / median('local') };
  } finally {
    await sandbox.stop();
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
}
