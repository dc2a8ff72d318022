// The docker sandbox: one hardened container per project and run, started once, every command an exec into it, removed
// at stop().
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type { ExecOptions, ExecResult, Sandbox, VerdictMount } from '../sandbox.js';
import {
  containerName,
  containerSpec,
  defaultLimits,
  hostUser,
  projectId,
  verdictInside,
  type ContainerSettings,
} from './container-spec.js';
import { errorMessage, UserError } from '../../util/errors.js';
import { checkImageTools, requiredTools } from './check-image-tools.js';
import { listingCheck } from './copy/bring-back.js';
import { CopySync, type SyncFigures } from './copy/copy-sync.js';
import { ensureImage } from './ensure-image.js';
import { execInContainer } from './exec-in-container.js';
import type { DockerEngine } from './find-docker-engine.js';
import { ignoreMissing, removeStaleContainers } from './stale-containers.js';

export type DockerSandboxOptions = {
  projectDir: string;
  image: string;
  runId: string;
  /** "uid:gid"; default: the host user. */
  user?: string;
  /** Told when containers of crashed runs are removed and when the image is pulled. */
  onNote?: (line: string) => void;
  /** mount: the project bind-mounted at /app; copy: copied in and synced around every command (default mount). */
  sync?: SyncMode;
};

export type SyncMode = 'mount' | 'copy';

export class DockerSandbox implements Sandbox {
  readonly kind = 'docker';
  /** The project is mounted here (container-spec.ts) and every exec starts in it. */
  readonly projectRoot = '/app';
  private readonly settings: ContainerSettings;
  private readonly docker: Docker;
  private container?: Docker.Container;
  private copy?: CopySync;
  /** Copy mode runs one command at a time: its sends and bring-backs must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Made at start(), mounted into the container (or synced in copy mode), removed at stop(). */
  verdictMount?: VerdictMount;
  /** Copy mode: how long the first send took and how many entries it sent. */
  firstSync?: SyncFigures;

  constructor(
    private readonly engine: DockerEngine,
    private readonly options: DockerSandboxOptions,
  ) {
    this.docker = engine.docker;
    this.settings = {
      projectDir: options.projectDir,
      image: options.image,
      runId: `${options.runId}-${crypto.randomBytes(2).toString('hex')}`,
      user: options.user ?? hostUser(),
      ...defaultLimits,
      copy: options.sync === 'copy',
    };
  }

  /** The engine the container runs on, as the user named it (DOCKER_HOST=…, a docker context, a socket). */
  get engineWhere(): string {
    return this.engine.where;
  }

  get sync(): SyncMode {
    return this.settings.copy ? 'copy' : 'mount';
  }

  /** The container's name while it runs (for the docker CLI). */
  get containerName(): string | undefined {
    return this.container ? containerName(this.settings) : undefined;
  }

  describe(): string {
    return (
      `docker ${this.settings.image} (container ${containerName(this.settings)}, no network, as ` +
      `${this.settings.user}, project ${this.settings.copy ? 'copied in (SANDBOX_SYNC=copy)' : 'mounted'}, via ` +
      `${this.engine.where})`
    );
  }

  async start(): Promise<void> {
    if (this.container) return;
    const removed = await removeStaleContainers(this.docker, projectId(this.settings.projectDir));
    if (removed.length > 0)
      this.options.onNote?.(`removed ${removed.length} container(s) left by an earlier run: ${removed.join(', ')}`);
    await ensureImage(this.docker, this.settings.image, this.engine.where, this.options.onNote);
    const verdictDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-verdict-'));
    const [uid, gid] = this.settings.user.split(':').map(Number) as [number, number];
    // The container's user writes the reports; factory running as root hands it the folder.
    if (process.getuid?.() === 0) fs.chownSync(verdictDir, uid, gid);
    this.verdictMount = { host: verdictDir, inside: verdictInside, owner: { uid, gid } };
    const container = await this.docker.createContainer(containerSpec({ ...this.settings, verdictDir }));
    try {
      await container.start();
      await checkImageTools(container, this.settings.image, this.settings.copy ? listingCheck : undefined);
      if (this.settings.copy) {
        const copy = new CopySync(container, { projectDir: this.settings.projectDir, verdictDir }, this.settings.user);
        this.firstSync = await copy.first().catch((error: unknown) => {
          throw new UserError(`SANDBOX_SYNC=copy: ${errorMessage(error)} (engine ${this.engine.where})`);
        });
        this.copy = copy;
      }
    } catch (error) {
      // The engine only stops a sandbox that started, so a failed start cleans up after itself.
      await container.remove({ force: true }).catch(() => undefined);
      this.removeVerdictDir();
      throw error instanceof UserError
        ? error
        : new UserError(
            `SANDBOX_IMAGE=${this.settings.image}: the sandbox container did not start ` +
              `(${errorMessage(error).trim()}); the image needs ${requiredTools}`,
          );
    }
    this.container = container;
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const container = this.container;
    if (!container) throw new Error('docker sandbox: exec before start()');
    const copy = this.copy;
    if (!copy) return execInContainer(container, command, options);
    const run = this.queue.then(async () => {
      await copy.beforeCommand();
      const result = await execInContainer(container, command, options);
      await copy.afterCommand();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Copy mode: sends what changed now (doctor and the bench time it); mount mode has nothing to send. */
  async syncNow(): Promise<SyncFigures | undefined> {
    const copy = this.copy;
    if (!copy) return undefined;
    const run = this.queue.then(() => copy.beforeCommand());
    this.queue = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    const container = this.container;
    this.container = undefined;
    this.copy = undefined;
    await container?.remove({ force: true }).catch(ignoreMissing);
    this.removeVerdictDir();
  }

  private removeVerdictDir(): void {
    if (this.verdictMount) fs.rmSync(this.verdictMount.host, { recursive: true, force: true });
    this.verdictMount = undefined;
  }
}
