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
};

export class DockerSandbox implements Sandbox {
  readonly kind = 'docker';
  /** The project is mounted here (container-spec.ts) and every exec starts in it. */
  readonly projectRoot = '/app';
  private readonly settings: ContainerSettings;
  private readonly docker: Docker;
  private container?: Docker.Container;
  /** Made at start(), mounted into the container, removed at stop(). */
  verdictMount?: VerdictMount;

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
    };
  }

  /** The container's name while it runs (for the docker CLI). */
  get containerName(): string | undefined {
    return this.container ? containerName(this.settings) : undefined;
  }

  describe(): string {
    return (
      `docker ${this.settings.image} (container ${containerName(this.settings)}, no network, as ` +
      `${this.settings.user}, via ${this.engine.where})`
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
      await checkImageTools(container, this.settings.image);
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
    if (!this.container) throw new Error('docker sandbox: exec before start()');
    return execInContainer(this.container, command, options);
  }

  async stop(): Promise<void> {
    const container = this.container;
    this.container = undefined;
    await container?.remove({ force: true }).catch(ignoreMissing);
    this.removeVerdictDir();
  }

  private removeVerdictDir(): void {
    if (this.verdictMount) fs.rmSync(this.verdictMount.host, { recursive: true, force: true });
    this.verdictMount = undefined;
  }
}
