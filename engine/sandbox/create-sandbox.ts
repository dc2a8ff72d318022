// Picks the sandbox named by SANDBOX: docker, local, or auto (docker when an engine answers and has the image, else
// local with a note).
import type { FactoryConfig } from '../config/factory-config.js';
import { newRunId } from '../run/prepare-run.js';
import { errorMessage, UserError } from '../util/errors.js';
import { sandboxImage } from './docker/default-images.js';
import { DockerSandbox } from './docker/docker-sandbox.js';
import { ensureImage } from './docker/ensure-image.js';
import { findDockerEngine, noEngineMessage } from './docker/find-docker-engine.js';
import { LocalSandbox } from './local-sandbox.js';
import type { Sandbox } from './sandbox.js';

export type SandboxChoice = { sandbox: Sandbox; note?: string };

export type SandboxOptions = {
  /** Names and labels the container after the run. */
  runId?: string;
  /** Told what the docker sandbox cleaned up from earlier runs. */
  notice?: (line: string) => void;
  /** Where to look for a Docker engine (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
};

export async function createSandbox(
  projectDir: string,
  config: FactoryConfig,
  options: SandboxOptions = {},
): Promise<SandboxChoice> {
  if (config.sandbox === 'local') return { sandbox: new LocalSandbox(projectDir) };
  // auto never fails a run for want of Docker: it says why and runs the tests locally.
  const local = (reason: string): SandboxChoice => ({
    sandbox: new LocalSandbox(projectDir),
    note: `SANDBOX=auto: ${reason}\ntests run as local processes, without isolation`,
  });
  const search = await findDockerEngine(options.env);
  if (!search.engine) {
    if (config.sandbox === 'docker')
      throw new UserError(`SANDBOX=docker: ${noEngineMessage(search)}; or set SANDBOX=local in factory_config.md`);
    return local(noEngineMessage(search));
  }
  const image = sandboxImage(config.sandboxImage, config.language);
  if (!image) {
    const reason = `SANDBOX_IMAGE is empty and LANGUAGE=${config.language} has no default image`;
    if (config.sandbox === 'auto') return local(reason);
    throw new UserError(
      `${reason}; set SANDBOX_IMAGE= in factory_config.md (an image with your test tools, sh and coreutils ` +
        'timeout), or SANDBOX=local',
    );
  }
  if (config.sandbox === 'auto') {
    const missing = await ensureImage(search.engine.docker, image, search.engine.where, options.notice).then(
      () => undefined,
      (error: unknown) => errorMessage(error),
    );
    if (missing) return local(missing);
  }
  return {
    sandbox: new DockerSandbox(search.engine, {
      projectDir,
      image,
      runId: options.runId ?? newRunId(),
      onNote: options.notice,
    }),
  };
}
