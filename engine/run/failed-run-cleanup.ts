// A run that fails (a commit git refused, an engine error) leaves nothing of the model's uncommitted: the half-done
// round is dropped on the run's own branch, and a branch with no commit of its own is deleted and the user's branch
// checked out clean. A plain checkout would have carried the round's files over onto the user's branch, and the next
// run would have refused that "dirty" tree.
import type { PreparedRun } from './prepare-run.js';

export async function cleanUpFailedRun(prepared: PreparedRun): Promise<void> {
  const { repo, branch, baseBranch } = prepared;
  if (branch === baseBranch || (await repo.branch()) !== branch) return;
  // The run's branch holds every commit of the run, the user's --allow-dirty work too: only the round is lost.
  await repo.restore('HEAD');
  if (!prepared.resume) await repo.dropEmptyBranch(branch, baseBranch);
}
