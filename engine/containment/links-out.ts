// Links an agent made in the work tree that lead out of it: symlinks pointing outside the project or into .git, and
// hard links (a second name for a file that may live elsewhere). Found after each call and removed.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

/** The links found in the work tree: path -> identity (inode and target), to tell the new ones from those before. */
export type LinkMap = Map<string, string>;

export type LinkOut = { path: string; reason: string };

export async function findLinks(projectDir: string): Promise<LinkMap> {
  const links: LinkMap = new Map();
  for (const file of await workTreeFiles(projectDir)) {
    const stat = lstat(path.join(projectDir, file));
    if (stat?.isSymbolicLink()) links.set(file, `symlink ${stat.ino} ${fs.readlinkSync(path.join(projectDir, file))}`);
    else if (stat?.isFile() && stat.nlink > 1) links.set(file, `hard ${stat.ino}`);
  }
  return links;
}

/** Removes the links that are new since `before` and lead out; returns what was removed and why. */
export async function removeLinksOut(projectDir: string, before: LinkMap): Promise<LinkOut[]> {
  const root = fs.realpathSync(projectDir);
  const now = await findLinks(projectDir);
  const inodes = new Map<string, number>();
  for (const identity of now.values()) inodes.set(identity, (inodes.get(identity) ?? 0) + 1);
  const removed: LinkOut[] = [];
  for (const [file, identity] of now) {
    if (before.get(file) === identity) continue;
    const absolute = path.join(projectDir, file);
    const reason = identity.startsWith('symlink')
      ? symlinkOut(root, absolute)
      : hardLinkOut(absolute, inodes.get(identity) ?? 0);
    if (!reason) continue;
    fs.rmSync(absolute, { force: true });
    removed.push({ path: file, reason });
  }
  return removed;
}

function symlinkOut(root: string, absolute: string): string | undefined {
  const target = path.resolve(path.dirname(absolute), fs.readlinkSync(absolute));
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    real = target;
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return `a symlink leading outside the project (to ${target}), removed`;
  if (relative.split(path.sep)[0] === '.git') return 'a symlink leading into .git/, removed';
  return undefined;
}

/** A hard link whose other names are all outside the work tree's listed files shares a file with the world outside. */
function hardLinkOut(absolute: string, namesInProject: number): string | undefined {
  const stat = lstat(absolute);
  if (!stat || stat.nlink <= namesInProject) return undefined;
  return 'a hard link to a file outside the project, removed';
}

/** Tracked and untracked files, ignored ones left out (node_modules, .venv, .factory). */
async function workTreeFiles(projectDir: string): Promise<string[]> {
  const listed = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectDir,
    reject: false,
  });
  return listed.exitCode === 0 ? [...new Set(listed.stdout.split('\0').filter(Boolean))] : [];
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}
