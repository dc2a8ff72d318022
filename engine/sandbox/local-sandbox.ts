// Runs commands as child processes in the project folder; on timeout or abort everything they started is killed.
import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import { CappedText } from '../util/capped-text.js';
import { outputCap, type ExecOptions, type ExecResult, type Sandbox } from './sandbox.js';
import { guardChild } from './guard-child.js';
import { markedProcesses, markerVariable, newMarker } from './process-marker.js';

/** After the command itself exits, how long its output may stay open before the holders are named and stopped. */
export const drainMs = 1000;

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
    const say = (text: string): void => {
      output.append(text);
      options.onOutput?.(text);
    };
    // One decoder for the whole stream: a character split across two chunks stays one character.
    const decoder = new StringDecoder('utf8');
    child.all?.on('data', (bytes: Uint8Array) => {
      const text = decoder.write(bytes);
      if (text) say(text);
    });
    // The command may end while something it started in the background keeps stdout open: name it, then stop it.
    let exitCode: number | null | undefined;
    let drain: NodeJS.Timeout | undefined;
    child.once('exit', (code) => {
      exitCode = code;
      drain = setTimeout(() => {
        const holders = markedProcesses(marker);
        if (holders.length === 0) return;
        const names = holders.slice(0, 5).map((process) => `${process.pid} ${process.command.slice(0, 80)}`).join('; ');
        say(`\n[factory: the test command ended (exit ${code ?? 'by signal'}), but background process(es) kept its output open: ${names}; factory stopped them]\n`);
        guard.killAll();
      }, drainMs);
    });
    const result = await child;
    clearTimeout(drain);
    const rest = decoder.end();
    if (rest) say(rest);
    guard.done();
    const timedOut = guard.timedOut();
    return {
      exitCode: timedOut ? null : (exitCode ?? result.exitCode ?? null),
      output: output.toString(),
      timedOut,
      truncated: output.truncated,
      durationMs: Date.now() - started,
    };
  }
}
