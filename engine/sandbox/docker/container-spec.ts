// What the sandbox container is: its name, labels and hardened settings (no network, no capabilities, limits, the host
// user).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';

/**
 * Label keys; `project` finds every container of one project folder, `pid` and `host` tell whether its run is still
 * alive.
 */
export const labels = {
  sandbox: 'dev.factory.sandbox',
  project: 'dev.factory.project',
  dir: 'dev.factory.dir',
  run: 'dev.factory.run',
  pid: 'dev.factory.pid',
  host: 'dev.factory.host',
} as const;

export type ContainerSettings = {
  projectDir: string;
  image: string;
  /** The run's id plus a random part: two runs started in the same second still get different names. */
  runId: string;
  /** "uid:gid" the commands run as; files they write in /app belong to it. */
  user: string;
  memoryBytes: number;
  pidsLimit: number;
  /** The host folder mounted at verdictInside: verdict runs' report folders and canaries, outside /app. */
  verdictDir?: string;
  /** SANDBOX_SYNC=copy: nothing of the host is mounted; the project is copied in (copy/copy-sync.ts). */
  copy?: boolean;
};

/** Where the verdict folder is mounted in the container. */
export const verdictInside = '/factory-verdict';

/** Enough for a test suite, small enough that a runaway test cannot take the machine. */
export const defaultLimits = { memoryBytes: 2 * 1024 ** 3, pidsLimit: 512 };

/** A short stable id per project folder, for labels and names. */
export function projectId(projectDir: string): string {
  return crypto.createHash('sha256').update(path.resolve(projectDir)).digest('hex').slice(0, 12);
}

export function containerName(settings: ContainerSettings): string {
  const base =
    path
      .basename(path.resolve(settings.projectDir))
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 40) || 'project';
  return `factory-${base}-${projectId(settings.projectDir)}-${settings.runId}`;
}

/** The host user, so files written in /app are not root-owned; root where uids do not exist (Windows). */
export function hostUser(): string {
  return process.getuid && process.getgid ? `${process.getuid()}:${process.getgid()}` : '0:0';
}

export function containerSpec(settings: ContainerSettings): Docker.ContainerCreateOptions {
  return {
    name: containerName(settings),
    Image: settings.image,
    // A do-nothing main process keeps the container up; every command is an exec into it.
    Cmd: ['sleep', 'infinity'],
    WorkingDir: '/app',
    User: settings.user,
    // The uid may have no home in the image; tools (pip, npm, pytest plugins) want a writable one.
    Env: ['HOME=/tmp', 'CI=true', 'PYTHONDONTWRITEBYTECODE=1'],
    Labels: {
      [labels.sandbox]: '1',
      [labels.project]: projectId(settings.projectDir),
      [labels.dir]: path.resolve(settings.projectDir),
      [labels.run]: settings.runId,
      [labels.pid]: String(process.pid),
      [labels.host]: os.hostname(),
    },
    HostConfig: {
      Binds: settings.copy
        ? []
        : [
            ...projectBinds(path.resolve(settings.projectDir)),
            ...(settings.verdictDir ? [`${settings.verdictDir}:${verdictInside}`] : []),
          ],
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: settings.memoryBytes,
      MemorySwap: settings.memoryBytes,
      PidsLimit: settings.pidsLimit,
      // An init as PID 1 reaps the zombies that killed test processes leave.
      Init: true,
      Tmpfs: { '/tmp': 'rw,exec,nosuid,nodev,size=1g,mode=1777' },
    },
  };
}

/**
 * The project at /app, its .git read-only over it: no command in the sandbox (a worker's sandbox_exec) may change it.
 */
function projectBinds(projectDir: string): string[] {
  const git = path.join(projectDir, '.git');
  return [`${projectDir}:/app`, ...(fs.existsSync(git) ? [`${git}:/app/.git:ro`] : [])];
}
