// The whole work tree as a git tree object, written through a private index so the user's index is never touched:
// taken before a read-only role's call and compared after it; whatever differs is put back from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export type TreeSnapshot = { projectDir: string; tree: string };

export async function snapshotTree(projectDir: string): Promise<TreeSnapshot> {
  return { projectDir, tree: await writeTree(projectDir) };
}

/**
 * Puts the work tree back to the snapshot (tracked and untracked files; ignored ones are not covered); returns the
 * paths.
 */
export async function restoreTree(snapshot: TreeSnapshot): Promise<string[]> {
  const now = await writeTree(snapshot.projectDir);
  if (now === snapshot.tree) return [];
  const diff = await git(snapshot.projectDir, [
    'diff-tree',
    '-r',
    '-z',
    '--no-renames',
    '--name-status',
    snapshot.tree,
    now,
  ]);
  const fields = diff.split('\0').filter(Boolean);
  const changed: string[] = [];
  const restore: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [status, file] = [fields[index] as string, fields[index + 1] as string];
    changed.push(file);
    // A path the call added goes; one it changed or removed comes back from the snapshot.
    if (status === 'A') fs.rmSync(path.join(snapshot.projectDir, file), { force: true, recursive: true });
    else restore.push(file);
  }
  if (restore.length > 0)
    await git(snapshot.projectDir, [
      'restore',
      `--source=${snapshot.tree}`,
      '--worktree',
      '--',
      ...restore.map((file) => `:(literal)${file}`),
    ]);
  removeEmptyFolders(snapshot.projectDir, changed);
  return changed;
}

/** `git add -A` into a copy of the index (its stat cache keeps this fast), then the tree it describes. */
async function writeTree(projectDir: string): Promise<string> {
  const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-index-')), 'index');
  try {
    const real = (await git(projectDir, ['rev-parse', '--git-path', 'index'])).trim();
    const source = path.resolve(projectDir, real);
    if (fs.existsSync(source)) fs.copyFileSync(source, index);
    const env = { GIT_INDEX_FILE: index };
    await git(projectDir, ['add', '-A', '--', '.'], env);
    return (await git(projectDir, ['write-tree'], env)).trim();
  } finally {
    fs.rmSync(path.dirname(index), { recursive: true, force: true });
  }
}

/** Folders left empty by removing what a call added (git does not track folders). */
function removeEmptyFolders(projectDir: string, changed: string[]): void {
  const folders = new Set(changed.flatMap((file) => parents(file)));
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      fs.rmdirSync(path.join(projectDir, folder));
    } catch {
      // not empty, or already gone
    }
  }
}

function parents(file: string): string[] {
  const found: string[] = [];
  for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) found.push(folder);
  return found;
}

async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await execa('git', args, { cwd, env, reject: false });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim()}`);
  return result.stdout;
}
