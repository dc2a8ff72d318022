// Folders inside the project that no model writes, whatever the engine: .factory/ (factory's records, read back on
// resume) and the dependency folders the test runner loads code from (node_modules/.bin/jest, a venv's pytest and its
// .pth files). git ignores the dependency folders, so nothing written there would show in a round's commit or diff.
import fs from 'node:fs';
import path from 'node:path';

/** Dependency folders by name, at any depth; target/ only where Cargo builds into it. */
export const dependencyFolders = new Set(['node_modules', '.venv', 'venv', '__pypackages__', '.tox', '.nox']);
const pythonPackages = new Set(['site-packages', 'dist-packages']);

/** Why a model may not write the project-relative path ('/'-separated), or undefined when it may. */
export function closedFolderReason(projectDir: string, relative: string): string | undefined {
  const parts = relative.split('/');
  if (parts[0] === '.factory') return `${relative} is inside .factory/, factory's own records`;
  const folder =
    parts.slice(0, -1).find((part) => dependencyFolders.has(part) || pythonPackages.has(part)) ??
    (parts.length > 1 && parts[0] === 'target' && fs.existsSync(path.join(projectDir, 'Cargo.toml'))
      ? 'target'
      : undefined);
  if (folder === undefined) return undefined;
  return `${relative} is inside ${folder}/, installed dependencies: only the user installs or changes them`;
}

/** The closed folders present at the project's top (and .factory/), for a read-only bind around a CLI. */
export function closedFolders(projectDir: string): string[] {
  const present = ['.factory', ...dependencyFolders, 'target'].filter((name) =>
    fs.existsSync(path.join(projectDir, name)),
  );
  return present.filter((name) => name !== 'target' || fs.existsSync(path.join(projectDir, 'Cargo.toml')));
}
