// What the loop works with and never changes: the run's parts (injected), its records' paths, and how it reports.
// What does change as the run goes on lives in RunState (run-state.ts).
import type { Architect, Supervisor, Worker } from '../agents/agent.js';
import type { RunControl } from '../control/run-control.js';
import type { Say } from '../contract/events.js';
import type { Repo } from '../git/repo.js';
import type { ModelControl } from '../models/model-manager.js';
import type { FactoryPaths } from '../reports/factory-dir.js';
import type { Rfp } from '../rfp/read-rfp.js';
import type { ResumePoint } from '../run/resume-point.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { LineSandboxFactory } from '../lines/line-sandbox.js';

export type RunDeps = Readonly<{
  projectDir: string;
  rfp: Rfp;
  repo: Repo;
  sandbox: Sandbox;
  testCommand: string;
  paths: FactoryPaths;
  worker: Worker;
  supervisor?: Supervisor;
  /** The supervisor's engine as a worker, for INTERVENE. */
  supervisorWorker?: Worker;
  /** The plan and tests phases' roles (absent: tasks go straight into rounds). */
  architect?: Architect;
  reviewer?: Worker;
  /** Loads and unloads the roles' local models (prepareRole before a step, releaseRole after the plan). */
  models?: ModelControl;
  /** Where an interrupted run left off, when this run continues it. */
  resume?: ResumePoint;
  /** What the human asked for (pause, skip, stop, redirects, unlocks, settings), taken at the loop's safe points. */
  control: RunControl;
  say: Say;
  /** The run's id and branch (production lines branch off it as factory/<runId>-task-<n>). */
  runId: string;
  runBranch: string;
  /** say, stamping the events with another task and round: a production line's. */
  sayAs: (at: () => { task: number; round: number }) => Say;
  /** Makes a production line's own sandbox (MAX_PARALLEL > 1). */
  lineSandbox: LineSandboxFactory;
  /**
   * A production line's rounds: a green round is confirmed by the suite on the run branch merged with the line (a new
   * process from the committed merge, in the run's checkout, without the line's ignored files, with the canaries and
   * the locks), not by a confirming run of its own in the line.
   */
  confirmedOnMerge?: true;
}>;
