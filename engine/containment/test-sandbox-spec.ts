// What one confined test command may write: the project, minus .git/, factory's records, the locked tests and the
// dependency folders the runner loads code from; plus a private temp and cache folder outside the project.
import fs from 'node:fs';
import path from 'node:path';
import { dependencyFolders } from './closed-folders.js';

export type TestSandboxSpec = {
  /** Real path. */
  projectDir: string;
  /** Absolute, existing, inside the project: bound read-only. */
  readOnly: string[];
  /** Absolute, existing, inside read-only folders: writable again (factory's report folder). */
  writableInside: string[];
  /** Absolute, existing, inside read-only folders: an empty private folder for each command (the runners' caches). */
  freshInside: string[];
  /** Absolute host folders outside the project, bound writable at the same path. */
  writable: string[];
  /** bubblewrap arguments that hide the user's secrets (empty where none are hidden). */
  hide: string[];
  /** Absolute folders under the temp folder that the project's dependencies link to: read-only over the private /tmp. */
  linkedInTemp: string[];
};

/**
 * Caches runners write inside dependency folders (vite and vitest, babel-loader and others): fresh for each command,
 * so no test run can leave transformed code there for the next one.
 */
const cachesInDependencies = ['node_modules/.vite', 'node_modules/.cache'];
/** factory's report folder sits in its records, which are otherwise read-only. */
const reportsInRecords = '.factory/reports';

/** The project-relative paths that stay read-only, existing and plain (a link is not bound: it would lead out). */
export function readOnlyInProject(projectDir: string, locked: readonly string[], nested: readonly string[]): string[] {
  const top = ['.git', '.factory', ...dependencyFolders, ...nested, ...locked];
  return [...new Set(top)].map((item) => path.join(projectDir, item)).filter(isPlain);
}

/** The folders inside read-only ones a command may write, made on the host first (a mount point cannot be made in a
 * read-only folder): the runners' caches, fresh each time, and factory's report folder. */
export function writableInProject(projectDir: string): { fresh: string[]; kept: string[] } {
  return {
    fresh: cachesInDependencies.flatMap((item) => made(projectDir, item)),
    kept: made(projectDir, reportsInRecords),
  };
}

function made(projectDir: string, relative: string): string[] {
  if (!isPlain(path.join(projectDir, relative.split('/')[0] ?? ''))) return [];
  const full = path.join(projectDir, relative);
  fs.mkdirSync(full, { recursive: true });
  return isPlain(full) ? [full] : [];
}

/** A package of a monorepo keeps its own node_modules one level down (packages/a/node_modules). */
export function nestedNodeModules(projectDir: string): string[] {
  return folders(projectDir)
    .filter((name) => !name.startsWith('.') && !dependencyFolders.has(name))
    .flatMap((name) => folders(path.join(projectDir, name)).map((inner) => `${name}/${inner}/node_modules`))
    .filter((relative) => fs.existsSync(path.join(projectDir, relative)));
}

function folders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isPlain(file: string): boolean {
  try {
    return !fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Where the project's dependency links lead inside the temp folder, which a confined command sees as an empty private
 * /tmp: node_modules/jest -> /tmp/checkout/node_modules/jest needs /tmp/checkout/node_modules. The folder named
 * node_modules that holds each target (else the target's own folder).
 */
export function linkedInTemp(projectDir: string, nested: readonly string[], temp: string): string[] {
  const root = realOrSelf(temp);
  const found = new Set<string>();
  for (const folder of ['node_modules', ...nested, '.venv/bin', 'venv/bin']) {
    const full = path.join(projectDir, folder);
    const entries = listAll(full).flatMap((name) =>
      name.startsWith('@') ? listAll(path.join(full, name)).map((inner) => `${name}/${inner}`) : [name],
    );
    for (const name of [...entries, ...listAll(path.join(full, '.bin')).map((bin) => `.bin/${bin}`)]) {
      const target = realOrSelf(path.join(full, name));
      if (!target.startsWith(`${root}/`) || target.startsWith(`${projectDir}/`)) continue;
      const parts = target.split('/');
      const at = parts.lastIndexOf('node_modules');
      found.add(at > 0 ? parts.slice(0, at + 1).join('/') : path.dirname(target));
    }
  }
  return [...found];
}

function listAll(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
