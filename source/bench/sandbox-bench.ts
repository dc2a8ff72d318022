// `factory bench sandbox`: the ways of running a test command side by side: local processes unconfined and confined
// by the OS sandbox, an exec into the persistent container, a container per run, and the copy sync next to the mount.
import { execa } from 'execa';
import type { BenchReport } from './bench-report.js';
import { measureConfinement } from './confinement-overhead.js';
import { measureCopySync } from './copy-sync-overhead.js';
import { measureSandboxOverhead } from './sandbox-overhead.js';
import { sandboxImage } from '../../engine/sandbox/docker/default-images.js';
import { findDockerEngine, noEngineMessage } from '../../engine/sandbox/docker/find-docker-engine.js';

export async function sandboxBench(runs: number, image: string | undefined, cli: boolean): Promise<BenchReport> {
  const confinement = await measureConfinement(runs);
  const search = await findDockerEngine();
  if (!search.engine)
    return {
      name: 'sandbox',
      ...confinement,
      unavailable: [...confinement.unavailable, { label: 'Docker rows', reason: noEngineMessage(search) }],
    };
  const withCli = cli && (await execa('docker', ['--version'], { reject: false })).exitCode === 0;
  const chosen = image ?? sandboxImage('', 'python')!;
  const docker = await measureSandboxOverhead(search.engine, chosen, runs, withCli);
  const copy = await measureCopySync(search.engine, chosen, runs);
  return {
    name: 'sandbox',
    method: `${docker.method}; local: ${confinement.method}; copy sync: ${copy.method}`,
    figures: [...confinement.figures, ...docker.figures, ...copy.figures],
    ratios: [...confinement.ratios, ...docker.ratios, ...copy.ratios],
    goals: [...confinement.goals, ...docker.goals, ...copy.goals],
    unavailable: [...confinement.unavailable, ...docker.unavailable],
  };
}
