// What the loop works with: the run's parts (injected), its settings, and how it reports.
import type { Supervisor, Worker } from '../agents/agent.js';
import type { FactoryConfig } from '../config/factory-config.js';
import type { EventPayload, FactoryEventType } from '../events.js';
import type { Repo } from '../git/repo.js';
import type { FactoryPaths } from '../reports/factory-dir.js';
import type { Rfp } from '../rfp/read-rfp.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { RunControl } from '../control/run-control.js';
import type { ModelControl } from '../models/model-manager.js';

export type Position = { task: number; round: number; runRound: number };

export type LoopContext = {
  projectDir: string;
  /** Read afresh every round: limits may change while the run goes on. */
  config: FactoryConfig;
  rfp: Rfp;
  repo: Repo;
  sandbox: Sandbox;
  worker: Worker;
  supervisor?: Supervisor;
  /** The supervisor's engine as a worker, for INTERVENE. */
  supervisorWorker?: Worker;
  /** Loads and unloads the roles' local models (prepareRole before a step, releaseRole after the plan). */
  models?: ModelControl;
  testCommand: string;
  paths: FactoryPaths;
  control: RunControl;
  position: Position;
  say: <T extends FactoryEventType>(type: T, payload: EventPayload<T>) => void;
};
