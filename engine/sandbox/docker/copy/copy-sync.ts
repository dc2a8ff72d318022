// SANDBOX_SYNC=copy: the project goes into the container through the archive API instead of a bind mount. Before every
// command only what changed since the last send goes (and what the work tree lost is removed there); after it, what the
// command wrote comes back (bring-back.ts).
import type Docker from 'dockerode';
import { errorMessage } from '../../../util/errors.js';
import { bringBack } from './bring-back.js';
import { execCollect } from './exec-collect.js';
import { appInside, type HostFiles, scanHostFiles, type SyncRoots, verdictInsideRoot } from './host-files.js';
import { type FolderEntry, type Owners, sendArchive } from './send-archive.js';

export type SyncFigures = { sent: number; removed: number; ms: number };

export class CopySync {
  /** What the container has, as the host had it when sent (or wrote it on bringing back). */
  private sent: HostFiles = new Map();
  private readonly owners: Owners;

  constructor(
    private readonly container: Docker.Container,
    private readonly roots: SyncRoots,
    user: string,
  ) {
    const [uid, gid] = user.split(':').map(Number) as [number, number];
    // Another user than the commands' owns .git and the mark: theirs could chmod them.
    this.owners = { uid, gid, other: uid === 0 ? 65534 : 0 };
  }

  /** The whole project, at start. */
  async first(): Promise<SyncFigures> {
    const { other, uid, gid } = this.owners;
    const folders: FolderEntry[] = [
      // Sticky and another user's: commands make files in /app but cannot rename .git away and put their own there.
      { at: appInside, mode: 0o1775, uid: other, gid },
      { at: verdictInsideRoot, mode: 0o755, uid, gid },
    ];
    return this.send(folders);
  }

  /** What changed on the host since the last send: sent, and what the host no longer has removed in the container. */
  beforeCommand(): Promise<SyncFigures> {
    return this.send([]);
  }

  /** What the command changed, brought back to the host. */
  async afterCommand(): Promise<void> {
    const back = await bringBack(this.container, this.roots, this.sent);
    for (const at of back.removed) this.forget(at);
    // The host's new state is what the container has: not sent again.
    if (back.written.length > 0) this.sent = mergeScan(this.sent, await scanHostFiles(this.roots), back.written);
  }

  private async send(folders: FolderEntry[]): Promise<SyncFigures> {
    const started = performance.now();
    const now = await scanHostFiles(this.roots);
    const changed = [...now].filter(([at, entry]) => this.sent.get(at)?.signature !== entry.signature);
    const gone = [...this.sent.keys()].filter((at) => !now.has(at));
    changed.sort(([a], [b]) => (a < b ? -1 : 1));
    try {
      await this.container.putArchive(sendArchive(changed, folders, this.owners), { path: '/' });
    } catch (error) {
      throw new Error(`copying the project into the sandbox failed: ${errorMessage(error).trim()}`);
    }
    // .git keeps what it had (its files are not the commands' to remove); a verdict folder the host removed is unused.
    const removed = topmost(
      gone.filter((at) => !this.sent.get(at)?.readOnly && !at.startsWith(`${verdictInsideRoot}/`)),
    );
    for (let start = 0; start < removed.length; start += 500) {
      const done = await execCollect(this.container, ['rm', '-rf', '--', ...removed.slice(start, start + 500)]);
      if (done.exitCode !== 0) throw new Error(`removing deleted files in the sandbox failed: ${done.stderr.trim()}`);
    }
    this.sent = now;
    return { sent: changed.length, removed: removed.length, ms: performance.now() - started };
  }

  private forget(at: string): void {
    for (const key of [...this.sent.keys()]) if (key === at || key.startsWith(`${at}/`)) this.sent.delete(key);
  }
}

/** After bringing files back: the host's stat of what was written, so the next send skips them. */
function mergeScan(sent: HostFiles, scanned: HostFiles, written: string[]): HostFiles {
  const writtenHosts = new Set(written);
  const merged = new Map(sent);
  for (const [at, entry] of scanned) if (writtenHosts.has(entry.host)) merged.set(at, entry);
  return merged;
}

/** Paths without those under another in the list (removing a folder removes them). */
function topmost(paths: string[]): string[] {
  const sorted = [...paths].sort();
  const kept: string[] = [];
  for (const at of sorted) if (!kept.some((top) => at.startsWith(`${top}/`))) kept.push(at);
  return kept;
}
