// What copy mode sends: the project's files as git sees them (tracked, and untracked but not ignored), .git read-only,
// the test reports folder, and the verdict folder; each with the stat that tells whether it changed since the last send.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from '../../../git/run-git.js';

export type EntryKind = 'file' | 'dir' | 'link';

export type HostEntry = {
  /** The path on the host. */
  host: string;
  kind: EntryKind;
  mode: number;
  /** Size, times, inode and mode: ctime cannot be set back by a program, so a changed file never looks the same. */
  signature: string;
  /** .git: sent owned by another user and without write bits, so nothing in the container can change it. */
  readOnly: boolean;
};

/** Container path (/app/x, /factory-verdict/y) to what the host has there. */
export type HostFiles = Map<string, HostEntry>;

export type SyncRoots = { projectDir: string; verdictDir?: string };

export const appInside = '/app';
export const verdictInsideRoot = '/factory-verdict';
/** The reports test runs write in the project (runner-report.ts): sent and brought back although git ignores them. */
const reportsFolder = '.factory/reports';

export async function scanHostFiles(roots: SyncRoots): Promise<HostFiles> {
  const files: HostFiles = new Map();
  const listed = await runGit(roots.projectDir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  for (const relative of new Set(listed.split('\0'))) {
    if (relative === '') continue;
    const host = path.join(roots.projectDir, relative);
    const stat = fs.lstatSync(host, { throwIfNoEntry: false });
    // Listed by the index but gone from the work tree: the tests must not see it.
    if (!stat) continue;
    addParents(files, roots.projectDir, relative);
    // A submodule is one gitlink entry: its files come from walking it (without its .git).
    if (stat.isDirectory()) walk(files, host, inside(relative), false);
    else add(files, inside(relative), host, stat, false);
  }
  for (const extra of [reportsFolder, '.git']) {
    const host = path.join(roots.projectDir, extra);
    const stat = fs.lstatSync(host, { throwIfNoEntry: false });
    if (!stat) continue;
    addParents(files, roots.projectDir, extra);
    if (stat.isDirectory()) walk(files, host, inside(extra), extra === '.git');
    else add(files, inside(extra), host, stat, extra === '.git');
  }
  if (roots.verdictDir) walk(files, roots.verdictDir, verdictInsideRoot, false, true);
  return files;
}

const inside = (relative: string): string => path.posix.join(appInside, relative.split(path.sep).join('/'));

function addParents(files: HostFiles, projectDir: string, relative: string): void {
  const parts = relative.split(/[\\/]/).slice(0, -1);
  for (let depth = 1; depth <= parts.length; depth++) {
    const at = inside(parts.slice(0, depth).join('/'));
    if (files.has(at)) continue;
    const host = path.join(projectDir, ...parts.slice(0, depth));
    const stat = fs.lstatSync(host, { throwIfNoEntry: false });
    if (stat?.isDirectory()) add(files, at, host, stat, false);
  }
}

function walk(files: HostFiles, host: string, at: string, readOnly: boolean, skipRoot = false): void {
  const stat = fs.lstatSync(host, { throwIfNoEntry: false });
  if (!stat) return;
  if (!skipRoot) add(files, at, host, stat, readOnly);
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(host)) {
    // A nested .git (a submodule's) stays on the host, like git leaves it out of the listing.
    if (name === '.git' && !readOnly) continue;
    walk(files, path.join(host, name), path.posix.join(at, name), readOnly);
  }
}

function add(files: HostFiles, at: string, host: string, stat: fs.Stats, readOnly: boolean): void {
  const kind: EntryKind | undefined = stat.isFile()
    ? 'file'
    : stat.isDirectory()
      ? 'dir'
      : stat.isSymbolicLink()
        ? 'link'
        : undefined;
  if (!kind) return;
  // A folder's own times change with every file in it; only its mode matters to the container.
  const signature =
    kind === 'dir' ? `d${stat.mode}` : `${kind}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.mode}`;
  files.set(at, { host, kind, mode: stat.mode & 0o7777, signature, readOnly });
}

/** The host path of a container path under one of the roots, or undefined outside them. */
export function hostPathOf(roots: SyncRoots, at: string): string | undefined {
  const under = (root: string): string | undefined =>
    at === root || at.startsWith(`${root}/`) ? at.slice(root.length + 1) : undefined;
  const inApp = under(appInside);
  if (inApp !== undefined) return path.join(roots.projectDir, ...inApp.split('/'));
  const inVerdict = roots.verdictDir ? under(verdictInsideRoot) : undefined;
  return inVerdict !== undefined && roots.verdictDir ? path.join(roots.verdictDir, ...inVerdict.split('/')) : undefined;
}
