// The roles an AI engine plays for the loop: an architect that plans, a worker that edits the project (the coder, and
// the reviewer when given a reviewer prompt), a supervisor that judges a round.
import type { AgentActivity } from '../contract/agent-activity.js';
import type { WorkerResult } from '../contract/round-record.js';
import type { CallUsage } from '../contract/usage.js';
import type { Verdict } from '../contract/verdict.js';
import type { Task } from '../rfp/tasks-file.js';
import type { WorkerTools } from '../worker-tools/worker-tools.js';

export type WorkerRequest = {
  prompt: string;
  projectDir: string;
  task: Task;
  round: number;
  /** Round within the whole run, 1-based; a resumed run replays an interrupted round under the same number. */
  runRound: number;
  /** Model chosen for this round (WORKER_MODEL may change mid-run); empty: the engine's default. */
  model: string;
  /** Paths (relative to the project) the worker must not change. */
  lockedPaths: ReadonlySet<string>;
  /** What is left of MAX_COST_USD, when set. */
  budgetUsd?: number;
  /** A planning call (the architect): read tools only, no edit is applied. */
  readOnly?: boolean;
  signal: AbortSignal;
  onActivity: (activity: AgentActivity) => void;
  /**
   * factory's tools the worker may call mid-round (run_tests, sandbox_exec); absent: none (WORKER_TOOLS=off, planning).
   */
  tools?: WorkerTools;
};

export interface Worker {
  readonly name: string;
  /** It can call factory's tools (request.tools) mid-round: only then are they offered and named in the prompt. */
  readonly takesTools?: boolean;
  run(request: WorkerRequest): Promise<WorkerResult>;
}

export type ReviewRequest = {
  report: string;
  projectDir: string;
  model: string;
  signal: AbortSignal;
  /** Writes the supervisor tried and was refused (it may only read). */
  onActivity?: (activity: AgentActivity) => void;
};

export interface Supervisor {
  readonly name: string;
  review(request: ReviewRequest): Promise<Verdict & CallUsage>;
}

export type PlanRequest = {
  prompt: string;
  projectDir: string;
  model: string;
  signal: AbortSignal;
  onActivity: (activity: AgentActivity) => void;
};

/** The architect answers a plan prompt with text (JSON expected); the factory validates it. */
export interface Architect {
  readonly name: string;
  plan(request: PlanRequest): Promise<CallUsage & { text: string }>;
}
