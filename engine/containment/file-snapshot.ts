// Byte-for-byte copies of a few files (.git's own, the locked tests) taken before an agent call, put back after it.
import fs from 'node:fs';
import path from 'node:path';

/** A file's content, a symlink's target, a folder, or nothing there. */
type Entry =
  | { kind: 'file'; content: Buffer; mode: number; stamp?: string }
  | { kind: 'link'; target: string }
  | { kind: 'dir' }
  | { kind: 'none' };

export type FileSnapshot = { root: string; entries: Map<string, Entry> };

/** relativePaths: project-relative paths, '/'-separated. */
export function snapshotFiles(root: string, relativePaths: Iterable<string>): FileSnapshot {
  const entries = new Map<string, Entry>();
  for (const relative of relativePaths) entries.set(relative, readEntry(path.join(root, relative)));
  return { root, entries };
}

/**
 * Puts back every path that differs from the snapshot; extra: paths found now that were not in it (removed).
 * Returns the paths that were changed, deepest first for removals so folders empty before they go.
 */
export function restoreFiles(snapshot: FileSnapshot, extra: Iterable<string> = []): string[] {
  const changed: string[] = [];
  for (const [relative, entry] of snapshot.entries) {
    const file = path.join(snapshot.root, relative);
    // The stamp first: a file whose inode, size and change time are as they were is not read again (.git/logs grow
    // every round). The change time cannot be set back by a writer, as the modification time can.
    if (entry.kind === 'file' && entry.stamp !== undefined && stampOf(file) === entry.stamp) continue;
    if (sameEntry(entry, readEntry(file))) continue;
    writeEntry(file, entry);
    changed.push(relative);
  }
  const added = [...extra].filter((relative) => !snapshot.entries.has(relative)).sort((a, b) => b.length - a.length);
  for (const relative of added) {
    fs.rmSync(path.join(snapshot.root, relative), { recursive: true, force: true });
    changed.push(relative);
  }
  return changed;
}

function readEntry(file: string): Entry {
  let stat: fs.BigIntStats;
  try {
    stat = fs.lstatSync(file, { bigint: true });
  } catch {
    return { kind: 'none' };
  }
  if (stat.isSymbolicLink()) return { kind: 'link', target: fs.readlinkSync(file) };
  if (stat.isDirectory()) return { kind: 'dir' };
  // Stamped before reading: a write during the read leaves a stamp that no longer matches, so it is read next time.
  // A file changed within the last second is not stamped: the file system's clock is coarse (a few ms), and a write
  // in the same tick would leave the same change time (git's "racy" entries).
  const settled = Date.now() - Number(stat.ctimeMs) > settleMs;
  return {
    kind: 'file',
    content: fs.readFileSync(file),
    mode: Number(stat.mode & 0o7777n),
    stamp: settled ? stamp(stat) : undefined,
  };
}

const settleMs = 1000;

const stamp = (stat: fs.BigIntStats): string =>
  `${stat.dev} ${stat.ino} ${stat.mode} ${stat.size} ${stat.mtimeNs} ${stat.ctimeNs}`;

function stampOf(file: string): string | undefined {
  const stat = fs.lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return stat?.isFile() ? stamp(stat) : undefined;
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'file' && b.kind === 'file') return a.mode === b.mode && a.content.equals(b.content);
  if (a.kind === 'link' && b.kind === 'link') return a.target === b.target;
  return true;
}

function writeEntry(file: string, entry: Entry): void {
  const current = readEntry(file);
  // Whatever stands there now goes first: a link must never be written through, a folder never written over.
  if (current.kind !== 'none' && !(current.kind === 'dir' && entry.kind === 'dir'))
    fs.rmSync(file, { recursive: true, force: true });
  if (entry.kind === 'none') return;
  if (entry.kind === 'dir') return void fs.mkdirSync(file, { recursive: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (entry.kind === 'link') return void fs.symlinkSync(entry.target, file);
  fs.writeFileSync(file, entry.content, { mode: entry.mode });
  fs.chmodSync(file, entry.mode);
}
