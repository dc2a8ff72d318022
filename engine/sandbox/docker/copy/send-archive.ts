// One tar stream of what changed, unpacked by the engine at the container's / (putArchive): project files owned by the
// command user, .git and the sync mark owned by another user without write bits, the mark last.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { HostEntry } from './host-files.js';

export type Owners = { uid: number; gid: number; other: number };

/** Its change time is the line between what the engine unpacked and what a command wrote after (bring-back.ts). */
export const markPath = '/.factory-sync/mark';

/** Folders the container needs before any file: /app (sticky, so .git cannot be renamed away), the verdict root. */
export type FolderEntry = { at: string; mode: number; uid: number; gid: number };

export function sendArchive(entries: [string, HostEntry][], folders: FolderEntry[], owners: Owners): Readable {
  const pack = tar.pack();
  const mtime = new Date();
  void (async () => {
    try {
      for (const folder of folders)
        await add(pack, {
          name: name(folder.at),
          type: 'directory',
          mode: folder.mode,
          uid: folder.uid,
          gid: folder.gid,
          mtime,
        });
      for (const [at, entry] of entries) await add(pack, header(at, entry, owners), content(entry));
      await add(pack, {
        name: name('/.factory-sync'),
        type: 'directory',
        mode: 0o555,
        uid: owners.other,
        gid: owners.other,
        mtime,
      });
      await add(pack, { name: name(markPath), mode: 0o444, uid: owners.other, gid: owners.other, mtime }, '');
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
  })();
  return pack;
}

const name = (at: string): string => at.replace(/^\/+/, '');

function header(at: string, entry: HostEntry, owners: Owners): tar.Headers {
  const uid = entry.readOnly ? owners.other : owners.uid;
  const gid = entry.readOnly ? owners.other : owners.gid;
  const mode = entry.readOnly ? entry.mode & ~0o222 : entry.mode;
  const base = { name: name(at), mode, uid, gid, mtime: new Date() };
  if (entry.kind === 'dir') return { ...base, type: 'directory' };
  if (entry.kind === 'link') return { ...base, type: 'symlink', linkname: fs.readlinkSync(entry.host) };
  return { ...base, type: 'file' };
}

/** A file is read whole, so its size in the header is the size sent even when it changes meanwhile. */
function content(entry: HostEntry): Buffer | undefined {
  if (entry.kind !== 'file') return undefined;
  try {
    return fs.readFileSync(entry.host);
  } catch {
    // Deleted since the scan: sent empty now, gone from the container at the next send.
    return Buffer.alloc(0);
  }
}

function add(pack: tar.Pack, headers: tar.Headers, body?: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const withSize = typeof body === 'undefined' ? headers : { ...headers, size: Buffer.byteLength(body) };
    pack.entry(withSize, body ?? undefined, (error) => (error ? reject(error) : resolve()));
  });
}
