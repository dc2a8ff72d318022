// `factory bench sandbox`: finds the Docker engine and measures the three ways of running a test command side by side.
import { execa } from 'execa';
import type { BenchReport } from './bench-report.js';
import { measureSandboxOverhead } from './sandbox-overhead.js';
import { sandboxImage } from '../../engine/sandbox/docker/default-images.js';
import { findDockerEngine, noEngineMessage } from '../../engine/sandbox/docker/find-docker-engine.js';
import { UserError } from '../../engine/util/errors.js';

export async function sandboxBench(runs: number, image: string | undefined, cli: boolean): Promise<BenchReport> {
  const search = await findDockerEngine();
  if (!search.engine) throw new UserError(`bench sandbox: ${noEngineMessage(search)}`);
  const withCli = cli && (await execa('docker', ['--version'], { reject: false })).exitCode === 0;
  return measureSandboxOverhead(search.engine, image ?? sandboxImage('', 'python')!, runs, withCli);
}
