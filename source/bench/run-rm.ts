// One command in a fresh container removed afterwards, as `docker run --rm` does it, through the API: the cost the
// persistent container avoids.
import crypto from 'node:crypto';
import type Docker from 'dockerode';
import { containerSpec, defaultLimits, hostUser } from '../../engine/sandbox/docker/container-spec.js';

export async function runRm(
  docker: Docker,
  image: string,
  projectDir: string,
  command: string[],
): Promise<number | null> {
  const spec = containerSpec({
    projectDir,
    image,
    runId: `bench-${crypto.randomBytes(4).toString('hex')}`,
    user: hostUser(),
    ...defaultLimits,
  });
  const container = await docker.createContainer({
    ...spec,
    Cmd: command,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: { ...spec.HostConfig, AutoRemove: true },
  });
  const stream = await container.attach({ stream: true, stdout: true, stderr: true });
  stream.resume();
  // Asked before start, as the CLI does, so the exit cannot be missed; "removed" also waits for --rm's clean-up.
  const exited = container.wait({ condition: 'removed' }) as Promise<{ StatusCode: number }>;
  await container.start();
  return (await exited).StatusCode ?? null;
}
