// Runs commands as child processes in the project folder; on timeout or abort everything they started is killed.
import { execa } from 'execa';
import { outputCap, type ExecOptions, type ExecResult, type Sandbox } from './sandbox.js';
import { guardChild } from './guard-child.js';
import { markedGone, markedProcesses, markerVariable, newMarker } from './process-marker.js';
import { StreamOutput } from './stream-output.js';

/** After the command itself exits, how long its output may stay open before the holders are named and stopped. */
const drainMs = 1000;

export class LocalSandbox implements Sandbox {
  readonly kind = 'local';

  constructor(
    private readonly projectDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get projectRoot(): string {
    return this.projectDir;
  }

  describe(): string {
    return `local processes in ${this.projectDir}`;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const started = Date.now();
    const output = new StreamOutput(outputCap, options.onOutput);
    const marker = newMarker();
    const child = execa(command, {
      cwd: this.projectDir,
      shell: true,
      detached: true,
      reject: false,
      stdin: 'ignore',
      all: true,
      buffer: false,
      encoding: 'buffer',
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true', ...this.env, [markerVariable]: marker },
    });
    const guard = guardChild(child.pid, options.timeoutMs, options.signal, marker);
    child.all?.on('data', (bytes: Uint8Array) => output.write(bytes));
    // The command may end while something it started in the background keeps stdout open: name it, then stop it.
    let exitCode: number | null | undefined;
    let drain: NodeJS.Timeout | undefined;
    child.nodeChildProcess.once('exit', (code: number | null) => {
      exitCode = code;
      drain = setTimeout(() => {
        const holders = markedProcesses(marker);
        if (holders.length === 0) return;
        const names = holders
          .slice(0, 5)
          .map((process) => `${process.pid} ${process.command.slice(0, 80)}`)
          .join('; ');
        output.note(
          `\n[factory: the test command ended (exit ${code ?? 'by signal'}), but background process(es) kept ` +
            `its output open: ${names}; factory stopped them]\n`,
        );
        guard.killAll();
      }, drainMs);
    });
    const result = await child;
    clearTimeout(drain);
    const { output: text, truncated } = output.end();
    guard.done();
    const timedOut = guard.timedOut();
    // A killed run returns once its processes are gone: what comes next (the round's tests, the next call) never
    // meets them.
    if (timedOut || options.signal?.aborted) await markedGone(marker);
    return {
      exitCode: timedOut ? null : (exitCode ?? result.exitCode ?? null),
      output: text,
      timedOut,
      truncated,
      durationMs: Date.now() - started,
    };
  }
}
