// Every role's calls under factory's own check of the work tree (work-tree-guard.ts), whatever the engine did or did
// not enforce: what a call was not allowed to do is undone and reported as a refused edit naming the engine and the
// role.
import type { Architect, PlanRequest, ReviewRequest, Supervisor, Worker, WorkerRequest } from '../agents/agent.js';
import { detectOsSandbox } from './os-sandbox.js';
import { guardWorkTree, type GuardOptions } from './work-tree-guard.js';
import type { Role } from '../contract/roles.js';
import type { CallUsage } from '../contract/usage.js';
import type { Verdict } from '../contract/verdict.js';
import type { WorkerResult } from '../contract/round-record.js';
import type { AgentActivity } from '../contract/agent-activity.js';

/** The coder, the reviewer, the supervisor in INTERVENE: writes inside the project, never .git/ or a link out. */
export class ContainedWorker implements Worker {
  constructor(
    private readonly inner: Worker,
    private readonly role: Role,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get takesTools(): boolean | undefined {
    return this.inner.takesTools;
  }

  run(request: WorkerRequest): Promise<WorkerResult> {
    const onActivity = stamp(request.onActivity, this.inner.name, this.role);
    const options = { readOnly: request.readOnly ?? false, watchDependencies: runsShell(this.inner.name) };
    return guarded(request.projectDir, options, onActivity, () => this.inner.run({ ...request, onActivity }));
  }
}

/** The architect: reads only; whatever its call changed in the work tree is put back. */
export class ReadOnlyArchitect implements Architect {
  constructor(private readonly inner: Architect) {}

  get name(): string {
    return this.inner.name;
  }

  plan(request: PlanRequest): Promise<CallUsage & { text: string }> {
    const onActivity = stamp(request.onActivity, this.inner.name, 'architect');
    return guarded(request.projectDir, readOnlyFor(this.inner.name), onActivity, () =>
      this.inner.plan({ ...request, onActivity }),
    );
  }
}

/** The supervisor reviewing a round: reads only, as the architect. */
export class ReadOnlySupervisor implements Supervisor {
  constructor(private readonly inner: Supervisor) {}

  get name(): string {
    return this.inner.name;
  }

  review(request: ReviewRequest): Promise<Verdict & CallUsage> {
    const onActivity = stamp(request.onActivity ?? (() => undefined), this.inner.name, 'supervisor');
    return guarded(request.projectDir, readOnlyFor(this.inner.name), onActivity, () =>
      this.inner.review({ ...request, onActivity }),
    );
  }
}

const readOnlyFor = (engine: string): GuardOptions => ({ readOnly: true, watchDependencies: runsShell(engine) });

/**
 * Engines that could write a dependency folder: the scripted engine's run commands, a CLI with no OS sandbox around it.
 * The own agent has no shell and its edit blocks are refused there (engine/edits/safe-path.ts).
 */
function runsShell(engine: string): boolean {
  if (engine === 'scripted') return true;
  return (engine === 'claude' || engine === 'gemini') && detectOsSandbox().kind === 'none';
}

/** The check runs after the call even when it failed or threw: a crashed agent's writes are undone as well. */
async function guarded<T>(
  projectDir: string,
  options: GuardOptions,
  onActivity: (activity: AgentActivity) => void,
  call: () => Promise<T>,
): Promise<T> {
  const guard = await guardWorkTree(projectDir, options);
  try {
    return await call();
  } finally {
    for (const refusal of await guard.check())
      onActivity({ kind: 'edit', path: refusal.path, action: 'refused', reason: refusal.reason });
  }
}

/** Edits carry the engine and role that made them, so the refused ones can say who tried. */
function stamp(
  onActivity: (activity: AgentActivity) => void,
  engine: string,
  role: Role,
): (activity: AgentActivity) => void {
  return (activity) =>
    onActivity(
      activity.kind === 'edit'
        ? { ...activity, engine: activity.engine ?? engine, role: activity.role ?? role }
        : activity,
    );
}
