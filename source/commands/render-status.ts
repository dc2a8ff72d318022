// The text of `factory status`.
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
  if (status.updatedAt) lines.push(`updated  ${status.updatedAt}`);
  return `${lines.join('\n')}\n`;
}
