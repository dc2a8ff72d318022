// What the loop works with: the run's parts (injected), its settings, and how it reports.
import type { Architect, Supervisor, Worker } from '../agents/agent.js';
import type { FactoryConfig } from '../config/factory-config.js';
import type { EventPayload, FactoryEventType } from '../events.js';
import type { Repo } from '../git/repo.js';
import type { FactoryPaths } from '../reports/factory-dir.js';
import type { Rfp } from '../rfp/read-rfp.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { RunControl } from '../control/run-control.js';
import type { Baseline } from '../test-runner/judge-tests.js';
import type { CapName, Usage } from './caps.js';
import type { ResumePoint } from '../run/resume-point.js';
import type { ModelControl } from '../models/model-manager.js';

export type Position = { task: number; round: number; runRound: number };

export type LoopContext = {
  projectDir: string;
  /** Read afresh every round: limits may change while the run goes on (`factory set`). */
  config: FactoryConfig;
  rfp: Rfp;
  repo: Repo;
  sandbox: Sandbox;
  worker: Worker;
  supervisor?: Supervisor;
  /** The supervisor's engine as a worker, for INTERVENE. */
  supervisorWorker?: Worker;
  /** The plan and tests phases' roles (absent: tasks go straight into rounds). */
  architect?: Architect;
  reviewer?: Worker;
  /** Test files the human asked to unlock, taken by the guard at its next step. */
  unlocks?: string[];
  /** Loads and unloads the roles' local models (prepareRole before a step, releaseRole after the plan). */
  models?: ModelControl;
  testCommand: string;
  paths: FactoryPaths;
  control: RunControl;
  position: Position;
  /** Money and tokens spent so far by every engine of the run. */
  usage: Usage;
  startedAt: number;
  /** Caps the human resumed past: they no longer stop the run. */
  capsLifted: Set<CapName>;
  /** Where an interrupted run left off, when this run continues it. */
  resume?: ResumePoint;
  /** Per-test results before round 1. */
  baseline?: Baseline;
  say: <T extends FactoryEventType>(type: T, payload: EventPayload<T>) => void;
};
