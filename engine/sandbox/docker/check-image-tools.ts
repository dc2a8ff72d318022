// Checks once, at start, that the image has what every exec relies on (sh, coreutils timeout), so a bad image fails
// with its name, not as red tests.
import type Docker from 'dockerode';
import { errorMessage, UserError } from '../../util/errors.js';

export const requiredTools = 'sh, sleep and timeout (coreutils)';
const copyTools = 'GNU find and xargs (findutils), for SANDBOX_SYNC=copy';

/** `extraCheck`: copy mode's listing of changes (bring-back.ts) needs GNU find. */
export async function checkImageTools(container: Docker.Container, image: string, extraCheck?: string): Promise<void> {
  let exitCode: number | null = null;
  let problem = '';
  try {
    const exec = await container.exec({
      Cmd: ['sh', '-c', extraCheck ? `command -v timeout && ${extraCheck}` : 'command -v timeout'],
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
      `SANDBOX_IMAGE=${image} lacks what the sandbox needs inside: ${requiredTools}${extraCheck ? `, ${copyTools}` : ''}` +
        `${problem}; use an image that has them (${extraCheck ? 'Debian-based images do' : 'Debian- and Alpine-based images do'})`,
    );
}
