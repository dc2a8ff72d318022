// One pass over the work tree before and after each agent call, serving two checks of work-tree-guard.ts: the names
// git refuses (git-refused-names.ts: git's own listing hides a nested ".git", so the tree is walked) and the links
// that lead out (links-out.ts: symlinks and hard links, an lstat of each file). Folders git ignores are skipped (git
// add leaves them alone, as does a link scan of the files git lists), as is the project's own .git; a folder at a
// refused name is not entered (it is removed whole).
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { gitRefusesName } from '../git/path-git-refuses.js';

/** The links found in the work tree: path -> identity (inode and target), to tell the new ones from those before. */
export type LinkMap = Map<string, string>;

export type WorkTreeWalk = {
  /** Project-relative paths at names git refuses. */
  refusedNames: Set<string>;
  /** The links found (path -> identity: inode and target); absent when not asked for. */
  links?: LinkMap;
};

export async function walkWorkTree(projectDir: string, options: { links: boolean }): Promise<WorkTreeWalk> {
  const ignored = await ignoredPaths(projectDir);
  const refusedNames = new Set<string>();
  const links: LinkMap | undefined = options.links ? new Map() : undefined;
  const walk = (relative: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(projectDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (child === '.git' || ignored.has(child) || ignored.has(`${child}/`)) continue;
      if (gitRefusesName(entry.name, entry.isSymbolicLink())) refusedNames.add(child);
      else if (entry.isDirectory()) walk(child);
      else if (links) noteLink(projectDir, child, links);
    }
  };
  walk('');
  return { refusedNames, links };
}

function noteLink(projectDir: string, file: string, links: LinkMap): void {
  const absolute = path.join(projectDir, file);
  const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) links.set(file, `symlink ${stat.ino} ${readLink(absolute)}`);
  else if (stat?.isFile() && stat.nlink > 1) links.set(file, `hard ${stat.ino}`);
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
  const listed = await execa(
    'git',
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--no-empty-directory'],
    { cwd: projectDir, reject: false },
  );
  return new Set(listed.exitCode === 0 ? listed.stdout.split('\0').filter(Boolean) : []);
}
