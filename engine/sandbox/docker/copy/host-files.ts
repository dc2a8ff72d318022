// What copy mode sends: the project's files as git sees them (tracked, and untracked but not ignored), .git read-only,
// the test reports folder, and the verdict folder; each with the stat that tells whether it changed since the last send.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from '../../../git/run-git.js';

type EntryKind = 'file' | 'dir' | 'link';

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
  // Git lists a folder's files together: its parents are added once, not for each file.
  let lastParent = '';
  for (const listed of await projectFiles(roots.projectDir)) {
    const host = roots.projectDir + path.sep + listed.path;
    const parent = listed.path.slice(0, Math.max(0, listed.path.lastIndexOf('/')));
    if (parent !== lastParent) addParents(files, roots.projectDir, listed.path);
    lastParent = parent;
    if (listed.clean) {
      files.set(inside(listed.path), { host, ...listed.clean, readOnly: false });
      continue;
    }
    const stat = fs.lstatSync(host, { throwIfNoEntry: false });
    // Listed by the index but gone from the work tree: the tests must not see it.
    if (!stat) continue;
    // A submodule is one gitlink entry: its files come from walking it (without its .git).
    if (stat.isDirectory()) walk(files, host, inside(listed.path), false);
    else add(files, inside(listed.path), host, stat, false);
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

type Listed = { path: string; clean?: { kind: EntryKind; mode: number; signature: string } };

/**
 * The project's files from git: the index's entries with their blob ids, and from `git status` (git's own stat cache,
 * ctime and inode included) which of them the work tree changed or lost, and the untracked files it does not ignore.
 * A file as the index has it is known by its blob id without a stat; only the others are stat'ed here.
 */
async function projectFiles(projectDir: string): Promise<Listed[]> {
  const [index, status] = await Promise.all([
    runGit(projectDir, ['ls-files', '-z', '--stage']),
    runGit(projectDir, [
      '--no-optional-locks',
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--no-renames',
      '--ignore-submodules=all',
    ]),
  ]);
  const dirty = new Set<string>();
  const listed: Listed[] = [];
  for (const entry of status.split('\0')) {
    if (entry.length < 4) continue;
    const file = entry.slice(3);
    if (entry.startsWith('??')) listed.push({ path: file });
    else if (entry[1] !== ' ') dirty.add(file);
  }
  const seen = new Set<string>();
  for (const line of index.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const file = line.slice(tab + 1);
    // A conflicted file has several stages: one entry.
    if (seen.has(file)) continue;
    seen.add(file);
    const [mode = '', blob = ''] = line.slice(0, tab).split(' ');
    if (dirty.has(file) || mode === '160000') listed.push({ path: file });
    else
      listed.push({
        path: file,
        clean: {
          kind: mode === '120000' ? 'link' : 'file',
          mode: mode === '100755' ? 0o755 : 0o644,
          signature: `blob:${blob}:${mode}`,
        },
      });
  }
  return listed;
}

/** git and the walks give paths with "/" (git on Windows too). */
const inside = (relative: string): string => `${appInside}/${relative}`;

function addParents(files: HostFiles, projectDir: string, relative: string): void {
  const slash = relative.lastIndexOf('/');
  if (slash < 0) return;
  const parent = relative.slice(0, slash);
  const at = inside(parent);
  if (files.has(at)) return;
  addParents(files, projectDir, parent);
  const host = path.join(projectDir, parent);
  const stat = fs.lstatSync(host, { throwIfNoEntry: false });
  if (stat?.isDirectory()) add(files, at, host, stat, false);
}

function walk(files: HostFiles, host: string, at: string, readOnly: boolean, skipRoot = false): void {
  const stat = fs.lstatSync(host, { throwIfNoEntry: false });
  if (!stat) return;
  if (!skipRoot) add(files, at, host, stat, readOnly);
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(host, { withFileTypes: true })) {
    // A nested .git (a submodule's) stays on the host, like git leaves it out of the listing.
    if (entry.name === '.git' && !readOnly) continue;
    const child = path.join(host, entry.name);
    const childAt = path.posix.join(at, entry.name);
    if (readOnly && entry.isFile() && immutableObject.test(childAt)) addObject(files, childAt, child);
    else walk(files, child, childAt, readOnly);
  }
}

/** git's objects and packs never change once written (their name is their content's hash): no stat each send. */
const immutableObject = /\/\.git\/objects\/([0-9a-f]{2}\/[0-9a-f]{38,}|pack\/pack-[0-9a-f]+\.(pack|idx|rev))$/;

function addObject(files: HostFiles, at: string, host: string): void {
  files.set(at, { host, kind: 'file', mode: 0o444, signature: 'object', readOnly: true });
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
