// Once per `vitest run` of the end-to-end project, before its files: the CLI bundle the tests spawn, built from this
// checkout (so a run never tests a stale dist/); the Docker test image, started building when the machine lacks
// it so that the files that need no Docker go on meanwhile; python3 on PATH without a pyenv shim in front.
import path from 'node:path';
import { execa } from 'execa';
import { findDockerEngine } from '../../engine/sandbox/docker/find-docker-engine.js';
import { ensureTestImage } from './test-image.js';

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(): Promise<() => Promise<void>> {
  await execa('node', ['scripts/build.mjs'], { cwd: root });
  process.env.PATH = await pathWithoutPythonShim();
  // Test files that need the image wait for this build on its lock (ensureTestImage); its errors are theirs to report.
  const image = (await findDockerEngine()).engine ? ensureTestImage().catch(() => undefined) : undefined;
  return async () => {
    await image;
  };
}

/**
 * pyenv's `python3` is a shell script that finds the interpreter on every call: about a second each on this
 * 2-core machine, and the suite starts python3 hundreds of times. The same interpreter's own folder goes first.
 */
async function pathWithoutPythonShim(): Promise<string> {
  const pathNow = process.env.PATH ?? '';
  const which = await execa('sh', ['-c', 'command -v python3'], { reject: false });
  if (!which.stdout.includes('/shims/')) return pathNow;
  const real = await execa('python3', ['-c', 'import sys; print(sys.executable)'], { reject: false });
  return real.exitCode === 0 ? `${path.dirname(real.stdout.trim())}${path.delimiter}${pathNow}` : pathNow;
}
