// Measures what one trivial command costs through each way of running it: a local process, an exec into the persistent
// container, a container per run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { hostUser } from '../../engine/sandbox/docker/container-spec.js';
import { DockerSandbox } from '../../engine/sandbox/docker/docker-sandbox.js';
import type { DockerEngine } from '../../engine/sandbox/docker/find-docker-engine.js';
import { LocalSandbox } from '../../engine/sandbox/local-sandbox.js';
import { runRm } from './run-rm.js';
import { goal, ratio, type BenchReport, type Figure } from './bench-report.js';
import { stats } from './stats.js';

/**
 * SPEC section 7 and issue 3: exec at least 4× cheaper than a container per run, under 50 ms, within 1.5× of a bare
 * process.
 */
const sandboxGoals = { execToRunRm: 0.25, execMedianMs: 50, execToLocal: 1.5 };

type Attempt = { id: string; label: string; once: () => Promise<unknown> };

const command = 'true';
const warmup = 2;

/** `withCli` adds the same two container ways through the docker CLI, the figures a user sees by hand. */
export async function measureSandboxOverhead(
  engine: DockerEngine,
  image: string,
  runs: number,
  withCli: boolean,
): Promise<BenchReport> {
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-'));
  const sandbox = new DockerSandbox(engine, { projectDir, image, runId: 'bench' });
  const local = new LocalSandbox(projectDir);
  const cli = (...args: string[]) => execa('docker', args, { env: { DOCKER_HOST: engine.host } });
  try {
    await sandbox.start();
    const container = sandbox.containerName!;
    // The CLI's container gets the same settings as the API's, so the two differ only in the client.
    const hardening = [
      '--network',
      'none',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--init',
      '--user',
      hostUser(),
      '--tmpfs',
      '/tmp:rw,exec',
    ];
    const attempts: Attempt[] = [
      { id: 'local', label: 'local process', once: () => local.exec(command, { timeoutMs: 30_000 }) },
      {
        id: 'exec',
        label: 'persistent container exec (API)',
        once: () => sandbox.exec(command, { timeoutMs: 30_000 }),
      },
      {
        id: 'run-rm',
        label: 'docker run --rm (API)',
        once: () => runRm(engine.docker, image, projectDir, ['sh', '-c', command]),
      },
      ...(withCli
        ? [
            { id: 'cli-exec', label: 'docker exec (CLI)', once: () => cli('exec', container, 'sh', '-c', command) },
            {
              id: 'cli-run-rm',
              label: 'docker run --rm (CLI)',
              once: () => cli('run', '--rm', ...hardening, '-v', `${projectDir}:/app`, image, 'sh', '-c', command),
            },
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
    const figures: Figure[] = attempts.map(({ id, label }) => ({ id, label, stats: stats(samples.get(id)!) }));
    const figure = (id: string): Figure => figures.find((entry) => entry.id === id)!;
    const execToRunRm = ratio('persistent exec / docker run --rm', figure('exec'), figure('run-rm'));
    const execToLocal = ratio('persistent exec / local process', figure('exec'), figure('local'));
    return {
      name: 'sandbox',
      method:
        `\`${command}\` ${runs} times each way, round-robin after ${warmup} warm-up runs, image ${image}, engine ` +
        `${engine.where}`,
      figures,
      ratios: [execToRunRm, execToLocal],
      goals: [
        goal(
          'exec at least 4× cheaper than docker run --rm',
          execToRunRm.label,
          sandboxGoals.execToRunRm,
          execToRunRm.value,
        ),
        goal('exec median under 50 ms', 'exec', sandboxGoals.execMedianMs, figure('exec').stats.median),
        goal('exec within 1.5× of a bare process', execToLocal.label, sandboxGoals.execToLocal, execToLocal.value),
      ],
      unavailable: withCli ? [] : [{ label: 'docker CLI rows', reason: 'no docker CLI, or --no-cli' }],
    };
  } finally {
    await sandbox.stop();
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
}
