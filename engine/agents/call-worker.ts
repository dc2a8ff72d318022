// The worker's run for a round, its activity shown as it comes; a worker that throws is a failed round, not a failed
// run.
import type { Say } from '../contract/events.js';
import type { WorkerResult } from '../contract/round-record.js';
import { refusal } from '../reports/round-record.js';
import { errorMessage } from '../util/errors.js';
import type { Worker, WorkerRequest } from './agent.js';
import { sayActivity } from './say-activity.js';

export async function callWorker(
  say: Say,
  worker: Worker,
  request: Omit<WorkerRequest, 'onActivity'>,
): Promise<{ result: WorkerResult; refusedEdits: string[] }> {
  const refusedEdits: string[] = [];
  const result = await worker
    .run({
      ...request,
      onActivity: (activity) => {
        if (activity.kind === 'edit' && activity.action === 'refused') refusedEdits.push(refusal(activity));
        sayActivity(say, activity);
      },
    })
    .catch((error: unknown): WorkerResult => ({ ok: false, error: errorMessage(error) }));
  // A tool call the worker left running (its CLI timed out mid-call) is killed and gone before factory's tests run.
  await request.tools?.end();
  return { result, refusedEdits };
}
