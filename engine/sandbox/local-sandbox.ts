// Runs commands as child processes in the project folder; on timeout or abort the whole process group is killed.
import { execa } from 'execa';
import { CappedText } from '../util/capped-text.js';
import { decodeBytes } from '../util/clean-text.js';
import { outputCap, type ExecOptions, type ExecResult, type Sandbox } from './sandbox.js';
import { killGroup } from './kill-group.js';

export class LocalSandbox implements Sandbox {
  readonly kind = 'local';

  constructor(private readonly projectDir: string, private readonly env: Record<string, string> = {}) {}

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
    let timedOut = false;
    const kill = (): void => killGroup(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', kill, { once: true });
    // A signal aborted before the command started never fires its event.
    if (options.signal?.aborted) kill();
    child.all?.on('data', (bytes: Uint8Array) => {
      const text = decodeBytes(bytes);
      output.append(text);
      options.onOutput?.(text);
    });
    const result = await child;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', kill);
    // Children that outlived the shell (backgrounded, or ignoring the shell's exit) go with the group.
    killGroup(child.pid);
    return {
      exitCode: timedOut ? null : (result.exitCode ?? null),
      output: output.toString(),
      timedOut,
      truncated: output.truncated,
      durationMs: Date.now() - started,
    };
  }
}
