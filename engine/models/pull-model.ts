// Pulls a missing model onto the Ollama server, reporting progress as it streams (at most every 2 % per layer, and each
// new status).
import type { Ollama } from 'ollama';
import type { EventPayload } from '../contract/events.js';
import { ollamaProblem } from '../agents/ollama/ollama-problem.js';
import { UserError, errorMessage } from '../util/errors.js';

export async function pullModel(
  client: Pick<Ollama, 'pull'>,
  host: string,
  model: string,
  report: (progress: Omit<EventPayload<'model:pull'>, 'role'>) => void,
): Promise<void> {
  let last = { status: '', percent: -1 };
  try {
    const stream = await client.pull({ model, stream: true });
    for await (const progress of stream) {
      const percent = progress.total ? Math.floor(((progress.completed ?? 0) * 50) / progress.total) : -1;
      if (progress.status === last.status && percent === last.percent) continue;
      last = { status: progress.status, percent };
      report({ model, status: progress.status, completed: progress.completed, total: progress.total });
    }
  } catch (error) {
    const problem = ollamaProblem(error, host, model);
    throw problem.message.startsWith('cannot reach')
      ? problem
      : new UserError(`cannot pull model "${model}" onto the Ollama server at ${host}: ${errorMessage(error)}`);
  }
}
