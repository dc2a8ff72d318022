// Any worker engine as the architect: it is run read-only with the plan prompt and its streamed text is the answer.
import type { Architect, PlanRequest, Worker } from './agent.js';
import type { Task } from '../rfp/tasks-file.js';
import type { CallUsage } from '../contract/usage.js';
import type { AgentActivity } from '../contract/agent-activity.js';

const planTask: Task = { index: 0, line: 0, title: 'plan', done: false, tests: [] };

export class WorkerArchitect implements Architect {
  constructor(private readonly worker: Worker) {}

  get name(): string {
    return this.worker.name;
  }

  async plan(request: PlanRequest): Promise<CallUsage & { text: string }> {
    const text: string[] = [];
    const onActivity = (activity: AgentActivity): void => {
      if (activity.kind === 'text') text.push(activity.text);
      request.onActivity(activity);
    };
    const result = await this.worker.run({
      ...request,
      task: planTask,
      round: 0,
      runRound: 0,
      lockedPaths: new Set(),
      readOnly: true,
      onActivity,
    });
    if (!result.ok) throw new Error(`the architect (${this.worker.name}) failed: ${result.error ?? 'no reason given'}`);
    return {
      text: text.join('\n'),
      costUsd: result.costUsd,
      inputTokens: result.inputTokens,
      outputTokens: result.outputTokens,
    };
  }
}
