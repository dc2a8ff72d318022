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

export function renderFinalSummary(report: FinalReport): string[] {
  const lines = report.tasks.map(
    (task) =>
      `task ${task.index} ${status(task)}: ${task.title} — ${task.rounds} round(s), ${seconds(task)}, ` +
      `${money(task.costUsd)}, ${task.tokens} tokens, ` +
      `${lockedPassing(task)}${task.lego.length ? `, ${task.lego.length} LEGO finding(s)` : ''}`,
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
