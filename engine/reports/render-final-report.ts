// Renders final_report.md, and the short summary `factory run` prints at the end, from the folded report.
import { tail } from '../util/capped-text.js';
import type { FinalReport, TaskReport } from './final-report.js';

const seconds = (task: TaskReport): string =>
  task.startedAt && task.finishedAt
    ? `${((Date.parse(task.finishedAt) - Date.parse(task.startedAt)) / 1000).toFixed(1)} s`
    : '—';
const money = (usd: number): string => `$${usd.toFixed(4)}`;

/** Locked tests that passed in the task's last run, where the runner names tests per file. */
function lockedPassing(task: TaskReport): string {
  if (task.lockedFiles.length === 0) return 'none locked';
  const ids = Object.entries(task.lastTests?.tests ?? {}).filter(([id]) =>
    task.lockedFiles.some((file) => id.startsWith(`${file}::`)),
  );
  if (ids.length === 0) return `${task.lockedFiles.length} file(s) locked`;
  return `${ids.filter(([, outcome]) => outcome === 'passed').length}/${ids.length} locked tests passing`;
}

function status(task: TaskReport): string {
  if (task.doneBefore) return 'ticked before the run';
  return task.outcome ?? 'not started';
}

/** A line's merges and returns, in a few words. */
const lineWords = (line: NonNullable<TaskReport['line']>): string =>
  `${line.merges} merge(s)${line.mergedSha ? `, merged ${line.mergedSha.slice(0, 7)}` : ''}, ` +
  `${line.returns.length} return(s)`;

export function renderFinalSummary(report: FinalReport): string[] {
  const lines = report.tasks.map(
    (task) =>
      `task ${task.index} ${status(task)}: ${task.title} — ${task.rounds} round(s), ${seconds(task)}, ` +
      `${money(task.costUsd)}, ${task.tokens} tokens, ` +
      `${lockedPassing(task)}${task.lego.length ? `, ${task.lego.length} LEGO finding(s)` : ''}` +
      `${task.line ? `, line: ${lineWords(task.line)}` : ''}`,
  );
  if (report.outcome)
    lines.push(`${report.outcome.tasksGreen}/${report.outcome.tasksTotal} task(s) green — ${report.outcome.reason}`);
  return lines;
}

export function renderFinalReport(report: FinalReport): string {
  const lines = [`# Final report — run ${report.runId ?? '?'}`, ''];
  if (report.outcome)
    lines.push(
      `- Outcome: ${report.outcome.outcome}, ${report.outcome.tasksGreen}/${report.outcome.tasksTotal} task(s) ` +
        `green — ${report.outcome.reason}`,
    );
  lines.push(`- From ${report.startedAt ?? '?'} to ${report.finishedAt ?? '?'}`);
  if (report.plan)
    lines.push(
      `- Plan: .factory/plan.json, ${report.plan.tasks} task(s), ${report.plan.attempts} attempt(s), ` +
        `${money(report.planCostUsd)}, ${report.planTokens} tokens — ${report.plan.summary}`,
    );
  lines.push(
    '',
    '## Summary',
    '',
    '| task | outcome | rounds | time | cost | tokens | locked tests |',
    '|---|---|---|---|---|---|---|',
  );
  for (const task of report.tasks)
    lines.push(
      `| ${task.index}. ${task.title.replaceAll('|', '\\|')} | ${status(task)} | ${task.rounds} | ` +
        `${seconds(task)} | ${money(task.costUsd)} | ${task.tokens} | ${lockedPassing(task)} |`,
    );
  const lined = report.tasks.filter((task) => task.line);
  if (lined.length > 0) {
    lines.push(
      '',
      '## Lines',
      '',
      'Tasks that ran side by side, each in its own worktree and branch, merged into the run branch and verified there.',
      '',
      '| task | outcome | rounds | merges | returned | branch |',
      '|---|---|---|---|---|---|',
    );
    for (const task of lined)
      if (task.line)
        lines.push(
          `| ${task.index}. ${task.title.replaceAll('|', '\\|')} | ${status(task)} | ${task.rounds} | ` +
            `${task.line.merges}${task.line.mergedSha ? ` (merged ${task.line.mergedSha.slice(0, 7)})` : ''} | ` +
            `${task.line.returns.length} | \`${task.line.branch}\` |`,
        );
  }
  for (const task of report.tasks.filter((entry) => entry.startedAt)) {
    lines.push(
      '',
      `## Task ${task.index}: ${task.title}`,
      '',
      `- Outcome: ${status(task)}${task.reason ? ` — ${task.reason}` : ''}`,
      `- Rounds: ${task.rounds}, time ${seconds(task)}, cost ${money(task.costUsd)}, ${task.tokens} tokens`,
    );
    lines.push(`- Files touched: ${task.files.length > 0 ? task.files.join(', ') : 'none'}`);
    lines.push(
      `- Tests locked: ${task.lockedFiles.length > 0 ? task.lockedFiles.join(', ') : 'none'} (${lockedPassing(task)})`,
    );
    if (task.line) {
      lines.push(`- Line: \`${task.line.branch}\`, ${lineWords(task.line)}`);
      section(lines, 'Sent back to its line', task.line.returns);
    }
    section(lines, 'Valve trips', task.valveTrips);
    section(lines, 'Supervisor decisions', task.verdicts);
    section(lines, 'Test-tamper guard', task.guard);
    section(lines, 'LEGO findings', task.lego);
    if (task.lastTests)
      lines.push(
        '',
        `### Last test output: ${task.lastTests.headline}`,
        '',
        `\`${task.lastTests.command}\``,
        '',
        '```',
        tail(task.lastTests.output.trim(), 3000),
        '```',
      );
  }
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, entries: string[]): void {
  lines.push('', `### ${title}`, '', ...(entries.length > 0 ? entries.map((entry) => `- ${entry}`) : ['none']));
}
