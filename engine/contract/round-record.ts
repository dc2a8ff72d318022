// Everything one round did, as carried by round:finished and rendered into rounds/round_N.md (reports/round-record.ts).
import type { Judgement, TestSummary } from './test-summary.js';
import type { ToolCallRecord } from './tool-call.js';
import type { CallUsage, RunSpend } from './usage.js';

/** The prompt's strategy line for the round, chosen by how the tests moved (prompt/strategy.ts). */
export type StrategyId = 'first' | 'next-task' | 'broke' | 'still-failing' | 'change-strategy';

/** How the worker's call ended, and what it reported using. */
export type WorkerResult = CallUsage & { ok: boolean; error?: string };

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
  totals: RunSpend & { elapsedMs: number };
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
