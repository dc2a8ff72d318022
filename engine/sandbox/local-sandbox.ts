// Runs commands as child processes in the project folder; on timeout or abort the whole process group is killed.
import { execa } from 'execa';
import { CappedText } from '../util/capped-text.js';
import { decodeBytes } from '../util/clean-text.js';
import { outputCap, type ExecOptions, type ExecResult, type Sandbox } from './sandbox.js';
import { guardChild } from './guard-child.js';

export class LocalSandbox implements Sandbox {
  readonly kind = 'local';

  constructor(private readonly projectDir: string, private readonly env: Record<string, string> = {}) {}

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
    const output = new CappedText(outputCap);
    const child = execa(command, {
      cwd: this.projectDir,
      shell: true,
      detached: true,
      reject: false,
      stdin: 'ignore',
      all: true,
      buffer: false,
      encoding: 'buffer',
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true', ...this.env },
    });
    const guard = guardChild(child.pid, options.timeoutMs, options.signal);
    child.all?.on('data', (bytes: Uint8Array) => {
      const text = decodeBytes(bytes);
      output.append(text);
      options.onOutput?.(text);
    });
    const result = await child;
    guard.done();
    const timedOut = guard.timedOut();
    return {
      exitCode: timedOut ? null : (result.exitCode ?? null),
      output: output.toString(),
      timedOut,
      truncated: output.truncated,
      durationMs: Date.now() - started,
    };
  }
}
