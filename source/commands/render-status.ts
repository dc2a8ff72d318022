// The text of `factory status`.
import { lineCounts, type LineStatus } from '../../engine/reports/line-status.js';
import type { RunStatus } from '../../engine/reports/run-status.js';

export function renderStatus(status: RunStatus): string {
  const state =
    status.state === 'finished' && status.outcome
      ? `finished: ${status.outcome.outcome} (exit ${status.outcome.exitCode}) — ${status.outcome.reason}`
      : status.state === 'paused' && status.pause
        ? `paused (${status.pause.kind}): ${status.pause.reason}`
        : status.state;
  const lines = [
    `run      ${status.runId ?? '?'} on ` +
      `${status.branch ?? '?'}${status.baseBranch ? ` (from ${status.baseBranch})` : ''}`,
    `state    ${state}`,
    `task     ${status.task}/${status.tasksTotal}${status.taskTitle ? `: ${status.taskTitle}` : ''} ` +
      `(${status.tasksGreen} green)`,
    `round    ${status.round}/${status.maxRounds}, fail streak ${status.failStreak}, idle streak ${status.idleStreak}`,
    `tests    ${status.lastTests ?? 'not run yet'}`,
    `verdict  ${status.lastVerdict ? `${status.lastVerdict.decision}: ${status.lastVerdict.reason}` : 'none'}`,
    `usage    $${status.costUsd.toFixed(4)}, ${status.tokens} tokens`,
    `engine   ${status.engine ?? '?'}, ${status.sandbox ?? '?'}`,
  ];
  if (status.lastValve) lines.push(`valve    ${status.lastValve}`);
  if (status.lines.length > 0) lines.push(...lineRows(status.lines));
  if (status.updatedAt) lines.push(`updated  ${status.updatedAt}`);
  return `${lines.join('\n')}\n`;
}

/** With production lines: how many, then one row per line (its place, task, state, round, tests, cost, merges). */
function lineRows(lines: readonly LineStatus[]): string[] {
  const { running, green } = lineCounts(lines);
  return [
    `lines    ${running} running, ${green} green, ${lines.length} in all`,
    ...lines.map(
      (line) =>
        `  L${line.slot} task ${line.task}: ${line.title} — ${line.state}${line.closed ? ' (closed)' : ''}, ` +
        `round ${line.round}/${line.maxRounds || '-'}, tests ${line.lastTests ?? 'not run yet'}, ` +
        `$${line.costUsd.toFixed(4)}, ${line.merges} merge(s), ${line.returns} return(s)` +
        `${line.lastReturn ? ` (last: ${line.lastReturn})` : ''}`,
    ),
  ];
}
