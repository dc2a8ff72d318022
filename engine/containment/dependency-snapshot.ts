// What the dependency folders (node_modules/, .venv/, …: closed-folders.ts) hold before an agent call, by file
// metadata only (node_modules can hold 50,000 files: no content is read). After the call a new file is removed and a
// changed link put back; a changed file cannot be put back from metadata, so it is reported as not restored.
import fs from 'node:fs';
import path from 'node:path';
import { closedFolders } from './closed-folders.js';

/** "f size mtime ino mode" for a file, "l target" for a link, "d" for a folder. */
type Stamp = string;
export type DependencySnapshot = { root: string; stamps: Map<string, Stamp> };
type DependencyChange = { path: string; restored: boolean };

export function snapshotDependencies(projectDir: string): DependencySnapshot {
  const stamps = new Map<string, Stamp>();
  for (const folder of closedFolders(projectDir).filter((name) => name !== '.factory')) {
    // A folder that is a link leads out of the project: the OS sandbox and the edit paths keep writes from it.
    if (stampOf(path.join(projectDir, folder)) !== 'd') continue;
    walk(projectDir, folder, stamps);
  }
  return { root: projectDir, stamps };
}

/** Removes what is new, puts back changed links; returns every change. */
export function restoreDependencies(snapshot: DependencySnapshot): DependencyChange[] {
  const now = snapshotDependencies(snapshot.root);
  const changes: DependencyChange[] = [];
  const added = [...now.stamps.keys()].filter((file) => !snapshot.stamps.has(file));
  // Deepest first is not needed: a removed folder takes its contents, which are then skipped.
  for (const file of added.sort()) {
    if (changes.some((change) => file.startsWith(`${change.path}/`))) continue;
    fs.rmSync(path.join(snapshot.root, file), { recursive: true, force: true });
    changes.push({ path: file, restored: true });
  }
  for (const [file, before] of snapshot.stamps) {
    const after = now.stamps.get(file);
    if (after === before) continue;
    const full = path.join(snapshot.root, file);
    if (before.startsWith('l ')) {
      fs.rmSync(full, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.symlinkSync(before.slice(2), full);
      changes.push({ path: file, restored: true });
    } else if (before === 'd') {
      fs.rmSync(full, { force: true });
      fs.mkdirSync(full, { recursive: true });
      changes.push({ path: file, restored: true });
    } else changes.push({ path: file, restored: false });
  }
  return changes;
}

function walk(root: string, relative: string, stamps: Map<string, Stamp>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  stamps.set(relative, 'd');
  for (const entry of entries) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, stamps);
    else {
      const stamp = stampOf(path.join(root, child));
      if (stamp !== undefined) stamps.set(child, stamp);
    }
  }
}

function stampOf(file: string): Stamp | undefined {
  try {
    const stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) return `l ${fs.readlinkSync(file)}`;
    if (stat.isDirectory()) return 'd';
    return `f ${stat.size} ${stat.mtimeMs} ${stat.ino} ${stat.mode}`;
  } catch {
    return undefined;
  }
}
