// What to do with the factory's branch once a run ends: merge it into the user's branch, or throw it away.
import type { FactoryEventOf } from '../../engine/contract/events.js';
import { isCommitId } from '../../engine/git/repo.js';

export function nextSteps(started: FactoryEventOf<'run:started'>, finished: FactoryEventOf<'run:finished'>): string {
  if (started.branch === started.baseBranch) return '';
  const detached = isCommitId(started.baseBranch);
  const lines = [
    detached
      ? `The run started on a detached HEAD (commit ${started.baseBranch.slice(0, 12)}), which is untouched; the ` +
        `run's commits are on ${started.branch}.`
      : `Your branch ${started.baseBranch} is untouched; the run's commits are on ${started.branch}.`,
  ];
  if (finished.outcome === 'stopped' || finished.outcome === 'error')
    lines.push('Run `factory run` (or `factory tui`) again here to resume at the next unfinished round.');
  // A detached start has no branch to merge into: the work gets a branch name of the user's choosing.
  const keep = detached
    ? `git branch <your-branch-name> ${started.branch}`
    : `git checkout ${started.baseBranch} && git merge ${started.branch}`;
  lines.push(
    `Keep the work:    ${keep}`,
    "Throw it away:    factory reset --hard   (deletes only the factory's branches; uncommitted work you had is " +
      'put back)',
  );
  return `\n${lines.join('\n')}\n`;
}
