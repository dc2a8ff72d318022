// Makes sure the sandbox image is on the engine: used as is when present, pulled once otherwise.
import type Docker from 'dockerode';
import { errorMessage, UserError } from '../../util/errors.js';

export async function ensureImage(
  docker: Docker,
  image: string,
  where: string,
  onNote?: (line: string) => void,
): Promise<void> {
  const present = await docker
    .getImage(image)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (present) return;
  onNote?.(`pulling the sandbox image ${image}…`);
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    throw new UserError(
      `SANDBOX_IMAGE=${image}: not on the Docker engine (${where}) and it could not be pulled: ` +
        `${errorMessage(error).trim()}\nbuild or load it there first, or set SANDBOX_IMAGE= in factory_config.md ` +
        'to an image you have (docker images lists them)',
    );
  }
}
