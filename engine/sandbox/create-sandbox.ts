// Picks the sandbox named by SANDBOX: docker, local (confined by the OS sandbox), auto (docker when an engine answers
// and has the image, else confined local, with a note), or none (unconfined local processes, with a warning).
import type { FactoryConfig } from '../config/factory-config.js';
import { detectOsSandbox, type NoOsSandbox, type OsSandbox } from '../containment/os-sandbox.js';
import { newRunId } from '../run/prepare-run.js';
import { errorMessage, UserError } from '../util/errors.js';
import { sandboxImage } from './docker/default-images.js';
import { DockerSandbox, type SyncMode } from './docker/docker-sandbox.js';
import { ensureImage } from './docker/ensure-image.js';
import { type DockerEngine, findDockerEngine, noEngineMessage } from './docker/find-docker-engine.js';
import { LocalSandbox } from './local-sandbox.js';
import type { Sandbox } from './sandbox.js';

/** `note`: a warning (the run is less isolated than asked); `info`: what was chosen and why (SANDBOX_SYNC=auto). */
export type SandboxChoice = { sandbox: Sandbox; note?: string; info?: string };

export type SandboxOptions = {
  /** Names and labels the container after the run. */
  runId?: string;
  /** Told what the docker sandbox cleaned up from earlier runs. */
  notice?: (line: string) => void;
  /** Where to look for a Docker engine (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** The OS sandbox that confines local test runs (default: the one detected here). */
  osSandbox?: OsSandbox | NoOsSandbox;
  /** The locked tests now, read-only to the code under test (default: none). */
  lockedPaths?: () => readonly string[];
};

const unconfinedWarning =
  'SANDBOX=none: tests run as local processes WITHOUT ISOLATION: the code the model writes can read, write and ' +
  'delete anything you can, and reach the network';

export async function createSandbox(
  projectDir: string,
  config: FactoryConfig,
  options: SandboxOptions = {},
): Promise<SandboxChoice> {
  if (config.sandbox === 'none') return { sandbox: new LocalSandbox(projectDir), note: unconfinedWarning };
  const confined = (): LocalSandbox => confinedLocalSandbox(projectDir, config.sandbox, options);
  if (config.sandbox === 'local') return { sandbox: confined() };
  // auto never runs the tests unconfined for want of Docker: it says why and confines them locally.
  const local = (reason: string): SandboxChoice => {
    const sandbox = confined();
    return { sandbox, note: `SANDBOX=auto: ${reason}\ntests run as ${sandbox.describe()}` };
  };
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
  const sync = chooseSync(config.sandboxSync, search.engine);
  return {
    sandbox: new DockerSandbox(search.engine, {
      projectDir,
      image,
      runId: options.runId ?? newRunId(),
      onNote: options.notice,
      sync: sync.mode,
    }),
    ...(sync.note ? { info: sync.note } : {}),
  };
}

/** SANDBOX_SYNC=auto copies when the engine is not on this machine (tcp://, ssh://) and says which it chose. */
export function chooseSync(
  setting: FactoryConfig['sandboxSync'],
  engine: DockerEngine,
): { mode: SyncMode; note?: string } {
  if (setting !== 'auto') return { mode: setting };
  if (!engine.remote) return { mode: 'mount' };
  return {
    mode: 'copy',
    note:
      `SANDBOX_SYNC=auto: the Docker engine (${engine.where}) may be on another machine, so the project is copied ` +
      'into the container (only changes before each test run, what commands write brought back); set ' +
      'SANDBOX_SYNC=mount if it shares this file system',
  };
}

/**
 * Local processes inside the OS sandbox; where none can be made, the clear stop.
 * @internal the tests' SANDBOX=local sandbox (test/support/confined-sandbox.ts).
 */
export function confinedLocalSandbox(
  projectDir: string,
  setting: string,
  options: Pick<SandboxOptions, 'osSandbox' | 'lockedPaths'> = {},
): LocalSandbox {
  const os = options.osSandbox ?? detectOsSandbox();
  if (os.kind === 'none') throw new UserError(noOsSandboxMessage(setting, os));
  return new LocalSandbox(projectDir, { confinement: { os, lockedPaths: options.lockedPaths ?? (() => []) } });
}

/** The three ways on when local test runs cannot be confined. */
function noOsSandboxMessage(setting: string, os: NoOsSandbox): string {
  return (
    `SANDBOX=${setting}: tests cannot run confined here: ${os.reason}. Either ${os.fix}; or run the tests in ` +
    'Docker (start a Docker engine, SANDBOX=docker); or set SANDBOX=none in factory_config.md to run them ' +
    'unconfined (unsafe: the code the model writes can then change anything you can)'
  );
}
