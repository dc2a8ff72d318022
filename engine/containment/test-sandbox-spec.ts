// What one confined test command may write: the project, minus .git/, factory's records, the locked tests and the
// dependency folders the runner loads code from; plus a private temp and cache folder outside the project.
import fs from 'node:fs';
import path from 'node:path';

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
};

/** Where runners load code from, git-ignored, so nothing of a change there would show in a commit or a diff. */
const dependencyFolders = ['node_modules', '.venv', 'venv', '.tox', '__pypackages__'];
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
    .filter((name) => !name.startsWith('.') && !dependencyFolders.includes(name))
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
