// Writes the human-readable reports under .factory/ from the event stream: rounds, latest report, history, prompts,
// supervisor log.
import fs from 'node:fs';
import path from 'node:path';
import type { FactoryEvent, GuardedFile } from '../contract/events.js';
import { removeTornWrites, writeFileAtomic } from '../util/atomic-write.js';
import type { FactoryPaths } from './factory-dir.js';
import { refusal, renderRoundReport } from './round-record.js';

/** How the history names a guarded file (no `what`: a locked test). */
const guardedName = (what?: GuardedFile): string =>
  what === 'factory'
    ? "factory's file"
    : what === 'config'
      ? 'runner configuration'
      : what === 'code'
        ? 'code'
        : 'locked';

/** Writes the round reports a crash kept from being written: every finished round has its file, and no torn write's
 * temp file is left beside them. */
export function repairRoundReports(paths: FactoryPaths, events: FactoryEvent[]): void {
  removeTornWrites(paths.root, paths.rounds, paths.prompts);
  for (const event of events) {
    if (event.type !== 'round:finished' || fs.existsSync(paths.round(event.record.runRound))) continue;
    writeFileAtomic(paths.round(event.record.runRound), renderRoundReport(event.record));
    writeFileAtomic(paths.latest, renderRoundReport(event.record));
  }
}

export function reportWriter(paths: FactoryPaths): (event: FactoryEvent) => void {
  fs.mkdirSync(paths.rounds, { recursive: true });
  const history = (line: string): void => fs.appendFileSync(paths.history, `${line}\n`);
  // Each task's round in progress (or last played), as its round:started gave it: a resumed run's rounds go on from
  // the number the run had reached, and a line's rounds interleave with the others'.
  const runRounds = new Map<number, number>();
  const inRound = new Set<number>();
  // 0 only before any round of the task: nothing of a round comes before its round:started.
  const runRoundOf = (task: number): number => runRounds.get(task) ?? 0;
  return (event) => {
    const when = event.ts.slice(0, 19).replace('T', ' ');
    switch (event.type) {
      case 'run:started':
        history(
          `\n## Run ${event.runId} (${when}) on branch ${event.branch}\n\n- engine ${event.engine}, sandbox ` +
            `${event.sandbox}, tests ` +
            `\`${event.testCommand}\`${event.containment ? `\n- ${event.containment}` : ''}`,
        );
        return;
      case 'task:started':
        history(`\n### Task ${event.task}: ${event.title}\n`);
        return;
      case 'task:refactor':
        history(`- ${when} played as a refactor (${event.reason}): green after a round that changes the code`);
        return;
      case 'round:started':
        runRounds.set(event.task, event.runRound);
        inRound.add(event.task);
        return;
      case 'agent:edit':
        // Inside a round the record lists refusals; outside one (plan, tests, the supervisor's review) they are written
        // here.
        if (event.action !== 'refused' || inRound.has(event.task)) return;
        history(`- ${when} ${refusal(event)}`);
        if (event.role === 'supervisor' && runRounds.has(event.task))
          fs.appendFileSync(
            paths.round(runRoundOf(event.task)),
            `\n## Refused while the supervisor reviewed this round\n- ${refusal(event)}\n`,
          );
        return;
      case 'prompt:built':
        // The architect's and the reviewer's prompts come outside rounds: named by their step, not a round number.
        writeFileAtomic(
          event.round === 0
            ? path.join(paths.prompts, `${event.strategy}${event.task ? `_task_${event.task}` : ''}.md`)
            : paths.prompt(runRoundOf(event.task)),
          event.prompt,
        );
        return;
      case 'plan:ready':
        history(`- ${when} plan: ${event.tasks} task(s) in .factory/plan.json — ${event.summary}`);
        return;
      case 'plan:invalid':
        history(`- ${when} plan refused (attempt ${event.attempt}): ${event.problems.join('; ')}`);
        return;
      case 'review:rejected':
        history(`- ${when} tests sent back to the reviewer (attempt ${event.attempt}): ${event.reason}`);
        return;
      case 'tests:locked':
        history(`- ${when} tests locked (${event.headline}): ${event.files.join(', ')}`);
        return;
      case 'tests:unlocked':
        history(`- ${when} ${event.found ? 'unlocked' : 'not locked, nothing to unlock'}: ${event.path}`);
        return;
      case 'guard:violation':
        history(`- ${when} guard: ${guardedName(event.what)} ${event.path} ${event.detail}`);
        return;
      case 'guard:protected':
        history(
          `- ${when} locked for the run: tests ${event.tests.join(', ') || 'none of yours'}; ` +
            `${[...event.factory, ...event.config].join(', ')}`,
        );
        return;
      case 'guard:failed':
        history(`- ${when} guard: the run does not count: ${event.reason}`);
        return;
      case 'lego:violations':
        history(`- ${when} LEGO: ${event.violations.length > 0 ? event.violations.join('; ') : 'clean again'}`);
        return;
      case 'round:finished': {
        inRound.delete(event.task);
        const report = renderRoundReport(event.record);
        writeFileAtomic(paths.round(event.record.runRound), report);
        writeFileAtomic(paths.latest, report);
        const commit = event.record.commit ? event.record.commit.sha.slice(0, 10) : 'no change';
        history(
          `- ${when} round ${event.record.round} (rounds/round_${event.record.runRound}.md): ` +
            `${event.record.green ? 'GREEN' : 'red'}, ${event.record.tests.headline}, ${commit}`,
        );
        return;
      }
      case 'verdict:issued':
        fs.appendFileSync(
          paths.supervisorLog,
          `${event.ts} task ${event.task} round ${event.round} ${event.by}: ${event.verdict.decision} — ` +
            event.verdict.reason +
            (event.verdict.instructions ? `\n  instructions: ${event.verdict.instructions}` : '') +
            '\n',
        );
        history(`- ${when} ${event.by} verdict: ${event.verdict.decision} — ${event.verdict.reason}`);
        return;
      case 'cap:reached':
        history(`- ${when} cap ${event.cap}: ${event.reason} (${event.evidence})`);
        return;
      case 'config:changed':
        history(
          `- ${when} setting changed: ${event.key}=${event.value} (was ${event.previous || 'empty'}), from the ` +
            'next round',
        );
        return;
      case 'baseline:recorded':
        history(
          `- ${when} baseline before round 1: ` +
            `${event.headline}${event.failing.length ? `; failing before the run: ${event.failing.join(', ')}` : ''}`,
        );
        return;
      case 'valve:tripped':
        history(`- ${when} valve ${event.valve}: ${event.reason} (${event.evidence})`);
        return;
      case 'human:action':
        history(`- ${when} human: ${event.action}${event.text ? ` — ${event.text}` : ''}`);
        return;
      case 'engine:paused':
        history(`- ${when} paused (${event.kind}): ${event.reason}`);
        return;
      case 'task:finished':
        history(`- ${when} task ${event.task} ${event.outcome}: ${event.reason}`);
        return;
      case 'run:finished':
        history(
          `\nRun finished (${when}): ${event.outcome}, ${event.tasksGreen}/${event.tasksTotal} tasks green — ` +
            `${event.reason}`,
        );
        return;
      default:
        return;
    }
  };
}
