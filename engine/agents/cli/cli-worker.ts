// A worker that runs an agent CLI (claude, gemini) in the project, streams what it does, and returns its usage or a
// clear error.
import fs from 'node:fs';
import type { Worker, WorkerRequest, WorkerResult } from '../agent.js';
import type { CliEngine, CliOptions } from './cli-engine.js';
import { cliFailure } from './cli-failure.js';
import { containedCommand, makeScratchDir } from './contained-command.js';
import { runCli } from './run-cli.js';

export class CliWorker implements Worker {
  readonly name: string;

  constructor(
    private readonly engine: CliEngine,
    private readonly options: CliOptions,
  ) {
    this.name = engine.name;
  }

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const parser = this.engine.streamParser(request.projectDir);
    const scratchDir = makeScratchDir(this.engine);
    const call = {
      projectDir: request.projectDir,
      readOnly: request.readOnly ?? false,
      lockedPaths: request.lockedPaths,
      scratchDir,
    };
    const command = containedCommand(this.engine, this.options, call, this.engine.workerArgs(request, scratchDir));
    const exit = await runCli({
      ...command,
      cwd: request.projectDir,
      timeoutMs: this.options.timeoutMs,
      signal: request.signal,
      onLine: (line) => parser.line(line).forEach(request.onActivity),
    }).finally(() => fs.rmSync(scratchDir, { recursive: true, force: true }));
    const outcome = parser.finish();
    const usage = { costUsd: outcome.costUsd, inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens };
    const error = cliFailure(this.engine, exit, outcome, this.options.timeoutMs, 'stream-json');
    return error ? { ok: false, error, ...usage } : { ok: true, ...usage };
  }
}
