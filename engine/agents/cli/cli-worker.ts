// A worker that runs an agent CLI (claude, gemini) in the project, streams what it does, and returns its usage or a clear error.
import type { Worker, WorkerRequest, WorkerResult } from '../agent.js';
import type { CliEngine, CliOptions } from './cli-engine.js';
import { cliFailure } from './cli-failure.js';
import { runCli } from './run-cli.js';

export class CliWorker implements Worker {
  readonly name: string;

  constructor(private readonly engine: CliEngine, private readonly options: CliOptions) {
    this.name = engine.name;
  }

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const parser = this.engine.streamParser(request.projectDir);
    const exit = await runCli({
      binary: this.engine.binary,
      args: this.engine.workerArgs(request),
      cwd: request.projectDir,
      env: this.options.env ?? {},
      timeoutMs: this.options.timeoutMs,
      signal: request.signal,
      onLine: (line) => parser.line(line).forEach(request.onActivity),
    });
    const outcome = parser.finish();
    const usage = { costUsd: outcome.costUsd, inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens };
    const error = cliFailure(this.engine, exit, outcome, this.options.timeoutMs, 'stream-json');
    return error ? { ok: false, error, ...usage } : { ok: true, ...usage };
  }
}
