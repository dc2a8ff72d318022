// Checks once, at start, that the image has what every exec relies on (sh, coreutils timeout), so a bad image fails
// with its name, not as red tests.
import type Docker from 'dockerode';
import { errorMessage, UserError } from '../../util/errors.js';

export const requiredTools = 'sh, sleep and timeout (coreutils)';

export async function checkImageTools(container: Docker.Container, image: string): Promise<void> {
  let exitCode: number | null = null;
  let problem = '';
  try {
    const exec = await container.exec({
      Cmd: ['sh', '-c', 'command -v timeout'],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    stream.resume();
    await new Promise((resolve) => stream.once('end', resolve).once('close', resolve).once('error', resolve));
    exitCode = (await exec.inspect()).ExitCode ?? null;
  } catch (error) {
    problem = `: ${errorMessage(error).trim()}`;
  }
  if (exitCode !== 0)
    throw new UserError(
      `SANDBOX_IMAGE=${image} lacks what the sandbox needs inside: ${requiredTools}${problem}; use an image ` +
        'that has them (Debian- and Alpine-based images do)',
    );
}
