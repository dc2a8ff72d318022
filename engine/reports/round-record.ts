// Everything one round did, as carried by round:finished and rendered into rounds/round_N.md.
import type { StrategyId } from '../prompt/strategy.js';
import type { TestSummary } from '../contract/test-summary.js';
import type { WorkerResult } from '../agents/agent.js';
import type { Judgement } from '../test-runner/judge-tests.js';
import type { ToolCallRecord } from '../worker-tools/tool-spec.js';

export type RoundRecord = {
  task: number;
  taskTitle: string;
  /** Round within the task, 1-based. */
  round: number;
  /** Round within the whole run, 1-based: the N of rounds/round_N.md. */
  runRound: number;
  worker: string;
  strategy: StrategyId;
  startedAt: string;
  durationMs: number;
  result: WorkerResult;
  tests: Omit<TestSummary, 'output'> & { excerpt: string };
  commit?: { sha: string; message: string; files: string[] };
  refusedEdits: string[];
  green: boolean;
  /** How green was decided: the task's own tests, regressions against the baseline, failures from before the run. */
  judgement: Judgement;
  /** Same string for rounds that fail the same way; undefined when green. */
  fingerprint?: string;
  /** The run's running totals after this round. */
  totals: { costUsd: number; tokens: number; elapsedMs: number };
  failStreak: number;
  idleStreak: number;
  /** Tests that passed before this round and fail after it. */
  broken: string[];
  interrupted: boolean;
  /** Locked-test violations and LEGO findings, passed on to the next prompt. */
  findings?: string[];
  /** The worker's calls of factory's tools during the round (their time is part of durationMs). */
  toolCalls?: ToolCallRecord[];
};

export function failingTests(tests: Pick<TestSummary, 'tests'>): string[] {
  return Object.entries(tests.tests)
    .filter(([, outcome]) => outcome === 'failed' || outcome === 'errored')
    .map(([id]) => id);
}

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
