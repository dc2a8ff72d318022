// What to do with the factory's branch once a run ends: merge it into the user's branch, or throw it away.
import type { FactoryEventOf } from '../../engine/events.js';

export function nextSteps(started: FactoryEventOf<'run:started'>, finished: FactoryEventOf<'run:finished'>): string {
  if (started.branch === started.baseBranch) return '';
  const lines = [`Your branch ${started.baseBranch} is untouched; the run's commits are on ${started.branch}.`];
  if (finished.outcome === 'stopped' || finished.outcome === 'error') lines.push('Run `factory run` (or `factory tui`) again here to resume at the next unfinished round.');
  lines.push(`Keep the work:    git checkout ${started.baseBranch} && git merge ${started.branch}`, 'Throw it away:    factory reset --hard');
  return `\n${lines.join('\n')}\n`;
}
