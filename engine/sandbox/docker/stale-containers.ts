// Finds the containers a crashed run of this project left behind (by their labels) and removes them.
import os from 'node:os';
import type Docker from 'dockerode';
import { labels } from './container-spec.js';

/**
 * Removes this project's containers whose run is over: not running, or its process on this host is gone. Returns their
 * names.
 */
export async function removeStaleContainers(docker: Docker, projectId: string): Promise<string[]> {
  return removeStale(docker, `${labels.project}=${projectId}`);
}

/**
 * Every factory sandbox on the engine whose run is over, whatever its project: a pooled engine may hold the lines of
 * a run killed before (their worktrees are other folders than the checkout).
 */
export function removeStaleSandboxes(docker: Docker): Promise<string[]> {
  return removeStale(docker, `${labels.sandbox}=1`);
}

async function removeStale(docker: Docker, label: string): Promise<string[]> {
  const found = await docker.listContainers({ all: true, filters: { label: [label] } });
  const stale = found.filter((info) => info.State !== 'running' || runIsGone(info.Labels));
  await Promise.all(stale.map((info) => docker.getContainer(info.Id).remove({ force: true }).catch(ignoreMissing)));
  return stale.map((info) => info.Names[0]?.replace(/^\//, '') ?? info.Id.slice(0, 12));
}

/** A container from another host is left alone: its run may be alive there. */
function runIsGone(containerLabels: Record<string, string>): boolean {
  if (containerLabels[labels.host] !== os.hostname()) return false;
  const pid = Number(containerLabels[labels.pid]);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function ignoreMissing(error: unknown): void {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== 404 && status !== 409) throw error;
}
