// Runs a worker once outside the loop, collecting what it streamed: for tests of one engine call.
import type { Worker, WorkerRequest } from '../../engine/agents/agent.js';
import type { WorkerResult } from '../../engine/contract/round-record.js';
import type { AgentActivity } from '../../engine/contract/agent-activity.js';

export async function runWorkerOnce(
  worker: Worker,
  projectDir: string,
  extra: Partial<WorkerRequest> = {},
): Promise<WorkerResult & { activity: AgentActivity[] }> {
  const activity: AgentActivity[] = [];
  const request = {
    prompt: 'Make calc.add return the sum; tests/test_calc.py must pass.',
    projectDir,
    task: { index: 1, line: 1, title: 'Make add return the sum', done: false, tests: [] },
    round: 1,
    /** The first round of the run (resumable runs number rounds run-wide). */
    runRound: 1,
    model: '',
    lockedPaths: new Set<string>(),
    signal: new AbortController().signal,
    onActivity: (item: AgentActivity) => activity.push(item),
    ...extra,
  };
  const result = await worker.run(request);
  return { ...result, activity };
}
