// Factory's own check around every agent call, whatever the engine: .git is compared byte for byte and put back, new
// files at names git refuses (".GIT/", a nested .git) and new links that lead out are removed, and for the read-only roles the whole work tree is put back. Locked tests a worker
// changed are the tamper guard's (engine/task-setup/guard): it puts them back before the tests run and tells the next
// prompt.
import { restoreDependencies, snapshotDependencies, type DependencySnapshot } from './dependency-snapshot.js';
import { snapshotFiles, restoreFiles, type FileSnapshot } from './file-snapshot.js';
import { gitDirFiles } from './git-dir-files.js';
import { removeGitRefusedNames } from './git-refused-names.js';
import { removeLinksOut } from './links-out.js';
import { restoreTree, snapshotTree, type TreeSnapshot } from './tree-snapshot.js';
import { walkWorkTree, type LinkMap } from './work-tree-walk.js';

/** A write that was undone, with the reason the agent is told. */
type Refusal = { path: string; reason: string };

export type GuardOptions = {
  /** The architect and the supervisor: nothing in the work tree may change. */
  readOnly: boolean;
  /**
   * Walk the dependency folders before and after the call (by metadata: about 1 s per 25,000 files on a loaded
   * machine): only for engines that can write them at all, a shell the OS sandbox does not bind them read-only in.
   */
  watchDependencies: boolean;
};

export type WorkTreeGuard = {
  /** Undoes what the call was not allowed to do; returns each refusal. */
  check(): Promise<Refusal[]>;
};

export async function guardWorkTree(projectDir: string, options: GuardOptions): Promise<WorkTreeGuard> {
  const gitFiles = snapshotFiles(projectDir, gitDirFiles(projectDir));
  // Nothing changes the tree before the call: the walk (refused names and links in one pass; folders unchanged since
  // the last call's check are not read again) and a read-only role's snapshot run side by side (each waits on git
  // first). The walk after the call reads every folder and file.
  const [{ refusedNames, links }, tree] = await Promise.all([
    walkWorkTree(projectDir, { links: !options.readOnly, reuse: true }),
    options.readOnly ? snapshotTree(projectDir) : undefined,
  ]);
  const records = snapshotFiles(projectDir, factoryRecords);
  const dependencies = options.watchDependencies ? snapshotDependencies(projectDir) : undefined;
  return { check: () => check(projectDir, { gitFiles, refusedNames, records, dependencies, links, tree }) };
}

/** factory's records read back on resume (their digests are in .git: record-seal.ts). */
const factoryRecords = [
  '.factory/locks.json',
  '.factory/protected.json',
  '.factory/plan.json',
  '.factory/baseline.json',
];

type Taken = {
  gitFiles: FileSnapshot;
  refusedNames: ReadonlySet<string>;
  records: FileSnapshot;
  dependencies?: DependencySnapshot;
  links?: LinkMap;
  tree?: TreeSnapshot;
};

async function check(projectDir: string, taken: Taken): Promise<Refusal[]> {
  // .git first: the tree is put back with git, which must find its own files as they were.
  const refusals: Refusal[] = restoreFiles(taken.gitFiles, gitDirFiles(projectDir)).map((file) => ({
    path: file,
    reason: 'inside .git/, put back as it was',
  }));
  // One walk after the call serves both: a folder at a refused name is not entered, so no link found is inside one.
  const now = await walkWorkTree(projectDir, { links: taken.links !== undefined });
  refusals.push(...removeGitRefusedNames(projectDir, taken.refusedNames, now.refusedNames));
  for (const file of restoreFiles(taken.records))
    refusals.push({ path: file, reason: "inside .factory/, factory's own records: put back as it was" });
  for (const change of taken.dependencies ? restoreDependencies(taken.dependencies) : [])
    refusals.push({
      path: change.path,
      reason: change.restored
        ? 'inside an installed dependency folder (only the user installs dependencies): put back as it was'
        : 'inside an installed dependency folder (only the user installs dependencies): changed and cannot be put ' +
          'back, reinstall the dependencies',
    });
  if (taken.links && now.links) refusals.push(...removeLinksOut(projectDir, taken.links, now.links));
  if (taken.tree) {
    const changed = await restoreTree(taken.tree);
    refusals.push(
      ...changed.map((file) => ({ path: file, reason: 'this role may only read the project; put back as it was' })),
    );
  }
  return refusals;
}
