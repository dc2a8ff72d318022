// One pass over the work tree before and after each agent call, serving two checks of work-tree-guard.ts: the names
// git refuses (git-refused-names.ts: git's own listing hides a nested ".git", so the tree is walked) and the links
// that lead out (links-out.ts: symlinks and hard links, an lstat of each file). Folders git ignores are skipped (git
// add leaves them alone, as does a link scan of the files git lists), as is the project's own .git; a folder at a
// refused name is not entered (it is removed whole).
import fs from 'node:fs';
import path from 'node:path';
import { gitRefusesName } from '../git/path-git-refuses.js';
import { runGit } from '../git/run-git.js';

/** The links found in the work tree: path -> identity (inode and target), to tell the new ones from those before. */
export type LinkMap = Map<string, string>;

export type WorkTreeWalk = {
  /** Project-relative paths at names git refuses. */
  refusedNames: Set<string>;
  /** The links found (path -> identity: inode and target); absent when not asked for. */
  links?: LinkMap;
};

/**
 * One entry of a folder as last read: its name, what it is, and a file's link identity (null: not a link), taken when
 * first needed (files git ignores are not looked at).
 */
type Entry = { name: string; folder: boolean; refused: boolean; link?: string | null };

/** A folder as last read with its links: the entries, under the folder's own stat (device, inode, times). */
type FolderRead = { stamp: string; settled: boolean; entries: Entry[] };

/**
 * Per project: the last full walk's folders, and the last listing of what git ignores. A folder whose stat is the
 * same has the same entries: a name cannot be added, removed or pointed at another file without changing the folder's
 * change time, which no process can set.
 */
type ProjectReads = { folders: Map<string, FolderRead>; ignored?: Set<string> };
const lastReads = new Map<string, ProjectReads>();
const projectsKept = 8;

/**
 * A folder changed this close to its reading may change again within the clock's tick (git's "racy" case): it is
 * read again next time, whatever its stat says.
 */
const settleMs = 2000n;

/**
 * reuse: take the entries of folders unchanged since the last full walk, and the last listing of what git ignores (the
 * walk before a call: a link found there that is stale, or missed under a folder git no longer ignores, can only make
 * the check after the call look at it again). Without it every file's lstat is taken (the walk after a call; an
 * unchanged folder's names are not read again) while git lists what it ignores beside it; the walk is taken again
 * only when that listing changed, and the folders and listing are kept for the next walk.
 */
export async function walkWorkTree(
  projectDir: string,
  options: { links: boolean; reuse?: boolean },
): Promise<WorkTreeWalk> {
  const reads = projectReads(projectDir);
  const last = reads.ignored;
  if (last && options.reuse) return walkWith(projectDir, options, reads.folders, last);
  const listing = ignoredPaths(projectDir);
  // The walk is synchronous: git, started first, lists beside it.
  const guessed = last && walkWith(projectDir, options, reads.folders, last);
  const ignored = await listing;
  reads.ignored = ignored;
  return guessed && sameSet(ignored, last) ? guessed : walkWith(projectDir, options, reads.folders, ignored);
}

function walkWith(
  projectDir: string,
  options: { links: boolean; reuse?: boolean },
  folders: Map<string, FolderRead>,
  ignored: ReadonlySet<string>,
): WorkTreeWalk {
  const refusedNames = new Set<string>();
  const links: LinkMap | undefined = options.links ? new Map() : undefined;
  const known = options.links ? folders : undefined;
  const walk = (relative: string): void => {
    const entries = readFolder(projectDir, relative, known, options.links && options.reuse === true);
    for (const entry of entries ?? []) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (child === '.git' || ignored.has(child) || ignored.has(`${child}/`)) continue;
      if (entry.refused) refusedNames.add(child);
      else if (entry.folder) walk(child);
      else if (links) {
        if (entry.link === undefined) entry.link = linkIdentity(path.join(projectDir, child)) ?? null;
        if (entry.link) links.set(child, entry.link);
      }
    }
  };
  walk('');
  return { refusedNames, links };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((item) => b.has(item));

function projectReads(projectDir: string): ProjectReads {
  const found = lastReads.get(projectDir);
  if (found) return found;
  const reads: ProjectReads = { folders: new Map() };
  lastReads.set(projectDir, reads);
  const oldest = lastReads.keys().next().value;
  if (lastReads.size > projectsKept && oldest !== undefined) lastReads.delete(oldest);
  return reads;
}

/** The folder's entries: as last read when reuse allows and its stat is unchanged, else read now (and kept). */
function readFolder(
  projectDir: string,
  relative: string,
  known: Map<string, FolderRead> | undefined,
  reuse: boolean,
): Entry[] | undefined {
  const absolute = path.join(projectDir, relative);
  const readAt = BigInt(Date.now()) * 1_000_000n;
  const stat = fs.lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
  if (!stat?.isDirectory()) return undefined;
  const stamp = `${stat.dev} ${stat.ino} ${stat.mtimeNs} ${stat.ctimeNs}`;
  const last = known?.get(relative);
  const unchanged = last?.settled === true && last.stamp === stamp;
  if (reuse && unchanged) return last.entries;
  // The same names as last read, each file looked at again.
  if (unchanged) {
    const entries = last.entries.map(({ link: _, ...entry }): Entry => entry);
    known?.set(relative, { stamp, settled: true, entries });
    return entries;
  }
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(absolute, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const entries = dirents.map((dirent): Entry => {
    const refused = gitRefusesName(dirent.name, dirent.isSymbolicLink());
    return { name: dirent.name, folder: !refused && dirent.isDirectory(), refused };
  });
  const settled = stat.ctimeNs < readAt - settleMs * 1_000_000n && stat.mtimeNs < readAt - settleMs * 1_000_000n;
  known?.set(relative, { stamp, settled, entries });
  return entries;
}

function linkIdentity(absolute: string): string | undefined {
  const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) return `symlink ${stat.ino} ${readLink(absolute)}`;
  if (stat?.isFile() && stat.nlink > 1) return `hard ${stat.ino}`;
  return undefined;
}

function readLink(absolute: string): string {
  try {
    return fs.readlinkSync(absolute);
  } catch {
    return '';
  }
}

/** What git ignores, folders with a trailing "/": git add -A never takes them, whatever their names. */
async function ignoredPaths(projectDir: string): Promise<Set<string>> {
  const listed = await runGit(projectDir, [
    'ls-files',
    '-z',
    '--others',
    '--ignored',
    '--exclude-standard',
    '--directory',
    '--no-empty-directory',
  ]).catch(() => '');
  return new Set(listed.split('\0').filter(Boolean));
}
