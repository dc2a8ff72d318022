// Picks the sandbox named by SANDBOX (docker | local | auto).
import type { FactoryConfig } from '../config/factory-config.js';
import { newRunId } from '../run/prepare-run.js';
import { UserError } from '../util/errors.js';
import { sandboxImage } from './docker/default-images.js';
import { DockerSandbox } from './docker/docker-sandbox.js';
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

export async function createSandbox(projectDir: string, config: FactoryConfig, options: SandboxOptions = {}): Promise<SandboxChoice> {
  if (config.sandbox === 'local') return { sandbox: new LocalSandbox(projectDir) };
  const search = await findDockerEngine(options.env);
  if (!search.engine) {
    if (config.sandbox === 'docker') throw new UserError(`SANDBOX=docker: ${noEngineMessage(search)}; or set SANDBOX=local in factory_config.md`);
    return { sandbox: new LocalSandbox(projectDir), note: `SANDBOX=auto: ${noEngineMessage(search)}; tests run as local processes, without isolation` };
  }
  const image = sandboxImage(config.sandboxImage, config.language);
  if (!image) throw new UserError(`SANDBOX_IMAGE is empty and LANGUAGE=${config.language} has no default image; set SANDBOX_IMAGE= in factory_config.md (an image with your test tools, sh and coreutils timeout), or SANDBOX=local`);
  const sandbox = new DockerSandbox(search.engine, { projectDir, image, runId: options.runId ?? newRunId(), onNote: options.notice });
  return { sandbox };
}
