// A worker that runs an agent CLI (claude, gemini) in the project, streams what it does, and returns its usage or a
// clear error.
import fs from 'node:fs';
import path from 'node:path';
import { cliEntry } from '../../util/package-root.js';
import { openToolBridge, type ToolBridge } from '../../worker-tools/tool-bridge.js';
import type { Worker, WorkerRequest } from '../agent.js';
import type { CliEngine, CliOptions, ToolServer } from './cli-engine.js';
import { cliFailure } from './cli-failure.js';
import { containedCommand, makeScratchDir } from './contained-command.js';
import { runCli } from './run-cli.js';
import type { WorkerResult } from '../../contract/round-record.js';

export class CliWorker implements Worker {
  readonly name: string;
  readonly takesTools = true;

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
    let bridge: ToolBridge | undefined;
    const run = async () => {
      bridge =
        request.tools && !request.readOnly
          ? await openToolBridge(request.tools, path.join(scratchDir, 'tools.sock'))
          : undefined;
      const server = bridge && request.tools && this.toolServer(bridge.socket, request.tools.names);
      const base = this.options.env ?? {};
      const env = { ...base, ...(server && this.engine.toolsEnv?.(scratchDir, server, { ...process.env, ...base })) };
      const args = this.engine.workerArgs(request, scratchDir, server);
      const command = containedCommand(this.engine, { ...this.options, env }, call, args);
      return runCli({
        ...command,
        cwd: request.projectDir,
        timeoutMs: this.options.timeoutMs,
        signal: request.signal,
        onLine: (line) => parser.line(line).forEach(request.onActivity),
      });
    };
    const exit = await run().finally(async () => {
      await bridge?.close();
      fs.rmSync(scratchDir, { recursive: true, force: true });
    });
    const outcome = parser.finish();
    const usage = { costUsd: outcome.costUsd, inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens };
    const error = cliFailure(this.engine, exit, outcome, this.options.timeoutMs, 'stream-json');
    return error ? { ok: false, error, ...usage } : { ok: true, ...usage };
  }

  /** `factory mcp-server` on the call's socket, started by the CLI itself (inside its OS sandbox, like every tool). */
  private toolServer(socket: string, tools: ToolServer['tools']): ToolServer {
    const [command = process.execPath, ...rest] = this.options.factoryCommand ?? [process.execPath, cliEntry()];
    return { command, args: [...rest, 'mcp-server', '--socket', socket], tools };
  }
}
