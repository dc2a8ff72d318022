// Factory's own check around every agent call, whatever the engine: .git is compared byte for byte and put back, new
// files at names git refuses (".GIT/", a nested .git) and new links that lead out are removed, and for the read-only roles the whole work tree is put back. Locked tests a worker
// changed are the tamper guard's (engine/task-setup/guard): it puts them back before the tests run and tells the next
// prompt.
import { snapshotFiles, restoreFiles, type FileSnapshot } from './file-snapshot.js';
import { gitDirFiles } from './git-dir-files.js';
import { findGitRefusedNames, removeGitRefusedNames } from './git-refused-names.js';
import { findLinks, removeLinksOut, type LinkMap } from './links-out.js';
import { restoreTree, snapshotTree, type TreeSnapshot } from './tree-snapshot.js';

/** A write that was undone, with the reason the agent is told. */
type Refusal = { path: string; reason: string };

export type GuardOptions = {
  /** The architect and the supervisor: nothing in the work tree may change. */
  readOnly: boolean;
};

export type WorkTreeGuard = {
  /** Undoes what the call was not allowed to do; returns each refusal. */
  check(): Promise<Refusal[]>;
};

export async function guardWorkTree(projectDir: string, options: GuardOptions): Promise<WorkTreeGuard> {
  const gitFiles = snapshotFiles(projectDir, gitDirFiles(projectDir));
  const refusedNames = await findGitRefusedNames(projectDir);
  const links = options.readOnly ? undefined : await findLinks(projectDir);
  const tree = options.readOnly ? await snapshotTree(projectDir) : undefined;
  return { check: () => check(projectDir, { gitFiles, refusedNames, links, tree }) };
}

type Taken = { gitFiles: FileSnapshot; refusedNames: ReadonlySet<string>; links?: LinkMap; tree?: TreeSnapshot };

async function check(projectDir: string, taken: Taken): Promise<Refusal[]> {
  // .git first: the tree is put back with git, which must find its own files as they were.
  const refusals: Refusal[] = restoreFiles(taken.gitFiles, gitDirFiles(projectDir)).map((file) => ({
    path: file,
    reason: 'inside .git/, put back as it was',
  }));
  refusals.push(...(await removeGitRefusedNames(projectDir, taken.refusedNames)));
  if (taken.links) refusals.push(...(await removeLinksOut(projectDir, taken.links)));
  if (taken.tree) {
    const changed = await restoreTree(taken.tree);
    refusals.push(
      ...changed.map((file) => ({ path: file, reason: 'this role may only read the project; put back as it was' })),
    );
  }
  return refusals;
}
