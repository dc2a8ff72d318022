// A round's record (contract/round-record.ts) rendered into rounds/round_N.md.
import type { RoundRecord } from '../contract/round-record.js';
import { failingTests } from '../contract/test-summary.js';
import type { ToolCallRecord } from '../contract/tool-call.js';

export function renderRoundReport(record: RoundRecord): string {
  const tests = record.tests;
  const failing = failingTests(tests);
  const lines = [
    `# Task ${record.task}, round ${record.round}: ${record.green ? 'GREEN' : 'RED'}`,
    '',
    `- Task: ${record.taskTitle}`,
    `- Started: ${record.startedAt} (${(record.durationMs / 1000).toFixed(1)} s)`,
    `- Worker: ${record.worker}${record.result.ok ? '' : ` — failed: ${record.result.error}`}`,
    `- Strategy: ${record.strategy}`,
    `- Tests: ${tests.headline} (${tests.command}${tests.timedOut ? ', TIMED OUT' : ''})`,
    `- Passed ${tests.passed}, failed ${tests.failed}, errors ${tests.errored}, skipped ${tests.skipped}`,
    `- Results from: ${tests.source}`,
    `- Commit: ${record.commit ? `${record.commit.sha.slice(0, 10)} ${record.commit.message}` : 'no change'}`,
    `- Streaks: fail ${record.failStreak}, idle ${record.idleStreak}`,
    `- Run totals: $${record.totals.costUsd.toFixed(4)}, ${record.totals.tokens} tokens, ` +
      `${(record.totals.elapsedMs / 60_000).toFixed(1)} min`,
  ];
  const verdict = record.judgement.verdict ?? record.judgement.note;
  if (verdict) lines.push(`- Verdict: ${verdict}`);
  if (record.result.costUsd !== undefined || record.result.inputTokens !== undefined) {
    lines.push(
      `- Usage: $${(record.result.costUsd ?? 0).toFixed(4)}, ${record.result.inputTokens ?? 0} tokens in, ` +
        `${record.result.outputTokens ?? 0} out`,
    );
  }
  if (record.interrupted) lines.push('- Interrupted: the run was stopped during this round');
  if (failing.length > 0) {
    lines.push(
      '',
      '## Failing tests',
      ...failing.map((id) => `- ${id}${tests.errors[id] ? ` — ${tests.errors[id]}` : ''}`),
    );
  }
  if (record.judgement.regressions.length > 0)
    lines.push('', '## Passed before the run, failing now', ...record.judgement.regressions.map((id) => `- ${id}`));
  if (record.judgement.failingBefore.length > 0)
    lines.push(
      '',
      "## Failing before the run (not this task's; never blocks it)",
      ...record.judgement.failingBefore.map((id) => `- ${id}`),
    );
  if (record.broken.length > 0)
    lines.push('', '## Broken this round (passed before)', ...record.broken.map((id) => `- ${id}`));
  if (record.commit) lines.push('', '## Files changed', ...record.commit.files.map((file) => `- ${file}`));
  if (record.findings?.length)
    lines.push('', '## Guard and LEGO findings (in the next prompt)', ...record.findings.map((text) => `- ${text}`));
  if (record.refusedEdits.length > 0)
    lines.push('', '## Edits refused', ...record.refusedEdits.map((text) => `- ${text}`));
  if (record.toolCalls?.length) lines.push('', ...toolCallLines(record.toolCalls));
  lines.push('', '## Test output (excerpt)', '```', tests.excerpt, '```', '');
  return lines.join('\n');
}

/** "X was refused: why (engine, role)": the round report lists it, the next prompt says "Your write to" before it. */
export function refusal(edit: { path: string; reason?: string; engine?: string; role?: string }): string {
  const who = edit.engine && edit.role ? ` (${edit.engine}, ${edit.role})` : '';
  return `${edit.path} was refused: ${edit.reason ?? 'no reason given'}${who}`;
}

/** The worker's tool calls: what each asked, how it ended, how long it took (part of the round's time). */
function toolCallLines(calls: ToolCallRecord[]): string[] {
  const ms = calls.reduce((sum, call) => sum + call.durationMs, 0);
  const line = (call: ToolCallRecord, index: number): string => {
    const end = call.refused
      ? `refused: ${call.refused}`
      : call.timedOut
        ? 'timed out'
        : `exit ${call.exitCode ?? 'none'}`;
    return `${index + 1}. ${call.tool} ${call.detail} — ${end} (${(call.durationMs / 1000).toFixed(1)} s)`;
  };
  return [`## Tool calls (${calls.length}, ${(ms / 1000).toFixed(1)} s)`, ...calls.map(line)];
}
